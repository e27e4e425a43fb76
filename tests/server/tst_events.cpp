// GET /tasks/events (API.md, "Live changes"): every writer's changes reach every stream (this
// server's, another server's on the same database, plain SQL's), a resumed stream loses nothing
// and repeats nothing, a stream too old to resume gets `reset`, a reader that stalls is cut off
// without slowing the others, and SIGTERM ends open streams at once. On SQLite and PostgreSQL.
#include "eventstreamclient.h"
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonObject>
#include <QUuid>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Qt::StringLiterals;

class TestEvents : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void everyWriterReachesTheStream();
    void anotherServersStreamSeesEverything();
    void resumingLosesNothingAndRepeatsNothing();
    void resumingAfterARestartReadsTheLog();
    void tooOldToResumeIsAReset();
    void anIdNeverGivenIsAReset_data();
    void anIdNeverGivenIsAReset();
    void anIdleStreamHearsAKeepAlive();
    void stalledReaderIsCutOffWithoutSlowingOthers();
    void corsAndTokensAsForEveryRoute();
    void sigtermEndsOpenStreamsPromptly();

private:
    QString insertBySql(const QString &title);
    static bool waitForCreated(EventStreamClient &stream, int count);
    static QList<EventStreamClient::Event> createdEvents(const EventStreamClient &stream);

    TestDatabase m_db;
    TestServer m_server;
    HttpClient m_http;
};

void TestEvents::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
    QVERIFY2(m_server.start(m_db.url()), qPrintable(m_server.output()));
    m_http.setBase(m_server.url());
}

void TestEvents::init()
{
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestEvents::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QString TestEvents::insertBySql(const QString &title)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!m_db.exec(u"INSERT INTO tasks (id, title, status, priority, created_at, updated_at) VALUES "
                   "('%1', '%2', 'TODO', 'LOW', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"_s.arg(id, title)))
        return QString();
    return id;
}

// Waits until `count` task.created events have come. A stream opened just after init() may
// also tell of the last test's last changes and of init()'s deletions, which the server may
// read after the stream opened: tests look for their own events among these.
QList<EventStreamClient::Event> TestEvents::createdEvents(const EventStreamClient &stream)
{
    QList<EventStreamClient::Event> created;
    for (const auto &event : stream.events()) {
        if (event.name == "task.created")
            created.append(event);
    }
    return created;
}

bool TestEvents::waitForCreated(EventStreamClient &stream, int count)
{
    const QDeadlineTimer deadline(30000);
    for (;;) {
        if (createdEvents(stream).size() >= count)
            return true;
        if (deadline.hasExpired() || !stream.waitForEvents(int(stream.events().size()) + 1,
                                                           int(deadline.remainingTime())))
            return false;
    }
}

void TestEvents::everyWriterReachesTheStream()
{
    EventStreamClient stream;
    QVERIFY(stream.open(m_server.port()));
    QVERIFY(stream.head().contains("Content-Type: text/event-stream"));

    const auto created = m_http.post(u"/tasks"_s, R"({"title":"by the API"})");
    const QString apiId = created.object().value(u"id"_s).toString();
    QCOMPARE(m_http.patch(u"/tasks/"_s + apiId, R"({"status":"done"})").status, 200);
    QCOMPARE(m_http.del(u"/tasks/"_s + apiId).status, 204);
    const QString sqlId = insertBySql(u"by SQL"_s);
    QVERIFY(m_db.exec(u"UPDATE tasks SET title = 'renamed by SQL' WHERE id = '%1'"_s.arg(sqlId)));
    QVERIFY(m_db.exec(u"DELETE FROM tasks WHERE id = '%1'"_s.arg(sqlId)));

    QVERIFY2(stream.waitForEvents(6), qPrintable(QString::number(stream.events().size())));
    const QList<EventStreamClient::Event> &events = stream.events();
    const QList<QByteArray> names{"task.created", "task.updated", "task.deleted",
                                  "task.created", "task.updated", "task.deleted"};
    const QStringList ids{apiId, apiId, apiId, sqlId, sqlId, sqlId};
    qint64 lastId = 0;
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(events[i].name, names[i]);
        QCOMPARE(events[i].json().value(u"task"_s).toObject().value(u"id"_s).toString(), ids[i]);
        QVERIFY(events[i].id.toLongLong() > lastId); // ids only grow
        lastId = events[i].id.toLongLong();
    }
    // Created and updated carry the task as GET returns it, as that change left it: each task
    // was deleted at once, yet every step of it is told. Deleted carries only the id.
    const auto task = [&](int i) { return events[i].json().value(u"task"_s).toObject(); };
    QCOMPARE(task(0).value(u"title"_s).toString(), u"by the API"_s);
    QCOMPARE(task(0).value(u"status"_s).toString(), u"todo"_s);
    QCOMPARE(task(1).value(u"status"_s).toString(), u"done"_s);
    QCOMPARE(task(1).value(u"created_at"_s), task(0).value(u"created_at"_s));
    QCOMPARE(task(2).keys(), QStringList{u"id"_s});
    QCOMPARE(task(3).value(u"title"_s).toString(), u"by SQL"_s);
    QCOMPARE(task(4).value(u"title"_s).toString(), u"renamed by SQL"_s);
    QCOMPARE(task(4).value(u"priority"_s).toString(), u"low"_s);
}

