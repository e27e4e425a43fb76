#pragma once

#include <taskflow/common/result.h>
#include <taskflow/server/serverconfig.h>

#include <QObject>

#include <memory>

namespace taskflow {

class ChangeFeed;
class ConnectionPool;
class Dispatcher;
class HttpListener;
class QtHttpAdapter;
class TaskApi;

// The running server: configuration, database pool and schema, routes and the listening
// socket, and the graceful shutdown that finishes requests in flight.
class Server : public QObject
{
    Q_OBJECT

public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;

    // Connects to the database, brings its schema up to date and starts listening; on failure,
    // one line saying why.
    Result<void> start();
    quint16 port() const { return m_port; }

public slots:
    // Stops accepting, lets requests in flight finish (30 s at most), closes the database.
    void shutdown();

signals:
    void stopped();

private:
    void finishShutdown();

    ServerConfig m_config;
    std::unique_ptr<ConnectionPool> m_pool;
    std::unique_ptr<ChangeFeed> m_feed;
    std::unique_ptr<TaskApi> m_api;
    std::unique_ptr<Dispatcher> m_dispatcher;
    QtHttpAdapter *m_http = nullptr;
    HttpListener *m_listener = nullptr;
    quint16 m_port = 0;
    bool m_stopping = false;
    bool m_stopped = false;
};

} // namespace taskflow
