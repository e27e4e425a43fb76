// Optional bearer tokens: off by default; when set, /tasks needs one, the rest stays open, and
// no token ever shows in a log line or an answer.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QByteArray token = "tf_9c2e4d7f1a6b8e03";
const QByteArray otherToken = "tf_second_token_55";
} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openByDefault();
    void tokenRequiredOnTasks_data();
    void tokenRequiredOnTasks();
    void otherRoutesStayOpen();
    void preflightNeedsNoToken();
    void tokensFile();
    void unreadableTokensFileStopsStartUp();

private:
    TestDatabase m_db;
};

void TestAuth::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
}

void TestAuth::openByDefault()
{
    TestServer server;
    QVERIFY2(server.start(m_db.url()), qPrintable(server.output()));
    HttpClient http(server.url());
    QCOMPARE(http.get(u"/tasks"_s).status, 200);
    QCOMPARE(http.post(u"/tasks"_s, R"({"title":"open"})").status, 201);
    QCOMPARE(server.stop(), 0);
}

void TestAuth::tokenRequiredOnTasks_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::newRow("none") << QByteArray() << 401 << u"Not authenticated"_s;
    QTest::newRow("basic") << QByteArray("Basic dXNlcjpwYXNz") << 401 << u"Not authenticated"_s;
    QTest::newRow("bearer, nothing") << QByteArray("Bearer") << 401 << u"Not authenticated"_s;
    QTest::newRow("wrong") << QByteArray("Bearer nope") << 401 << u"Invalid authentication credentials"_s;
    QTest::newRow("prefix") << "Bearer " + token.left(token.size() - 1) << 401 << u"Invalid authentication credentials"_s;
    QTest::newRow("longer") << "Bearer " + token + "x" << 401 << u"Invalid authentication credentials"_s;
    QTest::newRow("right") << "Bearer " + token << 200 << QString();
    QTest::newRow("scheme in any case") << "bearer " + token << 200 << QString();
}

void TestAuth::tokenRequiredOnTasks()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QString, detail);
    TestServer server;
    QVERIFY2(server.startWithToken(m_db.url(), token), qPrintable(server.output()));
    HttpClient http(server.url());
    QList<QPair<QByteArray, QByteArray>> headers{{"Origin", "http://localhost:5173"}};
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});

    for (const auto &[method, path, body] : QList<std::tuple<QByteArray, QString, QByteArray>>{
             {"GET", u"/tasks"_s, {}},
             {"GET", u"/tasks/stats"_s, {}},
             {"GET", u"/tasks/anything"_s, {}},
             {"POST", u"/tasks"_s, R"({"title":"t"})"},
             {"DELETE", u"/tasks/x"_s, {}}}) {
        const auto reply = http.send(method, path, body, headers);
        if (status == 401) {
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.header("WWW-Authenticate"), QByteArray("Bearer"));
            QCOMPARE(reply.object().value(u"detail"_s).toString(), detail);
            QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
        } else {
            QVERIFY2(reply.status >= 200 && reply.status < 500 && reply.status != 401, reply.body.constData());
        }
    }
    QCOMPARE(server.stop(), 0);
    QVERIFY(!server.output().contains(QString::fromLatin1(token)));
}

void TestAuth::otherRoutesStayOpen()
{
    TestServer server;
    QVERIFY2(server.startWithToken(m_db.url(), token), qPrintable(server.output()));
    HttpClient http(server.url());
    QCOMPARE(http.get(u"/"_s).status, 200);
    QCOMPARE(http.get(u"/health"_s).status, 200);
    QCOMPARE(http.get(u"/openapi.json"_s).status, 200);
    QCOMPARE(http.get(u"/nothing"_s).status, 404);
    QCOMPARE(server.stop(), 0);
}

void TestAuth::preflightNeedsNoToken()
{
    TestServer server;
    QVERIFY2(server.startWithToken(m_db.url(), token), qPrintable(server.output()));
    HttpClient http(server.url());
    const auto reply = http.send("OPTIONS", u"/tasks"_s, {},
                                 {{"Origin", "http://localhost:5173"},
                                  {"Access-Control-Request-Method", "GET"},
                                  {"Access-Control-Request-Headers", "authorization"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Access-Control-Allow-Headers"), QByteArray("authorization"));
    QCOMPARE(server.stop(), 0);
}

void TestAuth::tokensFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("# TaskFlow tokens\n" + token + "\n\n  " + otherToken + "  \n");
    file.close();
    TestServer server;
    QProcessEnvironment env;
    env.insert(u"API_TOKENS_FILE"_s, file.fileName());
    QVERIFY2(server.start(m_db.url(), env), qPrintable(server.output()));
    HttpClient http(server.url());
    QCOMPARE(http.get(u"/tasks"_s, {{"Authorization", "Bearer " + token}}).status, 200);
    QCOMPARE(http.get(u"/tasks"_s, {{"Authorization", "Bearer " + otherToken}}).status, 200);
    QCOMPARE(http.get(u"/tasks"_s, {{"Authorization", "Bearer # TaskFlow tokens"}}).status, 401);
    QCOMPARE(http.get(u"/tasks"_s).status, 401);
    QCOMPARE(server.stop(), 0);
}

void TestAuth::unreadableTokensFileStopsStartUp()
{
    QProcessEnvironment env;
    env.insert(u"DATABASE_URL"_s, m_db.url());
    env.insert(u"API_TOKENS_FILE"_s, u"/nonexistent/tokens"_s);
    const ProcessRun run = runServerToExit({}, env);
    QVERIFY(run.exitCode > 0);
    QVERIFY2(run.output.contains(u"API_TOKENS_FILE"_s), qPrintable(run.output));
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
