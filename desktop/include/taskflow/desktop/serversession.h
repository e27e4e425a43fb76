#pragma once

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <optional>

namespace taskflow {

class ApiClient;
class EventStream;
class Settings;
class TaskStore;
class TaskTableModel;
class TokenStore;

// The app's link to one server: its URL, its API token (read from the credential store before
// the first request goes out), the live change stream and the TaskStore that follows it, with
// the offline queue and cached list of that server. Switching servers switches all of it.
class ServerSession : public QObject
{
    Q_OBJECT

public:
    explicit ServerSession(Settings &settings, QObject *parent = nullptr);
    ~ServerSession() override;

    ApiClient *api() const { return m_api; }
    EventStream *events() const { return m_events; }
    TokenStore *tokens() const { return m_tokens; }
    TaskTableModel *model() const { return m_model; }
    TaskStore *store() const { return m_store; }

    QUrl serverUrl() const;
    // Requests in flight, or the token still being read.
    bool isBusy() const;

    // Reads the token, shows the cached list, then loads, follows the stream and polls.
    void start();
    void stop();
    // Talks to `url` from now on, with `token`, or with the one stored for it when nullopt.
    void useServer(const QUrl &url, const std::optional<QByteArray> &token);
    void saveToken(const QUrl &server, const QByteArray &token);

signals:
    void serverChanged(const QUrl &url);
    void busyChanged(bool busy);
    // Something the user should read in the status bar (a token that could not be read, …).
    void message(const QString &text);

private:
    void loadStoredToken();
    void applyToken(const QByteArray &token);
    void openOfflineStore();

    Settings &m_settings;
    ApiClient *m_api;
    EventStream *m_events;
    TokenStore *m_tokens;
    TaskTableModel *m_model;
    TaskStore *m_store;
    bool m_readingToken = false;
    bool m_started = false;
    quint64 m_tokenRead = 0; // numbers the token reads: only the last one counts
};

} // namespace taskflow
