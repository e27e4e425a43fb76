#pragma once

#include <taskflow/common/task.h>
#include <taskflow/common/taskchanges.h>

#include <QString>

#include <optional>

namespace taskflow {

// One change the user made, kept on disk until the server has it (OfflineStore), sent in order.
struct PendingWrite
{
    enum class Kind { Create, Update, Delete };

    qint64 seq = 0; // its place in the queue
    Kind kind = Kind::Update;
    // The task's server id, or a local one (isLocalId) while its create is still queued.
    QString taskId;
    // Update and Delete: the task as the user saw it when deciding. The server must still have
    // it so (If-Match), or the user chooses in the conflict view.
    std::optional<Task> base;
    TaskChanges changes; // Create and Update

    static QString newLocalId();
    static bool isLocalId(const QString &id);
};

// Title, description, status, priority, assignee and due date equal: what a user can edit.
bool sameContent(const Task &a, const Task &b);

} // namespace taskflow
