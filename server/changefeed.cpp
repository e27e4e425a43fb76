#include <taskflow/server/changefeed.h>

#include <taskflow/common/isodatetime.h>
#include <taskflow/common/jsonwriter.h>
#include <taskflow/server/changelog.h>
#include <taskflow/server/databaseerror.h>
#include <taskflow/server/databasesession.h>
#include <taskflow/server/logging.h>

#include <QElapsedTimer>
#include <QPointer>
#include <QSqlDriver>
#include <QThread>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

constexpr int readBatch = 1000;
constexpr std::size_t recentKept = 2048;        // events resumable without the database
constexpr int keepAliveMs = 10'000;             // API.md: a comment at least every 15 s
// A stream writes to its connection while the client keeps up (the connection's low-water
// mark); what waits beyond that is a list of events shared with every other stream, not copies.
// A client that has left an event waiting this long, or this much, is cut off, and resumes
// where it was with Last-Event-ID.
constexpr qint64 maxPendingBytes = 4 * 1024 * 1024;
constexpr qint64 maxPendingMs = 10'000;
constexpr qint64 lowWaterBytes = 64 * 1024;
constexpr int sqlitePollMs = 100;               // PRAGMA data_version checks
constexpr int postgresPollMs = 1'000;           // in case a notification is lost
constexpr int housekeepingMs = 5'000;           // fold counts, prune the log
constexpr qint64 retentionSeconds = 24 * 3600;

ChangeEvent toEvent(const ChangeLog::Entry &entry)
{
    QByteArray task;
    if (entry.task) {
        task = entry.task->toJson();
    } else { // deleted: only the id, as API.md says
        JsonWriter json(task);
        json.beginObject();
        json.key("id");
        json.value(entry.taskId);
        json.endObject();
    }
    const QByteArray data = "{\"task\":" + task + '}';
    const char *name = entry.op == 'c' ? "task.created" : entry.op == 'd' ? "task.deleted" : "task.updated";
    return ChangeEvent{entry.seq, "id: " + QByteArray::number(entry.seq) + "\nevent: " + name
                                      + "\ndata: " + data + "\n\n"};
}

// The events of a batch of log entries, one each.
QList<ChangeEvent> toEvents(const QList<ChangeLog::Entry> &entries)
{
    QList<ChangeEvent> events;
    events.reserve(entries.size());
    for (const ChangeLog::Entry &entry : entries)
        events.append(toEvent(entry));
    return events;
}

} // namespace

// Follows the change log on a thread and a connection of its own.
class FeedReader : public QObject
{
    Q_OBJECT

    // Every read here ends its statements: one left open would keep a read snapshot (SQLite
    // then sees no later commit, and PostgreSQL holds back vacuum).
    struct Released
    {
        DatabaseSession *session;
        ~Released()
        {
            if (session)
                session->releaseStatements();
        }
    };

public:
    FeedReader(const DatabaseUrl &url, ChangeFeed *feed) : m_url(url), m_feed(feed)
    {
        // Children, so that they move to the reader's thread with it.
        m_poll.setParent(this);
        m_housekeeping.setParent(this);
    }

    void begin();
    void poll();
    void replay(quint64 requestId, qint64 after);
    void end();

private:
    void housekeeping();
    bool ensureOpen();
    void failed(const DatabaseError &error);

    DatabaseUrl m_url;
    ChangeFeed *m_feed; // lives on the event loop thread: only posted to
    std::unique_ptr<DatabaseSession> m_session;
    QTimer m_poll;
    QTimer m_housekeeping;
    qint64 m_cursor = -1;
    qint64 m_dataVersion = -1;
    bool m_listening = false;
};

bool FeedReader::ensureOpen()
{
    if (!m_session)
        m_session = std::make_unique<DatabaseSession>(m_url, u"taskflow-feed-%1"_s.arg(quintptr(this), 0, 16));
    QSqlDatabase &db = m_session->open();
    if (m_session->isPostgres() && !m_listening) {
        // A notification is a wake-up; what changed is read from the log.
        QSqlDriver *driver = db.driver();
        m_listening = driver->subscribeToNotification(u"taskflow_changes"_s);
        if (m_listening)
            connect(driver, &QSqlDriver::notification, this, &FeedReader::poll, Qt::UniqueConnection);
        else
            qCWarning(lcSql) << "cannot LISTEN for changes; checking the log every" << postgresPollMs << "ms";
    }
    return true;
}

