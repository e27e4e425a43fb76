// The HTTP contract of API.md, over real HTTP against a real taskflow-server process, on the
// database TASKFLOW_TEST_DATABASE names (registered once for SQLite, once for PostgreSQL).
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QUuid>
#include <QtTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString firstLoc(const HttpClient::Reply &reply, int index = 0)
{
    const QJsonArray loc = reply.object().value(u"detail"_s).toArray().at(index).toObject().value(u"loc"_s).toArray();
    QStringList parts;
    for (const QJsonValue &part : loc)
        parts.append(part.toVariant().toString());
    return parts.join(u'.');
}

const QRegularExpression utcTimestamp(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z$"_s);

} // namespace

class TestApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void root();
    void health();
    void createWithDefaults();
    void createWithEveryField();
    void createStoresDueDateInUtc_data();
    void createStoresDueDateInUtc();
    void createRefusesInvalidFields_data();
    void createRefusesInvalidFields();
    void createRefusesBodiesThatAreNotObjects_data();
    void createRefusesBodiesThatAreNotObjects();
    void createIgnoresUnknownAndReadOnlyFields();
    void getById();
    void getMissingIs404();
    void updateChangesOnlyPresentFields();
    void updateWithPatchAndNulls();
    void updateRefusesInvalidFieldsAndChangesNothing();
    void updateMissingIs404();
    void updateWithEmptyBodyChangesNothing();
    void deleteTask();
    void listFilters();
    void listRefusesUnknownFilterValues_data();
    void listRefusesUnknownFilterValues();
    void listSorts_data();
    void listSorts();
    void listPages();
    void stats();
    void unknownPathAndWrongMethod();
    void headRequest();
    void bodyTooLarge();
    void corsPreflight();
    void corsOnAnswersAndErrors();
    void pipelinedAnswersKeepTheirOrder();
    void concurrentCreatesLoseNothing();
    void concurrentPartialUpdatesAllLand();
    void deleteRacingUpdateNeverResurrects();
    void openApiDocument();

private:
    QJsonObject create(const QJsonObject &fields);
    QList<QJsonObject> list(const QString &query = {});

    TestDatabase m_db;
    TestServer m_server;
    HttpClient m_http;
};

void TestApi::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
    QProcessEnvironment env;
    env.insert(u"ENVIRONMENT"_s, u"testing"_s);
    env.insert(u"CORS_ORIGINS"_s, u" http://localhost:5173 , https://app.example.com"_s);
    QVERIFY2(m_server.start(m_db.url(), env), qPrintable(m_server.output()));
    m_http.setBase(m_server.url());
}

