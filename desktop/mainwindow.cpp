#include <taskflow/desktop/mainwindow.h>

#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/bundledicon.h>
#include <taskflow/desktop/connectionbanner.h>
#include <taskflow/desktop/dashboardwidget.h>
#include <taskflow/desktop/eventstream.h>
#include <taskflow/desktop/filterbar.h>
#include <taskflow/desktop/healthsummary.h>
#include <taskflow/desktop/reminders.h>
#include <taskflow/desktop/serversession.h>
#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/settingsdialog.h>
#include <taskflow/desktop/statsbar.h>
#include <taskflow/desktop/taskfiltermodel.h>
#include <taskflow/desktop/tasklistpage.h>
#include <taskflow/desktop/taskstore.h>
#include <taskflow/desktop/tasktablemodel.h>
#include <taskflow/desktop/tokenstore.h>
#include <taskflow/desktop/windowaction.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// A request shorter than this leaves no trace: polling every few seconds must not flicker.
constexpr int busyIndicatorDelayMs = 150;
constexpr int statusMessageMs = 6000;

} // namespace

MainWindow::MainWindow(Settings &settings, QWidget *parent)
    : QMainWindow(parent),
      m_settings(settings),
      m_session(new ServerSession(settings, this)),
      m_undo(new QUndoStack(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(bundledIcon(u"taskflow"_s));

    m_page = new TaskListPage(m_session->store(), m_session->model(), m_undo, settings, this);
    m_dashboard = new DashboardWidget(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_page, bundledIcon(u"task-edit"_s), tr("&Tasks"));
    m_tabs->addTab(m_dashboard, bundledIcon(u"dashboard"_s), tr("D&ashboard"));
    setCentralWidget(m_tabs);

    m_reminders = new Reminders(m_session->model(), this);
    m_reminders->setEnabled(settings.remindersEnabled());

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    connectStore();
    restoreLayout();
    updateConnection();

    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        m_dashboardAction->setChecked(index == 1);
    });
    connect(m_page, &TaskListPage::statusMessage, this, &MainWindow::showMessage);
    connect(m_page, &TaskListPage::retryRequested, this, &MainWindow::refresh);
    connect(m_page, &TaskListPage::settingsRequested, this, [this] { openSettings()->focusToken(); });
    connect(m_session, &ServerSession::message, this, &MainWindow::showMessage);
    connect(m_session, &ServerSession::busyChanged, this, &MainWindow::updateBusy);
    connect(m_session, &ServerSession::serverChanged, this, [this] {
        m_page->hideConnectionProblem();
        m_undo->clear(); // its commands name tasks of the other server
        updateConnection();
    });
    connect(m_reminders, &Reminders::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    m_session->start();
}

MainWindow::~MainWindow()
{
    m_session->stop();
}

TaskStore *MainWindow::taskStore() const { return m_session->store(); }
ApiClient *MainWindow::apiClient() const { return m_session->api(); }
QTableView *MainWindow::taskView() const { return m_page->view(); }
QSortFilterProxyModel *MainWindow::sortModel() const { return m_page->filterModel(); }
FilterBar *MainWindow::filterBar() const { return m_page->filterBar(); }
StatsBar *MainWindow::statsBar() const { return m_page->statsBar(); }
ConnectionBanner *MainWindow::connectionBanner() const { return m_page->banner(); }
QString MainWindow::selectedTaskId() const { return m_page->selectedTaskId(); }
void MainWindow::selectTask(const QString &id) { m_page->selectTask(id); }
void MainWindow::newTask() { m_page->newTask(); }
void MainWindow::editSelectedTask() { m_page->editSelectedTask(); }
void MainWindow::deleteSelectedTask() { m_page->deleteSelectedTasks(); }
void MainWindow::setSelectedStatus(TaskStatus status) { m_page->setSelectedStatus(status); }
void MainWindow::refresh() { m_session->store()->refresh(); }

