#include <taskflow/server/schema.h>

#include <taskflow/server/databaseerror.h>
#include <taskflow/server/databasesession.h>
#include <taskflow/server/logging.h>
#include <taskflow/server/sqldialect.h>

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

// Migration 3 on SQLite. Writers take turns on SQLite, so the triggers write the change log and
// the counts directly: their order is the commit order, and nobody waits on anybody else.
QList<QString> changeFeedSqlite()
{
    // Search text folded with TextFold's table: ASCII text by lower() (SQLite's is ASCII only,
    // which is exactly the table's A–Z), anything else through the walking view.
    const auto folded = [](const char *row, const char *column, const char *field) {
        const QString value = QString::fromLatin1(row) + u'.' + QString::fromLatin1(column);
        return u"CASE WHEN %1 IS NULL THEN NULL ELSE coalesce((SELECT out FROM taskflow_folded "
               "WHERE task_id = %2.id AND field = '%3'), lower(%1)) END"_s
            .arg(value, QString::fromLatin1(row), QString::fromLatin1(field));
    };
    const auto foldInput = [](const char *row) {
        const QString r = QString::fromLatin1(row);
        return u"INSERT INTO taskflow_fold_input SELECT %1.id, 't', %1.title WHERE %1.title GLOB '*[^ -~]*';\n"
               "INSERT INTO taskflow_fold_input SELECT %1.id, 'd', %1.description WHERE %1.description GLOB '*[^ -~]*';\n"_s
            .arg(r);
    };
    const QString refreshSearch = foldInput("NEW")
        + u"INSERT OR REPLACE INTO taskflow_search VALUES (NEW.id, %1, %2);\n"
          "DELETE FROM taskflow_fold_input WHERE task_id = NEW.id;\n"_s.arg(
              folded("NEW", "title", "t"), folded("NEW", "description", "d"));
    const auto counts = [](const char *row, int sign) {
        const QString s = sign > 0 ? u"+"_s : u"-"_s;
        const QString r = QString::fromLatin1(row);
        return u"total = total %1 1, todo = todo %1 (%2.status IS 'TODO'), "
               "in_progress = in_progress %1 (%2.status IS 'IN_PROGRESS'), "
               "done = done %1 (%2.status IS 'DONE'), low = low %1 (%2.priority IS 'LOW'), "
               "medium = medium %1 (%2.priority IS 'MEDIUM'), high = high %1 (%2.priority IS 'HIGH')"_s
            .arg(s, r);
    };
    // Each entry keeps the task as that change left it, so the stream tells every change as it
    // was, even of a task changed again or deleted since.
    const QString logged = u"task_id, op, title, description, status, priority, assignee, due_date, "
                           "created_at, updated_at"_s;
    const auto values = [](const char *row, const char *op) {
        return u"%1.id, %2, %1.title, %1.description, %1.status, %1.priority, %1.assignee, "
               "%1.due_date, %1.created_at, %1.updated_at"_s
            .arg(QString::fromLatin1(row), QString::fromLatin1(op));
    };
    return {
        u"CREATE TABLE IF NOT EXISTS taskflow_changes ("
        "seq INTEGER PRIMARY KEY AUTOINCREMENT, "
        "task_id VARCHAR NOT NULL, "
        "op CHAR(1) NOT NULL, "
        "changed_at DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP), "
        "title VARCHAR, description VARCHAR, status VARCHAR, priority VARCHAR, assignee VARCHAR, "
        "due_date DATETIME, created_at DATETIME, updated_at DATETIME)"_s,
        u"CREATE INDEX IF NOT EXISTS ix_taskflow_changes_at ON taskflow_changes (changed_at)"_s,
        u"CREATE TABLE IF NOT EXISTS taskflow_counts ("
        "id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), total INTEGER NOT NULL, "
        "todo INTEGER NOT NULL, in_progress INTEGER NOT NULL, done INTEGER NOT NULL, "
        "low INTEGER NOT NULL, medium INTEGER NOT NULL, high INTEGER NOT NULL)"_s,
        u"INSERT OR REPLACE INTO taskflow_counts SELECT 1, count(*), "
        "coalesce(sum(status IS 'TODO'), 0), coalesce(sum(status IS 'IN_PROGRESS'), 0), "
        "coalesce(sum(status IS 'DONE'), 0), coalesce(sum(priority IS 'LOW'), 0), "
        "coalesce(sum(priority IS 'MEDIUM'), 0), coalesce(sum(priority IS 'HIGH'), 0) FROM tasks"_s,
        u"CREATE TABLE IF NOT EXISTS taskflow_fold_map ("
        "c TEXT NOT NULL PRIMARY KEY, folded TEXT NOT NULL) WITHOUT ROWID"_s,
        u"DELETE FROM taskflow_fold_map"_s,
        u"INSERT INTO taskflow_fold_map VALUES "_s + SqlDialect::foldTableRows(),
        u"CREATE TABLE IF NOT EXISTS taskflow_fold_input ("
        "task_id VARCHAR NOT NULL, field CHAR(1) NOT NULL, src TEXT NOT NULL)"_s,
        // Triggers may not hold a WITH clause, but they may read a view that does.
        u"DROP VIEW IF EXISTS taskflow_folded"_s,
        u"CREATE VIEW taskflow_folded AS WITH RECURSIVE walk(task_id, field, src, i, out) AS ("
        "SELECT task_id, field, src, 1, '' FROM taskflow_fold_input UNION ALL "
        "SELECT task_id, field, src, i + 1, out || coalesce((SELECT folded FROM taskflow_fold_map "
        "WHERE c = substr(src, i, 1)), substr(src, i, 1)) FROM walk WHERE i <= length(src)) "
        "SELECT task_id, field, out FROM walk WHERE i > length(src)"_s,
        u"CREATE TABLE IF NOT EXISTS taskflow_search ("
        "task_id VARCHAR NOT NULL PRIMARY KEY, title TEXT NOT NULL, description TEXT)"_s,
        u"DELETE FROM taskflow_fold_input"_s,
        u"INSERT INTO taskflow_fold_input SELECT id, 't', title FROM tasks WHERE title GLOB '*[^ -~]*'"_s,
        u"INSERT INTO taskflow_fold_input SELECT id, 'd', description FROM tasks WHERE description GLOB '*[^ -~]*'"_s,
        // Walked once for all rows, not once a row.
        u"CREATE TEMP TABLE taskflow_folded_now AS SELECT * FROM taskflow_folded"_s,
        u"DELETE FROM taskflow_search"_s,
        u"INSERT INTO taskflow_search SELECT t.id, coalesce((SELECT out FROM taskflow_folded_now f "
        "WHERE f.task_id = t.id AND f.field = 't'), lower(t.title)), CASE WHEN t.description IS "
        "NULL THEN NULL ELSE coalesce((SELECT out FROM taskflow_folded_now f WHERE f.task_id = t.id "
        "AND f.field = 'd'), lower(t.description)) END FROM tasks t"_s,
        u"DROP TABLE taskflow_folded_now"_s,
        u"DELETE FROM taskflow_fold_input"_s,
        u"DROP TRIGGER IF EXISTS taskflow_task_inserted"_s,
        u"CREATE TRIGGER taskflow_task_inserted AFTER INSERT ON tasks BEGIN\n"
        "INSERT INTO taskflow_changes (%1) VALUES (%2);\n"
        "UPDATE taskflow_counts SET %3;\n"_s.arg(logged, values("NEW", "'c'"), counts("NEW", 1))
            + refreshSearch + u"END"_s,
        u"DROP TRIGGER IF EXISTS taskflow_task_updated"_s,
        // An update that changes the id is, to a reader, one task gone and another one new.
        u"CREATE TRIGGER taskflow_task_updated AFTER UPDATE ON tasks BEGIN\n"
        "INSERT INTO taskflow_changes (task_id, op) SELECT OLD.id, 'd' WHERE OLD.id IS NOT NEW.id;\n"
        "INSERT INTO taskflow_changes (%1) VALUES (%2);\n"
        "UPDATE taskflow_counts SET %3;\n"
        "UPDATE taskflow_counts SET %4;\n"
        "END"_s.arg(logged, values("NEW", "CASE WHEN OLD.id IS NEW.id THEN 'u' ELSE 'c' END"),
                   counts("OLD", -1), counts("NEW", 1)),
        u"DROP TRIGGER IF EXISTS taskflow_task_text_updated"_s,
        u"CREATE TRIGGER taskflow_task_text_updated AFTER UPDATE OF id, title, description ON tasks BEGIN\n"
        "DELETE FROM taskflow_search WHERE task_id = OLD.id AND OLD.id IS NOT NEW.id;\n"_s
            + refreshSearch + u"END"_s,
        u"DROP TRIGGER IF EXISTS taskflow_task_deleted"_s,
        u"CREATE TRIGGER taskflow_task_deleted AFTER DELETE ON tasks BEGIN\n"
        "INSERT INTO taskflow_changes (task_id, op) VALUES (OLD.id, 'd');\n"
        "UPDATE taskflow_counts SET %1;\n"
        "DELETE FROM taskflow_search WHERE task_id = OLD.id;\n"
        "END"_s.arg(counts("OLD", -1)),
        // Overdue: due before now and not done, counted from an index of only those.
        u"CREATE INDEX IF NOT EXISTS ix_tasks_open_due ON tasks (due_date) "
        "WHERE status IS NULL OR status <> 'DONE'"_s,
    };
}

