#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace taskflow {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Set once the client of a request has gone; work for it that has not started yet is dropped.
using CancelFlag = std::shared_ptr<const std::atomic<bool>>;

// What the router needs of a request, copied out of QHttpServerRequest on the event loop so
// that worker threads never touch Qt HttpServer's objects.
struct HttpRequest
{
    QByteArray method; // upper case, as sent
    QString path;      // percent-decoded
    QByteArray query;  // still percent-encoded
    HttpHeaders headers;
    QByteArray body;
    CancelFlag clientGone; // null when nobody waits (tests that call the dispatcher directly)

    bool isCancelled() const { return clientGone && clientGone->load(std::memory_order_relaxed); }

    // The first header of that name (case-insensitive), or an empty array.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
};

class StreamedBody;

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    HttpHeaders headers;
    // A body written piece by piece after the head (chunked), as the client takes it: an event
    // stream, or a long list produced in slices. `body` is then unused.
    std::shared_ptr<StreamedBody> stream;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static HttpResponse json(int status, QByteArray body);
    // {"detail": "<detail>"}, the shape of every error that is not a 422.
    static HttpResponse error(int status, const QString &detail);
    static HttpResponse text(int status, QByteArray body);
    static HttpResponse noContent();
};

// Hands a handler's answer back to the HTTP layer. It may be called on any thread, once.
using Respond = std::function<void(HttpResponse)>;

// Where a streamed body goes: the connection it answers. Used on the connection's thread.
class BodySink
{
public:
    virtual ~BodySink() = default;
    // Sends one piece of the body.
    virtual void write(const QByteArray &data) = 0;
    // Ends the body; the connection goes on with the next request (or closes).
    virtual void finish() = 0;
    // Gives up on the client: the connection is closed at once (a reader too slow to keep up).
    virtual void abort() = 0;
    // Bytes written that the client has not taken yet.
    virtual qint64 backlog() const = 0;
};

// A body produced while it is being sent. Everything runs on the connection's thread; the
// sink is valid from start() until finish()/abort() is called or stopped() arrives.
class StreamedBody
{
public:
    virtual ~StreamedBody() = default;
    // The head has gone out; write through `sink` now or later.
    virtual void start(BodySink *sink) = 0;
    // The backlog has fallen below the connection's low-water mark: a good time to write more.
    virtual void drained() {}
    // The client left, or the server is stopping (the connection then ends the body itself):
    // the sink must not be used after this.
    virtual void stopped() {}
};

} // namespace taskflow