void MainWindow::createActions()
{
    m_undoAction = m_undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(u"undoAction"_s);
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = m_undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(u"redoAction"_s);
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)))
        redoKeys.append(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_redoAction->setShortcuts(redoKeys);
    addAction(m_undoAction);
    addAction(m_redoAction);

    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    refreshKeys.append(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_refreshAction = addWindowAction(this, u"refreshAction"_s, u"view-refresh"_s, tr("&Refresh"),
                                      refreshKeys, tr("Load the tasks from the server now"),
                                      &MainWindow::refresh);
    m_dashboardAction = addWindowAction(this, u"dashboardAction"_s, u"dashboard"_s, tr("&Dashboard"),
                                        {QKeySequence(Qt::CTRL | Qt::Key_D)},
                                        tr("Charts of the tasks by status and priority"),
                                        [this] { showDashboard(m_dashboardAction->isChecked()); });
    m_dashboardAction->setCheckable(true);
    QList<QKeySequence> settingsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (settingsKeys.isEmpty())
        settingsKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction = addWindowAction(this, u"settingsAction"_s, u"settings"_s, tr("&Settings…"),
                                       settingsKeys, tr("Server, language, look and reminders"),
                                       &MainWindow::showSettings);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_aboutAction = addWindowAction(this, u"aboutAction"_s, u"help-about"_s, tr("&About TaskFlow"), {},
                                    tr("Version and credits"), &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_quitAction = addWindowAction(this, u"quitAction"_s, QString(), tr("&Quit"), {QKeySequence::Quit},
                                   tr("Close TaskFlow"), &MainWindow::quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    // The page's own actions act from anywhere in the window.
    for (QAction *action : {m_page->newAction(), m_page->quickAddAction(), m_page->editAction(),
                            m_page->completeAction(), m_page->deleteAction(), m_page->findAction()}) {
        addAction(action);
        connect(action, &QAction::triggered, this, [this] { m_tabs->setCurrentIndex(0); });
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_page->newAction());
    file->addAction(m_page->quickAddAction());
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(u"editMenu"_s);
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_page->editAction());
    edit->addAction(m_page->completeAction());
    edit->addMenu(m_page->statusMenu());
    edit->addMenu(m_page->priorityMenu());
    edit->addAction(m_page->deleteAction());
    edit->addSeparator();
    edit->addAction(m_page->findAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_dashboardAction);
    view->addSeparator();
    int number = 1;
    for (const SmartView smart : allSmartViews) {
        QAction *action = view->addAction(displayName(smart));
        action->setObjectName(u"view_"_s + settingsName(smart));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number++)));
        connect(action, &QAction::triggered, this, [this, smart] {
            m_tabs->setCurrentIndex(0);
            m_page->setSmartView(smart);
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    auto *trayMenu = new QMenu(this);
    trayMenu->addAction(tr("&Show TaskFlow"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    trayMenu->addAction(m_page->newAction());
    trayMenu->addSeparator();
    trayMenu->addAction(m_quitAction);
    m_reminders->setMenu(trayMenu);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(20, 20));
    toolBar->addAction(m_page->newAction());
    toolBar->addAction(m_page->editAction());
    toolBar->addAction(m_page->deleteAction());
    toolBar->addSeparator();
    toolBar->addAction(m_undoAction);
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

    const auto updateCount = [this] {
        const int shown = m_page->filterModel()->rowCount();
        m_countLabel->setText(tr("%n task(s) shown", nullptr, shown));
    };
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_page->filterModel(), signal, this, updateCount);
    connect(m_page->filterModel(), &QAbstractItemModel::modelReset, this, updateCount);
    connect(m_page->filterModel(), &QAbstractItemModel::layoutChanged, this, updateCount);
    updateCount();
}

void MainWindow::updateBusy()
{
    if (m_session->isBusy()) {
        if (m_busy->isHidden() && !m_busyDelay.isActive())
            m_busyDelay.start();
    } else {
        m_busyDelay.stop();
        m_busy->hide();
    }
}

void MainWindow::connectStore()
{
    TaskStore *store = m_session->store();
    connect(store, &TaskStore::statsChanged, m_dashboard, &DashboardWidget::setStats);
    connect(store, &TaskStore::refreshed, this, &MainWindow::updateConnection);
    connect(store, &TaskStore::liveChanged, this, &MainWindow::updateConnection);
    connect(store, &TaskStore::pendingChanged, this, &MainWindow::updateConnection);
    connect(store, &TaskStore::refreshFailed, this, &MainWindow::showConnectionProblem);
    connect(store, &TaskStore::refreshRecovered, this, [this] {
        m_page->hideConnectionProblem();
        updateConnection();
        showMessage(tr("Connected again to %1").arg(m_session->serverUrl().toDisplayString()));
    });
    connect(store, &TaskStore::refreshed, m_reminders, &Reminders::check);
}

void MainWindow::restoreLayout()
{
    if (!restoreGeometry(m_settings.windowGeometry())) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(qMin(1240, available.width() - 40), qMin(780, available.height() - 40));
    }
    restoreState(m_settings.windowState());
    m_page->restoreLayout();
}

void MainWindow::saveLayout()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_page->saveLayout();
    m_settings.sync();
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
    if (m_settings.keepInTray())
        QApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (!m_quitting && m_settings.keepInTray() && m_reminders->isAvailable()) {
        hide();
        m_reminders->trayIcon()->showMessage(tr("TaskFlow keeps running"),
                                             tr("Reminders keep coming. Quit from this icon's menu."),
                                             QSystemTrayIcon::Information, 4000);
        event->ignore();
        return;
    }
    m_session->stop();
    event->accept();
}