void TestEvents::anotherServersStreamSeesEverything()
{
    TestServer other;
    QVERIFY2(other.start(m_db.url()), qPrintable(other.output()));
    EventStreamClient stream;
    QVERIFY(stream.open(other.port()));
    QCOMPARE(m_http.post(u"/tasks"_s, R"({"title":"through the first server"})").status, 201);
    const QString sqlId = insertBySql(u"straight into the table"_s);
    QVERIFY2(waitForCreated(stream, 2), qPrintable(u"%1 events; the other server said:\n%2"_s.arg(
                                            stream.events().size()).arg(other.output())));
    const QList<EventStreamClient::Event> created = createdEvents(stream);
    QCOMPARE(created[0].json().value(u"task"_s).toObject().value(u"title"_s).toString(),
             u"through the first server"_s);
    QCOMPARE(created[1].json().value(u"task"_s).toObject().value(u"id"_s).toString(), sqlId);
    // Both servers give one change one id: a client can move between them and resume.
    EventStreamClient mine;
    QVERIFY(mine.open(m_server.port(), created[0].id));
    QVERIFY(waitForCreated(mine, 1));
    QCOMPARE(createdEvents(mine)[0].id, created[1].id);
    QCOMPARE(other.stop(), 0);
}

void TestEvents::resumingLosesNothingAndRepeatsNothing()
{
    EventStreamClient first;
    QVERIFY(first.open(m_server.port()));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_http.post(u"/tasks"_s, R"({"title":"before the drop"})").status, 201);
    QVERIFY(waitForCreated(first, 3));
    first.close(); // the connection drops
    QStringList missed;
    for (int i = 0; i < 20; ++i)
        missed.append(m_http.post(u"/tasks"_s, R"({"title":"while away"})").object().value(u"id"_s).toString());
    for (int i = 0; i < 5; ++i)
        missed.append(insertBySql(u"while away, by SQL"_s));

    EventStreamClient resumed;
    QVERIFY(resumed.open(m_server.port(), first.events().last().id));
    QVERIFY(resumed.waitForEvents(25));
    // And what happens after the resume comes too, once.
    const QString after = m_http.post(u"/tasks"_s, R"({"title":"after"})").object().value(u"id"_s).toString();
    QVERIFY(resumed.waitForEvents(26));
    QStringList got;
    for (const auto &event : resumed.events())
        got.append(event.json().value(u"task"_s).toObject().value(u"id"_s).toString());
    QCOMPARE(got, missed + QStringList{after});
    // Nothing more than that: no event twice.
    QVERIFY(!resumed.waitForEvents(27, 300));
}

void TestEvents::resumingAfterARestartReadsTheLog()
{
    EventStreamClient first;
    QVERIFY(first.open(m_server.port()));
    QCOMPARE(m_http.post(u"/tasks"_s, R"({"title":"seen"})").status, 201);
    QVERIFY(waitForCreated(first, 1));
    const QByteArray seen = first.events().last().id;
    first.close();
    QCOMPARE(m_server.stop(), 0);
    const QString whileDown = insertBySql(u"written while no server ran"_s);
    QVERIFY2(m_server.start(m_db.url()), qPrintable(m_server.output()));
    m_http.setBase(m_server.url());
    // A new server keeps nothing in memory: the missed change comes from the log.
    EventStreamClient resumed;
    QVERIFY(resumed.open(m_server.port(), seen));
    QVERIFY(resumed.waitForEvents(1));
    QCOMPARE(resumed.events()[0].json().value(u"task"_s).toObject().value(u"id"_s).toString(), whileDown);
}

void TestEvents::tooOldToResumeIsAReset()
{
    QCOMPARE(m_http.post(u"/tasks"_s, R"({"title":"a"})").status, 201);
    QCOMPARE(m_http.post(u"/tasks"_s, R"({"title":"b"})").status, 201);
    // What a day of retention does to old entries: gone from the log (the newest stays). A
    // server that still had them in memory would resume from there, so start a new one.
    QVERIFY(m_db.exec(u"DELETE FROM taskflow_changes WHERE seq < (SELECT max(seq) FROM taskflow_changes)"_s));
    QCOMPARE(m_server.stop(), 0);
    QVERIFY2(m_server.start(m_db.url()), qPrintable(m_server.output()));
    m_http.setBase(m_server.url());
    EventStreamClient stream;
    QVERIFY(stream.open(m_server.port(), QByteArray("0"))); // change 1 is gone from the log
    QVERIFY(stream.waitForEvents(1));
    QCOMPARE(stream.events()[0].name, QByteArray("reset"));
    QVERIFY(stream.events()[0].data.isEmpty()); // API.md: no data
    QVERIFY(!stream.events()[0].id.isEmpty()); // where to resume from after re-reading
    // After it, the stream goes on live.
    QCOMPARE(m_http.post(u"/tasks"_s, R"({"title":"c"})").status, 201);
    QVERIFY(stream.waitForEvents(2));
    QCOMPARE(stream.events()[1].name, QByteArray("task.created"));
}

