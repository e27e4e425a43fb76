// Start-up, restart and shutdown of real server processes: data survives a restart, SIGTERM
// finishes what was accepted, two servers share one database, bad settings stop start-up with
// one clear line and no password.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSet>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Qt::StringLiterals;

class TestLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dataSurvivesARestart();
    void sigtermFinishesAcceptedRequests();
    void sigintStopsCleanly();
    void twoServersShareOneDatabase();
    void badSettingsStopStartUp_data();
    void badSettingsStopStartUp();
    void checkConfig();

private:
    TestDatabase m_db;
};

void TestLifecycle::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
}

void TestLifecycle::dataSurvivesARestart()
{
    TestServer server;
    QVERIFY2(server.start(m_db.url()), qPrintable(server.output()));
    HttpClient http(server.url());
    QSet<QString> created;
    for (int i = 0; i < 20; ++i) {
        const auto reply = http.post(u"/tasks"_s, QJsonDocument(QJsonObject{{u"title"_s, u"keep %1"_s.arg(i)}, {u"priority"_s, u"high"_s}}).toJson());
        QCOMPARE(reply.status, 201);
        created.insert(QString::fromUtf8(reply.body));
    }
    QCOMPARE(server.stop(), 0);

    TestServer again;
    QVERIFY2(again.start(m_db.url()), qPrintable(again.output()));
    HttpClient http2(again.url());
    const QJsonArray tasks = http2.get(u"/tasks?priority=high"_s).array();
    QSet<QString> stored;
    for (const QJsonValue &task : tasks)
        stored.insert(QString::fromUtf8(QJsonDocument(task.toObject()).toJson(QJsonDocument::Compact)));
    QCOMPARE(tasks.size(), 20);
    // Same fields, same values: the JSON written before the restart is read back identically.
    for (const QString &body : created) {
        const QJsonObject before = QJsonDocument::fromJson(body.toUtf8()).object();
        QCOMPARE(http2.get(u"/tasks/"_s + before.value(u"id"_s).toString()).object(), before);
    }
    QCOMPARE(again.stop(), 0);
}

void TestLifecycle::sigtermFinishesAcceptedRequests()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGTERM is a Unix signal");
#else
    TestServer server;
    QVERIFY2(server.start(m_db.url()), qPrintable(server.output()));
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));

    // 100 creates on 16 clients; SIGTERM as soon as the first one is answered.
    QNetworkAccessManager networks[16];
    QList<QNetworkReply *> replies;
    bool signalled = false;
    for (int i = 0; i < 100; ++i) {
        QNetworkRequest request(QUrl(server.url().toString() + u"/tasks"_s));
        request.setRawHeader("Content-Type", "application/json");
        QNetworkReply *reply = networks[i % 16].post(request, QByteArray(R"({"title":"in flight"})"));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&] {
            if (!signalled) {
                signalled = true;
                ::kill(pid_t(server.process().processId()), SIGTERM);
            }
        });
        replies.append(reply);
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }), 60000);
    QVERIFY(!server.isRunning() || server.process().waitForFinished(30000));
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);

    int acknowledged = 0;
    for (QNetworkReply *reply : replies) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY2(status == 201 || status == 0, QByteArray::number(status).constData()); // 0: not accepted
        acknowledged += status == 201;
    }
    QVERIFY(acknowledged >= 1);
    // Every acknowledged create is in the database, and nothing else is.
    QCOMPARE(m_db.query(u"SELECT count(*) FROM tasks"_s), QStringList{QString::number(acknowledged)});
    const QString log = server.output();
    QVERIFY2(log.contains(u"SIGTERM received"_s), qPrintable(log.right(2000)));
    QVERIFY(log.contains(u"database closed"_s));
    qDeleteAll(replies);
#endif
}

void TestLifecycle::sigintStopsCleanly()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGINT is a Unix signal");
#else
    TestServer server;
    QVERIFY2(server.start(m_db.url()), qPrintable(server.output()));
    ::kill(pid_t(server.process().processId()), SIGINT);
    QVERIFY(!server.isRunning() || server.process().waitForFinished(30000));
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
    QVERIFY(server.output().contains(u"SIGINT received"_s));
#endif
}

