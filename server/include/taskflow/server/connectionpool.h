#pragma once

#include <taskflow/server/databaseerror.h>
#include <taskflow/server/databasesession.h>
#include <taskflow/server/databaseurl.h>

#include <QFuture>
#include <QScopeGuard>
#include <QThreadPool>
#include <QThreadStorage>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <type_traits>

namespace taskflow {

// Runs database work off the HTTP event loop, on a bounded pool of worker threads that each
// own one connection. A connection found dead (the database restarted, a pooler dropped it) is
// reopened and the work tried once more, as SQLAlchemy's pool_pre_ping would have done before
// handing it out; while the database stays down the work fails with DatabaseError(Unavailable).
class ConnectionPool
{
public:
    ConnectionPool(const DatabaseUrl &url, int size);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool &) = delete;
    ConnectionPool &operator=(const ConnectionPool &) = delete;

    const DatabaseUrl &url() const { return m_url; }
    int size() const { return m_threads.maxThreadCount(); }

    // Runs `task()` on a worker thread; it calls call() for its database work.
    template <typename Task>
    void post(Task task)
    {
        m_threads.start(std::move(task));
    }

    // On a worker thread: runs `work(DatabaseSession &)` with this thread's connection, and
    // once more on a fresh connection when the first found it dead. Throws DatabaseError.
    template <typename Work>
    auto call(Work &&work)
    {
        return withSession(work);
    }

    // Runs `work(DatabaseSession &)` on a worker, for start-up code that waits for the result
    // (QFuture::result() rethrows a DatabaseError). Requests use post() instead.
    template <typename Work>
    auto run(Work work) -> QFuture<std::invoke_result_t<Work &, DatabaseSession &>>
    {
        return QtConcurrent::run(&m_threads, [this, work = std::move(work)]() mutable {
            return withSession(work);
        });
    }

    // Waits for the work under way and closes every connection.
    void shutdown();

private:
    template <typename Work>
    auto withSession(Work &work)
    {
        DatabaseSession &session = localSession();
        const auto release = qScopeGuard([&session] { session.releaseStatements(); });
        try {
            session.open();
            return work(session);
        } catch (const DatabaseError &error) {
            if (!isConnectionLost(session, error))
                throw;
        }
        reconnect(session);
        try {
            return work(session);
        } catch (const DatabaseError &error) {
            throw classifyRetryFailure(session, error);
        }
    }

    DatabaseSession &localSession();
    bool isConnectionLost(DatabaseSession &session, const DatabaseError &error);
    void reconnect(DatabaseSession &session);
    DatabaseError classifyRetryFailure(DatabaseSession &session, const DatabaseError &error);

    DatabaseUrl m_url;
    QThreadStorage<DatabaseSession *> m_sessions;
    std::atomic<int> m_sessionCount{0};
    QThreadPool m_threads; // after m_sessions: its threads end (and free their sessions) first
};

} // namespace taskflow
