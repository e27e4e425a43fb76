#include <taskflow/desktop/statsbar.h>

#include <taskflow/desktop/taskcolors.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

QLabel *makeChip(QWidget *parent, const QString &objectName, const QColor &background,
                 const QColor &foreground)
{
    auto *chip = new QLabel(parent);
    chip->setObjectName(objectName);
    chip->setStyleSheet(u"QLabel { background: %1; color: %2; border-radius: 10px;"
                        " padding: 3px 10px; }"_s.arg(background.name(), foreground.name()));
    chip->setTextFormat(Qt::RichText);
    return chip;
}

QString chipText(const QString &label, qint64 count)
{
    return u"%1&nbsp;&nbsp;<b>%2</b>"_s.arg(label.toHtmlEscaped(), QLocale().toString(count));
}

} // namespace

StatsBar::StatsBar(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    m_total = makeChip(this, u"totalCount"_s, palette().color(QPalette::AlternateBase),
                       palette().color(QPalette::Text));
    layout->addWidget(m_total);
    const QString names[] = {u"todoCount"_s, u"inProgressCount"_s, u"doneCount"_s};
    for (const TaskStatus status : allStatuses) {
        const auto i = std::size_t(status);
        m_byStatus[i] = makeChip(this, names[i], TaskColors::background(status, palette()),
                                 TaskColors::foreground(status, palette()));
        layout->addWidget(m_byStatus[i]);
    }
    m_overdue = makeChip(this, u"overdueCount"_s, TaskColors::alertBackground(palette()),
                         TaskColors::withContrast(TaskColors::overdue(palette()),
                                                  {TaskColors::alertBackground(palette())}));
    layout->addWidget(m_overdue);
    layout->addStretch(1);
    updateText();
}

void StatsBar::setStats(const TaskStats &stats)
{
    m_stats = stats;
    updateText();
}

void StatsBar::setFiltered(bool filtered)
{
    m_filtered = filtered;
    updateText();
}

void StatsBar::updateText()
{
    m_total->setText(chipText(m_filtered ? tr("Shown") : tr("All tasks"), m_stats.total));
    m_total->setAccessibleName(u"%1: %2"_s.arg(m_filtered ? tr("Shown") : tr("All tasks")).arg(m_stats.total));
    m_total->setToolTip(m_filtered ? tr("Tasks matching the filters") : tr("Every task on the server"));
    for (const TaskStatus status : allStatuses) {
        QLabel *chip = m_byStatus[std::size_t(status)];
        chip->setText(chipText(displayName(status), m_stats.count(status)));
        chip->setAccessibleName(u"%1: %2"_s.arg(displayName(status)).arg(m_stats.count(status)));
    }
    m_overdue->setText(chipText(tr("⚠ Overdue"), m_stats.overdue));
    m_overdue->setToolTip(tr("Due before now and not done"));
    m_overdue->setAccessibleName(tr("Overdue: %1").arg(m_stats.overdue));
}

} // namespace taskflow
