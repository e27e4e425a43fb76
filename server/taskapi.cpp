#include <taskflow/server/taskapi.h>

#include <taskflow/common/isodatetime.h>
#include <taskflow/common/jsonwriter.h>
#include <taskflow/common/serverhealth.h>
#include <taskflow/common/taskchanges.h>
#include <taskflow/common/taskquery.h>
#include <taskflow/server/changefeed.h>
#include <taskflow/server/logging.h>
#include <taskflow/server/serverconfig.h>
#include <taskflow/server/taskrepository.h>

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// A whole list is read and sent this many tasks at a time, as its client takes them.
constexpr int sliceSize = 200;
// Pages up to this size are quick work; larger ones, and whole lists, are bulk work.
constexpr int quickPageLimit = 100;

HttpResponse validationFailed(const ValidationErrors &errors)
{
    return HttpResponse::json(422, validationErrorBody(errors));
}

HttpResponse taskNotFound()
{
    return HttpResponse::error(404, u"Task not found"_s);
}

// API.md: more work waiting than the server can do soon.
HttpResponse busy()
{
    HttpResponse response = HttpResponse::error(503, u"Server busy"_s);
    response.setHeader("Retry-After", "1");
    return response;
}

HttpResponse notModified(const QByteArray &etag)
{
    HttpResponse response;
    response.status = 304;
    response.contentType.clear();
    response.setHeader("ETag", etag);
    return response;
}

HttpResponse withTask(int status, const VersionedTask &task)
{
    HttpResponse response = HttpResponse::json(status, task.task.toJson());
    response.setHeader("ETag", task.etag);
    return response;
}

// 412: the client's version is not the task's any more; it gets the current one to compare.
HttpResponse changedSinceRead(const VersionedTask &current)
{
    QByteArray body;
    JsonWriter json(body);
    json.beginObject();
    json.key("detail");
    json.value(u"Task was changed since you read it"_s);
    json.key("task");
    body += current.task.toJson();
    body += '}';
    HttpResponse response = HttpResponse::json(412, body);
    response.setHeader("ETag", current.etag);
    return response;
}

// The answer to a write that may have been conditional: `done()` when it landed (and the live
// streams hear of it at once), 412 with the current task for a stale version, 404 for no task.
template <typename Done>
HttpResponse writeAnswer(const WriteOutcome &outcome, ChangeFeed *feed, Done done)
{
    switch (outcome.kind) {
    case WriteOutcome::Kind::Done:
        feed->nudge();
        return done();
    case WriteOutcome::Kind::Stale:
        return changedSinceRead(*outcome.task);
    case WriteOutcome::Kind::NotFound:
        break;
    }
    return taskNotFound();
}

HttpResponse databaseFailure(const DatabaseError &error)
{
    if (error.kind() == DatabaseError::Kind::Unavailable) {
        qCWarning(lcSql).noquote() << "database unavailable:" << error.message();
        return HttpResponse::error(503, u"Database unavailable"_s);
    }
    qCCritical(lcSql).noquote() << "database error:" << error.message();
    return HttpResponse::error(500, u"Internal Server Error"_s);
}

// A strong validator made of what decides an answer.
QByteArray etagOf(const QByteArray &prefix, const QByteArray &content)
{
    return '"' + prefix + QCryptographicHash::hash(content, QCryptographicHash::Sha256).left(12).toHex() + '"';
}

// FastAPI reads a body as JSON when it has no Content-Type or a JSON one; any other type is
// not an object to read fields from.
bool isJsonContentType(const QByteArray &contentType)
{
    if (contentType.isEmpty())
        return true;
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    return type == "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

std::optional<HttpResponse> refuseBodyType(const HttpRequest &request)
{
    if (isJsonContentType(request.header("Content-Type")))
        return std::nullopt;
    return validationFailed({ValidationError::body(
        QString(), u"model_attributes_type"_s,
        u"Input should be a valid dictionary or object to extract fields from"_s)});
}

// No stored id holds NUL (PostgreSQL cannot, and the server never makes one): such an id is
// simply not found, without asking a database that would fail on it.
bool canExist(const QString &id)
{
    return !id.contains(QChar(0));
}

QByteArray loadResource(const QString &name)
{
    QFile file(u":/"_s + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcServer) << name << "is missing from the resources";
        return QByteArray();
    }
    return file.readAll();
}

void appendTasks(QByteArray &out, const QList<Task> &tasks, bool first)
{
    for (const Task &task : tasks) {
        if (!first)
            out += ',';
        first = false;
        task.appendJson(out);
    }
}

} // namespace

