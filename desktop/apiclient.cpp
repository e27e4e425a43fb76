#include <taskflow/desktop/apiclient.h>

#include <taskflow/desktop/logging.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// Marks a reply the app cancelled itself, to tell it apart from a transfer timeout (which Qt
// 6.4 also reports as OperationCanceledError).
constexpr char abortedProperty[] = "taskflow_aborted";

QString serverName(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                        | QUrl::StripTrailingSlash);
}

template <typename T>
ApiResult<T> failure(const ApiError &error)
{
    ApiResult<T> result;
    result.error = error;
    return result;
}

template <typename T>
ApiResult<T> success(T value)
{
    ApiResult<T> result;
    result.value = std::move(value);
    return result;
}

std::optional<QJsonObject> jsonObject(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

ApiResult<Task> taskFrom(const QByteArray &body)
{
    const auto object = jsonObject(body);
    const auto task = object ? Task::fromJson(*object) : std::nullopt;
    if (!task)
        return failure<Task>(ApiError::badResponse(u"not a task"_s));
    return success(*task);
}

} // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent)
{
    m_network.setAutoDeleteReplies(false);
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url.adjusted(QUrl::StripTrailingSlash);
    if (m_baseUrl.path() == u"/"_s)
        m_baseUrl.setPath(QString());
}

QUrl ApiClient::endpoint(const QString &path, const QByteArray &query) const
{
    QByteArray encoded = m_baseUrl.toEncoded(QUrl::StripTrailingSlash) + path.toUtf8();
    if (!query.isEmpty())
        encoded += '?' + query;
    return QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

void ApiClient::setPending(int pending)
{
    const bool wasBusy = isBusy();
    m_pending = pending;
    if (wasBusy != isBusy())
        emit busyChanged(isBusy());
}

void ApiClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                     const QByteArray &token, QObject *context, ResponseHandler handler)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + token);
        // A redirect elsewhere must not take the token along.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::SameOriginRedirectPolicy);
    }
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("TaskFlow-Desktop/" TASKFLOW_VERSION));
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(int(m_timeout.count()));

    QNetworkReply *reply = body.isNull() ? m_network.sendCustomRequest(request, verb)
                                         : m_network.sendCustomRequest(request, verb, body);
    m_replies.append(reply);
    setPending(m_pending + 1);
    qCDebug(lcApi) << verb << url.toDisplayString();

    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    // The handler runs only while `context` lives; the bookkeeping always runs.
    connect(reply, &QNetworkReply::finished, context ? context : this,
            [this, reply, handler = std::move(handler)] { handler(readResponse(reply)); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, verb, elapsed] {
        qCDebug(lcApi) << verb << reply->url().toDisplayString() << "->"
                       << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                       << reply->error() << elapsed->elapsed() << "ms";
        m_replies.removeAll(reply);
        reply->deleteLater();
        setPending(m_pending - 1);
    });
}

ApiClient::Response ApiClient::readResponse(QNetworkReply *reply) const
{
    Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // an aborted reply is closed
        response.body = reply->readAll();
    response.totalCountHeader = reply->rawHeader("X-Total-Count");
    if (response.status == 0 || reply->error() == QNetworkReply::OperationCanceledError) {
        const QString server = serverName(reply->url());
        if (reply->property(abortedProperty).toBool()) {
            response.error = ApiError{ApiError::Kind::Aborted, 0,
                                      QCoreApplication::translate("taskflow", "Cancelled."), {}};
        } else if (reply->error() == QNetworkReply::OperationCanceledError
                   || reply->error() == QNetworkReply::TimeoutError) {
            response.error = ApiError::timeout(server, int((m_timeout.count() + 999) / 1000));
        } else {
            response.error = ApiError::unreachable(server, reply->errorString());
        }
        response.status = 0;
    } else if (reply->error() == QNetworkReply::InsecureRedirectError) {
        // Not followed, as send() asks when a token goes along.
        const QUrl target = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        response.error = ApiError::redirectedElsewhere(serverName(reply->url()), serverName(target));
    } else if (response.status == 401) {
        response.error = ApiError::unauthorized(reply->request().hasRawHeader("Authorization"));
    } else if (response.status >= 400) {
        response.error = ApiError::fromHttp(response.status, response.body);
    }
    return response;
}

void ApiClient::abortAll()
{
    const auto replies = m_replies;
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply) {
            reply->setProperty(abortedProperty, true);
            reply->abort();
        }
    }
}

std::optional<QList<Task>> ApiClient::parseTaskList(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    const QJsonArray array = document.array();
    QList<Task> tasks;
    tasks.reserve(array.size());
    for (const QJsonValue &value : array) {
        auto task = Task::fromJson(value.toObject());
        if (!task)
            return std::nullopt;
        tasks.append(std::move(*task));
    }
    return tasks;
}

QUrl ApiClient::serverUrlFromUserInput(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QUrl();
    QUrl url = trimmed.contains(u"://"_s) ? QUrl(trimmed, QUrl::StrictMode)
                                           : QUrl(u"http://"_s + trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.hasQuery()
        || url.hasFragment())
        return QUrl();
    url = url.adjusted(QUrl::StripTrailingSlash);
    if (url.path() == u"/"_s) // StripTrailingSlash keeps a lone "/"
        url.setPath(QString());
    return url;
}

