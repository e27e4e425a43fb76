#include <taskflow/desktop/settingsdialog.h>

#include <taskflow/desktop/bundledicon.h>
#include <taskflow/desktop/pollinterval.h>
#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/taskcolors.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// How long typing in the URL pauses before the token stored for that server is read.
constexpr int tokenLookupDelayMs = 400;


// An eye, crossed out when `crossed`, drawn like the icons of resources/icons (24 × 24,
// #374151 strokes, a blue iris).
QIcon eyeIcon(bool crossed)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 24.0, size / 24.0);
        painter.setPen(QPen(QColor(0x37, 0x41, 0x51), 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        QPainterPath eye;
        eye.moveTo(2, 12);
        eye.quadTo(12, 2, 22, 12);
        eye.quadTo(12, 22, 2, 12);
        painter.drawPath(eye);
        painter.setBrush(QColor(0x25, 0x63, 0xeb));
        painter.drawEllipse(QPointF(12, 12), 3, 3);
        if (crossed)
            painter.drawLine(QPointF(4, 20), QPointF(20, 4));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

// What an Authorization header can carry without surprises (RFC 6750 tokens are narrower).
bool isValidToken(const QString &token)
{
    return std::all_of(token.cbegin(), token.cend(),
                       [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent),
      m_url(new QLineEdit(this)),
      m_urlError(new QLabel(this)),
      m_token(new QLineEdit(this)),
      m_showToken(nullptr),
      m_tokenError(new QLabel(this)),
      m_tokenNotice(new QLabel(this)),
      m_interval(new QSpinBox(this)),
      m_language(new QComboBox(this)),
      m_theme(new QComboBox(this)),
      m_keepInTray(new QCheckBox(tr("&Keep TaskFlow in the system tray when the window closes"), this)),
      m_reminders(new QCheckBox(tr("&Remind me when a task falls due"), this)),
      m_test(new QPushButton(bundledIcon(u"connection-ok"_s), tr("&Test connection"), this)),
      m_result(new QLabel(this)),
      m_tokenResult(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    setMinimumWidth(560);

    m_url->setObjectName(u"serverUrlEdit"_s);
    m_url->setPlaceholderText(Settings::defaultServerUrl().toString());
    m_url->setClearButtonEnabled(true);
    m_urlError->setObjectName(u"serverUrlError"_s);
    m_urlError->setStyleSheet(u"color: %1;"_s.arg(TaskColors::overdue(palette()).name()));
    m_urlError->hide();

    m_token->setObjectName(u"apiTokenEdit"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Only if the server requires one"));
    m_token->setToolTip(tr("The server's API token, sent as \"Authorization: Bearer …\" and kept "
                           "in your system's credential store"));
    m_token->setAccessibleName(tr("API token"));
    m_showToken = m_token->addAction(eyeIcon(false), QLineEdit::TrailingPosition);
    m_showToken->setObjectName(u"showTokenAction"_s);
    m_showToken->setCheckable(true);
    setTokenVisible(false);
    m_tokenError->setObjectName(u"apiTokenError"_s);
    m_tokenError->setStyleSheet(u"color: %1;"_s.arg(TaskColors::overdue(palette()).name()));
    m_tokenError->hide();
    m_tokenNotice->setObjectName(u"tokenStorageNote"_s);
    m_tokenNotice->setWordWrap(true);
    m_tokenNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tokenNotice->hide();

    m_interval->setObjectName(u"refreshIntervalSpin"_s);
    m_interval->setRange(int(PollInterval::minimum.count()), int(PollInterval::maximum.count()));
    m_interval->setAccessibleName(tr("Check for changes every (seconds)"));
    m_interval->setSuffix(tr(" s"));
    m_interval->setToolTip(tr("How often the list asks the server for changes made elsewhere, "
                              "when the server cannot send them as they happen"));
    m_url->setAccessibleName(tr("Server URL"));
    m_language->setObjectName(u"languageCombo"_s);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Français"_s, u"fr"_s);
    m_language->setAccessibleName(tr("Language"));
    m_language->setToolTip(tr("Takes effect the next time TaskFlow starts"));
    m_theme->setObjectName(u"themeCombo"_s);
    m_theme->addItem(tr("System look"), QString());
    m_theme->addItem(tr("Light"), u"light"_s);
    m_theme->addItem(tr("Dark"), u"dark"_s);
    m_theme->setAccessibleName(tr("Look"));
    m_theme->setToolTip(tr("Takes effect the next time TaskFlow starts"));
    m_keepInTray->setObjectName(u"keepInTrayCheck"_s);
    m_reminders->setObjectName(u"remindersCheck"_s);

    m_test->setObjectName(u"testConnectionButton"_s);
    m_test->setToolTip(tr("Ask the server for its health, and whether it takes the token"));
    m_result->setObjectName(u"connectionResult"_s);
    m_tokenResult->setObjectName(u"tokenCheckResult"_s);
    for (QLabel *label : {m_result, m_tokenResult}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    auto *urlBox = new QWidget(this);
    auto *urlLayout = new QVBoxLayout(urlBox);
    urlLayout->setContentsMargins(0, 0, 0, 0);
    urlLayout->addWidget(m_url);
    urlLayout->addWidget(m_urlError);

    auto *tokenBox = new QWidget(this);
    auto *tokenLayout = new QVBoxLayout(tokenBox);
    tokenLayout->setContentsMargins(0, 0, 0, 0);
    tokenLayout->addWidget(m_token);
    tokenLayout->addWidget(m_tokenError);
    tokenLayout->addWidget(m_tokenNotice);

    auto *testBox = new QWidget(this);
    auto *testLayout = new QVBoxLayout(testBox);
    testLayout->setContentsMargins(0, 0, 0, 0);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    testLayout->addLayout(testRow);
    testLayout->addWidget(m_result);
    testLayout->addWidget(m_tokenResult);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server URL"), urlBox);
    form->addRow(tr("API &token"), tokenBox);
    form->addRow(QString(), testBox);
    form->addRow(tr("&Check for changes every"), m_interval);
    form->addRow(tr("&Language"), m_language);
    form->addRow(tr("L&ook"), m_theme);
    form->addRow(QString(), m_reminders);
    form->addRow(QString(), m_keepInTray);

    auto *layout = new QVBoxLayout(this);
    // The dialog grows with what it shows (a notice read after it opened): nothing is clipped.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    m_tokenDelay.setSingleShot(true);
    m_tokenDelay.setInterval(tokenLookupDelayMs);
    connect(&m_tokenDelay, &QTimer::timeout, this, &SettingsDialog::requestToken);
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        validate();
        serverEdited();
    });
    connect(m_token, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_token, &QLineEdit::textEdited, this, [this] {
        m_tokenEdited = true;
        m_tokenDelay.stop();
    });
    connect(m_showToken, &QAction::toggled, this, &SettingsDialog::setTokenVisible);
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    setRefreshInterval(PollInterval::defaultValue);
}

void SettingsDialog::setLanguage(const QString &language)
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(language)));
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::setTheme(const QString &theme)
{
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(theme)));
}

