// The database password never leaves the server: not in a log line, an error body, /health,
// --check-config or a start-up error, whatever fails (wrong password, database down, bad URL).
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <taskflow/server/databaseerror.h>
#include <taskflow/server/databasesession.h>
#include <taskflow/server/databaseurl.h>

#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QString role = u"taskflow_secret"_s; // scripts/pg.sh makes this role use a password
const QString rightPassword = u"Corr3ct-H0rse_b@ttery:staple"_s;
const QString wrongPassword = u"Wr0ng-Pa55w0rd-xyzzy"_s;
} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongPasswordStopsStartUpWithoutShowingIt();
    void rightPasswordNeverShows();
    void badUrlNeverShowsThePassword();
    void failedStatementNeverShowsThePassword();

private:
    QString urlWith(const QString &password) const;

    TestDatabase m_db;
};

void TestSecrets::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
    QVERIFY2(m_db.kind() == TestDatabase::Kind::Postgres, "tst_secrets needs TASKFLOW_TEST_DATABASE=postgres");
    // Roles belong to the whole cluster: a rerun finds it there already.
    QVERIFY(m_db.exec(u"DO $$ BEGIN CREATE ROLE %1 LOGIN PASSWORD '%2'; EXCEPTION WHEN duplicate_object "
                      "THEN ALTER ROLE %1 LOGIN PASSWORD '%2'; END $$"_s.arg(role, rightPassword)));
    QVERIFY(m_db.exec(u"GRANT ALL ON SCHEMA public TO %1"_s.arg(role)));
    const QStringList name = m_db.query(u"SELECT current_database()"_s);
    QVERIFY(m_db.exec(u"GRANT ALL ON DATABASE %1 TO %2"_s.arg(name.value(0), role)));
}

QString TestSecrets::urlWith(const QString &password) const
{
    QUrl url(m_db.url());
    url.setUserName(role);
    url.setPassword(password);
    return url.toString();
}

void TestSecrets::wrongPasswordStopsStartUpWithoutShowingIt()
{
    QProcessEnvironment env;
    env.insert(u"DATABASE_URL"_s, urlWith(wrongPassword));
    env.insert(u"PORT"_s, u"0"_s);
    const ProcessRun run = runServerToExit({}, env);
    QVERIFY(run.exitCode > 0);
    QVERIFY2(run.output.contains(u"password authentication failed"_s), qPrintable(run.output));
    QVERIFY(!run.output.contains(wrongPassword));
    const ProcessRun check = runServerToExit({u"--check-config"_s}, env);
    QVERIFY(check.exitCode > 0);
    QVERIFY(check.output.contains(u"***"_s));
    QVERIFY(!check.output.contains(wrongPassword));
}

void TestSecrets::rightPasswordNeverShows()
{
    TestServer server;
    QVERIFY2(server.start(urlWith(rightPassword)), qPrintable(server.output()));
    HttpClient http(server.url());
    QByteArray everything;
    everything += http.get(u"/health"_s).body;
    everything += http.post(u"/tasks"_s, R"({"title":"secret keeper"})").body;
    everything += http.post(u"/tasks"_s, R"({"title":""})").body;
    everything += http.get(u"/tasks/missing"_s).body;
    // Cut the database off under the server: 503s and an unhealthy /health, still no password.
    QVERIFY(TestDatabase::stopPostgres());
    const auto down = http.get(u"/tasks"_s);
    QCOMPARE(down.status, 503);
    everything += down.body;
    const auto health = http.get(u"/health"_s);
    QCOMPARE(health.status, 503);
    everything += health.body;
    QVERIFY(TestDatabase::startPostgres());
    QCOMPARE(http.get(u"/tasks"_s).status, 200);
    QCOMPARE(server.stop(), 0);
    const QString log = server.output();
    QVERIFY(log.contains(u"PostgreSQL"_s));
    QVERIFY(!log.contains(rightPassword));
    QVERIFY(!everything.contains(rightPassword.toUtf8()));
    const ProcessRun check = runServerToExit({u"--check-config"_s}, [&] {
        QProcessEnvironment env;
        env.insert(u"DATABASE_URL"_s, urlWith(rightPassword));
        return env;
    }());
    QCOMPARE(check.exitCode, 0);
    QVERIFY(!check.output.contains(rightPassword));
}

void TestSecrets::badUrlNeverShowsThePassword()
{
    for (const QString &url : {u"postgresql://%1:%2@127.0.0.1:99999/db"_s, u"postgresql://%1:%2@127.0.0.1/"_s,
                               u"postgresql://%1:%2@[::1/db"_s, u"mysql://%1:%2@h/db"_s}) {
        QProcessEnvironment env;
        env.insert(u"DATABASE_URL"_s, url.arg(role, rightPassword));
        const ProcessRun run = runServerToExit({}, env);
        QVERIFY(run.exitCode > 0);
        QVERIFY2(run.output.contains(u"DATABASE_URL"_s), qPrintable(run.output));
        QVERIFY2(!run.output.contains(rightPassword), qPrintable(run.output));
    }
}

void TestSecrets::failedStatementNeverShowsThePassword()
{
    // PostgreSQL quotes a bad value back in its error: a statement that fails on a value equal
    // to the password must not carry it into the message that goes to the log.
    const auto url = taskflow::DatabaseUrl::parse(urlWith(rightPassword));
    QVERIFY(url);
    taskflow::DatabaseSession session(*url, u"tst_secrets"_s);
    QSqlQuery &query = session.prepared(u"SELECT CAST(? AS integer)"_s);
    query.bindValue(0, rightPassword);
    QString message;
    try {
        session.exec(query);
    } catch (const taskflow::DatabaseError &error) {
        message = error.message();
    }
    QVERIFY2(message.contains(u"invalid input syntax"_s), qPrintable(message));
    QVERIFY2(message.contains(u"***"_s), qPrintable(message));
    QVERIFY2(!message.contains(rightPassword), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
