#include <taskflow/server/schema.h>

#include <taskflow/server/databaseerror.h>
#include <taskflow/server/databasesession.h>
#include <taskflow/server/logging.h>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// Any constant shared by every TaskFlow server: it names the schema lock.
constexpr qint64 schemaLockKey = 7'420'113'001;

const QList<QString> createPostgres{
    u"DO $$ BEGIN CREATE TYPE taskstatus AS ENUM ('TODO', 'IN_PROGRESS', 'DONE'); "
    "EXCEPTION WHEN duplicate_object THEN NULL; END $$"_s,
    u"DO $$ BEGIN CREATE TYPE taskpriority AS ENUM ('LOW', 'MEDIUM', 'HIGH'); "
    "EXCEPTION WHEN duplicate_object THEN NULL; END $$"_s,
    u"CREATE TABLE IF NOT EXISTS tasks ("
    "id VARCHAR NOT NULL, "
    "title VARCHAR(200) NOT NULL, "
    "description VARCHAR(1000), "
    "status taskstatus, "
    "priority taskpriority, "
    "assignee VARCHAR(100), "
    "due_date TIMESTAMP WITHOUT TIME ZONE, "
    "created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), "
    "updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), "
    "PRIMARY KEY (id))"_s,
    u"CREATE INDEX IF NOT EXISTS ix_tasks_id ON tasks (id)"_s,
    u"CREATE TABLE IF NOT EXISTS taskflow_migrations ("
    "version INTEGER NOT NULL PRIMARY KEY, "
    "name VARCHAR(200) NOT NULL, "
    "applied_at TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT (now() AT TIME ZONE 'utc'))"_s,
};

const QList<QString> createSqlite{
    u"CREATE TABLE IF NOT EXISTS tasks ("
    "id VARCHAR NOT NULL, "
    "title VARCHAR(200) NOT NULL, "
    "description VARCHAR(1000), "
    "status VARCHAR(11), "
    "priority VARCHAR(6), "
    "assignee VARCHAR(100), "
    "due_date DATETIME, "
    "created_at DATETIME DEFAULT (CURRENT_TIMESTAMP), "
    "updated_at DATETIME DEFAULT (CURRENT_TIMESTAMP), "
    "PRIMARY KEY (id))"_s,
    u"CREATE INDEX IF NOT EXISTS ix_tasks_id ON tasks (id)"_s,
    u"CREATE TABLE IF NOT EXISTS taskflow_migrations ("
    "version INTEGER NOT NULL PRIMARY KEY, "
    "name VARCHAR(200) NOT NULL, "
    "applied_at DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP))"_s,
};

void exec(DatabaseSession &session, const QString &sql)
{
    session.execDirect(sql);
}

qint64 scalar(DatabaseSession &session, const QString &sql)
{
    QSqlQuery query(session.open());
    if (!query.exec(sql) || !query.next())
        throw DatabaseError(DatabaseError::Kind::Failed, u"could not read: "_s + sql);
    return query.value(0).toLongLong();
}

bool tableExists(DatabaseSession &session, const QString &table)
{
    if (session.isPostgres()) {
        return scalar(session, u"SELECT count(*) FROM information_schema.tables WHERE "
                               "table_schema = current_schema() AND table_name = '%1'"_s.arg(table))
            > 0;
    }
    return scalar(session,
                  u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'"_s.arg(
                      table))
        > 0;
}

int currentVersion(DatabaseSession &session)
{
    if (!tableExists(session, u"taskflow_migrations"_s))
        return 0;
    return int(scalar(session, u"SELECT COALESCE(MAX(version), 0) FROM taskflow_migrations"_s));
}

} // namespace

const QList<Schema::Migration> &Schema::migrations()
{
    // Append only: a released migration never changes. Indexes serve every filter and sort
    // key of GET /tasks; SQLite sorts priority and status through the same CASE expressions
    // TaskRepository orders by, PostgreSQL by its enum order.
    static const QList<Migration> all{
        {1,
         u"indexes for filters and sort keys"_s,
         {
             u"CREATE INDEX IF NOT EXISTS ix_tasks_created_at ON tasks (created_at, id)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_updated_at ON tasks (updated_at, id)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_due_date ON tasks (due_date, id)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_title ON tasks (title, id)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_assignee ON tasks (assignee)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_status ON tasks ((CASE status WHEN 'TODO' "
             "THEN 0 WHEN 'IN_PROGRESS' THEN 1 WHEN 'DONE' THEN 2 ELSE 3 END), id)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_priority ON tasks ((CASE priority WHEN "
             "'LOW' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'HIGH' THEN 2 ELSE 3 END), id)"_s,
         },
         {
             u"CREATE INDEX IF NOT EXISTS ix_tasks_created_at ON tasks (created_at, id)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_updated_at ON tasks (updated_at, id)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_due_date ON tasks (due_date, id)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_title ON tasks (title, id)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_assignee ON tasks (assignee)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_status ON tasks (status, id)"_s,
             u"CREATE INDEX IF NOT EXISTS ix_tasks_priority ON tasks (priority, id)"_s,
         }},
        // PostgreSQL reads (due_date, id) backwards as DESC NULLS FIRST; -due_date wants the
        // tasks without a due date last. SQLite's backward scan already gives that.
        {2,
         u"index for due_date descending, tasks without a due date last"_s,
         {},
         {
             u"CREATE INDEX IF NOT EXISTS ix_tasks_due_date_desc ON tasks (due_date DESC NULLS LAST, id DESC)"_s,
         }},
    };
    return all;
}

Schema::Report Schema::inspect(DatabaseSession &session)
{
    Report report;
    report.tableExisted = tableExists(session, u"tasks"_s);
    report.versionBefore = currentVersion(session);
    report.versionAfter = report.versionBefore;
    report.latestVersion = migrations().isEmpty() ? 0 : migrations().constLast().version;
    return report;
}

Schema::Report Schema::ensure(DatabaseSession &session)
{
    const bool postgres = session.isPostgres();
    if (postgres)
        exec(session, u"SELECT pg_advisory_lock(%1)"_s.arg(schemaLockKey));
    else
        exec(session, u"BEGIN IMMEDIATE"_s);

    Report report;
    try {
        report = inspect(session);
        for (const QString &sql : postgres ? createPostgres : createSqlite)
            exec(session, sql);
        if (!report.tableExisted)
            qCInfo(lcSql) << "created table tasks";

        for (const Migration &migration : migrations()) {
            if (migration.version <= report.versionBefore)
                continue;
            if (postgres)
                exec(session, u"BEGIN"_s);
            for (const QString &sql : postgres ? migration.postgres : migration.sqlite)
                exec(session, sql);
            QSqlQuery record(session.open());
            record.prepare(u"INSERT INTO taskflow_migrations (version, name) VALUES (?, ?)"_s);
            record.addBindValue(migration.version);
            record.addBindValue(migration.name);
            DatabaseSession::exec(record);
            if (postgres)
                exec(session, u"COMMIT"_s);
            qCInfo(lcSql) << "applied migration" << migration.version << migration.name;
            report.versionAfter = migration.version;
        }
    } catch (const DatabaseError &) {
        QSqlQuery(session.open()).exec(u"ROLLBACK"_s);
        if (postgres)
            QSqlQuery(session.open()).exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(schemaLockKey));
        throw;
    }

    if (postgres)
        exec(session, u"SELECT pg_advisory_unlock(%1)"_s.arg(schemaLockKey));
    else
        exec(session, u"COMMIT"_s);
    return report;
}

} // namespace taskflow
