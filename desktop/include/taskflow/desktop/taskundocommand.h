#pragma once

#include <taskflow/common/task.h>

#include <QPointer>
#include <QUndoCommand>

#include <optional>

namespace taskflow {

class TaskStore;

// One undoable change of one task, as two states: before and after. No before is a create,
// no after a delete, both an edit (a status change too). Undo and redo write through the
// TaskStore like any change (queued, If-Match, conflicts), and touch only the fields the
// change touched, so they do not undo what someone else changed in the others meanwhile.
class TaskUndoCommand : public QUndoCommand
{
public:
    // `alreadyDone`: the change was made before it was pushed (a dialog saved it), so the first
    // redo does nothing.
    TaskUndoCommand(TaskStore *store, const QString &text, std::optional<Task> before,
                    std::optional<Task> after, bool alreadyDone, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

    // The id the task has now (a create gives it one).
    QString taskId() const;

private:
    void move(const std::optional<Task> &from, const std::optional<Task> &to);

    QPointer<TaskStore> m_store;
    std::optional<Task> m_before;
    std::optional<Task> m_after;
    QString m_id;
    bool m_skipRedo;
};

} // namespace taskflow
