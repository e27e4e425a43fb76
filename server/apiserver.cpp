#include <taskflow/server/apiserver.h>

#include <taskflow/server/logging.h>

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>

#include <deque>
#include <QThread>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

HttpRequest copyRequest(const QHttpServerRequest &request)
{
    HttpRequest copy;
    copy.method = methodName(request.method());
    const QUrl url = request.url();
    copy.path = url.path(QUrl::FullyDecoded);
    copy.query = url.query(QUrl::FullyEncoded).toUtf8();
    copy.headers = request.headers();
    copy.body = request.body();
    return copy;
}

bool wantsClose(const HttpRequest &request)
{
    return request.header("Connection").trimmed().compare("close", Qt::CaseInsensitive) == 0;
}

} // namespace

ApiServer::ApiServer(Router router, CorsPolicy cors, AccessControl access, qint64 maxBodyBytes,
                     QObject *parent)
    : QAbstractHttpServer(parent),
      m_router(std::move(router)),
      m_cors(std::move(cors)),
      m_access(std::move(access)),
      m_maxBodyBytes(maxBodyBytes)
{
}

class ApiServer::Connection : public QObject
{
public:
    static constexpr QLatin1StringView name{"taskflow-api-connection"};

    struct Waiting
    {
        quint64 sequence;
        HttpRequest request;
        QElapsedTimer timer;
    };

    Connection(QTcpSocket *client, ApiServer *owner) : QObject(client), socket(client), server(owner)
    {
        setObjectName(name);
    }
    ~Connection() override
    {
        // Requests that never started are no longer in flight: the client is gone.
        if (server && !waiting.empty()) {
            server->m_inFlight -= int(waiting.size());
            emit server->requestFinished();
        }
    }

    // RFC 9112, 9.3.2: pipelined requests may run in parallel only while all are safe, so an
    // unsafe one waits for those before it, and those after it wait for it.
    bool mayStart(const HttpRequest &next) const
    {
        return !runningUnsafe && (isSafe(next.method) || running == 0);
    }
    static bool isSafe(const QByteArray &method)
    {
        return method == "GET" || method == "HEAD" || method == "OPTIONS";
    }

    QTcpSocket *const socket;
    const QPointer<ApiServer> server; // null once the server is being destroyed
    const QHttpServerRequest *request = nullptr; // Qt keeps one per socket, for its life
    quint64 nextSequence = 0;
    std::map<quint64, Slot> pending; // answers owed, in request order
    std::deque<Waiting> waiting;     // requests read but not started yet
    int running = 0;
    bool runningUnsafe = false;
};

ApiServer::Connection *ApiServer::connectionOf(QTcpSocket *socket)
{
    // Found by name: findChild<Connection *>() would match any QObject child, since Connection
    // has no meta-object of its own.
    return static_cast<Connection *>(
        socket->findChild<QObject *>(Connection::name, Qt::FindDirectChildrenOnly));
}

QList<QTcpSocket *> ApiServer::clientSockets() const
{
    // The listeners own the sockets they accepted (HttpListener creates them as children).
    QList<QTcpSocket *> sockets;
    for (QTcpServer *server : servers())
        sockets += server->findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    return sockets;
}

void ApiServer::stopAccepting()
{
    m_draining = true;
    for (QTcpServer *server : servers())
        server->close();
    for (QTcpSocket *socket : clientSockets()) {
        const Connection *connection = connectionOf(socket);
        if (!connection || connection->pending.empty())
            socket->disconnectFromHost();
    }
}

void ApiServer::closeConnections()
{
    for (QTcpSocket *socket : clientSockets()) {
        socket->flush();
        socket->disconnectFromHost();
    }
}

bool ApiServer::handleRequest(const QHttpServerRequest &qtRequest, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    // Shutting down: a request read from a connection we are closing was never accepted, so
    // it is not acted on (the client sees the connection close without an answer).
    if (m_refusing || (m_draining && socket->state() != QAbstractSocket::ConnectedState)) {
        socket->abort();
        return true;
    }
    Connection *connection = connectionOf(socket);
    if (!connection)
        connection = new Connection(socket, this);
    connection->request = &qtRequest;
    const quint64 sequence = connection->nextSequence++;
    connection->pending.emplace(sequence, Slot());
    ++m_inFlight;

    HttpRequest request = copyRequest(qtRequest);
    if (connection->waiting.empty() && connection->mayStart(request))
        start(connection, sequence, std::move(request), timer);
    else
        connection->waiting.push_back({sequence, std::move(request), timer});
    return true;
}

