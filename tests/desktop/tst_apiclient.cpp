// ApiClient against a real taskflow-server on a free port: every endpoint the desktop uses,
// the error shapes it relies on (404, 422), and a server that is down or never answers. A
// second server is started with API_TOKEN, for the bearer token and its 401s; a recording
// socket server shows which requests carry the token.

#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/healthsummary.h>
#include "awaitanswer.h"
#include "scriptedhttpserver.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

// Every call of ApiClient answers an ApiCallback<T>.
template <typename T>
std::optional<ApiResult<T>> await(const std::function<void(QObject *, ApiCallback<T>)> &call)
{
    return awaitAnswer<ApiResult<T>>(call, 15000);
}

TaskChanges newTask(const QString &title)
{
    TaskChanges changes;
    changes.title = title;
    return changes;
}

constexpr char apiToken[] = "desktop-test-token.A1_b2~c3";

// Answers every request with `answer` and keeps the head of each request it was sent: to see
// which headers the client sends where.
class RecordingServer
{
public:
    explicit RecordingServer(QByteArray answer) : RecordingServer(QList<QByteArray>{std::move(answer)}) {}
    // One answer per request, in order; the last one again for any further request.
    explicit RecordingServer(QList<QByteArray> answers)
        : m_answers(std::move(answers)),
          m_server([this](QTcpSocket *socket, const QByteArray &head) {
              heads.append(head);
              socket->write(m_answers.size() > 1 ? m_answers.takeFirst() : m_answers.first());
              socket->disconnectFromHost();
          })
    {
    }

    bool isListening() const { return m_server.isListening(); }
    QUrl url() const { return m_server.url(); }

    QList<QByteArray> heads;

private:
    QList<QByteArray> m_answers;
    ScriptedHttpServer m_server;
};

QByteArray answer(const QByteArray &statusLine, const QByteArray &body, const QByteArray &headers = {})
{
    return "HTTP/1.1 " + statusLine + "\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + headers + "\r\n" + body;
}

Task sampleTask()
{
    Task task;
    task.id = u"0b7a3f52-2f7e-4c1e-9f3a-1d2c3b4a5f60"_s;
    task.title = u"Versioned"_s;
    task.createdAt = task.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
    return task;
}

const QByteArray emptyListAnswer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                   "Content-Length: 2\r\nConnection: close\r\n\r\n[]";

// A port nothing listens on (it was free a moment ago).
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void createAndFetch();
    void createSendsDueDateAsUtc();
    void listWithFilters();
    void listWithPaging();
    void searchTextIsEncoded();
    void stats();
    void updateIsPartial();
    void updateClearsNullableFields();
    void deleteTask();
    void missingTaskIsNotFound();
    void invalidTaskIs422WithFields();
    void health();
    void serverDown();
    void slowServerTimesOut();
    void busyWhileInFlight();
    void abortAll();
    void noCallbackAfterContextIsGone();
    void serverUrlFromUserInput_data();
    void serverUrlFromUserInput();
    void parseTaskList();
    void versionsGoAsIfMatchAndIfNoneMatch();
    void staleVersionIsAConflictWithTheCurrentTask();
    void unchangedListIsNotModified();
    void busyServerIsAskedAgainAfterRetryAfter();
    void serverVersionsTasks();

    void withoutTokenIsUnauthorized();
    void wrongTokenIsRefused();
    void tokenOpensEveryEndpoint();
    void healthNeedsNoToken();
    void checkToken_data();
    void checkToken();
    void checkTokenOnAServerThatIsDown();
    void tokenGoesOnlyWhereItBelongs();
    void tokenDoesNotFollowARedirectElsewhere();

private:
    Task create(const TaskChanges &changes);
    QList<Task> list(const TaskQuery &query);

    TestDatabase m_database;
    TestServer m_server;
    ApiClient m_client;
    TestDatabase m_lockedDatabase;
    TestServer m_lockedServer; // started with API_TOKEN=apiToken
};

void TestApiClient::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_database);
    QVERIFY2(m_server.start(m_database.url()), qPrintable(m_server.output()));
    m_client.setBaseUrl(m_server.url());
    TASKFLOW_REQUIRE_DATABASE(m_lockedDatabase);
    QVERIFY2(m_lockedServer.startWithToken(m_lockedDatabase.url(), apiToken), qPrintable(m_lockedServer.output()));
}

