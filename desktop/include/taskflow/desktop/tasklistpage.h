#pragma once

#include <taskflow/common/task.h>
#include <taskflow/desktop/apierror.h>
#include <taskflow/desktop/smartview.h>
#include <taskflow/desktop/taskstore.h>

#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QTableView;
class QUndoStack;

namespace taskflow {

class BadgeDelegate;
class ConnectionBanner;
class FilterBar;
class Settings;
class StatsBar;
class TaskDialog;
class TaskFilterModel;
class TaskTableModel;

// The task page: the quick-add line, the smart views with their counts, the filters, the
// counts and the table, with the actions on tasks (new, edit, complete, status, priority,
// delete; one task or several). Every change goes through the TaskStore as an undoable
// command; dialogs edit values and never touch the network.
class TaskListPage : public QWidget
{
    Q_OBJECT

public:
    TaskListPage(TaskStore *store, TaskTableModel *model, QUndoStack *undoStack, Settings &settings,
                 QWidget *parent = nullptr);
    ~TaskListPage() override;

    QTableView *view() const { return m_view; }
    TaskFilterModel *filterModel() const { return m_filter; }
    FilterBar *filterBar() const { return m_filterBar; }
    StatsBar *statsBar() const { return m_statsBar; }
    ConnectionBanner *banner() const { return m_banner; }
    QLineEdit *quickAddEdit() const { return m_quickAdd; }
    QLabel *quickAddPreview() const { return m_quickAddPreview; }
    QListWidget *smartViewList() const { return m_views; }

    QAction *newAction() const { return m_newAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *completeAction() const { return m_completeAction; }
    QAction *findAction() const { return m_findAction; }
    QAction *quickAddAction() const { return m_quickAddAction; }
    QMenu *statusMenu() const { return m_statusMenu; }
    QMenu *priorityMenu() const { return m_priorityMenu; }

    // The selected tasks, the current one first.
    QStringList selectedTaskIds() const;
    QString selectedTaskId() const;
    void selectTask(const QString &id);
    void setSmartView(SmartView view);
    SmartView smartView() const;

    void restoreLayout();
    void saveLayout();
    void showConnectionProblem(const QString &message, const QString &hint, bool offerSettings);
    void hideConnectionProblem();

public slots:
    void newTask();
    void editSelectedTask();
    void deleteSelectedTasks();
    void toggleSelectedDone();
    void setSelectedStatus(taskflow::TaskStatus status);
    void setSelectedPriority(taskflow::TaskPriority priority);
    void focusSearch();
    void focusQuickAdd();
    void focusTable();

signals:
    void selectionChanged();
    void statusMessage(const QString &message);
    void settingsRequested();
    void retryRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    QWidget *createQuickAdd();
    void createViewList();
    void createTable();
    void addQuickTask();
    void openTaskDialog(TaskDialog *dialog);
    void applyToSelection(const QString &text, const std::function<bool(Task &)> &change);
    void pushEdit(const QString &text, const Task &before, const Task &after, bool alreadyDone);
    void showConflict(const TaskStore::Conflict &conflict);
    void showRejected(const PendingWrite &write, const ApiError &error);
    void filtersChanged();
    void rememberSelection();
    void restoreSelection();
    void updateActions();
    void updateCounts();
    void updateEmptyLabel();
    void fitColumns();

    TaskStore *m_store;
    TaskTableModel *m_model;
    QUndoStack *m_undo;
    Settings &m_settings;
    TaskFilterModel *m_filter;
    BadgeDelegate *m_delegate = nullptr;
    ConnectionBanner *m_banner = nullptr;
    FilterBar *m_filterBar = nullptr;
    StatsBar *m_statsBar = nullptr;
    QLineEdit *m_quickAdd = nullptr;
    QLabel *m_quickAddPreview = nullptr;
    QListWidget *m_views = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QTimer m_countDelay;
    QStringList m_selectedIds;
    bool m_restoringSelection = false;

    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_completeAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_quickAddAction = nullptr;
    QMenu *m_statusMenu = nullptr;
    QMenu *m_priorityMenu = nullptr;
};

} // namespace taskflow
