#pragma once

#include <taskflow/server/httpconnection.h>

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>

namespace taskflow {

class Dispatcher;

// Accepts the clients' connections, gives each an HttpConnection, and hands Qt HttpServer the
// connection's parser socket instead of the network socket. Keeps the list of open connections
// for a graceful shutdown.
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    HttpListener(const HttpConnection::Settings &settings, const Dispatcher &dispatcher,
                 QObject *parent = nullptr);

    // The open connection of the client at this address and port, or null.
    HttpConnection *connectionFor(const QHostAddress &address, quint16 port) const;
    // Requests received and not answered yet, over every connection.
    int requestsInFlight() const;
    // Stops accepting; idle connections close now, busy ones after their answer.
    void stopAccepting();
    // Closes every connection, after handing what is left to send to the system.
    void closeAll();

signals:
    void requestAnswered();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    using Peer = QPair<QHostAddress, quint16>;

    HttpConnection::Settings m_settings;
    const Dispatcher &m_dispatcher;
    QHash<Peer, HttpConnection *> m_connections;
};

} // namespace taskflow