void TestApi::init()
{
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestApi::cleanup()
{
    if (QTest::currentTestFailed())
        qWarning("server log:\n%s", qPrintable(m_server.output().right(3000)));
}

void TestApi::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QJsonObject TestApi::create(const QJsonObject &fields)
{
    const auto reply = m_http.post(u"/tasks"_s, json(fields));
    if (reply.status != 201)
        qWarning("create failed: %d %s", reply.status, reply.body.constData());
    return reply.object();
}

QList<QJsonObject> TestApi::list(const QString &query)
{
    const auto reply = m_http.get(u"/tasks"_s + query);
    QList<QJsonObject> tasks;
    for (const QJsonValue &value : reply.array())
        tasks.append(value.toObject());
    return tasks;
}

void TestApi::root()
{
    const auto reply = m_http.get(u"/"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(reply.object().value(u"message"_s).toString(), u"Welcome to TaskFlow API"_s);
    QCOMPARE(reply.object().value(u"version"_s).toString(), QStringLiteral(TASKFLOW_VERSION));
    QCOMPARE(reply.object().value(u"docs"_s).toString(), u"/docs"_s);
}

void TestApi::health()
{
    create({{u"title"_s, u"one"_s}});
    create({{u"title"_s, u"two"_s}});
    const auto reply = m_http.get(u"/health"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.object();
    QCOMPARE(body.value(u"status"_s).toString(), u"healthy"_s);
    QCOMPARE(body.value(u"database"_s).toString(), u"connected"_s);
    QCOMPARE(body.value(u"tasks_count"_s).toInt(), 2);
    QCOMPARE(body.value(u"environment"_s).toString(), u"testing"_s);
    QCOMPARE(body.value(u"version"_s).toString(), QStringLiteral(TASKFLOW_VERSION));
}

void TestApi::createWithDefaults()
{
    const auto reply = m_http.post(u"/tasks"_s, R"({"title":"Write the report"})");
    QCOMPARE(reply.status, 201);
    const QJsonObject task = reply.object();
    const QString id = task.value(u"id"_s).toString();
    const QUuid uuid(id);
    QVERIFY(!uuid.isNull());
    QCOMPARE(uuid.version(), QUuid::Random);
    QCOMPARE(id, id.toLower());
    QVERIFY(!id.contains(u'{'));
    QCOMPARE(task.value(u"title"_s).toString(), u"Write the report"_s);
    QVERIFY(task.value(u"description"_s).isNull());
    QCOMPARE(task.value(u"status"_s).toString(), u"todo"_s);
    QCOMPARE(task.value(u"priority"_s).toString(), u"medium"_s);
    QVERIFY(task.value(u"assignee"_s).isNull());
    QVERIFY(task.value(u"due_date"_s).isNull());
    QVERIFY(utcTimestamp.match(task.value(u"created_at"_s).toString()).hasMatch());
    QCOMPARE(task.value(u"updated_at"_s), task.value(u"created_at"_s));
    const QDateTime created = QDateTime::fromString(task.value(u"created_at"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(task.keys().size(), 9);
}

void TestApi::createWithEveryField()
{
    const QJsonObject sent{{u"title"_s, u"  Ship it 🚀 "_s},
                           {u"description"_s, u"Line one\nLine \"two\""_s},
                           {u"status"_s, u"in_progress"_s},
                           {u"priority"_s, u"high"_s},
                           {u"assignee"_s, u"Zoé"_s},
                           {u"due_date"_s, u"2026-12-01T10:00:00Z"_s}};
    const auto reply = m_http.post(u"/tasks"_s, json(sent));
    QCOMPARE(reply.status, 201);
    const QJsonObject task = reply.object();
    QCOMPARE(task.value(u"title"_s).toString(), u"  Ship it 🚀 "_s); // stored as sent
    QCOMPARE(task.value(u"description"_s).toString(), u"Line one\nLine \"two\""_s);
    QCOMPARE(task.value(u"status"_s).toString(), u"in_progress"_s);
    QCOMPARE(task.value(u"priority"_s).toString(), u"high"_s);
    QCOMPARE(task.value(u"assignee"_s).toString(), u"Zoé"_s);
    QCOMPARE(task.value(u"due_date"_s).toString(), u"2026-12-01T10:00:00Z"_s);

    const auto fetched = m_http.get(u"/tasks/"_s + task.value(u"id"_s).toString());
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.object(), task);
}

void TestApi::createStoresDueDateInUtc_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("returned");
    QTest::newRow("date only") << u"2026-12-01"_s << u"2026-12-01T00:00:00Z"_s;
    QTest::newRow("no offset is UTC") << u"2026-12-01T10:00:00"_s << u"2026-12-01T10:00:00Z"_s;
    QTest::newRow("Z") << u"2026-12-01T10:00:00Z"_s << u"2026-12-01T10:00:00Z"_s;
    QTest::newRow("+02:00") << u"2026-12-01T10:00:00+02:00"_s << u"2026-12-01T08:00:00Z"_s;
    QTest::newRow("-05:30 crosses midnight") << u"2026-12-01T22:00:00-05:30"_s << u"2026-12-02T03:30:00Z"_s;
    QTest::newRow("milliseconds") << u"2026-12-01T10:00:00.250Z"_s << u"2026-12-01T10:00:00.250Z"_s;
}

void TestApi::createStoresDueDateInUtc()
{
    QFETCH(QString, sent);
    QFETCH(QString, returned);
    const QJsonObject task = create({{u"title"_s, u"due"_s}, {u"due_date"_s, sent}});
    QCOMPARE(task.value(u"due_date"_s).toString(), returned);
    const auto fetched = m_http.get(u"/tasks/"_s + task.value(u"id"_s).toString());
    QCOMPARE(fetched.object().value(u"due_date"_s).toString(), returned);
}

void TestApi::createRefusesInvalidFields_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("locs");
    const QString t200(200, u'x');
    QTest::newRow("missing title") << QByteArray(R"({"description":"x"})") << QStringList{u"body.title"_s};
    QTest::newRow("empty title") << QByteArray(R"({"title":""})") << QStringList{u"body.title"_s};
    QTest::newRow("blank title") << QByteArray(R"({"title":" \t "})") << QStringList{u"body.title"_s};
    QTest::newRow("null title") << QByteArray(R"({"title":null})") << QStringList{u"body.title"_s};
    QTest::newRow("number title") << QByteArray(R"({"title":42})") << QStringList{u"body.title"_s};
    QTest::newRow("201 chars") << json({{u"title"_s, QString(t200 + u'y')}}) << QStringList{u"body.title"_s};
    QTest::newRow("201 emoji") << json({{u"title"_s, QString(u"😀"_s).repeated(201)}}) << QStringList{u"body.title"_s};
    QTest::newRow("long description") << json({{u"title"_s, u"t"_s}, {u"description"_s, QString(1001, u'd')}}) << QStringList{u"body.description"_s};
    QTest::newRow("long assignee") << json({{u"title"_s, u"t"_s}, {u"assignee"_s, QString(101, u'a')}}) << QStringList{u"body.assignee"_s};
    QTest::newRow("bad status") << QByteArray(R"({"title":"t","status":"TODO"})") << QStringList{u"body.status"_s};
    QTest::newRow("bad priority") << QByteArray(R"({"title":"t","priority":"urgent"})") << QStringList{u"body.priority"_s};
    QTest::newRow("bad date") << QByteArray(R"({"title":"t","due_date":"tomorrow"})") << QStringList{u"body.due_date"_s};
    QTest::newRow("impossible date") << QByteArray(R"({"title":"t","due_date":"2026-02-30"})") << QStringList{u"body.due_date"_s};
    QTest::newRow("number date") << QByteArray(R"({"title":"t","due_date":1700000000})") << QStringList{u"body.due_date"_s};
    QTest::newRow("several at once")
        << QByteArray(R"({"title":"","status":"x","priority":"y","assignee":5})")
        << QStringList{u"body.title"_s, u"body.status"_s, u"body.priority"_s, u"body.assignee"_s};
}

void TestApi::createRefusesInvalidFields()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, locs);
    const auto reply = m_http.post(u"/tasks"_s, body);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    const QJsonArray detail = reply.object().value(u"detail"_s).toArray();
    QStringList got;
    for (int i = 0; i < detail.size(); ++i) {
        got.append(firstLoc(reply, i));
        QVERIFY(!detail.at(i).toObject().value(u"msg"_s).toString().isEmpty());
        QVERIFY(!detail.at(i).toObject().value(u"type"_s).toString().isEmpty());
    }
    got.sort();
    locs.sort();
    QCOMPARE(got, locs);
    QCOMPARE(list().size(), 0); // nothing was created
}

