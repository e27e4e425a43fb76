#include "settingsdialog.h"

#include "apiclient.h"
#include "settings.h"
#include "taskcolors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace taskflow {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent),
      m_url(new QLineEdit(this)),
      m_urlError(new QLabel(this)),
      m_interval(new QSpinBox(this)),
      m_test(new QPushButton(QIcon(u":/icons/connection-ok.svg"_s), tr("&Test connection"), this)),
      m_result(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    setMinimumWidth(560);

    m_url->setObjectName(u"serverUrlEdit"_s);
    m_url->setPlaceholderText(Settings::defaultServerUrl().toString());
    m_url->setClearButtonEnabled(true);
    m_urlError->setObjectName(u"serverUrlError"_s);
    m_urlError->setStyleSheet(u"color: %1;"_s.arg(TaskColors::overdue().name()));
    m_urlError->hide();

    m_interval->setObjectName(u"refreshIntervalSpin"_s);
    m_interval->setRange(1, 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setToolTip(tr("How often the list checks the server for changes made elsewhere"));

    m_test->setObjectName(u"testConnectionButton"_s);
    m_result->setObjectName(u"connectionResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *urlBox = new QWidget(this);
    auto *urlLayout = new QVBoxLayout(urlBox);
    urlLayout->setContentsMargins(0, 0, 0, 0);
    urlLayout->addWidget(m_url);
    urlLayout->addWidget(m_urlError);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    urlLayout->addLayout(testRow);
    urlLayout->addWidget(m_result);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server URL"), urlBox);
    form->addRow(tr("&Check for changes every"), m_interval);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_url, &QLineEdit::textChanged, this, &SettingsDialog::validateUrl);
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    setRefreshInterval(std::chrono::seconds(3));
}

void SettingsDialog::setServerUrl(const QUrl &url)
{
    m_url->setText(url.toString());
}

QUrl SettingsDialog::serverUrl() const
{
    return ApiClient::serverUrlFromUserInput(m_url->text());
}

void SettingsDialog::setRefreshInterval(std::chrono::seconds interval)
{
    m_interval->setValue(int(interval.count()));
}

std::chrono::seconds SettingsDialog::refreshInterval() const
{
    return std::chrono::seconds(m_interval->value());
}

void SettingsDialog::validateUrl()
{
    const bool valid = serverUrl().isValid();
    m_urlError->setText(valid ? QString()
                              : tr("Enter an http:// or https:// address, e.g. %1")
                                    .arg(Settings::defaultServerUrl().toString()));
    m_urlError->setVisible(!valid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_test->setEnabled(valid);
    m_result->clear();
}

void SettingsDialog::testConnection()
{
    const QUrl url = serverUrl();
    if (!url.isValid())
        return;
    m_test->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Asking %1/health …").arg(url.toString()));
    adjustSize();
    emit testConnectionRequested(url);
}

void SettingsDialog::showConnectionResult(bool ok, const QString &text)
{
    m_test->setEnabled(serverUrl().isValid());
    m_result->setStyleSheet(
        u"color: %1;"_s.arg(ok ? QColor(0x16, 0x65, 0x34).name() : TaskColors::overdue().name()));
    m_result->setText((ok ? tr("✔ ") : tr("✖ ")) + text);
    adjustSize(); // room for a long answer
}

} // namespace taskflow
