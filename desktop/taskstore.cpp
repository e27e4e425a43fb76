#include <taskflow/desktop/taskstore.h>

#include <taskflow/desktop/logging.h>

#include <QCollator>
#include <QPointer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace taskflow {

TaskStore::TaskStore(ApiClient *api, TaskTableModel *model, QObject *parent)
    : QObject(parent), m_api(api), m_model(model)
{
    m_pollTimer.setInterval(defaultPollInterval);
    connect(&m_pollTimer, &QTimer::timeout, this, &TaskStore::poll);
}

void TaskStore::setQuery(const TaskQuery &query)
{
    m_query = query;
    invalidate();
    refresh();
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
    if (!m_held && m_cycleWanted && !m_cycleRunning)
        startCycle();
}

QStringList TaskStore::knownAssignees() const
{
    QStringList names(m_assignees.cbegin(), m_assignees.cend());
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), collator);
    return names;
}

void TaskStore::invalidate()
{
    ++m_generation;
    m_marker = ChangeMarker{};
}

void TaskStore::refresh()
{
    m_fullRefreshWanted = true;
    startCycle();
}

void TaskStore::reload()
{
    m_assignees.clear();
    m_loaded = false;
    invalidate();
    refresh();
}

void TaskStore::poll()
{
    // A slow server must not pile up requests: a tick while the last one runs is skipped.
    if (m_cycleRunning || m_held)
        return;
    startCycle();
}

void TaskStore::startCycle()
{
    if (m_cycleRunning || m_held) {
        m_cycleWanted = true;
        return;
    }
    m_cycleRunning = true;
    m_cycleWanted = false;
    const bool full = std::exchange(m_fullRefreshWanted, false) || !m_loaded;
    const quint64 generation = m_generation;
    fetchStats();

    TaskQuery newest = m_query;
    newest.sortKey = TaskSortKey::UpdatedAt;
    newest.descending = true;
    newest.limit = 1;
    m_api->listTasks(newest, this, [this, full, generation](const ApiResult<TaskPage> &result) {
        if (generation != m_generation)
            return finishCycle(true);
        if (!result.ok()) {
            failed(result.error);
            return finishCycle(false);
        }
        ChangeMarker marker;
        marker.total = result.value.totalCount;
        if (!result.value.tasks.isEmpty()) {
            marker.newestId = result.value.tasks.first().id;
            marker.newestUpdate = result.value.tasks.first().updatedAt;
        }
        if (!full && marker == m_marker) {
            m_model->setCurrentTime(QDateTime::currentDateTimeUtc());
            succeeded();
            return finishCycle(false);
        }
        fetchList(marker, generation);
    });
}

void TaskStore::fetchList(const ChangeMarker &marker, quint64 generation)
{
    m_api->listTasks(m_query, this, [this, marker, generation](const ApiResult<TaskPage> &result) {
        if (generation != m_generation)
            return finishCycle(true);
        if (!result.ok()) {
            failed(result.error);
            return finishCycle(false);
        }
        qCDebug(lcSync) << "list:" << result.value.tasks.size() << "tasks";
        m_marker = marker;
        m_model->setCurrentTime(QDateTime::currentDateTimeUtc());
        m_model->setTasks(result.value.tasks);
        learnAssignees(result.value.tasks);
        m_loaded = true;
        succeeded();
        emit refreshed();
        finishCycle(false);
    });
}

void TaskStore::finishCycle(bool stale)
{
    m_cycleRunning = false;
    if (stale)
        m_fullRefreshWanted = true;
    if (stale || m_cycleWanted)
        startCycle();
}

void TaskStore::fetchStats()
{
    const quint64 request = ++m_statsRequest;
    m_api->fetchStats(m_query, this, [this, request](const ApiResult<TaskStats> &result) {
        // Only the newest answer counts: an older one may be for other filters.
        if (request != m_statsRequest || !result.ok())
            return;
        if (!(result.value == m_stats) || !m_loaded) {
            m_stats = result.value;
            emit statsChanged(m_stats);
        }
    });
}

void TaskStore::succeeded()
{
    if (!m_connected) {
        m_connected = true;
        m_lastError = ApiError{};
        qCInfo(lcSync) << "connected again to" << m_api->baseUrl().toDisplayString();
        emit refreshRecovered();
    }
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

void TaskStore::learnAssignees(const QList<Task> &tasks)
{
    const qsizetype before = m_assignees.size();
    for (const Task &task : tasks) {
        if (task.assignee && !task.assignee->trimmed().isEmpty())
            m_assignees.insert(*task.assignee);
    }
    if (m_assignees.size() != before)
        emit knownAssigneesChanged(knownAssignees());
}

void TaskStore::createTask(const TaskChanges &changes, QObject *context, ApiCallback<Task> done)
{
    const QPointer<QObject> receiver(context);
    m_api->createTask(changes, this, [this, receiver, context, done](const ApiResult<Task> &result) {
        if (result.ok()) {
            m_model->upsertTask(result.value);
            learnAssignees({result.value});
            invalidate();
            refresh();
        }
        if (receiver || !context)
            done(result);
    });
}

void TaskStore::updateTask(const QString &id, const TaskChanges &changes, QObject *context,
                           ApiCallback<Task> done)
{
    const QPointer<QObject> receiver(context);
    m_api->updateTask(id, changes, this, [this, id, receiver, context, done](const ApiResult<Task> &result) {
        if (result.ok()) {
            m_model->upsertTask(result.value);
            learnAssignees({result.value});
        } else if (result.error.kind == ApiError::Kind::NotFound) {
            m_model->removeTask(id);
        }
        if (result.ok() || result.error.kind == ApiError::Kind::NotFound) {
            invalidate();
            refresh();
        }
        if (receiver || !context)
            done(result);
    });
}

void TaskStore::deleteTask(const QString &id, QObject *context, ApiCallback<QString> done)
{
    const QPointer<QObject> receiver(context);
    m_api->deleteTask(id, this, [this, id, receiver, context, done](const ApiResult<QString> &result) {
        if (result.ok() || result.error.kind == ApiError::Kind::NotFound) {
            m_model->removeTask(id);
            invalidate();
            refresh();
        }
        if (receiver || !context)
            done(result);
    });
}

} // namespace taskflow
