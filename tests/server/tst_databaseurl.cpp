// DATABASE_URL parsing: every form API.md names, and clear refusals that never show a password.
#include <taskflow/server/databaseurl.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private slots:
    void sqlite_data();
    void sqlite();
    void postgres();
    void postgresForms_data();
    void postgresForms();
    void refused_data();
    void refused();
    void redactedAndDescribedWithoutPassword();
};

void TestDatabaseUrl::sqlite_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("path");
    QTest::newRow("default") << QString::fromLatin1(DatabaseUrl::defaultUrl) << u"./taskflow.db"_s;
    QTest::newRow("relative") << u"sqlite:///data/tasks.db"_s << u"data/tasks.db"_s;
    QTest::newRow("absolute") << u"sqlite:////var/lib/taskflow/tasks.db"_s << u"/var/lib/taskflow/tasks.db"_s;
    QTest::newRow("memory") << u"sqlite://"_s.append(u'/') << u":memory:"_s;
    QTest::newRow("encoded space") << u"sqlite:///my%20tasks.db"_s << u"my tasks.db"_s;
}

void TestDatabaseUrl::sqlite()
{
    QFETCH(QString, url);
    QFETCH(QString, path);
    const auto parsed = DatabaseUrl::parse(url);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error()));
    QCOMPARE(parsed->driver, DatabaseUrl::Driver::Sqlite);
    QCOMPARE(parsed->sqlitePath, path);
    QCOMPARE(parsed->qtDriverName(), u"QSQLITE"_s);
}

void TestDatabaseUrl::postgres()
{
    const auto parsed = DatabaseUrl::parse(
        u"postgresql://postgres.abcd:p%40ss%3Aw0rd@aws-0-eu-west-1.pooler.supabase.com:5432/postgres?sslmode=require&connect_timeout=3"_s);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error()));
    const DatabaseUrl &url = parsed.value();
    QCOMPARE(url.driver, DatabaseUrl::Driver::Postgres);
    QCOMPARE(url.userName, u"postgres.abcd"_s);
    QCOMPARE(url.password, u"p@ss:w0rd"_s);
    QCOMPARE(url.host, u"aws-0-eu-west-1.pooler.supabase.com"_s);
    QCOMPARE(url.port, 5432);
    QCOMPARE(url.databaseName, u"postgres"_s);
    QCOMPARE(url.value(u"sslmode"_s), u"require"_s);
    QCOMPARE(url.connectOptions(), u"sslmode=require;connect_timeout=3"_s);
    QCOMPARE(url.qtDriverName(), u"QPSQL"_s);
}

void TestDatabaseUrl::postgresForms_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::newRow("postgres scheme") << u"postgres://u:p@h/db"_s << u"h"_s << -1 << u"u"_s << u"p"_s;
    QTest::newRow("sqlalchemy dialect") << u"postgresql+psycopg2://u@h:6543/db"_s << u"h"_s << 6543 << u"u"_s << QString();
    QTest::newRow("ipv6") << u"postgresql://u:p@[::1]:5433/db"_s << u"::1"_s << 5433 << u"u"_s << u"p"_s;
    QTest::newRow("no credentials") << u"postgresql://localhost/db"_s << u"localhost"_s << -1 << QString() << QString();
    QTest::newRow("local socket") << u"postgresql:///db"_s << QString() << -1 << QString() << QString();
    // Fuzzing finding "password-split": the user part is read first, as SQLAlchemy does.
    QTest::newRow("base64 password") << u"postgresql://app:Zm9v/YmFy@host:5432/db"_s << u"host"_s << 5432 << u"app"_s << u"Zm9v/YmFy"_s;
    QTest::newRow("password like a port") << u"postgresql://app:5432/s3cret@db.example.com/db"_s << u"db.example.com"_s << -1 << u"app"_s << u"5432/s3cret"_s;
    QTest::newRow("password with ?") << u"postgresql://app:a?b@h/db?sslmode=require"_s << u"h"_s << -1 << u"app"_s << u"a?b"_s;
    QTest::newRow("@ in the query only") << u"postgresql://h/db?application_name=a@b"_s << u"h"_s << -1 << QString() << QString();
}

