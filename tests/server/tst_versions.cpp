// Versions and conditional requests (API.md): ETag on every task answer, If-None-Match → 304 on
// a task, the list and the stats, If-Match → 412 with the current task, of several writers
// holding one version exactly one succeeds, and a write by another program (plain SQL) is a
// new version like any other. On SQLite and PostgreSQL.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestVersions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void everyTaskAnswerCarriesItsVersion();
    void unchangedTaskIsNotModified();
    void staleWriteIsRefusedWithTheCurrentTask_data();
    void staleWriteIsRefusedWithTheCurrentTask();
    void anyVersionAndMissingTasks();
    void writesByAnotherProgramAreNewVersions();
    void ofWritersHoldingOneVersionExactlyOneWins_data();
    void ofWritersHoldingOneVersionExactlyOneWins();
    void listAndStatsAreNotModifiedUntilAnythingChanges();
    void statsChangeWhenADueDatePasses();

private:
    QString create(const QByteArray &body = R"({"title":"versioned"})");

    TestDatabase m_db;
    TestServer m_server;
    HttpClient m_http;
};

void TestVersions::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
    QVERIFY2(m_server.start(m_db.url()), qPrintable(m_server.output()));
    m_http.setBase(m_server.url());
}

void TestVersions::init()
{
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestVersions::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QString TestVersions::create(const QByteArray &body)
{
    const auto reply = m_http.post(u"/tasks"_s, body);
    if (reply.status != 201)
        qWarning("create failed: %d %s", reply.status, reply.body.constData());
    return reply.object().value(u"id"_s).toString();
}

void TestVersions::everyTaskAnswerCarriesItsVersion()
{
    const auto created = m_http.post(u"/tasks"_s, R"({"title":"v1"})");
    QCOMPARE(created.status, 201);
    const QByteArray v1 = created.header("ETag");
    QVERIFY2(v1.startsWith('"') && v1.endsWith('"') && v1.size() > 8, v1.constData());
    const QString path = u"/tasks/"_s + created.object().value(u"id"_s).toString();
    QCOMPARE(m_http.get(path).header("ETag"), v1);

    const auto patched = m_http.patch(path, R"({"status":"done"})");
    QCOMPARE(patched.status, 200);
    const QByteArray v2 = patched.header("ETag");
    QVERIFY(!v2.isEmpty() && v2 != v1);
    QCOMPARE(m_http.get(path).header("ETag"), v2);
    const auto put = m_http.put(path, R"({"title":"v3"})");
    QVERIFY(!put.header("ETag").isEmpty() && put.header("ETag") != v2);
    // An empty change changes nothing, not even the version.
    QCOMPARE(m_http.patch(path, "{}").header("ETag"), put.header("ETag"));
}

void TestVersions::unchangedTaskIsNotModified()
{
    const QString path = u"/tasks/"_s + create();
    const QByteArray etag = m_http.get(path).header("ETag");
    for (const QByteArray &header : QByteArrayList{etag, "W/" + etag, "\"other\", " + etag, "*"}) {
        const auto reply = m_http.get(path, {{"If-None-Match", header}});
        QCOMPARE(reply.status, 304);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(reply.header("ETag"), etag);
    }
    QCOMPARE(m_http.get(path, {{"If-None-Match", "\"other\""}}).status, 200);
}

void TestVersions::staleWriteIsRefusedWithTheCurrentTask_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("PUT") << QByteArray("PUT");
    QTest::newRow("PATCH") << QByteArray("PATCH");
    QTest::newRow("DELETE") << QByteArray("DELETE");
}

void TestVersions::staleWriteIsRefusedWithTheCurrentTask()
{
    QFETCH(QByteArray, method);
    const QString path = u"/tasks/"_s + create();
    const QByteArray old = m_http.get(path).header("ETag");
    const auto other = m_http.patch(path, R"({"assignee":"someone else"})");
    QCOMPARE(other.status, 200);

    const auto refused = m_http.send(method, path, method == "DELETE" ? QByteArray() : QByteArray(R"({"title":"mine"})"),
                                     {{"If-Match", old}, {"Content-Type", "application/json"}});
    QCOMPARE(refused.status, 412);
    QCOMPARE(refused.object().value(u"detail"_s).toString(), u"Task was changed since you read it"_s);
    QCOMPARE(refused.object().value(u"task"_s).toObject(), other.object());
    QCOMPARE(refused.header("ETag"), other.header("ETag"));
    // Nothing changed.
    const auto now = m_http.get(path);
    QCOMPARE(now.status, 200);
    QCOMPARE(now.object(), other.object());

    // With the current version it goes through; a weak tag never matches a write.
    QCOMPARE(m_http.send(method, path, method == "DELETE" ? QByteArray() : QByteArray(R"({"title":"mine"})"),
                         {{"If-Match", "W/" + now.header("ETag")}, {"Content-Type", "application/json"}}).status, 412);
    const auto accepted = m_http.send(method, path, method == "DELETE" ? QByteArray() : QByteArray(R"({"title":"mine"})"),
                                      {{"If-Match", now.header("ETag")}, {"Content-Type", "application/json"}});
    QCOMPARE(accepted.status, method == "DELETE" ? 204 : 200);
}

