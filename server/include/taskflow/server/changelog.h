#pragma once

#include <taskflow/common/task.h>
#include <taskflow/server/sqldialect.h>

#include <QDateTime>
#include <QList>

#include <optional>

namespace taskflow {

class DatabaseSession;

// The SQL of the change log that the triggers of migration 3 fill, for the ChangeFeed's
// reader. Throws DatabaseError.
class ChangeLog
{
public:
    struct Entry
    {
        qint64 seq = 0;
        char op = 'u';             // c(reated), u(pdated), d(eleted)
        QString taskId;
        std::optional<Task> task;  // as this change left it; none for a deletion
    };

    explicit ChangeLog(DatabaseSession &session);

    // The newest sequence number, 0 for an empty log.
    qint64 last();
    // The oldest sequence number still kept, 0 for an empty log.
    qint64 oldest();
    // Up to `limit` entries after `seq`, oldest first.
    QList<Entry> after(qint64 seq, int limit);
    // PostgreSQL: numbers what the triggers queued, in one transaction under a lock, so the
    // log grows only at its end and in commit order whichever server does it. Returns how many,
    // at most sequenceBatch.
    int sequence();
    static constexpr int sequenceBatch = 10'000;
    // PostgreSQL: folds the count deltas the triggers appended into the kept counts.
    void foldCounts();
    // Drops entries older than `before`, always keeping the newest.
    void prune(const QDateTime &before);
    // SQLite: a number that changes whenever another connection has committed.
    qint64 dataVersion();

private:
    DatabaseSession &m_session;
    SqlDialect m_sql;
};

} // namespace taskflow
