// PostgreSQL stopped under a running server: 503s and an unhealthy /health, never a hang or a
// crash, no password anywhere; started again: served again without restarting the server.
#include "httpclient.h"
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

QTEST_GUILESS_MAIN(TestOutage)
#include "tst_outage.moc"