void TestApiClient::init()
{
    m_client.setBaseUrl(m_server.url());
    m_client.setTimeout(ApiClient::defaultTimeout);
    deleteEveryTask(m_server.url());
}

Task TestApiClient::create(const TaskChanges &changes)
{
    const auto result = await<TaskVersion>(
        [&](QObject *context, ApiCallback<TaskVersion> done) { m_client.createTask(changes, context, done); });
    if (!result || !result->ok())
        qWarning() << "create failed:" << (result ? result->error().message : u"no answer"_s);
    return result ? result->value().task : Task{};
}

QList<Task> TestApiClient::list(const TaskQuery &query)
{
    const auto result = await<TaskPage>(
        [&](QObject *context, ApiCallback<TaskPage> done) { m_client.listTasks(query, context, done); });
    if (!result || !result->ok())
        qWarning() << "list failed:" << (result ? result->error().message : u"no answer"_s);
    return result ? result->value().tasks : QList<Task>{};
}

void TestApiClient::createAndFetch()
{
    TaskChanges changes = newTask(u"Write the release notes"_s);
    changes.description = Nullable<QString>(u"For 1.0, with the known issues"_s);
    changes.status = TaskStatus::InProgress;
    changes.priority = TaskPriority::High;
    changes.assignee = Nullable<QString>(u"Zoë"_s);
    const Task created = create(changes);
    QVERIFY(!created.id.isEmpty());
    QCOMPARE(created.title, u"Write the release notes"_s);
    QCOMPARE(created.description, std::optional(u"For 1.0, with the known issues"_s));
    QCOMPARE(created.status, TaskStatus::InProgress);
    QCOMPARE(created.priority, TaskPriority::High);
    QCOMPARE(created.assignee, std::optional(u"Zoë"_s));
    QVERIFY(!created.dueDate);

    const auto fetched = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        m_client.fetchTask(created.id, context, done);
    });
    QVERIFY(fetched && fetched->ok());
    QCOMPARE(fetched->value().task, created);
}

void TestApiClient::createSendsDueDateAsUtc()
{
    // 10:30 at UTC+02:00 is 08:30 UTC.
    const QDateTime local(QDate(2031, 3, 14), QTime(10, 30), QTimeZone(2 * 3600));
    TaskChanges changes = newTask(u"Dentist"_s);
    changes.dueDate = Nullable<QDateTime>(local.toUTC());
    const Task created = create(changes);
    QVERIFY(created.dueDate);
    QCOMPARE(*created.dueDate, QDateTime(QDate(2031, 3, 14), QTime(8, 30), QTimeZone::utc()));
    HttpClient http(m_server.url());
    QCOMPARE(http.get(u"/tasks/"_s + created.id).object().value(u"due_date"_s).toString(),
             u"2031-03-14T08:30:00Z"_s);
}

void TestApiClient::listWithFilters()
{
    TaskChanges a = newTask(u"Alpha report"_s);
    a.status = TaskStatus::Done;
    a.priority = TaskPriority::High;
    a.assignee = Nullable<QString>(u"ann"_s);
    TaskChanges b = newTask(u"Beta"_s);
    b.description = Nullable<QString>(u"the quarterly REPORT"_s);
    b.assignee = Nullable<QString>(u"bob"_s);
    TaskChanges c = newTask(u"Gamma"_s);
    c.priority = TaskPriority::High;
    c.assignee = Nullable<QString>(u"ann"_s);
    create(a);
    create(b);
    create(c);

    const auto titles = [this](const TaskQuery &query) {
        QStringList result;
        for (const Task &task : list(query))
            result.append(task.title);
        result.sort();
        return result;
    };
    QCOMPARE(titles({}), (QStringList{u"Alpha report"_s, u"Beta"_s, u"Gamma"_s}));
    TaskQuery query;
    query.status = TaskStatus::Done;
    QCOMPARE(titles(query), QStringList{u"Alpha report"_s});
    query = {};
    query.priority = TaskPriority::High;
    QCOMPARE(titles(query), (QStringList{u"Alpha report"_s, u"Gamma"_s}));
    query.assignee = u"ann"_s;
    query.status = TaskStatus::Todo;
    QCOMPARE(titles(query), QStringList{u"Gamma"_s});
    query = {};
    query.assignee = u"An"_s; // exact match only
    QCOMPARE(titles(query), QStringList{});
    query = {};
    query.search = u"report"_s; // title or description, any case
    QCOMPARE(titles(query), (QStringList{u"Alpha report"_s, u"Beta"_s}));
}

