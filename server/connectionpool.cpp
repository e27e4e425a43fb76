#include <taskflow/server/connectionpool.h>

#include <taskflow/server/logging.h>

#include <QThread>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// Each worker's connection; QSqlDatabase connections belong to the thread that made them.
thread_local DatabaseSession *workerSession = nullptr;

} // namespace

ConnectionPool::ConnectionPool(const DatabaseUrl &url, Limits limits) : m_url(url), m_limits(limits)
{
    m_workers.reserve(std::size_t(qMax(1, limits.connections)));
    for (int i = 0; i < qMax(1, limits.connections); ++i)
        m_workers.emplace_back([this, i] { workerLoop(i); });
}

ConnectionPool::~ConnectionPool()
{
    shutdown();
}

void ConnectionPool::shutdown()
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping && m_workers.empty())
            return;
        m_stopping = true;
        m_quick.clear();
        m_bulk.clear();
    }
    m_wake.notify_all();
    for (std::thread &worker : m_workers)
        worker.join();
    m_workers.clear();
}

bool ConnectionPool::submit(Work work)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping)
            return false;
        std::deque<Work> &queue = work.lane == Lane::Quick ? m_quick : m_bulk;
        const int limit = work.lane == Lane::Quick ? m_limits.quickQueue : m_limits.bulkQueue;
        if (!work.admitted && int(queue.size()) >= limit)
            return false;
        queue.push_back(std::move(work));
    }
    m_wake.notify_one();
    return true;
}

bool ConnectionPool::takeJob(Work *job)
{
    // Quick work first; bulk work on all workers but one (with one worker, on that one).
    for (;;) {
        if (!m_quick.empty()) {
            *job = std::move(m_quick.front());
            m_quick.pop_front();
        } else if (!m_bulk.empty() && m_bulkRunning < bulkWorkers()) {
            *job = std::move(m_bulk.front());
            m_bulk.pop_front();
        } else {
            return false;
        }
        if (!job->clientGone || !job->clientGone->load(std::memory_order_relaxed))
            return true;
        ++m_dropped; // its client left while it waited: nobody would read the answer
        if (job->dropped) {
            job->run = std::move(job->dropped); // its cleanup runs instead
            return true;
        }
    }
}

void ConnectionPool::workerLoop(int index)
{
    QThread::currentThread()->setObjectName(u"taskflow-db-%1"_s.arg(index));
    for (;;) {
        Work job;
        std::size_t waiting = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || takeJob(&job); });
            if (m_stopping && !job.run)
                break;
            if (job.lane == Lane::Bulk)
                ++m_bulkRunning;
            waiting = m_quick.size() + m_bulk.size();
        }
        qCDebug(lcSql) << "worker" << index << "took a job;" << waiting << "waiting";
        reportDropped();
        job.run();
        {
            const std::lock_guard lock(m_mutex);
            if (job.lane == Lane::Bulk)
                --m_bulkRunning;
        }
        if (job.lane == Lane::Bulk)
            m_wake.notify_one(); // a bulk slot is free again
    }
    // The connection goes with the thread that made it.
    delete workerSession;
    workerSession = nullptr;
}

void ConnectionPool::reportDropped()
{
    qint64 dropped = 0;
    {
        const std::lock_guard lock(m_mutex);
        dropped = m_dropped - m_droppedReported;
        m_droppedReported = m_dropped;
    }
    if (dropped > 0)
        qCInfo(lcServer) << "dropped" << dropped
                         << "queued request(s) whose client had left; never run";
}

qint64 ConnectionPool::droppedCount() const
{
    const std::lock_guard lock(m_mutex);
    return m_dropped;
}

DatabaseSession &ConnectionPool::localSession()
{
    if (!workerSession) {
        const QString name = u"taskflow-%1-%2"_s.arg(quintptr(this), 0, 16).arg(quintptr(QThread::currentThread()), 0, 16);
        workerSession = new DatabaseSession(m_url, name);
    }
    return *workerSession;
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
