#include <taskflow/server/taskrepository.h>

#include <taskflow/common/isodatetime.h>
#include <taskflow/common/textfold.h>
#include <taskflow/server/databaseerror.h>
#include <taskflow/server/databasesession.h>

#include <QCryptographicHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

constexpr int columnCount = 9; // SqlDialect::taskColumns()

QVariant nullableText(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<QString>());
}

QVariant timestamp(const std::optional<QDateTime> &value)
{
    return value ? QVariant(IsoDateTime::toDatabase(*value)) : QVariant(QMetaType::fromType<QString>());
}

std::optional<QString> optionalText(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional(value.toString());
}

// `%` and `_` in a search are literal characters, not wildcards.
QString likePattern(const QString &search)
{
    QString escaped = search;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return u'%' + escaped + u'%';
}

Task readTask(const QSqlQuery &query)
{
    return TaskRepository::taskAt(query);
}

VersionedTask readVersioned(const QSqlQuery &query)
{
    VersionedTask versioned;
    versioned.task = readTask(query);
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (int i = 0; i < columnCount; ++i) {
        const QVariant value = query.value(i);
        versioned.row.append(value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value.toString()));
        digest.addData(value.isNull() ? QByteArrayView("\x01") : QByteArrayView(value.toString().toUtf8()));
        digest.addData(QByteArrayView("\x00", 1));
    }
    versioned.etag = '"' + digest.result().left(12).toHex() + '"';
    return versioned;
}

void bindAll(QSqlQuery &query, const QList<QVariant> &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds.at(i));
}

bool hasFilters(const TaskQuery &query)
{
    return query.status || query.priority || query.assignee
        || (query.search && !query.search->isEmpty());
}

// The entity-tags of an If-Match or If-None-Match value: `*`, or a list of quoted tags, weak
// ones (W/"…") marked.
QList<QByteArray> entityTags(const QByteArray &header)
{
    QList<QByteArray> tags;
    for (const QByteArray &part : header.split(','))
        if (const QByteArray tag = part.trimmed(); !tag.isEmpty())
            tags.append(tag);
    return tags;
}

} // namespace

Task TaskRepository::taskAt(const QSqlQuery &query, int first)
{
    const auto value = [&](int column) { return query.value(first + column); };
    Task task;
    task.id = value(0).toString();
    task.title = value(1).toString();
    task.description = optionalText(value(2));
    task.status = statusFromDatabase(value(3).toString()).value_or(TaskStatus::Todo);
    task.priority = priorityFromDatabase(value(4).toString()).value_or(TaskPriority::Medium);
    task.assignee = optionalText(value(5));
    if (!value(6).isNull())
        task.dueDate = IsoDateTime::fromDatabase(value(6).toString());
    task.createdAt = IsoDateTime::fromDatabase(value(7).toString()).value_or(QDateTime());
    task.updatedAt = IsoDateTime::fromDatabase(value(8).toString()).value_or(task.createdAt);
    return task;
}

TaskRepository::TaskRepository(DatabaseSession &session)
    : m_session(session), m_sql(session.isPostgres())
{
}

bool TaskRepository::etagMatches(const QByteArray &header, const QByteArray &etag, bool weak)
{
    // RFC 9110, 8.8.3.2: a weak tag never matches strongly.
    for (const QByteArray &tag : entityTags(header)) {
        if (tag == "*" || tag == etag || (weak && tag.startsWith("W/") && tag.mid(2) == etag))
            return true;
    }
    return false;
}

