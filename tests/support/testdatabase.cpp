#include "testdatabase.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QString adminConnectionName()
{
    return u"taskflow-test-admin"_s;
}

// Opens a connection to TASKFLOW_TEST_PG_URL with `databaseName` instead of its own.
bool openPostgres(const QString &name, const QString &databaseName, QString *error)
{
    const QUrl url(qEnvironmentVariable("TASKFLOW_TEST_PG_URL"));
    if (!url.isValid() || url.host().isEmpty()) {
        *error = u"TASKFLOW_TEST_PG_URL is not set (scripts/test.sh starts a throwaway PostgreSQL)"_s;
        return false;
    }
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(databaseName.isEmpty() ? url.path().mid(1) : databaseName);
    db.setConnectOptions(u"connect_timeout=5"_s);
    if (!db.open()) {
        *error = u"cannot reach PostgreSQL at %1: %2"_s.arg(url.host() + u':' + QString::number(url.port()),
                                                           db.lastError().text());
        return false;
    }
    return true;
}

bool runPgScript(const QString &command)
{
    const QString script = qEnvironmentVariable("TASKFLOW_TEST_PG_SCRIPT");
    const QString dir = qEnvironmentVariable("TASKFLOW_TEST_PG_DIR");
    if (script.isEmpty() || dir.isEmpty())
        return false;
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(u"bash"_s, {script, command, dir});
    return process.waitForFinished(90000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
}

} // namespace

TestDatabase::TestDatabase() : m_kind(requestedKind())
{
    m_connection = u"taskflow-test-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
}

TestDatabase::~TestDatabase()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
    if (!m_pgName.isEmpty()) {
        QString error;
        if (openPostgres(adminConnectionName(), QString(), &error)) {
            QSqlQuery drop(QSqlDatabase::database(adminConnectionName()));
            drop.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_pgName));
        }
        QSqlDatabase::database(adminConnectionName(), false).close();
        QSqlDatabase::removeDatabase(adminConnectionName());
    }
}

TestDatabase::Kind TestDatabase::requestedKind()
{
    return qEnvironmentVariable("TASKFLOW_TEST_DATABASE") == u"postgres"_s ? Kind::Postgres
                                                                           : Kind::Sqlite;
}

bool TestDatabase::create()
{
    if (m_kind == Kind::Sqlite) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid()) {
            m_error = u"cannot create a temporary folder"_s;
            return false;
        }
        m_path = m_dir->filePath(u"taskflow.db"_s);
        m_url = u"sqlite:///"_s + m_path; // absolute path: four slashes in all
        return true;
    }
    if (!openPostgres(adminConnectionName(), QString(), &m_error))
        return false;
    m_pgName = u"taskflow_test_%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    QSqlQuery create(QSqlDatabase::database(adminConnectionName()));
    if (!create.exec(u"CREATE DATABASE %1"_s.arg(m_pgName))) {
        m_error = create.lastError().text();
        m_pgName.clear();
        return false;
    }
    QUrl url(qEnvironmentVariable("TASKFLOW_TEST_PG_URL"));
    url.setPath(u'/' + m_pgName);
    m_url = url.toString();
    return true;
}

QString TestDatabase::openConnection()
{
    if (QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection).isOpen())
        return m_connection;
    QString error;
    if (m_kind == Kind::Postgres) {
        if (!openPostgres(m_connection, m_pgName, &error))
            qWarning("%s", qPrintable(error));
    } else {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (!db.open())
            qWarning("%s", qPrintable(db.lastError().text()));
    }
    return m_connection;
}

bool TestDatabase::exec(const QString &sql, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(openConnection()));
    if (!query.exec(sql)) {
        if (error)
            *error = query.lastError().text();
        qWarning("SQL failed: %s: %s", qPrintable(sql.left(300)), qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

QStringList TestDatabase::query(const QString &sql)
{
    QStringList rows;
    QSqlQuery query(QSqlDatabase::database(openConnection()));
    if (!query.exec(sql)) {
        qWarning("SQL failed: %s: %s", qPrintable(sql.left(300)), qPrintable(query.lastError().text()));
        return {u"<error>"_s};
    }
    while (query.next())
        rows.append(query.value(0).toString());
    return rows;
}

bool TestDatabase::stopPostgres()
{
    return runPgScript(u"stop"_s);
}

bool TestDatabase::startPostgres()
{
    return runPgScript(u"start"_s);
}
