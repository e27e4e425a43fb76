// Settings from the environment and flags, and the one-line refusals of bad ones.
#include <taskflow/server/serverconfig.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {
Result<ServerConfig, ConfigExit> load(const QStringList &flags, const QList<QPair<QString, QString>> &variables = {})
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
    void emptyVariableIsUnset();
    void tokens();
    void timeouts();
    void help();
};

void TestServerConfig::defaults()
{
    const auto loaded = load({});
    QVERIFY(loaded);
    const ServerConfig &config = loaded.value();
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
    QVERIFY(loaded);
    QCOMPARE(loaded->port, quint16(9001));
    QCOMPARE(loaded->host, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(loaded->corsOrigins, (QStringList{u"https://a.example"_s, u"https://b.example"_s}));
    QCOMPARE(loaded->environment, u"production"_s);
    QCOMPARE(loaded->poolSize, 12);
    QCOMPARE(loaded->maxBodyBytes, 2048);
    QCOMPARE(loaded->database.driver, DatabaseUrl::Driver::Postgres);
}

void TestServerConfig::flagsWinOverEnvironment()
{
    const auto loaded = load({u"--port"_s, u"0"_s, u"--database-url"_s, u"sqlite:////tmp/x.db"_s},
                             {{u"PORT"_s, u"9001"_s}, {u"DATABASE_URL"_s, u"postgres://u:p@h/db"_s}});
    QVERIFY(loaded);
    QCOMPARE(loaded->port, quint16(0));
    QCOMPARE(loaded->database.sqlitePath, u"/tmp/x.db"_s);
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
    // Blank tokens would leave the server open while its operator believes it closed.
    QTest::newRow("API_TOKEN blank") << QStringList() << u"API_TOKEN"_s << u"   "_s << u"API_TOKEN"_s;
    QTest::newRow("--api-token blank") << QStringList{u"--api-token"_s, u" \t "_s} << QString() << QString() << u"--api-token"_s;
    QTest::newRow("API_TOKEN with a space") << QStringList() << u"API_TOKEN"_s << u"two words"_s << u"API_TOKEN"_s;
    QTest::newRow("API_TOKENS_FILE missing") << QStringList() << u"API_TOKENS_FILE"_s << u"/nonexistent/tokens"_s << u"API_TOKENS_FILE"_s;
    QTest::newRow("--api-tokens-file missing") << QStringList{u"--api-tokens-file"_s, u"/nonexistent/tokens"_s} << QString() << QString() << u"--api-tokens-file"_s;
    QTest::newRow("KEEPALIVE_TIMEOUT zero") << QStringList() << u"KEEPALIVE_TIMEOUT"_s << u"0"_s << u"KEEPALIVE_TIMEOUT"_s;
    QTest::newRow("WRITE_TIMEOUT text") << QStringList() << u"WRITE_TIMEOUT"_s << u"soon"_s << u"WRITE_TIMEOUT"_s;
    QTest::newRow("REQUEST_TIMEOUT too long") << QStringList() << u"REQUEST_TIMEOUT"_s << u"3601"_s << u"REQUEST_TIMEOUT"_s;
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
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, 2);
    const QString &message = loaded.error().message;
    QVERIFY2(message.contains(named), qPrintable(message));
    QVERIFY(!message.contains(u"hunter2"_s));
    QVERIFY(!message.trimmed().contains(u'\n'));
}

void TestServerConfig::emptyVariableIsUnset()
{
    // Deployment tools often set a variable to nothing rather than leave it out.
    const auto loaded = load({}, {{u"API_TOKEN"_s, QString()}, {u"PORT"_s, QString()}});
    QVERIFY(loaded);
    QVERIFY(!loaded->access.isEnabled());
    QCOMPARE(loaded->port, quint16(8000));
}

void TestServerConfig::tokens()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(content);
        return file.fileName();
    };
    const QString two = write(u"two"_s, "# rotated monthly\nfirst-token\n\n  second-token  \n");
    const auto loaded = load({}, {{u"API_TOKEN"_s, u" third-token "_s}, {u"API_TOKENS_FILE"_s, two}});
    QVERIFY(loaded);
    QCOMPARE(loaded->access.tokenCount(), 3);

    // A file of comments and blank lines holds no token: refused, under the name it came by.
    const QString none = write(u"none"_s, "# nothing yet\n\n");
    const auto fromVariable = load({}, {{u"API_TOKENS_FILE"_s, none}});
    QVERIFY(!fromVariable);
    QVERIFY2(fromVariable.error().message.startsWith(u"API_TOKENS_FILE "_s), qPrintable(fromVariable.error().message));
    const auto fromFlag = load({u"--api-tokens-file"_s, none}, {{u"API_TOKENS_FILE"_s, two}});
    QVERIFY(!fromFlag);
    QVERIFY2(fromFlag.error().message.startsWith(u"--api-tokens-file "_s), qPrintable(fromFlag.error().message));
    const QString spaced = write(u"spaced"_s, "good\nnot a token\n");
    const auto badLine = load({}, {{u"API_TOKENS_FILE"_s, spaced}});
    QVERIFY(!badLine);
    QVERIFY2(badLine.error().message.contains(u"line 2"_s), qPrintable(badLine.error().message));
}

void TestServerConfig::timeouts()
{
    const auto defaults = load({});
    QVERIFY(defaults);
    QCOMPARE(defaults->requestTimeoutSeconds, 30);
    QCOMPARE(defaults->keepAliveTimeoutSeconds, 5);
    QCOMPARE(defaults->writeTimeoutSeconds, 30);
    // Each setting lands in its own field, whatever the order of the settings table.
    const auto loaded = load({u"--write-timeout"_s, u"7"_s},
                             {{u"REQUEST_TIMEOUT"_s, u"11"_s}, {u"KEEPALIVE_TIMEOUT"_s, u"13"_s},
                              {u"WRITE_TIMEOUT"_s, u"17"_s}, {u"DB_POOL_SIZE"_s, u"19"_s},
                              {u"MAX_BODY_BYTES"_s, u"23"_s}, {u"PORT"_s, u"29"_s}});
    QVERIFY(loaded);
    QCOMPARE(loaded->requestTimeoutSeconds, 11);
    QCOMPARE(loaded->keepAliveTimeoutSeconds, 13);
    QCOMPARE(loaded->writeTimeoutSeconds, 7);
    QCOMPARE(loaded->poolSize, 19);
    QCOMPARE(loaded->maxBodyBytes, 23);
    QCOMPARE(loaded->port, quint16(29));
}

void TestServerConfig::help()
{
    const auto loaded = load({u"--help"_s});
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, 0);
    for (const QString &flag : {u"--database-url"_s, u"--port"_s, u"--host"_s, u"--cors-origins"_s,
                                u"--pool-size"_s, u"--max-body-bytes"_s, u"--check-config"_s,
                                u"DATABASE_URL"_s, u"DB_POOL_SIZE"_s})
        QVERIFY2(loaded.error().message.contains(flag), qPrintable(flag));
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
