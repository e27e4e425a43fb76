#pragma once

#include <taskflow/desktop/apierror.h>
#include <taskflow/common/task.h>

#include <QByteArray>
#include <QMainWindow>
#include <QTimer>

#include <optional>

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
class SettingsDialog;
class StatsBar;
class TaskDialog;
class TaskStore;
class TaskTableModel;
class TokenStore;

// The main window: wires the task list, filters, counts, dashboard and dialogs to the
// TaskStore, and the actions (toolbar, menus, context menu, shortcuts) to them. The API token
// comes from the TokenStore before the first request goes out.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    TaskStore *taskStore() const { return m_store; }
    TokenStore *tokenStore() const { return m_tokens; }
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
    void updateBusy();
    void showConnectionProblem(const ApiError &error);
    void reportFailure(const QString &what, const ApiError &error);
    SettingsDialog *openSettings();
    // Talks to `url` from now on, with `token`, or with the one stored for it when nullopt.
    void useServer(const QUrl &url, const std::optional<QByteArray> &token);
    // Reads the token stored for the server; no request goes out meanwhile.
    void loadStoredToken();
    void applyToken(const QByteArray &token);
    void saveToken(const QUrl &server, const QByteArray &token);

    Settings &m_settings;
    ApiClient *m_api;
    TaskTableModel *m_model;
    TaskStore *m_store;
    QSortFilterProxyModel *m_sortModel;
    TokenStore *m_tokens;
    bool m_readingToken = false;
    quint64 m_tokenRead = 0; // numbers the token reads: only the last one counts

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
