#include <taskflow/desktop/mainwindow.h>

#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/badgedelegate.h>
#include <taskflow/desktop/connectionbanner.h>
#include <taskflow/desktop/dashboardwidget.h>
#include <taskflow/desktop/filterbar.h>
#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/settingsdialog.h>
#include <taskflow/desktop/statsbar.h>
#include <taskflow/desktop/taskdialog.h>
#include <taskflow/desktop/taskstore.h>
#include <taskflow/desktop/tasktablemodel.h>
#include <taskflow/desktop/tokenstore.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// A request shorter than this leaves no trace: polling every few seconds must not flicker.
constexpr int busyIndicatorDelayMs = 150;
constexpr int statusMessageMs = 6000;

QIcon icon(const QString &name)
{
    return QIcon(u":/icons/"_s + name + u".svg"_s);
}

QString quoted(const QString &title)
{
    return u"“"_s + title + u"”"_s;
}

} // namespace

MainWindow::MainWindow(Settings &settings, QWidget *parent)
    : QMainWindow(parent),
      m_settings(settings),
      m_api(new ApiClient(this)),
      m_model(new TaskTableModel(this)),
      m_store(new TaskStore(m_api, m_model, this)),
      m_sortModel(new QSortFilterProxyModel(this)),
      m_tokens(new TokenStore(settings, this))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(icon(u"taskflow"_s));
    m_api->setBaseUrl(settings.serverUrl());
    m_store->setPollInterval(settings.refreshInterval());

    m_sortModel->setSourceModel(m_model);
    m_sortModel->setSortRole(TaskTableModel::SortRole);
    m_sortModel->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_sortModel->setSortLocaleAware(true);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createTaskPage(), icon(u"task-edit"_s), tr("Tasks"));
    m_dashboard = new DashboardWidget(this);
    m_tabs->addTab(m_dashboard, icon(u"dashboard"_s), tr("Dashboard"));
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        m_dashboardAction->setChecked(index == 1);
        updateActions();
    });

    connectStore();
    restoreLayout();
    updateActions();
    updateConnection();
    updateCounts();

    loadStoredToken(); // the first refresh waits for it
    m_store->setQuery(m_filterBar->query());
    m_store->startPolling();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createTaskPage()
{
    auto *page = new QWidget(this);
    m_banner = new ConnectionBanner(page);
    m_filterBar = new FilterBar(page);
    m_statsBar = new StatsBar(page);

    m_view = new QTableView(page);
    m_view->setObjectName(u"taskView"_s);
    m_view->setModel(m_sortModel);
    m_view->setItemDelegate(new BadgeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setSortingEnabled(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setAccessibleName(tr("Tasks"));
    m_view->verticalHeader()->hide();
    // Fixed row heights: 10,000 rows are laid out without measuring any of them.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 16);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TaskTableModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(TaskTableModel::StatusColumn, 130);
    header->resizeSection(TaskTableModel::PriorityColumn, 100);
    header->resizeSection(TaskTableModel::AssigneeColumn, 130);
    header->resizeSection(TaskTableModel::DueDateColumn, 230);
    header->resizeSection(TaskTableModel::UpdatedColumn, 120);
    header->setMinimumSectionSize(60);
    m_view->sortByColumn(TaskTableModel::DueDateColumn, Qt::AscendingOrder);

    m_emptyLabel = new QLabel(page);
    m_emptyLabel->setObjectName(u"emptyLabel"_s);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setStyleSheet(u"color: #6b7280; font-size: 12pt;"_s);
    m_emptyLabel->setAttribute(Qt::WA_TransparentForMouseEvents);

    // Return on a row edits it, as double-click does.
    auto *editOnReturn = new QShortcut(QKeySequence(Qt::Key_Return), m_view, nullptr, nullptr,
                                       Qt::WidgetShortcut);
    connect(editOnReturn, &QShortcut::activated, this, &MainWindow::editSelectedTask);
    auto *editOnEnter = new QShortcut(QKeySequence(Qt::Key_Enter), m_view, nullptr, nullptr,
                                      Qt::WidgetShortcut);
    connect(editOnEnter, &QShortcut::activated, this, &MainWindow::editSelectedTask);

    connect(m_view, &QTableView::doubleClicked, this, &MainWindow::editSelectedTask);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (index.isValid())
            m_view->selectRow(index.row());
        QMenu menu(this);
        menu.addAction(m_newAction);
        if (index.isValid()) {
            menu.addAction(m_editAction);
            menu.addMenu(m_statusMenu);
            menu.addSeparator();
            menu.addAction(m_deleteAction);
        }
        menu.addSeparator();
        menu.addAction(m_refreshAction);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QString id = selectedTaskId();
        if (!id.isEmpty())
            m_selectedId = id;
        updateActions();
    });
    // Rows are updated in place, so the selection survives a refresh by itself; a reset (a
    // new filter that removed thousands of rows) is the exception and gets it back here.
    connect(m_sortModel, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_selectedId.isEmpty())
            selectTask(m_selectedId);
    });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_sortModel, signal, this, &MainWindow::updateCounts);
    }
    connect(m_sortModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);

    auto *tableArea = new QGridLayout;
    tableArea->addWidget(m_view, 0, 0);
    tableArea->addWidget(m_emptyLabel, 0, 0);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(10, 8, 10, 4);
    layout->setSpacing(8);
    layout->addWidget(m_banner);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_statsBar);
    layout->addLayout(tableArea, 1);

    connect(m_banner, &ConnectionBanner::retryRequested, this, &MainWindow::refresh);
    connect(m_banner, &ConnectionBanner::settingsRequested, this,
            [this] { openSettings()->focusToken(); });
    connect(m_filterBar, &FilterBar::queryChanged, this, [this](const TaskQuery &query) {
        m_store->setQuery(query);
        m_settings.setFilters(query);
        m_statsBar->setFiltered(m_filterBar->hasFilters());
        updateCounts();
    });
    return page;
}