void TestApiClient::listWithPaging()
{
    for (int i = 0; i < 5; ++i)
        create(newTask(u"Task %1"_s.arg(i)));
    TaskQuery query;
    query.sortKey = TaskSortKey::Title;
    query.descending = true;
    query.limit = 2;
    const auto page = await<TaskPage>(
        [&](QObject *context, ApiCallback<TaskPage> done) { m_client.listTasks(query, context, done); });
    QVERIFY(page && page->ok());
    QCOMPARE(page->value().totalCount, 5);
    QCOMPARE(page->value().tasks.size(), 2);
    QCOMPARE(page->value().tasks.first().title, u"Task 4"_s);
}

void TestApiClient::searchTextIsEncoded()
{
    create(newTask(u"C++ & Qt: 100% done?"_s));
    create(newTask(u"C and Qt"_s));
    TaskQuery query;
    query.search = u"++ & Qt: 100%"_s;
    const QList<Task> found = list(query);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().title, u"C++ & Qt: 100% done?"_s);
}

void TestApiClient::stats()
{
    TaskChanges late = newTask(u"Late"_s);
    late.dueDate = Nullable<QDateTime>(QDateTime::currentDateTimeUtc().addDays(-1));
    late.assignee = Nullable<QString>(u"ann"_s);
    TaskChanges done = newTask(u"Done"_s);
    done.status = TaskStatus::Done;
    done.priority = TaskPriority::Low;
    create(late);
    create(done);

    const auto all = await<TaskStats>(
        [&](QObject *context, ApiCallback<TaskStats> cb) { m_client.fetchStats({}, context, cb); });
    QVERIFY(all && all->ok());
    QCOMPARE(all->value().total, 2);
    QCOMPARE(all->value().count(TaskStatus::Todo), 1);
    QCOMPARE(all->value().count(TaskStatus::Done), 1);
    QCOMPARE(all->value().count(TaskPriority::Low), 1);
    QCOMPARE(all->value().count(TaskPriority::Medium), 1);
    QCOMPARE(all->value().overdue, 1);

    TaskQuery query;
    query.assignee = u"ann"_s;
    query.limit = 1; // paging and sort are not for stats; the client leaves them out
    query.sortKey = TaskSortKey::Title;
    const auto anns = await<TaskStats>(
        [&](QObject *context, ApiCallback<TaskStats> cb) { m_client.fetchStats(query, context, cb); });
    QVERIFY(anns && anns->ok());
    QCOMPARE(anns->value().total, 1);
}

void TestApiClient::updateIsPartial()
{
    TaskChanges changes = newTask(u"Original"_s);
    changes.assignee = Nullable<QString>(u"ann"_s);
    const Task created = create(changes);
    TaskChanges update;
    update.status = TaskStatus::Done;
    const auto updated = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        m_client.updateTask(created.id, update, {}, context, done);
    });
    QVERIFY(updated && updated->ok());
    QCOMPARE(updated->value().task.status, TaskStatus::Done);
    QCOMPARE(updated->value().task.title, u"Original"_s);
    QCOMPARE(updated->value().task.assignee, std::optional(u"ann"_s));
    QVERIFY(updated->value().task.updatedAt >= created.updatedAt);
}

void TestApiClient::updateClearsNullableFields()
{
    TaskChanges changes = newTask(u"With everything"_s);
    changes.assignee = Nullable<QString>(u"ann"_s);
    changes.description = Nullable<QString>(u"text"_s);
    changes.dueDate = Nullable<QDateTime>(QDateTime(QDate(2030, 1, 1), QTime(9, 0), QTimeZone::utc()));
    const Task created = create(changes);
    TaskChanges clear;
    clear.assignee = Nullable<QString>();
    clear.description = Nullable<QString>();
    clear.dueDate = Nullable<QDateTime>();
    const auto updated = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        m_client.updateTask(created.id, clear, {}, context, done);
    });
    QVERIFY(updated && updated->ok());
    QVERIFY(!updated->value().task.assignee);
    QVERIFY(!updated->value().task.description);
    QVERIFY(!updated->value().task.dueDate);
}

