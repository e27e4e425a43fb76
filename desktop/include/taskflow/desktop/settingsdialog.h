#pragma once

#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/apiresult.h>
#include <taskflow/desktop/tokenstore.h>

#include <QByteArray>
#include <QDialog>
#include <QTimer>
#include <QUrl>

#include <chrono>

class QAction;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace taskflow {

// The settings: server URL, API token and refresh interval; language, look and tray. It asks whoever owns the
// network and the token store, and shows the answers it is given back: "Test connection"
// (testConnectionRequested) and the token stored for the server typed (tokenWanted).
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    // Also asks for the token stored for `url` (tokenWanted), as typing another server does.
    void setServerUrl(const QUrl &url);
    // The URL typed, or an invalid QUrl when it is not an http(s) address.
    QUrl serverUrl() const;
    void setRefreshInterval(std::chrono::seconds interval);
    std::chrono::seconds refreshInterval() const;

    // The token in the field, trimmed; empty for none.
    QByteArray token() const;
    // Whether token() is the one to use for serverUrl(): typed by the user, or the stored one for
    // that server. False while the stored one is still being read, or could not be.
    bool isTokenKnown() const;
    // The user typed in the token field (so it is to be saved).
    bool isTokenEdited() const { return m_tokenEdited; }
    // The answer to tokenWanted(server); dropped when the user has typed a token or another
    // server since.
    void showStoredToken(const QUrl &server, const TokenStore::Outcome &result);
    void focusToken();

    // "" (the system's), "en" or "fr".
    void setLanguage(const QString &language);
    QString language() const;
    // "" (the system's), "light" or "dark".
    void setTheme(const QString &theme);
    QString theme() const;
    void setKeepInTray(bool keep, bool trayAvailable);
    bool keepInTray() const;
    void setRemindersEnabled(bool enabled);
    bool remindersEnabled() const;

    void showConnectionResult(bool ok, const QString &text);
    void showTokenCheck(const ApiResult<ApiClient::TokenCheck> &result);

signals:
    void testConnectionRequested(const QUrl &url, const QByteArray &token);
    void tokenWanted(const QUrl &server);

private:
    void validate();
    void serverEdited();
    void requestToken();
    void testConnection();
    void setTokenVisible(bool visible);
    void showTokenNotice(const QString &text, bool isError);

    QLineEdit *m_url;
    QLabel *m_urlError;
    QLineEdit *m_token;
    QAction *m_showToken;
    QLabel *m_tokenError;
    QLabel *m_tokenNotice;
    QSpinBox *m_interval;
    QComboBox *m_language;
    QComboBox *m_theme;
    QCheckBox *m_keepInTray;
    QCheckBox *m_reminders;
    QPushButton *m_test;
    QLabel *m_result;
    QLabel *m_tokenResult;
    QDialogButtonBox *m_buttons;

    QTimer m_tokenDelay;
    QString m_tokenServer; // TokenStore::keyFor of the server whose stored token is shown
    bool m_tokenEdited = false;
};

} // namespace taskflow
