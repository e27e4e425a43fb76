#include <taskflow/desktop/taskstore.h>

#include <taskflow/common/contextguard.h>
#include <taskflow/desktop/eventstream.h>
#include <taskflow/desktop/logging.h>
#include <taskflow/desktop/offlinestore.h>
#include <taskflow/desktop/pollinterval.h>
#include <taskflow/desktop/tasktablemodel.h>

#include <QCollator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// Coalesces a burst of changes into one write of the cached list.
constexpr int cacheSaveDelayMs = 1500;
// While the live stream runs, a cheap conditional poll now and then still guards against an
// event lost by a proxy.
constexpr int livePollFactor = 20;

TaskStats statsOf(const QList<Task> &tasks, const QDateTime &now)
{
    TaskStats stats;
    stats.total = tasks.size();
    for (const Task &task : tasks) {
        ++stats.byStatus[std::size_t(task.status)];
        ++stats.byPriority[std::size_t(task.priority)];
        if (task.isOverdue(now))
            ++stats.overdue;
    }
    return stats;
}

Task applied(Task task, const TaskChanges &changes)
{
    changes.applyTo(task);
    return task;
}

TaskChanges everything(const Task &task)
{
    TaskChanges changes;
    changes.title = task.title;
    if (task.description)
        changes.description = task.description;
    changes.status = task.status;
    changes.priority = task.priority;
    if (task.assignee)
        changes.assignee = task.assignee;
    if (task.dueDate)
        changes.dueDate = task.dueDate;
    return changes;
}

// Whether `write` can go on top of `theirs` as it is: the fields it sets were not changed on
// the server since `base`, or were changed to the same values. Only a real clash asks the user.
bool mergesCleanly(const PendingWrite &write, const Task &theirs)
{
    if (write.kind == PendingWrite::Kind::Delete || !write.base)
        return false;
    const Task &base = *write.base;
    const TaskChanges &mine = write.changes;
    const Task wanted = applied(base, mine);
    return (!mine.title || base.title == theirs.title || wanted.title == theirs.title)
        && (!mine.description || base.description == theirs.description
            || wanted.description == theirs.description)
        && (!mine.status || base.status == theirs.status || wanted.status == theirs.status)
        && (!mine.priority || base.priority == theirs.priority || wanted.priority == theirs.priority)
        && (!mine.assignee || base.assignee == theirs.assignee || wanted.assignee == theirs.assignee)
        && (!mine.dueDate || base.dueDate == theirs.dueDate || wanted.dueDate == theirs.dueDate);
}

PendingWrite pendingWrite(PendingWrite::Kind kind, const QString &taskId, const std::optional<Task> &base,
                          const TaskChanges &changes = {})
{
    PendingWrite write;
    write.kind = kind;
    write.taskId = taskId;
    write.base = base;
    write.changes = changes;
    return write;
}

bool isRetryable(const ApiError &error)
{
    return error.isConnectionProblem() || error.kind == ApiError::Kind::Unauthorized
        || error.kind == ApiError::Kind::Aborted
        || (error.kind == ApiError::Kind::Server && error.httpStatus >= 500);
}

} // namespace

TaskStore::TaskStore(ApiClient *api, EventStream *events, TaskTableModel *model, QObject *parent)
    : QObject(parent), m_api(api), m_events(events), m_model(model),
      m_offline(std::make_unique<OfflineStore>())
{
    m_pollTimer.setInterval(PollInterval::defaultValue);
    connect(&m_pollTimer, &QTimer::timeout, this, &TaskStore::poll);
    m_cacheTimer.setSingleShot(true);
    m_cacheTimer.setInterval(cacheSaveDelayMs);
    connect(&m_cacheTimer, &QTimer::timeout, this, [this] {
        m_offline->saveCache(m_server.values(), m_listEtag);
    });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &TaskStore::pump);

    connect(m_events, &EventStream::stateChanged, this, [this](EventStream::State state) {
        if (state == EventStream::State::Unavailable)
            m_unechoed.clear(); // nothing will be told: polling reads whole lists
        emit liveChanged(state == EventStream::State::Live);
        if (state == EventStream::State::Live)
            pump();
    });
    connect(m_events, &EventStream::resetRequested, this, [this] {
        m_unechoed.clear(); // what was missed is not replayed: the list is read again instead
        refresh();
    });
    connect(m_events, &EventStream::taskChanged, this, [this](const Task &task) {
        if (isStaleEcho(task.id, task))
            return;
        serverTaskChanged(task, {}, true);
        rebuild();
    });
    connect(m_events, &EventStream::taskDeleted, this, [this](const QString &id) {
        if (isStaleEcho(id, std::nullopt))
            return;
        serverTaskDeleted(id, true);
        rebuild();
    });
}

