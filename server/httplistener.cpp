#include <taskflow/server/httplistener.h>

#include <taskflow/server/logging.h>

#include <QTcpSocket>
#include <QTimer>

namespace taskflow {

namespace {

QByteArray headerValue(const QList<QByteArray> &lines, const QByteArray &name, int *count)
{
    QByteArray value;
    *count = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0) {
            value = line.mid(colon + 1).trimmed();
            ++*count;
        }
    }
    return value;
}

// A request starts with a method, a token (RFC 9110, 5.6.2), after optional blank lines: a TLS
// handshake or other binary noise is refused on its first byte, not after the timeout.
bool startsLikeHttp(const QByteArray &head)
{
    for (const char c : head) {
        if (c == '\r' || c == '\n')
            continue;
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
    }
    return true;
}

} // namespace

class HttpListener::Stream : public QObject
{
public:
    explicit Stream(QTcpSocket *client) : QObject(client), socket(client) {}

    QTcpSocket *const socket;
    QByteArray head;             // the current request's head, until its blank line
    qint64 bodyRemaining = 0;    // bytes of the current request's body still to come
    // A chunked body is followed through its framing, so its end (and its size) are known too.
    enum class Chunked { No, SizeLine, Data, DataEnd, Trailers } chunked = Chunked::No;
    QByteArray line;             // the chunk-size or trailer line being read
    qint64 chunkedTotal = 0;     // body bytes of the chunked body so far
    bool refused = false;
    qint64 discardRemaining = 0; // a refused body still being read, then the socket closes
    QTimer deadline;             // runs while a request is incomplete
    qint64 seenUnread = 0;       // bytes at the front of the buffer this stream has seen already
};

HttpListener::HttpListener(Limits limits, QObject *parent) : QTcpServer(parent), m_limits(limits)
{
    auto *sweeper = new QTimer(this);
    connect(sweeper, &QTimer::timeout, this, &HttpListener::sweep);
    sweeper->start(10'000);
}

void HttpListener::sweep()
{
    for (QTcpSocket *socket : findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
    }
}

void HttpListener::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    // Qt HttpServer writes an answer in several small writes (status line, headers, body):
    // with Nagle's algorithm on, the client's delayed ACK can hold the last one back ~40 ms.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *stream = new Stream(socket);
    stream->deadline.setSingleShot(true);
    stream->deadline.setInterval(m_limits.requestTimeoutMs);
    connect(&stream->deadline, &QTimer::timeout, stream, [this, stream] {
        if (stream->refused) { // was discarding a refused body: enough
            stream->socket->abort();
            return;
        }
        qCInfo(lcServer) << "closing a connection whose request took longer than"
                         << m_limits.requestTimeoutMs << "ms";
        refuse(*stream, 408, "Request Timeout", "Request Timeout");
    });
    // Connected before Qt HttpServer connects its own handler, so this sees the bytes first.
    connect(socket, &QTcpSocket::readyRead, stream, [this, stream] { inspect(*stream); });
    // Queued, so it runs after Qt's handler: Qt's parser stops at the end of a message, and
    // what it leaves in the buffer (a pipelined request, say) has been seen here already.
    connect(socket, &QTcpSocket::readyRead, stream,
            [stream] { stream->seenUnread = stream->socket->bytesAvailable(); },
            Qt::QueuedConnection);
    addPendingConnection(socket);
}

void HttpListener::inspect(Stream &stream)
{
    QTcpSocket *socket = stream.socket;
    if (stream.refused) {
        // Nothing more reaches the parser of a refused connection.
        stream.discardRemaining -= socket->readAll().size();
        stream.seenUnread = 0;
        if (stream.discardRemaining <= 0)
            socket->disconnectFromHost();
        return;
    }
    const qint64 available = socket->bytesAvailable();
    const QByteArray data = socket->peek(available).mid(stream.seenUnread);
    stream.seenUnread = available;
    qsizetype pos = 0;
    while (pos < data.size()) {
        if (stream.chunked != Stream::Chunked::No) {
            if (!followChunks(stream, data, pos))
                return;
            continue;
        }
        if (stream.bodyRemaining > 0) {
            const qint64 take = qMin<qint64>(stream.bodyRemaining, data.size() - pos);
            stream.bodyRemaining -= take;
            pos += take;
            continue;
        }
        if (!stream.deadline.isActive())
            stream.deadline.start();
        const qsizetype end = data.indexOf("\r\n\r\n", pos);
        const qsizetype take = end < 0 ? data.size() - pos : end + 4 - pos;
        stream.head += data.mid(pos, take);
        pos += take;
        if (!startsLikeHttp(stream.head)) {
            refuse(stream, 400, "Bad Request", "Bad Request", 0, "not an HTTP request line");
            return;
        }
        if (stream.head.size() > m_limits.maxHeadBytes) {
            refuse(stream, 431, "Request Header Fields Too Large",
                   "Request header fields too large");
            return;
        }
        if (end < 0)
            return; // the head goes on in a later packet
        if (!checkHead(stream, data.size() - pos))
            return;
    }
    if (stream.bodyRemaining == 0 && stream.head.isEmpty() && stream.chunked == Stream::Chunked::No)
        stream.deadline.stop(); // every request seen so far is complete
}

