#include <taskflow/desktop/taskfiltermodel.h>

#include <taskflow/common/textfold.h>
#include <taskflow/desktop/tasktablemodel.h>

#include <limits>

namespace taskflow {

TaskFilterModel::TaskFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent),
      // Qt's collator compares code points in the C locale, numbers included: English then.
      m_collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale())
{
    setSortRole(TaskTableModel::SortRole);
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_clock = SmartViewClock::at(QDateTime::currentDateTimeUtc());
}

QString TaskFilterModel::searchKey(const QString &text)
{
    // The server's `q` folds with the same table (common/), so both find the same tasks.
    return TextFold::fold(text);
}

void TaskFilterModel::setQuery(const TaskQuery &query)
{
    beginResetModel();
    m_query = query;
    m_searchKey = query.search ? searchKey(query.search->trimmed()) : QString();
    m_clock = SmartViewClock::at(QDateTime::currentDateTimeUtc());
    endResetModel();
}

void TaskFilterModel::setSmartView(SmartView view)
{
    beginResetModel();
    m_view = view;
    m_clock = SmartViewClock::at(QDateTime::currentDateTimeUtc());
    endResetModel();
}

bool TaskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent);
    const auto *tasks = qobject_cast<const TaskTableModel *>(sourceModel());
    if (!tasks)
        return true;
    const Task &task = tasks->taskAt(sourceRow);
    if (!belongsTo(task, m_view, m_clock))
        return false;
    if (m_query.status && task.status != *m_query.status)
        return false;
    if (m_query.priority && task.priority != *m_query.priority)
        return false;
    if (m_query.assignee && task.assignee != m_query.assignee)
        return false;
    if (!m_searchKey.isEmpty()) {
        if (!searchKey(task.title).contains(m_searchKey)
            && !(task.description && searchKey(*task.description).contains(m_searchKey)))
            return false;
    }
    return true;
}

// A sort compares each title with many others: its collation key is made once and kept.
QCollatorSortKey TaskFilterModel::sortKey(const QString &text) const
{
    auto it = m_sortKeys.constFind(text);
    if (it == m_sortKeys.cend()) {
        if (m_sortKeys.size() > 100000)
            m_sortKeys.clear();
        it = m_sortKeys.insert(text, m_collator.sortKey(text));
    }
    return *it;
}

bool TaskFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The rows straight from the model: a sort of 10,000 makes ~140,000 comparisons, and a
    // QVariant per side each time cost more than the comparing.
    if (const auto *tasks = qobject_cast<const TaskTableModel *>(sourceModel())) {
        const Task &a = tasks->taskAt(left.row());
        const Task &b = tasks->taskAt(right.row());
        int order = 0;
        switch (left.column()) {
        case TaskTableModel::DoneColumn:
            order = int(a.status == TaskStatus::Done) - int(b.status == TaskStatus::Done);
            break;
        case TaskTableModel::TitleColumn: order = sortKey(a.title).compare(sortKey(b.title)); break;
        case TaskTableModel::StatusColumn: order = int(a.status) - int(b.status); break;
        case TaskTableModel::PriorityColumn: order = int(a.priority) - int(b.priority); break;
        case TaskTableModel::AssigneeColumn:
            order = sortKey(a.assignee.value_or(QString())).compare(sortKey(b.assignee.value_or(QString())));
            break;
        case TaskTableModel::DueDateColumn: {
            // Without a due date last, as the API sorts.
            const qint64 x = a.dueDate ? a.dueDate->toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
            const qint64 y = b.dueDate ? b.dueDate->toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
            order = x < y ? -1 : x > y ? 1 : 0;
            break;
        }
        case TaskTableModel::UpdatedColumn: {
            const qint64 x = a.updatedAt.toMSecsSinceEpoch();
            const qint64 y = b.updatedAt.toMSecsSinceEpoch();
            order = x < y ? -1 : x > y ? 1 : 0;
            break;
        }
        default: break;
        }
        // Equal keys: a stable order by id, as the API breaks ties.
        return order != 0 ? order < 0 : a.id < b.id;
    }
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
        const int order = sortKey(a.toString()).compare(sortKey(b.toString()));
        if (order != 0)
            return order < 0;
    } else if (a != b) {
        return QVariant::compare(a, b) == QPartialOrdering::Less;
    }
    // Equal keys: a stable order by id, as the API breaks ties.
    return left.data(TaskTableModel::TaskIdRole).toString()
        < right.data(TaskTableModel::TaskIdRole).toString();
}

} // namespace taskflow
