#include <taskflow/server/httplistener.h>

#include <taskflow/server/parsersocket.h>

#include <QTcpSocket>

#include <limits>

namespace taskflow {

HttpListener::HttpListener(const HttpConnection::Settings &settings, const Dispatcher &dispatcher,
                           QObject *parent)
    : QTcpServer(parent), m_settings(settings), m_dispatcher(dispatcher)
{
    // A burst of connects beyond the backlog is dropped by the kernel, and the clients retry a
    // second later. listen() clamps this to the system's maximum (net.core.somaxconn on Linux,
    // kern.ipc.somaxconn on macOS); on Windows INT_MAX is SOMAXCONN itself.
    setListenBacklogSize(std::numeric_limits<int>::max());
}

void HttpListener::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    auto *connection = new HttpConnection(socket, m_settings, m_dispatcher, this);
    const Peer peer{socket->peerAddress(), socket->peerPort()};
    m_connections.insert(peer, connection);
    connect(connection, &HttpConnection::answered, this, &HttpListener::requestAnswered);
    connect(connection, &HttpConnection::closed, this, [this, peer, connection] {
        if (m_connections.value(peer) == connection)
            m_connections.remove(peer);
    });
    addPendingConnection(connection->parserSocket());
}

HttpConnection *HttpListener::connectionFor(const QHostAddress &address, quint16 port) const
{
    return m_connections.value(Peer{address, port});
}

int HttpListener::requestsInFlight() const
{
    int count = 0;
    for (const HttpConnection *connection : m_connections)
        count += connection->isHandling() ? 1 : 0;
    return count;
}

void HttpListener::stopAccepting()
{
    close();
    const QList<HttpConnection *> connections = m_connections.values();
    for (HttpConnection *connection : connections)
        connection->shutdown();
}

void HttpListener::closeAll()
{
    const QList<HttpConnection *> connections = m_connections.values();
    for (HttpConnection *connection : connections) {
        connection->socket()->flush();
        connection->socket()->disconnectFromHost();
    }
}

} // namespace taskflow
