#pragma once

#include "accesscontrol.h"
#include "corspolicy.h"
#include "httpmessage.h"
#include "router.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
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
    struct Connection
    {
        const QHttpServerRequest *request = nullptr; // Qt keeps one per socket, for its life
        quint64 nextSequence = 0;
        quint64 nextToWrite = 0;
        std::map<quint64, Slot> pending;
    };

    QFuture<HttpResponse> dispatch(const HttpRequest &request);
    void finish(QTcpSocket *socket, quint64 sequence, const HttpRequest &request,
                HttpResponse response, const QElapsedTimer &timer);
    void flush(QTcpSocket *socket);
    void write(QTcpSocket *socket, const QHttpServerRequest &request, const Slot &slot);
    Connection &connectionFor(QTcpSocket *socket);

    Router m_router;
    CorsPolicy m_cors;
    AccessControl m_access;
    qint64 m_maxBodyBytes;
    QHash<QTcpSocket *, Connection> m_connections;
    int m_inFlight = 0;
    bool m_draining = false;
    bool m_refusing = false;
};

} // namespace taskflow
