#pragma once

#include <taskflow/common/task.h>
#include <taskflow/common/taskchanges.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace taskflow {

// The tasks the server sent, one row each. Refreshes are applied in place, matched by id:
// changed rows emit dataChanged, new ones are inserted and vanished ones removed, so views keep
// their selection and scroll position while the list stays current.
//
// The done checkbox and the editable cells (title, status, priority, assignee) do not change
// the rows themselves: they ask for the change (editRequested), which the store applies.
class TaskTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        DoneColumn,
        TitleColumn,
        StatusColumn,
        PriorityColumn,
        AssigneeColumn,
        DueDateColumn,
        UpdatedColumn,
        ColumnCount
    };

    enum Role {
        TaskIdRole = Qt::UserRole + 1,
        SortRole,    // a value that sorts as the API does (status and priority by rank)
        OverdueRole, // bool
        PendingRole, // bool: changed here, not on the server yet
        TaskRole,    // the whole Task
    };

    explicit TaskTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Makes the rows exactly `tasks`: rows of known ids are updated where they are, new tasks
    // are appended in the order given, the others are removed.
    void setTasks(const QList<Task> &tasks);
    // One task the app just created or changed, before the next refresh brings it.
    void upsertTask(const Task &task);
    void removeTask(const QString &id);

    // The rows changed here and not yet on the server (shown in italics, with a mark).
    void setPendingIds(const QSet<QString> &ids);

    // The task of a row, without a copy (the filter reads 10,000 of them per keystroke).
    const Task &taskAt(int row) const { return m_tasks.at(row); }
    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }
    std::optional<Task> taskById(const QString &id) const;

    // "Overdue" and "5 min ago" are relative to this time (UTC); refreshes move it forward.
    void setCurrentTime(const QDateTime &utc);

signals:
    void editRequested(const taskflow::Task &task, const taskflow::TaskChanges &changes);

private:
    QVariant display(const Task &task, int column) const;
    QVariant toolTip(const Task &task, int column) const;
    QVariant sortKey(const Task &task, int column) const;
    QString relativeTime(const QDateTime &utc) const;
    void rebuildIndex();
    void emitRowsChanged(const QList<int> &sortedRows);

    QList<Task> m_tasks;
    QHash<QString, int> m_rowById;
    QDateTime m_now;
    QSet<QString> m_pending;
};

} // namespace taskflow