void TestApiClient::deleteTask()
{
    const Task created = create(newTask(u"Short-lived"_s));
    const auto deleted = await<QString>([&](QObject *context, ApiCallback<QString> done) {
        m_client.deleteTask(created.id, {}, context, done);
    });
    QVERIFY(deleted && deleted->ok());
    QCOMPARE(deleted->value(), created.id);
    QVERIFY(list({}).isEmpty());

    const auto again = await<QString>([&](QObject *context, ApiCallback<QString> done) {
        m_client.deleteTask(created.id, {}, context, done);
    });
    QVERIFY(again);
    QCOMPARE(again->error().kind, ApiError::Kind::NotFound);
    QCOMPARE(again->error().httpStatus, 404);
}

void TestApiClient::missingTaskIsNotFound()
{
    const QString missing = u"00000000-0000-4000-8000-000000000000"_s;
    const auto fetched = await<TaskVersion>(
        [&](QObject *context, ApiCallback<TaskVersion> done) { m_client.fetchTask(missing, context, done); });
    QVERIFY(fetched);
    QVERIFY(!fetched->ok());
    QCOMPARE(fetched->error().kind, ApiError::Kind::NotFound);
    QVERIFY(!fetched->error().message.isEmpty());
    QVERIFY(!fetched->error().isConnectionProblem());

    TaskChanges update;
    update.title = u"x"_s;
    const auto updated = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        m_client.updateTask(missing, update, {}, context, done);
    });
    QVERIFY(updated);
    QCOMPARE(updated->error().kind, ApiError::Kind::NotFound);
}

void TestApiClient::invalidTaskIs422WithFields()
{
    // The client sends what it is given: the dialog validates, the client does not.
    TaskChanges changes = newTask(QString(Task::titleMaxLength + 1, u'x'));
    changes.assignee = Nullable<QString>(QString(Task::assigneeMaxLength + 1, u'a'));
    const auto result = await<TaskVersion>(
        [&](QObject *context, ApiCallback<TaskVersion> done) { m_client.createTask(changes, context, done); });
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Validation);
    QCOMPARE(result->error().httpStatus, 422);
    QStringList fields;
    for (const ValidationError &error : result->error().validationErrors)
        fields.append(error.field());
    fields.sort();
    QCOMPARE(fields, (QStringList{u"assignee"_s, u"title"_s}));
    QVERIFY(result->error().message.contains(u"title"_s));

    const auto blank = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        m_client.createTask(newTask(u"   "_s), context, done);
    });
    QVERIFY(blank);
    QCOMPARE(blank->error().kind, ApiError::Kind::Validation);
    QCOMPARE(blank->error().validationErrors.size(), 1);
    QCOMPARE(blank->error().validationErrors.first().field(), u"title"_s);
    QVERIFY(list({}).isEmpty());
}

void TestApiClient::health()
{
    create(newTask(u"one"_s));
    const auto result = await<ServerHealth>([&](QObject *context, ApiCallback<ServerHealth> done) {
        m_client.checkHealth(m_server.url(), context, done);
    });
    QVERIFY(result && result->ok());
    QVERIFY(result->value().healthy);
    QCOMPARE(result->value().database, u"connected"_s);
    QCOMPARE(result->value().tasksCount, 1);
    QVERIFY(!result->value().version.isEmpty());
    QVERIFY(healthSummary(result->value()).contains(u"1 task"_s));
}

void TestApiClient::serverDown()
{
    const QUrl nowhere(u"http://127.0.0.1:%1"_s.arg(closedPort()));
    m_client.setBaseUrl(nowhere);
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = await<TaskPage>(
        [&](QObject *context, ApiCallback<TaskPage> done) { m_client.listTasks({}, context, done); });
    QVERIFY(result);
    QCOMPARE(result->error().kind, ApiError::Kind::Unreachable);
    QVERIFY(result->error().isConnectionProblem());
    QVERIFY2(result->error().message.contains(nowhere.authority()), qPrintable(result->error().message));
    QVERIFY(elapsed.elapsed() < 5000);

    const auto health = await<ServerHealth>([&](QObject *context, ApiCallback<ServerHealth> done) {
        m_client.checkHealth(nowhere, context, done);
    });
    QVERIFY(health);
    QCOMPARE(health->error().kind, ApiError::Kind::Unreachable);
}

