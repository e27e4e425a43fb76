// PostgreSQL stopped under a running server: 503s and an unhealthy /health, never a hang or a
// crash, no password anywhere; started again: served again without restarting the server.
#include "httpclient.h"
#include "loaddriver.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestOutage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void databaseStopsAndComesBack();
    void databaseBouncesUnderLoad();

private:
    TestDatabase m_db;
    TestServer m_server;
};

void TestOutage::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
    QVERIFY2(m_db.kind() == TestDatabase::Kind::Postgres, "tst_outage needs TASKFLOW_TEST_DATABASE=postgres");
    // A password in the URL (the throwaway cluster trusts local users and ignores it) so the
    // test can show that it never leaks.
    QUrl url(m_db.url());
    url.setPassword(u"s3cret-Pa55"_s);
    QVERIFY2(m_server.start(url.toString()), qPrintable(m_server.output()));
}

void TestOutage::cleanupTestCase()
{
    TestDatabase::startPostgres(); // whatever happened, leave the cluster running
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void TestOutage::databaseStopsAndComesBack()
{
    HttpClient http(m_server.url());
    // Warm every worker's connection so that all of them go stale together.
    QList<std::tuple<QByteArray, QString, QByteArray>> creates;
    for (int i = 0; i < 20; ++i)
        creates.append({"POST", u"/tasks"_s, QByteArray(R"({"title":"before"})")});
    for (const auto &reply : sendConcurrently(m_server.url(), creates))
        QCOMPARE(reply.status, 201);

    QVERIFY(TestDatabase::stopPostgres());
    for (int i = 0; i < 10; ++i) {
        const auto list = http.get(u"/tasks"_s);
        QCOMPARE(list.status, 503);
        QCOMPARE(list.body, QByteArray(R"({"detail":"Database unavailable"})"));
        QCOMPARE(list.header("Content-Type"), QByteArray("application/json"));
    }
    QCOMPARE(http.post(u"/tasks"_s, R"({"title":"during"})").status, 503);
    const auto health = http.get(u"/health"_s);
    QCOMPARE(health.status, 503);
    QCOMPARE(health.object().value(u"status"_s).toString(), u"unhealthy"_s);
    QVERIFY(!health.object().value(u"database"_s).toString().isEmpty());
    QVERIFY(!health.body.contains("s3cret"));
    // Validation still answers without the database.
    QCOMPARE(http.post(u"/tasks"_s, R"({"title":""})").status, 422);

    QVERIFY(TestDatabase::startPostgres());
    // No restart: every worker notices its dead connection and reconnects on its own.
    for (int i = 0; i < 10; ++i)
        QCOMPARE(http.get(u"/tasks"_s).status, 200);
    QCOMPARE(http.get(u"/health"_s).status, 200);
    const auto after = http.post(u"/tasks"_s, R"({"title":"after"})");
    QCOMPARE(after.status, 201);
    const QJsonArray tasks = http.get(u"/tasks"_s).array();
    QCOMPARE(tasks.size(), 21); // the 20 before, not the refused one, and the new one
    QVERIFY(!m_server.output().contains(u"s3cret"_s));
}

void TestOutage::databaseBouncesUnderLoad()
{
    QSet<QString> acknowledged;
    QHash<QString, int> acknowledgedVersion;
    QHash<int, QString> ownTask;
    int answers = 0, unavailable = 0, otherFailures = 0, okAfterRestart = 0;
    bool stopped = false, restarted = false;
    QElapsedTimer sinceRestart;
    qint64 recoveryMs = -1;
    driveLoad({m_server.url()}, 16, 60,
        [&](int client, int index) -> LoadRequest {
            if (index % 3 == 0 || !ownTask.contains(client))
                return {"POST", u"/tasks"_s, QByteArray(R"({"title":"bounce"})")};
            return {"PUT", u"/tasks/"_s + ownTask[client],
                    QJsonDocument(QJsonObject{{u"assignee"_s, QString::number(index)}}).toJson()};
        },
        [&](int client, int, const HttpClient::Reply &reply) {
            ++answers;
            if (reply.status == 201) {
                ownTask[client] = reply.object().value(u"id"_s).toString();
                acknowledged.insert(ownTask[client]);
            } else if (reply.status == 200) {
                const QJsonObject task = reply.object();
                acknowledgedVersion[task.value(u"id"_s).toString()] = task.value(u"assignee"_s).toString().toInt();
            } else if (reply.status == 503) {
                ++unavailable;
            } else {
                ++otherFailures;
                qWarning("unexpected answer %d %s", reply.status, reply.body.constData());
            }
            if (restarted && (reply.status == 200 || reply.status == 201) && recoveryMs < 0)
                recoveryMs = sinceRestart.elapsed();
            if (restarted && (reply.status == 200 || reply.status == 201))
                ++okAfterRestart;
            if (answers == 150 && !stopped) {
                stopped = TestDatabase::stopPostgres();
            } else if (stopped && !restarted && unavailable >= 100) {
                restarted = TestDatabase::startPostgres();
                sinceRestart.start();
            }
        });
    QVERIFY(stopped);
    QVERIFY(restarted);
    QCOMPARE(otherFailures, 0); // during the outage: 503, never a 500 or a dropped connection
    QVERIFY(okAfterRestart > 100);
    // Back by itself, at once: the next request after PostgreSQL returns opens a new connection
    // (a restart of the cluster itself takes part of this).
    QVERIFY2(recoveryMs >= 0 && recoveryMs < 5000, qPrintable(QString::number(recoveryMs)));
    qInfo("%d answers: %lld creates and %lld updates acknowledged, %d answered 503 during the outage; "
          "first success %lld ms after PostgreSQL was back",
          answers, qint64(acknowledged.size()), qint64(acknowledgedVersion.size()), unavailable, recoveryMs);

    HttpClient http(m_server.url());
    const QStringList ids = m_db.query(u"SELECT id FROM tasks"_s);
    const QSet<QString> stored(ids.cbegin(), ids.cend());
    QVERIFY((acknowledged - stored).isEmpty());
    for (auto it = acknowledgedVersion.cbegin(); it != acknowledgedVersion.cend(); ++it) {
        const int version = http.get(u"/tasks/"_s + it.key()).object().value(u"assignee"_s).toString().toInt();
        QVERIFY(version >= it.value());
    }
}

QTEST_GUILESS_MAIN(TestOutage)
#include "tst_outage.moc"
