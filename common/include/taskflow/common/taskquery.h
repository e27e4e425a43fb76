#pragma once

#include <taskflow/common/result.h>
#include <taskflow/common/task.h>
#include <taskflow/common/validationerror.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace taskflow {

enum class TaskSortKey { CreatedAt, UpdatedAt, DueDate, Priority, Status, Title };

// The filters, sort and paging of GET /tasks and GET /tasks/stats.
struct TaskQuery
{
    static constexpr int maxLimit = 1000;

    std::optional<TaskStatus> status;
    std::optional<TaskPriority> priority;
    std::optional<QString> assignee;
    std::optional<QString> search; // `q`
    TaskSortKey sortKey = TaskSortKey::CreatedAt;
    bool descending = false;
    std::optional<int> limit;
    std::optional<qint64> offset;

    bool isPaged() const { return limit.has_value() || offset.has_value(); }

    // The query string the desktop app sends, e.g. `status=todo&sort=-updated_at`.
    QByteArray toQueryString() const;

    // Reads the raw (still percent-encoded) query of a request URL; every bad parameter is
    // one error.
    static Result<TaskQuery, ValidationErrors> fromQueryString(const QByteArray &encoded);
};

QString toApi(TaskSortKey key);
std::optional<TaskSortKey> sortKeyFromApi(QStringView value);

} // namespace taskflow
