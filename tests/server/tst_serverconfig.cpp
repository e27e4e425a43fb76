// Settings from the environment and flags, and the one-line refusals of bad ones.
#include <taskflow/server/serverconfig.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {
ServerConfig::Loaded load(const QStringList &flags, const QList<QPair<QString, QString>> &variables = {})
{
    QProcessEnvironment env;
    for (const auto &[name, value] : variables)
        env.insert(name, value);
    return ServerConfig::load(QStringList{u"taskflow-server"_s} + flags, env);
}
} // namespace

class TestServerConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void environment();
    void flagsWinOverEnvironment();
    void refused_data();
    void refused();
    void help();
};

void TestServerConfig::defaults()
{
    const auto loaded = load({});
    QCOMPARE(loaded.outcome, ServerConfig::Outcome::Run);
    const ServerConfig &config = loaded.config;
    QCOMPARE(config.database.driver, DatabaseUrl::Driver::Sqlite);
    QCOMPARE(config.database.sqlitePath, u"./taskflow.db"_s);
    QCOMPARE(config.port, quint16(8000));
    QCOMPARE(config.host, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(config.corsOrigins, (QStringList{u"http://localhost:5173"_s, u"http://localhost:3000"_s}));
    QCOMPARE(config.environment, u"development"_s);
    QCOMPARE(config.poolSize, 5);
    QCOMPARE(config.maxBodyBytes, 1048576);
    QVERIFY(!config.ceilingRoute);
}

void TestServerConfig::environment()
{
    const auto loaded = load({}, {{u"PORT"_s, u"9001"_s}, {u"HOST"_s, u"0.0.0.0"_s},
                                  {u"CORS_ORIGINS"_s, u" https://a.example , ,https://b.example "_s},
                                  {u"ENVIRONMENT"_s, u"production"_s}, {u"DB_POOL_SIZE"_s, u"12"_s},
                                  {u"MAX_BODY_BYTES"_s, u"2048"_s},
                                  {u"DATABASE_URL"_s, u"postgres://u:p@h:5432/db"_s}});
    QCOMPARE(loaded.outcome, ServerConfig::Outcome::Run);
    QCOMPARE(loaded.config.port, quint16(9001));
    QCOMPARE(loaded.config.host, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(loaded.config.corsOrigins, (QStringList{u"https://a.example"_s, u"https://b.example"_s}));
    QCOMPARE(loaded.config.environment, u"production"_s);
    QCOMPARE(loaded.config.poolSize, 12);
    QCOMPARE(loaded.config.maxBodyBytes, 2048);
    QCOMPARE(loaded.config.database.driver, DatabaseUrl::Driver::Postgres);
}

void TestServerConfig::flagsWinOverEnvironment()
{
    const auto loaded = load({u"--port"_s, u"0"_s, u"--database-url"_s, u"sqlite:////tmp/x.db"_s},
                             {{u"PORT"_s, u"9001"_s}, {u"DATABASE_URL"_s, u"postgres://u:p@h/db"_s}});
    QCOMPARE(loaded.outcome, ServerConfig::Outcome::Run);
    QCOMPARE(loaded.config.port, quint16(0));
    QCOMPARE(loaded.config.database.sqlitePath, u"/tmp/x.db"_s);
}

void TestServerConfig::refused_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("PORT text") << QStringList() << u"PORT"_s << u"http"_s << u"PORT"_s;
    QTest::newRow("PORT too big") << QStringList() << u"PORT"_s << u"65536"_s << u"PORT"_s;
    QTest::newRow("PORT negative") << QStringList() << u"PORT"_s << u"-1"_s << u"PORT"_s;
    QTest::newRow("--port") << QStringList{u"--port"_s, u"x"_s} << QString() << QString() << u"--port"_s;
    QTest::newRow("DATABASE_URL") << QStringList() << u"DATABASE_URL"_s << u"postgresql://u:hunter2@h:99999/db"_s << u"DATABASE_URL"_s;
    QTest::newRow("driver") << QStringList() << u"DATABASE_URL"_s << u"oracle://u:hunter2@h/db"_s << u"DATABASE_URL"_s;
    QTest::newRow("HOST") << QStringList() << u"HOST"_s << u"example.com"_s << u"HOST"_s;
    QTest::newRow("DB_POOL_SIZE") << QStringList() << u"DB_POOL_SIZE"_s << u"0"_s << u"DB_POOL_SIZE"_s;
    QTest::newRow("MAX_BODY_BYTES") << QStringList() << u"MAX_BODY_BYTES"_s << u"lots"_s << u"MAX_BODY_BYTES"_s;
    QTest::newRow("unknown flag") << QStringList{u"--colour"_s} << QString() << QString() << u"colour"_s;
}

void TestServerConfig::refused()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QFETCH(QString, named);
    QList<QPair<QString, QString>> env;
    if (!variable.isEmpty())
        env.append({variable, value});
    const auto loaded = load(flags, env);
    QCOMPARE(loaded.outcome, ServerConfig::Outcome::ExitError);
    QVERIFY2(loaded.message.contains(named), qPrintable(loaded.message));
    QVERIFY(!loaded.message.contains(u"hunter2"_s));
    QVERIFY(!loaded.message.trimmed().contains(u'\n'));
}

void TestServerConfig::help()
{
    const auto loaded = load({u"--help"_s});
    QCOMPARE(loaded.outcome, ServerConfig::Outcome::ExitOk);
    for (const QString &flag : {u"--database-url"_s, u"--port"_s, u"--host"_s, u"--cors-origins"_s,
                                u"--pool-size"_s, u"--max-body-bytes"_s, u"--check-config"_s,
                                u"DATABASE_URL"_s, u"DB_POOL_SIZE"_s})
        QVERIFY2(loaded.message.contains(flag), qPrintable(flag));
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
