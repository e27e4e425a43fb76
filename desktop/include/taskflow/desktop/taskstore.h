#pragma once

#include <taskflow/common/taskstats.h>
#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/pendingwrite.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace taskflow {

class EventStream;
class OfflineStore;
class TaskTableModel;

// Keeps a TaskTableModel equal to every task on the server, plus the user's own changes not
// sent yet. Changes made elsewhere come from the live stream (EventStream) within a second, or,
// when it is unavailable, from polling GET /tasks with If-None-Match (a 304 costs nothing).
//
// Every write goes to the OfflineStore first, then to the server in order, each with If-Match
// on the version the user saw: nothing typed is lost when the server is away (it is sent when
// it returns, after a restart of the app too), and nothing silently overwrites another edit (a
// conflict() asks the user). The last list is kept on disk too, readable offline.
class TaskStore : public QObject
{
    Q_OBJECT

public:
    // What a write came to: on the server, or queued until it is reachable.
    enum class Outcome { Saved, Queued };
    struct WriteResult
    {
        Outcome outcome = Outcome::Saved;
        Task task; // as saved, or as it will be (a queued create has a local id)
    };
    using WriteCallback = std::function<void(const ApiResult<WriteResult> &)>;

    struct Conflict
    {
        qint64 seq = 0;
        PendingWrite::Kind kind = PendingWrite::Kind::Update;
        Task base;                  // what the user started from
        std::optional<Task> mine;   // what the user wanted (nullopt: deleted)
        std::optional<Task> theirs; // what the server has now (nullopt: deleted there)
    };
    // The user's answer to a conflict: their version to write (nullopt: keep the server's).
    using Resolution = std::optional<Task>;

    TaskStore(ApiClient *api, EventStream *events, TaskTableModel *model, QObject *parent = nullptr);
    ~TaskStore() override;

    // Where the queue and the cached list live (one file per server); shows the cached list
    // and the queued writes at once.
    void openOfflineStore(const QString &path);
    OfflineStore *offlineStore() const { return m_offline.get(); }

    void setPollInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds pollInterval() const;
    void startPolling();
    void stopPolling();
    // While held, no request goes out (the API token is still being read).
    void setHeld(bool held);
    bool isHeld() const { return m_held; }

    bool hasLoaded() const { return m_loaded; }
    bool isConnected() const { return m_connected; }
    bool isLive() const;
    const ApiError &lastError() const { return m_lastError; }
    QStringList knownAssignees() const;
    int pendingCount() const { return int(m_queue.size()); }
    bool isPending(const QString &id) const;
    // The task as shown (the server's, with the queued changes applied).
    std::optional<Task> task(const QString &id) const;
    // The id a task has now: a queued create's local id becomes the server's once it is sent.
    QString currentId(const QString &id) const;

    // The user's changes. `done` answers once the server has it (Saved) or it is queued because
    // the server is unreachable (Queued), or with the server's refusal (422: nothing queued).
    // It is dropped if `context` is gone first.
    // Answers the id the new task has until the server gives it one (see currentId).
    QString createTask(const TaskChanges &changes, QObject *context, WriteCallback done);
    void updateTask(const Task &base, const TaskChanges &changes, QObject *context,
                    WriteCallback done);
    void deleteTask(const Task &base, QObject *context, WriteCallback done);

    // Answers conflict(`seq`).
    void resolveConflict(qint64 seq, const Resolution &resolution);

public slots:
    void refresh();
    // Forgets what the last server said (another server or token) and loads everything again.
    void reload();

signals:
    void refreshed();
    void statsChanged(const taskflow::TaskStats &stats);
    void refreshFailed(const taskflow::ApiError &error);
    void refreshRecovered();
    void knownAssigneesChanged(const QStringList &assignees);
    void liveChanged(bool live);
    void pendingChanged(int count);
    // A write cannot go as it is: the task changed or vanished on the server. The queue waits
    // for resolveConflict().
    void conflict(const taskflow::TaskStore::Conflict &conflict);
    // A queued write the server refused (422) with nobody waiting for it: what was typed, to
    // show again.
    void writeRejected(const taskflow::PendingWrite &write, const taskflow::ApiError &error);
    // The server's copy of a task changed, or it was deleted, by someone else.
    void taskChangedElsewhere(const taskflow::Task &task);
    void taskDeletedElsewhere(const QString &id);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool hasContext = false;
        WriteCallback done;
    };

    void poll();
    void fetchList();
    void applyList(const QList<Task> &tasks, const QByteArray &etag);
    void serverTaskChanged(const Task &task, const QByteArray &etag, bool elsewhere);
    void serverTaskDeleted(const QString &id, bool elsewhere);
    qint64 enqueue(PendingWrite write, QObject *context, WriteCallback done);
    void pump();
    void send(const PendingWrite &write);
    void sendWithVersion(const PendingWrite &write, const QByteArray &etag);
    void written(const PendingWrite &write, const ApiResult<TaskVersion> &result);
    void deleted(const PendingWrite &write, const ApiResult<QString> &result);
    void failedToSend(const PendingWrite &write, const ApiError &error);
    void raiseConflict(const PendingWrite &write, const std::optional<Task> &theirs);
    void finishWrite(const PendingWrite &write, const ApiResult<WriteResult> &result);
    void answer(qint64 seq, const ApiResult<WriteResult> &result);
    void rebuild();
    void scheduleCacheSave();
    void succeeded();
    void failed(const ApiError &error);
    PendingWrite *queued(qint64 seq);
    void answered(const QString &id, const std::optional<Task> &task);
    bool isStaleEcho(const QString &id, const std::optional<Task> &told);

    ApiClient *m_api;
    EventStream *m_events;
    TaskTableModel *m_model;
    std::unique_ptr<OfflineStore> m_offline;
    QTimer m_pollTimer;
    QTimer m_cacheTimer;
    QTimer m_retryTimer;

    QHash<QString, Task> m_server;          // by id, as the server has them
    QHash<QString, QByteArray> m_etags;     // the version of each, when an answer gave one
    QByteArray m_listEtag;
    QList<PendingWrite> m_queue;            // in order; the first is sent first
    QHash<qint64, Waiter> m_waiters;
    QHash<QString, QString> m_renamed;      // local id -> server id
    // What our own writes' answers said (nullopt: deleted), oldest first, until the live stream
    // tells the same: the stream may tell a write after a later one's answer has arrived.
    QHash<QString, QList<std::optional<Task>>> m_unechoed;
    qint64 m_sending = 0;                   // seq in flight
    qint64 m_blockedOn = 0;                 // seq waiting for resolveConflict
    quint64 m_generation = 0;
    bool m_listRunning = false;
    bool m_listWanted = false;
    int m_pollTicks = 0;

    bool m_held = false;
    bool m_loaded = false;
    bool m_connected = true;
    ApiError m_lastError;
    TaskStats m_stats;
    QSet<QString> m_assignees;
};

} // namespace taskflow
