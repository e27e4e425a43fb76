#include <taskflow/desktop/tasklistpage.h>

#include <taskflow/desktop/badgedelegate.h>
#include <taskflow/desktop/bundledicon.h>
#include <taskflow/desktop/conflictdialog.h>
#include <taskflow/desktop/connectionbanner.h>
#include <taskflow/desktop/filterbar.h>
#include <taskflow/desktop/quickaddparser.h>
#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/smartviewdelegate.h>
#include <taskflow/desktop/statsbar.h>
#include <taskflow/desktop/taskcolors.h>
#include <taskflow/desktop/taskdialog.h>
#include <taskflow/desktop/taskfiltermodel.h>
#include <taskflow/desktop/tasktablemodel.h>
#include <taskflow/desktop/taskundocommand.h>
#include <taskflow/desktop/windowaction.h>

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

QString quoted(const QString &title)
{
    return QCoreApplication::translate("taskflow::TaskListPage", "“%1”").arg(title);
}

constexpr int countDelayMs = 50;

} // namespace

TaskListPage::TaskListPage(TaskStore *store, TaskTableModel *model, QUndoStack *undoStack,
                           Settings &settings, QWidget *parent)
    : QWidget(parent), m_store(store), m_model(model), m_undo(undoStack), m_settings(settings),
      m_filter(new TaskFilterModel(this))
{
    setObjectName(u"taskListPage"_s);
    m_filter->setSourceModel(m_model);

    m_banner = new ConnectionBanner(this);
    m_filterBar = new FilterBar(this);
    m_statsBar = new StatsBar(this);
    createActions();
    QWidget *quickAdd = createQuickAdd();
    createViewList();
    createTable();

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(u"emptyLabel"_s);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAttribute(Qt::WA_TransparentForMouseEvents);

    auto *tableArea = new QWidget(this);
    auto *grid = new QGridLayout(tableArea);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_view, 0, 0);
    grid->addWidget(m_emptyLabel, 0, 0);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(u"pageSplitter"_s);
    splitter->addWidget(m_views);
    splitter->addWidget(tableArea);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({m_views->fontMetrics().horizontalAdvance(u'x') * 22, 1000});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 4);
    layout->setSpacing(8);
    layout->addWidget(m_banner);
    layout->addWidget(quickAdd);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_statsBar);
    layout->addWidget(splitter, 1);

    setTabOrder(m_quickAdd, m_filterBar);
    setTabOrder(m_filterBar, m_views);
    setTabOrder(m_views, m_view);

    m_countDelay.setSingleShot(true);
    m_countDelay.setInterval(countDelayMs);
    connect(&m_countDelay, &QTimer::timeout, this, &TaskListPage::updateCounts);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, &m_countDelay, qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::dataChanged, &m_countDelay, qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::modelReset, &m_countDelay, qOverload<>(&QTimer::start));
    connect(m_filter, &QAbstractItemModel::modelReset, this, &TaskListPage::restoreSelection);

    connect(m_banner, &ConnectionBanner::retryRequested, this, &TaskListPage::retryRequested);
    connect(m_banner, &ConnectionBanner::settingsRequested, this, &TaskListPage::settingsRequested);
    connect(m_filterBar, &FilterBar::queryChanged, this, &TaskListPage::filtersChanged);
    connect(m_filterBar, &FilterBar::moveToResults, this, &TaskListPage::focusTable);
    connect(m_store, &TaskStore::knownAssigneesChanged, this, [this](const QStringList &names) {
        m_filterBar->setKnownAssignees(names);
        m_delegate->setKnownAssignees(names);
    });
    connect(m_store, &TaskStore::refreshed, this, &TaskListPage::updateEmptyLabel);
    connect(m_store, &TaskStore::conflict, this, &TaskListPage::showConflict);
    connect(m_store, &TaskStore::writeRejected, this, &TaskListPage::showRejected);
    connect(m_model, &TaskTableModel::editRequested, this,
            [this](const Task &task, const TaskChanges &changes) {
                Task after = task;
                changes.applyTo(after);
                const QString text = changes.status && !changes.title && !changes.priority
                        && !changes.assignee
                    ? tr("Mark %1 as %2").arg(quoted(task.title), displayName(*changes.status))
                    : tr("Edit %1").arg(quoted(task.title));
                pushEdit(text, task, after, false);
            });
    updateActions();
    updateCounts();
}

