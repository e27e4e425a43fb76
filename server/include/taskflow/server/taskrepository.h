#pragma once

#include <taskflow/common/task.h>
#include <taskflow/common/taskchanges.h>
#include <taskflow/common/taskquery.h>
#include <taskflow/common/taskstats.h>
#include <taskflow/server/sqldialect.h>

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

class QSqlQuery;

namespace taskflow {

class DatabaseSession;

// A task as stored, with its version: the strong ETag of API.md. It is a digest of the stored
// row itself, so it changes whenever any column changes, whoever wrote it (this server, another
// one, the original backend, psql).
struct VersionedTask
{
    Task task;
    QByteArray etag;     // "…", quoted as the ETag header wants it
    QList<QVariant> row; // the stored values, as read: a conditional write compares them
};

// What a write found: done (with the task as stored now), no such task, or a task whose version
// is not the one the client holds (with the current one).
struct WriteOutcome
{
    enum class Kind { Done, NotFound, Stale };
    Kind kind = Kind::Done;
    std::optional<VersionedTask> task;
};

// Where every change so far has got to: it grows with any write by anyone (the triggers of
// migration 3 see them all) and with nothing else, so equal markers mean nothing changed in
// between. The change log's newest number, plus on PostgreSQL the committed changes still
// queued: numbering one moves it from one to the other and leaves the sum as it was.
struct ChangeMarker
{
    qint64 changes = 0;

    QByteArray text() const { return QByteArray::number(changes); }
    friend bool operator==(const ChangeMarker &a, const ChangeMarker &b) { return a.changes == b.changes; }
};

// Where a list left off: the sort key and id of its last row (keyset paging).
struct ListCursor
{
    QVariant key;
    QString id;
};

// All the SQL of TaskFlow's tasks: the original backend's table, on SQLite and PostgreSQL.
// Every write is one statement, so it is atomic on its own; a conditional write (If-Match)
// checks and writes in that one statement. Throws DatabaseError.
class TaskRepository
{
public:
    explicit TaskRepository(DatabaseSession &session);

    std::optional<VersionedTask> find(const QString &id);
    // A page of the list (the query's own limit and offset).
    QList<Task> list(const TaskQuery &query);
    // The next `size` tasks of the query's order after `after` (or from the start): a whole
    // list is read this way, slice by slice, as its client takes it.
    QList<Task> slice(const TaskQuery &query, const std::optional<ListCursor> &after, int size,
                      ListCursor *last);
    qint64 count(const TaskQuery &query);
    // Counts without filters, from the counts the triggers keep: no scan.
    TaskStats countsKept();
    TaskStats stats(const TaskQuery &query, const QDateTime &now);
    // When `now` next reaches a due date of a task not done that the query matches: until then
    // the overdue count of stats(query, now) stays the same. Invalid when there is none.
    QDateTime nextDueAfter(const TaskQuery &query, const QDateTime &now);
    ChangeMarker changeMarker();

    // Inserts a new task. Repeating it with the same id changes nothing, so it is safe to
    // retry after a lost connection.
    VersionedTask insert(const Task &task);
    // `ifMatch`: the version the client holds ("*": any), or empty for an unconditional write.
    WriteOutcome update(const QString &id, const TaskChanges &changes, const QDateTime &now,
                        const QByteArray &ifMatch = {});
    WriteOutcome remove(const QString &id, const QByteArray &ifMatch = {});

    // Whether an If-Match (strong comparison) or If-None-Match (`weak`) value names `etag`.
    static bool etagMatches(const QByteArray &header, const QByteArray &etag, bool weak);
    // The task in the columns of SqlDialect::taskColumns(), from `first` on.
    static Task taskAt(const QSqlQuery &query, int first = 0);

private:
    QString whereClause(const TaskQuery &query, QList<QVariant> &binds) const;
    QString orderClause(const TaskQuery &query) const;
    QString sameRow() const;

    DatabaseSession &m_session;
    SqlDialect m_sql;
};

} // namespace taskflow