// The answers of GET /tasks/stats, by query, while nothing changed and no due date passed:
// repeated counts cost one small query (the change marker) instead of a scan.
class StatsCache
{
public:
    struct Entry
    {
        ChangeMarker marker;
        QDateTime validUntil; // invalid: no due date ahead
        QByteArray body;
        QByteArray etag;
    };

    std::optional<Entry> find(const QByteArray &query, const ChangeMarker &marker, const QDateTime &now)
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(query);
        if (it == m_entries.constEnd() || !(it->marker == marker)
            || (it->validUntil.isValid() && now >= it->validUntil))
            return std::nullopt;
        return *it;
    }

    void store(const QByteArray &query, Entry entry)
    {
        const QMutexLocker lock(&m_mutex);
        if (m_entries.size() >= 512)
            m_entries.clear();
        m_entries.insert(query, std::move(entry));
    }

private:
    QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
};

// The rest of a whole list after its first slice: read slice by slice as the client takes it,
// so memory holds a slice per list, not the list.
class TaskApi::ListBody : public StreamedBody, public std::enable_shared_from_this<ListBody>
{
public:
    ListBody(TaskApi *api, TaskQuery query, CancelFlag clientGone, QByteArray first, ListCursor cursor)
        : m_api(api), m_query(std::move(query)), m_clientGone(std::move(clientGone)),
          m_pending(std::move(first)), m_cursor(std::move(cursor))
    {
    }
    ~ListBody() override { done(); }

    void start(BodySink *sink) override
    {
        m_sink = sink;
        m_sink->write(std::exchange(m_pending, QByteArray()));
        fetch();
    }

    void drained() override
    {
        if (!m_fetching)
            fetch();
    }

    void stopped() override
    {
        m_sink = nullptr;
        done();
    }

private:
    void fetch()
    {
        if (!m_sink || m_fetching)
            return;
        m_fetching = true;
        ConnectionPool::Work work;
        work.lane = ConnectionPool::Lane::Bulk;
        work.admitted = true;
        work.clientGone = m_clientGone;
        const std::weak_ptr<ListBody> self = weak_from_this();
        QObject *home = &m_api->m_home;
        work.dropped = [home, self] {
            QMetaObject::invokeMethod(home, [self] {
                if (const auto body = self.lock())
                    body->done();
            }, Qt::QueuedConnection);
        };
        work.run = [pool = &m_api->m_pool, home, self, query = m_query, cursor = m_cursor]() {
            QByteArray json;
            ListCursor last = cursor;
            bool complete = false;
            bool failed = false;
            try {
                const QList<Task> tasks = pool->call([&](DatabaseSession &session) {
                    return TaskRepository(session).slice(query, cursor, sliceSize, &last);
                });
                appendTasks(json, tasks, false);
                complete = tasks.size() < sliceSize;
            } catch (const DatabaseError &error) {
                qCWarning(lcSql).noquote() << "a list being sent failed:" << error.message();
                failed = true;
            }
            QMetaObject::invokeMethod(home, [self, json, last, complete, failed] {
                if (const auto body = self.lock())
                    body->arrived(json, last, complete, failed);
            }, Qt::QueuedConnection);
        };
        m_api->m_pool.submit(std::move(work));
    }

    void arrived(const QByteArray &json, const ListCursor &last, bool complete, bool failed)
    {
        m_fetching = false;
        if (!m_sink)
            return;
        if (failed) {
            // The head said 200: a cut connection is how the client learns the list is short.
            std::exchange(m_sink, nullptr)->abort();
            return;
        }
        m_cursor = last;
        m_sink->write(json);
        if (complete) {
            m_sink->write("]");
            std::exchange(m_sink, nullptr)->finish();
            done();
            return;
        }
        if (m_sink->backlog() <= 64 * 1024)
            fetch();
    }

    void done()
    {
        if (!m_counted)
            return;
        m_counted = false;
        m_api->listFinished();
    }

    TaskApi *m_api;
    TaskQuery m_query;
    CancelFlag m_clientGone;
    QByteArray m_pending;
    ListCursor m_cursor;
    BodySink *m_sink = nullptr;
    bool m_fetching = false;
    bool m_counted = true;
};

TaskApi::TaskApi(ConnectionPool &pool, ChangeFeed &feed, const ServerConfig &config)
    : m_pool(pool),
      m_feed(feed),
      m_environment(config.environment),
      m_ceilingRoute(config.ceilingRoute),
      m_statsCache(std::make_unique<StatsCache>())
{
}

TaskApi::~TaskApi() = default;