TaskListPage::~TaskListPage() = default;

void TaskListPage::createActions()
{
    m_newAction = addWindowAction(this, u"newTaskAction"_s, u"task-new"_s, tr("&New Task…"),
                                  {QKeySequence::New}, tr("Create a task"), &TaskListPage::newTask);
    m_quickAddAction = addWindowAction(this, u"quickAddAction"_s, QString(), tr("&Quick Add"),
                                       {QKeySequence(Qt::CTRL | Qt::Key_L)},
                                       tr("Type a task in the quick-add line"), &TaskListPage::focusQuickAdd);
    m_editAction = addWindowAction(this, u"editTaskAction"_s, u"task-edit"_s, tr("&Edit Task…"),
                                   {QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(Qt::Key_F2)},
                                   tr("Edit the selected task"), &TaskListPage::editSelectedTask);
    m_completeAction = addWindowAction(this, u"completeAction"_s, QString(), tr("&Complete"),
                                       {QKeySequence(Qt::CTRL | Qt::Key_Space)},
                                       tr("Mark the selected tasks as done, or to do again"),
                                       &TaskListPage::toggleSelectedDone);
    m_deleteAction = addWindowAction(this, u"deleteTaskAction"_s, u"task-delete"_s, tr("&Delete Task…"),
                                     {QKeySequence::Delete}, tr("Delete the selected tasks"),
                                     &TaskListPage::deleteSelectedTasks);
    m_findAction = addWindowAction(this, u"findAction"_s, u"edit-find"_s, tr("&Find…"), {QKeySequence::Find},
                                   tr("Search the tasks"), &TaskListPage::focusSearch);

    m_statusMenu = new QMenu(tr("&Mark as"), this);
    m_statusMenu->setObjectName(u"statusMenu"_s);
    for (const TaskStatus status : allStatuses) {
        QAction *action = m_statusMenu->addAction(displayName(status));
        action->setObjectName(u"markAs_"_s + toApi(status));
        connect(action, &QAction::triggered, this, [this, status] { setSelectedStatus(status); });
    }
    m_priorityMenu = new QMenu(tr("&Priority"), this);
    m_priorityMenu->setObjectName(u"priorityMenu"_s);
    for (const TaskPriority priority : allPriorities) {
        QAction *action = m_priorityMenu->addAction(displayName(priority));
        action->setObjectName(u"priority_"_s + toApi(priority));
        connect(action, &QAction::triggered, this, [this, priority] { setSelectedPriority(priority); });
    }
}

QWidget *TaskListPage::createQuickAdd()
{
    auto *box = new QWidget(this);
    m_quickAdd = new QLineEdit(box);
    m_quickAdd->setObjectName(u"quickAddEdit"_s);
    m_quickAdd->setPlaceholderText(tr("Add a task: “Call Ann tomorrow !high @ann”, then Return"));
    m_quickAdd->setAccessibleName(tr("Quick add"));
    m_quickAdd->setAccessibleDescription(
        tr("A title, optionally with !high or !low, @name and a day such as today or friday"));
    m_quickAdd->setClearButtonEnabled(true);
    m_quickAdd->addAction(bundledIcon(u"task-new"_s), QLineEdit::LeadingPosition);
    m_quickAddPreview = new QLabel(box);
    m_quickAddPreview->setObjectName(u"quickAddPreview"_s);
    m_quickAddPreview->setTextFormat(Qt::PlainText);
    m_quickAddPreview->hide();
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_quickAdd);
    layout->addWidget(m_quickAddPreview);
    connect(m_quickAdd, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QuickAdd parsed = QuickAdd::parse(text);
        m_quickAddPreview->setText(text.trimmed().isEmpty() ? QString()
                                                            : tr("Return adds: %1").arg(parsed.describe()));
        m_quickAddPreview->setStyleSheet(u"color: %1;"_s.arg(TaskColors::muted(palette()).name()));
        m_quickAddPreview->setVisible(!text.trimmed().isEmpty());
    });
    connect(m_quickAdd, &QLineEdit::returnPressed, this, &TaskListPage::addQuickTask);
    m_quickAdd->installEventFilter(this);
    return box;
}