void TestEvents::anIdNeverGivenIsAReset_data()
{
    QTest::addColumn<QByteArray>("lastEventId");
    QTest::newRow("text") << QByteArray("yesterday");
    QTest::newRow("negative") << QByteArray("-5");
    QTest::newRow("overflow") << QByteArray("99999999999999999999999");
}

void TestEvents::anIdleStreamHearsAKeepAlive()
{
    // API.md: a comment at least every 15 s, so that no proxy closes an idle stream.
    EventStreamClient stream;
    QVERIFY(stream.open(m_server.port()));
    QVERIFY(stream.waitForComments(1)); // ": connected", at once
    QVERIFY2(stream.waitForComments(2, 15000), "no comment in 15 s");
}

void TestEvents::anIdNeverGivenIsAReset()
{
    // Its place is lost: it must re-read, not silently start from now.
    QFETCH(QByteArray, lastEventId);
    QCOMPARE(m_http.post(u"/tasks"_s, R"({"title":"before"})").status, 201);
    EventStreamClient stream;
    QVERIFY(stream.open(m_server.port(), lastEventId));
    QVERIFY(stream.waitForEvents(1));
    QCOMPARE(stream.events()[0].name, QByteArray("reset"));
}

void TestEvents::stalledReaderIsCutOffWithoutSlowingOthers()
{
    EventStreamClient stalled;
    QVERIFY(stalled.open(m_server.port()));
    // It stops reading now, and its system takes in little for it.
    stalled.socket().setReadBufferSize(1);
    stalled.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    EventStreamClient reader;
    QVERIFY(reader.open(m_server.port()));

    // Thousands of large events: more than the server's socket buffer takes (up to 4 MB), so
    // events wait for the stalled client until it is cut off (after 10 s, or 4 MB waiting).
    const int count = 8000;
    const QString description(900, u'x');
    for (int first = 0; first < count; first += 500) {
        QStringList rows;
        for (int i = first; i < first + 500; ++i)
            rows.append(u"('%1', 'bulk %2', '%3', 'TODO', 'LOW', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"_s
                            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)).arg(i).arg(description));
        QVERIFY(m_db.exec(u"INSERT INTO tasks (id, title, description, status, priority, created_at, "
                          "updated_at) VALUES "_s + rows.join(u", "_s)));
        // The other reader keeps up (this test process reads for it only while it waits here).
        QVERIFY2(waitForCreated(reader, first + 500),
                 qPrintable(u"%1 events, server said:\n%2"_s.arg(reader.events().size()).arg(m_server.output())));
    }
    QVERIFY(!reader.ended());
    int bulk = 0;
    for (const auto &event : createdEvents(reader))
        bulk += event.json().value(u"task"_s).toObject().value(u"title"_s).toString().startsWith(u"bulk "_s);
    QCOMPARE(bulk, count); // each once
    QTRY_VERIFY_WITH_TIMEOUT(m_server.output().contains(u"an event stream fell"_s), 30000);
    // The stalled one finds its stream ended once it reads again.
    stalled.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4 << 20);
    stalled.socket().setReadBufferSize(0);
    QVERIFY(stalled.waitForEnd(15000));
    QVERIFY(stalled.events().size() < count);
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestEvents::corsAndTokensAsForEveryRoute()
{
    EventStreamClient fromBrowser;
    QVERIFY(fromBrowser.open(m_server.port(), {}, {{"Origin", "http://localhost:5173"}}));
    QVERIFY(fromBrowser.head().contains("Access-Control-Allow-Origin: http://localhost:5173"));

    TestServer guarded;
    QVERIFY2(guarded.startWithToken(m_db.url(), "stream-secret"), qPrintable(guarded.output()));
    EventStreamClient anonymous;
    QVERIFY(!anonymous.open(guarded.port()));
    QVERIFY(anonymous.head().startsWith("HTTP/1.1 401"));
    EventStreamClient allowed;
    QVERIFY(allowed.open(guarded.port(), {}, {{"Authorization", "Bearer stream-secret"}}));
    QCOMPARE(guarded.stop(), 0);
}

void TestEvents::sigtermEndsOpenStreamsPromptly()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGTERM is a Unix signal");
#else
    TestServer ending;
    QVERIFY2(ending.start(m_db.url()), qPrintable(ending.output()));
    std::vector<std::unique_ptr<EventStreamClient>> streams;
    for (int i = 0; i < 20; ++i) {
        streams.push_back(std::make_unique<EventStreamClient>());
        QVERIFY(streams.back()->open(ending.port()));
    }
    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(ending.process().processId()), SIGTERM);
    QVERIFY(ending.process().waitForFinished(10000));
    QCOMPARE(ending.process().exitCode(), 0);
    // Streams do not hold a shutdown up: nothing waits for them to end (in-flight requests
    // would get 30 s of grace).
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    for (const auto &stream : streams)
        QVERIFY(stream->waitForEnd(5000));
#endif
}

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
