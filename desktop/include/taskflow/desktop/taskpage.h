#pragma once

#include <taskflow/common/task.h>

#include <QByteArray>
#include <QList>

namespace taskflow {

// The answer of GET /tasks: the tasks, how many matched before paging (X-Total-Count), and the
// version of the whole answer (ETag). `notModified`: a 304 to If-None-Match, with no tasks.
struct TaskPage
{
    QList<Task> tasks;
    qint64 totalCount = 0;
    QByteArray etag;
    bool notModified = false;
};

} // namespace taskflow
