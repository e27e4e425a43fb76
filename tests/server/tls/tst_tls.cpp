// TLS to PostgreSQL, as Supabase requires it: a throwaway cluster of this suite's own with
// ssl=on and a certificate made on the fly. sslmode=require connects (and the session really
// is encrypted, as pg_stat_ssl shows); sslmode=require against the main test cluster, which
// has no TLS, stops the server at start-up with one clear line; --check-config reports both,
// the password never printed.
#include "httpclient.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

// A prerequisite of the whole suite (PostgreSQL, openssl): a failure under CI=true, a skip on
// a developer machine without it, as TASKFLOW_REQUIRE_DATABASE does.
#define TLS_REQUIRE(condition, why)                                                             \
    do {                                                                                        \
        if (!(condition)) {                                                                     \
            const QString reason_ = (why);                                                      \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                            \
                QFAIL(qPrintable(u"required under CI: "_s + reason_));                          \
            QSKIP(qPrintable(reason_));                                                         \
        }                                                                                       \
    } while (false)

namespace {

// Never in any output: trust authentication ignores it, but the server must redact it.
const QString password = u"s3cret-p4ss"_s;
const QString tlsDatabase = u"taskflow_tls"_s;

// The cluster's scripts and openssl take their time on a loaded machine.
ProcessRun run(const QString &program, const QStringList &arguments)
{
    return runToExit(program, arguments, {}, 120000);
}

bool isRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

QString pgScript()
{
    const QString fromEnvironment = qEnvironmentVariable("TASKFLOW_TEST_PG_SCRIPT");
    return fromEnvironment.isEmpty() ? QStringLiteral(TASKFLOW_SOURCE_PG_SCRIPT) : fromEnvironment;
}

// postgresql://user[:password]@host:port/db?sslmode=…
QString postgresUrl(const QString &host, int port, const QString &database, const QString &sslmode,
                    const QString &userName = u"postgres"_s, const QString &secret = password)
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(host);
    url.setPort(port);
    url.setUserName(userName);
    if (!secret.isEmpty())
        url.setPassword(secret);
    url.setPath(u'/' + database);
    if (!sslmode.isEmpty())
        url.setQuery(u"sslmode="_s + sslmode);
    return url.toString();
}

QProcessEnvironment serverEnvironment(const QString &databaseUrl)
{
    QProcessEnvironment env;
    env.insert(u"DATABASE_URL"_s, databaseUrl);
    env.insert(u"PORT"_s, u"0"_s);
    env.insert(u"HOST"_s, u"127.0.0.1"_s);
    env.insert(u"QT_MESSAGE_PATTERN"_s, u"%{category} %{type}: %{message}"_s);
    return env;
}

} // namespace

class TlsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void requireConnectsOverTls();
    void requireAgainstServerWithoutTlsFailsAtStartup();
    void checkConfigOverTls();
    void checkConfigAgainstServerWithoutTlsFails();

private:
    // The cluster with TLS (this suite's own).
    QString tlsUrl(const QString &sslmode = u"require"_s) const
    {
        return postgresUrl(u"127.0.0.1"_s, m_tlsPort, tlsDatabase, sslmode);
    }
    // The main test cluster of scripts/test.sh, which has no TLS, asked for sslmode=require.
    bool plainUrl(QString *url, QString *why) const;
    QStringList sqlColumn(const QString &sql, QString *error);

    QTemporaryDir m_tmp;
    QString m_clusterDir;
    int m_tlsPort = 0;
    bool m_clusterCreated = false;
};