QString SettingsDialog::theme() const
{
    return m_theme->currentData().toString();
}

void SettingsDialog::setKeepInTray(bool keep, bool trayAvailable)
{
    m_keepInTray->setChecked(keep && trayAvailable);
    m_keepInTray->setEnabled(trayAvailable);
    if (!trayAvailable)
        m_keepInTray->setToolTip(tr("This desktop has no system tray"));
}

bool SettingsDialog::keepInTray() const
{
    return m_keepInTray->isChecked();
}

void SettingsDialog::setRemindersEnabled(bool enabled)
{
    m_reminders->setChecked(enabled);
}

bool SettingsDialog::remindersEnabled() const
{
    return m_reminders->isChecked();
}

void SettingsDialog::setServerUrl(const QUrl &url)
{
    m_url->setText(url.toString());
    m_tokenDelay.stop();
    requestToken(); // at once: the dialog has just opened, nobody is typing
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

QByteArray SettingsDialog::token() const
{
    return m_token->text().trimmed().toLatin1();
}

bool SettingsDialog::isTokenKnown() const
{
    const QUrl url = serverUrl();
    return m_tokenEdited || (url.isValid() && m_tokenServer == TokenStore::keyFor(url));
}

void SettingsDialog::focusToken()
{
    m_token->setFocus(Qt::OtherFocusReason);
    m_token->selectAll();
}

void SettingsDialog::setTokenVisible(bool visible)
{
    m_token->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
    m_showToken->setIcon(eyeIcon(visible));
    m_showToken->setText(visible ? tr("Hide the token") : tr("Show the token"));
    m_showToken->setToolTip(m_showToken->text());
}

void SettingsDialog::validate()
{
    const bool urlValid = serverUrl().isValid();
    m_urlError->setText(urlValid ? QString()
                                 : tr("Enter an http:// or https:// address, e.g. %1")
                                       .arg(Settings::defaultServerUrl().toString()));
    m_urlError->setVisible(!urlValid);
    const bool tokenValid = isValidToken(m_token->text().trimmed());
    m_tokenError->setText(tokenValid ? QString()
                                     : tr("A token is letters, digits and punctuation, without spaces."));
    m_tokenError->setVisible(!tokenValid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(urlValid && tokenValid);
    m_test->setEnabled(urlValid && tokenValid);
    m_result->clear();
    m_tokenResult->clear();
}

void SettingsDialog::serverEdited()
{
    const QUrl url = serverUrl();
    if (m_tokenEdited || !url.isValid() || TokenStore::keyFor(url) == m_tokenServer) {
        m_tokenDelay.stop();
        return;
    }
    // Another server: the token shown belongs to the last one.
    m_tokenServer.clear();
    m_token->clear();
    m_token->setPlaceholderText(tr("Reading the token stored for this server …"));
    showTokenNotice(QString(), false);
    m_tokenDelay.start();
}

void SettingsDialog::requestToken()
{
    const QUrl url = serverUrl();
    if (url.isValid() && !m_tokenEdited && TokenStore::keyFor(url) != m_tokenServer)
        emit tokenWanted(url);
}

void SettingsDialog::showStoredToken(const QUrl &server, const TokenStore::Outcome &result)
{
    const QUrl current = serverUrl();
    if (m_tokenEdited || !current.isValid() || TokenStore::keyFor(server) != TokenStore::keyFor(current))
        return;
    m_token->setPlaceholderText(tr("Only if the server requires one"));
    if (!result.ok()) {
        showTokenNotice(result.error(), true);
        return;
    }
    m_token->setText(QString::fromUtf8(result->token));
    m_tokenServer = TokenStore::keyFor(server);
    showTokenNotice(result->notice, false);
}

void SettingsDialog::showTokenNotice(const QString &text, bool isError)
{
    m_tokenNotice->setStyleSheet(u"color: %1;"_s.arg(
        isError ? TaskColors::overdue(palette()).name()
                : TaskColors::foreground(TaskPriority::Medium, palette()).name()));
    m_tokenNotice->setText(text);
    m_tokenNotice->setVisible(!text.isEmpty());
    adjustSize();
}

void SettingsDialog::testConnection()
{
    const QUrl url = serverUrl();
    if (!url.isValid())
        return;
    m_test->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Asking %1/health …").arg(url.toString()));
    m_tokenResult->clear();
    adjustSize();
    emit testConnectionRequested(url, token());
}

void SettingsDialog::showConnectionResult(bool ok, const QString &text)
{
    m_test->setEnabled(serverUrl().isValid());
    m_result->setStyleSheet(u"color: %1;"_s.arg(ok ? TaskColors::success(palette()).name() : TaskColors::overdue(palette()).name()));
    m_result->setText((ok ? tr("✔ ") : tr("✖ ")) + text);
    adjustSize(); // room for a long answer
}

void SettingsDialog::showTokenCheck(const ApiResult<ApiClient::TokenCheck> &result)
{
    bool ok = false;
    QString text;
    if (!result.ok()) {
        text = result.error().message;
    } else {
        switch (result.value()) {
        case ApiClient::TokenCheck::NotNeeded:
            ok = true;
            text = tr("No token needed: the server answers without one.");
            break;
        case ApiClient::TokenCheck::Accepted:
            ok = true;
            text = tr("Token accepted.");
            break;
        case ApiClient::TokenCheck::Refused:
            text = tr("Token refused: the server does not know this token.");
            break;
        case ApiClient::TokenCheck::Missing:
            text = tr("The server needs a token: enter it above.");
            break;
        }
    }
    m_tokenResult->setStyleSheet(u"color: %1;"_s.arg(ok ? TaskColors::success(palette()).name() : TaskColors::overdue(palette()).name()));
    m_tokenResult->setText((ok ? tr("✔ ") : tr("✖ ")) + text);
    adjustSize();
}

} // namespace taskflow
