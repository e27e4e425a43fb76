#pragma once

#include <taskflow/common/task.h>
#include <taskflow/desktop/sseparser.h>

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QNetworkReply;

namespace taskflow {

class ApiClient;

// Follows GET /tasks/events (API.md "Live changes"): turns its events into task changes,
// reconnects after a drop with Last-Event-ID and a growing delay, and says when the stream is
// unavailable (an older server, a proxy that buffers) so that the store polls instead.
class EventStream : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Connecting, Live, Unavailable };
    Q_ENUM(State)

    static constexpr std::chrono::milliseconds idleTimeout{45000}; // 3 missed keep-alives
    static constexpr std::chrono::milliseconds firstRetry{500};
    static constexpr std::chrono::milliseconds longestRetry{30000};

    explicit EventStream(ApiClient *api, QObject *parent = nullptr);
    ~EventStream() override;

    void start();
    void stop();
    // The server (or its token) changed: the cursor of the last one means nothing there.
    void restart();

    State state() const { return m_state; }
    bool isLive() const { return m_state == State::Live; }
    QByteArray lastEventId() const { return m_parser.lastEventId(); }
    // Delays between attempts (tests make them short).
    void setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds longest);

signals:
    void stateChanged(taskflow::EventStream::State state);
    void taskChanged(const taskflow::Task &task); // created or updated
    void taskDeleted(const QString &id);
    // What the app shows may have missed changes (`event: reset`, or a first connection):
    // read the list again.
    void resetRequested();

private:
    void discard(QNetworkReply *reply);
    void connectNow();
    void readHeaders();
    void readEvents();
    void finished();
    void scheduleRetry(bool unavailable);
    void setState(State state);
    void handle(const SseEvent &event);

    ApiClient *m_api;
    QPointer<QNetworkReply> m_reply;
    SseParser m_parser;
    QTimer m_retry;
    State m_state = State::Stopped;
    bool m_running = false;
    bool m_headersRead = false;
    std::chrono::milliseconds m_firstRetry = firstRetry;
    std::chrono::milliseconds m_longestRetry = longestRetry;
    std::chrono::milliseconds m_nextRetry = firstRetry;
};

} // namespace taskflow