void TlsTest::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // pg.sh hands the cluster folder to user postgres when we are root: it must be able to
    // reach it through our temporary folder.
    QFile::setPermissions(m_tmp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                            | QFile::ReadGroup | QFile::ExeGroup
                                            | QFile::ReadOther | QFile::ExeOther);
    m_clusterDir = m_tmp.filePath(u"pg"_s);

    const QString script = pgScript();
    TLS_REQUIRE(QFile::exists(script), u"no PostgreSQL script at "_s + script);
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    TLS_REQUIRE(!openssl.isEmpty(), u"openssl is not installed (scripts/packages/test.txt)"_s);

    m_clusterCreated = true; // from here on, cleanupTestCase destroys whatever pg.sh left
    const ProcessRun created = run(u"bash"_s, {script, u"create"_s, m_clusterDir});
    TLS_REQUIRE(created.ok(), u"cannot create a PostgreSQL cluster: "_s + created.output.trimmed());
    bool portOk = false;
    m_tlsPort = created.output.trimmed().split(u'\n').last().trimmed().toInt(&portOk);
    QVERIFY2(portOk && m_tlsPort > 0, qPrintable(u"pg.sh printed no port: "_s + created.output));

    // A self-signed certificate made now, in the data folder, owned by the cluster's user.
    const QString data = m_clusterDir + u"/data"_s;
    const QString key = data + u"/server.key"_s;
    const QString certificate = data + u"/server.crt"_s;
    const ProcessRun made = run(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                                   u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=localhost"_s,
                                   u"-keyout"_s, key, u"-out"_s, certificate});
    QVERIFY2(made.ok(), qPrintable(u"openssl req failed: "_s + made.output));
    if (isRoot()) {
        const ProcessRun owned = run(u"chown"_s, {u"postgres:postgres"_s, key, certificate});
        QVERIFY2(owned.ok(), qPrintable(owned.output));
    }
    QVERIFY(QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner));

    QFile conf(data + u"/postgresql.conf"_s);
    QVERIFY(conf.open(QIODevice::Append | QIODevice::Text));
    conf.write("\n# tst_tls\nssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n");
    conf.close();

    const ProcessRun stopped = run(u"bash"_s, {script, u"stop"_s, m_clusterDir});
    QVERIFY2(stopped.ok(), qPrintable(stopped.output));
    const ProcessRun started = run(u"bash"_s, {script, u"start"_s, m_clusterDir});
    if (!started.ok()) {
        QFile log(m_clusterDir + u"/server.log"_s);
        const QString logText =
            log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
        QFAIL(qPrintable(u"PostgreSQL did not start with ssl = on: "_s + started.output + logText));
    }

    QString error;
    const QStringList ssl = sqlColumn(u"SHOW ssl"_s, &error);
    QVERIFY2(ssl == QStringList{u"on"_s}, qPrintable(ssl.join(u',') + error));
    sqlColumn(u"CREATE DATABASE "_s + tlsDatabase, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TlsTest::cleanupTestCase()
{
    if (QSqlDatabase::contains(u"tls-admin"_s)) {
        QSqlDatabase::database(u"tls-admin"_s, false).close();
        QSqlDatabase::removeDatabase(u"tls-admin"_s);
    }
    if (m_clusterCreated) {
        const ProcessRun destroyed = run(u"bash"_s, {pgScript(), u"destroy"_s, m_clusterDir});
        if (!destroyed.ok())
            qWarning().noquote() << "pg.sh destroy:" << destroyed.output;
    }
}

// Runs SQL on the TLS cluster's `postgres` database, as the test (not the server) sees it.
QStringList TlsTest::sqlColumn(const QString &sql, QString *error)
{
    const QString name = u"tls-admin"_s;
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    if (!db.isOpen()) {
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(m_tlsPort);
        db.setUserName(u"postgres"_s);
        db.setDatabaseName(u"postgres"_s);
        db.setConnectOptions(u"connect_timeout=5;application_name=tst_tls"_s);
        if (!db.open()) {
            *error = db.lastError().text();
            return {};
        }
    }
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        *error = query.lastError().text();
        return {};
    }
    QStringList values;
    while (query.next())
        values.append(query.value(0).toString());
    error->clear();
    return values;
}

bool TlsTest::plainUrl(QString *url, QString *why) const
{
    const QUrl main(qEnvironmentVariable("TASKFLOW_TEST_PG_URL"));
    if (!main.isValid() || main.host().isEmpty() || main.port() <= 0) {
        *why = u"TASKFLOW_TEST_PG_URL is not set (scripts/test.sh starts the main test cluster)"_s;
        return false;
    }
    *url = postgresUrl(main.host(), main.port(), main.path().mid(1), u"require"_s,
                       main.userName().isEmpty() ? u"postgres"_s : main.userName());
    return true;
}

