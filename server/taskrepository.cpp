#include <taskflow/server/taskrepository.h>

#include <taskflow/server/databaseerror.h>
#include <taskflow/server/databasesession.h>
#include <taskflow/common/isodatetime.h>
#include <taskflow/server/logging.h>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

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
    Task task;
    task.id = query.value(0).toString();
    task.title = query.value(1).toString();
    task.description = optionalText(query.value(2));
    const QString status = query.value(3).toString();
    const QString priority = query.value(4).toString();
    task.status = statusFromDatabase(status).value_or(TaskStatus::Todo);
    task.priority = priorityFromDatabase(priority).value_or(TaskPriority::Medium);
    task.assignee = optionalText(query.value(5));
    if (!query.value(6).isNull())
        task.dueDate = IsoDateTime::fromDatabase(query.value(6).toString());
    task.createdAt = IsoDateTime::fromDatabase(query.value(7).toString()).value_or(QDateTime());
    task.updatedAt = IsoDateTime::fromDatabase(query.value(8).toString()).value_or(task.createdAt);
    return task;
}

void bindAll(QSqlQuery &query, const QList<QVariant> &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds.at(i));
}

} // namespace

QString TaskRepository::selectColumns() const
{
    // PostgreSQL hands timestamps and enums back as text, so they read the same as on SQLite
    // whatever the time zone of the server process.
    if (m_session.isPostgres())
        return u"id, title, description, status::text, priority::text, assignee, "
               "due_date::text, created_at::text, updated_at::text"_s;
    return u"id, title, description, status, priority, assignee, due_date, created_at, "
           "updated_at"_s;
}

