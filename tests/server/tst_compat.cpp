// A database laid out and filled as the original FastAPI/SQLAlchemy backend does it is served
// correctly, and its table keeps its shape, so the original backend can still use it.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestCompat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void servesTheOriginalRows();
    void readsIdsThatAreNotUuids();
    void sortsAndFiltersTheOriginalEnums();
    void writesTheWayTheOriginalReads();
    void tableKeepsItsShape();
    void restartChangesNothing();

private:
    bool postgres() const { return m_db.kind() == TestDatabase::Kind::Postgres; }
    QStringList tableShape();

    TestDatabase m_db;
    TestServer m_server;
    HttpClient m_http;
    QStringList m_shapeBefore;
};

void TestCompat::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
    // The DDL SQLAlchemy's create_all() emits for the original TaskModel.
    if (postgres()) {
        QVERIFY(m_db.exec(u"CREATE TYPE taskstatus AS ENUM ('TODO', 'IN_PROGRESS', 'DONE')"_s));
        QVERIFY(m_db.exec(u"CREATE TYPE taskpriority AS ENUM ('LOW', 'MEDIUM', 'HIGH')"_s));
        QVERIFY(m_db.exec(u"CREATE TABLE tasks (\n\tid VARCHAR NOT NULL, \n\ttitle VARCHAR(200) NOT NULL, "
                          "\n\tdescription VARCHAR(1000), \n\tstatus taskstatus, \n\tpriority taskpriority, "
                          "\n\tassignee VARCHAR(100), \n\tdue_date TIMESTAMP WITHOUT TIME ZONE, "
                          "\n\tcreated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), "
                          "\n\tupdated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), \n\tPRIMARY KEY (id)\n)"_s));
    } else {
        QVERIFY(m_db.exec(u"CREATE TABLE tasks (\n\tid VARCHAR NOT NULL, \n\ttitle VARCHAR(200) NOT NULL, "
                          "\n\tdescription VARCHAR(1000), \n\tstatus VARCHAR(11), \n\tpriority VARCHAR(6), "
                          "\n\tassignee VARCHAR(100), \n\tdue_date DATETIME, "
                          "\n\tcreated_at DATETIME DEFAULT (CURRENT_TIMESTAMP), "
                          "\n\tupdated_at DATETIME DEFAULT (CURRENT_TIMESTAMP), \n\tPRIMARY KEY (id)\n)"_s));
    }
    QVERIFY(m_db.exec(u"CREATE INDEX ix_tasks_id ON tasks (id)"_s));
    // Rows as the original inserts them: enum names, naive UTC timestamps with microseconds,
    // and one whose timestamps came from the column defaults.
    QVERIFY(m_db.exec(u"INSERT INTO tasks VALUES ('6f1c2d3e-0000-4000-8000-000000000001', 'Legacy high', "
                      "'from Python', 'TODO', 'HIGH', 'ann', '2026-12-01 10:00:00', "
                      "'2026-01-02 03:04:05.123456', '2026-01-03 04:05:06.654321')"_s));
    QVERIFY(m_db.exec(u"INSERT INTO tasks VALUES ('legacy-2', 'Legacy done', NULL, 'DONE', 'LOW', NULL, NULL, "
                      "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"_s));
    QVERIFY(m_db.exec(u"INSERT INTO tasks (id, title, status, priority) VALUES ('legacy-3', 'Defaults', "
                      "'IN_PROGRESS', 'MEDIUM')"_s));
    m_shapeBefore = tableShape();
    QVERIFY(!m_shapeBefore.isEmpty());

    QVERIFY2(m_server.start(m_db.url()), qPrintable(m_server.output()));
    m_http.setBase(m_server.url());
}

void TestCompat::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QStringList TestCompat::tableShape()
{
    if (postgres()) {
        return m_db.query(u"SELECT column_name || ' ' || data_type || ' ' || udt_name || ' ' || "
                          "COALESCE(character_maximum_length::text, '-') || ' ' || is_nullable || ' ' || "
                          "COALESCE(column_default, '-') FROM information_schema.columns "
                          "WHERE table_name = 'tasks' ORDER BY ordinal_position"_s)
            + m_db.query(u"SELECT t.typname || ':' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) "
                         "FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid GROUP BY t.typname ORDER BY 1"_s);
    }
    return m_db.query(u"SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || COALESCE(dflt_value, '-') "
                      "|| ' ' || pk FROM pragma_table_info('tasks') ORDER BY cid"_s);
}