void MainWindow::createActions()
{
    const auto make = [this](const QString &objectName, const QString &iconName,
                             const QString &text, const QList<QKeySequence> &keys,
                             const QString &tip, auto slot) {
        auto *action = new QAction(iconName.isEmpty() ? QIcon() : icon(iconName), text, this);
        action->setObjectName(objectName);
        action->setShortcuts(keys);
        const QString keyText = keys.isEmpty() ? QString()
                                               : keys.first().toString(QKeySequence::NativeText);
        action->setToolTip(keyText.isEmpty() ? tip : u"%1 (%2)"_s.arg(tip, keyText));
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        addAction(action); // shortcuts work even with the toolbar hidden
        return action;
    };
    m_newAction = make(u"newTaskAction"_s, u"task-new"_s, tr("&New Task…"),
                       {QKeySequence::New}, tr("Create a task"), &MainWindow::newTask);
    m_editAction = make(u"editTaskAction"_s, u"task-edit"_s, tr("&Edit Task…"),
                        {QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(Qt::Key_F2)},
                        tr("Edit the selected task"), &MainWindow::editSelectedTask);
    m_deleteAction = make(u"deleteTaskAction"_s, u"task-delete"_s, tr("&Delete Task…"),
                          {QKeySequence::Delete}, tr("Delete the selected task"),
                          &MainWindow::deleteSelectedTask);
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    refreshKeys.append(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_refreshAction = make(u"refreshAction"_s, u"view-refresh"_s, tr("&Refresh"), refreshKeys,
                           tr("Load the tasks from the server now"), &MainWindow::refresh);
    m_findAction = make(u"findAction"_s, u"edit-find"_s, tr("&Find…"), {QKeySequence::Find},
                        tr("Search the tasks"), [this] {
                            m_tabs->setCurrentIndex(0);
                            m_filterBar->focusSearch();
                        });
    m_dashboardAction = make(u"dashboardAction"_s, u"dashboard"_s, tr("&Dashboard"),
                             {QKeySequence(Qt::CTRL | Qt::Key_D)},
                             tr("Charts of the tasks by status and priority"),
                             [this] { showDashboard(m_dashboardAction->isChecked()); });
    m_dashboardAction->setCheckable(true);
    QList<QKeySequence> settingsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (settingsKeys.isEmpty())
        settingsKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction = make(u"settingsAction"_s, u"settings"_s, tr("&Settings…"), settingsKeys,
                            tr("Server address and refresh interval"), &MainWindow::showSettings);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_aboutAction = make(u"aboutAction"_s, u"help-about"_s, tr("&About TaskFlow"), {},
                         tr("Version and credits"), &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_quitAction = make(u"quitAction"_s, QString(), tr("&Quit"), {QKeySequence::Quit},
                        tr("Close TaskFlow"), &MainWindow::close);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_statusMenu = new QMenu(tr("&Mark as"), this);
    m_statusMenu->setObjectName(u"statusMenu"_s);
    for (const TaskStatus status : allStatuses) {
        QAction *action = m_statusMenu->addAction(displayName(status));
        action->setObjectName(u"markAs_"_s + toApi(status));
        connect(action, &QAction::triggered, this, [this, status] { setSelectedStatus(status); });
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_editAction);
    edit->addMenu(m_statusMenu);
    edit->addAction(m_deleteAction);
    edit->addSeparator();
    edit->addAction(m_findAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_dashboardAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(20, 20));
    toolBar->addAction(m_newAction);
    toolBar->addAction(m_editAction);
    toolBar->addAction(m_deleteAction);
    toolBar->addSeparator();
    toolBar->addAction(m_refreshAction);
    toolBar->addAction(m_dashboardAction);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_settingsAction);
    toolBar->addAction(m_aboutAction);
}

void MainWindow::createStatusBar()
{
    m_connectionIcon = new QLabel(this);
    m_connectionIcon->setObjectName(u"connectionIcon"_s);
    m_connectionText = new QLabel(this);
    m_connectionText->setObjectName(u"connectionText"_s);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"countLabel"_s);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"busyIndicator"_s);
    m_busy->setRange(0, 0);
    m_busy->setMaximumSize(110, 14);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Talking to the server"));
    m_busy->hide();

    statusBar()->addWidget(m_connectionIcon);
    statusBar()->addWidget(m_connectionText);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_countLabel);

    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(busyIndicatorDelayMs);
    connect(&m_busyDelay, &QTimer::timeout, m_busy, &QWidget::show);
    connect(m_api, &ApiClient::busyChanged, this, &MainWindow::updateBusy);
}

