#include <taskflow/server/databasesession.h>

#include <taskflow/server/databaseerror.h>
#include <taskflow/server/logging.h>

#include <QSqlError>
#include <QThread>

using namespace Qt::StringLiterals;

namespace taskflow {

QString redactedError(const QString &message, const DatabaseUrl &url)
{
    QString text = message.simplified();
    if (!url.password.isEmpty())
        text.replace(url.password, u"***"_s);
    for (const QString &option : {u"password"_s, u"sslpassword"_s}) {
        if (const QString secret = url.value(option); !secret.isEmpty())
            text.replace(secret, u"***"_s);
    }
    return text;
}

DatabaseSession::DatabaseSession(const DatabaseUrl &url, const QString &connectionName)
    : m_url(url), m_connectionName(connectionName)
{
}

DatabaseSession::~DatabaseSession()
{
    reset();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase &DatabaseSession::open()
{
    if (m_db.isValid() && m_db.isOpen())
        return m_db;
    reset();
    if (!QSqlDatabase::contains(m_connectionName)) {
        m_db = QSqlDatabase::addDatabase(m_url.qtDriverName(), m_connectionName);
    } else {
        m_db = QSqlDatabase::database(m_connectionName, false);
    }
    if (!m_db.isValid())
        throw DatabaseError(DatabaseError::Kind::Unavailable,
                            u"the Qt SQL driver %1 is not installed"_s.arg(m_url.qtDriverName()));
    if (isPostgres()) {
        m_db.setHostName(m_url.host);
        if (m_url.port > 0)
            m_db.setPort(m_url.port);
        m_db.setDatabaseName(m_url.databaseName);
        m_db.setUserName(m_url.userName);
        m_db.setPassword(m_url.password);
        QString options = m_url.connectOptions();
        // A database host that does not answer must not hold a worker for minutes.
        if (m_url.value(u"connect_timeout"_s).isEmpty())
            options += (options.isEmpty() ? u""_s : u";"_s) + u"connect_timeout=5"_s;
        if (m_url.value(u"application_name"_s).isEmpty())
            options += u";application_name=taskflow-server"_s;
        m_db.setConnectOptions(options);
    } else {
        m_db.setDatabaseName(m_url.sqlitePath);
        // Writers from several workers wait for each other instead of failing at once.
        m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    }
    if (!m_db.open()) {
        const QString why = redactedError(m_db.lastError().text(), m_url);
        m_db = QSqlDatabase();
        throw DatabaseError(DatabaseError::Kind::Unavailable, why);
    }
    if (!isPostgres()) {
        // WAL lets readers work while one worker writes; the original backend reads it too.
        execDirect(u"PRAGMA journal_mode=WAL"_s);
        execDirect(u"PRAGMA synchronous=NORMAL"_s);
        execDirect(u"PRAGMA foreign_keys=ON"_s);
    }
    qCDebug(lcSql) << "opened" << m_url.describe() << "on thread" << QThread::currentThread();
    return m_db;
}

void DatabaseSession::reset()
{
    m_statements.clear(); // statements go before their connection
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
}

bool DatabaseSession::ping()
{
    if (!m_db.isValid() || !m_db.isOpen())
        return false;
    QSqlQuery query(m_db);
    return query.exec(u"SELECT 1"_s) && query.next();
}

QSqlQuery &DatabaseSession::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(open());
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            throw DatabaseError(DatabaseError::Kind::Failed,
                                redactedError(query->lastError().text(), m_url) + u" in: "_s + sql);
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    it->second->finish();
    return *it->second;
}

void DatabaseSession::releaseStatements()
{
    for (auto &[sql, statement] : m_statements)
        statement->finish();
}

void DatabaseSession::exec(QSqlQuery &query)
{
    if (!query.exec()) {
        throw DatabaseError(DatabaseError::Kind::Failed,
                            redactedError(query.lastError().text(), m_url) + u" in: "_s
                                + query.lastQuery().simplified());
    }
}

void DatabaseSession::execDirect(const QString &sql)
{
    QSqlQuery query(open());
    if (!query.exec(sql)) {
        throw DatabaseError(DatabaseError::Kind::Failed,
                            redactedError(query.lastError().text(), m_url) + u" in: "_s
                                + sql.simplified());
    }
}

} // namespace taskflow
