#pragma once

#include <taskflow/common/serverhealth.h>
#include <taskflow/common/task.h>
#include <taskflow/common/taskchanges.h>
#include <taskflow/common/taskquery.h>
#include <taskflow/common/taskstats.h>
#include <taskflow/desktop/apiresult.h>
#include <taskflow/desktop/taskpage.h>
#include <taskflow/desktop/taskversion.h>

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <optional>

class QNetworkReply;

namespace taskflow {

// The desktop's only door to the server (API.md). Every call is asynchronous and answers once,
// through its callback, on the thread of the ApiClient; the callback is dropped when `context`
// is destroyed first. Every request ends within the timeout, with a value or an ApiError.
// A 503 "Server busy" (API.md: nothing was done) is sent again after its Retry-After, a few
// times, before it is reported.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultTimeout{10000};

    explicit ApiClient(QObject *parent = nullptr);

    // Where the server is, e.g. http://127.0.0.1:8000 (a path prefix is kept).
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }

    // Sent as "Authorization: Bearer <token>" with every request but checkHealth (/health is
    // open); none when empty. Visible ASCII, as the settings dialog checks.
    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }

    // Bounds how long a request may go without receiving anything.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // How often a busy answer is sent again before it is reported (tests set 0).
    void setBusyRetries(int retries) { m_busyRetries = retries; }

    // Requests sent and not answered yet.
    int pendingCount() const { return m_pending; }
    bool isBusy() const { return m_pending > 0; }

    // `ifNoneMatch`: the ETag of the last answer; an unchanged list then answers notModified.
    void listTasks(const TaskQuery &query, QObject *context, ApiCallback<TaskPage> done,
                   const QByteArray &ifNoneMatch = {});
    void fetchStats(const TaskQuery &query, QObject *context, ApiCallback<TaskStats> done);
    void fetchTask(const QString &id, QObject *context, ApiCallback<TaskVersion> done);
    void createTask(const TaskChanges &changes, QObject *context, ApiCallback<TaskVersion> done);
    // `ifMatch`: the version the change was made on (an ETag); a 412 answers Kind::Conflict with
    // the task as it is now. Empty: the last writer wins.
    void updateTask(const QString &id, const TaskChanges &changes, const QByteArray &ifMatch,
                    QObject *context, ApiCallback<TaskVersion> done);
    // Answers with the id of the deleted task.
    void deleteTask(const QString &id, const QByteArray &ifMatch, QObject *context,
                    ApiCallback<QString> done);
    // GET /tasks/events, a Server-Sent Events stream (API.md "Live changes"), resumed after
    // `lastEventId` when set. The caller reads and deletes the reply; it has no transfer
    // timeout of its own beyond `idleTimeout` (the server sends a comment every 15 s).
    QNetworkReply *openEventStream(const QByteArray &lastEventId,
                                   std::chrono::milliseconds idleTimeout);
    // GET /health of `server` (not necessarily the current base URL: the settings dialog tests
    // a URL before it is saved). A 503 is an answer too: `healthy` is false.
    void checkHealth(const QUrl &server, QObject *context, ApiCallback<ServerHealth> done);

    // What `server` makes of `token` (the settings dialog tries one before it is saved): asks
    // GET /tasks?limit=1 without a token, then, if the server wants one, with `token`.
    enum class TokenCheck {
        NotNeeded, // the server answers without a token
        Accepted,
        Refused,
        Missing,   // the server wants a token and `token` is empty
    };
    void checkToken(const QUrl &server, const QByteArray &token, QObject *context,
                    ApiCallback<TokenCheck> done);

    // Cancels every request in flight; their callbacks get an ApiError::Kind::Aborted.
    void abortAll();

    // A JSON array of tasks, as GET /tasks answers; nullopt when it is not one.
    static std::optional<QList<Task>> parseTaskList(const QByteArray &json);
    // What the user typed as a server address ("localhost:8000", "https://tasks.example.com/api"),
    // or an invalid QUrl when it cannot be an http(s) server.
    static QUrl serverUrlFromUserInput(const QString &text);

signals:
    void busyChanged(bool busy);

private:
    struct Response
    {
        int status = 0;
        QByteArray body;
        QByteArray totalCountHeader;
        QByteArray etag;
        ApiError error; // set for transport errors and HTTP errors
    };
    using ResponseHandler = std::function<void(const Response &)>;

    // `token`: what goes in the Authorization header (none when empty).
    struct Call
    {
        QByteArray verb;
        QUrl url;
        QByteArray body;
        QByteArray token;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    void send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
              const QByteArray &token, QObject *context, ResponseHandler handler);
    void send(const Call &call, QObject *context, ResponseHandler handler, int attempt = 0);
    QNetworkRequest makeRequest(const Call &call) const;
    QUrl taskUrl(const QString &id) const;
    QUrl endpoint(const QString &path, const QByteArray &query = {}) const;
    Response readResponse(QNetworkReply *reply) const;
    void setPending(int pending);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    std::chrono::milliseconds m_timeout = defaultTimeout;
    int m_pending = 0;
    int m_busyRetries = 3;
    QList<QPointer<QNetworkReply>> m_replies;
};

} // namespace taskflow
