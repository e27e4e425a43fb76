#pragma once

#include <QTcpServer>

class QTcpSocket;
class QTimer;

namespace taskflow {

// Accepts connections for Qt HttpServer and guards what Qt HttpServer 6.4 does not: it reads
// every byte before Qt's parser does and
//  - answers `Expect: 100-continue`, so clients need not wait a second before sending a body;
//  - refuses a body over the limit (413) as soon as its length or its chunks say so, a URL over
//    8 KiB (414), a request head over 64 KiB (431), and a request line or chunk framing that is
//    not HTTP (400), before any of it is buffered;
//  - closes a connection whose request is not complete within the request timeout (408), so a
//    client that never finishes holds neither memory nor anything else for long.
// A refused connection gets one JSON answer and is closed; Qt's parser never sees its bytes.
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxBodyBytes = 1024 * 1024;
        qint64 maxUrlBytes = 8 * 1024;
        qint64 maxHeadBytes = 64 * 1024;
        int requestTimeoutMs = 30'000;
    };

    explicit HttpListener(Limits limits, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    // What the listener knows of one connection's byte stream. A child of its socket, so it
    // goes with the socket (Qt HttpServer 6.4 may call socket->disconnect(), which would drop a
    // `destroyed` handler cleaning up a table keyed by socket).
    class Stream;

    void inspect(Stream &stream);
    // Reads one request head; returns false when the connection was refused.
    // `bodyBytesHere`: how much of what follows the head has already arrived.
    bool checkHead(Stream &stream, qint64 bodyBytesHere);
    // Follows a chunked body's framing from `pos`; false when the connection was refused.
    bool followChunks(Stream &stream, const QByteArray &data, qsizetype &pos);
    // Answers and closes. `discardBytes` of body are read and dropped first (at most 8 MiB), so
    // a client still sending its body reads the answer instead of a reset connection.
    void refuse(Stream &stream, int status, const char *reason, const char *detail,
                qint64 discardBytes = 0, const char *why = nullptr);
    // Deletes sockets that closed but that nobody deletes (after Qt's socket->disconnect()).
    void sweep();

    Limits m_limits;
};

} // namespace taskflow
