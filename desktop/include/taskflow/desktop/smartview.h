#pragma once

#include <taskflow/common/task.h>

#include <QDateTime>
#include <QString>

#include <array>
#include <optional>

namespace taskflow {

// The built-in saved filters of the task list, each with its count in the side list.
enum class SmartView { All, Today, Overdue, ThisWeek, Unassigned, NotDone };

inline constexpr std::array<SmartView, 6> allSmartViews{SmartView::All,      SmartView::Today,
                                                        SmartView::Overdue,  SmartView::ThisWeek,
                                                        SmartView::Unassigned, SmartView::NotDone};

QString displayName(SmartView view);
// A stable name for the settings file ("today", "overdue", …).
QString settingsName(SmartView view);
std::optional<SmartView> smartViewFromSettingsName(const QString &name);

// The local day and week of a moment, as UTC bounds: made once per count or filter, so that
// 10,000 tasks are placed without converting each due date to local time.
struct SmartViewClock
{
    QDateTime now; // UTC
    QDateTime todayStart, tomorrowStart, weekStart, weekEnd; // UTC, from local midnights

    static SmartViewClock at(const QDateTime &nowUtc);
};

// Whether `task` belongs in `view` at `now` (UTC); days and weeks are the user's local ones.
// Today and This week hold what is due then and not done; Overdue what is past due and not
// done; Unassigned and Not done what their names say.
bool belongsTo(const Task &task, SmartView view, const QDateTime &now);
bool belongsTo(const Task &task, SmartView view, const SmartViewClock &clock);

} // namespace taskflow