void TaskListPage::createViewList()
{
    m_views = new QListWidget(this);
    m_views->setObjectName(u"smartViewList"_s);
    m_views->setAccessibleName(tr("Views"));
    for (const SmartView view : allSmartViews) {
        auto *item = new QListWidgetItem(displayName(view), m_views);
        item->setData(Qt::UserRole, int(view));
    }
    m_views->setItemDelegate(new SmartViewDelegate(m_views));
    m_views->setCurrentRow(0);
    m_views->setMaximumWidth(260);
    m_views->setMinimumWidth(120);
    connect(m_views, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        rememberSelection();
        m_filter->setSmartView(SmartView(m_views->item(row)->data(Qt::UserRole).toInt()));
        m_settings.setSmartView(smartView());
        restoreSelection();
        updateCounts();
    });
}

void TaskListPage::createTable()
{
    m_view = new QTableView(this);
    m_view->setObjectName(u"taskView"_s);
    m_view->setModel(m_filter);
    m_delegate = new BadgeDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // A click on a selected cell edits it in place; F2 and Return open the whole task.
    m_view->setEditTriggers(QAbstractItemView::SelectedClicked);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setSortingEnabled(true);
    m_view->setTabKeyNavigation(false); // Tab leaves the table, as everywhere else
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setAccessibleName(tr("Tasks"));
    m_view->verticalHeader()->hide();
    // Fixed row heights: 10,000 rows are laid out without measuring any of them.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TaskTableModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(TaskTableModel::DoneColumn, QHeaderView::Fixed);
    fitColumns();
    m_view->sortByColumn(TaskTableModel::DueDateColumn, Qt::AscendingOrder);
    m_view->installEventFilter(this);

    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto *edit = new QShortcut(QKeySequence(key), m_view, nullptr, nullptr, Qt::WidgetShortcut);
        connect(edit, &QShortcut::activated, this, &TaskListPage::editSelectedTask);
    }
    auto *toggle = new QShortcut(QKeySequence(Qt::Key_Space), m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(toggle, &QShortcut::activated, this, &TaskListPage::toggleSelectedDone);

    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != TaskTableModel::DoneColumn)
            editSelectedTask();
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (index.isValid() && !m_view->selectionModel()->isRowSelected(index.row(), {}))
            m_view->selectRow(index.row());
        QMenu menu(this);
        menu.addAction(m_newAction);
        if (index.isValid()) {
            menu.addAction(m_editAction);
            menu.addAction(m_completeAction);
            menu.addMenu(m_statusMenu);
            menu.addMenu(m_priorityMenu);
            menu.addSeparator();
            menu.addAction(m_deleteAction);
        }
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_restoringSelection)
            rememberSelection();
        updateActions();
        emit selectionChanged();
    });
}

void TaskListPage::fitColumns()
{
    // Wide enough for the longest word of each column in the current font (badges included),
    // so no "In progre…" at any font size or in any language.
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.font = m_view->font();
    const QFontMetrics metrics(m_view->font());
    QFont bold = m_view->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    QHeaderView *header = m_view->horizontalHeader();
    const auto headerWidth = [&](int column) {
        return metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + 36;
    };
    int status = headerWidth(TaskTableModel::StatusColumn);
    for (const TaskStatus s : allStatuses)
        status = qMax(status, metrics.horizontalAdvance(displayName(s)) * 115 / 100 + 44);
    int priority = headerWidth(TaskTableModel::PriorityColumn);
    for (const TaskPriority p : allPriorities)
        priority = qMax(priority, metrics.horizontalAdvance(displayName(p)) * 115 / 100 + 44);
    const QDateTime sample(QDate(2026, 12, 30), QTime(23, 59));
    const int due = qMax(headerWidth(TaskTableModel::DueDateColumn),
                         boldMetrics.horizontalAdvance(
                             tr("Overdue · %1").arg(QLocale().toString(sample, u"d MMM yyyy, HH:mm"_s)))
                             + 24);
    const int updated = qMax(headerWidth(TaskTableModel::UpdatedColumn),
                             metrics.horizontalAdvance(tr("%1 min ago").arg(59)) + 24);
    const int assignee = qMax(headerWidth(TaskTableModel::AssigneeColumn), metrics.averageCharWidth() * 16);
    header->setMinimumSectionSize(qMin(40, metrics.height() + 12));
    header->resizeSection(TaskTableModel::DoneColumn, metrics.height() + 22);
    header->resizeSection(TaskTableModel::StatusColumn, status);
    header->resizeSection(TaskTableModel::PriorityColumn, priority);
    header->resizeSection(TaskTableModel::AssigneeColumn, assignee);
    header->resizeSection(TaskTableModel::DueDateColumn, due);
    header->resizeSection(TaskTableModel::UpdatedColumn, updated);
    m_view->verticalHeader()->setDefaultSectionSize(metrics.height() + 16);
}

void TaskListPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        fitColumns();
    QWidget::changeEvent(event);
}

void TaskListPage::restoreLayout()
{
    const QByteArray header = m_settings.tableHeaderState();
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    // A saved width never cuts a word: what the font needs now is the least.
    QHeaderView *h = m_view->horizontalHeader();
    const int columns[] = {TaskTableModel::StatusColumn, TaskTableModel::PriorityColumn,
                           TaskTableModel::AssigneeColumn, TaskTableModel::DueDateColumn,
                           TaskTableModel::UpdatedColumn};
    QList<int> saved;
    for (const int column : columns)
        saved.append(header.isEmpty() ? 0 : h->sectionSize(column));
    fitColumns();
    for (int i = 0; i < int(std::size(columns)); ++i)
        h->resizeSection(columns[i], qMax(saved[i], h->sectionSize(columns[i])));
    h->setSectionResizeMode(TaskTableModel::TitleColumn, QHeaderView::Stretch);
    m_filterBar->setQuery(m_settings.filters());
    m_filter->setQuery(m_filterBar->query());
    m_statsBar->setFiltered(m_filterBar->hasFilters());
    setSmartView(m_settings.smartView());
}

void TaskListPage::saveLayout()
{
    m_settings.setTableHeaderState(m_view->horizontalHeader()->saveState());
    m_settings.setFilters(m_filterBar->query());
    m_settings.setSmartView(smartView());
}

// ---- selection ----------------------------------------------------------------------------

QStringList TaskListPage::selectedTaskIds() const
{
    QStringList ids;
    const QModelIndex current = m_view->currentIndex();
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (current.isValid() && m_view->selectionModel()->isRowSelected(current.row(), {}))
        ids.append(current.siblingAtColumn(0).data(TaskTableModel::TaskIdRole).toString());
    for (const QModelIndex &row : rows) {
        const QString id = row.data(TaskTableModel::TaskIdRole).toString();
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

QString TaskListPage::selectedTaskId() const
{
    const QStringList ids = selectedTaskIds();
    return ids.isEmpty() ? QString() : ids.first();
}

void TaskListPage::selectTask(const QString &id)
{
    const int sourceRow = m_model->rowOf(m_store->currentId(id));
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, TaskTableModel::TitleColumn));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void TaskListPage::rememberSelection()
{
    m_selectedIds = selectedTaskIds();
}

// After a filter change the selection follows its tasks, or there is none: never another row
// that happened to land where the selected one was.
void TaskListPage::restoreSelection()
{
    m_restoringSelection = true;
    QItemSelectionModel *selection = m_view->selectionModel();
    selection->clearSelection();
    selection->clearCurrentIndex();
    bool first = true;
    for (const QString &id : std::as_const(m_selectedIds)) {
        const int sourceRow = m_model->rowOf(m_store->currentId(id));
        const QModelIndex index = sourceRow < 0 ? QModelIndex()
            : m_filter->mapFromSource(m_model->index(sourceRow, TaskTableModel::TitleColumn));
        if (!index.isValid())
            continue;
        selection->setCurrentIndex(index, (first ? QItemSelectionModel::Select : QItemSelectionModel::Select)
                                              | QItemSelectionModel::Rows);
        if (first)
            m_view->scrollTo(index);
        first = false;
    }
    m_restoringSelection = false;
    updateActions();
    emit selectionChanged();
}

void TaskListPage::setSmartView(SmartView view)
{
    for (int row = 0; row < m_views->count(); ++row) {
        if (m_views->item(row)->data(Qt::UserRole).toInt() == int(view))
            m_views->setCurrentRow(row);
    }
}

SmartView TaskListPage::smartView() const
{
    return m_filter->smartView();
}

void TaskListPage::filtersChanged()
{
    rememberSelection();
    const TaskQuery query = m_filterBar->query();
    m_filter->setQuery(query);
    m_settings.setFilters(query);
    m_statsBar->setFiltered(m_filterBar->hasFilters() || smartView() != SmartView::All);
    restoreSelection();
    updateCounts();
}

void TaskListPage::updateActions()
{
    const QStringList ids = selectedTaskIds();
    const bool any = !ids.isEmpty();
    m_editAction->setEnabled(ids.size() == 1);
    m_deleteAction->setEnabled(any);
    m_completeAction->setEnabled(any);
    m_statusMenu->setEnabled(any);
    m_priorityMenu->setEnabled(any);
    m_deleteAction->setText(ids.size() > 1 ? tr("&Delete %n Tasks…", nullptr, int(ids.size()))
                                           : tr("&Delete Task…"));
}

void TaskListPage::updateCounts()
{
    TaskStats shown;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const Task &task = m_model->taskAt(m_filter->mapToSource(m_filter->index(row, 0)).row());
        ++shown.total;
        ++shown.byStatus[std::size_t(task.status)];
        ++shown.byPriority[std::size_t(task.priority)];
        if (task.isOverdue(now))
            ++shown.overdue;
    }
    m_statsBar->setStats(shown);

    std::array<int, allSmartViews.size()> counts{};
    const SmartViewClock clock = SmartViewClock::at(now);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Task &task = m_model->taskAt(row);
        for (std::size_t i = 0; i < allSmartViews.size(); ++i) {
            if (belongsTo(task, allSmartViews[i], clock))
                ++counts[i];
        }
    }
    for (int row = 0; row < m_views->count(); ++row) {
        QListWidgetItem *item = m_views->item(row);
        const auto view = SmartView(item->data(Qt::UserRole).toInt());
        const int count = counts[std::size_t(view)];
        item->setText(displayName(view));
        item->setData(SmartViewDelegate::CountRole, QLocale().toString(count));
        item->setData(Qt::AccessibleTextRole, tr("%1: %n task(s)", nullptr, count).arg(displayName(view)));
    }
    updateEmptyLabel();
}

