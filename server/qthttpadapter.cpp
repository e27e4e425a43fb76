#include <taskflow/server/qthttpadapter.h>

#include <taskflow/server/httpconnection.h>
#include <taskflow/server/httplistener.h>
#include <taskflow/server/logging.h>
#include <taskflow/server/parsersocket.h>

#include <QHttpServerRequest>
#include <QHttpServerResponder>

namespace taskflow {

QtHttpAdapter::QtHttpAdapter(QObject *parent) : QAbstractHttpServer(parent) {}

bool QtHttpAdapter::bind(HttpListener *listener)
{
    m_listener = listener;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    QAbstractHttpServer::bind(listener); // returns nothing before 6.5
    return listener->parent() == this;
#else
    return QAbstractHttpServer::bind(listener);
#endif
}

HttpRequest QtHttpAdapter::copy(const QHttpServerRequest &request)
{
    HttpRequest copy; // the method comes from HttpConnection: Qt names only the methods it knows
    const QUrl url = request.url();
    copy.path = url.path(QUrl::FullyDecoded);
    copy.query = url.query(QUrl::FullyEncoded).toUtf8();
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    copy.headers = request.headers();
#else
    copy.headers = request.headers().toListOfPairs();
#endif
    copy.body = request.body();
    return copy;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)

bool QtHttpAdapter::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (auto *parserSocket = qobject_cast<ParserSocket *>(socket); parserSocket && parserSocket->connection())
        parserSocket->connection()->deliver(copy(request));
    return true;
}

void QtHttpAdapter::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() takes every request; HttpConnection answers unknown paths (404).
}

#else

bool QtHttpAdapter::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &)
{
    // The responder goes unused: HttpConnection writes every answer, and Qt reads the
    // connection's next request once the responder is gone, at the end of this call.
    if (HttpConnection *connection = m_listener ? m_listener->connectionFor(request.remoteAddress(), request.remotePort()) : nullptr)
        connection->deliver(copy(request));
    else
        qCWarning(lcServer) << "a request from a connection that is gone";
    return true;
}

void QtHttpAdapter::missingHandler(const QHttpServerRequest &, QHttpServerResponder &)
{
    // handleRequest() takes every request; HttpConnection answers unknown paths (404).
}

#endif

} // namespace taskflow