void MainWindow::updateBusy()
{
    if (m_api->isBusy() || m_readingToken) {
        if (m_busy->isHidden() && !m_busyDelay.isActive())
            m_busyDelay.start();
    } else {
        m_busyDelay.stop();
        m_busy->hide();
    }
}

void MainWindow::connectStore()
{
    connect(m_store, &TaskStore::statsChanged, this, [this](const TaskStats &stats) {
        m_statsBar->setStats(stats);
        m_dashboard->setStats(stats);
    });
    connect(m_store, &TaskStore::refreshed, this, [this] {
        updateCounts();
        updateConnection();
    });
    connect(m_store, &TaskStore::refreshFailed, this, &MainWindow::showConnectionProblem);
    connect(m_store, &TaskStore::refreshRecovered, this, [this] {
        m_banner->hide();
        updateConnection();
        statusBar()->showMessage(tr("Connected again to %1").arg(m_api->baseUrl().toDisplayString()),
                                 statusMessageMs);
    });
    connect(m_store, &TaskStore::knownAssigneesChanged, m_filterBar, &FilterBar::setKnownAssignees);
}

void MainWindow::restoreLayout()
{
    if (!restoreGeometry(m_settings.windowGeometry())) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(qMin(1200, available.width() - 40), qMin(760, available.height() - 40));
    }
    restoreState(m_settings.windowState());
    const QByteArray header = m_settings.tableHeaderState();
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    m_filterBar->setQuery(m_settings.filters());
    m_statsBar->setFiltered(m_filterBar->hasFilters());
}