void ApiServer::start(Connection *connection, quint64 sequence, HttpRequest request,
                      const QElapsedTimer &timer)
{
    ++connection->running;
    connection->runningUnsafe = !Connection::isSafe(request.method);
    const HttpRequest received = request;
    request.body.clear(); // the answer needs the headers, not the body
    const QPointer<Connection> guard(connection);
    // Answers computed on this thread are finished at once; those from a database worker come
    // back through the event loop (and are dropped if the server is gone by then).
    dispatch(received, [this, guard, sequence, request, timer](HttpResponse response) {
        if (QThread::currentThread() == thread()) {
            finish(guard.data(), sequence, request, std::move(response), timer);
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [this, guard, sequence, request, timer, response = std::move(response)]() mutable {
                finish(guard.data(), sequence, request, std::move(response), timer);
            },
            Qt::QueuedConnection);
    });
}

void ApiServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() answers every request itself, unknown paths included.
}

void ApiServer::dispatch(const HttpRequest &request, const Respond &respond)
{
    if (std::optional<HttpResponse> preflight = m_cors.preflight(request))
        return respond(std::move(*preflight));
    if (std::optional<HttpResponse> refused = m_access.check(request))
        return respond(std::move(*refused));
    if (request.body.size() > m_maxBodyBytes)
        return respond(HttpResponse::error(413, u"Request body too large"_s));

    const Router::Match match = m_router.match(request.method, request.path);
    if (match.handler)
        return (*match.handler)(request, match.captures, respond);
    if (match.allowedMethods.isEmpty()) {
        // As Starlette does (redirect_slashes): /tasks/ is a 307 to /tasks.
        if (request.path.size() > 1 && request.path.endsWith(u'/')
            && !m_router.match(request.method, request.path.chopped(1)).allowedMethods.isEmpty()) {
            HttpResponse redirect = HttpResponse::error(307, u"Temporary Redirect"_s);
            redirect.body.clear();
            redirect.contentType.clear();
            redirect.setHeader("Location", QUrl::toPercentEncoding(request.path.chopped(1), "/")
                                               + (request.query.isEmpty() ? QByteArray() : '?' + request.query));
            return respond(std::move(redirect));
        }
        return respond(HttpResponse::error(404, u"Not Found"_s));
    }
    HttpResponse response = HttpResponse::error(405, u"Method Not Allowed"_s);
    response.setHeader("Allow", match.allowedMethods.join(", "));
    return respond(std::move(response));
}

void ApiServer::finish(Connection *connection, quint64 sequence, const HttpRequest &request,
                       HttpResponse response, const QElapsedTimer &timer)
{
    m_cors.decorate(request, response);
    --m_inFlight;
    qCInfo(lcAccess).noquote()
        << request.method
        << (request.query.isEmpty() ? request.path
                                    : request.path + u'?' + QString::fromUtf8(request.query))
        << response.status << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 2) + u" ms"_s;

    // A client that went away has no connection left: its answer is dropped.
    if (connection) {
        --connection->running;
        connection->runningUnsafe = false; // an unsafe request only ever runs alone
        const auto slot = connection->pending.find(sequence);
        if (slot != connection->pending.end()) {
            slot->second.response = std::move(response);
            slot->second.head = request.method == "HEAD";
            slot->second.closeAfter = wantsClose(request) || m_draining;
            slot->second.done = true;
            flush(*connection);
        }
        // Start what was waiting for this one, as far as the order allows.
        while (!connection->waiting.empty() && connection->mayStart(connection->waiting.front().request)) {
            Connection::Waiting next = std::move(connection->waiting.front());
            connection->waiting.pop_front();
            start(connection, next.sequence, std::move(next.request), next.timer);
        }
    }
    emit requestFinished();
}

void ApiServer::flush(Connection &connection)
{
    while (!connection.pending.empty()) {
        auto first = connection.pending.begin();
        if (!first->second.done)
            return;
        const Slot slot = std::move(first->second);
        connection.pending.erase(first);
        write(connection, slot);
        if (slot.closeAfter) {
            connection.socket->disconnectFromHost();
            return;
        }
    }
}

void ApiServer::write(Connection &connection, const Slot &slot)
{
    const HttpResponse &response = slot.response;
    QHttpServerResponder responder = makeResponder(*connection.request, connection.socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    if (response.status != 204)
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    if (slot.closeAfter)
        responder.writeHeader("Connection", "close");
    responder.writeBody(slot.head ? QByteArray() : response.body);
}

} // namespace taskflow
