#pragma once

#include <taskflow/common/task.h>
#include <taskflow/desktop/apierror.h>

#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QUndoStack;

namespace taskflow {

class ApiClient;
class ConnectionBanner;
class DashboardWidget;
class FilterBar;
class Reminders;
class ServerSession;
class Settings;
class SettingsDialog;
class StatsBar;
class TaskListPage;
class TaskStore;

// The main window only assembles: the ServerSession (server, token, stream, store), the
// TaskListPage and the dashboard in tabs, the menus, toolbar and status bar, the undo stack,
// the tray reminders, and the Settings and About dialogs.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    ServerSession *session() const { return m_session; }
    TaskListPage *page() const { return m_page; }
    QUndoStack *undoStack() const { return m_undo; }
    Reminders *reminders() const { return m_reminders; }
    TaskStore *taskStore() const;
    ApiClient *apiClient() const;
    QTableView *taskView() const;
    QSortFilterProxyModel *sortModel() const;
    FilterBar *filterBar() const;
    StatsBar *statsBar() const;
    ConnectionBanner *connectionBanner() const;
    DashboardWidget *dashboard() const { return m_dashboard; }
    QProgressBar *busyIndicator() const { return m_busy; }

    QString selectedTaskId() const;
    void selectTask(const QString &id);

public slots:
    void newTask();
    void editSelectedTask();
    void deleteSelectedTask();
    void setSelectedStatus(taskflow::TaskStatus status);
    void refresh();
    void showSettings();
    void showDashboard(bool show);
    void showAbout();
    void quit();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void connectStore();
    void restoreLayout();
    void saveLayout();
    void updateConnection();
    void updateBusy();
    void showConnectionProblem(const ApiError &error);
    void showMessage(const QString &text);
    SettingsDialog *openSettings();

    Settings &m_settings;
    ServerSession *m_session;
    QUndoStack *m_undo;
    QTabWidget *m_tabs = nullptr;
    TaskListPage *m_page = nullptr;
    DashboardWidget *m_dashboard = nullptr;
    Reminders *m_reminders = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_connectionIcon = nullptr;
    QLabel *m_connectionText = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer m_busyDelay;
    bool m_quitting = false;

    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_dashboardAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace taskflow
