#include <taskflow/server/server.h>

#include <taskflow/server/changefeed.h>
#include <taskflow/server/connectionpool.h>
#include <taskflow/server/dispatcher.h>
#include <taskflow/server/httplistener.h>
#include <taskflow/server/qthttpadapter.h>
#include <taskflow/server/logging.h>
#include <taskflow/server/schema.h>
#include <taskflow/server/taskapi.h>

#include <QTimer>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {
constexpr int shutdownGraceMs = 30'000;
}

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
}

Server::~Server()
{
    // Workers post their answers to the HTTP side: they stop first.
    m_pool.reset();
    m_feed.reset();
    delete m_http; // and with it the listener and its connections, before the dispatcher
}

Result<void> Server::start()
{
    qCInfo(lcServer).noquote() << "TaskFlow server" << TASKFLOW_VERSION << "starting;"
                               << "environment" << m_config.environment;
    qCInfo(lcServer).noquote() << "database:" << m_config.database.describe()
                               << "(password redacted), pool of" << m_config.poolSize;

    ConnectionPool::Limits limits;
    limits.connections = m_config.poolSize;
    limits.quickQueue = m_config.queueLimit;
    // Whole lists are bulk work: a few are sent at a time, and a few more may wait for a turn.
    limits.bulkQueue = qBound(2, m_config.queueLimit / 32, 64);
    m_pool = std::make_unique<ConnectionPool>(m_config.database, limits);
    try {
        const Schema::Report report =
            m_pool->run([](DatabaseSession &session) { return Schema::ensure(session); });
        qCInfo(lcSql).noquote() << (report.tableExisted ? u"found"_s : u"created"_s)
                                << "table tasks; schema version" << report.versionAfter;
    } catch (const DatabaseError &failure) {
        return Failure(u"cannot use the database (%1): %2"_s.arg(m_config.database.describe(),
                                                                 failure.message()));
    }

    Router router;
    m_feed = std::make_unique<ChangeFeed>(m_config.database);
    m_feed->start();
    m_api = std::make_unique<TaskApi>(*m_pool, *m_feed, m_config);
    m_api->registerRoutes(router);
    m_dispatcher = std::make_unique<Dispatcher>(std::move(router), CorsPolicy(m_config.corsOrigins),
                                                m_config.access);
    if (m_config.access.isEnabled())
        qCInfo(lcServer) << "bearer tokens required on /tasks:" << m_config.access.tokenCount()
                         << "accepted";

    HttpConnection::Settings settings;
    settings.limits.maxBodyBytes = m_config.maxBodyBytes;
    settings.requestTimeoutMs = m_config.requestTimeoutSeconds * 1000;
    settings.keepAliveTimeoutMs = m_config.keepAliveTimeoutSeconds * 1000;
    settings.writeTimeoutMs = m_config.writeTimeoutSeconds * 1000;
    m_http = new QtHttpAdapter;
    m_listener = new HttpListener(settings, *m_dispatcher, m_http);
    if (!m_listener->listen(m_config.host, m_config.port)) {
        return Failure(u"cannot listen on %1:%2: %3"_s.arg(m_config.hostText)
                           .arg(m_config.port)
                           .arg(m_listener->errorString()));
    }
    m_http->bind(m_listener);
    m_port = m_listener->serverPort();
    qCInfo(lcServer).noquote() << u"listening on http://%1:%2"_s.arg(m_config.hostText).arg(m_port);
    return {};
}

void Server::shutdown()
{
    if (m_stopping || !m_http)
        return;
    m_stopping = true;
    m_listener->stopAccepting();
    qCInfo(lcServer) << "shutting down: no new connections;" << m_listener->requestsInFlight()
                     << "requests in flight";
    connect(m_listener, &HttpListener::requestAnswered, this, [this] {
        if (m_listener->requestsInFlight() == 0)
            finishShutdown();
    }, Qt::QueuedConnection);
    QTimer::singleShot(shutdownGraceMs, this, [this] {
        if (!m_stopped)
            qCWarning(lcServer) << "shutdown grace period over;" << m_listener->requestsInFlight()
                                << "requests abandoned";
        finishShutdown();
    });
    if (m_listener->requestsInFlight() == 0)
        finishShutdown();
}

void Server::finishShutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_listener->closeAll();
    m_feed->stop();
    m_pool->shutdown();
    qCInfo(lcServer) << "database closed; stopped";
    // Leave the event loop a turn to hand the last bytes to the sockets.
    QTimer::singleShot(0, this, &Server::stopped);
}

} // namespace taskflow
