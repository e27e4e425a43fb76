#include <taskflow/server/httpconnection.h>

#include <taskflow/server/dispatcher.h>
#include <taskflow/server/logging.h>
#include <taskflow/server/parsersocket.h>
#include <taskflow/server/platform.h>

#include <QTcpSocket>
#include <QThread>

namespace taskflow {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Entity";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Status";
    }
}

// What a log line may show of a request target: the framer lets no control character
// through, and bytes above ASCII are written as the percent escapes they should have been,
// so no target can forge a log line or send a terminal escape sequence (8-bit C1 ones too).
QByteArray printable(const QByteArray &target)
{
    QByteArray out;
    out.reserve(target.size());
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u > 0x20 && u < 0x7f) {
            out += c;
        } else {
            out += '%';
            out += QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
        }
    }
    return out;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const Settings &settings,
                               const Dispatcher &dispatcher, QObject *parent)
    : QObject(parent),
      m_socket(socket),
      m_settings(settings),
      m_dispatcher(dispatcher),
      m_framer(settings.limits),
      m_clientGone(std::make_shared<std::atomic<bool>>(false))
{
    m_socket->setParent(this);
    // Answers go out in one write each, but the client's delayed ACK would still hold a
    // second segment back ~40 ms with Nagle's algorithm on.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // What the client sends beyond its current request waits in the kernel once this is
    // full: TCP flow control is the backpressure.
    m_socket->setReadBufferSize(settings.readAheadBytes);
    m_parserSocket = new ParserSocket(this, *m_socket, parent);

    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);

    for (QTimer *timer : {&m_requestTimer, &m_idleTimer, &m_writeTimer})
        timer->setSingleShot(true);
    m_requestTimer.setInterval(settings.requestTimeoutMs);
    m_idleTimer.setInterval(settings.keepAliveTimeoutMs);
    m_writeTimer.setInterval(settings.writeTimeoutMs);
    connect(&m_requestTimer, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Discarding) { // enough of a refused body
            m_socket->abort();
            return;
        }
        qCInfo(lcServer) << "a request took longer than" << m_settings.requestTimeoutMs
                         << "ms to arrive; answering and closing";
        m_framer.expire();
        const RequestFramer::Refusal refusal = m_framer.refusal();
        refuse(refusal.status, refusal.detail, refusal.why, 0);
    });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        m_phase = Phase::Closing;
        m_socket->disconnectFromHost();
    });
    connect(&m_writeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcServer) << "a client took none of its answer for" << m_settings.writeTimeoutMs
                         << "ms; closing its connection," << m_socket->bytesToWrite()
                         << "bytes unsent";
        abort();
    });
    armTimers();
    // Bytes may be waiting already; read them once Qt HttpServer has taken the parser socket.
    QMetaObject::invokeMethod(this, &HttpConnection::readAvailable, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    if (std::shared_ptr<StreamedBody> stream = std::exchange(m_stream, nullptr))
        stream->stopped();
    // Qt HttpServer deletes the parser socket once it is disconnected; if it has not taken it
    // over (it is still where it was created), it is ours to clean up.
    if (m_parserSocket && m_parserSocket->parent() == parent()) {
        m_parserSocket->detach();
        m_parserSocket->deleteLater();
    }
}

QObject *HttpConnection::returnContext() const
{
    return parent();
}

bool HttpConnection::closesAfterAnswer() const
{
    return m_stopping || !m_frame.keepAlive;
}

void HttpConnection::readAvailable()
{
    if (m_phase == Phase::Discarding) {
        m_discardRemaining -= m_socket->skip(m_socket->bytesAvailable());
        if (m_discardRemaining <= 0) {
            m_phase = Phase::Closing;
            m_socket->disconnectFromHost();
        }
        return;
    }
    if (m_phase != Phase::Reading)
        return;
    for (;;) {
        if (m_inboxPos == m_inbox.size()) {
            m_inbox = m_socket->read(m_settings.readAheadBytes);
            m_inboxPos = 0;
            if (m_inbox.isEmpty())
                break;
        }
        m_inboxPos += m_framer.feed(m_inbox.constData() + m_inboxPos, m_inbox.size() - m_inboxPos);
        if (m_framer.takeContinueRequest())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        if (m_framer.state() == RequestFramer::State::Complete) {
            startRequest(m_framer.takeRequest());
            return;
        }
        if (m_framer.state() == RequestFramer::State::Refused) {
            const RequestFramer::Refusal refusal = m_framer.refusal();
            refuse(refusal.status, refusal.detail, refusal.why, refusal.discardBytes);
            return;
        }
    }
    armTimers();
}

