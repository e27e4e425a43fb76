#include <taskflow/server/changelog.h>

#include <taskflow/common/isodatetime.h>
#include <taskflow/server/databaseerror.h>
#include <taskflow/server/databasesession.h>
#include <taskflow/server/taskrepository.h>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// Any constant shared by every TaskFlow server: it names the lock the sequencing takes.
constexpr qint64 sequenceLockKey = 7'420'113'002;

// What a log entry keeps besides its number: the change, and the task as it left it.
const QString logged = u"task_id, op, title, description, status, priority, assignee, due_date, "
                       "created_at, updated_at"_s;

qint64 scalar(DatabaseSession &session, const QString &sql)
{
    QSqlQuery &query = session.prepared(sql);
    session.exec(query);
    return query.next() ? query.value(0).toLongLong() : 0;
}

} // namespace

ChangeLog::ChangeLog(DatabaseSession &session) : m_session(session), m_sql(session.isPostgres()) {}

qint64 ChangeLog::last()
{
    return scalar(m_session, u"SELECT COALESCE(max(seq), 0) FROM taskflow_changes"_s);
}

qint64 ChangeLog::oldest()
{
    return scalar(m_session, u"SELECT COALESCE(min(seq), 0) FROM taskflow_changes"_s);
}

QList<ChangeLog::Entry> ChangeLog::after(qint64 seq, int limit)
{
    QSqlQuery &query = m_session.prepared(
        u"SELECT seq, op, "_s + m_sql.taskColumns(u"taskflow_changes"_s).replace(
            u"taskflow_changes.id"_s, u"taskflow_changes.task_id"_s)
        + u" FROM taskflow_changes WHERE seq > ? ORDER BY seq LIMIT "_s + QString::number(limit));
    query.bindValue(0, seq);
    m_session.exec(query);
    QList<Entry> entries;
    while (query.next()) {
        Entry entry;
        entry.seq = query.value(0).toLongLong();
        const QString op = query.value(1).toString();
        entry.op = op.isEmpty() ? 'u' : op.at(0).toLatin1();
        entry.taskId = query.value(2).toString();
        if (entry.op != 'd')
            entry.task = TaskRepository::taskAt(query, 2);
        entries.append(entry);
    }
    return entries;
}

int ChangeLog::sequence()
{
    m_session.execDirect(u"BEGIN"_s);
    try {
        m_session.execDirect(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(sequenceLockKey));
        QSqlQuery &query = m_session.prepared(
            u"WITH moved AS (DELETE FROM taskflow_change_queue WHERE id IN (SELECT id FROM "
            "taskflow_change_queue ORDER BY id LIMIT %2) RETURNING *) "
            "INSERT INTO taskflow_changes (seq, %1) SELECT nextval('taskflow_change_seq'), %1 "
            "FROM (SELECT * FROM moved ORDER BY id) m"_s.arg(logged).arg(sequenceBatch));
        m_session.exec(query);
        const int moved = query.numRowsAffected();
        query.finish();
        m_session.execDirect(u"COMMIT"_s);
        return moved;
    } catch (const DatabaseError &) {
        QSqlQuery(m_session.open()).exec(u"ROLLBACK"_s);
        throw;
    }
}

void ChangeLog::foldCounts()
{
    // Deltas of transactions still open are not seen, so not deleted: they count later.
    m_session.execDirect(
        u"WITH d AS (DELETE FROM taskflow_count_deltas RETURNING *) UPDATE taskflow_counts SET "
        "total = taskflow_counts.total + s.total, todo = taskflow_counts.todo + s.todo, "
        "in_progress = taskflow_counts.in_progress + s.in_progress, done = taskflow_counts.done + s.done, "
        "low = taskflow_counts.low + s.low, medium = taskflow_counts.medium + s.medium, "
        "high = taskflow_counts.high + s.high FROM (SELECT COALESCE(sum(total), 0) total, "
        "COALESCE(sum(todo), 0) todo, COALESCE(sum(in_progress), 0) in_progress, "
        "COALESCE(sum(done), 0) done, COALESCE(sum(low), 0) low, COALESCE(sum(medium), 0) medium, "
        "COALESCE(sum(high), 0) high FROM d) s WHERE taskflow_counts.id = 1"_s);
}

void ChangeLog::prune(const QDateTime &before)
{
    QSqlQuery &query = m_session.prepared(
        u"DELETE FROM taskflow_changes WHERE changed_at < ? AND seq < (SELECT max(seq) FROM "
        "taskflow_changes)"_s);
    query.bindValue(0, IsoDateTime::toDatabase(before));
    m_session.exec(query);
}

qint64 ChangeLog::dataVersion()
{
    QSqlQuery query(m_session.open());
    if (!query.exec(u"PRAGMA data_version"_s) || !query.next())
        throw DatabaseError(DatabaseError::Kind::Failed, u"PRAGMA data_version failed"_s);
    return query.value(0).toLongLong();
}

} // namespace taskflow
