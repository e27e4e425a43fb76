#include <taskflow/desktop/eventstream.h>

#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/logging.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace taskflow {

EventStream::EventStream(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EventStream::connectNow);
}

EventStream::~EventStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

// Ends a reply that may be in the middle of emitting a signal. Deleting a reply aborts its
// request; aborting it here instead could make it report its end twice.
void EventStream::discard(QNetworkReply *reply)
{
    if (!reply)
        return;
    reply->disconnect(this);
    reply->deleteLater();
}

void EventStream::setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds longest)
{
    m_firstRetry = first;
    m_longestRetry = longest;
    m_nextRetry = first;
}

void EventStream::start()
{
    if (m_running)
        return;
    m_running = true;
    m_nextRetry = m_firstRetry;
    connectNow();
}

void EventStream::stop()
{
    m_running = false;
    m_retry.stop();
    discard(m_reply);
    m_reply = nullptr;
    setState(State::Stopped);
}

void EventStream::restart()
{
    const bool wasRunning = m_running;
    stop();
    m_parser = SseParser();
    if (wasRunning)
        start();
}

void EventStream::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcSync) << "event stream:" << state;
    emit stateChanged(state);
}

void EventStream::connectNow()
{
    if (!m_running)
        return;
    discard(m_reply);
    m_reply = nullptr;
    m_headersRead = false;
    m_parser.resetPartial();
    if (m_state != State::Unavailable)
        setState(State::Connecting);
    m_reply = m_api->openEventStream(m_parser.lastEventId(), idleTimeout);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &EventStream::readHeaders);
    connect(m_reply, &QNetworkReply::readyRead, this, &EventStream::readEvents);
    connect(m_reply, &QNetworkReply::finished, this, &EventStream::finished);
}

void EventStream::readHeaders()
{
    if (!m_reply || m_headersRead)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return; // not yet
    m_headersRead = true;
    const QString type = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (status != 200 || !type.startsWith(u"text/event-stream"_s)) {
        qCInfo(lcSync) << "no event stream here (HTTP" << status << type << "): polling instead";
        discard(m_reply);
        m_reply = nullptr;
        scheduleRetry(true);
        return;
    }
    const bool resumed = !m_parser.lastEventId().isEmpty();
    m_nextRetry = m_firstRetry;
    setState(State::Live);
    // Without a cursor the server cannot replay what happened before this moment.
    if (!resumed)
        emit resetRequested();
}

void EventStream::readEvents()
{
    if (!m_reply)
        return;
    if (!m_headersRead)
        readHeaders();
    if (!m_reply || !m_headersRead)
        return;
    const auto events = m_parser.feed(m_reply->readAll());
    for (const SseEvent &event : events)
        handle(event);
}

void EventStream::handle(const SseEvent &event)
{
    qCDebug(lcSync) << "event" << event.type << event.id;
    if (event.type == "reset") {
        emit resetRequested();
        return;
    }
    const QJsonObject task = QJsonDocument::fromJson(event.data).object().value(u"task"_s).toObject();
    if (event.type == "task.deleted") {
        const QString id = task.value(u"id"_s).toString();
        if (!id.isEmpty())
            emit taskDeleted(id);
    } else if (event.type == "task.created" || event.type == "task.updated") {
        if (const auto parsed = Task::fromJson(task))
            emit taskChanged(*parsed);
        else
            qCWarning(lcSync) << "event without a task:" << event.data.left(200);
    }
}

void EventStream::finished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_headersRead)
        readHeaders();
    if (!m_reply)
        return; // readHeaders refused it and scheduled the next try
    const bool wasLive = m_headersRead;
    if (wasLive)
        readEvents();
    qCInfo(lcSync) << "event stream ended:" << reply->errorString();
    reply->disconnect(this);
    reply->deleteLater();
    m_reply = nullptr;
    scheduleRetry(!wasLive);
}

void EventStream::scheduleRetry(bool unavailable)
{
    if (!m_running)
        return;
    setState(unavailable ? State::Unavailable : State::Connecting);
    m_retry.start(m_nextRetry);
    m_nextRetry = std::min(m_nextRetry * 2, m_longestRetry);
}

} // namespace taskflow