void MainWindow::saveLayout()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setTableHeaderState(m_view->horizontalHeader()->saveState());
    m_settings.setFilters(m_filterBar->query());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    m_store->stopPolling();
    event->accept();
}

QString MainWindow::selectedTaskId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(TaskTableModel::TaskIdRole).toString();
}

void MainWindow::selectTask(const QString &id)
{
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_sortModel->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void MainWindow::updateActions()
{
    const bool onTasks = m_tabs && m_tabs->currentIndex() == 0;
    const bool hasSelection = onTasks && !selectedTaskId().isEmpty();
    m_editAction->setEnabled(hasSelection);
    m_deleteAction->setEnabled(hasSelection);
    m_statusMenu->setEnabled(hasSelection);
}

void MainWindow::updateCounts()
{
    const int shown = m_sortModel->rowCount();
    m_countLabel->setText(shown == 1 ? tr("1 task shown") : tr("%1 tasks shown").arg(shown));
    if (shown > 0 || !m_emptyLabel) {
        if (m_emptyLabel)
            m_emptyLabel->hide();
        return;
    }
    if (!m_store->hasLoaded() && m_store->isConnected())
        m_emptyLabel->setText(tr("Loading tasks from %1 …").arg(m_api->baseUrl().toDisplayString()));
    else if (!m_store->hasLoaded() && m_store->lastError().kind == ApiError::Kind::Unauthorized)
        m_emptyLabel->setText(tr("The tasks appear here once the server accepts the API token."));
    else if (!m_store->hasLoaded())
        m_emptyLabel->setText(tr("The tasks appear here as soon as the server answers."));
    else if (m_filterBar->hasFilters())
        m_emptyLabel->setText(tr("No task matches the filters."));
    else
        m_emptyLabel->setText(tr("No tasks yet.\nPress %1 to create one.")
                                  .arg(m_newAction->shortcut().toString(QKeySequence::NativeText)));
    m_emptyLabel->show();
}

void MainWindow::updateConnection()
{
    const QString server = m_api->baseUrl().toDisplayString();
    const bool ok = m_store->isConnected();
    m_connectionIcon->setPixmap(
        icon(ok ? u"connection-ok"_s : u"connection-error"_s).pixmap(16, 16));
    if (ok)
        m_connectionText->setText(tr("Connected to %1").arg(server));
    else if (m_store->lastError().kind == ApiError::Kind::Unauthorized)
        m_connectionText->setText(tr("No access to %1 (API token)").arg(server));
    else
        m_connectionText->setText(tr("Offline: %1").arg(server));
    // Qt adds " — TaskFlow" (the application display name) where the platform expects it.
    setWindowTitle(m_api->baseUrl().authority());
}

void MainWindow::showConnectionProblem(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Unauthorized) {
        // Retrying will not help until the token changes: the banner points to Settings.
        m_banner->showProblem(error.message,
                              m_store->hasLoaded()
                                  ? tr("Showing the tasks as they were last received.")
                                  : tr("The server's administrator can give you a token."),
                              true);
        updateConnection();
        updateCounts();
        return;
    }
    const int seconds = int(m_store->pollInterval().count() / 1000);
    const QString hint = m_store->hasLoaded()
        ? tr("Showing the tasks as they were last received. Trying again every %1 s.").arg(seconds)
        : tr("Is the server running? Check the address in Settings. Trying again every %1 s.").arg(seconds);
    m_banner->showProblem(error.message, hint);
    updateConnection();
    updateCounts();
}

void MainWindow::reportFailure(const QString &what, const ApiError &error)
{
    statusBar()->showMessage(what + u' ' + error.message, statusMessageMs * 2);
    if (error.isConnectionProblem() || error.kind == ApiError::Kind::Unauthorized)
        m_store->refresh(); // brings up the banner with its Retry (or Settings) button
}