void HttpConnection::startRequest(RequestFramer::Request frame)
{
    m_frame = std::move(frame);
    m_phase = Phase::Parsing;
    m_started.start();
    m_headOnly = m_frame.method == "HEAD";
    armTimers();
    const QByteArray normalized = std::exchange(m_frame.normalized, QByteArray());
    m_frame.body.clear(); // Qt HttpServer's request carries it from here
    m_parserSocket->release(normalized);
    if (m_phase == Phase::Parsing) {
        // Qt HttpServer reads what it is given at once; if it did not, no answer would come.
        qCWarning(lcServer) << "Qt HttpServer did not read a request the listener accepted";
        m_phase = Phase::Reading;
        refuse(400, "Bad Request", "request not read by Qt HttpServer", 0);
    }
}

void HttpConnection::deliver(HttpRequest request)
{
    if (m_phase != Phase::Parsing)
        return;
    m_phase = Phase::Handling;
    request.method = m_frame.method; // as sent: Qt HttpServer names only the methods it knows
    request.clientGone = m_clientGone;
    m_request = request;
    m_request.body.clear(); // the answer needs the headers (CORS), not the body
    qCDebug(lcServer).noquote() << "dispatched" << m_frame.method << printable(m_frame.target);

    const QPointer<HttpConnection> self(this);
    QObject *context = returnContext();
    m_dispatcher.dispatch(request, [self, context](HttpResponse response) {
        // Answers computed on this thread are written at once; those from a database worker
        // come back through the event loop, and are dropped if the client is gone by then.
        if (QThread::currentThread() == context->thread()) {
            if (self)
                self->respond(std::move(response));
            return;
        }
        QMetaObject::invokeMethod(
            context,
            [self, response = std::move(response)]() mutable {
                if (self)
                    self->respond(std::move(response));
            },
            Qt::QueuedConnection);
    });
}

void HttpConnection::respond(HttpResponse response)
{
    if (m_phase != Phase::Handling)
        return;
    m_dispatcher.decorate(m_request, response);
    logAccess(response.status);
    const bool closeAfter = closesAfterAnswer();
    if (response.stream && !m_headOnly) {
        // HTTP/1.0 has no chunked coding: its streamed body ends when the connection does.
        m_chunked = m_frame.minorVersion >= 1;
        writeHead(response, m_chunked, closeAfter || !m_chunked);
        if (!m_chunked)
            m_frame.keepAlive = false;
        m_phase = Phase::Streaming;
        m_stream = std::move(response.stream);
        emit answered();
        m_stream->start(this);
        return;
    }
    writeHead(response, false, closeAfter);
    if (!m_headOnly && !response.body.isEmpty())
        m_socket->write(response.body);
    emit answered();
    answerDone();
}

void HttpConnection::writeHead(const HttpResponse &response, bool chunked, bool closeAfter)
{
    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else if (!response.stream && response.status != 204 && response.status != 304)
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (closeAfter)
        head += "Connection: close\r\n";
    else if (m_frame.minorVersion == 0)
        head += "Connection: keep-alive\r\n";
    head += "\r\n";
    m_socket->write(head);
    if (!m_writeTimer.isActive())
        m_writeTimer.start();
}

void HttpConnection::answerDone()
{
    m_request = HttpRequest();
    m_stream.reset();
    if (closesAfterAnswer()) {
        m_phase = Phase::Closing;
        m_socket->disconnectFromHost(); // after the answer has gone out
        armTimers();
        return;
    }
    m_phase = Phase::Writing;
    // The next request is read once most of this answer has gone. Never from inside this
    // call: it may come from within Qt HttpServer's own handling of the request.
    if (m_socket->bytesToWrite() <= m_settings.lowWaterBytes)
        QMetaObject::invokeMethod(this, &HttpConnection::nextRequest, Qt::QueuedConnection);
    armTimers();
}

void HttpConnection::nextRequest()
{
    if (m_phase != Phase::Writing)
        return;
    m_phase = Phase::Reading;
    readAvailable();
}

void HttpConnection::onBytesWritten()
{
    if (m_socket->bytesToWrite() > 0)
        m_writeTimer.start(); // progress: the client is reading
    else
        m_writeTimer.stop();
    if (m_socket->bytesToWrite() > m_settings.lowWaterBytes)
        return;
    if (m_phase == Phase::Writing)
        nextRequest();
    else if (m_phase == Phase::Streaming && m_stream)
        m_stream->drained();
}

