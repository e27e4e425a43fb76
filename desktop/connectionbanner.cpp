#include <taskflow/desktop/connectionbanner.h>

#include <taskflow/desktop/bundledicon.h>
#include <taskflow/desktop/taskcolors.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace taskflow {

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QFrame(parent),
      m_message(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_retry(new QPushButton(tr("&Retry now"), this)),
      m_settings(new QPushButton(bundledIcon(u"settings"_s), tr("&Settings…"), this))
{
    setObjectName(u"connectionBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"#connectionBanner { background: %1; border: 1px solid %2;"
                  " border-radius: 6px; } #connectionBanner QLabel { color: %3; }"_s
                      .arg(TaskColors::alertBackground(palette()).name(),
                           TaskColors::accent(TaskPriority::High).name(),
                           TaskColors::alertForeground(palette()).name()));
    setAccessibleName(tr("Connection problem"));

    auto *icon = new QLabel(this);
    icon->setPixmap(bundledIcon(u"connection-error"_s).pixmap(24, 24));
    m_message->setObjectName(u"bannerMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_message->font();
    bold.setBold(true);
    m_message->setFont(bold);
    m_hint->setWordWrap(true);
    m_retry->setObjectName(u"retryButton"_s);
    m_retry->setFocusPolicy(Qt::TabFocus);
    m_settings->setObjectName(u"bannerSettingsButton"_s);
    m_settings->setFocusPolicy(Qt::TabFocus);
    m_settings->hide();

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_message);
    text->addWidget(m_hint);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addWidget(m_settings, 0, Qt::AlignVCenter);
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);

    connect(m_retry, &QPushButton::clicked, this, &ConnectionBanner::retryRequested);
    connect(m_settings, &QPushButton::clicked, this, &ConnectionBanner::settingsRequested);
    hide();
}

void ConnectionBanner::showProblem(const QString &message, const QString &hint, bool offerSettings)
{
    m_message->setText(message);
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    m_settings->setVisible(offerSettings);
    show();
}

QString ConnectionBanner::message() const
{
    return m_message->text();
}

} // namespace taskflow
