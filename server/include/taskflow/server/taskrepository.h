#pragma once

#include <taskflow/common/task.h>
#include <taskflow/common/taskchanges.h>
#include <taskflow/common/taskquery.h>
#include <taskflow/common/taskstats.h>

#include <QList>
#include <QString>

#include <optional>

namespace taskflow {

class DatabaseSession;

// All the SQL of TaskFlow: tasks in the original backend's table, on SQLite and PostgreSQL.
// Every operation is one statement, so it is atomic on its own: an update changes only the
// columns it names, and an update racing a delete finds no row rather than recreating one.
// Throws DatabaseError.
class TaskRepository
{
public:
    explicit TaskRepository(DatabaseSession &session) : m_session(session) {}

    std::optional<Task> find(const QString &id);
    QList<Task> list(const TaskQuery &query);
    qint64 count(const TaskQuery &query);
    qint64 countAll();
    TaskStats stats(const TaskQuery &query, const QDateTime &now);

    // Inserts a new task. Repeating it with the same id changes nothing, so it is safe to
    // retry after a lost connection.
    void insert(const Task &task);
    // nullopt when there is no task with that id.
    std::optional<Task> update(const QString &id, const TaskChanges &changes, const QDateTime &now);
    bool remove(const QString &id);

private:
    QString selectColumns() const;
    QString whereClause(const TaskQuery &query, QList<QVariant> &binds) const;
    QString orderClause(const TaskQuery &query) const;

    DatabaseSession &m_session;
};

} // namespace taskflow