TaskStore::~TaskStore()
{
    if (m_cacheTimer.isActive())
        m_offline->saveCache(m_server.values(), m_listEtag);
}

void TaskStore::openOfflineStore(const QString &path)
{
    if (m_cacheTimer.isActive()) {
        m_cacheTimer.stop();
        m_offline->saveCache(m_server.values(), m_listEtag);
    }
    m_server.clear();
    m_etags.clear();
    m_queue.clear();
    m_renamed.clear();
    const auto opened = m_offline->open(path);
    if (!opened.ok())
        qCWarning(lcSync) << "no offline store at" << path << ":" << opened.error();
    const QList<Task> cached = m_offline->cachedTasks();
    for (const Task &task : cached)
        m_server.insert(task.id, task);
    m_listEtag = cached.isEmpty() ? QByteArray() : m_offline->cachedListEtag();
    m_queue = m_offline->pendingWrites();
    qCInfo(lcSync) << "offline store:" << cached.size() << "cached tasks," << m_queue.size()
                   << "writes to send";
    for (const Task &task : cached) {
        if (task.assignee && !task.assignee->trimmed().isEmpty())
            m_assignees.insert(*task.assignee);
    }
    rebuild();
    emit pendingChanged(pendingCount());
}

void TaskStore::setPollInterval(std::chrono::milliseconds interval)
{
    m_pollTimer.setInterval(interval);
}

std::chrono::milliseconds TaskStore::pollInterval() const
{
    return m_pollTimer.intervalAsDuration();
}

void TaskStore::startPolling()
{
    m_pollTimer.start();
}

void TaskStore::stopPolling()
{
    m_pollTimer.stop();
}

void TaskStore::setHeld(bool held)
{
    m_held = held;
    if (!m_held) {
        if (m_listWanted && !m_listRunning)
            fetchList();
        pump();
    }
}

bool TaskStore::isLive() const
{
    return m_events->isLive();
}

QStringList TaskStore::knownAssignees() const
{
    QStringList names(m_assignees.cbegin(), m_assignees.cend());
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), collator);
    return names;
}

bool TaskStore::isPending(const QString &id) const
{
    return std::any_of(m_queue.cbegin(), m_queue.cend(),
                       [this, &id](const PendingWrite &write) { return currentId(write.taskId) == id; });
}

std::optional<Task> TaskStore::task(const QString &id) const
{
    return m_model->taskById(currentId(id));
}

QString TaskStore::currentId(const QString &id) const
{
    QString current = id;
    for (int i = 0; i < 8 && m_renamed.contains(current); ++i)
        current = m_renamed.value(current);
    return current;
}

// ---- reading ----------------------------------------------------------------------------

void TaskStore::refresh()
{
    m_listWanted = true;
    if (!m_listRunning && !m_held)
        fetchList();
}

void TaskStore::reload()
{
    ++m_generation;
    m_listRunning = false;
    m_listEtag.clear();
    m_assignees.clear();
    m_loaded = false;
    refresh();
}

void TaskStore::poll()
{
    // With the stream live, changes arrive by themselves: only an occasional conditional GET.
    if (m_events->isLive() && ++m_pollTicks % livePollFactor != 0)
        return;
    if (!m_listRunning && !m_held)
        fetchList();
    if (!m_connected || (!m_queue.isEmpty() && !m_sending))
        pump();
}

void TaskStore::fetchList()
{
    m_listRunning = true;
    m_listWanted = false;
    const quint64 generation = m_generation;
    m_api->listTasks(TaskQuery{}, this, [this, generation](const ApiResult<TaskPage> &result) {
        if (generation != m_generation)
            return;
        m_listRunning = false;
        if (!result.ok()) {
            failed(result.error());
        } else if (result->notModified) {
            succeeded();
        } else {
            qCDebug(lcSync) << "list:" << result->tasks.size() << "tasks";
            applyList(result->tasks, result->etag);
            succeeded();
        }
        if (m_listWanted && !m_held)
            fetchList();
    }, m_loaded ? m_listEtag : QByteArray());
}