// Migration 3 on PostgreSQL. Triggers must not make writers wait on each other (a long
// transaction in psql would hold everybody else up), so they only append: a row to a queue the
// servers then number in commit order (ChangeFeed), and a row of count deltas the servers fold
// in. Both are plain inserts, and both are exact the moment the write commits.
QList<QString> changeFeedPostgres()
{
    const auto delta = [](const char *row, int sign) {
        const QString r = QString::fromLatin1(row);
        return u"%1, %1 * (%2.status IS NOT DISTINCT FROM 'TODO')::int, "
               "%1 * (%2.status IS NOT DISTINCT FROM 'IN_PROGRESS')::int, "
               "%1 * (%2.status IS NOT DISTINCT FROM 'DONE')::int, "
               "%1 * (%2.priority IS NOT DISTINCT FROM 'LOW')::int, "
               "%1 * (%2.priority IS NOT DISTINCT FROM 'MEDIUM')::int, "
               "%1 * (%2.priority IS NOT DISTINCT FROM 'HIGH')::int"_s.arg(sign).arg(r);
    };
    const QString deltaColumns = u"total, todo, in_progress, done, low, medium, high"_s;
    // As on SQLite, each entry keeps the task as that change left it.
    const QString taskColumns = u"title VARCHAR, description VARCHAR, status VARCHAR, "
                                "priority VARCHAR, assignee VARCHAR, due_date TIMESTAMP WITHOUT TIME ZONE, "
                                "created_at TIMESTAMP WITHOUT TIME ZONE, updated_at TIMESTAMP WITHOUT TIME ZONE"_s;
    const QString logged = u"task_id, op, title, description, status, priority, assignee, due_date, "
                           "created_at, updated_at"_s;
    return {
        // Writers hold no lock while they wait for something else.
        u"LOCK TABLE tasks IN SHARE ROW EXCLUSIVE MODE"_s,
        u"CREATE TABLE IF NOT EXISTS taskflow_change_queue ("
        "id BIGSERIAL PRIMARY KEY, task_id VARCHAR NOT NULL, op CHAR(1) NOT NULL, %1)"_s.arg(taskColumns),
        u"CREATE SEQUENCE IF NOT EXISTS taskflow_change_seq"_s,
        u"CREATE TABLE IF NOT EXISTS taskflow_changes ("
        "seq BIGINT PRIMARY KEY, task_id VARCHAR NOT NULL, op CHAR(1) NOT NULL, "
        "changed_at TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT (now() AT TIME ZONE 'utc'), %1)"_s.arg(
            taskColumns),
        u"CREATE INDEX IF NOT EXISTS ix_taskflow_changes_at ON taskflow_changes (changed_at)"_s,
        u"CREATE TABLE IF NOT EXISTS taskflow_counts ("
        "id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), total BIGINT NOT NULL, "
        "todo BIGINT NOT NULL, in_progress BIGINT NOT NULL, done BIGINT NOT NULL, "
        "low BIGINT NOT NULL, medium BIGINT NOT NULL, high BIGINT NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS taskflow_count_deltas (id BIGSERIAL PRIMARY KEY, "
        "total INTEGER NOT NULL, todo INTEGER NOT NULL, in_progress INTEGER NOT NULL, "
        "done INTEGER NOT NULL, low INTEGER NOT NULL, medium INTEGER NOT NULL, high INTEGER NOT NULL)"_s,
        u"DELETE FROM taskflow_count_deltas"_s,
        u"INSERT INTO taskflow_counts SELECT 1, count(*), "
        "count(*) FILTER (WHERE status = 'TODO'), count(*) FILTER (WHERE status = 'IN_PROGRESS'), "
        "count(*) FILTER (WHERE status = 'DONE'), count(*) FILTER (WHERE priority = 'LOW'), "
        "count(*) FILTER (WHERE priority = 'MEDIUM'), count(*) FILTER (WHERE priority = 'HIGH') "
        "FROM tasks ON CONFLICT (id) DO UPDATE SET total = EXCLUDED.total, todo = EXCLUDED.todo, "
        "in_progress = EXCLUDED.in_progress, done = EXCLUDED.done, low = EXCLUDED.low, "
        "medium = EXCLUDED.medium, high = EXCLUDED.high"_s,
        u"CREATE TABLE IF NOT EXISTS taskflow_fold_map (c TEXT NOT NULL PRIMARY KEY, folded TEXT NOT NULL)"_s,
        u"DELETE FROM taskflow_fold_map"_s,
        u"INSERT INTO taskflow_fold_map VALUES "_s + SqlDialect::foldTableRows(),
        SqlDialect::postgresFoldFunction(),
        u"CREATE TABLE IF NOT EXISTS taskflow_search ("
        "task_id VARCHAR NOT NULL PRIMARY KEY, title TEXT NOT NULL, description TEXT)"_s,
        u"DELETE FROM taskflow_search"_s,
        u"INSERT INTO taskflow_search SELECT id, taskflow_fold(title), taskflow_fold(description) FROM tasks"_s,
        u"CREATE OR REPLACE FUNCTION taskflow_task_changed() RETURNS trigger LANGUAGE plpgsql AS $body$\n"
        "BEGIN\n"
        "  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.id IS DISTINCT FROM NEW.id) THEN\n"
        "    INSERT INTO taskflow_change_queue (task_id, op) VALUES (OLD.id, 'd');\n"
        "    DELETE FROM taskflow_search WHERE task_id = OLD.id;\n"
        "  END IF;\n"
        "  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.id IS DISTINCT FROM NEW.id) THEN\n"
        "    INSERT INTO taskflow_change_queue (%4) VALUES (NEW.id, 'c', %5);\n"
        "  ELSIF TG_OP = 'UPDATE' THEN\n"
        "    INSERT INTO taskflow_change_queue (%4) VALUES (NEW.id, 'u', %5);\n"
        "  END IF;\n"
        "  IF TG_OP <> 'INSERT' THEN\n"
        "    INSERT INTO taskflow_count_deltas (%1) VALUES (%2);\n"
        "  END IF;\n"
        "  IF TG_OP <> 'DELETE' THEN\n"
        "    INSERT INTO taskflow_count_deltas (%1) VALUES (%3);\n"
        "  END IF;\n"
        "  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.id IS DISTINCT FROM NEW.id\n"
        "      OR OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description)) THEN\n"
        "    INSERT INTO taskflow_search VALUES (NEW.id, taskflow_fold(NEW.title), taskflow_fold(NEW.description))\n"
        "      ON CONFLICT (task_id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description;\n"
        "  END IF;\n"
        "  PERFORM pg_notify('taskflow_changes', '');\n"
        "  RETURN NULL;\n"
        "END\n"
        "$body$"_s.arg(deltaColumns, delta("OLD", -1), delta("NEW", 1), logged,
                       u"NEW.title, NEW.description, NEW.status::text, NEW.priority::text, "
                       "NEW.assignee, NEW.due_date, NEW.created_at, NEW.updated_at"_s),
        u"DROP TRIGGER IF EXISTS taskflow_task_changed ON tasks"_s,
        u"CREATE TRIGGER taskflow_task_changed AFTER INSERT OR UPDATE OR DELETE ON tasks "
        "FOR EACH ROW EXECUTE FUNCTION taskflow_task_changed()"_s,
        u"CREATE INDEX IF NOT EXISTS ix_tasks_open_due ON tasks (due_date) "
        "WHERE status IS NULL OR status <> 'DONE'"_s,
    };
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
             u"CREATE INDEX IF NOT EXISTS ix_tasks_status ON tasks (%1, id)"_s.arg(
                 SqlDialect(false).sortKey(TaskSortKey::Status)),
             u"CREATE INDEX IF NOT EXISTS ix_tasks_priority ON tasks (%1, id)"_s.arg(
                 SqlDialect(false).sortKey(TaskSortKey::Priority)),
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
        // Every writer's changes, as the triggers see them: the change log the live stream and
        // the versions of lists read, counts kept as rows change, and the search text folded.
        {3,
         u"change log, counts kept by triggers, accent-blind search"_s,
         changeFeedSqlite(),
         changeFeedPostgres()},
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
            session.exec(record);
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
