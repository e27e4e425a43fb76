#pragma once

#include <taskflow/common/result.h>
#include <taskflow/common/task.h>
#include <taskflow/desktop/pendingwrite.h>

#include <QByteArray>
#include <QList>
#include <QString>

namespace taskflow {

// What the app keeps on disk to work without the server (Qt Sql, QSQLITE, in the app's data
// folder): the queue of writes not yet sent, which survives a restart, and the last list the
// server sent, which stays readable offline. One database per server, so a queue never goes
// to another server than the one it was made for.
class OfflineStore
{
public:
    OfflineStore();
    ~OfflineStore();
    OfflineStore(const OfflineStore &) = delete;
    OfflineStore &operator=(const OfflineStore &) = delete;

    // The file for `serverKey` (TokenStore::keyFor) under QStandardPaths::AppDataLocation.
    static QString defaultPath(const QString &serverKey);

    // Opens (creating when needed) the database at `path`; closes the one open before.
    Result<void, QString> open(const QString &path);
    bool isOpen() const;
    QString path() const { return m_path; }

    QList<PendingWrite> pendingWrites() const;
    // Stores `write` at the end of the queue; answers its seq (0 when it could not be stored).
    qint64 append(PendingWrite write);
    void replace(const PendingWrite &write);
    void remove(qint64 seq);
    // A queued create reached the server: the writes that name its local id now name `serverId`.
    void renameTask(const QString &localId, const QString &serverId);

    QList<Task> cachedTasks() const;
    QByteArray cachedListEtag() const;
    void saveCache(const QList<Task> &tasks, const QByteArray &listEtag);

    QString lastError() const { return m_lastError; }

private:
    bool exec(const QString &sql);

    QString m_connection;
    QString m_path;
    mutable QString m_lastError;
};

} // namespace taskflow