void TestApiClient::slowServerTimesOut()
{
    ScriptedHttpServer silent;
    QVERIFY(silent.isListening());
    m_client.setBaseUrl(silent.url());
    m_client.setTimeout(std::chrono::milliseconds(600));
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = await<TaskPage>(
        [&](QObject *context, ApiCallback<TaskPage> done) { m_client.listTasks({}, context, done); });
    QVERIFY(result);
    QCOMPARE(result->error().kind, ApiError::Kind::Timeout);
    QVERIFY(result->error().isConnectionProblem());
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(m_client.pendingCount(), 0);
}

void TestApiClient::busyWhileInFlight()
{
    QSignalSpy busy(&m_client, &ApiClient::busyChanged);
    QVERIFY(!m_client.isBusy());
    QObject context;
    bool answered = false;
    m_client.listTasks({}, &context, [&](const ApiResult<TaskPage> &) {
        answered = true;
    });
    QVERIFY(m_client.isBusy());
    QCOMPARE(busy.size(), 1);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QTRY_VERIFY(answered);
    QTRY_COMPARE(busy.size(), 2);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
    QVERIFY(!m_client.isBusy());
}

void TestApiClient::abortAll()
{
    ScriptedHttpServer silent;
    QVERIFY(silent.isListening());
    m_client.setBaseUrl(silent.url());
    QObject context;
    std::optional<ApiResult<TaskPage>> result;
    m_client.listTasks({}, &context, [&](const ApiResult<TaskPage> &r) { result = r; });
    QVERIFY(m_client.isBusy());
    m_client.abortAll();
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, ApiError::Kind::Aborted);
    QTRY_COMPARE(m_client.pendingCount(), 0);
}

void TestApiClient::noCallbackAfterContextIsGone()
{
    bool called = false;
    {
        QObject context;
        m_client.listTasks({}, &context, [&](const ApiResult<TaskPage> &) { called = true; });
    }
    QTRY_COMPARE(m_client.pendingCount(), 0);
    QVERIFY(!called);
}

void TestApiClient::serverUrlFromUserInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("default") << u"http://127.0.0.1:8000"_s << u"http://127.0.0.1:8000"_s;
    QTest::newRow("trailing slash") << u"http://127.0.0.1:8000/"_s << u"http://127.0.0.1:8000"_s;
    QTest::newRow("no scheme") << u"localhost:8123"_s << u"http://localhost:8123"_s;
    QTest::newRow("https with path") << u" https://tasks.example.com/api/ "_s
                                     << u"https://tasks.example.com/api"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("ftp") << u"ftp://example.com"_s << QString();
    QTest::newRow("query") << u"http://example.com/?x=1"_s << QString();
    QTest::newRow("no host") << u"http://"_s << QString();
}

void TestApiClient::serverUrlFromUserInput()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QUrl url = ApiClient::serverUrlFromUserInput(input);
    if (expected.isEmpty())
        QVERIFY2(!url.isValid(), qPrintable(url.toString()));
    else
        QCOMPARE(url.toString(), expected);
}

void TestApiClient::parseTaskList()
{
    Task task;
    task.id = u"3f1c2a9e-6a4b-4c1e-9a57-2f1e9c8b7d60"_s;
    task.title = u"One"_s;
    task.createdAt = task.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
    const auto parsed = ApiClient::parseTaskList(Task::listToJson({task, task}));
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->first(), task);
    QVERIFY(!ApiClient::parseTaskList("{}"));
    QVERIFY(!ApiClient::parseTaskList("[{\"id\": 1}]"));
    QVERIFY(!ApiClient::parseTaskList("not json"));
    QVERIFY(ApiClient::parseTaskList("[]")->isEmpty());
}

void TestApiClient::versionsGoAsIfMatchAndIfNoneMatch()
{
    RecordingServer server(answer("200 OK", sampleTask().toJson(), "ETag: \"v2\"\r\n"));
    QVERIFY(server.isListening());
    ApiClient client;
    client.setBaseUrl(server.url());
    TaskChanges changes;
    changes.status = TaskStatus::Done;
    const auto updated = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        client.updateTask(sampleTask().id, changes, "\"v1\"", context, done);
    });
    QVERIFY(updated && updated->ok());
    QCOMPARE(updated->value().etag, QByteArray("\"v2\""));
    QCOMPARE(requestHeader(server.heads.last(), "If-Match"), QByteArray("\"v1\""));

    const auto deleted = await<QString>([&](QObject *context, ApiCallback<QString> done) {
        client.deleteTask(sampleTask().id, "\"v2\"", context, done);
    });
    QVERIFY(deleted);
    QVERIFY(server.heads.last().startsWith("DELETE "));
    QCOMPARE(requestHeader(server.heads.last(), "If-Match"), QByteArray("\"v2\""));

    // Without a version the last writer wins, as the web frontend expects: no header at all.
    (void)await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        client.updateTask(sampleTask().id, changes, {}, context, done);
    });
    QVERIFY(requestHeader(server.heads.last(), "If-Match").isNull());

    (void)await<TaskPage>([&](QObject *context, ApiCallback<TaskPage> done) {
        client.listTasks({}, context, done, "\"list-7\"");
    });
    QCOMPARE(requestHeader(server.heads.last(), "If-None-Match"), QByteArray("\"list-7\""));
}

