#pragma once

#include <taskflow/common/result.h>

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace taskflow {

class Settings;

// The API token of each server (API.md: bearer tokens), kept in the platform's credential store
// through QtKeychain (Secret Service or KWallet on Linux, Keychain on macOS, Credential Manager
// on Windows): service "TaskFlow", key the server's origin. Where there is no credential store
// (a Linux session without D-Bus or a Secret Service: CI, containers, SSH), tokens go to the
// settings file instead, and every answer then carries a `notice` that says so for the user.
//
// Every call answers once, through its callback, after the call has returned; the callback is
// dropped when `context` is destroyed first.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    enum class Backend { Keychain, SettingsFile };

    struct Answer
    {
        QByteArray token;                    // what a read found; empty when nothing is stored
        Backend backend = Backend::Keychain; // where the token is (read) or went (write)
        QString notice;                      // for the user when it is in the settings file
    };
    // The answer, or why the credential store failed.
    using Outcome = taskflow::Result<Answer, QString>;
    using Callback = std::function<void(const Outcome &)>;

    // The credential store, unless the environment says TASKFLOW_TOKEN_STORE=settings (tests,
    // CI, portable installs).
    explicit TokenStore(Settings &settings, QObject *parent = nullptr);
    TokenStore(Settings &settings, Backend preferred, QObject *parent = nullptr);

    static Backend backendFromEnvironment();
    // The key of a server's token: its origin ("https://tasks.example.com",
    // "http://127.0.0.1:8000"), so a path prefix or a trailing slash does not matter.
    static QString keyFor(const QUrl &server);

    // Where tokens go now: the credential store until it turns out to be missing.
    Backend backend() const { return m_backend; }
    // False when no token for `server` was saved through this settings file: then reading would
    // only wake the credential store (which may ask the user to unlock it) to find nothing.
    bool mayHoldToken(const QUrl &server) const;

    void readToken(const QUrl &server, QObject *context, Callback done);
    // An empty token deletes the stored one.
    void writeToken(const QUrl &server, const QByteArray &token, QObject *context, Callback done);
    void deleteToken(const QUrl &server, QObject *context, Callback done);

private:
    void fallBack(const QString &reason);
    Answer inSettingsFile(const QByteArray &token = {}) const;
    void answerLater(const Callback &answer, const Outcome &result);

    Settings &m_settings;
    Backend m_backend;
    bool m_keychainMissing = false; // tried and failed, as opposed to not wanted
    QString m_settingsFileReason;
};

} // namespace taskflow