void TaskApi::registerRoutes(Router &router)
{
    const auto to = [this](auto handler) {
        return [this, handler](const HttpRequest &request, const Captures &captures,
                               const Respond &respond) {
            (this->*handler)(request, captures, respond);
        };
    };
    router.add("GET", u"/"_s, to(&TaskApi::root));
    router.add("GET", u"/health"_s, to(&TaskApi::health));
    router.add("GET", u"/openapi.json"_s, to(&TaskApi::openApi));
    router.add("GET", u"/docs"_s, to(&TaskApi::docs)); // the document for people, as FastAPI's
    router.add("GET", u"/tasks"_s, to(&TaskApi::listTasks));
    router.add("POST", u"/tasks"_s, to(&TaskApi::createTask));
    router.add("GET", u"/tasks/stats"_s, to(&TaskApi::taskStats));
    router.add("GET", u"/tasks/events"_s, to(&TaskApi::events));
    router.add("GET", u"/tasks/{task_id}"_s, to(&TaskApi::getTask));
    router.add("PUT", u"/tasks/{task_id}"_s, to(&TaskApi::updateTask));
    router.add("PATCH", u"/tasks/{task_id}"_s, to(&TaskApi::updateTask));
    router.add("DELETE", u"/tasks/{task_id}"_s, to(&TaskApi::deleteTask));
    if (m_ceilingRoute)
        router.add("GET", u"/__ceiling"_s, to(&TaskApi::ceiling));
}

template <typename Work>
void TaskApi::onDatabase(ConnectionPool::Lane lane, const HttpRequest &request, Work work,
                         const Respond &respond, ErrorAnswer onError)
{
    ConnectionPool::Work job;
    job.lane = lane;
    job.clientGone = request.clientGone;
    job.run = [pool = &m_pool, work = std::move(work), respond, onError = std::move(onError)]() mutable {
        HttpResponse response;
        try {
            response = pool->call([&work](DatabaseSession &session) {
                TaskRepository repository(session);
                return work(repository);
            });
        } catch (const DatabaseError &error) {
            response = onError ? onError(error) : databaseFailure(error);
        } catch (const std::exception &error) {
            qCCritical(lcServer) << "unexpected exception in a request handler:" << error.what();
            response = HttpResponse::error(500, u"Internal Server Error"_s);
        } catch (...) {
            qCCritical(lcServer) << "unexpected exception in a request handler";
            response = HttpResponse::error(500, u"Internal Server Error"_s);
        }
        respond(std::move(response));
    };
    if (!m_pool.submit(std::move(job)))
        respond(busy());
}

void TaskApi::root(const HttpRequest &, const Captures &, const Respond &respond)
{
    QByteArray body;
    JsonWriter json(body);
    json.beginObject();
    json.key("message");
    json.value(u"Welcome to TaskFlow API"_s);
    json.key("version");
    json.value(QStringLiteral(TASKFLOW_VERSION));
    json.key("docs");
    json.value(u"/docs"_s);
    json.endObject();
    return respond(HttpResponse::json(200, std::move(body)));
}

void TaskApi::health(const HttpRequest &request, const Captures &, const Respond &respond)
{
    const QString environment = m_environment;
    onDatabase(ConnectionPool::Lane::Quick, request, [environment](TaskRepository &tasks) {
        ServerHealth health;
        health.healthy = true;
        health.database = u"connected"_s;
        health.tasksCount = tasks.countsKept().total;
        health.environment = environment;
        health.version = QStringLiteral(TASKFLOW_VERSION);
        return HttpResponse::json(200, health.toJson());
    }, respond, [](const DatabaseError &error) {
        qCWarning(lcSql).noquote() << "health check failed:" << error.message();
        // The driver's reason helps an operator; a failed query's SQL text stays in the log.
        ServerHealth health;
        health.database = error.kind() == DatabaseError::Kind::Unavailable ? error.message()
                                                                           : u"query failed"_s;
        return HttpResponse::json(503, health.toJson());
    });
}

void TaskApi::openApi(const HttpRequest &, const Captures &, const Respond &respond)
{
    static const QByteArray document = loadResource(u"openapi.json"_s);
    if (document.isEmpty())
        return respond(HttpResponse::error(500, u"Internal Server Error"_s));
    return respond(HttpResponse::json(200, document));
}

void TaskApi::docs(const HttpRequest &, const Captures &, const Respond &respond)
{
    static const QByteArray page = loadResource(u"docs.html"_s);
    if (page.isEmpty())
        return respond(HttpResponse::error(500, u"Internal Server Error"_s));
    HttpResponse response = HttpResponse::json(200, page);
    response.contentType = "text/html; charset=utf-8";
    return respond(std::move(response));
}

