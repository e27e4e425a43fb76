#pragma once

#include <taskflow/server/accesscontrol.h>
#include <taskflow/server/corspolicy.h>
#include <taskflow/server/httpmessage.h>
#include <taskflow/server/router.h>

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QPointer>

#include <map>

class QTcpSocket;

namespace taskflow {

// The HTTP side of the server, on Qt HttpServer: routing, CORS, 404/405/413 bodies, one access
// log line per request, and answers written in the order their requests came. Handlers may
// finish out of order on the database workers; a keep-alive or pipelining client still gets
// its answers in sequence, and an answer for a client that left is dropped.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    ApiServer(Router router, CorsPolicy cors, AccessControl access, qint64 maxBodyBytes,
              QObject *parent = nullptr);

    // Stops taking new connections and closes idle ones; requests in flight still get their
    // answers, each followed by closing its connection.
    void stopAccepting();
    // After this, requests still arriving are dropped unanswered (and so never acted on).
    void refuseRequests() { m_refusing = true; }
    int requestsInFlight() const { return m_inFlight; }
    // Closes every client connection (after the last answer has gone out).
    void closeConnections();

signals:
    void requestFinished(); // an answer was handed to its client

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Slot
    {
        HttpResponse response;
        bool done = false;
        bool head = false;
        bool closeAfter = false;
    };
    // The answers owed on one connection, in request order. A child of its socket, so it goes
    // with the socket: Qt HttpServer 6.4 calls socket->disconnect() after a parse error, which
    // would silently drop any `destroyed` handler that cleaned up a table keyed by socket.
    class Connection;

    void start(Connection *connection, quint64 sequence, HttpRequest request,
               const QElapsedTimer &timer);
    void dispatch(const HttpRequest &request, const Respond &respond);
    void finish(Connection *connection, quint64 sequence, const HttpRequest &request,
                HttpResponse response, const QElapsedTimer &timer);
    void flush(Connection &connection);
    static void write(Connection &connection, const Slot &slot);
    static Connection *connectionOf(QTcpSocket *socket);
    QList<QTcpSocket *> clientSockets() const;

    Router m_router;
    CorsPolicy m_cors;
    AccessControl m_access;
    qint64 m_maxBodyBytes;
    int m_inFlight = 0;
    bool m_draining = false;
    bool m_refusing = false;
};

} // namespace taskflow
