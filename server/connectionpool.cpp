#include <taskflow/server/connectionpool.h>

#include <taskflow/server/logging.h>

using namespace Qt::StringLiterals;

namespace taskflow {

ConnectionPool::ConnectionPool(const DatabaseUrl &url, int size) : m_url(url)
{
    m_threads.setObjectName(u"taskflow-db"_s);
    m_threads.setMaxThreadCount(size);
    m_threads.setExpiryTimeout(-1); // a worker keeps its connection for the life of the pool
}

ConnectionPool::~ConnectionPool()
{
    shutdown();
}

void ConnectionPool::shutdown()
{
    // waitForDone() also ends the threads, and ending a thread deletes its session (closing
    // the connection) on that thread, where QSqlDatabase requires it.
    m_threads.waitForDone();
}

DatabaseSession &ConnectionPool::localSession()
{
    if (!m_sessions.hasLocalData()) {
        const QString name = u"taskflow-%1-%2"_s.arg(quintptr(this), 0, 16).arg(++m_sessionCount);
        m_sessions.setLocalData(new DatabaseSession(m_url, name));
    }
    return *m_sessions.localData();
}

bool ConnectionPool::isConnectionLost(DatabaseSession &session, const DatabaseError &error)
{
    // open() failing means the database is down: no point retrying straight away.
    if (error.kind() == DatabaseError::Kind::Unavailable || !session.isPostgres())
        return false;
    return !session.ping();
}

void ConnectionPool::reconnect(DatabaseSession &session)
{
    qCWarning(lcSql) << "database connection lost; reconnecting";
    session.reset();
    session.open(); // throws Unavailable while the database is still down
    qCInfo(lcSql) << "database connection restored";
}

DatabaseError ConnectionPool::classifyRetryFailure(DatabaseSession &session,
                                                   const DatabaseError &error)
{
    if (error.kind() == DatabaseError::Kind::Failed && session.isPostgres() && !session.ping()) {
        session.reset();
        return DatabaseError(DatabaseError::Kind::Unavailable, error.message());
    }
    return error;
}

} // namespace taskflow