void TestApi::createRefusesBodiesThatAreNotObjects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("not json") << QByteArray("{title: oops") << QByteArray("application/json");
    QTest::newRow("array") << QByteArray(R"([{"title":"t"}])") << QByteArray("application/json");
    QTest::newRow("string") << QByteArray(R"("title")") << QByteArray("application/json");
    QTest::newRow("empty") << QByteArray("") << QByteArray("application/json");
    QTest::newRow("form content type") << QByteArray(R"({"title":"t"})") << QByteArray("text/plain");
}

void TestApi::createRefusesBodiesThatAreNotObjects()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    const auto reply = m_http.send("POST", u"/tasks"_s, body, {{"Content-Type", contentType}});
    QCOMPARE(reply.status, 422);
    QCOMPARE(firstLoc(reply), u"body"_s);
    QCOMPARE(list().size(), 0);
}

void TestApi::createIgnoresUnknownAndReadOnlyFields()
{
    const auto reply = m_http.post(
        u"/tasks"_s,
        R"({"title":"t","id":"not-mine","created_at":"2000-01-01T00:00:00Z","colour":"red"})");
    QCOMPARE(reply.status, 201);
    QVERIFY(reply.object().value(u"id"_s).toString() != u"not-mine"_s);
    QVERIFY(!reply.object().value(u"created_at"_s).toString().startsWith(u"2000"_s));
    QVERIFY(!reply.object().contains(u"colour"_s));
}

void TestApi::getById()
{
    const QJsonObject task = create({{u"title"_s, u"find me"_s}});
    const auto reply = m_http.get(u"/tasks/"_s + task.value(u"id"_s).toString());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.object(), task);
}

void TestApi::getMissingIs404()
{
    for (const QString &id : {QUuid::createUuid().toString(QUuid::WithoutBraces), u"not-a-uuid"_s}) {
        const auto reply = m_http.get(u"/tasks/"_s + id);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.body, QByteArray(R"({"detail":"Task not found"})"));
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    }
}

void TestApi::updateChangesOnlyPresentFields()
{
    const QJsonObject task = create({{u"title"_s, u"before"_s},
                                     {u"description"_s, u"keep me"_s},
                                     {u"assignee"_s, u"ann"_s},
                                     {u"due_date"_s, u"2026-12-01"_s}});
    const QString id = task.value(u"id"_s).toString();
    const auto reply = m_http.put(u"/tasks/"_s + id, R"({"title":"after","status":"done"})");
    QCOMPARE(reply.status, 200);
    const QJsonObject updated = reply.object();
    QCOMPARE(updated.value(u"title"_s).toString(), u"after"_s);
    QCOMPARE(updated.value(u"status"_s).toString(), u"done"_s);
    QCOMPARE(updated.value(u"description"_s).toString(), u"keep me"_s);
    QCOMPARE(updated.value(u"assignee"_s).toString(), u"ann"_s);
    QCOMPARE(updated.value(u"priority"_s), task.value(u"priority"_s));
    QCOMPARE(updated.value(u"due_date"_s), task.value(u"due_date"_s));
    QCOMPARE(updated.value(u"created_at"_s), task.value(u"created_at"_s));
    QVERIFY(updated.value(u"updated_at"_s).toString() >= task.value(u"updated_at"_s).toString());
    QCOMPARE(m_http.get(u"/tasks/"_s + id).object(), updated);
}