void TestApiClient::staleVersionIsAConflictWithTheCurrentTask()
{
    Task current = sampleTask();
    current.title = u"Changed elsewhere"_s;
    const QByteArray body = "{\"detail\":\"Task was changed since you read it\",\"task\":" + current.toJson() + '}';
    RecordingServer server(answer("412 Precondition Failed", body));
    ApiClient client;
    client.setBaseUrl(server.url());
    TaskChanges changes;
    changes.title = u"Mine"_s;
    const auto result = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        client.updateTask(current.id, changes, "\"old\"", context, done);
    });
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Conflict);
    QCOMPARE(result->error().httpStatus, 412);
    QVERIFY(result->error().current);
    QCOMPARE(*result->error().current, current);
    QVERIFY(!result->error().isConnectionProblem());
}

void TestApiClient::unchangedListIsNotModified()
{
    RecordingServer server(QByteArray("HTTP/1.1 304 Not Modified\r\nETag: \"list-7\"\r\nConnection: close\r\n\r\n"));
    ApiClient client;
    client.setBaseUrl(server.url());
    const auto page = await<TaskPage>([&](QObject *context, ApiCallback<TaskPage> done) {
        client.listTasks({}, context, done, "\"list-7\"");
    });
    QVERIFY(page && page->ok());
    QVERIFY(page->value().notModified);
    QVERIFY(page->value().tasks.isEmpty());
}

void TestApiClient::busyServerIsAskedAgainAfterRetryAfter()
{
    const QByteArray busy = answer("503 Service Unavailable", R"({"detail":"Server busy"})", "Retry-After: 1\r\n");
    {
        RecordingServer server(QList<QByteArray>{busy, emptyListAnswer});
        ApiClient client;
        client.setBaseUrl(server.url());
        QElapsedTimer timer;
        timer.start();
        const auto page = await<TaskPage>(
            [&](QObject *context, ApiCallback<TaskPage> done) { client.listTasks({}, context, done); });
        QVERIFY(page && page->ok());
        QCOMPARE(server.heads.size(), 2);
        QVERIFY2(timer.elapsed() >= 900, "asked again before Retry-After");
    }
    {
        RecordingServer server(busy);
        ApiClient client;
        client.setBaseUrl(server.url());
        client.setBusyRetries(0);
        const auto page = await<TaskPage>(
            [&](QObject *context, ApiCallback<TaskPage> done) { client.listTasks({}, context, done); });
        QVERIFY(page && !page->ok());
        QCOMPARE(page->error().kind, ApiError::Kind::Busy);
        QCOMPARE(page->error().retryAfterSeconds, 1);
        QVERIFY(page->error().isConnectionProblem()); // queued writes wait, nothing is lost
        QCOMPARE(server.heads.size(), 1);
    }
}

// Against the real server: versions as API.md describes them (ETag, If-Match, 412).
void TestApiClient::serverVersionsTasks()
{
    const auto created = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        m_client.createTask(newTask(u"Versioned on the server"_s), context, done);
    });
    QVERIFY(created && created->ok());
    QVERIFY(!created->value().etag.isEmpty());
    const QByteArray first = created->value().etag;
    TaskChanges changes;
    changes.priority = TaskPriority::High;
    const auto updated = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        m_client.updateTask(created->value().task.id, changes, first, context, done);
    });
    QVERIFY(updated && updated->ok());
    QVERIFY(updated->value().etag != first);
    changes.priority = TaskPriority::Low;
    const auto stale = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        m_client.updateTask(created->value().task.id, changes, first, context, done);
    });
    QVERIFY(stale && !stale->ok());
    QCOMPARE(stale->error().kind, ApiError::Kind::Conflict);
    QVERIFY(stale->error().current);
    QCOMPARE(stale->error().current->priority, TaskPriority::High);
}

