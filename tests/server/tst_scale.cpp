// Holding up at scale (issue 13): counts kept by triggers stay exact whoever writes (another
// program's plain SQL, another server), a full queue answers 503 Server busy with Retry-After at
// once, and a request whose client left while it waited is never run. A whole list read in
// slices is the same list a single query gives, in every order. On SQLite and PostgreSQL.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestScale : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void countsStayExactWhoeverWrites();
    void wholeListInSlicesIsTheList_data();
    void wholeListInSlicesIsTheList();
    void fullQueueIsServerBusy();
    void requestOfAClientThatLeftIsNeverRun();

private:
    struct Truth
    {
        qint64 total, todo, inProgress, done, low, medium, high, overdue;
    };
    Truth countWithSql();
    void blockWriters(bool block);
    bool m_blocking = false;

    TestDatabase m_db;
    TestServer m_server;
    HttpClient m_http;
};

void TestScale::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
    QVERIFY2(m_server.start(m_db.url()), qPrintable(m_server.output()));
    m_http.setBase(m_server.url());
}

void TestScale::init()
{
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestScale::cleanup()
{
    if (m_blocking)
        blockWriters(false);
}

void TestScale::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

TestScale::Truth TestScale::countWithSql()
{
    const auto count = [&](const QString &where) {
        return m_db.query(u"SELECT count(*) FROM tasks WHERE "_s + where).value(0).toLongLong();
    };
    const QString now = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    return {count(u"1 = 1"_s), count(u"status = 'TODO'"_s), count(u"status = 'IN_PROGRESS'"_s),
            count(u"status = 'DONE'"_s), count(u"priority = 'LOW'"_s), count(u"priority = 'MEDIUM'"_s),
            count(u"priority = 'HIGH'"_s),
            count(u"due_date < '%1' AND (status IS NULL OR status <> 'DONE')"_s.arg(now))};
}

void TestScale::countsStayExactWhoeverWrites()
{
    TestServer other; // a second server on the same database writes too
    QVERIFY2(other.start(m_db.url()), qPrintable(other.output()));
    HttpClient viaOther(other.url());
    for (int i = 0; i < 30; ++i) {
        const QByteArray status = i % 3 == 0 ? "done" : i % 3 == 1 ? "in_progress" : "todo";
        const QByteArray body = R"({"title":"t","status":")" + status + R"(","priority":"high","due_date":"2020-01-01"})";
        QCOMPARE((i % 2 ? m_http : viaOther).post(u"/tasks"_s, body).status, 201);
    }
    // Another program: inserts (one with no status or priority at all, as the original schema
    // allows), updates that move counts, deletes.
    QVERIFY(m_db.exec(u"INSERT INTO tasks (id, title, status, priority, created_at, updated_at) VALUES "
                      "('sql-1', 'a', 'TODO', 'LOW', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), "
                      "('sql-2', 'b', 'DONE', 'MEDIUM', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), "
                      "('sql-3', 'c', NULL, NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"_s));
    QVERIFY(m_db.exec(u"UPDATE tasks SET status = 'IN_PROGRESS', priority = 'LOW' WHERE status = 'DONE'"_s));
    QVERIFY(m_db.exec(u"UPDATE tasks SET id = 'sql-1-renamed' WHERE id = 'sql-1'"_s));
    QVERIFY(m_db.exec(u"DELETE FROM tasks WHERE id IN (SELECT id FROM tasks WHERE status = 'TODO' LIMIT 4)"_s));

    const Truth truth = countWithSql();
    for (HttpClient *client : {&m_http, &viaOther}) {
        const QJsonObject stats = client->get(u"/tasks/stats"_s).object();
        QCOMPARE(stats.value(u"total"_s).toInteger(), truth.total);
        const QJsonObject byStatus = stats.value(u"by_status"_s).toObject();
        QCOMPARE(byStatus.value(u"todo"_s).toInteger(), truth.todo);
        QCOMPARE(byStatus.value(u"in_progress"_s).toInteger(), truth.inProgress);
        QCOMPARE(byStatus.value(u"done"_s).toInteger(), truth.done);
        const QJsonObject byPriority = stats.value(u"by_priority"_s).toObject();
        QCOMPARE(byPriority.value(u"low"_s).toInteger(), truth.low);
        QCOMPARE(byPriority.value(u"medium"_s).toInteger(), truth.medium);
        QCOMPARE(byPriority.value(u"high"_s).toInteger(), truth.high);
        QCOMPARE(stats.value(u"overdue"_s).toInteger(), truth.overdue);
        QCOMPARE(client->get(u"/health"_s).object().value(u"tasks_count"_s).toInteger(), truth.total);
        QCOMPARE(client->get(u"/tasks?limit=1"_s).header("X-Total-Count").toLongLong(), truth.total);
        // Filtered counts agree with the same filters' lists.
        const auto list = client->get(u"/tasks?status=in_progress"_s).array();
        QCOMPARE(qint64(list.size()), truth.inProgress);
        QCOMPARE(client->get(u"/tasks?status=in_progress&limit=1"_s).header("X-Total-Count").toLongLong(), truth.inProgress);
    }
    QCOMPARE(other.stop(), 0);
}

void TestScale::wholeListInSlicesIsTheList_data()
{
    QTest::addColumn<QString>("sort");
    for (const char *key : {"created_at", "updated_at", "due_date", "priority", "status", "title"}) {
        QTest::newRow(key) << QString::fromLatin1(key);
        QTest::newRow(QByteArray(QByteArray("-") + key).constData()) << u"-"_s + QString::fromLatin1(key);
    }
}

void TestScale::wholeListInSlicesIsTheList()
{
    QFETCH(QString, sort);
    // More than a few slices, with ties on every key (same timestamps, titles, statuses), tasks
    // without a due date, and rows the original schema allows without status or priority.
    static bool seeded = false;
    if (!seeded || m_db.query(u"SELECT count(*) FROM tasks"_s).value(0).toInt() != 1050) {
        QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
        for (int first = 0; first < 1050; first += 350) {
            QStringList rows;
            for (int i = first; i < first + 350; ++i) {
                const QString due = i % 4 == 0 ? u"NULL"_s : u"'2026-0%1-1%2 10:00:00'"_s.arg(1 + i % 9).arg(i % 7);
                const QString status = i % 50 == 0 ? u"NULL"_s : u"'%1'"_s.arg(QStringList{u"TODO"_s, u"IN_PROGRESS"_s, u"DONE"_s}[i % 3]);
                const QString priority = i % 70 == 0 ? u"NULL"_s : u"'%1'"_s.arg(QStringList{u"LOW"_s, u"MEDIUM"_s, u"HIGH"_s}[i % 3]);
                rows.append(u"('%1', 'title %2', %3, %4, %5, '2026-01-0%6 08:00:00', '2026-02-0%7 09:00:00')"_s
                                .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)).arg(i % 13)
                                .arg(status, priority, due).arg(1 + i % 5).arg(1 + i % 3));
            }
            QVERIFY(m_db.exec(u"INSERT INTO tasks (id, title, status, priority, due_date, created_at, updated_at) VALUES "_s
                              + rows.join(u", "_s)));
        }
        seeded = true;
    }
    const QJsonArray whole = m_http.get(u"/tasks?sort="_s + sort).array();
    QCOMPARE(whole.size(), 1050);
    // The same order, page by page (one query a page, with its own LIMIT and OFFSET).
    QJsonArray paged;
    for (int offset = 0; offset < 1050; offset += 100) {
        for (const QJsonValue &task : m_http.get(u"/tasks?sort=%1&limit=100&offset=%2"_s.arg(sort).arg(offset)).array())
            paged.append(task);
    }
    QCOMPARE(paged.size(), 1050);
    QSet<QString> ids;
    for (int i = 0; i < whole.size(); ++i) {
        const QString id = whole[i].toObject().value(u"id"_s).toString();
        QVERIFY2(!ids.contains(id), qPrintable(u"twice: "_s + id));
        ids.insert(id);
        QCOMPARE(paged[i].toObject().value(u"id"_s).toString(), id);
    }
    // Ties go by id (API.md), in the direction of the sort.
    const QString key = sort.startsWith(u'-') ? sort.mid(1) : sort;
    for (int i = 1; i < whole.size(); ++i) {
        const QJsonObject a = whole[i - 1].toObject();
        const QJsonObject b = whole[i].toObject();
        if (a.value(key) == b.value(key)) {
            const QString ia = a.value(u"id"_s).toString();
            const QString ib = b.value(u"id"_s).toString();
            QVERIFY2(sort.startsWith(u'-') ? ia > ib : ia < ib, qPrintable(ia + u" / "_s + ib));
        }
    }
}