void TestVersions::anyVersionAndMissingTasks()
{
    const QString path = u"/tasks/"_s + create();
    QCOMPARE(m_http.send("PATCH", path, R"({"priority":"high"})", {{"If-Match", "*"}, {"Content-Type", "application/json"}}).status, 200);
    QCOMPARE(m_http.send("DELETE", path, {}, {{"If-Match", "*"}}).status, 204);
    // Gone: 404 as usual, whatever the version.
    QCOMPARE(m_http.send("PATCH", path, R"({"priority":"low"})", {{"If-Match", "*"}, {"Content-Type", "application/json"}}).status, 404);
    QCOMPARE(m_http.send("DELETE", path, {}, {{"If-Match", "\"x\""}}).status, 404);
    QCOMPARE(m_http.get(path, {{"If-None-Match", "*"}}).status, 404);
}

void TestVersions::writesByAnotherProgramAreNewVersions()
{
    const QString id = create(R"({"title":"shared","description":"d"})");
    const QString path = u"/tasks/"_s + id;
    const QByteArray before = m_http.get(path).header("ETag");
    // A column the server writes itself on every change (updated_at) is left alone here: the
    // version must follow the row, not the server's bookkeeping.
    QVERIFY(m_db.exec(u"UPDATE tasks SET description = 'changed by psql' WHERE id = '%1'"_s.arg(id)));
    const auto after = m_http.get(path);
    QVERIFY(after.header("ETag") != before);
    QCOMPARE(m_http.get(path, {{"If-None-Match", before}}).status, 200);
    QCOMPARE(m_http.send("PATCH", path, R"({"title":"stale"})", {{"If-Match", before}, {"Content-Type", "application/json"}}).status, 412);
    QCOMPARE(m_http.get(path).object().value(u"description"_s).toString(), u"changed by psql"_s);
}

void TestVersions::ofWritersHoldingOneVersionExactlyOneWins_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("PATCH") << QByteArray("PATCH");
    QTest::newRow("PUT") << QByteArray("PUT");
    QTest::newRow("DELETE") << QByteArray("DELETE");
}

void TestVersions::ofWritersHoldingOneVersionExactlyOneWins()
{
    QFETCH(QByteArray, method);
    for (int round = 0; round < 5; ++round) {
        const QString path = u"/tasks/"_s + create();
        const QByteArray etag = m_http.get(path).header("ETag");
        QList<ConcurrentRequest> writes;
        for (int i = 0; i < 16; ++i) {
            writes.append({method, path,
                           method == "DELETE" ? QByteArray() : QByteArray(R"({"title":"writer )" + QByteArray::number(i) + "\"}"),
                           {{"If-Match", etag}}});
        }
        int won = 0;
        int refused = 0;
        QString winner;
        for (const auto &reply : sendConcurrently(m_server.url(), writes)) {
            if (reply.status == 200 || reply.status == 204) {
                ++won;
                winner = reply.object().value(u"title"_s).toString();
            } else if (reply.status == 412 || (method == "DELETE" && reply.status == 404)) {
                ++refused;
            } else {
                QFAIL(qPrintable(u"unexpected %1: %2"_s.arg(reply.status).arg(QString::fromUtf8(reply.body))));
            }
        }
        QCOMPARE(won, 1);
        QCOMPARE(refused, 15);
        if (method != "DELETE")
            QCOMPARE(m_http.get(path).object().value(u"title"_s).toString(), winner);
        else
            QCOMPARE(m_http.get(path).status, 404);
    }
}

void TestVersions::listAndStatsAreNotModifiedUntilAnythingChanges()
{
    const QString id = create();
    for (const QString &path : {u"/tasks"_s, u"/tasks?status=todo&limit=10"_s, u"/tasks/stats"_s,
                                u"/tasks/stats?priority=medium"_s}) {
        const auto first = m_http.get(path);
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("ETag");
        QVERIFY2(!etag.isEmpty(), qPrintable(path));
        QCOMPARE(m_http.get(path, {{"If-None-Match", etag}}).status, 304);

        // Any change by anyone, even to a task this query does not show.
        QVERIFY(m_db.exec(u"UPDATE tasks SET assignee = '%1' WHERE id = '%2'"_s.arg(path.size()).arg(id)));
        const auto changed = m_http.get(path, {{"If-None-Match", etag}});
        if (path.startsWith(u"/tasks/stats"_s)) {
            // The counts did not move: the same answer, so the same version.
            QCOMPARE(changed.status, 304);
            QVERIFY(m_db.exec(u"UPDATE tasks SET status = 'DONE' WHERE id = '%1'"_s.arg(id)));
            QCOMPARE(m_http.get(path, {{"If-None-Match", etag}}).status, 200);
            QVERIFY(m_db.exec(u"UPDATE tasks SET status = 'TODO' WHERE id = '%1'"_s.arg(id)));
        } else {
            QCOMPARE(changed.status, 200);
            QVERIFY(changed.header("ETag") != etag);
        }
    }
}

void TestVersions::statsChangeWhenADueDatePasses()
{
    // Nothing is written, yet the answer changes when a due date passes: a cached or 304 answer
    // must not outlive it.
    const QDateTime due = QDateTime::currentDateTimeUtc().addSecs(2);
    create(R"({"title":"soon","due_date":")" + due.toString(Qt::ISODate).toUtf8() + "\"}");
    const auto before = m_http.get(u"/tasks/stats"_s);
    QCOMPARE(before.object().value(u"overdue"_s).toInt(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/tasks/stats"_s, {{"If-None-Match", before.header("ETag")}}).status, 200, 10000);
    QCOMPARE(m_http.get(u"/tasks/stats"_s).object().value(u"overdue"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestVersions)
#include "tst_versions.moc"
