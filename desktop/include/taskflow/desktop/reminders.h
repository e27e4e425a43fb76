#pragma once

#include <taskflow/common/task.h>

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimer>

class QMenu;
class QSystemTrayIcon;

namespace taskflow {

class TaskTableModel;

// Due-date reminders through a QSystemTrayIcon: a notification when a task that is not done
// falls due while TaskFlow runs (in the window or only in the tray). Each task's due moment is
// announced once; tasks already overdue at start are counted in the tray's tooltip, not
// announced one by one.
class Reminders : public QObject
{
    Q_OBJECT

public:
    static constexpr int checkIntervalMs = 20000;

    Reminders(TaskTableModel *model, QObject *parent = nullptr);
    ~Reminders() override;

    bool isAvailable() const;
    void setEnabled(bool enabled);
    void setMenu(QMenu *menu);
    QSystemTrayIcon *trayIcon() const { return m_tray; }

    // The tasks that fell due in (since, now], not done: what check() announces (tests).
    static QList<Task> fallenDue(const QList<Task> &tasks, const QDateTime &since, const QDateTime &now);

public slots:
    void check();

signals:
    void reminded(const QList<taskflow::Task> &tasks);
    void activated(); // the tray icon was clicked

private:
    TaskTableModel *m_model;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer m_timer;
    QDateTime m_lastCheck;
    QSet<QString> m_announced; // id + due date
    bool m_enabled = true;
};

} // namespace taskflow
