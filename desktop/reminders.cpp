#include <taskflow/desktop/reminders.h>

#include <taskflow/desktop/bundledicon.h>
#include <taskflow/desktop/tasktablemodel.h>

#include <QLocale>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace taskflow {

Reminders::Reminders(TaskTableModel *model, QObject *parent)
    : QObject(parent), m_model(model), m_lastCheck(QDateTime::currentDateTimeUtc())
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(bundledIcon(u"taskflow"_s), this);
        m_tray->setToolTip(tr("TaskFlow"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                emit activated();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &Reminders::activated);
        m_tray->show();
    }
    m_timer.setInterval(checkIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Reminders::check);
    m_timer.start();
}

Reminders::~Reminders() = default;

bool Reminders::isAvailable() const
{
    return m_tray != nullptr;
}

void Reminders::setEnabled(bool enabled)
{
    m_enabled = enabled;
}

void Reminders::setMenu(QMenu *menu)
{
    if (m_tray)
        m_tray->setContextMenu(menu);
}

QList<Task> Reminders::fallenDue(const QList<Task> &tasks, const QDateTime &since, const QDateTime &now)
{
    QList<Task> due;
    for (const Task &task : tasks) {
        if (task.status != TaskStatus::Done && task.dueDate && *task.dueDate > since && *task.dueDate <= now)
            due.append(task);
    }
    return due;
}

void Reminders::check()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Task> tasks;
    int overdue = 0;
    tasks.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        Task task = m_model->index(row, 0).data(TaskTableModel::TaskRole).value<Task>();
        if (task.isOverdue(now))
            ++overdue;
        tasks.append(std::move(task));
    }
    QList<Task> due;
    for (const Task &task : fallenDue(tasks, m_lastCheck, now)) {
        const QString key = task.id + task.dueDate->toString(Qt::ISODate);
        if (!m_announced.contains(key)) {
            m_announced.insert(key);
            due.append(task);
        }
    }
    m_lastCheck = now;
    if (m_tray) {
        m_tray->setToolTip(overdue > 0 ? tr("TaskFlow: %n task(s) overdue", nullptr, overdue)
                                       : tr("TaskFlow"));
    }
    if (due.isEmpty() || !m_enabled)
        return;
    emit reminded(due);
    if (m_tray) {
        const QString text = due.size() == 1
            ? tr("“%1” is due now.").arg(due.first().title)
            : tr("%n tasks are due now, among them “%1”.", nullptr, int(due.size())).arg(due.first().title);
        m_tray->showMessage(tr("Task due"), text, QSystemTrayIcon::Information, 10000);
    }
}

} // namespace taskflow
