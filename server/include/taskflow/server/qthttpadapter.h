#pragma once

#include <QAbstractHttpServer>

class QHttpServerRequest;

namespace taskflow {

class HttpListener;
struct HttpRequest;

// The one place that knows which Qt HttpServer it is built against (the rest of the server only
// sees HttpListener, HttpConnection and HttpRequest). Qt 6.5 changed the interface this class
// implements: a request now comes with a QHttpServerResponder instead of its socket, and its
// headers as QHttpHeaders. This class takes each request Qt HttpServer has parsed, copies it
// into an HttpRequest and hands it to the HttpConnection it came from.
//
// Every Qt 6.4 workaround, and what each newer Qt does about it:
//  - Qt 6.4 reads a pipelining client's requests as fast as they come and hands them over at
//    once; Qt 6.5 reads the next request only after the previous answer. HttpConnection lets
//    Qt read one request at a time, on every version, and only once the client has taken most
//    of the previous answer (no Qt version has that backpressure).
//  - Expect: 100-continue: Qt 6.5+ answers it, Qt 6.4 does not. The listener answers it on
//    every version, because it must refuse an over-large body first (413), which Qt does only
//    from 6.11 (QHttpServerConfiguration::setMaximumBodySize), without our JSON body or CORS.
//  - Body, URL and header limits (413, 414, 431): Qt 6.11 has them (see above), without the
//    contract's JSON answers; RequestFramer keeps them on every version.
//  - Idle keep-alive timeout: Qt 6.10 has one (QHttpServerConfiguration::setKeepAliveTimeout,
//    15 s); HttpConnection's KEEPALIVE_TIMEOUT applies on every version and is shorter.
//  - Chunked bodies with trailer fields: Qt 6.4's parser drops the connection; RequestFramer
//    de-chunks every body, so Qt's parser only ever reads a Content-Length.
//  - Finding a request's connection: Qt 6.4 passes the socket; 6.5+ only the peer's address and
//    port, which HttpListener maps back to the connection.
// When 6.5 is the oldest Qt supported, the `QT_VERSION` branches below go.
class QtHttpAdapter : public QAbstractHttpServer
{
public:
    explicit QtHttpAdapter(QObject *parent = nullptr);

    // Takes the listener's connections from now on (it becomes a child of this object).
    bool bind(HttpListener *listener);

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#endif

private:
    static HttpRequest copy(const QHttpServerRequest &request);

    HttpListener *m_listener = nullptr;
};

} // namespace taskflow
