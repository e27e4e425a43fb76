#include <taskflow/desktop/tasktablemodel.h>

#include <taskflow/desktop/taskcolors.h>

#include <QFont>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// Beyond this many separate runs of removed rows (a new filter, not an edit elsewhere), one
// reset is cheaper for the views than thousands of removals.
constexpr int maxRemovedRunsInPlace = 64;

QString localDateTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), u"d MMM yyyy, HH:mm"_s);
}

QString fullLocalDateTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::LongFormat);
}

// Contiguous runs [first, last] of a sorted list of rows.
QList<QPair<int, int>> runs(const QList<int> &sortedRows)
{
    QList<QPair<int, int>> result;
    for (const int row : sortedRows) {
        if (!result.isEmpty() && result.last().second + 1 == row)
            result.last().second = row;
        else
            result.append({row, row});
    }
    return result;
}

} // namespace

TaskTableModel::TaskTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentDateTimeUtc())
{
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task &task = m_tasks.at(index.row());
    const int column = index.column();
    if (column == DoneColumn) {
        switch (role) {
        case Qt::CheckStateRole:
            return task.status == TaskStatus::Done ? Qt::Checked : Qt::Unchecked;
        case Qt::ToolTipRole:
        case Qt::AccessibleTextRole:
            return task.status == TaskStatus::Done ? tr("Done (uncheck to reopen)")
                                                   : tr("Not done (check to complete)");
        case SortRole:
            return int(task.status == TaskStatus::Done);
        case TaskIdRole:
            return task.id;
        case TaskRole:
            return QVariant::fromValue(task);
        case PendingRole:
            return m_pending.contains(task.id);
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        return display(task, column);
    case Qt::EditRole:
        switch (column) {
        case TitleColumn: return task.title;
        case StatusColumn: return int(task.status);
        case PriorityColumn: return int(task.priority);
        case AssigneeColumn: return task.assignee.value_or(QString());
        default: return display(task, column);
        }
    case TaskRole:
        return QVariant::fromValue(task);
    case PendingRole:
        return m_pending.contains(task.id);
    case Qt::ToolTipRole:
        return toolTip(task, column);
    case Qt::AccessibleTextRole:
        if (column == DueDateColumn && task.isOverdue(m_now))
            return tr("Overdue, due %1").arg(localDateTime(*task.dueDate));
        return display(task, column);
    case SortRole:
        return sortKey(task, column);
    case TaskIdRole:
        return task.id;
    case OverdueRole:
        return task.isOverdue(m_now);
    case Qt::ForegroundRole:
        if (column == StatusColumn)
            return TaskColors::foreground(task.status);
        if (column == PriorityColumn)
            return TaskColors::foreground(task.priority);
        if (column == DueDateColumn && task.isOverdue(m_now))
            return TaskColors::overdue();
        if ((column == AssigneeColumn && !task.assignee) || (column == DueDateColumn && !task.dueDate)
            || column == UpdatedColumn)
            return TaskColors::muted();
        return {};
    case Qt::BackgroundRole:
        if (column == StatusColumn)
            return TaskColors::background(task.status);
        if (column == PriorityColumn)
            return TaskColors::background(task.priority);
        return {};
    case Qt::FontRole:
        if ((column == DueDateColumn && task.isOverdue(m_now)) || m_pending.contains(task.id)) {
            QFont font;
            font.setBold(column == DueDateColumn && task.isOverdue(m_now));
            font.setItalic(m_pending.contains(task.id));
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant TaskTableModel::display(const Task &task, int column) const
{
    switch (column) {
    case TitleColumn:
        return m_pending.contains(task.id) ? tr("%1  · not sent yet").arg(task.title) : task.title;
    case StatusColumn: return displayName(task.status);
    case PriorityColumn: return displayName(task.priority);
    case AssigneeColumn: return task.assignee.value_or(u"—"_s);
    case DueDateColumn:
        if (!task.dueDate)
            return u"—"_s;
        if (task.isOverdue(m_now))
            return tr("Overdue · %1").arg(localDateTime(*task.dueDate));
        return localDateTime(*task.dueDate);
    case UpdatedColumn: return relativeTime(task.updatedAt);
    }
    return {};
}

QVariant TaskTableModel::toolTip(const Task &task, int column) const
{
    switch (column) {
    case TitleColumn: {
        QString tip = task.description && !task.description->isEmpty()
            ? task.title + u"\n\n"_s + *task.description
            : task.title;
        if (m_pending.contains(task.id))
            tip += u"\n\n"_s + tr("Changed here; sent to the server as soon as it can be reached.");
        return tip;
    }
    case StatusColumn: return tr("Status: %1").arg(displayName(task.status));
    case PriorityColumn: return tr("Priority: %1").arg(displayName(task.priority));
    case AssigneeColumn: return task.assignee ? *task.assignee : tr("Unassigned");
    case DueDateColumn:
        if (!task.dueDate)
            return tr("No due date");
        return (task.isOverdue(m_now) ? tr("Overdue: was due %1") : tr("Due %1"))
            .arg(fullLocalDateTime(*task.dueDate));
    case UpdatedColumn:
        return tr("Last changed %1\nCreated %2")
            .arg(fullLocalDateTime(task.updatedAt), fullLocalDateTime(task.createdAt));
    }
    return {};
}

QVariant TaskTableModel::sortKey(const Task &task, int column) const
{
    switch (column) {
    case TitleColumn: return task.title;
    case StatusColumn: return int(task.status);
    case PriorityColumn: return int(task.priority);
    case AssigneeColumn: return task.assignee.value_or(QString());
    case DueDateColumn:
        // Without a due date last, as the API sorts.
        return task.dueDate ? task.dueDate->toMSecsSinceEpoch()
                            : std::numeric_limits<qint64>::max();
    case UpdatedColumn: return task.updatedAt.toMSecsSinceEpoch();
    }
    return {};
}

QString TaskTableModel::relativeTime(const QDateTime &utc) const
{
    const qint64 seconds = utc.secsTo(m_now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 24 * 3600)
        return tr("%1 h ago").arg(seconds / 3600);
    if (seconds < 2 * 24 * 3600)
        return tr("yesterday");
    if (seconds < 7 * 24 * 3600)
        return tr("%1 days ago").arg(seconds / (24 * 3600));
    return QLocale().toString(utc.toLocalTime().date(), u"d MMM yyyy"_s);
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case DoneColumn: return QString();
        case TitleColumn: return tr("Title");
        case StatusColumn: return tr("Status");
        case PriorityColumn: return tr("Priority");
        case AssigneeColumn: return tr("Assignee");
        case DueDateColumn: return tr("Due");
        case UpdatedColumn: return tr("Last change");
        }
    }
    if (role == Qt::ToolTipRole && section == DueDateColumn)
        return tr("Due date in your local time");
    if ((role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) && section == DoneColumn)
        return tr("Done");
    return {};
}

Qt::ItemFlags TaskTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    switch (index.column()) {
    case DoneColumn: return flags | Qt::ItemIsUserCheckable;
    case TitleColumn:
    case StatusColumn:
    case PriorityColumn:
    case AssigneeColumn: return flags | Qt::ItemIsEditable;
    default: return flags;
    }
}

bool TaskTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Task &task = m_tasks.at(index.row());
    TaskChanges changes;
    if (index.column() == DoneColumn && role == Qt::CheckStateRole) {
        const bool done = value.value<Qt::CheckState>() == Qt::Checked
            || value.toInt() == int(Qt::Checked);
        const TaskStatus status = done ? TaskStatus::Done : TaskStatus::Todo;
        if (status != task.status)
            changes.status = status;
    } else if (role == Qt::EditRole) {
        switch (index.column()) {
        case TitleColumn:
            if (value.toString() != task.title)
                changes.title = value.toString();
            break;
        case StatusColumn:
            if (TaskStatus(value.toInt()) != task.status)
                changes.status = TaskStatus(value.toInt());
            break;
        case PriorityColumn:
            if (TaskPriority(value.toInt()) != task.priority)
                changes.priority = TaskPriority(value.toInt());
            break;
        case AssigneeColumn: {
            const QString text = value.toString().trimmed();
            const std::optional<QString> assignee = text.isEmpty() ? std::nullopt : std::optional(text);
            if (assignee != task.assignee)
                changes.assignee = Nullable<QString>(assignee);
            break;
        }
        default:
            return false;
        }
    } else {
        return false;
    }
    if (!changes.isEmpty())
        emit editRequested(task, changes);
    return true;
}