void TestApiClient::withoutTokenIsUnauthorized()
{
    ApiClient client;
    client.setBaseUrl(m_lockedServer.url());
    const auto list = await<TaskPage>(
        [&](QObject *context, ApiCallback<TaskPage> done) { client.listTasks({}, context, done); });
    QVERIFY(list);
    QCOMPARE(list->error().kind, ApiError::Kind::Unauthorized);
    QCOMPARE(list->error().httpStatus, 401);
    QVERIFY(!list->error().isConnectionProblem()); // retrying alone will not help
    QVERIFY2(list->error().message.contains(u"needs an API token"_s), qPrintable(list->error().message));
    QVERIFY2(list->error().message.contains(u"Settings"_s), qPrintable(list->error().message));

    const auto created = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        client.createTask(newTask(u"not without a token"_s), context, done);
    });
    QVERIFY(created);
    QCOMPARE(created->error().kind, ApiError::Kind::Unauthorized);
}

void TestApiClient::wrongTokenIsRefused()
{
    ApiClient client;
    client.setBaseUrl(m_lockedServer.url());
    client.setToken("not-the-token");
    const auto list = await<TaskPage>(
        [&](QObject *context, ApiCallback<TaskPage> done) { client.listTasks({}, context, done); });
    QVERIFY(list);
    QCOMPARE(list->error().kind, ApiError::Kind::Unauthorized);
    QVERIFY2(list->error().message.contains(u"refused the API token"_s), qPrintable(list->error().message));
}

void TestApiClient::tokenOpensEveryEndpoint()
{
    ApiClient client;
    client.setBaseUrl(m_lockedServer.url());
    client.setToken(apiToken);
    QCOMPARE(client.token(), QByteArray(apiToken));

    const auto created = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        client.createTask(newTask(u"Behind the token"_s), context, done);
    });
    QVERIFY(created);
    QVERIFY2(created->ok(), qPrintable(created->ok() ? QString() : created->error().message));
    const QString id = created->value().task.id;

    const auto list = await<TaskPage>(
        [&](QObject *context, ApiCallback<TaskPage> done) { client.listTasks({}, context, done); });
    QVERIFY(list && list->ok());
    QVERIFY(std::any_of(list->value().tasks.cbegin(), list->value().tasks.cend(),
                        [&](const Task &task) { return task.id == id; }));

    const auto stats = await<TaskStats>(
        [&](QObject *context, ApiCallback<TaskStats> done) { client.fetchStats({}, context, done); });
    QVERIFY(stats && stats->ok());
    QVERIFY(stats->value().total >= 1);

    TaskChanges changes;
    changes.status = TaskStatus::Done;
    const auto updated = await<TaskVersion>([&](QObject *context, ApiCallback<TaskVersion> done) {
        client.updateTask(id, changes, {}, context, done);
    });
    QVERIFY(updated && updated->ok());
    QCOMPARE(updated->value().task.status, TaskStatus::Done);

    const auto fetched = await<TaskVersion>(
        [&](QObject *context, ApiCallback<TaskVersion> done) { client.fetchTask(id, context, done); });
    QVERIFY(fetched && fetched->ok());

    const auto deleted = await<QString>(
        [&](QObject *context, ApiCallback<QString> done) { client.deleteTask(id, {}, context, done); });
    QVERIFY(deleted && deleted->ok());
    const auto gone = await<TaskVersion>(
        [&](QObject *context, ApiCallback<TaskVersion> done) { client.fetchTask(id, context, done); });
    QVERIFY(gone);
    QCOMPARE(gone->error().kind, ApiError::Kind::NotFound);
}

void TestApiClient::healthNeedsNoToken()
{
    ApiClient client;
    const auto health = await<ServerHealth>([&](QObject *context, ApiCallback<ServerHealth> done) {
        client.checkHealth(m_lockedServer.url(), context, done);
    });
    QVERIFY(health);
    QVERIFY2(health->ok(), qPrintable(health->ok() ? QString() : health->error().message));
    QVERIFY(health->value().healthy);
}

