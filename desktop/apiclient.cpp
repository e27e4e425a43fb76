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
#include <QTimer>

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

std::optional<QJsonObject> jsonObject(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

ApiResult<TaskVersion> taskFrom(const QByteArray &body, const QByteArray &etag)
{
    const auto object = jsonObject(body);
    const auto task = object ? Task::fromJson(*object) : std::nullopt;
    if (!task)
        return Failure(ApiError::badResponse(u"not a task"_s));
    return TaskVersion{*task, etag};
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

QNetworkRequest ApiClient::makeRequest(const Call &call) const
{
    QNetworkRequest request(call.url);
    request.setRawHeader("Accept", "application/json");
    if (!call.token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + call.token);
        // A redirect elsewhere must not take the token along.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::SameOriginRedirectPolicy);
    }
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("TaskFlow-Desktop/" TASKFLOW_VERSION));
    if (!call.body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (const auto &[name, value] : call.headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(int(m_timeout.count()));
    return request;
}

void ApiClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                     const QByteArray &token, QObject *context, ResponseHandler handler)
{
    send(Call{verb, url, body, token, {}}, context, std::move(handler));
}

void ApiClient::send(const Call &call, QObject *context, ResponseHandler handler, int attempt)
{
    const QNetworkRequest request = makeRequest(call);
    QNetworkReply *reply = call.body.isNull()
        ? m_network.sendCustomRequest(request, call.verb)
        : m_network.sendCustomRequest(request, call.verb, call.body);
    m_replies.append(reply);
    setPending(m_pending + 1);
    qCDebug(lcApi) << call.verb << call.url.toDisplayString();

    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    QObject *receiver = context ? context : this;
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    // The bookkeeping always runs; the handler only while `context` lives. A busy server did
    // nothing (API.md), so the same request goes again after its Retry-After.
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, call, elapsed, guard, hasContext, receiver, attempt,
             handler = std::move(handler)]() mutable {
                qCDebug(lcApi) << call.verb << reply->url().toDisplayString() << "->"
                               << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                               << reply->error() << elapsed->elapsed() << "ms";
                const Response response = readResponse(reply);
                m_replies.removeAll(reply);
                reply->deleteLater();
                if (response.error.kind == ApiError::Kind::Busy && attempt < m_busyRetries
                    && (guard || !hasContext)) {
                    qCInfo(lcApi) << "server busy, trying again in"
                                  << response.error.retryAfterSeconds << "s";
                    QTimer::singleShot(response.error.retryAfterSeconds * 1000, receiver,
                                       [this, call, receiver, hasContext, attempt,
                                        handler = std::move(handler)]() mutable {
                                           send(call, hasContext ? receiver : nullptr,
                                                std::move(handler), attempt + 1);
                                       });
                    setPending(m_pending - 1);
                    return;
                }
                setPending(m_pending - 1);
                if (guard || !hasContext)
                    handler(response);
            });
}