bool HttpListener::checkHead(Stream &stream, qint64 bodyBytesHere)
{
    const QByteArray head = stream.head.left(stream.head.size() - 4);
    stream.head.clear();
    // Blank lines between requests are allowed (RFC 9112, 2.2).
    const QList<QByteArray> lines = head.trimmed().split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[0].isEmpty()
        || !requestLine[2].startsWith("HTTP/1.")) {
        refuse(stream, 400, "Bad Request", "Bad Request", 0, "not an HTTP request line");
        return false;
    }
    if (requestLine[1].size() > m_limits.maxUrlBytes) {
        refuse(stream, 414, "URI Too Long", "URI Too Long");
        return false;
    }
    int count = 0;
    const QByteArray transferEncoding = headerValue(lines, "Transfer-Encoding", &count);
    const QByteArray length = headerValue(lines, "Content-Length", &count);
    const int lengthHeaders = count;
    const QByteArray expect = headerValue(lines, "Expect", &count);

    qint64 bodyBytes = 0;
    if (!transferEncoding.isEmpty()) {
        if (transferEncoding.trimmed().compare("chunked", Qt::CaseInsensitive) != 0) {
            refuse(stream, 400, "Bad Request", "Bad Request", 0, "unsupported transfer coding"); // gzip and friends: not here
            return false;
        }
        stream.chunked = Stream::Chunked::SizeLine;
        stream.chunkedTotal = 0;
    } else if (lengthHeaders > 1) {
        refuse(stream, 400, "Bad Request", "Bad Request", 0, "two Content-Length headers");
        return false;
    } else if (lengthHeaders == 1) {
        bool ok = false;
        bodyBytes = length.toLongLong(&ok);
        if (!ok || bodyBytes < 0) {
            refuse(stream, 400, "Bad Request", "Bad Request", 0, "bad Content-Length");
            return false;
        }
        if (bodyBytes > m_limits.maxBodyBytes) {
            refuse(stream, 413, "Payload Too Large", "Request body too large",
                   bodyBytes - bodyBytesHere);
            return false;
        }
    }
    if (expect.compare("100-continue", Qt::CaseInsensitive) == 0 && bodyBytesHere < bodyBytes)
        stream.socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    stream.bodyRemaining = bodyBytes;
    return true;
}

bool HttpListener::followChunks(Stream &stream, const QByteArray &data, qsizetype &pos)
{
    using Chunked = Stream::Chunked;
    constexpr qsizetype maxLine = 4096;
    while (pos < data.size()) {
        switch (stream.chunked) {
        case Chunked::No:
            return true;
        case Chunked::Data: {
            const qint64 take = qMin<qint64>(stream.bodyRemaining, data.size() - pos);
            stream.bodyRemaining -= take;
            pos += take;
            if (stream.bodyRemaining == 0)
                stream.chunked = Chunked::DataEnd;
            break;
        }
        case Chunked::SizeLine:
        case Chunked::DataEnd:
        case Chunked::Trailers: {
            const qsizetype end = data.indexOf('\n', pos);
            stream.line += data.mid(pos, end < 0 ? -1 : end + 1 - pos);
            pos = end < 0 ? data.size() : end + 1;
            if (stream.line.size() > maxLine) {
                refuse(stream, 400, "Bad Request", "Bad Request", 0, "chunk line too long");
                return false;
            }
            if (end < 0)
                return true; // the line goes on in a later packet
            const QByteArray line = stream.line.trimmed();
            stream.line.clear();
            if (stream.chunked == Chunked::DataEnd) {
                if (!line.isEmpty()) {
                    refuse(stream, 400, "Bad Request", "Bad Request", 0, "no CRLF after a chunk");
                    return false;
                }
                stream.chunked = Chunked::SizeLine;
            } else if (stream.chunked == Chunked::Trailers) {
                // Qt HttpServer 6.4's parser drops the connection, unanswered, on a trailer
                // field: a clear 400 is better.
                if (!line.isEmpty()) {
                    refuse(stream, 400, "Bad Request", "Bad Request", 0, "chunked trailer fields");
                    return false;
                }
                stream.chunked = Chunked::No; // the request is complete
                stream.deadline.stop();
                return true;
            } else {
                bool ok = false;
                const qint64 size = line.split(';').first().trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0) {
                    refuse(stream, 400, "Bad Request", "Bad Request", 0, "bad chunk size");
                    return false;
                }
                stream.chunkedTotal += size;
                if (stream.chunkedTotal > m_limits.maxBodyBytes) {
                    refuse(stream, 413, "Payload Too Large", "Request body too large", 0, "chunked body over the limit");
                    return false;
                }
                stream.bodyRemaining = size;
                stream.chunked = size == 0 ? Chunked::Trailers : Chunked::Data;
            }
            break;
        }
        }
    }
    return true;
}

void HttpListener::refuse(Stream &stream, int status, const char *reason, const char *detail,
                          qint64 discardBytes, const char *why)
{
    QTcpSocket *socket = stream.socket;
    constexpr qint64 maxDiscard = 8 * 1024 * 1024;
    stream.refused = true;
    stream.discardRemaining = qMin(discardBytes, maxDiscard);
    // The deadline now bounds the discarding too.
    stream.deadline.start();
    socket->readAll();
    stream.seenUnread = 0;
    const QByteArray body = QByteArray("{\"detail\":\"") + detail + "\"}";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    if (stream.discardRemaining <= 0)
        socket->disconnectFromHost();
    qCInfo(lcAccess).noquote() << "-" << "-" << status << "(refused before parsing:"
                               << (why ? why : reason) << ")";
}

} // namespace taskflow