void TestApiClient::checkToken_data()
{
    QTest::addColumn<bool>("locked");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("expected");
    QTest::newRow("locked, none") << true << QByteArray() << int(ApiClient::TokenCheck::Missing);
    QTest::newRow("locked, wrong") << true << QByteArray("wrong") << int(ApiClient::TokenCheck::Refused);
    QTest::newRow("locked, right") << true << QByteArray(apiToken) << int(ApiClient::TokenCheck::Accepted);
    QTest::newRow("open, none") << false << QByteArray() << int(ApiClient::TokenCheck::NotNeeded);
    QTest::newRow("open, some") << false << QByteArray("anything") << int(ApiClient::TokenCheck::NotNeeded);
}

void TestApiClient::checkToken()
{
    QFETCH(bool, locked);
    QFETCH(QByteArray, token);
    QFETCH(int, expected);
    // Whatever the client's own token: the dialog tries the one typed.
    m_client.setToken(locked ? QByteArray("client-token") : QByteArray(apiToken));
    const QUrl server = locked ? m_lockedServer.url() : m_server.url();
    const auto result = await<ApiClient::TokenCheck>(
        [&](QObject *context, ApiCallback<ApiClient::TokenCheck> done) {
            m_client.checkToken(server, token, context, done);
        });
    m_client.setToken({});
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().message));
    QCOMPARE(int(result->value()), expected);
}

void TestApiClient::checkTokenOnAServerThatIsDown()
{
    const auto result = await<ApiClient::TokenCheck>(
        [&](QObject *context, ApiCallback<ApiClient::TokenCheck> done) {
            m_client.checkToken(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())), apiToken, context, done);
        });
    QVERIFY(result);
    QCOMPARE(result->error().kind, ApiError::Kind::Unreachable);
}

void TestApiClient::tokenGoesOnlyWhereItBelongs()
{
    RecordingServer server(emptyListAnswer);
    QVERIFY(server.isListening());
    ApiClient client;
    client.setBaseUrl(server.url());
    client.setToken(apiToken);

    const auto list = await<TaskPage>(
        [&](QObject *context, ApiCallback<TaskPage> done) { client.listTasks({}, context, done); });
    QVERIFY(list && list->ok());
    QCOMPARE(server.heads.size(), 1);
    QCOMPARE(requestHeader(server.heads.at(0), "Authorization"),
             QByteArray(QByteArray("Bearer ") + apiToken));

    // /health is open: the token stays home.
    (void)await<ServerHealth>([&](QObject *context, ApiCallback<ServerHealth> done) {
        client.checkHealth(server.url(), context, done);
    });
    QCOMPARE(server.heads.size(), 2);
    QVERIFY2(server.heads.at(1).startsWith("GET /health "), server.heads.at(1).constData());
    QVERIFY(requestHeader(server.heads.at(1), "Authorization").isNull());

    client.setToken({});
    QVERIFY(await<TaskPage>([&](QObject *context, ApiCallback<TaskPage> done) {
        client.listTasks({}, context, done);
    }));
    QCOMPARE(server.heads.size(), 3);
    QVERIFY(requestHeader(server.heads.at(2), "Authorization").isNull());
}

void TestApiClient::tokenDoesNotFollowARedirectElsewhere()
{
    RecordingServer elsewhere(emptyListAnswer);
    QVERIFY(elsewhere.isListening());
    RecordingServer redirecting("HTTP/1.1 302 Found\r\nLocation: " + elsewhere.url().toEncoded()
                                + "/tasks\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    QVERIFY(redirecting.isListening());
    ApiClient client;
    client.setBaseUrl(redirecting.url());
    client.setToken(apiToken);

    const auto list = await<TaskPage>(
        [&](QObject *context, ApiCallback<TaskPage> done) { client.listTasks({}, context, done); });
    QVERIFY(list);
    QCOMPARE(redirecting.heads.size(), 1);
    QVERIFY(!requestHeader(redirecting.heads.at(0), "Authorization").isNull());
    for (const QByteArray &head : std::as_const(elsewhere.heads))
        QVERIFY2(requestHeader(head, "Authorization").isNull(), head.constData());
    QVERIFY(elsewhere.heads.isEmpty()); // not followed at all
    QVERIFY(!list->ok());
    QVERIFY2(list->error().message.contains(elsewhere.url().authority()), qPrintable(list->error().message));
    QVERIFY2(list->error().message.contains(u"API token"_s), qPrintable(list->error().message));
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