void TaskApi::ceiling(const HttpRequest &, const Captures &, const Respond &respond)
{
    return respond(HttpResponse::json(200, R"({"status":"ok"})"));
}

void TaskApi::listTasks(const HttpRequest &request, const Captures &, const Respond &respond)
{
    const auto parsed = TaskQuery::fromQueryString(request.query);
    if (!parsed)
        return respond(validationFailed(parsed.error()));
    const TaskQuery &query = parsed.value();
    if (!query.isPaged())
        return sendWholeList(request, respond);
    const auto lane = query.limit.value_or(TaskQuery::maxLimit) <= quickPageLimit
        ? ConnectionPool::Lane::Quick : ConnectionPool::Lane::Bulk;
    onDatabase(lane, request, [query, ifNoneMatch = request.header("If-None-Match")](TaskRepository &tasks) {
        // Any change by anyone moves the marker: an unchanged marker is an unchanged page.
        const QByteArray etag = etagOf("L", tasks.changeMarker().text() + ' ' + query.toQueryString());
        if (!ifNoneMatch.isEmpty() && TaskRepository::etagMatches(ifNoneMatch, etag, true))
            return notModified(etag);
        HttpResponse response = HttpResponse::json(200, Task::listToJson(tasks.list(query)));
        response.setHeader("X-Total-Count", QByteArray::number(tasks.count(query)));
        response.setHeader("ETag", etag);
        return response;
    }, respond);
}

void TaskApi::sendWholeList(const HttpRequest &request, const Respond &respond)
{
    // A few lists at a time, each sent quickly, rather than every list slowly: the bulk
    // workers can read each list's next slice while its client takes the previous one.
    const int sending = qMax(2, 2 * m_pool.bulkWorkers());
    if (m_listsSending < sending)
        return startList(request, respond);
    if (int(m_listsWaiting.size()) < m_pool.limits().bulkQueue) {
        m_listsWaiting.emplace_back(request, respond);
        return;
    }
    respond(busy());
}

void TaskApi::startList(const HttpRequest &request, const Respond &respond)
{
    ++m_listsSending;
    const TaskQuery query = TaskQuery::fromQueryString(request.query).value();
    ConnectionPool::Work work;
    work.lane = ConnectionPool::Lane::Bulk;
    work.admitted = true;
    work.clientGone = request.clientGone;
    QObject *home = &m_home;
    work.dropped = [this, home] {
        QMetaObject::invokeMethod(home, [this] { listFinished(); }, Qt::QueuedConnection);
    };
    work.run = [this, home, query, respond, clientGone = request.clientGone,
                ifNoneMatch = request.header("If-None-Match")] {
        HttpResponse response;
        bool streaming = false;
        try {
            m_pool.call([&](DatabaseSession &session) {
                TaskRepository tasks(session);
                const QByteArray etag = etagOf("L", tasks.changeMarker().text() + ' ' + query.toQueryString());
                if (!ifNoneMatch.isEmpty() && TaskRepository::etagMatches(ifNoneMatch, etag, true)) {
                    response = notModified(etag);
                    return;
                }
                ListCursor last;
                const QList<Task> first = tasks.slice(query, std::nullopt, sliceSize, &last);
                QByteArray json = "[";
                appendTasks(json, first, true);
                response = HttpResponse::json(200, QByteArray());
                response.setHeader("ETag", etag);
                if (first.size() < sliceSize) {
                    response.body = json + ']';
                    return;
                }
                streaming = true;
                response.stream = std::make_shared<ListBody>(this, query, clientGone, json, last);
            });
        } catch (const DatabaseError &error) {
            response = databaseFailure(error);
        }
        if (!streaming) // the body holds the slot until it is sent; otherwise it is free now
            QMetaObject::invokeMethod(home, [this] { listFinished(); }, Qt::QueuedConnection);
        respond(std::move(response));
    };
    m_pool.submit(std::move(work));
}

void TaskApi::listFinished()
{
    --m_listsSending;
    while (!m_listsWaiting.empty()) {
        auto [request, respond] = std::move(m_listsWaiting.front());
        m_listsWaiting.pop_front();
        if (request.isCancelled())
            continue; // its client left while it waited: never started
        startList(request, respond);
        return;
    }
}