QString TaskRepository::whereClause(const TaskQuery &query, QList<QVariant> &binds) const
{
    QStringList conditions;
    if (query.status) {
        conditions.append(u"tasks.status = ?"_s);
        binds.append(toDatabase(*query.status));
    }
    if (query.priority) {
        conditions.append(u"tasks.priority = ?"_s);
        binds.append(toDatabase(*query.priority));
    }
    if (query.assignee) {
        conditions.append(u"tasks.assignee = ?"_s);
        binds.append(*query.assignee);
    }
    if (query.search && !query.search->isEmpty()) {
        // The stored text is folded by the triggers of migration 3 exactly as the search is
        // here, so case and accents are ignored alike on both databases.
        conditions.append(u"tasks.id IN (SELECT task_id FROM taskflow_search WHERE title LIKE ? "
                          "ESCAPE '\\' OR description LIKE ? ESCAPE '\\')"_s);
        const QString pattern = likePattern(TextFold::fold(*query.search));
        binds.append(pattern);
        binds.append(pattern);
    }
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

QString TaskRepository::orderClause(const TaskQuery &query) const
{
    const QString dir = query.descending ? u"DESC"_s : u"ASC"_s;
    // Qualified: PostgreSQL selects the columns as text under their own names, and a bare name
    // would sort by that text instead of by (and with the index of) the column.
    const QString key = m_sql.sortKey(query.sortKey, u"tasks"_s);
    // Tasks without a due date come last in either direction; ties go by id. Only due_date
    // says NULLS LAST: a DESC NULLS LAST the index cannot give would sort the whole table.
    const QString nulls = query.sortKey == TaskSortKey::DueDate ? u" NULLS LAST"_s : QString();
    return u" ORDER BY %1 %2%3, tasks.id %2"_s.arg(key, dir, nulls);
}

std::optional<VersionedTask> TaskRepository::find(const QString &id)
{
    QSqlQuery &query = m_session.prepared(u"SELECT "_s + m_sql.taskColumns() + u" FROM tasks WHERE id = ?"_s);
    query.bindValue(0, id);
    m_session.exec(query);
    std::optional<VersionedTask> found;
    if (query.next())
        found = readVersioned(query);
    // Ends the read at once: on SQLite a read left open pins its snapshot, and a write that
    // follows on this connection would then fail as soon as another connection has written.
    query.finish();
    return found;
}

QList<Task> TaskRepository::list(const TaskQuery &taskQuery)
{
    QList<QVariant> binds;
    QString sql = u"SELECT "_s + m_sql.taskColumns() + u" FROM tasks"_s + whereClause(taskQuery, binds)
        + orderClause(taskQuery);
    if (taskQuery.limit || taskQuery.offset) {
        sql += u" LIMIT ? OFFSET ?"_s;
        binds.append(taskQuery.limit.value_or(-1)); // SQLite: -1 means no limit
        binds.append(taskQuery.offset.value_or(0));
        if (m_sql.isPostgres() && !taskQuery.limit)
            binds[binds.size() - 2] = QVariant(QMetaType::fromType<int>()); // LIMIT NULL: all
    }
    QSqlQuery &query = m_session.prepared(sql);
    bindAll(query, binds);
    m_session.exec(query);
    QList<Task> tasks;
    if (taskQuery.limit)
        tasks.reserve(*taskQuery.limit);
    while (query.next())
        tasks.append(readTask(query));
    return tasks;
}

QList<Task> TaskRepository::slice(const TaskQuery &taskQuery, const std::optional<ListCursor> &after,
                                  int size, ListCursor *last)
{
    QList<QVariant> binds;
    QString where = whereClause(taskQuery, binds);
    // The key as the order sees it, read back as text (PostgreSQL) so it binds back unchanged.
    const QString key = m_sql.sortKey(taskQuery.sortKey, u"tasks"_s);
    const QString keyText = m_sql.isPostgres() ? key + u"::text"_s : key;
    if (after) {
        // Keyset: what sorts after the last row sent. Tasks without a due date come last in
        // both directions; PostgreSQL puts a NULL status or priority last ascending and first
        // descending, as SQLite's rank of it (3) does.
        const bool desc = taskQuery.descending;
        const QString beyond = desc ? u"<"_s : u">"_s;
        const bool nullsLast = taskQuery.sortKey == TaskSortKey::DueDate || !desc;
        const bool nullable = taskQuery.sortKey == TaskSortKey::DueDate
            || (m_sql.isPostgres() && (taskQuery.sortKey == TaskSortKey::Status
                                       || taskQuery.sortKey == TaskSortKey::Priority));
        QString condition;
        if (after->key.isNull()) {
            condition = u"(%1 IS NULL AND tasks.id %2 ?)"_s.arg(key, beyond);
            binds.append(after->id);
            if (!nullsLast)
                condition = u"(%1 OR %2 IS NOT NULL)"_s.arg(condition, key);
        } else {
            condition = u"(%1 %2 ? OR (%1 = ? AND tasks.id %2 ?)"_s.arg(key, beyond);
            binds.append(after->key);
            binds.append(after->key);
            binds.append(after->id);
            if (nullable && nullsLast)
                condition += u" OR %1 IS NULL"_s.arg(key);
            condition += u')';
        }
        where += (where.isEmpty() ? u" WHERE "_s : u" AND "_s) + condition;
    }
    QSqlQuery &query = m_session.prepared(u"SELECT "_s + m_sql.taskColumns() + u", "_s + keyText
                                          + u" FROM tasks"_s + where + orderClause(taskQuery)
                                          + u" LIMIT "_s + QString::number(size));
    bindAll(query, binds);
    m_session.exec(query);
    QList<Task> tasks;
    tasks.reserve(size);
    while (query.next()) {
        tasks.append(readTask(query));
        last->key = query.value(columnCount);
        last->id = tasks.constLast().id;
    }
    return tasks;
}

qint64 TaskRepository::count(const TaskQuery &taskQuery)
{
    if (!hasFilters(taskQuery))
        return countsKept().total;
    QList<QVariant> binds;
    QSqlQuery &query = m_session.prepared(u"SELECT count(*) FROM tasks"_s + whereClause(taskQuery, binds));
    bindAll(query, binds);
    m_session.exec(query);
    return query.next() ? query.value(0).toLongLong() : 0;
}

TaskStats TaskRepository::countsKept()
{
    // PostgreSQL keeps the counts as a row plus the deltas the triggers appended since the
    // feed last folded them in (ChangeFeed): their sum is exact at every moment.
    const QString columns = u"total, todo, in_progress, done, low, medium, high"_s;
    QSqlQuery &query = m_session.prepared(
        m_sql.isPostgres()
            ? u"SELECT sum(total), sum(todo), sum(in_progress), sum(done), sum(low), sum(medium), "
              "sum(high) FROM (SELECT %1 FROM taskflow_counts UNION ALL SELECT %1 FROM "
              "taskflow_count_deltas) c"_s.arg(columns)
            : u"SELECT %1 FROM taskflow_counts"_s.arg(columns));
    m_session.exec(query);
    TaskStats stats;
    if (!query.next())
        return stats;
    stats.total = query.value(0).toLongLong();
    for (int i = 0; i < 3; ++i) {
        stats.byStatus[std::size_t(i)] = query.value(1 + i).toLongLong();
        stats.byPriority[std::size_t(i)] = query.value(4 + i).toLongLong();
    }
    return stats;
}

TaskStats TaskRepository::stats(const TaskQuery &taskQuery, const QDateTime &now)
{
    QList<QVariant> binds{IsoDateTime::toDatabase(now)};
    const QString overdue = u"count(*) FROM tasks WHERE tasks.due_date < ? AND (tasks.status IS NULL "
                            "OR tasks.status <> 'DONE')"_s;
    if (!hasFilters(taskQuery)) {
        // Counts kept by the triggers, and the overdue ones from the index of open due dates.
        TaskStats stats = countsKept();
        QSqlQuery &query = m_session.prepared(u"SELECT "_s + overdue);
        bindAll(query, binds);
        m_session.exec(query);
        stats.overdue = query.next() ? query.value(0).toLongLong() : 0;
        return stats;
    }
    QString sql = u"SELECT COALESCE(SUM(CASE WHEN due_date < ? AND (status IS NULL OR status <> "
                  "'DONE') THEN 1 ELSE 0 END), 0), count(*)"_s;
    for (const TaskStatus status : allStatuses)
        sql += u", COALESCE(SUM(CASE WHEN status = '%1' THEN 1 ELSE 0 END), 0)"_s.arg(toDatabase(status));
    for (const TaskPriority priority : allPriorities)
        sql += u", COALESCE(SUM(CASE WHEN priority = '%1' THEN 1 ELSE 0 END), 0)"_s.arg(toDatabase(priority));
    sql += u" FROM tasks"_s + whereClause(taskQuery, binds);
    QSqlQuery &query = m_session.prepared(sql);
    bindAll(query, binds);
    m_session.exec(query);
    TaskStats stats;
    if (!query.next())
        return stats;
    stats.overdue = query.value(0).toLongLong();
    stats.total = query.value(1).toLongLong();
    int column = 2;
    for (std::size_t i = 0; i < stats.byStatus.size(); ++i)
        stats.byStatus[i] = query.value(column++).toLongLong();
    for (std::size_t i = 0; i < stats.byPriority.size(); ++i)
        stats.byPriority[i] = query.value(column++).toLongLong();
    return stats;
}

QDateTime TaskRepository::nextDueAfter(const TaskQuery &taskQuery, const QDateTime &now)
{
    QList<QVariant> binds;
    QString where = whereClause(taskQuery, binds);
    where += (where.isEmpty() ? u" WHERE "_s : u" AND "_s)
        + u"tasks.due_date >= ? AND (tasks.status IS NULL OR tasks.status <> 'DONE')"_s;
    binds.append(IsoDateTime::toDatabase(now));
    QSqlQuery &query = m_session.prepared(
        u"SELECT min(tasks.due_date)%1 FROM tasks"_s.arg(m_sql.isPostgres() ? u"::text"_s : QString()) + where);
    bindAll(query, binds);
    m_session.exec(query);
    if (!query.next() || query.value(0).isNull())
        return QDateTime();
    return IsoDateTime::fromDatabase(query.value(0).toString()).value_or(QDateTime());
}

ChangeMarker TaskRepository::changeMarker()
{
    QSqlQuery &query = m_session.prepared(
        m_sql.isPostgres()
            // One statement, so one snapshot: a numbering commits wholly before it or after it.
            ? u"SELECT COALESCE((SELECT max(seq) FROM taskflow_changes), 0) "
              "+ (SELECT count(*) FROM taskflow_change_queue)"_s
            : u"SELECT COALESCE(max(seq), 0) FROM taskflow_changes"_s);
    m_session.exec(query);
    ChangeMarker marker;
    if (query.next())
        marker.changes = query.value(0).toLongLong();
    query.finish();
    return marker;
}

VersionedTask TaskRepository::insert(const Task &task)
{
    // ON CONFLICT DO NOTHING makes the insert safe to repeat after a lost connection: a retry
    // of an insert that did land finds its own row instead of failing.
    QSqlQuery &query = m_session.prepared(
        u"INSERT INTO tasks (id, title, description, status, priority, assignee, due_date, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING "
        "RETURNING "_s + m_sql.taskColumns());
    query.bindValue(0, task.id);
    query.bindValue(1, task.title);
    query.bindValue(2, nullableText(task.description));
    query.bindValue(3, toDatabase(task.status));
    query.bindValue(4, toDatabase(task.priority));
    query.bindValue(5, nullableText(task.assignee));
    query.bindValue(6, timestamp(task.dueDate));
    query.bindValue(7, IsoDateTime::toDatabase(task.createdAt));
    query.bindValue(8, IsoDateTime::toDatabase(task.updatedAt));
    m_session.exec(query);
    if (query.next())
        return readVersioned(query);
    query.finish();
    if (std::optional<VersionedTask> stored = find(task.id))
        return *stored;
    throw DatabaseError(DatabaseError::Kind::Failed, u"an inserted task is not there"_s);
}

QString TaskRepository::sameRow() const
{
    // Every stored column as it was read: the write happens only if the row is still that one.
    // On PostgreSQL this is also what the row is re-checked against when a concurrent writer
    // got there first, so of writers holding one version exactly one succeeds.
    const QStringList columns = m_sql.taskColumns(u"tasks"_s).split(u", "_s);
    QStringList same;
    for (const QString &column : columns)
        same.append(m_sql.sameAs(column));
    return same.join(u" AND "_s);
}

WriteOutcome TaskRepository::update(const QString &id, const TaskChanges &changes,
                                    const QDateTime &now, const QByteArray &ifMatch)
{
    std::optional<VersionedTask> current;
    if (!ifMatch.isEmpty() || changes.isEmpty()) {
        current = find(id);
        if (!current)
            return {WriteOutcome::Kind::NotFound, std::nullopt};
        if (!ifMatch.isEmpty() && !etagMatches(ifMatch, current->etag, false))
            return {WriteOutcome::Kind::Stale, current};
        if (changes.isEmpty())
            return {WriteOutcome::Kind::Done, current};
    }

    QStringList assignments;
    QList<QVariant> binds;
    const auto set = [&](const char *column, const QVariant &value) {
        assignments.append(QLatin1StringView(column) + u" = ?"_s);
        binds.append(value);
    };
    if (changes.title)
        set("title", *changes.title);
    if (changes.description)
        set("description", nullableText(*changes.description));
    if (changes.status)
        set("status", toDatabase(*changes.status));
    if (changes.priority)
        set("priority", toDatabase(*changes.priority));
    if (changes.assignee)
        set("assignee", nullableText(*changes.assignee));
    if (changes.dueDate)
        set("due_date", timestamp(*changes.dueDate));
    set("updated_at", IsoDateTime::toDatabase(now));
    binds.append(id);
    QString condition = u"id = ?"_s;
    if (current) {
        condition += u" AND "_s + sameRow();
        binds += current->row;
    }

    QSqlQuery &query = m_session.prepared(u"UPDATE tasks SET "_s + assignments.join(u", "_s)
                                          + u" WHERE "_s + condition + u" RETURNING "_s
                                          + m_sql.taskColumns());
    bindAll(query, binds);
    m_session.exec(query);
    if (query.next())
        return {WriteOutcome::Kind::Done, readVersioned(query)};
    if (!current)
        return {WriteOutcome::Kind::NotFound, std::nullopt};
    // Changed or deleted between the read and the write.
    query.finish();
    current = find(id);
    return current ? WriteOutcome{WriteOutcome::Kind::Stale, current}
                   : WriteOutcome{WriteOutcome::Kind::NotFound, std::nullopt};
}

WriteOutcome TaskRepository::remove(const QString &id, const QByteArray &ifMatch)
{
    if (ifMatch.isEmpty()) {
        QSqlQuery &query = m_session.prepared(u"DELETE FROM tasks WHERE id = ?"_s);
        query.bindValue(0, id);
        m_session.exec(query);
        return {query.numRowsAffected() > 0 ? WriteOutcome::Kind::Done : WriteOutcome::Kind::NotFound,
                std::nullopt};
    }
    std::optional<VersionedTask> current = find(id);
    if (!current)
        return {WriteOutcome::Kind::NotFound, std::nullopt};
    if (!etagMatches(ifMatch, current->etag, false))
        return {WriteOutcome::Kind::Stale, current};
    QSqlQuery &query = m_session.prepared(u"DELETE FROM tasks WHERE id = ? AND "_s + sameRow());
    QList<QVariant> binds{id};
    binds += current->row;
    bindAll(query, binds);
    m_session.exec(query);
    if (query.numRowsAffected() > 0)
        return {WriteOutcome::Kind::Done, std::nullopt};
    query.finish();
    current = find(id);
    return current ? WriteOutcome{WriteOutcome::Kind::Stale, current}
                   : WriteOutcome{WriteOutcome::Kind::NotFound, std::nullopt};
}

} // namespace taskflow