void TestApi::updateWithPatchAndNulls()
{
    const QJsonObject task = create({{u"title"_s, u"t"_s},
                                     {u"description"_s, u"d"_s},
                                     {u"assignee"_s, u"a"_s},
                                     {u"due_date"_s, u"2026-12-01T10:00:00Z"_s}});
    const QString id = task.value(u"id"_s).toString();
    const auto reply = m_http.patch(u"/tasks/"_s + id, R"({"description":null,"assignee":null,"due_date":null})");
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.object().value(u"description"_s).isNull());
    QVERIFY(reply.object().value(u"assignee"_s).isNull());
    QVERIFY(reply.object().value(u"due_date"_s).isNull());
    QCOMPARE(reply.object().value(u"title"_s).toString(), u"t"_s);

    const auto nullTitle = m_http.patch(u"/tasks/"_s + id, R"({"title":null})");
    QCOMPARE(nullTitle.status, 422);
    QCOMPARE(firstLoc(nullTitle), u"body.title"_s);
    const auto nullStatus = m_http.put(u"/tasks/"_s + id, R"({"status":null})");
    QCOMPARE(nullStatus.status, 422);
    QCOMPARE(m_http.get(u"/tasks/"_s + id).object().value(u"title"_s).toString(), u"t"_s);
}

void TestApi::updateRefusesInvalidFieldsAndChangesNothing()
{
    const QJsonObject task = create({{u"title"_s, u"t"_s}});
    const QString id = task.value(u"id"_s).toString();
    const auto reply = m_http.put(u"/tasks/"_s + id, R"({"title":"ok","priority":"extreme"})");
    QCOMPARE(reply.status, 422);
    QCOMPARE(firstLoc(reply), u"body.priority"_s);
    QCOMPARE(m_http.get(u"/tasks/"_s + id).object(), task);
}

void TestApi::updateMissingIs404()
{
    const auto reply = m_http.put(u"/tasks/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces), R"({"title":"x"})");
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.body, QByteArray(R"({"detail":"Task not found"})"));
    QCOMPARE(list().size(), 0); // an update never creates
}

void TestApi::updateWithEmptyBodyChangesNothing()
{
    const QJsonObject task = create({{u"title"_s, u"t"_s}});
    const auto reply = m_http.patch(u"/tasks/"_s + task.value(u"id"_s).toString(), "{}");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.object(), task);
}

void TestApi::deleteTask()
{
    const QJsonObject task = create({{u"title"_s, u"bye"_s}});
    const QString path = u"/tasks/"_s + task.value(u"id"_s).toString();
    const auto reply = m_http.del(path);
    QCOMPARE(reply.status, 204);
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(m_http.get(path).status, 404);
    const auto again = m_http.del(path);
    QCOMPARE(again.status, 404);
    QCOMPARE(again.body, QByteArray(R"({"detail":"Task not found"})"));
}

void TestApi::listFilters()
{
    create({{u"title"_s, u"Buy MILK"_s}, {u"status"_s, u"todo"_s}, {u"priority"_s, u"low"_s}, {u"assignee"_s, u"ann"_s}});
    create({{u"title"_s, u"Call Bob"_s}, {u"description"_s, u"about the milk_run 100%"_s}, {u"status"_s, u"done"_s}, {u"priority"_s, u"high"_s}, {u"assignee"_s, u"bob"_s}});
    create({{u"title"_s, u"Plan"_s}, {u"status"_s, u"in_progress"_s}, {u"priority"_s, u"high"_s}, {u"assignee"_s, u"Ann"_s}});
    create({{u"title"_s, u"Idle"_s}});

    QCOMPARE(list().size(), 4);
    QCOMPARE(list(u"?status=done"_s).size(), 1);
    QCOMPARE(list(u"?status=done"_s).first().value(u"title"_s).toString(), u"Call Bob"_s);
    QCOMPARE(list(u"?priority=high"_s).size(), 2);
    QCOMPARE(list(u"?assignee=ann"_s).size(), 1); // exact match, case matters
    QCOMPARE(list(u"?assignee=Ann"_s).first().value(u"title"_s).toString(), u"Plan"_s);
    QCOMPARE(list(u"?q=milk"_s).size(), 2); // title or description, any case
    QCOMPARE(list(u"?q=MiLk"_s).size(), 2);
    QCOMPARE(list(u"?q=milk_run"_s).size(), 1); // _ is literal
    QCOMPARE(list(u"?q=100%25"_s).size(), 1);   // % is literal
    QCOMPARE(list(u"?q=buy+milk"_s).size(), 1); // + is a space
    QCOMPARE(list(u"?priority=high&status=done"_s).size(), 1);
    QCOMPARE(list(u"?priority=high&assignee=nobody"_s).size(), 0);
    QCOMPARE(list(u"?q=zzz"_s).size(), 0);
}