void TestScale::blockWriters(bool block)
{
    // A writer of another program holds the database, so the server's writes wait for it.
    m_blocking = block;
    if (TestDatabase::requestedKind() == TestDatabase::Kind::Postgres) {
        QVERIFY(m_db.exec(block ? u"BEGIN"_s : u"ROLLBACK"_s));
        if (block)
            QVERIFY(m_db.exec(u"LOCK TABLE tasks IN EXCLUSIVE MODE"_s));
    } else {
        QVERIFY(m_db.exec(block ? u"BEGIN IMMEDIATE"_s : u"ROLLBACK"_s));
    }
}

namespace {

// Sends a create on a connection of its own, without waiting for the answer.
std::unique_ptr<QTcpSocket> sendCreate(quint16 port, const QByteArray &title)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(u"127.0.0.1"_s, port);
    if (!socket->waitForConnected(5000))
        return socket;
    const QByteArray body = R"({"title":")" + title + "\"}";
    socket->write("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->flush();
    return socket;
}

// The status of the answer on `socket` once it has come, 0 when none came in time.
int answerStatus(QTcpSocket &socket, int timeoutMs)
{
    QByteArray received = socket.readAll();
    const QDeadlineTimer deadline(timeoutMs);
    while (!received.contains("\r\n\r\n") && !deadline.hasExpired()
           && socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
        received += socket.readAll();
    return received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : 0;
}

} // namespace

