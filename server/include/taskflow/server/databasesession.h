#pragma once

#include <taskflow/server/databaseurl.h>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <unordered_map>

namespace taskflow {

// One worker thread's database connection, with its prepared statements. QSqlDatabase
// connections belong to the thread that made them, so each pool thread owns exactly one.
class DatabaseSession
{
public:
    DatabaseSession(const DatabaseUrl &url, const QString &connectionName);
    ~DatabaseSession();
    DatabaseSession(const DatabaseSession &) = delete;
    DatabaseSession &operator=(const DatabaseSession &) = delete;

    bool isPostgres() const { return m_url.driver == DatabaseUrl::Driver::Postgres; }

    // Opens the connection when it is not open; throws DatabaseError(Unavailable) on failure.
    QSqlDatabase &open();
    // Drops the connection and its statements, so the next open() reconnects.
    void reset();
    // True when the connection still answers a trivial query (SQLAlchemy's pre-ping).
    bool ping();

    // A statement prepared once per connection and reused; bind values and exec() it.
    QSqlQuery &prepared(const QString &sql);
    // Ends every statement's result set. A statement left active keeps a read snapshot open,
    // and SQLite then refuses this connection's next write (SQLITE_BUSY_SNAPSHOT) as soon as
    // another connection has written; the pool calls this after every piece of work.
    void releaseStatements();
    // Runs a prepared statement; throws DatabaseError(Failed) with the driver's message (the
    // password taken out: a driver may quote any value, a secret included).
    void exec(QSqlQuery &query);
    // Runs a statement once, unprepared (schema changes).
    void execDirect(const QString &sql);

private:
    DatabaseUrl m_url;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

// Names a database failure without the password, whatever the driver put in its message.
QString redactedError(const QString &message, const DatabaseUrl &url);

} // namespace taskflow
