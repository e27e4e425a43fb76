#include <taskflow/desktop/dashboardwidget.h>

#include <taskflow/desktop/taskcolors.h>

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QEvent>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

QColor chartColor(TaskStatus status)
{
    return TaskColors::accent(status);
}

QColor chartColor(TaskPriority priority)
{
    return TaskColors::accent(priority);
}

QLabel *makeTile(QWidget *parent, QGridLayout *grid, int column, const QString &caption,
                 const QString &objectName, const QColor &accent)
{
    auto *tile = new QFrame(parent);
    tile->setObjectName(u"tile"_s);
    tile->setStyleSheet(u"#tile { background: palette(base); border: 1px solid palette(mid);"
                        " border-radius: 8px; border-left: 4px solid %1; }"_s.arg(accent.name()));
    auto *layout = new QVBoxLayout(tile);
    auto *value = new QLabel(u"0"_s, tile);
    value->setObjectName(objectName);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    value->setFont(big);
    auto *label = new QLabel(caption, tile);
    label->setStyleSheet(u"color: %1;"_s.arg(TaskColors::muted(parent->palette()).name()));
    layout->addWidget(value);
    layout->addWidget(label);
    grid->addWidget(tile, 0, column);
    return value;
}

QChart *makeChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    chart->setTitleFont(font);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(8);
    chart->setMargins(QMargins(8, 8, 8, 8));
    return chart;
}

// A view of `chart` that screen readers name by the chart's title.
QChartView *makeChartView(QChart *chart, const QString &objectName, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setAccessibleName(chart->title());
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(300, 260);
    return view;
}

} // namespace

DashboardWidget::DashboardWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"dashboard"_s);
    auto *tiles = new QGridLayout;
    tiles->setSpacing(12);
    m_total = makeTile(this, tiles, 0, tr("Tasks"), u"dashboardTotal"_s, QColor(0x25, 0x63, 0xeb));
    m_open = makeTile(this, tiles, 1, tr("Open (to do or in progress)"), u"dashboardOpen"_s,
                      chartColor(TaskStatus::InProgress));
    m_done = makeTile(this, tiles, 2, tr("Done"), u"dashboardDone"_s, chartColor(TaskStatus::Done));
    m_overdue = makeTile(this, tiles, 3, tr("Overdue"), u"dashboardOverdue"_s, TaskColors::overdue(palette()));

    auto *charts = new QHBoxLayout;
    charts->setSpacing(12);
    charts->addWidget(makeStatusChart(), 1);
    charts->addWidget(makePriorityChart(), 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(12);
    layout->addLayout(tiles);
    layout->addLayout(charts, 1);
    applyPalette();
    setStats(TaskStats{});
}

void DashboardWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

// Charts draw with their own theme; they follow the window's palette instead.
void DashboardWidget::applyPalette()
{
    const QPalette p = palette();
    for (QChart *chart : {m_statusChart, m_priorityChart}) {
        if (!chart)
            continue;
        chart->setBackgroundBrush(p.color(QPalette::Base));
        chart->setBackgroundPen(QPen(p.color(QPalette::Mid)));
        chart->setTitleBrush(p.color(QPalette::Text));
        chart->legend()->setLabelColor(p.color(QPalette::Text));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(p.color(QPalette::Text));
            axis->setLinePenColor(p.color(QPalette::Mid));
            axis->setGridLineColor(p.color(QPalette::Midlight));
        }
    }
    if (m_statusSeries) {
        for (QPieSlice *slice : m_statusSeries->slices()) {
            slice->setBorderColor(p.color(QPalette::Base));
            slice->setLabelColor(p.color(QPalette::Text));
        }
    }
}

QChartView *DashboardWidget::makeStatusChart()
{
    m_statusChart = makeChart(tr("Tasks by status"));
    m_statusSeries = new QPieSeries(m_statusChart);
    m_statusSeries->setHoleSize(0.45);
    m_statusSeries->setPieSize(0.75);
    for (const TaskStatus status : allStatuses) {
        auto *slice = m_statusSeries->append(displayName(status), 0);
        slice->setColor(chartColor(status));
        slice->setBorderWidth(2);
        slice->setLabelVisible(true);
        slice->setLabelPosition(QPieSlice::LabelOutside);
    }
    m_statusChart->addSeries(m_statusSeries);
    m_statusChart->legend()->setAlignment(Qt::AlignBottom);
    return makeChartView(m_statusChart, u"statusChart"_s, this);
}

QChartView *DashboardWidget::makePriorityChart()
{
    auto *chart = makeChart(tr("Tasks by priority"));
    m_priorityChart = chart;
    // One set per priority, each with a value in its own category only: stacked, that gives one
    // bar per category, each in the colour of its priority.
    auto *series = new QStackedBarSeries(chart);
    for (const TaskPriority priority : allPriorities) {
        auto *set = new QBarSet(displayName(priority));
        set->setColor(chartColor(priority));
        set->setBorderColor(chartColor(priority).darker(120));
        set->setLabelColor(TaskColors::withContrast(Qt::black, {chartColor(priority)}));
        for (int i = 0; i < 3; ++i)
            set->append(0);
        series->append(set);
        m_prioritySets[std::size_t(priority)] = set;
    }
    series->setBarWidth(0.6);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);

    auto *categories = new QBarCategoryAxis(chart);
    for (const TaskPriority priority : allPriorities)
        categories->append(displayName(priority));
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    m_priorityAxis = new QValueAxis(chart);
    m_priorityAxis->setLabelFormat(u"%d"_s);
    m_priorityAxis->setMin(0);
    chart->addAxis(m_priorityAxis, Qt::AlignLeft);
    series->attachAxis(m_priorityAxis);
    chart->legend()->setVisible(false);

    return makeChartView(chart, u"priorityChart"_s, this);
}

void DashboardWidget::setStats(const TaskStats &stats)
{
    m_stats = stats;
    m_total->setText(QString::number(stats.total));
    m_open->setText(QString::number(stats.count(TaskStatus::Todo) + stats.count(TaskStatus::InProgress)));
    const qint64 done = stats.count(TaskStatus::Done);
    m_done->setText(stats.total > 0 ? u"%1  (%2%)"_s.arg(done).arg(done * 100 / stats.total)
                                    : QString::number(done));
    m_overdue->setText(QString::number(stats.overdue));

    const auto slices = m_statusSeries->slices();
    for (const TaskStatus status : allStatuses) {
        QPieSlice *slice = slices.at(int(status));
        const qint64 count = stats.count(status);
        slice->setValue(qreal(count));
        slice->setLabel(u"%1: %2"_s.arg(displayName(status)).arg(count));
        slice->setLabelVisible(count > 0);
    }
    // An empty donut would not draw at all; the title says why.
    m_statusChart->setTitle(stats.total > 0 ? tr("Tasks by status") : tr("Tasks by status (none yet)"));

    qint64 highest = 0;
    for (const TaskPriority priority : allPriorities) {
        const qint64 count = stats.count(priority);
        highest = qMax(highest, count);
        for (int i = 0; i < 3; ++i)
            m_prioritySets[std::size_t(priority)]->replace(i, i == int(priority) ? qreal(count) : 0.0);
    }
    // Whole numbers on the axis, with a little room above the highest bar.
    const int top = int(qMax<qint64>(4, highest + qMax<qint64>(1, highest / 8)));
    m_priorityAxis->setRange(0, top);
    m_priorityAxis->setTickCount(qMin(top, 8) + 1 > 2 ? 5 : 2);
    m_priorityAxis->applyNiceNumbers();
}

} // namespace taskflow
