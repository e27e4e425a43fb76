#include <taskflow/desktop/offlinestore.h>

#include <taskflow/desktop/logging.h>

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

QString kindName(PendingWrite::Kind kind)
{
    switch (kind) {
    case PendingWrite::Kind::Create: return u"create"_s;
    case PendingWrite::Kind::Update: return u"update"_s;
    case PendingWrite::Kind::Delete: return u"delete"_s;
    }
    Q_UNREACHABLE();
}

std::optional<PendingWrite::Kind> kindFromName(const QString &name)
{
    for (const auto kind : {PendingWrite::Kind::Create, PendingWrite::Kind::Update,
                            PendingWrite::Kind::Delete}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

std::optional<Task> taskFromJson(const QByteArray &json)
{
    if (json.isEmpty())
        return std::nullopt;
    return Task::fromJson(QJsonDocument::fromJson(json).object());
}

} // namespace

OfflineStore::OfflineStore()
    : m_connection(u"taskflow-offline-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

OfflineStore::~OfflineStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString OfflineStore::defaultPath(const QString &serverKey)
{
    // The origin names the file, hashed: it holds ':' and '/', which not every file system takes.
    const QByteArray hash =
        QCryptographicHash::hash(serverKey.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/offline-"_s
        + QString::fromLatin1(hash) + u".sqlite"_s;
}

Result<void, QString> OfflineStore::open(const QString &path)
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_path = path;
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(path);
        if (!db.open())
            return Failure(db.lastError().text());
    }
    const bool ok = exec(u"PRAGMA journal_mode=WAL"_s)
        && exec(u"CREATE TABLE IF NOT EXISTS pending_writes (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                " kind TEXT NOT NULL, task_id TEXT NOT NULL, base TEXT, changes TEXT)"_s)
        && exec(u"CREATE TABLE IF NOT EXISTS cached_tasks (id TEXT PRIMARY KEY, json TEXT NOT NULL)"_s)
        && exec(u"CREATE TABLE IF NOT EXISTS cache_info (key TEXT PRIMARY KEY, value BLOB)"_s);
    if (!ok)
        return Failure(m_lastError);
    qCDebug(lcSync) << "offline store at" << path;
    return {};
}

bool OfflineStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

bool OfflineStore::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (query.exec(sql))
        return true;
    m_lastError = query.lastError().text();
    qCWarning(lcSync) << "offline store:" << m_lastError;
    return false;
}

QList<PendingWrite> OfflineStore::pendingWrites() const
{
    QList<PendingWrite> writes;
    if (!isOpen())
        return writes;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT seq, kind, task_id, base, changes FROM pending_writes ORDER BY seq"_s)) {
        m_lastError = query.lastError().text();
        return writes;
    }
    while (query.next()) {
        const auto kind = kindFromName(query.value(1).toString());
        if (!kind)
            continue;
        PendingWrite write;
        write.seq = query.value(0).toLongLong();
        write.kind = *kind;
        write.taskId = query.value(2).toString();
        write.base = taskFromJson(query.value(3).toByteArray());
        const QByteArray changes = query.value(4).toByteArray();
        if (!changes.isEmpty()) {
            auto parsed = TaskChanges::fromJson(changes, *kind == PendingWrite::Kind::Create
                                                             ? TaskChanges::Mode::Create
                                                             : TaskChanges::Mode::Update);
            if (parsed)
                write.changes = parsed.value();
        }
        writes.append(write);
    }
    return writes;
}

qint64 OfflineStore::append(PendingWrite write)
{
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"INSERT INTO pending_writes (kind, task_id, base, changes) VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(kindName(write.kind));
    query.addBindValue(write.taskId);
    query.addBindValue(write.base ? write.base->toJson() : QByteArray());
    query.addBindValue(write.kind == PendingWrite::Kind::Delete ? QByteArray() : write.changes.toJson());
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lcSync) << "offline store: could not queue a write:" << m_lastError;
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

void OfflineStore::replace(const PendingWrite &write)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"UPDATE pending_writes SET kind = ?, task_id = ?, base = ?, changes = ? WHERE seq = ?"_s);
    query.addBindValue(kindName(write.kind));
    query.addBindValue(write.taskId);
    query.addBindValue(write.base ? write.base->toJson() : QByteArray());
    query.addBindValue(write.kind == PendingWrite::Kind::Delete ? QByteArray() : write.changes.toJson());
    query.addBindValue(write.seq);
    if (!query.exec())
        m_lastError = query.lastError().text();
}

void OfflineStore::remove(qint64 seq)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"DELETE FROM pending_writes WHERE seq = ?"_s);
    query.addBindValue(seq);
    if (!query.exec())
        m_lastError = query.lastError().text();
}

void OfflineStore::renameTask(const QString &localId, const QString &serverId)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"UPDATE pending_writes SET task_id = ? WHERE task_id = ?"_s);
    query.addBindValue(serverId);
    query.addBindValue(localId);
    if (!query.exec())
        m_lastError = query.lastError().text();
}

QList<Task> OfflineStore::cachedTasks() const
{
    QList<Task> tasks;
    if (!isOpen())
        return tasks;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT json FROM cached_tasks"_s))
        return tasks;
    while (query.next()) {
        if (auto task = taskFromJson(query.value(0).toByteArray()))
            tasks.append(std::move(*task));
    }
    return tasks;
}

QByteArray OfflineStore::cachedListEtag() const
{
    if (!isOpen())
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (query.exec(u"SELECT value FROM cache_info WHERE key = 'list_etag'"_s) && query.next())
        return query.value(0).toByteArray();
    return {};
}

void OfflineStore::saveCache(const QList<Task> &tasks, const QByteArray &listEtag)
{
    if (!isOpen())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    exec(u"DELETE FROM cached_tasks"_s);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT OR REPLACE INTO cached_tasks (id, json) VALUES (?, ?)"_s);
    for (const Task &task : tasks) {
        insert.addBindValue(task.id);
        insert.addBindValue(task.toJson());
        insert.exec();
    }
    QSqlQuery info(db);
    info.prepare(u"INSERT OR REPLACE INTO cache_info (key, value) VALUES ('list_etag', ?)"_s);
    info.addBindValue(listEtag);
    info.exec();
    if (!db.commit())
        qCWarning(lcSync) << "offline store: could not save the list:" << db.lastError().text();
}

} // namespace taskflow