void TestCompat::servesTheOriginalRows()
{
    const auto reply = m_http.get(u"/tasks/6f1c2d3e-0000-4000-8000-000000000001"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject task = reply.object();
    QCOMPARE(task.value(u"title"_s).toString(), u"Legacy high"_s);
    QCOMPARE(task.value(u"description"_s).toString(), u"from Python"_s);
    QCOMPARE(task.value(u"status"_s).toString(), u"todo"_s);
    QCOMPARE(task.value(u"priority"_s).toString(), u"high"_s);
    QCOMPARE(task.value(u"assignee"_s).toString(), u"ann"_s);
    QCOMPARE(task.value(u"due_date"_s).toString(), u"2026-12-01T10:00:00Z"_s);
    QCOMPARE(task.value(u"created_at"_s).toString(), u"2026-01-02T03:04:05.123Z"_s);
    QCOMPARE(task.value(u"updated_at"_s).toString(), u"2026-01-03T04:05:06.654Z"_s);

    const auto defaults = m_http.get(u"/tasks/legacy-3"_s).object();
    QCOMPARE(defaults.value(u"status"_s).toString(), u"in_progress"_s);
    const QRegularExpression utc(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z$"_s);
    QVERIFY2(utc.match(defaults.value(u"created_at"_s).toString()).hasMatch(),
             qPrintable(defaults.value(u"created_at"_s).toString()));
    QCOMPARE(m_http.get(u"/health"_s).object().value(u"tasks_count"_s).toInt(), 3);
}

void TestCompat::readsIdsThatAreNotUuids()
{
    const auto reply = m_http.get(u"/tasks/legacy-2"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.object().value(u"due_date"_s).isNull());
    QVERIFY(reply.object().value(u"assignee"_s).isNull());
    QCOMPARE(reply.object().value(u"priority"_s).toString(), u"low"_s);
}

void TestCompat::sortsAndFiltersTheOriginalEnums()
{
    const QJsonArray byPriority = m_http.get(u"/tasks?sort=-priority"_s).array();
    QCOMPARE(byPriority.size(), 3);
    QCOMPARE(byPriority.at(0).toObject().value(u"priority"_s).toString(), u"high"_s);
    QCOMPARE(byPriority.at(2).toObject().value(u"priority"_s).toString(), u"low"_s);
    QCOMPARE(m_http.get(u"/tasks?status=done"_s).array().size(), 1);
    const QJsonObject stats = m_http.get(u"/tasks/stats"_s).object();
    QCOMPARE(stats.value(u"total"_s).toInt(), 3);
    QCOMPARE(stats.value(u"by_status"_s).toObject().value(u"in_progress"_s).toInt(), 1);
}

void TestCompat::writesTheWayTheOriginalReads()
{
    const auto created = m_http.post(u"/tasks"_s, R"({"title":"New","status":"in_progress","priority":"low","due_date":"2026-12-24T18:30:00+01:00"})");
    QCOMPARE(created.status, 201);
    const QString id = created.object().value(u"id"_s).toString();
    const auto updated = m_http.patch(u"/tasks/legacy-2"_s, R"({"status":"todo","priority":"high"})");
    QCOMPARE(updated.status, 200);

    const QString text = postgres() ? u"::text"_s : QString();
    QCOMPARE(m_db.query(u"SELECT status%1 || ' ' || priority%1 FROM tasks WHERE id = '%2'"_s.arg(text, id)),
             QStringList{u"IN_PROGRESS LOW"_s});
    QCOMPARE(m_db.query(u"SELECT status%1 || ' ' || priority%1 FROM tasks WHERE id = 'legacy-2'"_s.arg(text)),
             QStringList{u"TODO HIGH"_s});
    // Naive UTC, in the text form SQLAlchemy reads back.
    const QString due = m_db.query(u"SELECT due_date%1 FROM tasks WHERE id = '%2'"_s.arg(text, id)).value(0);
    QVERIFY2(due.startsWith(u"2026-12-24 17:30:00"_s), qPrintable(due));
    const QRegularExpression naive(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?$"_s);
    for (const QString &column : {u"created_at"_s, u"updated_at"_s}) {
        const QString value = m_db.query(u"SELECT %1%2 FROM tasks WHERE id = 'legacy-2'"_s.arg(column, text)).value(0);
        QVERIFY2(naive.match(value).hasMatch(), qPrintable(value));
    }
}

void TestCompat::tableKeepsItsShape()
{
    QCOMPARE(tableShape(), m_shapeBefore);
    const QString indexQuery = postgres()
        ? u"SELECT indexname FROM pg_indexes WHERE tablename = 'tasks' ORDER BY 1"_s
        : u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks' AND sql IS NOT NULL ORDER BY 1"_s;
    const QStringList indexes = m_db.query(indexQuery);
    QVERIFY(indexes.contains(u"ix_tasks_id"_s));
    QVERIFY(indexes.contains(u"ix_tasks_updated_at"_s)); // added by migration 1
    QCOMPARE(m_db.query(u"SELECT version FROM taskflow_migrations ORDER BY version"_s),
             (QStringList{u"1"_s, u"2"_s, u"3"_s}));
}

void TestCompat::restartChangesNothing()
{
    QCOMPARE(m_server.stop(), 0);
    QVERIFY2(m_server.start(m_db.url()), qPrintable(m_server.output()));
    m_http.setBase(m_server.url());
    QCOMPARE(tableShape(), m_shapeBefore);
    QCOMPARE(m_db.query(u"SELECT count(*) FROM taskflow_migrations"_s), QStringList{u"3"_s});
    QCOMPARE(m_http.get(u"/tasks"_s).array().size(), 4);
}

QTEST_GUILESS_MAIN(TestCompat)
#include "tst_compat.moc"