void ApiClient::listTasks(const TaskQuery &query, QObject *context, ApiCallback<TaskPage> done)
{
    send("GET", endpoint(u"/tasks"_s, query.toQueryString()), QByteArray(), m_token, context,
         [done = std::move(done)](const Response &response) {
             if (response.error.isError())
                 return done(failure<TaskPage>(response.error));
             auto tasks = parseTaskList(response.body);
             if (!tasks)
                 return done(failure<TaskPage>(ApiError::badResponse(u"not a list of tasks"_s)));
             TaskPage page;
             bool haveTotal = false;
             page.totalCount = response.totalCountHeader.toLongLong(&haveTotal);
             if (!haveTotal)
                 page.totalCount = tasks->size();
             page.tasks = std::move(*tasks);
             done(success(std::move(page)));
         });
}

void ApiClient::fetchStats(const TaskQuery &query, QObject *context, ApiCallback<TaskStats> done)
{
    TaskQuery filters = query; // stats take the filters only
    filters.limit.reset();
    filters.offset.reset();
    filters.sortKey = TaskSortKey::CreatedAt;
    filters.descending = false;
    send("GET", endpoint(u"/tasks/stats"_s, filters.toQueryString()), QByteArray(), m_token,
         context,
         [done = std::move(done)](const Response &response) {
             if (response.error.isError())
                 return done(failure<TaskStats>(response.error));
             const auto object = jsonObject(response.body);
             const auto stats = object ? TaskStats::fromJson(*object) : std::nullopt;
             if (!stats)
                 return done(failure<TaskStats>(ApiError::badResponse(u"not task counts"_s)));
             done(success(*stats));
         });
}

void ApiClient::fetchTask(const QString &id, QObject *context, ApiCallback<Task> done)
{
    send("GET", endpoint(u"/tasks/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id))),
         QByteArray(), m_token, context, [done = std::move(done)](const Response &response) {
             done(response.error.isError() ? failure<Task>(response.error) : taskFrom(response.body));
         });
}

void ApiClient::createTask(const TaskChanges &changes, QObject *context, ApiCallback<Task> done)
{
    send("POST", endpoint(u"/tasks"_s), changes.toJson(), m_token, context,
         [done = std::move(done)](const Response &response) {
             done(response.error.isError() ? failure<Task>(response.error) : taskFrom(response.body));
         });
}

void ApiClient::updateTask(const QString &id, const TaskChanges &changes, QObject *context,
                           ApiCallback<Task> done)
{
    send("PUT", endpoint(u"/tasks/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id))),
         changes.toJson(), m_token, context, [done = std::move(done)](const Response &response) {
             done(response.error.isError() ? failure<Task>(response.error) : taskFrom(response.body));
         });
}

void ApiClient::deleteTask(const QString &id, QObject *context, ApiCallback<QString> done)
{
    send("DELETE", endpoint(u"/tasks/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id))),
         QByteArray(), m_token, context, [id, done = std::move(done)](const Response &response) {
             done(response.error.isError() ? failure<QString>(response.error) : success(id));
         });
}

void ApiClient::checkHealth(const QUrl &server, QObject *context, ApiCallback<ServerHealth> done)
{
    const QUrl url =
        QUrl::fromEncoded(QByteArray(server.toEncoded(QUrl::StripTrailingSlash) + "/health"));
    send("GET", url, QByteArray(), QByteArray(), context,
         [done = std::move(done)](const Response &response) {
             if (response.status == 0)
                 return done(failure<ServerHealth>(response.error));
             const auto object = jsonObject(response.body);
             const auto health = object ? ServerHealth::fromJson(*object) : std::nullopt;
             if (health && (response.status == 200 || response.status == 503))
                 return done(success(*health));
             done(failure<ServerHealth>(response.error.isError()
                                            ? response.error
                                            : ApiError::badResponse(u"not a health report"_s)));
         });
}

void ApiClient::checkToken(const QUrl &server, const QByteArray &token, QObject *context,
                           ApiCallback<TokenCheck> done)
{
    const QUrl url =
        QUrl::fromEncoded(QByteArray(server.toEncoded(QUrl::StripTrailingSlash) + "/tasks?limit=1"));
    const auto withToken = [done](const Response &response) {
        if (!response.error.isError())
            return done(success(TokenCheck::Accepted));
        if (response.error.kind == ApiError::Kind::Unauthorized)
            return done(success(TokenCheck::Refused));
        done(failure<TokenCheck>(response.error));
    };
    // The answer comes only while `context` lives, so it can carry the second request.
    send("GET", url, QByteArray(), QByteArray(), context,
         [this, url, token, context, done, withToken](const Response &response) {
             if (!response.error.isError())
                 return done(success(TokenCheck::NotNeeded));
             if (response.error.kind != ApiError::Kind::Unauthorized)
                 return done(failure<TokenCheck>(response.error));
             if (token.isEmpty())
                 return done(success(TokenCheck::Missing));
             send("GET", url, QByteArray(), token, context, withToken);
         });
}

} // namespace taskflow