void TestApi::listRefusesUnknownFilterValues_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("loc");
    QTest::newRow("status") << u"?status=open"_s << u"query.status"_s;
    QTest::newRow("priority") << u"?priority=HIGH"_s << u"query.priority"_s;
    QTest::newRow("sort") << u"?sort=colour"_s << u"query.sort"_s;
    QTest::newRow("limit 0") << u"?limit=0"_s << u"query.limit"_s;
    QTest::newRow("limit 1001") << u"?limit=1001"_s << u"query.limit"_s;
    QTest::newRow("limit text") << u"?limit=ten"_s << u"query.limit"_s;
    QTest::newRow("offset -1") << u"?offset=-1"_s << u"query.offset"_s;
}

void TestApi::listRefusesUnknownFilterValues()
{
    QFETCH(QString, query);
    QFETCH(QString, loc);
    for (const QString &path : {u"/tasks"_s, u"/tasks/stats"_s}) {
        const auto reply = m_http.get(path + query);
        QCOMPARE(reply.status, 422);
        QCOMPARE(firstLoc(reply), loc);
    }
}

void TestApi::listSorts_data()
{
    QTest::addColumn<QString>("sort");
    for (const char *key : {"created_at", "updated_at", "due_date", "priority", "status", "title"}) {
        QTest::newRow(key) << QString::fromLatin1(key);
        QTest::newRow(qPrintable(u"-"_s + QString::fromLatin1(key))) << u"-"_s + QString::fromLatin1(key);
    }
}

void TestApi::listSorts()
{
    QFETCH(QString, sort);
    const QStringList statuses{u"todo"_s, u"in_progress"_s, u"done"_s};
    const QStringList priorities{u"low"_s, u"medium"_s, u"high"_s};
    // Twelve tasks with repeated keys (so ties need the id) and some without a due date.
    for (int i = 0; i < 12; ++i) {
        QJsonObject fields{{u"title"_s, u"Task %1"_s.arg(QChar(u'A' + (i * 5) % 7))},
                           {u"status"_s, statuses[i % 3]},
                           {u"priority"_s, priorities[(i / 2) % 3]}};
        if (i % 4 != 0)
            fields.insert(u"due_date"_s, u"2026-12-%1T10:00:00Z"_s.arg(1 + i % 5, 2, 10, QChar(u'0')));
        create(fields);
    }
    const bool descending = sort.startsWith(u'-');
    const QString key = descending ? sort.mid(1) : sort;
    const QList<QJsonObject> got = list(u"?sort="_s + sort);
    QCOMPARE(got.size(), 12);

    const auto rank = [&](const QJsonObject &task) -> QString {
        const QString value = task.value(key).toString();
        if (key == u"priority"_s)
            return QString::number(priorities.indexOf(value));
        if (key == u"status"_s)
            return QString::number(statuses.indexOf(value));
        if (key.endsWith(u"_at"_s) || key == u"due_date"_s) // "…:01Z" is before "…:01.5Z"
            return u"%1"_s.arg(QDateTime::fromString(value, Qt::ISODateWithMs).toMSecsSinceEpoch(), 15, 10, QChar(u'0'));
        return value;
    };
    QList<QJsonObject> expected = got;
    std::stable_sort(expected.begin(), expected.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const bool aNull = a.value(key).isNull();
        const bool bNull = b.value(key).isNull();
        if (aNull != bNull)
            return bNull; // without a due date: last, either way
        const QString ra = rank(a);
        const QString rb = rank(b);
        if (ra != rb)
            return descending ? ra > rb : ra < rb;
        const QString ia = a.value(u"id"_s).toString();
        const QString ib = b.value(u"id"_s).toString();
        return descending ? ia > ib : ia < ib;
    });
    QStringList gotIds, expectedIds;
    for (int i = 0; i < got.size(); ++i) {
        gotIds.append(got[i].value(u"id"_s).toString());
        expectedIds.append(expected[i].value(u"id"_s).toString());
    }
    QCOMPARE(gotIds, expectedIds);
    QCOMPARE(list(u"?sort="_s + sort), got); // stable from one call to the next
}