void FeedReader::failed(const DatabaseError &error)
{
    qCWarning(lcSql).noquote() << "change feed:" << error.message();
    if (m_session)
        m_session->reset();
    m_listening = false;
    m_dataVersion = -1;
}

void FeedReader::begin()
{
    m_poll.setInterval(m_url.driver == DatabaseUrl::Driver::Postgres ? postgresPollMs : sqlitePollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_url.driver == DatabaseUrl::Driver::Postgres) {
            poll();
            return;
        }
        // SQLite: data_version changes when another connection (one of our workers, the
        // original backend) commits; reading the log only then keeps idle polling free.
        try {
            ensureOpen();
            const qint64 version = ChangeLog(*m_session).dataVersion();
            if (version != m_dataVersion) {
                m_dataVersion = version;
                poll();
            }
        } catch (const DatabaseError &error) {
            failed(error);
        }
    });
    m_housekeeping.setInterval(housekeepingMs);
    connect(&m_housekeeping, &QTimer::timeout, this, &FeedReader::housekeeping);
    m_poll.start();
    m_housekeeping.start();
    poll();
}

void FeedReader::poll()
{
    // From here on, a new nudge queues another check: this one may read too early for it.
    m_feed->m_pollPending.store(false);
    if (QThread::currentThread()->isInterruptionRequested())
        return; // stopping: whatever is queued ends at once
    try {
        ensureOpen();
        const Released released{m_session.get()};
        ChangeLog log(*m_session);
        if (m_session->isPostgres()) {
            while (log.sequence() == ChangeLog::sequenceBatch
                   && !QThread::currentThread()->isInterruptionRequested()) {
            }
        }
        if (m_cursor < 0) {
            m_cursor = log.last(); // streams start at the end of the log
            const qint64 start = m_cursor;
            const qint64 oldest = log.oldest();
            QMetaObject::invokeMethod(m_feed, [feed = m_feed, start, oldest] {
                feed->receive({ChangeEvent{start, {}}}, oldest);
            }, Qt::QueuedConnection);
            return;
        }
        while (!QThread::currentThread()->isInterruptionRequested()) {
            const QList<ChangeLog::Entry> entries = log.after(m_cursor, readBatch);
            if (entries.isEmpty())
                return;
            m_cursor = entries.constLast().seq;
            QList<ChangeEvent> events = toEvents(entries);
            // The cursor moves even when every entry was left out.
            events.append(ChangeEvent{m_cursor, {}});
            QMetaObject::invokeMethod(m_feed, [feed = m_feed, events = std::move(events)] {
                feed->receive(events, -1);
            }, Qt::QueuedConnection);
            if (entries.size() < readBatch)
                return;
        }
    } catch (const DatabaseError &error) {
        failed(error);
    }
}

void FeedReader::replay(quint64 requestId, qint64 after)
{
    std::optional<QList<ChangeEvent>> events; // none: the log could not be read
    bool complete = false;
    try {
        ensureOpen();
        const Released released{m_session.get()};
        ChangeLog log(*m_session);
        const QList<ChangeLog::Entry> entries = log.after(after, readBatch);
        events = toEvents(entries);
        if (!entries.isEmpty())
            events->append(ChangeEvent{entries.constLast().seq, {}});
        complete = entries.size() < readBatch;
    } catch (const DatabaseError &error) {
        failed(error);
    }
    QMetaObject::invokeMethod(m_feed, [feed = m_feed, requestId, events = std::move(events), complete] {
        feed->replayed(requestId, events, complete);
    }, Qt::QueuedConnection);
}

void FeedReader::housekeeping()
{
    try {
        ensureOpen();
        const Released released{m_session.get()};
        ChangeLog log(*m_session);
        if (m_session->isPostgres())
            log.foldCounts();
        log.prune(IsoDateTime::nowUtc().addSecs(-retentionSeconds));
        const qint64 oldest = log.oldest();
        QMetaObject::invokeMethod(m_feed, [feed = m_feed, oldest] { feed->receive({}, oldest); },
                                  Qt::QueuedConnection);
    } catch (const DatabaseError &error) {
        failed(error);
    }
}