void MainWindow::refresh()
{
    m_store->refresh();
}

void MainWindow::openTaskDialog(TaskDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKnownAssignees(m_store->knownAssignees());
    const bool creating = dialog->mode() == TaskDialog::Mode::Create;
    const QString id = dialog->taskId();
    connect(dialog, &TaskDialog::saveRequested, this,
            [this, dialog, creating, id](const TaskChanges &changes) {
                const auto done = [this, dialog, creating](const ApiResult<Task> &result) {
                    if (result.ok()) {
                        dialog->accept();
                        selectTask(result.value.id);
                        statusBar()->showMessage(
                            (creating ? tr("Created %1") : tr("Saved %1")).arg(quoted(result.value.title)),
                            statusMessageMs);
                        return;
                    }
                    const ApiError &error = result.error;
                    if (error.kind == ApiError::Kind::Validation && !error.validationErrors.isEmpty()) {
                        dialog->showErrors(error.validationErrors);
                    } else if (error.isConnectionProblem()) {
                        dialog->showFailure(error.message + u"\n"_s
                                            + tr("Nothing was lost: press Save to try again."));
                    } else {
                        dialog->showFailure(error.message);
                    }
                };
                if (creating)
                    m_store->createTask(changes, dialog, done);
                else
                    m_store->updateTask(id, changes, dialog, done);
            });
    dialog->open();
}

void MainWindow::newTask()
{
    openTaskDialog(new TaskDialog(this));
}

void MainWindow::editSelectedTask()
{
    const auto task = m_model->taskById(selectedTaskId());
    if (!task)
        return;
    auto *dialog = new TaskDialog(this);
    dialog->setTask(*task);
    openTaskDialog(dialog);
}

void MainWindow::deleteSelectedTask()
{
    const auto task = m_model->taskById(selectedTaskId());
    if (!task)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Task"),
                                tr("Delete the task %1?").arg(quoted(task->title)),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"confirmDeleteBox"_s);
    box->setInformativeText(tr("This cannot be undone, and it is deleted for everyone."));
    QPushButton *confirm = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmDeleteButton"_s);
    confirm->setIcon(icon(u"task-delete"_s));
    box->setDefaultButton(QMessageBox::Cancel); // Return must not delete
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = task->id;
    const QString title = task->title;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, id, title] {
        if (box->clickedButton() != confirm)
            return;
        m_store->deleteTask(id, this, [this, title](const ApiResult<QString> &result) {
            if (result.ok() || result.error.kind == ApiError::Kind::NotFound)
                statusBar()->showMessage(tr("Deleted %1").arg(quoted(title)), statusMessageMs);
            else
                reportFailure(tr("Could not delete %1:").arg(quoted(title)), result.error);
        });
    });
    box->open();
}

void MainWindow::setSelectedStatus(TaskStatus status)
{
    const auto task = m_model->taskById(selectedTaskId());
    if (!task || task->status == status)
        return;
    TaskChanges changes;
    changes.status = status;
    m_store->updateTask(task->id, changes, this, [this](const ApiResult<Task> &result) {
        if (result.ok())
            statusBar()->showMessage(tr("%1 is now %2")
                                         .arg(quoted(result.value.title), displayName(result.value.status)),
                                     statusMessageMs);
        else
            reportFailure(tr("Could not change the status:"), result.error);
    });
}

void MainWindow::showDashboard(bool show)
{
    m_tabs->setCurrentIndex(show ? 1 : 0);
}

void MainWindow::useServer(const QUrl &url, const std::optional<QByteArray> &token)
{
    const bool serverChanged = url != m_api->baseUrl();
    if (!serverChanged && token && *token == m_api->token())
        return;
    if (serverChanged) {
        m_api->abortAll();
        m_api->setBaseUrl(url);
    }
    if (token)
        applyToken(*token);
    else
        loadStoredToken();
    m_banner->hide();
    m_store->reload(); // what was shown came from another server, or with another token
    updateConnection();
}

