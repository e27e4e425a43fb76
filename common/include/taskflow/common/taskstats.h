#pragma once

#include <taskflow/common/task.h>

#include <QByteArray>
#include <QJsonObject>

#include <array>
#include <optional>

namespace taskflow {

// The answer of GET /tasks/stats: counts by status and priority, and how many are overdue.
struct TaskStats
{
    qint64 total = 0;
    std::array<qint64, 3> byStatus{};   // indexed by TaskStatus
    std::array<qint64, 3> byPriority{}; // indexed by TaskPriority
    qint64 overdue = 0;

    qint64 count(TaskStatus status) const { return byStatus[std::size_t(status)]; }
    qint64 count(TaskPriority priority) const { return byPriority[std::size_t(priority)]; }

    QByteArray toJson() const;
    static std::optional<TaskStats> fromJson(const QJsonObject &object);

    friend bool operator==(const TaskStats &a, const TaskStats &b)
    {
        return a.total == b.total && a.byStatus == b.byStatus && a.byPriority == b.byPriority
            && a.overdue == b.overdue;
    }
};

} // namespace taskflow