void FeedReader::end()
{
    m_poll.stop();
    m_housekeeping.stop();
    m_session.reset(); // closed on the thread that opened it
}

// One open GET /tasks/events: writes what the feed gives it, from where its client left off.
class EventStream : public StreamedBody
{
public:
    EventStream(ChangeFeed *feed, std::optional<qint64> lastEventId)
        : m_feed(feed), m_lastSent(lastEventId.value_or(-1)), m_resuming(lastEventId.has_value())
    {
    }

    void start(BodySink *sink) override
    {
        m_sink = sink;
        // Browsers reconnect after this many ms; a comment first, so proxies see bytes at once.
        m_sink->write("retry: 2000\n: connected\n\n");
        m_feed->m_streams.append(this);
        catchUp();
    }

    void stopped() override
    {
        m_sink = nullptr;
        m_pending.clear();
        m_feed->detach(this);
    }

    void drained() override { pump(); }

    // What the feed has now: queued if this stream is live and had not seen them.
    void deliver(const QList<ChangeEvent> &events)
    {
        if (!m_sink || m_catchingUp)
            return;
        for (const ChangeEvent &event : events) {
            if (event.seq <= m_lastSent)
                continue;
            if (!event.wire.isEmpty()) {
                if (m_pending.empty())
                    m_waitingSince.start();
                m_pending.push_back(event.wire);
                m_pendingBytes += event.wire.size();
            }
            m_lastSent = event.seq;
        }
        pump();
        cutOffIfBehind();
    }

    void keepAlive()
    {
        // Only when nothing else is on its way: any byte keeps a proxy from closing the stream.
        if (m_sink && m_pending.empty() && m_sink->backlog() == 0)
            m_sink->write(": keep-alive\n\n");
        cutOffIfBehind();
    }

    // Where to start: the live end, the events kept in memory, or the log.
    void catchUp()
    {
        if (!m_sink)
            return;
        if (m_feed->m_lastSeq < 0) { // the reader has not found the end of the log yet
            m_catchingUp = true;
            return;
        }
        if (!m_resuming || m_lastSent >= m_feed->m_lastSeq) {
            // New: from the end. Resuming ahead of this server's reader (the client came from
            // a server that had read further): what it saw is not sent again.
            if (!m_resuming)
                m_lastSent = m_feed->m_lastSeq;
            m_catchingUp = false;
            return;
        }
        const qint64 oldestInMemory = m_feed->m_recent.empty() ? m_feed->m_lastSeq + 1
                                                               : m_feed->m_recent.front().seq;
        if (m_lastSent + 1 >= oldestInMemory) {
            m_catchingUp = false;
            const QList<ChangeEvent> recent(m_feed->m_recent.begin(), m_feed->m_recent.end());
            deliver(recent);
            return;
        }
        if (m_lastSent == ChangeFeed::lostPlace || m_lastSent + 1 < m_feed->m_oldestKept) {
            // The log no longer has what was missed: the client must re-read (API.md).
            m_sink->write("id: " + QByteArray::number(m_feed->m_lastSeq) + "\nevent: reset\ndata:\n\n");
            m_lastSent = m_feed->m_lastSeq;
            m_catchingUp = false;
            return;
        }
        m_catchingUp = true;
        m_feed->requestReplay(this, m_lastSent);
    }

    void replayed(const std::optional<QList<ChangeEvent>> &events, bool complete)
    {
        if (!m_sink)
            return;
        if (!events) {
            // The log cannot be read now: the client reconnects and resumes from where it is.
            BodySink *sink = std::exchange(m_sink, nullptr);
            m_feed->detach(this);
            sink->abort();
            return;
        }
        m_catchingUp = false;
        deliver(*events);
        m_catchingUp = true;
        if (complete)
            catchUp(); // the rest is in memory by now, or more is read
        else
            m_feed->requestReplay(this, m_lastSent);
    }

    bool isCatchingUp() const { return m_catchingUp; }

private:
    // Hands the connection what the client can take now.
    void pump()
    {
        while (m_sink && !m_pending.empty() && m_sink->backlog() < lowWaterBytes) {
            const QByteArray wire = std::move(m_pending.front());
            m_pending.pop_front();
            m_pendingBytes -= wire.size();
            m_sink->write(wire);
            if (!m_pending.empty())
                m_waitingSince.start(); // the next one waits from now: the client is reading
        }
    }