void TaskListPage::updateEmptyLabel()
{
    m_emptyLabel->setStyleSheet(u"color: %1; font-size: 12pt;"_s.arg(TaskColors::muted(palette()).name()));
    if (m_filter->rowCount() > 0) {
        m_emptyLabel->hide();
        return;
    }
    if (!m_store->hasLoaded() && m_model->rowCount() == 0 && m_store->isConnected())
        m_emptyLabel->setText(tr("Loading tasks …"));
    else if (!m_store->hasLoaded() && m_store->lastError().kind == ApiError::Kind::Unauthorized)
        m_emptyLabel->setText(tr("The tasks appear here once the server accepts the API token."));
    else if (!m_store->hasLoaded() && m_model->rowCount() == 0)
        m_emptyLabel->setText(tr("The tasks appear here as soon as the server answers."));
    else if (m_model->rowCount() > 0)
        m_emptyLabel->setText(tr("No task matches the filters."));
    else
        m_emptyLabel->setText(tr("No tasks yet.\nType one in the line above, or press %1.")
                                  .arg(m_newAction->shortcut().toString(QKeySequence::NativeText)));
    m_emptyLabel->show();
}

void TaskListPage::showConnectionProblem(const QString &message, const QString &hint, bool offerSettings)
{
    m_banner->showProblem(message, hint, offerSettings);
    updateEmptyLabel();
}

void TaskListPage::hideConnectionProblem()
{
    m_banner->hide();
    updateEmptyLabel();
}

// ---- keyboard -----------------------------------------------------------------------------