void MainWindow::updateConnection()
{
    const QString server = m_session->serverUrl().toDisplayString();
    TaskStore *store = m_session->store();
    const bool ok = store->isConnected();
    m_connectionIcon->setPixmap(bundledIcon(ok ? u"connection-ok"_s : u"connection-error"_s).pixmap(16, 16));
    QString text;
    if (ok && store->isLive())
        text = tr("Connected to %1 · live").arg(server);
    else if (ok)
        text = tr("Connected to %1 · checking every %n s", nullptr,
                  int(store->pollInterval().count() / 1000)).arg(server);
    else if (store->lastError().kind == ApiError::Kind::Unauthorized)
        text = tr("No access to %1 (API token)").arg(server);
    else
        text = tr("Offline: %1").arg(server);
    if (store->pendingCount() > 0)
        text += u" · "_s + tr("%n change(s) not sent yet", nullptr, store->pendingCount());
    m_connectionText->setText(text);
    // Qt adds " — TaskFlow" (the application display name) where the platform expects it.
    setWindowTitle(m_session->serverUrl().authority());
}

void MainWindow::showConnectionProblem(const ApiError &error)
{
    TaskStore *store = m_session->store();
    if (error.kind == ApiError::Kind::Unauthorized) {
        // Retrying will not help until the token changes: the banner points to Settings.
        m_page->showConnectionProblem(error.message,
                                      store->hasLoaded() || store->pendingCount() > 0
                                          ? tr("Showing the tasks as they were last received.")
                                          : tr("The server's administrator can give you a token."),
                                      true);
        updateConnection();
        return;
    }
    const int seconds = int(store->pollInterval().count() / 1000);
    QString hint = m_session->model()->rowCount() > 0
        ? tr("Showing the tasks as they were last received; you can keep working. Trying again every %n s.",
             nullptr, seconds)
        : tr("Is the server running? Check the address in Settings. Trying again every %n s.", nullptr, seconds);
    if (store->pendingCount() > 0)
        hint += u' ' + tr("%n change(s) will be sent when it is back.", nullptr, store->pendingCount());
    m_page->showConnectionProblem(error.message, hint, false);
    updateConnection();
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, statusMessageMs);
}

void MainWindow::showDashboard(bool show)
{
    m_tabs->setCurrentIndex(show ? 1 : 0);
}

void MainWindow::showSettings()
{
    openSettings();
}

SettingsDialog *MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    ApiClient *api = m_session->api();
    connect(dialog, &SettingsDialog::tokenWanted, this, [this, dialog](const QUrl &server) {
        m_session->tokens()->readToken(server, dialog, [dialog, server](const TokenStore::Outcome &result) {
            dialog->showStoredToken(server, result);
        });
    });
    // /health first; if the server answers at all, what it makes of the token typed.
    connect(dialog, &SettingsDialog::testConnectionRequested, this,
            [api, dialog](const QUrl &url, const QByteArray &token) {
                api->checkHealth(url, dialog, [api, dialog, url, token](const ApiResult<ServerHealth> &result) {
                    if (!result.ok())
                        return dialog->showConnectionResult(false, result.error().message);
                    dialog->showConnectionResult(result->healthy, healthSummary(result.value()));
                    api->checkToken(url, token, dialog, [dialog](const ApiResult<ApiClient::TokenCheck> &check) {
                        dialog->showTokenCheck(check);
                    });
                });
            });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QUrl url = dialog->serverUrl();
        m_settings.setServerUrl(url);
        m_settings.setRefreshInterval(dialog->refreshInterval());
        m_settings.setLanguage(dialog->language());
        m_settings.setTheme(dialog->theme());
        m_settings.setKeepInTray(dialog->keepInTray());
        m_settings.setRemindersEnabled(dialog->remindersEnabled());
        m_settings.sync();
        m_reminders->setEnabled(dialog->remindersEnabled());
        m_session->store()->setPollInterval(dialog->refreshInterval());
        if (dialog->isTokenEdited())
            m_session->saveToken(url, dialog->token());
        // Not known yet (still being read): the session reads it itself.
        m_session->useServer(url, dialog->isTokenKnown() ? std::optional(dialog->token()) : std::nullopt);
        updateConnection();
    });
    dialog->setServerUrl(m_session->serverUrl());
    dialog->setRefreshInterval(
        std::chrono::duration_cast<std::chrono::seconds>(m_session->store()->pollInterval()));
    dialog->setLanguage(m_settings.language());
    dialog->setTheme(m_settings.theme());
    dialog->setKeepInTray(m_settings.keepInTray(), m_reminders->isAvailable());
    dialog->setRemindersEnabled(m_settings.remindersEnabled());
    dialog->open();
    return dialog;
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setObjectName(u"aboutBox"_s);
    box.setWindowTitle(tr("About TaskFlow"));
    box.setIconPixmap(bundledIcon(u"taskflow"_s).pixmap(64, 64));
    box.setText(tr("<h3>TaskFlow %1</h3><p>Your tasks, in a fast native window.</p>")
                    .arg(QStringLiteral(TASKFLOW_VERSION)));
    box.setInformativeText(tr("Server: %1<br>Built with Qt %2, running on Qt %3.")
                               .arg(m_session->serverUrl().toDisplayString().toHtmlEscaped(),
                                    QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

} // namespace taskflow
