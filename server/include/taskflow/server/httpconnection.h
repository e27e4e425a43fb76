#pragma once

#include <taskflow/server/httpmessage.h>
#include <taskflow/server/parsersocket.h>
#include <taskflow/server/requestframer.h>

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

class QTcpSocket;

namespace taskflow {

class Dispatcher;

// One client connection, from accept to close, on the server's event loop. It reads the
// client's bytes itself and lets them through one request at a time:
//   read & frame (RequestFramer) → Qt HttpServer parses (ParserSocket) → Dispatcher → answer
// and reads nothing more from the client until that answer has been written and mostly taken
// by the client. A client that pipelines and never reads therefore stops being read (TCP
// pushes back on it) instead of queueing work and answers in the server's memory.
// Timeouts: a request must arrive whole within `requestTimeout` (else 408), an idle keep-alive
// connection is closed after `keepAliveTimeout`, and a client that takes none of its answer for
// `writeTimeout` is cut off.
class HttpConnection : public QObject, private BodySink
{
    Q_OBJECT

public:
    struct Settings
    {
        RequestFramer::Limits limits;
        int requestTimeoutMs = 30'000;
        int keepAliveTimeoutMs = 5'000;
        int writeTimeoutMs = 30'000;
        // What is read of a client ahead of its current request, and how much of an answer may
        // wait for the client before the connection stops producing more.
        qint64 readAheadBytes = 64 * 1024;
        qint64 lowWaterBytes = 64 * 1024;
    };

    HttpConnection(QTcpSocket *socket, const Settings &settings, const Dispatcher &dispatcher,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    // The socket Qt HttpServer reads this connection's requests from.
    ParserSocket *parserSocket() const { return m_parserSocket; }
    QTcpSocket *socket() const { return m_socket; }

    // Qt HttpServer has parsed the request released to it.
    void deliver(HttpRequest request);

    // Between receiving a request and handing its answer to the socket.
    bool isHandling() const { return m_phase == Phase::Parsing || m_phase == Phase::Handling; }
    // The server stops: the answer under way is finished and the connection closed; a request
    // not yet started is not acted on; a streamed body ends now.
    void shutdown();
    // Closes at once, dropping what is not sent.
    void abort() override;

signals:
    void answered(); // an answer has been handed to the socket (or its client left)
    void closed();

private:
    enum class Phase {
        Reading,    // reading the next request
        Parsing,    // Qt HttpServer is reading it
        Handling,   // waiting for the handler's answer
        Writing,    // the answer is out; waiting for the client to take most of it
        Streaming,  // a streamed body is being written
        Discarding, // a refused request's body is read and dropped before closing
        Closing,    // flushing, then closing
        Closed,
    };

    void readAvailable();
    void startRequest(RequestFramer::Request frame);
    void refuse(int status, const QByteArray &detail, const QByteArray &why,
                qint64 discardBytes);
    void respond(HttpResponse response);
    void writeHead(const HttpResponse &response, bool chunked, bool closeAfter);
    void answerDone();
    void nextRequest();
    void onBytesWritten();
    void onDisconnected();
    void armTimers();
    void logAccess(int status, const QByteArray &note = {}) const;
    bool closesAfterAnswer() const;
    QObject *returnContext() const;

    // BodySink
    void write(const QByteArray &data) override;
    void finish() override;
    qint64 backlog() const override;

    QTcpSocket *m_socket;
    QPointer<ParserSocket> m_parserSocket;
    Settings m_settings;
    const Dispatcher &m_dispatcher;
    RequestFramer m_framer;
    QByteArray m_inbox;   // read from the socket, not yet framed
    qsizetype m_inboxPos = 0;
    Phase m_phase = Phase::Reading;
    bool m_stopping = false;

    // The request being answered.
    RequestFramer::Request m_frame;
    HttpRequest m_request;
    QElapsedTimer m_started;
    std::shared_ptr<std::atomic<bool>> m_clientGone;
    std::shared_ptr<StreamedBody> m_stream;
    bool m_chunked = false;
    bool m_headOnly = false;
    qint64 m_discardRemaining = 0;

    QTimer m_requestTimer;   // a request that does not arrive whole in time: 408
    QTimer m_idleTimer;      // a keep-alive connection with nothing to do
    QTimer m_writeTimer;     // a client that takes none of its answer
};

} // namespace taskflow