void TaskTableModel::setPendingIds(const QSet<QString> &ids)
{
    if (ids == m_pending)
        return;
    const QSet<QString> touched = (ids - m_pending) + (m_pending - ids);
    m_pending = ids;
    for (const QString &id : touched) {
        const int row = rowOf(id);
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

std::optional<Task> TaskTableModel::taskById(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : std::optional(m_tasks.at(row));
}

void TaskTableModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_tasks.size());
    for (int row = 0; row < m_tasks.size(); ++row)
        m_rowById.insert(m_tasks.at(row).id, row);
}

void TaskTableModel::emitRowsChanged(const QList<int> &sortedRows)
{
    for (const auto &[first, last] : runs(sortedRows))
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void TaskTableModel::setTasks(const QList<Task> &tasks)
{
    QHash<QString, int> incoming;
    incoming.reserve(tasks.size());
    for (int i = 0; i < tasks.size(); ++i)
        incoming.insert(tasks.at(i).id, i);

    if (m_tasks.isEmpty()) {
        if (tasks.isEmpty())
            return;
        beginInsertRows({}, 0, int(tasks.size()) - 1);
        m_tasks = tasks;
        rebuildIndex();
        endInsertRows();
        return;
    }

    QList<int> removed;
    for (int row = 0; row < m_tasks.size(); ++row) {
        if (!incoming.contains(m_tasks.at(row).id))
            removed.append(row);
    }
    const auto removedRuns = runs(removed);
    if (removedRuns.size() > maxRemovedRunsInPlace) {
        beginResetModel();
        m_tasks = tasks;
        rebuildIndex();
        endResetModel();
        return;
    }
    for (auto it = removedRuns.crbegin(); it != removedRuns.crend(); ++it) {
        beginRemoveRows({}, it->first, it->second);
        m_tasks.remove(it->first, it->second - it->first + 1);
        endRemoveRows();
    }
    if (!removed.isEmpty())
        rebuildIndex();

    QList<int> changed;
    QList<Task> added;
    for (const Task &task : tasks) {
        const int row = rowOf(task.id);
        if (row < 0) {
            added.append(task);
        } else if (m_tasks.at(row) != task) {
            m_tasks[row] = task;
            changed.append(row);
        }
    }
    std::sort(changed.begin(), changed.end());
    emitRowsChanged(changed);

    if (!added.isEmpty()) {
        const int first = int(m_tasks.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_tasks.append(added);
        for (int row = first; row < m_tasks.size(); ++row)
            m_rowById.insert(m_tasks.at(row).id, row);
        endInsertRows();
    }
}

void TaskTableModel::upsertTask(const Task &task)
{
    const int row = rowOf(task.id);
    if (row >= 0) {
        if (m_tasks.at(row) != task) {
            m_tasks[row] = task;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        return;
    }
    const int last = int(m_tasks.size());
    beginInsertRows({}, last, last);
    m_tasks.append(task);
    m_rowById.insert(task.id, last);
    endInsertRows();
}

void TaskTableModel::removeTask(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_tasks.removeAt(row);
    rebuildIndex();
    endRemoveRows();
}

void TaskTableModel::setCurrentTime(const QDateTime &utc)
{
    m_now = utc;
    // "3 min ago" and "Overdue" move with the clock even when no task changed. Naming the roles
    // tells a sorting proxy that its sort keys did not change.
    if (!m_tasks.isEmpty()) {
        emit dataChanged(index(0, DueDateColumn), index(int(m_tasks.size()) - 1, UpdatedColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole, Qt::FontRole,
                          Qt::AccessibleTextRole, OverdueRole});
    }
}

} // namespace taskflow