void TestApi::listPages()
{
    for (int i = 0; i < 7; ++i)
        create({{u"title"_s, u"t%1"_s.arg(i)}, {u"priority"_s, i < 5 ? u"high"_s : u"low"_s}});
    const QList<QJsonObject> all = list(u"?sort=title"_s);
    QCOMPARE(all.size(), 7);
    QCOMPARE(m_http.get(u"/tasks"_s).header("X-Total-Count"), QByteArray()); // no paging, no count

    const auto page = m_http.get(u"/tasks?sort=title&limit=3&offset=2"_s);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.header("X-Total-Count"), QByteArray("7"));
    QCOMPARE(page.array().size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(page.array().at(i).toObject(), all.at(2 + i));

    const auto filtered = m_http.get(u"/tasks?priority=high&limit=2"_s);
    QCOMPARE(filtered.header("X-Total-Count"), QByteArray("5"));
    QCOMPARE(filtered.array().size(), 2);
    const auto past = m_http.get(u"/tasks?offset=10"_s);
    QCOMPARE(past.status, 200);
    QCOMPARE(past.array().size(), 0);
    QCOMPARE(past.header("X-Total-Count"), QByteArray("7"));
    QCOMPARE(m_http.get(u"/tasks?limit=1000"_s).array().size(), 7);
}

void TestApi::stats()
{
    const auto empty = m_http.get(u"/tasks/stats"_s);
    QCOMPARE(empty.status, 200);
    QCOMPARE(empty.body, QByteArray(R"({"total":0,"by_status":{"todo":0,"in_progress":0,"done":0},"by_priority":{"low":0,"medium":0,"high":0},"overdue":0})"));

    const QString past = QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODate);
    const QString future = QDateTime::currentDateTimeUtc().addDays(2).toString(Qt::ISODate);
    create({{u"title"_s, u"late"_s}, {u"due_date"_s, past}, {u"priority"_s, u"high"_s}, {u"assignee"_s, u"ann"_s}});
    create({{u"title"_s, u"late but done"_s}, {u"due_date"_s, past}, {u"status"_s, u"done"_s}});
    create({{u"title"_s, u"late, going"_s}, {u"due_date"_s, past}, {u"status"_s, u"in_progress"_s}, {u"assignee"_s, u"ann"_s}});
    create({{u"title"_s, u"on time"_s}, {u"due_date"_s, future}, {u"priority"_s, u"low"_s}});
    create({{u"title"_s, u"whenever"_s}});

    const QJsonObject all = m_http.get(u"/tasks/stats"_s).object();
    QCOMPARE(all.value(u"total"_s).toInt(), 5);
    QCOMPARE(all.value(u"overdue"_s).toInt(), 2);
    const QJsonObject byStatus = all.value(u"by_status"_s).toObject();
    QCOMPARE(byStatus.value(u"todo"_s).toInt(), 3);
    QCOMPARE(byStatus.value(u"in_progress"_s).toInt(), 1);
    QCOMPARE(byStatus.value(u"done"_s).toInt(), 1);
    const QJsonObject byPriority = all.value(u"by_priority"_s).toObject();
    QCOMPARE(byPriority.value(u"low"_s).toInt(), 1);
    QCOMPARE(byPriority.value(u"medium"_s).toInt(), 3);
    QCOMPARE(byPriority.value(u"high"_s).toInt(), 1);

    const QJsonObject anns = m_http.get(u"/tasks/stats?assignee=ann"_s).object();
    QCOMPARE(anns.value(u"total"_s).toInt(), 2);
    QCOMPARE(anns.value(u"overdue"_s).toInt(), 2);
    QCOMPARE(anns.value(u"by_status"_s).toObject().value(u"done"_s).toInt(), 0);
    QCOMPARE(m_http.get(u"/tasks/stats?q=late"_s).object().value(u"total"_s).toInt(), 3);
}

void TestApi::unknownPathAndWrongMethod()
{
    const auto missing = m_http.get(u"/nothing/here"_s);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.body, QByteArray(R"({"detail":"Not Found"})"));
    QCOMPARE(missing.header("Content-Type"), QByteArray("application/json"));

    const auto wrong = m_http.send("DELETE", u"/tasks"_s);
    QCOMPARE(wrong.status, 405);
    QCOMPARE(wrong.body, QByteArray(R"({"detail":"Method Not Allowed"})"));
    QCOMPARE(wrong.header("Content-Type"), QByteArray("application/json"));
    const QByteArray allow = wrong.header("Allow");
    QVERIFY2(allow.contains("GET") && allow.contains("POST") && !allow.contains("DELETE"), allow.constData());

    const auto postHealth = m_http.post(u"/health"_s, "{}");
    QCOMPARE(postHealth.status, 405);
    QVERIFY(postHealth.header("Allow").contains("GET"));
    // A trailing slash is redirected, as Starlette does.
    const auto slash = m_http.get(u"/tasks/?status=todo"_s);
    QCOMPARE(slash.status, 200); // QNetworkAccessManager follows the 307
    const auto noFollow = m_http.send("GET", u"/health/"_s, {}, {});
    QCOMPARE(noFollow.status, 200);

    const auto postOne = m_http.post(u"/tasks/abc"_s, "{}");
    QCOMPARE(postOne.status, 405);
    QVERIFY(postOne.header("Allow").contains("PATCH"));
}

