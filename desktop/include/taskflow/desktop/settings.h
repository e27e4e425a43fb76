#pragma once

#include <taskflow/common/taskquery.h>
#include <taskflow/desktop/smartview.h>

#include <QByteArray>
#include <QSettings>
#include <QUrl>

#include <chrono>
#include <memory>

namespace taskflow {

// What the app remembers between runs (QSettings): the server, window layout, last filters.
class Settings
{
public:
    // The platform's native store for the application's organization and name.
    Settings();
    // An INI file of its own (tests, portable installs).
    explicit Settings(const QString &iniFile);
    ~Settings();

    static QUrl defaultServerUrl();

    // The saved server, unless the command line overrode it for this run.
    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);
    // --server: used for this run only, not saved.
    void overrideServerUrl(const QUrl &url) { m_serverOverride = url; }

    std::chrono::seconds refreshInterval() const;
    void setRefreshInterval(std::chrono::seconds interval);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    // Column widths and order of the task table (QHeaderView::saveState).
    QByteArray tableHeaderState() const;
    void setTableHeaderState(const QByteArray &state);

    // The filters of the task list (status, priority, assignee, search) and its smart view.
    TaskQuery filters() const;
    void setFilters(const TaskQuery &filters);
    SmartView smartView() const;
    void setSmartView(SmartView view);

    // "en", "fr", or empty to follow the system (takes effect at the next start).
    QString language() const;
    void setLanguage(const QString &language);
    // "light", "dark", or empty for the system's look.
    QString theme() const;
    void setTheme(const QString &theme);
    // Closing the window keeps TaskFlow in the system tray (reminders keep coming).
    bool keepInTray() const;
    void setKeepInTray(bool keep);
    bool remindersEnabled() const;
    void setRemindersEnabled(bool enabled);

    // API tokens by server origin, only for when no credential store is available (TokenStore
    // decides). Written to disk at once; an empty token removes the entry.
    QByteArray apiToken(const QString &origin) const;
    void setApiToken(const QString &origin, const QByteArray &token);
    // Whether a token for `origin` was saved in the credential store (not the token itself).
    bool hasApiTokenInCredentialStore(const QString &origin) const;
    void setApiTokenInCredentialStore(const QString &origin, bool saved);

    // Where the settings are kept, for the user to read: a file, or a registry key on Windows.
    QString location() const;

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
    QUrl m_serverOverride;
};

} // namespace taskflow
