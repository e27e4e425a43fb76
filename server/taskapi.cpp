#include <taskflow/server/taskapi.h>

#include <taskflow/server/connectionpool.h>
#include <taskflow/common/isodatetime.h>
#include <taskflow/common/jsonwriter.h>
#include <taskflow/server/logging.h>
#include <taskflow/server/serverconfig.h>
#include <taskflow/common/taskchanges.h>
#include <taskflow/common/taskquery.h>
#include <taskflow/server/taskrepository.h>

#include <QFile>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

HttpResponse validationFailed(const ValidationErrors &errors)
{
    return HttpResponse::json(422, validationErrorBody(errors));
}

HttpResponse taskNotFound()
{
    return HttpResponse::error(404, u"Task not found"_s);
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

QByteArray loadResource(const QString &name)
{
    QFile file(u":/"_s + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcServer) << name << "is missing from the resources";
        return QByteArray();
    }
    return file.readAll();
}

} // namespace

TaskApi::TaskApi(ConnectionPool &pool, const ServerConfig &config)
    : m_pool(pool), m_environment(config.environment), m_ceilingRoute(config.ceilingRoute)
{
}

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
    router.add("GET", u"/tasks/{task_id}"_s, to(&TaskApi::getTask));
    router.add("PUT", u"/tasks/{task_id}"_s, to(&TaskApi::updateTask));
    router.add("PATCH", u"/tasks/{task_id}"_s, to(&TaskApi::updateTask));
    router.add("DELETE", u"/tasks/{task_id}"_s, to(&TaskApi::deleteTask));
    if (m_ceilingRoute)
        router.add("GET", u"/__ceiling"_s, to(&TaskApi::ceiling));
}

template <typename Work>
void TaskApi::onDatabase(Work work, const Respond &respond)
{
    // One task on the pool, one answer back: no QFuture continuations, which Qt 6.4 can run
    // twice when one is attached while a worker completes the future.
    m_pool.post([pool = &m_pool, work = std::move(work), respond]() mutable {
        HttpResponse response;
        try {
            response = pool->call([&work](DatabaseSession &session) {
                TaskRepository repository(session);
                return work(repository);
            });
        } catch (const DatabaseError &error) {
            if (error.kind() == DatabaseError::Kind::Unavailable) {
                qCWarning(lcSql).noquote() << "database unavailable:" << error.message();
                response = HttpResponse::error(503, u"Database unavailable"_s);
            } else {
                qCCritical(lcSql).noquote() << "database error:" << error.message();
                response = HttpResponse::error(500, u"Internal Server Error"_s);
            }
        } catch (const std::exception &error) {
            qCCritical(lcServer) << "unexpected exception in a request handler:" << error.what();
            response = HttpResponse::error(500, u"Internal Server Error"_s);
        }
        respond(std::move(response));
    });
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

void TaskApi::health(const HttpRequest &, const Captures &, const Respond &respond)
{
    m_pool.post([pool = &m_pool, environment = m_environment, respond] {
        QByteArray body;
        JsonWriter json(body);
        json.beginObject();
        int status = 200;
        try {
            const qint64 count =
                pool->call([](DatabaseSession &session) { return TaskRepository(session).countAll(); });
            json.key("status");
            json.value(u"healthy"_s);
            json.key("database");
            json.value(u"connected"_s);
            json.key("tasks_count");
            json.value(count);
            json.key("environment");
            json.value(environment);
            json.key("version");
            json.value(QStringLiteral(TASKFLOW_VERSION));
        } catch (const DatabaseError &error) {
            qCWarning(lcSql).noquote() << "health check failed:" << error.message();
            // The driver's reason helps an operator; a failed query's SQL text stays in the log.
            status = 503;
            json.key("status");
            json.value(u"unhealthy"_s);
            json.key("database");
            json.value(error.kind() == DatabaseError::Kind::Unavailable ? error.message()
                                                                        : u"query failed"_s);
        }
        json.endObject();
        respond(HttpResponse::json(status, std::move(body)));
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
    return onDatabase([query = parsed.value()](TaskRepository &tasks) {
        HttpResponse response = HttpResponse::json(200, Task::listToJson(tasks.list(query)));
        if (query.isPaged())
            response.setHeader("X-Total-Count", QByteArray::number(tasks.count(query)));
        return response;
    }, respond);
}

void TaskApi::taskStats(const HttpRequest &request, const Captures &, const Respond &respond)
{
    const auto parsed = TaskQuery::fromQueryString(request.query);
    if (!parsed)
        return respond(validationFailed(parsed.error()));
    return onDatabase([query = parsed.value()](TaskRepository &tasks) {
        return HttpResponse::json(200, tasks.stats(query, IsoDateTime::nowUtc()).toJson());
    }, respond);
}

void TaskApi::getTask(const HttpRequest &, const Captures &captures, const Respond &respond)
{
    return onDatabase([id = captures.value(0)](TaskRepository &tasks) {
        const std::optional<Task> task = tasks.find(id);
        return task ? HttpResponse::json(200, task->toJson()) : taskNotFound();
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
    return onDatabase([task](TaskRepository &tasks) {
        tasks.insert(task);
        return HttpResponse::json(201, task.toJson());
    }, respond);
}

void TaskApi::updateTask(const HttpRequest &request, const Captures &captures, const Respond &respond)
{
    if (auto refused = refuseBodyType(request))
        return respond(*refused);
    const auto parsed = TaskChanges::fromJson(request.body, TaskChanges::Mode::Update);
    if (!parsed)
        return respond(validationFailed(parsed.error()));
    return onDatabase([id = captures.value(0), changes = parsed.value()](TaskRepository &tasks) {
        const std::optional<Task> task = tasks.update(id, changes, IsoDateTime::nowUtc());
        return task ? HttpResponse::json(200, task->toJson()) : taskNotFound();
    }, respond);
}

void TaskApi::deleteTask(const HttpRequest &, const Captures &captures, const Respond &respond)
{
    return onDatabase([id = captures.value(0)](TaskRepository &tasks) {
        return tasks.remove(id) ? HttpResponse::noContent() : taskNotFound();
    }, respond);
}

} // namespace taskflow