void TestApi::headRequest()
{
    create({{u"title"_s, u"t"_s}});
    const auto get = m_http.get(u"/tasks"_s);
    const auto head = m_http.send("HEAD", u"/tasks"_s);
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("Content-Length"), QByteArray::number(get.body.size()));
}

void TestApi::bodyTooLarge()
{
    QByteArray big = R"({"title":"t","description":")";
    big += QByteArray(1024 * 1024, 'x');
    big += R"("})";
    const auto reply = m_http.post(u"/tasks"_s, big);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.body, QByteArray(R"({"detail":"Request body too large"})"));
    QCOMPARE(list().size(), 0);
    QCOMPARE(m_http.get(u"/health"_s).status, 200); // and the server keeps serving
}

void TestApi::corsPreflight()
{
    const auto allowed = m_http.send("OPTIONS", u"/tasks"_s, {},
                                     {{"Origin", "https://app.example.com"},
                                      {"Access-Control-Request-Method", "POST"},
                                      {"Access-Control-Request-Headers", "content-type,x-custom"}});
    QCOMPARE(allowed.status, 200);
    QCOMPARE(allowed.header("Access-Control-Allow-Origin"), QByteArray("https://app.example.com"));
    QCOMPARE(allowed.header("Access-Control-Allow-Methods"), QByteArray("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"));
    QCOMPARE(allowed.header("Access-Control-Allow-Headers"), QByteArray("content-type,x-custom"));
    QCOMPARE(allowed.header("Access-Control-Allow-Credentials"), QByteArray("true"));
    QCOMPARE(allowed.header("Access-Control-Max-Age"), QByteArray("600"));
    QVERIFY(allowed.header("Vary").contains("Origin"));

    const auto denied = m_http.send("OPTIONS", u"/tasks"_s, {},
                                    {{"Origin", "https://evil.example.com"},
                                     {"Access-Control-Request-Method", "POST"}});
    QCOMPARE(denied.status, 400);
    QCOMPARE(denied.body, QByteArray("Disallowed CORS origin"));
    QVERIFY(denied.header("Access-Control-Allow-Origin").isEmpty());

    // An OPTIONS that is not a preflight is an ordinary request to a route without OPTIONS.
    QCOMPARE(m_http.send("OPTIONS", u"/tasks"_s).status, 405);
}

void TestApi::corsOnAnswersAndErrors()
{
    const QList<QPair<QByteArray, QByteArray>> fromApp{{"Origin", "http://localhost:5173"}};
    for (const auto &[method, path, body, status] :
         QList<std::tuple<QByteArray, QString, QByteArray, int>>{
             {"GET", u"/tasks"_s, {}, 200},
             {"POST", u"/tasks"_s, R"({"title":"t"})", 201},
             {"GET", u"/tasks/missing"_s, {}, 404},
             {"POST", u"/tasks"_s, R"({"title":""})", 422},
             {"GET", u"/nowhere"_s, {}, 404},
             {"PUT", u"/tasks"_s, R"({})", 405}}) {
        const auto reply = m_http.send(method, path, body, fromApp);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
        QCOMPARE(reply.header("Access-Control-Allow-Credentials"), QByteArray("true"));
        QVERIFY(reply.header("Vary").contains("Origin"));
    }
    const auto other = m_http.send("GET", u"/tasks"_s, {}, {{"Origin", "https://evil.example.com"}});
    QCOMPARE(other.status, 200);
    QVERIFY(other.header("Access-Control-Allow-Origin").isEmpty());
    const auto none = m_http.get(u"/tasks"_s);
    QVERIFY(none.header("Access-Control-Allow-Origin").isEmpty());
}