void TaskStore::applyList(const QList<Task> &tasks, const QByteArray &etag)
{
    QSet<QString> seen;
    seen.reserve(tasks.size());
    for (const Task &task : tasks) {
        seen.insert(task.id);
        serverTaskChanged(task, {}, m_loaded);
    }
    const QStringList known = m_server.keys();
    for (const QString &id : known) {
        if (!seen.contains(id))
            serverTaskDeleted(id, m_loaded);
    }
    m_listEtag = etag;
    m_loaded = true;
    rebuild();
    emit refreshed();
}

void TaskStore::serverTaskChanged(const Task &task, const QByteArray &etag, bool elsewhere)
{
    const auto it = m_server.find(task.id);
    const bool changed = it == m_server.end() || *it != task;
    if (!changed && etag.isEmpty())
        return;
    if (changed) {
        // A version learned before this change no longer fits it.
        m_etags.remove(task.id);
        if (elsewhere && it != m_server.end())
            emit taskChangedElsewhere(task);
    }
    if (!etag.isEmpty())
        m_etags.insert(task.id, etag);
    m_server.insert(task.id, task);
    if (task.assignee && !task.assignee->trimmed().isEmpty() && !m_assignees.contains(*task.assignee)) {
        m_assignees.insert(*task.assignee);
        emit knownAssigneesChanged(knownAssignees());
    }
    scheduleCacheSave();
}

void TaskStore::serverTaskDeleted(const QString &id, bool elsewhere)
{
    if (m_server.remove(id) == 0)
        return;
    m_etags.remove(id);
    if (elsewhere)
        emit taskDeletedElsewhere(id);
    scheduleCacheSave();
}

void TaskStore::scheduleCacheSave()
{
    if (!m_cacheTimer.isActive())
        m_cacheTimer.start();
}

