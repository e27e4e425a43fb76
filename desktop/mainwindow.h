#pragma once

#include "apierror.h"
#include "task.h"

#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace taskflow {

class ApiClient;
class ConnectionBanner;
class DashboardWidget;
class FilterBar;
class Settings;
class StatsBar;
class TaskDialog;
class TaskStore;
class TaskTableModel;

// The main window: wires the task list, filters, counts, dashboard and dialogs to the
// TaskStore, and the actions (toolbar, menus, context menu, shortcuts) to them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    TaskStore *taskStore() const { return m_store; }
    ApiClient *apiClient() const { return m_api; }
    QTableView *taskView() const { return m_view; }
    QSortFilterProxyModel *sortModel() const { return m_sortModel; }
    FilterBar *filterBar() const { return m_filterBar; }
    StatsBar *statsBar() const { return m_statsBar; }
    ConnectionBanner *connectionBanner() const { return m_banner; }
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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    QWidget *createTaskPage();
    void connectStore();
    void restoreLayout();
    void saveLayout();
    void openTaskDialog(TaskDialog *dialog);
    void updateActions();
    void updateCounts();
    void updateConnection();
    void showConnectionProblem(const ApiError &error);
    void reportFailure(const QString &what, const ApiError &error);
    void applyServerUrl(const QUrl &url);

    Settings &m_settings;
    ApiClient *m_api;
    TaskTableModel *m_model;
    TaskStore *m_store;
    QSortFilterProxyModel *m_sortModel;

    QTabWidget *m_tabs = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_emptyLabel = nullptr;
    FilterBar *m_filterBar = nullptr;
    StatsBar *m_statsBar = nullptr;
    ConnectionBanner *m_banner = nullptr;
    DashboardWidget *m_dashboard = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_connectionIcon = nullptr;
    QLabel *m_connectionText = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer m_busyDelay;
    QString m_selectedId;

    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_dashboardAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QMenu *m_statusMenu = nullptr;
};

} // namespace taskflow