void TestDatabaseUrl::postgresForms()
{
    QFETCH(QString, url);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, password);
    const auto parsed = DatabaseUrl::parse(url);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error()));
    QCOMPARE(parsed->host, host);
    QCOMPARE(parsed->port, port);
    QCOMPARE(parsed->userName, user);
    QCOMPARE(parsed->password, password);
    QCOMPARE(parsed->databaseName, u"db"_s);
}

void TestDatabaseUrl::refused_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("empty") << QString();
    QTest::newRow("no scheme") << u"taskflow.db"_s;
    QTest::newRow("mysql") << u"mysql://u:secret@h/db"_s;
    QTest::newRow("sqlite two slashes") << u"sqlite://taskflow.db"_s;
    QTest::newRow("port not a number") << u"postgresql://u:secret@h:port/db"_s;
    QTest::newRow("port too big") << u"postgresql://u:secret@h:70000/db"_s;
    QTest::newRow("port zero") << u"postgresql://u:secret@h:0/db"_s;
    QTest::newRow("no database") << u"postgresql://u:secret@h:5432"_s;
    QTest::newRow("bad option") << u"postgresql://u:secret@h/db?sslmode"_s;
    QTest::newRow("option injection") << u"postgresql://u:secret@h/db?a%20b=c"_s;
    QTest::newRow("unclosed ipv6") << u"postgresql://u:secret@[::1/db"_s;
    // As SQLAlchemy reads it, the password ends at the first '@': the host would be "ss@h".
    QTest::newRow("raw @ in the password") << u"postgresql://u:secret@ss@h:5432/db"_s;
    // Fuzzing findings "conninfo-injection" and "error-control-chars".
    QTest::newRow("';' adds a libpq option") << u"postgresql://u:secret@h/db?application_name=x;host=evil"_s;
    QTest::newRow("newline in an option") << u"postgresql://u:secret@h/db?application_name=x%0Ahost=evil"_s;
    QTest::newRow("NUL drops sslmode") << u"postgresql://u:secret@h/db?application_name=x%00&sslmode=require"_s;
    QTest::newRow("newline in the database") << u"postgresql://u:secret@h/tasks%0Afake log line"_s;
    QTest::newRow("NUL in a SQLite path") << u"sqlite:///tasks.db%00x"_s;
}

void TestDatabaseUrl::refused()
{
    QFETCH(QString, url);
    const auto parsed = DatabaseUrl::parse(url);
    QVERIFY(!parsed);
    QVERIFY(!parsed.error().isEmpty());
    QVERIFY(!parsed.error().contains(u"secret"_s));
    QVERIFY(!parsed.error().contains(u'\n'));
}

void TestDatabaseUrl::redactedAndDescribedWithoutPassword()
{
    const auto url = DatabaseUrl::parse(u"postgresql://ann:t0p%2Fsecret@db.example.com:5432/tasks?sslmode=require"_s).value();
    QCOMPARE(url.redacted(), u"postgresql://ann:***@db.example.com:5432/tasks?sslmode=require"_s);
    QVERIFY(!url.describe().contains(u"secret"_s));
    QVERIFY(url.describe().contains(u"db.example.com:5432/tasks"_s));
    // Fuzzing finding "password-option-shown": libpq takes a password as an option too.
    const auto option = DatabaseUrl::parse(u"postgresql://ann@h/db?password=hunter22secret&sslpassword=k3y"_s).value();
    QVERIFY(!option.redacted().contains(u"hunter22secret"_s));
    QVERIFY(!option.redacted().contains(u"k3y"_s));
    QVERIFY(option.redacted().contains(u"password=***"_s));
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
