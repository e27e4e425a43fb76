#pragma once

#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/tasktablemodel.h>

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace taskflow {

// Keeps a TaskTableModel equal to what the server holds for the current filters, and sends the
// user's changes. Polls so that changes made elsewhere (the web frontend, another desktop)
// appear on their own: each tick asks only for the newest change (one row with
// X-Total-Count) and fetches the whole list only when that moved, so 10,000 tasks cost
// nothing while nobody edits them.
class TaskStore : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultPollInterval{3000};

    TaskStore(ApiClient *api, TaskTableModel *model, QObject *parent = nullptr);

    ApiClient *api() const { return m_api; }
    TaskTableModel *model() const { return m_model; }

    // The filters of GET /tasks (status, priority, assignee, q); refreshes at once.
    void setQuery(const TaskQuery &query);
    const TaskQuery &query() const { return m_query; }

    void setPollInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds pollInterval() const;
    void startPolling();
    void stopPolling();
    // While held, no request goes out (the API token is still being read): refreshes asked for
    // meanwhile wait, and the last of them runs on release; polling ticks are skipped.
    void setHeld(bool held);
    bool isHeld() const { return m_held; }

    bool hasLoaded() const { return m_loaded; }
    // False after a refresh failed, until one succeeds again.
    bool isConnected() const { return m_connected; }
    const ApiError &lastError() const { return m_lastError; }
    const TaskStats &stats() const { return m_stats; }
    // Every assignee seen so far, whatever the filters: what the dialog and filter complete.
    QStringList knownAssignees() const;

    // The user's changes. On success the model shows the result at once and a refresh follows;
    // `done` runs afterwards unless `context` is gone by then.
    void createTask(const TaskChanges &changes, QObject *context, ApiCallback<Task> done);
    void updateTask(const QString &id, const TaskChanges &changes, QObject *context,
                    ApiCallback<Task> done);
    void deleteTask(const QString &id, QObject *context, ApiCallback<QString> done);

public slots:
    // Fetches the list and the counts now (a manual refresh, a retry).
    void refresh();
    // Forgets what the last server said and loads everything again (the server URL changed).
    void reload();

signals:
    void refreshed(); // the model holds the server's answer to the current query
    void statsChanged(const taskflow::TaskStats &stats);
    void refreshFailed(const taskflow::ApiError &error);
    void refreshRecovered();
    void knownAssigneesChanged(const QStringList &assignees);

private:
    // What changes when any task matching the query is created, changed or deleted.
    struct ChangeMarker
    {
        qint64 total = -1;
        QString newestId;
        QDateTime newestUpdate;
        bool operator==(const ChangeMarker &other) const
        {
            return total == other.total && newestId == other.newestId
                && newestUpdate == other.newestUpdate;
        }
    };

    void poll();
    void startCycle();
    void fetchList(const ChangeMarker &marker, quint64 generation);
    void finishCycle(bool stale);
    void fetchStats();
    void succeeded();
    void failed(const ApiError &error);
    void learnAssignees(const QList<Task> &tasks);
    // Answers in flight were asked before a change of filters or a change of our own.
    void invalidate();

    ApiClient *m_api;
    TaskTableModel *m_model;
    TaskQuery m_query;
    QTimer m_pollTimer;

    bool m_held = false;
    bool m_cycleRunning = false;
    bool m_cycleWanted = false;
    bool m_fullRefreshWanted = false;
    quint64 m_generation = 0;
    quint64 m_statsRequest = 0;
    ChangeMarker m_marker;

    bool m_loaded = false;
    bool m_connected = true;
    ApiError m_lastError;
    TaskStats m_stats;
    QSet<QString> m_assignees;
};

} // namespace taskflow