// The server's tasks with the queued writes applied, in the model.
void TaskStore::rebuild()
{
    QHash<QString, Task> shown = m_server;
    QSet<QString> pending;
    for (const PendingWrite &write : std::as_const(m_queue)) {
        const QString id = currentId(write.taskId);
        pending.insert(id);
        switch (write.kind) {
        case PendingWrite::Kind::Create: {
            Task task = applied(Task{}, write.changes);
            task.id = id;
            task.createdAt = task.updatedAt = QDateTime::currentDateTimeUtc();
            if (!shown.contains(id))
                shown.insert(id, task);
            break;
        }
        case PendingWrite::Kind::Update: {
            const auto it = shown.find(id);
            if (it != shown.end())
                write.changes.applyTo(*it);
            break;
        }
        case PendingWrite::Kind::Delete:
            shown.remove(id);
            break;
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<Task> tasks = shown.values();
    m_model->setCurrentTime(now);
    m_model->setTasks(tasks);
    m_model->setPendingIds(pending);
    const TaskStats stats = statsOf(tasks, now);
    if (!(stats == m_stats) || !m_loaded) {
        m_stats = stats;
        emit statsChanged(m_stats);
    }
}

void TaskStore::succeeded()
{
    if (!m_connected) {
        m_connected = true;
        m_lastError = ApiError{};
        qCInfo(lcSync) << "connected again to" << m_api->baseUrl().toDisplayString();
        emit refreshRecovered();
    }
    pump();
}

void TaskStore::failed(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Aborted)
        return;
    if (m_connected)
        qCInfo(lcSync) << "refresh failed:" << error.message;
    m_connected = false;
    m_lastError = error;
    emit refreshFailed(error);
}

// ---- writing ----------------------------------------------------------------------------

qint64 TaskStore::enqueue(PendingWrite write, QObject *context, WriteCallback done)
{
    write.seq = m_offline->append(write);
    if (write.seq == 0) // no disk: the queue still holds it for this run
        write.seq = (m_queue.isEmpty() ? 0 : m_queue.last().seq) + 1000000;
    m_queue.append(write);
    m_waiters.insert(write.seq, Waiter{QPointer<QObject>(context), context != nullptr, std::move(done)});
    rebuild();
    emit pendingChanged(pendingCount());
    if (!m_connected || m_held) {
        // Said at once: the dialog closes, the row shows as pending.
        const auto shown = m_model->taskById(currentId(write.taskId));
        answer(write.seq, WriteResult{Outcome::Queued, shown.value_or(Task{})});
    }
    pump();
    return write.seq;
}

QString TaskStore::createTask(const TaskChanges &changes, QObject *context, WriteCallback done)
{
    const QString id = PendingWrite::newLocalId();
    enqueue(pendingWrite(PendingWrite::Kind::Create, id, std::nullopt, changes), context, std::move(done));
    return id;
}

void TaskStore::updateTask(const Task &base, const TaskChanges &changes, QObject *context,
                           WriteCallback done)
{
    const QString id = currentId(base.id);
    // An edit of a task whose create is still waiting becomes part of that create.
    for (PendingWrite &write : m_queue) {
        if (write.kind == PendingWrite::Kind::Create && write.taskId == id && write.seq != m_sending) {
            Task merged = applied(applied(Task{}, write.changes), changes);
            write.changes = everything(merged);
            m_offline->replace(write);
            rebuild();
            Task shown = merged;
            shown.id = id;
            if (done)
                guardedBy(context, done)(ApiResult<WriteResult>(WriteResult{Outcome::Queued, shown}));
            return;
        }
    }
    enqueue(pendingWrite(PendingWrite::Kind::Update, id, base, changes), context, std::move(done));
}

void TaskStore::deleteTask(const Task &base, QObject *context, WriteCallback done)
{
    const QString id = currentId(base.id);
    // Deleting a task that never reached the server: its queued writes simply go.
    if (PendingWrite::isLocalId(id)) {
        const bool inFlight = std::any_of(m_queue.cbegin(), m_queue.cend(), [&](const PendingWrite &w) {
            return w.seq == m_sending && w.taskId == id;
        });
        if (!inFlight) {
            for (qsizetype i = m_queue.size() - 1; i >= 0; --i) {
                if (m_queue.at(i).taskId == id) {
                    m_offline->remove(m_queue.at(i).seq);
                    m_queue.removeAt(i);
                }
            }
            rebuild();
            emit pendingChanged(pendingCount());
            if (done)
                guardedBy(context, done)(ApiResult<WriteResult>(WriteResult{Outcome::Saved, base}));
            return;
        }
    }
    enqueue(pendingWrite(PendingWrite::Kind::Delete, id, base), context, std::move(done));
}

// The answer to one of our writes: the live stream tells the same change later.
void TaskStore::answered(const QString &id, const std::optional<Task> &task)
{
    if (m_events->state() == EventStream::State::Unavailable)
        return;
    constexpr qsizetype kept = 8; // per task, whatever the stream does
    QList<std::optional<Task>> &mine = m_unechoed[id];
    mine.append(task);
    if (mine.size() > kept)
        mine.removeFirst();
}

// The stream tells changes in order, but may tell a change after the answer to a later write
// of ours: one of our earlier writes, or a change made before ours (a stream that had just
// opened, say). Such a telling is out of date and must not undo what the answer showed (nor
// make the next write on this task look like a clash).
bool TaskStore::isStaleEcho(const QString &id, const std::optional<Task> &told)
{
    const auto it = m_unechoed.find(id);
    if (it == m_unechoed.end())
        return false;
    QList<std::optional<Task>> &mine = *it;
    const qsizetype at = mine.indexOf(told);
    if (at < 0) {
        // Someone else's change, told before ours: it came first if it is older than our
        // newest (nothing is written on a task after we deleted it).
        const std::optional<Task> &newest = mine.constLast();
        return told && (!newest || told->updatedAt < newest->updatedAt);
    }
    mine.remove(0, at + 1);
    if (mine.isEmpty()) {
        m_unechoed.erase(it);
        return false;
    }
    return true;
}

PendingWrite *TaskStore::queued(qint64 seq)
{
    for (PendingWrite &write : m_queue) {
        if (write.seq == seq)
            return &write;
    }
    return nullptr;
}

void TaskStore::pump()
{
    if (m_sending || m_blockedOn || m_held || m_queue.isEmpty())
        return;
    PendingWrite write = m_queue.first();
    write.taskId = currentId(write.taskId);
    m_sending = write.seq;
    send(write);
}

void TaskStore::send(const PendingWrite &write)
{
    if (write.kind == PendingWrite::Kind::Create) {
        m_api->createTask(write.changes, this, [this, write](const ApiResult<TaskVersion> &result) {
            written(write, result);
        });
        return;
    }
    // Updates and deletes go only on the version the user saw: the known one if it still is
    // that, else the server's current one, read first and compared.
    const auto server = m_server.constFind(write.taskId);
    const QByteArray etag = m_etags.value(write.taskId);
    if (!etag.isEmpty() && server != m_server.cend() && write.base && sameContent(*server, *write.base))
        return sendWithVersion(write, etag);
    m_api->fetchTask(write.taskId, this, [this, write](const ApiResult<TaskVersion> &result) {
        if (!result.ok()) {
            if (result.error().kind == ApiError::Kind::NotFound) {
                serverTaskDeleted(write.taskId, true);
                rebuild();
                if (write.kind == PendingWrite::Kind::Delete)
                    return finishWrite(write, WriteResult{Outcome::Saved, *write.base});
                return raiseConflict(write, std::nullopt);
            }
            return failedToSend(write, result.error());
        }
        serverTaskChanged(result->task, result->etag, true);
        if (write.base && !sameContent(result->task, *write.base)) {
            rebuild();
            if (!mergesCleanly(write, result->task))
                return raiseConflict(write, result->task);
            // Changed elsewhere, in other fields: this change goes on top of that version.
            PendingWrite rebased = write;
            rebased.base = result->task;
            if (PendingWrite *stored = queued(write.seq)) {
                stored->base = result->task;
                m_offline->replace(*stored);
            }
            return sendWithVersion(rebased, result->etag);
        }
        sendWithVersion(write, result->etag);
    });
}

void TaskStore::sendWithVersion(const PendingWrite &write, const QByteArray &etag)
{
    if (write.kind == PendingWrite::Kind::Delete) {
        m_api->deleteTask(write.taskId, etag, this, [this, write](const ApiResult<QString> &result) {
            deleted(write, result);
        });
        return;
    }
    m_api->updateTask(write.taskId, write.changes, etag, this,
                      [this, write](const ApiResult<TaskVersion> &result) { written(write, result); });
}

void TaskStore::written(const PendingWrite &write, const ApiResult<TaskVersion> &result)
{
    if (!result.ok()) {
        const ApiError &error = result.error();
        if (error.kind == ApiError::Kind::Conflict) {
            if (error.current)
                serverTaskChanged(*error.current, {}, true);
            rebuild();
            if (error.current && mergesCleanly(write, *error.current)) {
                // Read its version again and go on top of it (send() compares once more).
                if (PendingWrite *stored = queued(write.seq)) {
                    stored->base = *error.current;
                    m_offline->replace(*stored);
                    m_sending = 0;
                    return pump();
                }
            }
            return raiseConflict(write, error.current);
        }
        if (error.kind == ApiError::Kind::NotFound && write.kind == PendingWrite::Kind::Update) {
            serverTaskDeleted(write.taskId, true);
            rebuild();
            return raiseConflict(write, std::nullopt);
        }
        return failedToSend(write, error);
    }
    const Task &task = result->task;
    if (write.kind == PendingWrite::Kind::Create) {
        const QString localId = write.taskId;
        m_renamed.insert(localId, task.id);
        m_offline->renameTask(localId, task.id);
        for (PendingWrite &later : m_queue) {
            if (later.taskId == localId)
                later.taskId = task.id;
        }
    }
    answered(task.id, task);
    serverTaskChanged(task, result->etag, false);
    finishWrite(write, WriteResult{Outcome::Saved, task});
}

void TaskStore::deleted(const PendingWrite &write, const ApiResult<QString> &result)
{
    if (!result.ok() && result.error().kind == ApiError::Kind::Conflict) {
        if (result.error().current)
            serverTaskChanged(*result.error().current, {}, true);
        rebuild();
        return raiseConflict(write, result.error().current);
    }
    if (!result.ok() && result.error().kind != ApiError::Kind::NotFound)
        return failedToSend(write, result.error());
    if (result.ok())
        answered(write.taskId, std::nullopt);
    serverTaskDeleted(write.taskId, false);
    finishWrite(write, WriteResult{Outcome::Saved, *write.base});
}

void TaskStore::failedToSend(const PendingWrite &write, const ApiError &error)
{
    m_sending = 0;
    if (isRetryable(error)) {
        // It stays queued (and on disk); the next successful contact sends it.
        failed(error);
        answer(write.seq, WriteResult{Outcome::Queued, task(write.taskId).value_or(Task{})});
        if (error.kind == ApiError::Kind::Busy)
            m_retryTimer.start(error.retryAfterSeconds * 1000);
        return;
    }
    // Refused as it is (422, 400, …): it leaves the queue, and what was typed goes back to the
    // user (the dialog still open, or writeRejected).
    qCInfo(lcSync) << "write refused:" << error.message;
    const Waiter waiter = m_waiters.value(write.seq);
    const bool someoneWaits = waiter.done && (waiter.context || !waiter.hasContext)
        && waiter.hasContext;
    m_offline->remove(write.seq);
    m_queue.removeIf([&](const PendingWrite &w) { return w.seq == write.seq; });
    rebuild();
    emit pendingChanged(pendingCount());
    if (someoneWaits)
        answer(write.seq, Failure(error));
    else
        emit writeRejected(write, error);
    m_waiters.remove(write.seq);
    pump();
}

void TaskStore::raiseConflict(const PendingWrite &write, const std::optional<Task> &theirs)
{
    m_sending = 0;
    m_blockedOn = write.seq;
    Conflict c;
    c.seq = write.seq;
    c.kind = write.kind;
    c.base = write.base.value_or(Task{});
    if (write.kind != PendingWrite::Kind::Delete) {
        Task mine = applied(c.base, write.changes);
        mine.id = write.taskId;
        c.mine = mine;
    }
    c.theirs = theirs;
    qCInfo(lcSync) << "conflict on" << write.taskId;
    // Whoever waits (a dialog) hears it is on its way; the conflict view takes it from here.
    answer(write.seq, WriteResult{Outcome::Queued, c.mine.value_or(c.base)});
    emit conflict(c);
}

void TaskStore::resolveConflict(qint64 seq, const Resolution &resolution)
{
    PendingWrite *write = queued(seq);
    if (!write || m_blockedOn != seq)
        return;
    m_blockedOn = 0;
    const QString id = currentId(write->taskId);
    const auto theirs = m_server.constFind(id);
    if (!resolution) { // theirs stays
        m_offline->remove(seq);
        m_queue.removeIf([seq](const PendingWrite &w) { return w.seq == seq; });
    } else if (theirs == m_server.cend()) { // gone there: mine comes back as a new task
        write->kind = PendingWrite::Kind::Create;
        write->changes = everything(*resolution);
        write->base.reset();
        write->taskId = PendingWrite::newLocalId();
        m_renamed.insert(id, write->taskId);
        m_offline->replace(*write);
    } else if (write->kind == PendingWrite::Kind::Delete) { // delete it all the same
        write->base = *theirs;
        m_offline->replace(*write);
    } else {
        write->base = *theirs;
        write->changes = TaskChanges::difference(*theirs, *resolution);
        if (write->changes.isEmpty()) {
            m_offline->remove(seq);
            m_queue.removeIf([seq](const PendingWrite &w) { return w.seq == seq; });
        } else {
            m_offline->replace(*write);
        }
    }
    rebuild();
    emit pendingChanged(pendingCount());
    pump();
}

void TaskStore::finishWrite(const PendingWrite &write, const ApiResult<WriteResult> &result)
{
    m_sending = 0;
    m_offline->remove(write.seq);
    m_queue.removeIf([&](const PendingWrite &w) { return w.seq == write.seq; });
    rebuild();
    emit pendingChanged(pendingCount());
    answer(write.seq, result);
    m_waiters.remove(write.seq);
    if (!m_connected)
        succeeded();
    pump();
}

void TaskStore::answer(qint64 seq, const ApiResult<WriteResult> &result)
{
    const auto it = m_waiters.find(seq);
    if (it == m_waiters.end())
        return;
    Waiter waiter = std::move(*it);
    // Each waiter hears once: a queued write answered now is not answered again when sent.
    m_waiters.erase(it);
    if (waiter.done && (waiter.context || !waiter.hasContext))
        waiter.done(result);
}

} // namespace taskflow
