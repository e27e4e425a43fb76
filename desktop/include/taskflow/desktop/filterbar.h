#pragma once

#include <taskflow/common/taskquery.h>

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QToolButton;

namespace taskflow {

// The filters of the task list: status, priority, assignee and a search text. What it edits
// is a TaskQuery (the same filters API.md gives GET /tasks), applied by TaskFilterModel.
// Escape in the search clears it; Down moves into the results.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    static constexpr int searchDelayMs = 300;

    explicit FilterBar(QWidget *parent = nullptr);

    // The filters only; sorting happens in the view.
    TaskQuery query() const;
    // Shows `query` without emitting queryChanged (restoring the last session's filters).
    void setQuery(const TaskQuery &query);
    bool hasFilters() const;

    void setKnownAssignees(const QStringList &assignees);
    void focusSearch();

public slots:
    void clearFilters();

signals:
    void queryChanged(const taskflow::TaskQuery &query);
    // Down in the search field: the user wants the results.
    void moveToResults();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void emitQueryChanged();
    void updateClearButton();
    void selectAssignee(const QString &assignee);

    QComboBox *m_status;
    QComboBox *m_priority;
    QComboBox *m_assignee;
    QLineEdit *m_search;
    QToolButton *m_clear;
    QTimer m_searchDelay;
    bool m_restoring = false;
};

} // namespace taskflow