void MainWindow::loadStoredToken()
{
    if (!m_tokens->mayHoldToken(m_api->baseUrl()))
        return applyToken({}); // no need to wake the credential store
    const quint64 read = ++m_tokenRead;
    m_api->setToken({});
    m_store->setHeld(true);
    m_readingToken = true;
    updateBusy();
    m_tokens->readToken(m_api->baseUrl(), this, [this, read](const TokenStore::Result &result) {
        if (read != m_tokenRead)
            return; // another server or token was chosen meanwhile
        if (!result.ok())
            statusBar()->showMessage(tr("Could not read the API token: %1").arg(result.error),
                                     statusMessageMs * 2);
        applyToken(result.token);
    });
}

void MainWindow::applyToken(const QByteArray &token)
{
    ++m_tokenRead; // a read still running was for an earlier choice
    m_api->setToken(token);
    m_readingToken = false;
    updateBusy();
    m_store->setHeld(false);
}

void MainWindow::saveToken(const QUrl &server, const QByteArray &token)
{
    m_tokens->writeToken(server, token, this, [this](const TokenStore::Result &result) {
        if (!result.ok())
            statusBar()->showMessage(
                tr("The API token is used until TaskFlow quits, but was not saved: %1").arg(result.error),
                statusMessageMs * 2);
        else if (!result.notice.isEmpty())
            statusBar()->showMessage(result.notice, statusMessageMs * 2);
    });
}

void MainWindow::showSettings()
{
    openSettings();
}

SettingsDialog *MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::tokenWanted, this, [this, dialog](const QUrl &server) {
        m_tokens->readToken(server, dialog, [dialog, server](const TokenStore::Result &result) {
            dialog->showStoredToken(server, result);
        });
    });
    // /health first; if the server answers at all, what it makes of the token typed.
    connect(dialog, &SettingsDialog::testConnectionRequested, this,
            [this, dialog](const QUrl &url, const QByteArray &token) {
                const auto showTokenCheck = [dialog](const ApiResult<ApiClient::TokenCheck> &check) {
                    dialog->showTokenCheck(check);
                };
                m_api->checkHealth(url, dialog, [this, dialog, url, token, showTokenCheck](
                                                    const ApiResult<ServerHealth> &result) {
                    if (!result.ok())
                        return dialog->showConnectionResult(false, result.error.message);
                    dialog->showConnectionResult(result.value.healthy, result.value.summary());
                    m_api->checkToken(url, token, dialog, showTokenCheck);
                });
            });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QUrl url = dialog->serverUrl();
        m_settings.setServerUrl(url);
        m_settings.setRefreshInterval(dialog->refreshInterval());
        m_settings.sync();
        m_store->setPollInterval(dialog->refreshInterval());
        if (dialog->isTokenEdited())
            saveToken(url, dialog->token());
        // Not known yet (still being read): the window reads it itself.
        useServer(url, dialog->isTokenKnown() ? std::optional(dialog->token()) : std::nullopt);
    });
    dialog->setServerUrl(m_api->baseUrl());
    dialog->setRefreshInterval(std::chrono::duration_cast<std::chrono::seconds>(m_store->pollInterval()));
    dialog->open();
    return dialog;
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setObjectName(u"aboutBox"_s);
    box.setWindowTitle(tr("About TaskFlow"));
    box.setIconPixmap(icon(u"taskflow"_s).pixmap(64, 64));
    box.setText(tr("<h3>TaskFlow %1</h3><p>Your tasks, in a fast native window.</p>")
                    .arg(QStringLiteral(TASKFLOW_VERSION)));
    box.setInformativeText(tr("Server: %1<br>Built with Qt %2, running on Qt %3.")
                               .arg(m_api->baseUrl().toDisplayString().toHtmlEscaped(),
                                    QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

} // namespace taskflow
