#pragma once

#include <taskflow/common/taskstats.h>

#include <QWidget>

class QLabel;

namespace taskflow {

// The task counts above the table: all, by status, and overdue (GET /tasks/stats), each a
// coloured chip that also says in words what it counts.
class StatsBar : public QWidget
{
    Q_OBJECT

public:
    explicit StatsBar(QWidget *parent = nullptr);

    void setStats(const TaskStats &stats);
    // Says whether the counts are for the filtered list or for every task.
    void setFiltered(bool filtered);
    const TaskStats &stats() const { return m_stats; }

private:
    void updateText();

    TaskStats m_stats;
    bool m_filtered = false;
    QLabel *m_total;
    QLabel *m_byStatus[3];
    QLabel *m_overdue;
};

} // namespace taskflow
