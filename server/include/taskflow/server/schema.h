#pragma once

#include <QList>
#include <QString>

namespace taskflow {

class DatabaseSession;

// The `tasks` table exactly as the original FastAPI/SQLAlchemy backend creates it (API.md,
// "Storage"), plus numbered migrations recorded in `taskflow_migrations`. Idempotent, and safe
// when several servers start at once: PostgreSQL serialises them with an advisory lock,
// SQLite with an immediate transaction.
class Schema
{
public:
    struct Migration
    {
        int version;
        QString name;
        QList<QString> sqlite;
        QList<QString> postgres;
    };

    struct Report
    {
        bool tableExisted = false;
        int versionBefore = 0;
        int versionAfter = 0;
        int latestVersion = 0;
    };

    static const QList<Migration> &migrations();

    // Creates what is missing and applies pending migrations. Throws DatabaseError.
    static Report ensure(DatabaseSession &session);
    // Reads the state without changing anything (for --check-config). Throws DatabaseError.
    static Report inspect(DatabaseSession &session);
};

} // namespace taskflow