ApiClient::Response ApiClient::readResponse(QNetworkReply *reply) const
{
    Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // an aborted reply is closed
        response.body = reply->readAll();
    response.totalCountHeader = reply->rawHeader("X-Total-Count");
    response.etag = reply->rawHeader("ETag");
    if (response.status == 0 || reply->error() == QNetworkReply::OperationCanceledError) {
        const QString server = serverName(reply->url());
        if (reply->property(abortedProperty).toBool()) {
            response.error = ApiError::make(ApiError::Kind::Aborted, 0,
                                            QCoreApplication::translate("taskflow", "Cancelled."));
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
        response.error = ApiError::fromHttp(response.status, response.body,
                                            reply->rawHeader("Retry-After"));
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

QUrl ApiClient::taskUrl(const QString &id) const
{
    return endpoint(u"/tasks/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)));
}

void ApiClient::listTasks(const TaskQuery &query, QObject *context, ApiCallback<TaskPage> done,
                          const QByteArray &ifNoneMatch)
{
    Call call{"GET", endpoint(u"/tasks"_s, query.toQueryString()), QByteArray(), m_token, {}};
    if (!ifNoneMatch.isEmpty())
        call.headers.append({"If-None-Match", ifNoneMatch});
    send(call, context, [done = std::move(done)](const Response &response) {
        if (response.status == 304) {
            TaskPage page;
            page.notModified = true;
            page.etag = response.etag;
            return done(page);
        }
        if (response.error.isError())
            return done(Failure(response.error));
        auto tasks = parseTaskList(response.body);
        if (!tasks)
            return done(Failure(ApiError::badResponse(u"not a list of tasks"_s)));
        TaskPage page;
        bool haveTotal = false;
        page.totalCount = response.totalCountHeader.toLongLong(&haveTotal);
        if (!haveTotal)
            page.totalCount = tasks->size();
        page.tasks = std::move(*tasks);
        page.etag = response.etag;
        done(std::move(page));
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
         context, [done = std::move(done)](const Response &response) {
             if (response.error.isError())
                 return done(Failure(response.error));
             const auto object = jsonObject(response.body);
             const auto stats = object ? TaskStats::fromJson(*object) : std::nullopt;
             if (!stats)
                 return done(Failure(ApiError::badResponse(u"not task counts"_s)));
             done(*stats);
         });
}

void ApiClient::fetchTask(const QString &id, QObject *context, ApiCallback<TaskVersion> done)
{
    send("GET", taskUrl(id), QByteArray(), m_token, context,
         [done = std::move(done)](const Response &response) {
             done(response.error.isError() ? ApiResult<TaskVersion>(Failure(response.error))
                                           : taskFrom(response.body, response.etag));
         });
}

void ApiClient::createTask(const TaskChanges &changes, QObject *context,
                           ApiCallback<TaskVersion> done)
{
    send("POST", endpoint(u"/tasks"_s), changes.toJson(), m_token, context,
         [done = std::move(done)](const Response &response) {
             done(response.error.isError() ? ApiResult<TaskVersion>(Failure(response.error))
                                           : taskFrom(response.body, response.etag));
         });
}

void ApiClient::updateTask(const QString &id, const TaskChanges &changes, const QByteArray &ifMatch,
                           QObject *context, ApiCallback<TaskVersion> done)
{
    Call call{"PUT", taskUrl(id), changes.toJson(), m_token, {}};
    if (!ifMatch.isEmpty())
        call.headers.append({"If-Match", ifMatch});
    send(call, context, [done = std::move(done)](const Response &response) {
        done(response.error.isError() ? ApiResult<TaskVersion>(Failure(response.error))
                                      : taskFrom(response.body, response.etag));
    });
}

void ApiClient::deleteTask(const QString &id, const QByteArray &ifMatch, QObject *context,
                           ApiCallback<QString> done)
{
    Call call{"DELETE", taskUrl(id), QByteArray(), m_token, {}};
    if (!ifMatch.isEmpty())
        call.headers.append({"If-Match", ifMatch});
    send(call, context, [id, done = std::move(done)](const Response &response) {
        done(response.error.isError() ? ApiResult<QString>(Failure(response.error))
                                      : ApiResult<QString>(id));
    });
}

QNetworkReply *ApiClient::openEventStream(const QByteArray &lastEventId,
                                          std::chrono::milliseconds idleTimeout)
{
    Call call{"GET", endpoint(u"/tasks/events"_s), QByteArray(), m_token, {}};
    QNetworkRequest request = makeRequest(call);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    if (!lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", lastEventId);
    request.setTransferTimeout(int(idleTimeout.count()));
    qCDebug(lcApi) << "GET" << request.url().toDisplayString() << "(event stream)";
    return m_network.get(request);
}

void ApiClient::checkHealth(const QUrl &server, QObject *context, ApiCallback<ServerHealth> done)
{
    const QUrl url =
        QUrl::fromEncoded(QByteArray(server.toEncoded(QUrl::StripTrailingSlash) + "/health"));
    send("GET", url, QByteArray(), QByteArray(), context,
         [done = std::move(done)](const Response &response) {
             if (response.status == 0)
                 return done(Failure(response.error));
             const auto object = jsonObject(response.body);
             const auto health = object ? ServerHealth::fromJson(*object) : std::nullopt;
             if (health && (response.status == 200 || response.status == 503))
                 return done(*health);
             done(Failure(response.error.isError() ? response.error
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
            return done(TokenCheck::Accepted);
        if (response.error.kind == ApiError::Kind::Unauthorized)
            return done(TokenCheck::Refused);
        done(Failure(response.error));
    };
    // The answer comes only while `context` lives, so it can carry the second request.
    send("GET", url, QByteArray(), QByteArray(), context,
         [this, url, token, context, done, withToken](const Response &response) {
             if (!response.error.isError())
                 return done(TokenCheck::NotNeeded);
             if (response.error.kind != ApiError::Kind::Unauthorized)
                 return done(Failure(response.error));
             if (token.isEmpty())
                 return done(TokenCheck::Missing);
             send("GET", url, QByteArray(), token, context, withToken);
         });
}

} // namespace taskflow