void TestScale::fullQueueIsServerBusy()
{
    TestServer small;
    QProcessEnvironment env;
    env.insert(u"DB_POOL_SIZE"_s, u"1"_s);
    env.insert(u"DB_QUEUE_LIMIT"_s, u"2"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"taskflow.sql.debug=true"_s); // "worker 0 took a job"
    QVERIFY2(small.start(m_db.url(), env), qPrintable(small.output()));
    blockWriters(true);
    // One worker, held by the lock once it has taken the first create; two creates may wait
    // for it; the other nine are told at once.
    const int taken = int(small.output().count(u"took a job"_s));
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    clients.push_back(sendCreate(small.port(), "in a crowd"));
    QTRY_COMPARE(int(small.output().count(u"took a job"_s)), taken + 1);
    for (int i = 1; i < 12; ++i)
        clients.push_back(sendCreate(small.port(), "in a crowd"));
    int busy = 0;
    std::vector<QTcpSocket *> waiting;
    for (auto &client : clients) {
        const int status = answerStatus(*client, 1500);
        if (status == 503)
            ++busy;
        else if (status == 0)
            waiting.push_back(client.get());
        else
            QFAIL(qPrintable(u"unexpected %1 while the database was held"_s.arg(status)));
    }
    QCOMPARE(busy, 9);
    QCOMPARE(int(waiting.size()), 3);
    // What a busy answer looks like.
    const auto reply = HttpClient(small.url()).post(u"/tasks"_s, R"({"title":"one more"})");
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.object().value(u"detail"_s).toString(), u"Server busy"_s);
    QCOMPARE(reply.header("Retry-After"), QByteArray("1"));
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    blockWriters(false);
    for (QTcpSocket *client : waiting)
        QCOMPARE(answerStatus(*client, 15000), 201); // they waited, and were served
    QCOMPARE(m_db.query(u"SELECT count(*) FROM tasks WHERE title = 'in a crowd'"_s), QStringList{u"3"_s});
    QCOMPARE(small.stop(), 0);
}

void TestScale::requestOfAClientThatLeftIsNeverRun()
{
    TestServer small;
    QProcessEnvironment env;
    env.insert(u"DB_POOL_SIZE"_s, u"1"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"taskflow.server.debug=true"_s); // "dispatched" lines
    QVERIFY2(small.start(m_db.url(), env), qPrintable(small.output()));
    blockWriters(true);
    // The first create takes the only worker and waits on the lock; the second waits in the
    // queue behind it.
    const auto holder = sendCreate(small.port(), "holds the worker");
    QTRY_COMPARE_WITH_TIMEOUT(small.output().count(u"dispatched POST /tasks"_s), 1, 10000);
    const auto leaver = sendCreate(small.port(), "nobody waits for me");
    QTRY_COMPARE_WITH_TIMEOUT(small.output().count(u"dispatched POST /tasks"_s), 2, 10000);
    HttpClient probe(small.url());
    // Its client gives up and leaves; the server notices.
    leaver->abort();
    QTRY_VERIFY_WITH_TIMEOUT(small.output().contains(u"left before its answer"_s), 10000);
    blockWriters(false);
    QCOMPARE(answerStatus(*holder, 15000), 201);
    // By the time the queue is empty again, the one left behind was dropped, not run.
    QTRY_COMPARE_WITH_TIMEOUT(probe.get(u"/tasks?q=nobody"_s).status, 200, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(small.output().contains(u"whose client had left; never run"_s), 5000);
    QCOMPARE(m_db.query(u"SELECT count(*) FROM tasks WHERE title = 'nobody waits for me'"_s), QStringList{u"0"_s});
    QCOMPARE(small.stop(), 0);
}

QTEST_GUILESS_MAIN(TestScale)
#include "tst_scale.moc"
