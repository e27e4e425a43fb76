#pragma once

#include <taskflow/server/databaseurl.h>
#include <taskflow/server/httpmessage.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace taskflow {

class EventStream;
class FeedReader;

// One change to one task, as GET /tasks/events sends it.
struct ChangeEvent
{
    qint64 seq = 0;
    QByteArray wire; // `id: …\nevent: task.…\ndata: {…}\n\n`
};

// The live change stream of API.md. The triggers of migration 3 log every writer's changes
// (this server's, other servers', the original backend's, psql's); a reader on a thread and
// connection of its own follows that log, woken by PostgreSQL's NOTIFY or, on SQLite, by a
// cheap PRAGMA data_version check, and hands each new change here, on the event loop, where it
// goes out to every open stream. A stream costs no thread: it is a connection writing what it
// is given. The log's sequence number is the event id, so Last-Event-ID resumes exactly, from
// the last events kept in memory or from the log itself; past the log's retention (a day), the
// stream says `reset`. A reader too slow to keep up is cut off past a bounded backlog, and
// resumes where it was.
class ChangeFeed : public QObject
{
    Q_OBJECT

public:
    explicit ChangeFeed(const DatabaseUrl &url, QObject *parent = nullptr);
    ~ChangeFeed() override;

    // Starts following the log from its end.
    void start();
    void stop();

    // A new stream, resuming after `lastEventId` when given (the Last-Event-ID header).
    std::shared_ptr<StreamedBody> openStream(std::optional<qint64> lastEventId);
    // Checks the log now rather than at the next wake-up (after this server's own writes).
    void nudge();

    int streamCount() const { return int(m_streams.size()); }

private:
    friend class EventStream;
    friend class FeedReader;

    void receive(const QList<ChangeEvent> &events, qint64 oldestKept);
    void replayed(quint64 requestId, const std::optional<QList<ChangeEvent>> &events, bool complete);
    void detach(EventStream *stream);
    void requestReplay(EventStream *stream, qint64 after);
    void sendKeepAlive();

    QThread m_thread;
    FeedReader *m_reader = nullptr;
    std::deque<ChangeEvent> m_recent; // the newest events, for resuming without the database
    qint64 m_lastSeq = -1;            // -1 until the reader has found the end of the log
    qint64 m_oldestKept = 0;          // the oldest sequence number the log still holds
    QList<EventStream *> m_streams;
    QTimer m_keepAlive;
    quint64 m_nextReplay = 0;
    QHash<quint64, EventStream *> m_replays;
};

} // namespace taskflow
