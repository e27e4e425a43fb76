#include <taskflow/desktop/taskundocommand.h>

#include <taskflow/desktop/taskstore.h>

namespace taskflow {

TaskUndoCommand::TaskUndoCommand(TaskStore *store, const QString &text, std::optional<Task> before,
                                 std::optional<Task> after, bool alreadyDone, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_store(store), m_before(std::move(before)),
      m_after(std::move(after)), m_skipRedo(alreadyDone)
{
    m_id = m_after ? m_after->id : m_before ? m_before->id : QString();
}

QString TaskUndoCommand::taskId() const
{
    return m_store ? m_store->currentId(m_id) : m_id;
}

void TaskUndoCommand::undo()
{
    move(m_after, m_before);
}

void TaskUndoCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    move(m_before, m_after);
}

void TaskUndoCommand::move(const std::optional<Task> &from, const std::optional<Task> &to)
{
    if (!m_store)
        return;
    if (!from && to) {
        TaskChanges changes;
        changes.title = to->title;
        changes.description = to->description;
        changes.status = to->status;
        changes.priority = to->priority;
        changes.assignee = to->assignee;
        changes.dueDate = to->dueDate;
        m_id = m_store->createTask(changes, nullptr, nullptr);
        return;
    }
    const auto shown = m_store->task(m_id);
    if (!shown)
        return; // gone meanwhile: nothing left to move
    if (from && !to) {
        m_store->deleteTask(*shown, nullptr, nullptr);
        return;
    }
    // Only the fields this change touched go back (or forth).
    const TaskChanges changes = TaskChanges::difference(*from, *to);
    if (!changes.isEmpty())
        m_store->updateTask(*shown, changes, nullptr, nullptr);
}

} // namespace taskflow