void TestLifecycle::twoServersShareOneDatabase()
{
    TestDatabase fresh; // an empty database: both servers race to create the schema
    QVERIFY2(fresh.create(), qPrintable(fresh.error()));
    TestServer a;
    TestServer b;
    // Start both before waiting for either.
    QProcessEnvironment env;
    QVERIFY2(a.start(fresh.url(), env) && b.start(fresh.url(), env), qPrintable(a.output() + b.output()));

    QList<std::tuple<QByteArray, QString, QByteArray>> creates;
    for (int i = 0; i < 100; ++i)
        creates.append({"POST", u"/tasks"_s, QByteArray(R"({"title":"shared"})")});
    const auto viaA = sendConcurrently(a.url(), creates);
    const auto viaB = sendConcurrently(b.url(), creates);
    QSet<QString> ids;
    for (const auto &reply : viaA + viaB) {
        QCOMPARE(reply.status, 201);
        ids.insert(reply.object().value(u"id"_s).toString());
    }
    QCOMPARE(ids.size(), 200);
    HttpClient httpA(a.url());
    HttpClient httpB(b.url());
    QCOMPARE(httpA.get(u"/tasks"_s).array().size(), 200);
    QCOMPARE(httpB.get(u"/tasks/stats"_s).object().value(u"total"_s).toInt(), 200);

    // Different fields of the same tasks through different servers at once: all land.
    QList<std::tuple<QByteArray, QString, QByteArray>> titles, priorities;
    const QStringList some = QStringList(ids.values()).mid(0, 50);
    for (const QString &id : some) {
        titles.append({"PATCH", u"/tasks/"_s + id, QByteArray(R"({"title":"via A"})")});
        priorities.append({"PATCH", u"/tasks/"_s + id, QByteArray(R"({"priority":"high"})")});
    }
    QList<HttpClient::Reply> r1, r2;
    r1 = sendConcurrently(a.url(), titles);
    r2 = sendConcurrently(b.url(), priorities);
    for (const QString &id : some) {
        const QJsonObject task = httpB.get(u"/tasks/"_s + id).object();
        QCOMPARE(task.value(u"title"_s).toString(), u"via A"_s);
        QCOMPARE(task.value(u"priority"_s).toString(), u"high"_s);
    }
    QCOMPARE(fresh.query(u"SELECT count(*) FROM taskflow_migrations"_s), QStringList{u"3"_s});
    QCOMPARE(a.stop(), 0);
    QCOMPARE(b.stop(), 0);
}

void TestLifecycle::badSettingsStopStartUp_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("malformed url") << u"DATABASE_URL"_s << u"postgresql://ann:hunter2@db:notaport/tasks"_s << u"DATABASE_URL"_s;
    QTest::newRow("unknown driver") << u"DATABASE_URL"_s << u"mysql://ann:hunter2@db/tasks"_s << u"DATABASE_URL"_s;
    QTest::newRow("bad port") << u"PORT"_s << u"eighty"_s << u"PORT"_s;
    QTest::newRow("unreachable database") << u"DATABASE_URL"_s << u"postgresql://ann:hunter2@127.0.0.1:1/tasks?connect_timeout=2"_s << u"database"_s;
    QTest::newRow("sqlite in a missing folder") << u"DATABASE_URL"_s << u"sqlite:////nonexistent/dir/x.db"_s << u"database"_s;
}

void TestLifecycle::badSettingsStopStartUp()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QFETCH(QString, named);
    QProcessEnvironment env;
    env.insert(u"DATABASE_URL"_s, m_db.url());
    env.insert(u"PORT"_s, u"0"_s);
    env.insert(variable, value);
    const ProcessRun run = runServerToExit({}, env);
    QVERIFY2(run.exitCode > 0, qPrintable(run.output));
    QVERIFY(!run.output.contains(u"hunter2"_s));
    const QStringList errorLines = run.output.split(u'\n', Qt::SkipEmptyParts).filter(u"taskflow-server: "_s);
    QCOMPARE(errorLines.size(), 1);
    QVERIFY2(errorLines.first().contains(named), qPrintable(errorLines.first()));
}

void TestLifecycle::checkConfig()
{
    QProcessEnvironment env;
    env.insert(u"DATABASE_URL"_s, m_db.url());
    const ProcessRun run = runServerToExit({u"--check-config"_s}, env);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.output.contains(u"database:  connected"_s), qPrintable(run.output));
    QVERIFY(run.output.contains(u"schema:"_s));
    env.insert(u"DATABASE_URL"_s, u"postgresql://ann:hunter2@127.0.0.1:1/tasks?connect_timeout=2"_s);
    const ProcessRun failed = runServerToExit({u"--check-config"_s}, env);
    QVERIFY(failed.exitCode > 0);
    QVERIFY(failed.output.contains(u"ann:***@127.0.0.1:1/tasks"_s));
    QVERIFY(!failed.output.contains(u"hunter2"_s));
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
