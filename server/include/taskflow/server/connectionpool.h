#pragma once

#include <taskflow/server/databaseerror.h>
#include <taskflow/server/databasesession.h>
#include <taskflow/server/databaseurl.h>
#include <taskflow/server/httpmessage.h>

#include <QScopeGuard>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace taskflow {

// Runs database work off the HTTP event loop, on worker threads that each own one connection,
// and decides what waits for them. Work comes in two lanes:
//  - Quick: one task, a page, the counts, a write, /health;
//  - Bulk: the slices of a whole list.
// Quick work is taken first, and Bulk work may use all workers but one, so a flood of list
// reads never keeps a get-by-id waiting behind it. Each lane's queue is short: when it is full,
// submit() says no at once and the client gets "Server busy" instead of a wait nobody would
// sit out. Work whose client has left by the time a worker takes it is dropped, not run.
// A connection found dead (the database restarted, a pooler dropped it) is reopened and the
// work tried once more, as SQLAlchemy's pool_pre_ping would have done; while the database stays
// down the work fails with DatabaseError(Unavailable).
class ConnectionPool
{
public:
    enum class Lane { Quick, Bulk };

    struct Limits
    {
        int connections = 5;
        int quickQueue = 64; // waiting quick work; beyond it, "busy"
        int bulkQueue = 16;  // waiting bulk work; beyond it, "busy"
    };

    ConnectionPool(const DatabaseUrl &url, Limits limits);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool &) = delete;
    ConnectionPool &operator=(const ConnectionPool &) = delete;

    struct Work
    {
        Lane lane = Lane::Quick;
        CancelFlag clientGone;        // set when nobody waits for the answer any more
        std::function<void()> run;    // on a worker; it calls call() for its database work
        std::function<void()> dropped; // instead of run, on a worker, when its client left first
        bool admitted = false;        // already let in (the next slice of a list): never "busy"
    };

    // Queues work for a worker. False when its lane's queue is full: it will not run.
    bool submit(Work work);

    // On a worker thread: runs `work(DatabaseSession &)` with this thread's connection, and
    // once more on a fresh connection when the first found it dead. Throws DatabaseError.
    template <typename Work>
    auto call(Work &&work)
    {
        return withSession(work);
    }

    // Runs `task(DatabaseSession &)` on a worker and waits for it, whatever the queues hold:
    // start-up and --check-config. Rethrows its DatabaseError.
    template <typename Task>
    auto run(Task task) -> std::invoke_result_t<Task &, DatabaseSession &>
    {
        using Value = std::invoke_result_t<Task &, DatabaseSession &>;
        auto promise = std::make_shared<std::promise<Value>>();
        std::future<Value> done = promise->get_future();
        Work job;
        job.admitted = true;
        job.run = [this, promise, task = std::move(task)]() mutable {
            try {
                if constexpr (std::is_void_v<Value>) {
                    withSession(task);
                    promise->set_value();
                } else {
                    promise->set_value(withSession(task));
                }
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        };
        submit(std::move(job));
        return done.get();
    }

    // Waits for the work under way, drops what has not started, and closes every connection.
    void shutdown();

    // Work dropped so far because its client had left before its turn.
    qint64 droppedCount() const;
    const Limits &limits() const { return m_limits; }
    // How many workers bulk work may use at once.
    int bulkWorkers() const { return qMax(1, qMax(1, m_limits.connections) - 1); }

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

    void workerLoop(int index);
    bool takeJob(Work *job);
    void reportDropped();
    DatabaseSession &localSession();
    bool isConnectionLost(DatabaseSession &session, const DatabaseError &error);
    void reconnect(DatabaseSession &session);
    DatabaseError classifyRetryFailure(DatabaseSession &session, const DatabaseError &error);

    const DatabaseUrl m_url;
    const Limits m_limits;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Work> m_quick;
    std::deque<Work> m_bulk;
    int m_bulkRunning = 0;
    qint64 m_dropped = 0;
    qint64 m_droppedReported = 0;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

} // namespace taskflow