    void cutOffIfBehind()
    {
        if (!m_sink || m_pending.empty())
            return;
        if (m_pendingBytes <= maxPendingBytes && !m_waitingSince.hasExpired(maxPendingMs))
            return;
        qCInfo(lcServer) << "an event stream fell" << m_pendingBytes << "bytes," << m_pending.size()
                         << "events behind; closing it (the client resumes with Last-Event-ID)";
        BodySink *sink = std::exchange(m_sink, nullptr);
        m_pending.clear();
        m_pendingBytes = 0;
        m_feed->detach(this);
        sink->abort();
    }

    ChangeFeed *m_feed;
    std::deque<QByteArray> m_pending; // shared with the feed and the other streams
    qint64 m_pendingBytes = 0;
    QElapsedTimer m_waitingSince; // since the client last took an event
    BodySink *m_sink = nullptr;
    qint64 m_lastSent;
    bool m_resuming;
    bool m_catchingUp = true;
};

ChangeFeed::ChangeFeed(const DatabaseUrl &url, QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(u"taskflow-feed"_s);
    m_reader = new FeedReader(url, this);
    m_reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    m_keepAlive.setInterval(keepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, &ChangeFeed::sendKeepAlive);
}

ChangeFeed::~ChangeFeed()
{
    stop();
    // A reader whose thread ran is deleted when that thread finishes; one never started has
    // no thread to do it.
    if (!m_thread.isFinished())
        delete m_reader;
}

void ChangeFeed::start()
{
    m_thread.start();
    m_running.store(true);
    // Waits for the first read, which finds the end of the log: the server listens only after
    // it, so a stream opened then misses nothing written after it opened.
    QMetaObject::invokeMethod(m_reader, &FeedReader::begin, Qt::BlockingQueuedConnection);
    m_keepAlive.start();
}

void ChangeFeed::stop()
{
    m_keepAlive.stop();
    if (!m_thread.isRunning())
        return;
    m_running.store(false);
    m_thread.requestInterruption(); // a long catch-up stops between two batches
    QMetaObject::invokeMethod(m_reader, &FeedReader::end, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ChangeFeed::nudge()
{
    if (m_running.load() && !m_pollPending.exchange(true))
        QMetaObject::invokeMethod(m_reader, &FeedReader::poll, Qt::QueuedConnection);
}

std::shared_ptr<StreamedBody> ChangeFeed::openStream(std::optional<qint64> lastEventId)
{
    return std::make_shared<EventStream>(this, lastEventId);
}

void ChangeFeed::receive(const QList<ChangeEvent> &events, qint64 oldestKept)
{
    if (oldestKept >= 0)
        m_oldestKept = oldestKept;
    const bool first = m_lastSeq < 0 && !events.isEmpty();
    for (const ChangeEvent &event : events) {
        m_lastSeq = qMax(m_lastSeq, event.seq);
        if (!event.wire.isEmpty()) {
            m_recent.push_back(event);
            if (m_recent.size() > recentKept)
                m_recent.pop_front();
        }
    }
    const QList<EventStream *> streams = m_streams;
    for (EventStream *stream : streams) {
        if (first && stream->isCatchingUp())
            stream->catchUp();
        else
            stream->deliver(events);
    }
}

void ChangeFeed::requestReplay(EventStream *stream, qint64 after)
{
    const quint64 id = ++m_nextReplay;
    m_replays.insert(id, stream);
    QMetaObject::invokeMethod(m_reader, [reader = m_reader, id, after] { reader->replay(id, after); },
                              Qt::QueuedConnection);
}

void ChangeFeed::replayed(quint64 requestId, const std::optional<QList<ChangeEvent>> &events,
                          bool complete)
{
    if (EventStream *stream = m_replays.take(requestId))
        stream->replayed(events, complete);
}

void ChangeFeed::detach(EventStream *stream)
{
    m_streams.removeAll(stream);
    for (auto it = m_replays.begin(); it != m_replays.end();) {
        if (it.value() == stream)
            it = m_replays.erase(it);
        else
            ++it;
    }
}

void ChangeFeed::sendKeepAlive()
{
    const QList<EventStream *> streams = m_streams;
    for (EventStream *stream : streams)
        stream->keepAlive();
}

} // namespace taskflow

#include "changefeed.moc"
