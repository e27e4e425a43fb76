#pragma once

#include <taskflow/common/taskstats.h>

#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QPieSeries;
class QValueAxis;

namespace taskflow {

// An overview of the counts of GET /tasks/stats: headline numbers, a donut of tasks by status
// and bars of tasks by priority (Qt Charts).
class DashboardWidget : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardWidget(QWidget *parent = nullptr);

    void setStats(const TaskStats &stats);
    const TaskStats &stats() const { return m_stats; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    QChartView *makeStatusChart();
    QChartView *makePriorityChart();

    TaskStats m_stats;
    QLabel *m_total;
    QLabel *m_open;
    QLabel *m_done;
    QLabel *m_overdue;
    QPieSeries *m_statusSeries = nullptr;
    QBarSet *m_prioritySets[3] = {};
    QValueAxis *m_priorityAxis = nullptr;
    QChart *m_statusChart = nullptr;
    QChart *m_priorityChart = nullptr;
};

} // namespace taskflow
