#pragma once

#include <taskflow/common/taskquery.h>
#include <taskflow/desktop/smartview.h>

#include <QCollator>
#include <QDateTime>
#include <QHash>
#include <QSortFilterProxyModel>

namespace taskflow {

// Sorts and filters the TaskTableModel for the view: the smart view, status, priority,
// assignee and a search that ignores case and accents ("reunion" finds "Réunion équipe"), as
// the server's `q` does. Titles sort as people expect numbers to ("#8" before "#561").
class TaskFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TaskFilterModel(QObject *parent = nullptr);

    void setQuery(const TaskQuery &query);
    const TaskQuery &query() const { return m_query; }
    void setSmartView(SmartView view);
    SmartView smartView() const { return m_view; }

    // Case folded, accents removed: what search compares.
    static QString searchKey(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // By value: a second call may grow the cache and move what a reference would point to.
    QCollatorSortKey sortKey(const QString &text) const;

    TaskQuery m_query;
    QString m_searchKey;
    SmartView m_view = SmartView::All;
    SmartViewClock m_clock;
    QCollator m_collator;
    mutable QHash<QString, QCollatorSortKey> m_sortKeys;
};

} // namespace taskflow
