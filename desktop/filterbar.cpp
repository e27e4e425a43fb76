#include <taskflow/desktop/filterbar.h>

#include <taskflow/desktop/bundledicon.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace taskflow {

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent),
      m_status(new QComboBox(this)),
      m_priority(new QComboBox(this)),
      m_assignee(new QComboBox(this)),
      m_search(new QLineEdit(this)),
      m_clear(new QToolButton(this))
{
    m_status->setObjectName(u"statusFilter"_s);
    m_status->addItem(tr("All statuses"));
    for (const TaskStatus status : allStatuses)
        m_status->addItem(displayName(status), int(status));
    m_status->setAccessibleName(tr("Status filter"));

    m_priority->setObjectName(u"priorityFilter"_s);
    m_priority->addItem(tr("All priorities"));
    for (const TaskPriority priority : allPriorities)
        m_priority->addItem(displayName(priority), int(priority));
    m_priority->setAccessibleName(tr("Priority filter"));

    m_assignee->setObjectName(u"assigneeFilter"_s);
    m_assignee->addItem(tr("Anyone"));
    m_assignee->setMinimumContentsLength(12);
    m_assignee->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_assignee->setAccessibleName(tr("Assignee filter"));

    m_search->setObjectName(u"searchEdit"_s);
    m_search->setPlaceholderText(tr("Search titles and descriptions"));
    m_search->setToolTip(tr("Ignores case and accents. Escape clears, Down goes to the results."));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(bundledIcon(u"edit-find"_s), QLineEdit::LeadingPosition);
    m_search->setAccessibleName(tr("Search"));
    m_search->setMinimumWidth(240);

    m_clear->setObjectName(u"clearFiltersButton"_s);
    m_clear->setText(tr("Clear filters"));
    m_clear->setAutoRaise(true);
    m_clear->setVisible(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Show:"), this);
    layout->addWidget(label);
    layout->addWidget(m_status);
    layout->addWidget(m_priority);
    layout->addWidget(m_assignee);
    layout->addWidget(m_clear);
    layout->addStretch(1);
    layout->addWidget(m_search, 2);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(searchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &FilterBar::emitQueryChanged);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        if (!m_restoring)
            m_searchDelay.start();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_searchDelay.isActive()) {
            m_searchDelay.stop();
            emitQueryChanged();
        }
    });
    for (QComboBox *combo : {m_status, m_priority, m_assignee}) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_restoring)
                emitQueryChanged();
        });
    }
    connect(m_clear, &QToolButton::clicked, this, &FilterBar::clearFilters);
    m_search->installEventFilter(this);
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            emitQueryChanged();
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            if (m_searchDelay.isActive())
                emitQueryChanged();
            emit moveToResults();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

TaskQuery FilterBar::query() const
{
    TaskQuery query;
    if (m_status->currentIndex() > 0)
        query.status = TaskStatus(m_status->currentData().toInt());
    if (m_priority->currentIndex() > 0)
        query.priority = TaskPriority(m_priority->currentData().toInt());
    if (m_assignee->currentIndex() > 0)
        query.assignee = m_assignee->currentText();
    const QString search = m_search->text().trimmed();
    if (!search.isEmpty())
        query.search = search;
    return query;
}

bool FilterBar::hasFilters() const
{
    const TaskQuery q = query();
    return q.status || q.priority || q.assignee || q.search;
}

void FilterBar::setQuery(const TaskQuery &query)
{
    m_restoring = true;
    m_status->setCurrentIndex(query.status ? m_status->findData(int(*query.status)) : 0);
    m_priority->setCurrentIndex(query.priority ? m_priority->findData(int(*query.priority)) : 0);
    selectAssignee(query.assignee.value_or(QString()));
    m_search->setText(query.search.value_or(QString()));
    m_restoring = false;
    updateClearButton();
}

void FilterBar::selectAssignee(const QString &assignee)
{
    if (assignee.isEmpty()) {
        m_assignee->setCurrentIndex(0);
        return;
    }
    int index = m_assignee->findText(assignee, Qt::MatchExactly | Qt::MatchCaseSensitive);
    if (index < 0) {
        m_assignee->addItem(assignee);
        index = m_assignee->count() - 1;
    }
    m_assignee->setCurrentIndex(index);
}

void FilterBar::setKnownAssignees(const QStringList &assignees)
{
    const QString current = m_assignee->currentIndex() > 0 ? m_assignee->currentText() : QString();
    const QSignalBlocker blocker(m_assignee);
    while (m_assignee->count() > 1)
        m_assignee->removeItem(1);
    m_assignee->addItems(assignees);
    selectAssignee(current);
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::clearFilters()
{
    setQuery(TaskQuery{});
    emitQueryChanged();
}

void FilterBar::emitQueryChanged()
{
    m_searchDelay.stop();
    updateClearButton();
    emit queryChanged(query());
}

void FilterBar::updateClearButton()
{
    m_clear->setVisible(hasFilters());
}

} // namespace taskflow