void HttpConnection::refuse(int status, const QByteArray &detail, const QByteArray &why,
                            qint64 discardBytes)
{
    m_frame = m_framer.partial();
    m_frame.keepAlive = false;
    HttpRequest partial; // what the head said so far: its Origin decides the CORS headers
    partial.headers = m_frame.headers;
    HttpResponse response = HttpResponse::error(status, QString::fromLatin1(detail));
    m_dispatcher.decorate(partial, response);
    logAccess(status, "refused: " + why);
    writeHead(response, false, true);
    m_socket->write(response.body);
    m_inbox.clear();
    m_inboxPos = 0;
    if (discardBytes > 0) {
        // Read and drop what the client is still sending, within the request timeout, so it
        // reads this answer instead of a reset connection.
        m_phase = Phase::Discarding;
        m_discardRemaining = discardBytes;
        m_idleTimer.stop();
        m_requestTimer.start();
        readAvailable();
        return;
    }
    m_phase = Phase::Closing;
    m_socket->disconnectFromHost();
    armTimers();
}

void HttpConnection::armTimers()
{
    const bool reading = m_phase == Phase::Reading;
    const bool started = m_framer.hasStarted();
    if (reading && started) {
        if (!m_requestTimer.isActive())
            m_requestTimer.start();
    } else if (m_phase != Phase::Discarding) {
        m_requestTimer.stop();
    }
    if (reading && !started) {
        if (!m_idleTimer.isActive())
            m_idleTimer.start();
    } else {
        m_idleTimer.stop();
    }
}

void HttpConnection::onDisconnected()
{
    if (m_phase == Phase::Closed)
        return;
    const bool wasHandling = isHandling();
    m_phase = Phase::Closed;
    m_clientGone->store(true, std::memory_order_relaxed);
    for (QTimer *timer : {&m_requestTimer, &m_idleTimer, &m_writeTimer})
        timer->stop();
    if (std::shared_ptr<StreamedBody> stream = std::exchange(m_stream, nullptr))
        stream->stopped();
    if (m_parserSocket)
        m_parserSocket->detach();
    if (wasHandling) {
        qCInfo(lcServer).noquote() << "a client left before its answer:" << m_frame.method
                                   << printable(m_frame.target);
        emit answered(); // nobody is waiting for it any more
    }
    emit closed();
    deleteLater();
}

void HttpConnection::shutdown()
{
    m_stopping = true;
    switch (m_phase) {
    case Phase::Reading:
    case Phase::Writing:
        // A request not complete yet was never accepted; an answer written goes out first.
        m_phase = Phase::Closing;
        m_socket->disconnectFromHost();
        armTimers();
        break;
    case Phase::Streaming:
        if (std::shared_ptr<StreamedBody> stream = std::exchange(m_stream, nullptr))
            stream->stopped();
        if (m_chunked)
            m_socket->write("0\r\n\r\n");
        m_phase = Phase::Closing;
        m_socket->disconnectFromHost();
        break;
    case Phase::Parsing:
    case Phase::Handling:    // closes after its answer (closesAfterAnswer)
    case Phase::Discarding:
    case Phase::Closing:
    case Phase::Closed:
        break;
    }
}

void HttpConnection::abort()
{
    // Given up on: what it has not taken is dropped, not kept in the kernel until it does.
    if (const qintptr descriptor = m_socket->socketDescriptor(); descriptor != -1)
        Platform::dropUnsentOnClose(descriptor);
    m_socket->abort();
}

void HttpConnection::write(const QByteArray &data)
{
    if (m_phase != Phase::Streaming || data.isEmpty())
        return;
    if (m_chunked)
        m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    else
        m_socket->write(data);
    if (!m_writeTimer.isActive())
        m_writeTimer.start();
}

void HttpConnection::finish()
{
    if (m_phase != Phase::Streaming)
        return;
    if (m_chunked)
        m_socket->write("0\r\n\r\n");
    answerDone();
}

qint64 HttpConnection::backlog() const
{
    return m_socket->bytesToWrite();
}

void HttpConnection::logAccess(int status, const QByteArray &note) const
{
    const QByteArray method = m_frame.method.isEmpty() ? QByteArray("-") : m_frame.method;
    const QByteArray target = m_frame.target.isEmpty() ? QByteArray("-") : printable(m_frame.target);
    const QByteArray tail = note.isEmpty()
        ? QByteArray(QByteArray::number(double(m_started.nsecsElapsed()) / 1e6, 'f', 2) + " ms")
        : QByteArray('(' + note + ')');
    qCInfo(lcAccess).noquote() << method << target << status << tail;
}

} // namespace taskflow
