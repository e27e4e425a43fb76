#pragma once

#include <QHash>
#include <QTcpServer>

class QTcpSocket;
class QTimer;

namespace taskflow {

// Accepts connections for Qt HttpServer and guards what Qt HttpServer 6.4 does not: it reads
// every byte before Qt's parser does and
//  - answers `Expect: 100-continue`, so clients need not wait a second before sending a body;
//  - refuses a declared body over the limit (413), a URL over 8 KiB (414), a request head over
//    64 KiB (431) and a request line that is not HTTP (400) before any of it is buffered;
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
    struct Stream
    {
        QByteArray head;            // the current request's head, until its blank line
        qint64 bodyRemaining = 0;   // bytes of the current request's body still to come
        bool passthrough = false;   // a chunked body: its end is Qt's to find
        bool refused = false;
        qint64 discardRemaining = 0; // a refused body still being read, then the socket closes
        QTimer *deadline = nullptr; // runs while a request is incomplete
    };

    void inspect(QTcpSocket *socket);
    // Reads one request head; returns false when the connection was refused.
    // `bodyBytesHere`: how much of what follows the head has already arrived.
    bool checkHead(QTcpSocket *socket, Stream &stream, qint64 bodyBytesHere);
    // Answers and closes. `discardBytes` of body are read and dropped first (at most 8 MiB), so
    // a client still sending its body reads the answer instead of a reset connection.
    void refuse(QTcpSocket *socket, Stream &stream, int status, const char *reason,
                const char *detail, qint64 discardBytes = 0);

    Limits m_limits;
    QHash<QTcpSocket *, Stream> m_streams;
};

} // namespace taskflow