QString TaskRepository::whereClause(const TaskQuery &query, QList<QVariant> &binds) const
{
    QStringList conditions;
    if (query.status) {
        conditions.append(u"status = ?"_s);
        binds.append(toDatabase(*query.status));
    }
    if (query.priority) {
        conditions.append(u"priority = ?"_s);
        binds.append(toDatabase(*query.priority));
    }
    if (query.assignee) {
        conditions.append(u"assignee = ?"_s);
        binds.append(*query.assignee);
    }
    if (query.search && !query.search->isEmpty()) {
        // ILIKE folds case for all of Unicode on PostgreSQL; SQLite's LIKE folds ASCII only.
        const QString like = m_session.isPostgres() ? u"ILIKE"_s : u"LIKE"_s;
        conditions.append(u"(title %1 ? ESCAPE '\\' OR description %1 ? ESCAPE '\\')"_s.arg(like));
        binds.append(likePattern(*query.search));
        binds.append(likePattern(*query.search));
    }
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

QString TaskRepository::orderClause(const TaskQuery &query) const
{
    const QString dir = query.descending ? u"DESC"_s : u"ASC"_s;
    QString key;
    switch (query.sortKey) {
    case TaskSortKey::CreatedAt: key = u"created_at"_s; break;
    case TaskSortKey::UpdatedAt: key = u"updated_at"_s; break;
    case TaskSortKey::DueDate: key = u"due_date"_s; break;
    case TaskSortKey::Title: key = u"title"_s; break;
    case TaskSortKey::Status:
        // PostgreSQL's enum sorts in label order; SQLite's text would sort DONE first.
        key = m_session.isPostgres() ? u"status"_s
                                     : u"(CASE status WHEN 'TODO' THEN 0 WHEN 'IN_PROGRESS' THEN "
                                       "1 WHEN 'DONE' THEN 2 ELSE 3 END)"_s;
        break;
    case TaskSortKey::Priority:
        key = m_session.isPostgres() ? u"priority"_s
                                     : u"(CASE priority WHEN 'LOW' THEN 0 WHEN 'MEDIUM' THEN 1 "
                                       "WHEN 'HIGH' THEN 2 ELSE 3 END)"_s;
        break;
    }
    // PostgreSQL selects the columns as text under their own names, and a bare ORDER BY name
    // means the output column: qualified, it sorts by (and uses the index of) the real column.
    const QString table = m_session.isPostgres() ? u"tasks."_s : QString();
    key.prepend(table);
    // Tasks without a due date come last in either direction; ties go by id. Only due_date
    // says NULLS LAST: the other keys are never null in our rows, and on PostgreSQL a DESC
    // NULLS LAST the index cannot give would turn a page of 50 into a sort of the whole table.
    const QString nulls = query.sortKey == TaskSortKey::DueDate ? u" NULLS LAST"_s : QString();
    return u" ORDER BY %1 %2%4, %3id %2"_s.arg(key, dir, table, nulls);
}

std::optional<Task> TaskRepository::find(const QString &id)
{
    QSqlQuery &query = m_session.prepared(u"SELECT "_s + selectColumns() + u" FROM tasks WHERE id = ?"_s);
    query.bindValue(0, id);
    DatabaseSession::exec(query);
    if (!query.next())
        return std::nullopt;
    return readTask(query);
}

QList<Task> TaskRepository::list(const TaskQuery &taskQuery)
{
    QList<QVariant> binds;
    QString sql = u"SELECT "_s + selectColumns() + u" FROM tasks"_s + whereClause(taskQuery, binds)
        + orderClause(taskQuery);
    if (taskQuery.limit || taskQuery.offset) {
        sql += u" LIMIT ? OFFSET ?"_s;
        binds.append(taskQuery.limit.value_or(-1)); // SQLite: -1 means no limit
        binds.append(taskQuery.offset.value_or(0));
        if (m_session.isPostgres() && !taskQuery.limit)
            binds[binds.size() - 2] = QVariant(QMetaType::fromType<int>()); // LIMIT NULL: all
    }
    QSqlQuery &query = m_session.prepared(sql);
    bindAll(query, binds);
    DatabaseSession::exec(query);
    QList<Task> tasks;
    if (taskQuery.limit)
        tasks.reserve(*taskQuery.limit);
    while (query.next())
        tasks.append(readTask(query));
    return tasks;
}

qint64 TaskRepository::count(const TaskQuery &taskQuery)
{
    QList<QVariant> binds;
    QSqlQuery &query = m_session.prepared(u"SELECT count(*) FROM tasks"_s + whereClause(taskQuery, binds));
    bindAll(query, binds);
    DatabaseSession::exec(query);
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 TaskRepository::countAll()
{
    return count(TaskQuery());
}

TaskStats TaskRepository::stats(const TaskQuery &taskQuery, const QDateTime &now)
{
    QList<QVariant> binds{IsoDateTime::toDatabase(now)};
    QString sql = u"SELECT COALESCE(SUM(CASE WHEN due_date < ? AND (status IS NULL OR status <> "
                  "'DONE') THEN 1 ELSE 0 END), 0), count(*)"_s;
    for (const TaskStatus status : allStatuses)
        sql += u", COALESCE(SUM(CASE WHEN status = '%1' THEN 1 ELSE 0 END), 0)"_s.arg(toDatabase(status));
    for (const TaskPriority priority : allPriorities)
        sql += u", COALESCE(SUM(CASE WHEN priority = '%1' THEN 1 ELSE 0 END), 0)"_s.arg(
            toDatabase(priority));
    sql += u" FROM tasks"_s + whereClause(taskQuery, binds);
    QSqlQuery &query = m_session.prepared(sql);
    bindAll(query, binds);
    DatabaseSession::exec(query);
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

void TaskRepository::insert(const Task &task)
{
    // ON CONFLICT DO NOTHING makes the insert safe to repeat after a lost connection: a retry
    // of an insert that did land finds its own row instead of failing.
    QSqlQuery &query = m_session.prepared(
        u"INSERT INTO tasks (id, title, description, status, priority, assignee, due_date, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"_s);
    query.bindValue(0, task.id);
    query.bindValue(1, task.title);
    query.bindValue(2, nullableText(task.description));
    query.bindValue(3, toDatabase(task.status));
    query.bindValue(4, toDatabase(task.priority));
    query.bindValue(5, nullableText(task.assignee));
    query.bindValue(6, timestamp(task.dueDate));
    query.bindValue(7, IsoDateTime::toDatabase(task.createdAt));
    query.bindValue(8, IsoDateTime::toDatabase(task.updatedAt));
    DatabaseSession::exec(query);
}

std::optional<Task> TaskRepository::update(const QString &id, const TaskChanges &changes,
                                           const QDateTime &now)
{
    if (changes.isEmpty())
        return find(id);

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

    QSqlQuery &query = m_session.prepared(u"UPDATE tasks SET "_s + assignments.join(u", "_s)
                                          + u" WHERE id = ? RETURNING "_s + selectColumns());
    bindAll(query, binds);
    DatabaseSession::exec(query);
    if (!query.next())
        return std::nullopt;
    return readTask(query);
}

bool TaskRepository::remove(const QString &id)
{
    QSqlQuery &query = m_session.prepared(u"DELETE FROM tasks WHERE id = ?"_s);
    query.bindValue(0, id);
    DatabaseSession::exec(query);
    return query.numRowsAffected() > 0;
}

} // namespace taskflow