bool TaskListPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::FocusIn) {
        // Tabbing into the table selects a row, so Return, Space and Delete act at once.
        const auto reason = static_cast<QFocusEvent *>(event)->reason();
        if ((reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason
             || reason == Qt::ShortcutFocusReason || reason == Qt::OtherFocusReason)
            && !m_view->selectionModel()->hasSelection() && m_filter->rowCount() > 0) {
            const QModelIndex current = m_view->currentIndex().isValid()
                ? m_view->currentIndex()
                : m_filter->index(0, TaskTableModel::TitleColumn);
            m_view->selectionModel()->setCurrentIndex(
                current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    }
    if (watched == m_quickAdd && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !m_quickAdd->text().isEmpty()) {
            m_quickAdd->clear();
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            focusTable();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TaskListPage::focusSearch()
{
    m_filterBar->focusSearch();
}

void TaskListPage::focusQuickAdd()
{
    m_quickAdd->setFocus(Qt::ShortcutFocusReason);
    m_quickAdd->selectAll();
}

void TaskListPage::focusTable()
{
    m_view->setFocus(Qt::OtherFocusReason);
    if (!m_view->selectionModel()->hasSelection() && m_filter->rowCount() > 0)
        m_view->selectionModel()->setCurrentIndex(m_filter->index(0, TaskTableModel::TitleColumn),
                                                  QItemSelectionModel::ClearAndSelect
                                                      | QItemSelectionModel::Rows);
}

// ---- changes ------------------------------------------------------------------------------

void TaskListPage::pushEdit(const QString &text, const Task &before, const Task &after, bool alreadyDone)
{
    m_undo->push(new TaskUndoCommand(m_store, text, before, after, alreadyDone));
}

void TaskListPage::addQuickTask()
{
    const QuickAdd parsed = QuickAdd::parse(m_quickAdd->text());
    if (parsed.isEmpty())
        return;
    const TaskChanges changes = parsed.toChanges();
    const ValidationErrors errors = changes.validate(TaskChanges::Mode::Create);
    if (!errors.isEmpty()) {
        m_quickAddPreview->setText(tr("Not added: %1").arg(errors.first().msg));
        m_quickAddPreview->setStyleSheet(u"color: %1;"_s.arg(TaskColors::overdue(palette()).name()));
        m_quickAddPreview->show();
        return;
    }
    Task task;
    changes.applyTo(task);
    auto *command = new TaskUndoCommand(m_store, tr("Add %1").arg(quoted(task.title)), std::nullopt,
                                        task, false);
    m_undo->push(command);
    m_quickAdd->clear();
    emit statusMessage(tr("Added %1").arg(quoted(task.title)));
}

void TaskListPage::openTaskDialog(TaskDialog *dialog)
{
    // One task dialog at a time (a key that reaches two shortcuts must not open two).
    for (TaskDialog *open : findChildren<TaskDialog *>()) {
        if (open != dialog && open->isVisible()) {
            dialog->deleteLater();
            open->raise();
            open->activateWindow();
            return;
        }
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKnownAssignees(m_store->knownAssignees());
    const bool creating = dialog->mode() == TaskDialog::Mode::Create;
    const std::optional<Task> before = dialog->original();
    connect(m_store, &TaskStore::taskChangedElsewhere, dialog, [dialog](const Task &task) {
        if (task.id == dialog->taskId())
            dialog->showChangedElsewhere(task);
    });
    connect(m_store, &TaskStore::taskDeletedElsewhere, dialog, [dialog](const QString &id) {
        if (id == dialog->taskId())
            dialog->showDeletedElsewhere();
    });
    connect(dialog, &TaskDialog::saveRequested, this,
            [this, dialog, creating, before](const TaskChanges &changes) {
                const auto done = [this, dialog, creating, before](const ApiResult<TaskStore::WriteResult> &result) {
                    if (!result.ok()) {
                        const ApiError &error = result.error();
                        if (error.kind == ApiError::Kind::Validation && !error.validationErrors.isEmpty())
                            dialog->showErrors(error.validationErrors);
                        else
                            dialog->showFailure(error.message);
                        return;
                    }
                    const Task &saved = result->task;
                    if (creating)
                        m_undo->push(new TaskUndoCommand(m_store, tr("Add %1").arg(quoted(saved.title)),
                                                         std::nullopt, saved, true));
                    else
                        pushEdit(tr("Edit %1").arg(quoted(saved.title)), *before, saved, true);
                    dialog->accept();
                    selectTask(saved.id);
                    m_view->setFocus(Qt::OtherFocusReason);
                    emit statusMessage(result->outcome == TaskStore::Outcome::Queued
                                           ? tr("Saved %1 here; it goes to the server when it can be reached.")
                                                 .arg(quoted(saved.title))
                                           : (creating ? tr("Created %1") : tr("Saved %1")).arg(quoted(saved.title)));
                };
                if (creating)
                    m_store->createTask(changes, dialog, done);
                else
                    m_store->updateTask(*before, changes, dialog, done);
            });
    dialog->open();
}

void TaskListPage::newTask()
{
    openTaskDialog(new TaskDialog(this));
}

void TaskListPage::editSelectedTask()
{
    const auto task = m_store->task(selectedTaskId());
    if (!task)
        return;
    auto *dialog = new TaskDialog(this);
    dialog->setTask(*task);
    openTaskDialog(dialog);
}

void TaskListPage::applyToSelection(const QString &text, const std::function<bool(Task &)> &change)
{
    const QStringList ids = selectedTaskIds();
    QList<std::pair<Task, Task>> edits;
    for (const QString &id : ids) {
        const auto task = m_store->task(id);
        if (!task)
            continue;
        Task after = *task;
        if (change(after))
            edits.append({*task, after});
    }
    if (edits.isEmpty())
        return;
    if (edits.size() == 1) {
        pushEdit(text.arg(quoted(edits.first().first.title)), edits.first().first, edits.first().second, false);
        return;
    }
    m_undo->beginMacro(text.arg(tr("%n tasks", nullptr, int(edits.size()))));
    for (const auto &[before, after] : edits)
        pushEdit(text.arg(quoted(before.title)), before, after, false);
    m_undo->endMacro();
}

void TaskListPage::setSelectedStatus(TaskStatus status)
{
    applyToSelection(tr("Mark %1 as %2").arg(u"%1"_s, displayName(status)), [status](Task &task) {
        if (task.status == status)
            return false;
        task.status = status;
        return true;
    });
}

void TaskListPage::setSelectedPriority(TaskPriority priority)
{
    applyToSelection(tr("Set the priority of %1 to %2").arg(u"%1"_s, displayName(priority)),
                     [priority](Task &task) {
                         if (task.priority == priority)
                             return false;
                         task.priority = priority;
                         return true;
                     });
}

void TaskListPage::toggleSelectedDone()
{
    const auto first = m_store->task(selectedTaskId());
    if (!first)
        return;
    const TaskStatus status = first->status == TaskStatus::Done ? TaskStatus::Todo : TaskStatus::Done;
    setSelectedStatus(status);
}

void TaskListPage::deleteSelectedTasks()
{
    QList<Task> tasks;
    for (const QString &id : selectedTaskIds()) {
        if (const auto task = m_store->task(id))
            tasks.append(*task);
    }
    if (tasks.isEmpty())
        return;
    const QString what = tasks.size() == 1 ? quoted(tasks.first().title)
                                           : tr("%n tasks", nullptr, int(tasks.size()));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Task"), tr("Delete %1?").arg(what),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"confirmDeleteBox"_s);
    box->setInformativeText(tr("It is deleted for everyone. Edit ▸ Undo (%1) brings it back.")
                                .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    QPushButton *confirm = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmDeleteButton"_s);
    confirm->setIcon(bundledIcon(u"task-delete"_s));
    box->setDefaultButton(QMessageBox::Cancel); // Return must not delete
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, tasks, what] {
        if (box->clickedButton() != confirm)
            return;
        if (tasks.size() > 1)
            m_undo->beginMacro(tr("Delete %1").arg(what));
        for (const Task &task : tasks)
            m_undo->push(new TaskUndoCommand(m_store, tr("Delete %1").arg(quoted(task.title)), task,
                                             std::nullopt, false));
        if (tasks.size() > 1)
            m_undo->endMacro();
        emit statusMessage(tr("Deleted %1").arg(what));
        m_view->setFocus(Qt::OtherFocusReason);
    });
    box->open();
}

void TaskListPage::showConflict(const TaskStore::Conflict &conflict)
{
    auto *dialog = new ConflictDialog(conflict.base, conflict.mine, conflict.theirs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 seq = conflict.seq;
    connect(dialog, &QDialog::finished, this, [this, dialog, seq](int result) {
        if (result == QDialog::Accepted)
            m_store->resolveConflict(seq, dialog->resolution());
    });
    dialog->open();
}

void TaskListPage::showRejected(const PendingWrite &write, const ApiError &error)
{
    // What was typed comes back in the dialog, with the server's reasons next to the fields.
    auto *dialog = new TaskDialog(this);
    if (write.base)
        dialog->setTask(*write.base);
    dialog->setChanges(write.changes);
    openTaskDialog(dialog);
    if (!error.validationErrors.isEmpty())
        dialog->showErrors(error.validationErrors);
    else
        dialog->showFailure(error.message);
}

} // namespace taskflow