void TaskApi::taskStats(const HttpRequest &request, const Captures &, const Respond &respond)
{
    const auto parsed = TaskQuery::fromQueryString(request.query);
    if (!parsed)
        return respond(validationFailed(parsed.error()));
    onDatabase(ConnectionPool::Lane::Quick, request,
               [cache = m_statsCache.get(), query = parsed.value(),
                ifNoneMatch = request.header("If-None-Match")](TaskRepository &tasks) {
        const QDateTime now = IsoDateTime::nowUtc();
        const QByteArray key = query.toQueryString();
        const ChangeMarker marker = tasks.changeMarker();
        std::optional<StatsCache::Entry> entry = cache->find(key, marker, now);
        if (!entry) {
            // The overdue count changes with time alone, when a due date passes: the answer
            // is good until the next one.
            const QByteArray body = tasks.stats(query, now).toJson();
            entry = StatsCache::Entry{marker, tasks.nextDueAfter(query, now), body, etagOf("S", body)};
            cache->store(key, *entry);
        }
        if (!ifNoneMatch.isEmpty() && TaskRepository::etagMatches(ifNoneMatch, entry->etag, true))
            return notModified(entry->etag);
        HttpResponse response = HttpResponse::json(200, entry->body);
        response.setHeader("ETag", entry->etag);
        return response;
    }, respond);
}

void TaskApi::events(const HttpRequest &request, const Captures &, const Respond &respond)
{
    std::optional<qint64> lastEventId;
    if (request.hasHeader("Last-Event-ID")) {
        bool ok = false;
        const qint64 id = request.header("Last-Event-ID").trimmed().toLongLong(&ok);
        if (ok && id >= 0)
            lastEventId = id;
    }
    HttpResponse response;
    response.contentType = "text/event-stream";
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Accel-Buffering", "no"); // nginx and friends: pass each event on
    response.stream = m_feed.openStream(lastEventId);
    respond(std::move(response));
}

void TaskApi::getTask(const HttpRequest &request, const Captures &captures, const Respond &respond)
{
    if (!canExist(captures.value(0)))
        return respond(taskNotFound());
    onDatabase(ConnectionPool::Lane::Quick, request,
               [id = captures.value(0), ifNoneMatch = request.header("If-None-Match")](TaskRepository &tasks) {
        const std::optional<VersionedTask> task = tasks.find(id);
        if (!task)
            return taskNotFound();
        if (!ifNoneMatch.isEmpty() && TaskRepository::etagMatches(ifNoneMatch, task->etag, true))
            return notModified(task->etag);
        return withTask(200, *task);
    }, respond);
}

void TaskApi::createTask(const HttpRequest &request, const Captures &, const Respond &respond)
{
    if (auto refused = refuseBodyType(request))
        return respond(*refused);
    const auto parsed = TaskChanges::fromJson(request.body, TaskChanges::Mode::Create);
    if (!parsed)
        return respond(validationFailed(parsed.error()));

    // Id and timestamps are fixed before the work starts, so a retry after a lost connection
    // inserts the same row.
    Task task;
    task.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    task.createdAt = task.updatedAt = IsoDateTime::nowUtc();
    parsed->applyTo(task);
    onDatabase(ConnectionPool::Lane::Quick, request, [task, feed = &m_feed](TaskRepository &tasks) {
        const VersionedTask stored = tasks.insert(task);
        feed->nudge();
        return withTask(201, stored);
    }, respond);
}

void TaskApi::updateTask(const HttpRequest &request, const Captures &captures, const Respond &respond)
{
    if (auto refused = refuseBodyType(request))
        return respond(*refused);
    const auto parsed = TaskChanges::fromJson(request.body, TaskChanges::Mode::Update);
    if (!parsed)
        return respond(validationFailed(parsed.error()));
    if (!canExist(captures.value(0)))
        return respond(taskNotFound());
    onDatabase(ConnectionPool::Lane::Quick, request,
               [id = captures.value(0), changes = parsed.value(), feed = &m_feed,
                ifMatch = request.header("If-Match")](TaskRepository &tasks) {
        const WriteOutcome outcome = tasks.update(id, changes, IsoDateTime::nowUtc(), ifMatch);
        return writeAnswer(outcome, feed, [&] { return withTask(200, *outcome.task); });
    }, respond);
}

void TaskApi::deleteTask(const HttpRequest &request, const Captures &captures, const Respond &respond)
{
    if (!canExist(captures.value(0)))
        return respond(taskNotFound());
    onDatabase(ConnectionPool::Lane::Quick, request,
               [id = captures.value(0), feed = &m_feed, ifMatch = request.header("If-Match")](TaskRepository &tasks) {
        return writeAnswer(tasks.remove(id, ifMatch), feed, [] { return HttpResponse::noContent(); });
    }, respond);
}

} // namespace taskflow
