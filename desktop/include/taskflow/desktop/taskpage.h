#pragma once

#include <taskflow/common/task.h>

#include <QList>

namespace taskflow {

// The answer of GET /tasks: the tasks, and how many matched before paging (X-Total-Count).
struct TaskPage
{
    QList<Task> tasks;
    qint64 totalCount = 0;
};

} // namespace taskflow
