#include <taskflow/desktop/smartview.h>

#include <taskflow/common/enumfromname.h>

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace taskflow {

QString displayName(SmartView view)
{
    // lupdate files these under "taskflow", the namespace they are written in.
    const auto tr = [](const char *text, const char *disambiguation = nullptr, int n = -1) {
        return QCoreApplication::translate("taskflow", text, disambiguation, n);
    };
    switch (view) {
    case SmartView::All: return tr("All tasks");
    case SmartView::Today: return tr("Today");
    case SmartView::Overdue: return tr("Overdue");
    case SmartView::ThisWeek: return tr("This week");
    case SmartView::Unassigned: return tr("Unassigned");
    case SmartView::NotDone: return tr("Not done");
    }
    Q_UNREACHABLE();
}

QString settingsName(SmartView view)
{
    switch (view) {
    case SmartView::All: return u"all"_s;
    case SmartView::Today: return u"today"_s;
    case SmartView::Overdue: return u"overdue"_s;
    case SmartView::ThisWeek: return u"this_week"_s;
    case SmartView::Unassigned: return u"unassigned"_s;
    case SmartView::NotDone: return u"not_done"_s;
    }
    Q_UNREACHABLE();
}

std::optional<SmartView> smartViewFromSettingsName(const QString &name)
{
    return enumFromName(name, allSmartViews, &settingsName);
}

SmartViewClock SmartViewClock::at(const QDateTime &nowUtc)
{
    SmartViewClock clock;
    clock.now = nowUtc;
    const QDate today = nowUtc.toLocalTime().date();
    const int firstDay = int(QLocale().firstDayOfWeek());
    const QDate weekStart = today.addDays(-((today.dayOfWeek() - firstDay + 7) % 7));
    clock.todayStart = today.startOfDay().toUTC();
    clock.tomorrowStart = today.addDays(1).startOfDay().toUTC();
    clock.weekStart = weekStart.startOfDay().toUTC();
    clock.weekEnd = weekStart.addDays(7).startOfDay().toUTC();
    return clock;
}

bool belongsTo(const Task &task, SmartView view, const QDateTime &now)
{
    return belongsTo(task, view, SmartViewClock::at(now));
}

bool belongsTo(const Task &task, SmartView view, const SmartViewClock &clock)
{
    const bool open = task.status != TaskStatus::Done;
    switch (view) {
    case SmartView::All: return true;
    case SmartView::NotDone: return open;
    case SmartView::Unassigned: return !task.assignee || task.assignee->trimmed().isEmpty();
    case SmartView::Overdue: return task.isOverdue(clock.now);
    case SmartView::Today:
        return open && task.dueDate && *task.dueDate >= clock.todayStart && *task.dueDate < clock.tomorrowStart;
    case SmartView::ThisWeek:
        return open && task.dueDate && *task.dueDate >= clock.weekStart && *task.dueDate < clock.weekEnd;
    }
    Q_UNREACHABLE();
}

} // namespace taskflow
