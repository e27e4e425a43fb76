#pragma once

#include <taskflow/common/task.h>

#include <QByteArray>

namespace taskflow {

// One task as an answer carried it, with its version (the ETag of API.md, quotes included):
// what an edit sends back as If-Match. Empty when the server gives no versions.
struct TaskVersion
{
    Task task;
    QByteArray etag;
};

} // namespace taskflow