void TlsTest::requireConnectsOverTls()
{
    TestServer server;
    const bool started = server.start(tlsUrl(), serverEnvironment(tlsUrl()));
    QVERIFY2(started, qPrintable(server.output()));

    HttpClient http(server.url());
    const HttpClient::Reply health = http.get(u"/health"_s);
    QCOMPARE(health.status, 200);
    QCOMPARE(health.object().value(u"status"_s).toString(), u"healthy"_s);

    const HttpClient::Reply created =
        http.post(u"/tasks"_s, R"({"title":"over TLS","priority":"high"})");
    QCOMPARE(created.status, 201);
    const QString id = created.object().value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());

    const HttpClient::Reply listed = http.get(u"/tasks"_s);
    QCOMPARE(listed.status, 200);
    bool found = false;
    for (const QJsonValue &task : listed.array())
        found = found || task.toObject().value(u"id"_s).toString() == id;
    QVERIFY2(found, listed.body.constData());

    // Every session the server holds is encrypted, as PostgreSQL itself reports.
    QString error;
    const QStringList ssl = sqlColumn(
        u"SELECT ssl FROM pg_stat_ssl JOIN pg_stat_activity USING (pid) "
        "WHERE application_name = 'taskflow-server' AND datname = '%1'"_s.arg(tlsDatabase),
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!ssl.isEmpty(), "the server holds no session to PostgreSQL");
    for (const QString &value : ssl)
        QCOMPARE(value, u"true"_s);

    QCOMPARE(server.stop(), 0);
    const QString output = server.output();
    QVERIFY2(!output.contains(password), qPrintable(output));
    QVERIFY2(output.contains(u"sslmode=require"_s), qPrintable(output));
}

void TlsTest::requireAgainstServerWithoutTlsFailsAtStartup()
{
    QString url, why;
    TLS_REQUIRE(plainUrl(&url, &why), why);
    const ProcessRun run = runServerToExit({}, serverEnvironment(url));
    QVERIFY2(run.exitCode > 0, qPrintable(u"exit %1: %2"_s.arg(run.exitCode).arg(run.output)));
    QVERIFY2(!run.output.contains(u"listening on"_s), qPrintable(run.output));
    QVERIFY2(!run.output.contains(password), qPrintable(run.output));
    // One line on stderr says what went wrong, naming the database and SSL.
    QString errorLine;
    for (const QString &line : run.output.split(u'\n')) {
        if (line.startsWith(u"taskflow-server: "_s))
            errorLine = line;
    }
    QVERIFY2(!errorLine.isEmpty(), qPrintable(run.output));
    QVERIFY2(errorLine.contains(u"cannot use the database"_s), qPrintable(errorLine));
    QVERIFY2(errorLine.contains(u"SSL"_s), qPrintable(errorLine));
    QVERIFY2(errorLine.contains(u"sslmode=require"_s), qPrintable(errorLine));
}

void TlsTest::checkConfigOverTls()
{
    const ProcessRun run = runServerToExit({u"--check-config"_s}, serverEnvironment(tlsUrl()));
    QVERIFY2(run.exitCode == 0, qPrintable(u"exit %1: %2"_s.arg(run.exitCode).arg(run.output)));
    QVERIFY2(!run.output.contains(password), qPrintable(run.output));
    const QString redacted =
        u"postgresql://postgres:***@127.0.0.1:%1/%2?sslmode=require"_s.arg(m_tlsPort).arg(tlsDatabase);
    QVERIFY2(run.output.contains(redacted), qPrintable(run.output));
    QVERIFY2(run.output.contains(u"database:  connected"_s), qPrintable(run.output));
    QVERIFY2(run.output.contains(u"schema:"_s), qPrintable(run.output));
    QVERIFY2(!run.output.contains(u"listening on"_s), qPrintable(run.output));
}

void TlsTest::checkConfigAgainstServerWithoutTlsFails()
{
    QString url, why;
    TLS_REQUIRE(plainUrl(&url, &why), why);
    const ProcessRun run = runServerToExit({u"--check-config"_s}, serverEnvironment(url));
    QVERIFY2(run.exitCode > 0, qPrintable(u"exit %1: %2"_s.arg(run.exitCode).arg(run.output)));
    QVERIFY2(!run.output.contains(password), qPrintable(run.output));
    QVERIFY2(run.output.contains(u":***@"_s), qPrintable(run.output));
    QVERIFY2(run.output.contains(u"database:  FAILED"_s), qPrintable(run.output));
    QVERIFY2(run.output.contains(u"SSL"_s), qPrintable(run.output));
}

QTEST_GUILESS_MAIN(TlsTest)
#include "tst_tls.moc"