void TestApi::pipelinedAnswersKeepTheirOrder()
{
    for (int i = 0; i < 50; ++i)
        create({{u"title"_s, u"t%1"_s.arg(i)}});
    // Three requests in one write: the slow database one first, instant ones after it.
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, m_server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /tasks HTTP/1.1\r\nHost: x\r\n\r\n"
                 "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                 "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray received;
    QDeadlineTimer deadline(15000);
    while (received.count("HTTP/1.1 ") < 3 || !received.endsWith("{\"detail\":\"Not Found\"}")) {
        QVERIFY2(!deadline.hasExpired(), received.constData());
        socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        received += socket.readAll();
    }
    const qsizetype list = received.indexOf("HTTP/1.1 200");
    const qsizetype welcome = received.indexOf("Welcome to TaskFlow API");
    const qsizetype notFound = received.indexOf("HTTP/1.1 404");
    QVERIFY(list >= 0 && welcome > list && notFound > welcome);
    QVERIFY(received.indexOf("\"title\":\"t49\"") < welcome);
}

void TestApi::concurrentCreatesLoseNothing()
{
    QList<std::tuple<QByteArray, QString, QByteArray>> requests;
    for (int i = 0; i < 300; ++i)
        requests.append({"POST", u"/tasks"_s, json({{u"title"_s, u"parallel %1"_s.arg(i)}})});
    const auto replies = sendConcurrently(m_server.url(), requests);
    QSet<QString> ids;
    QSet<QString> titles;
    for (const auto &reply : replies) {
        QCOMPARE(reply.status, 201);
        ids.insert(reply.object().value(u"id"_s).toString());
        titles.insert(reply.object().value(u"title"_s).toString());
    }
    QCOMPARE(ids.size(), 300);
    QCOMPARE(titles.size(), 300);
    const QList<QJsonObject> stored = list();
    QCOMPARE(stored.size(), 300);
    for (const QJsonObject &task : stored)
        QVERIFY(ids.contains(task.value(u"id"_s).toString()));
}

void TestApi::concurrentPartialUpdatesAllLand()
{
    QStringList ids;
    for (int i = 0; i < 60; ++i)
        ids.append(create({{u"title"_s, u"original"_s}}).value(u"id"_s).toString());
    // Four clients change four different fields of every task at the same moment.
    QList<std::tuple<QByteArray, QString, QByteArray>> requests;
    for (const QString &id : ids) {
        const QString path = u"/tasks/"_s + id;
        requests.append({"PATCH", path, json({{u"title"_s, QString(u"title of "_s + id)}})});
        requests.append({"PUT", path, json({{u"description"_s, QString(u"description of "_s + id)}})});
        requests.append({"PATCH", path, R"({"priority":"high"})"});
        requests.append({"PUT", path, R"({"status":"done","assignee":"zed"})"});
    }
    const auto replies = sendConcurrently(m_server.url(), requests);
    for (const auto &reply : replies)
        QCOMPARE(reply.status, 200);
    for (const QString &id : ids) {
        const QJsonObject task = m_http.get(u"/tasks/"_s + id).object();
        QCOMPARE(task.value(u"title"_s).toString(), u"title of "_s + id);
        QCOMPARE(task.value(u"description"_s).toString(), u"description of "_s + id);
        QCOMPARE(task.value(u"priority"_s).toString(), u"high"_s);
        QCOMPARE(task.value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(task.value(u"assignee"_s).toString(), u"zed"_s);
    }
}

void TestApi::deleteRacingUpdateNeverResurrects()
{
    QStringList ids;
    for (int i = 0; i < 60; ++i)
        ids.append(create({{u"title"_s, u"doomed"_s}}).value(u"id"_s).toString());
    QList<std::tuple<QByteArray, QString, QByteArray>> requests;
    for (const QString &id : ids) {
        requests.append({"PATCH", u"/tasks/"_s + id, R"({"title":"still here?"})"});
        requests.append({"DELETE", u"/tasks/"_s + id, QByteArray()});
        requests.append({"PUT", u"/tasks/"_s + id, R"({"priority":"low"})"});
    }
    const auto replies = sendConcurrently(m_server.url(), requests);
    for (int i = 0; i < replies.size(); ++i) {
        const int status = replies[i].status;
        if (i % 3 == 1)
            QCOMPARE(status, 204);
        else
            QVERIFY2(status == 200 || status == 404, QByteArray::number(status).constData());
    }
    QCOMPARE(list().size(), 0);
    for (const QString &id : ids)
        QCOMPARE(m_http.get(u"/tasks/"_s + id).status, 404);
}

void TestApi::openApiDocument()
{
    const auto reply = m_http.get(u"/openapi.json"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject document = reply.object();
    QVERIFY(document.value(u"openapi"_s).toString().startsWith(u"3."_s));
    QVERIFY(document.value(u"paths"_s).toObject().contains(u"/tasks/{task_id}"_s));

    const auto docs = m_http.get(u"/docs"_s); // where GET / points people
    QCOMPARE(docs.status, 200);
    QVERIFY(docs.header("Content-Type").startsWith("text/html"));
    QVERIFY(docs.body.contains("/openapi.json"));
}

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
