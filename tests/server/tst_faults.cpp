// Faults under load: a server killed with SIGKILL, SIGTERM with requests in flight, two
// servers on one database. Whatever happens, every write a client was told about (201/200/204)
// is in the database afterwards.
#include "httpclient.h"
#include "loaddriver.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Qt::StringLiterals;

class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void sigkillLosesNothingAcknowledged();
    void sigtermCompletesRequestsInFlight();
    void twoServersUnderMixedLoad();

private:
    QSet<QString> storedIds();
    // Holds the database's write lock from the test, so requests pile up in the server.
    bool lockWrites();
    bool unlockWrites();

    TestDatabase m_db;
};

void TestFaults::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
    TestServer server; // creates the schema
    QVERIFY2(server.start(m_db.url()), qPrintable(server.output()));
    QCOMPARE(server.stop(), 0);
}

void TestFaults::init()
{
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

QSet<QString> TestFaults::storedIds()
{
    const QStringList ids = m_db.query(u"SELECT id FROM tasks"_s);
    return QSet<QString>(ids.cbegin(), ids.cend());
}

bool TestFaults::lockWrites()
{
    if (m_db.kind() == TestDatabase::Kind::Postgres)
        return m_db.exec(u"BEGIN"_s) && m_db.exec(u"LOCK TABLE tasks IN EXCLUSIVE MODE"_s);
    return m_db.exec(u"BEGIN IMMEDIATE"_s);
}

bool TestFaults::unlockWrites()
{
    return m_db.exec(u"COMMIT"_s);
}

void TestFaults::sigkillLosesNothingAcknowledged()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL is a Unix signal");
#else
    TestServer server;
    QVERIFY2(server.start(m_db.url()), qPrintable(server.output()));
    QSet<QString> acknowledged;
    QHash<QString, int> acknowledgedVersion; // task id -> last version a client was told about
    QHash<int, QString> ownTask;             // client -> its task (updated in turns)
    int answered = 0;
    int refused = 0;
    // 16 clients: each creates, then updates its task with increasing numbers, and so on.
    driveLoad({server.url()}, 16, 40,
        [&](int client, int index) -> LoadRequest {
            if (index % 4 == 0 || !ownTask.contains(client))
                return {"POST", u"/tasks"_s, QByteArray(R"({"title":"kill test"})")};
            return {"PATCH", u"/tasks/"_s + ownTask[client],
                    QJsonDocument(QJsonObject{{u"description"_s, QString::number(index)}}).toJson()};
        },
        [&](int client, int index, const HttpClient::Reply &reply) {
            if (reply.status == 201) {
                const QString id = reply.object().value(u"id"_s).toString();
                acknowledged.insert(id);
                ownTask[client] = id;
            } else if (reply.status == 200) {
                const QJsonObject task = reply.object();
                acknowledgedVersion[task.value(u"id"_s).toString()] = task.value(u"description"_s).toString().toInt();
            } else {
                ++refused;
            }
            Q_UNUSED(index);
            if (++answered == 150)
                ::kill(pid_t(server.process().processId()), SIGKILL); // mid-load, no warning
        });
    QVERIFY(server.process().waitForFinished(10000) || !server.isRunning());
    QCOMPARE(server.process().exitStatus(), QProcess::CrashExit);
    QVERIFY(acknowledged.size() > 10);
    QVERIFY(refused > 0); // requests after the kill failed: the kill did land mid-load
    qInfo("SIGKILL after %d answers: %lld creates and %lld updates acknowledged, %d refused",
          answered, qint64(acknowledged.size()), qint64(acknowledgedVersion.size()), refused);

    // A new server on the same database: everything acknowledged is there.
    TestServer again;
    QVERIFY2(again.start(m_db.url()), qPrintable(again.output()));
    const QSet<QString> stored = storedIds();
    QVERIFY((acknowledged - stored).isEmpty());
    HttpClient http(again.url());
    for (auto it = acknowledgedVersion.cbegin(); it != acknowledgedVersion.cend(); ++it) {
        const int version = http.get(u"/tasks/"_s + it.key()).object().value(u"description"_s).toString().toInt();
        QVERIFY2(version >= it.value(), qPrintable(u"%1: stored %2, acknowledged %3"_s.arg(it.key()).arg(version).arg(it.value())));
    }
    QCOMPARE(again.stop(), 0);
#endif
}

void TestFaults::sigtermCompletesRequestsInFlight()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGTERM is a Unix signal");
#else
    TestServer server;
    QVERIFY2(server.start(m_db.url()), qPrintable(server.output()));
    // The test holds the write lock: the creates the server accepts wait for it, in flight.
    QVERIFY(lockWrites());
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 100; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(u"127.0.0.1"_s, server.port());
        QVERIFY(socket->waitForConnected(5000));
        const QByteArray body = R"({"title":"in flight )" + QByteArray::number(i) + R"("})";
        socket->write("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(socket->waitForBytesWritten(5000));
        clients.push_back(std::move(socket));
    }
    // A request that needs no database, answered after the server has read the others.
    HttpClient http(server.url());
    QCOMPARE(http.get(u"/"_s).status, 200);

    ::kill(pid_t(server.process().processId()), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(server.output().contains(u"requests in flight"_s), 10000);
    QVERIFY(server.isRunning()); // still finishing its work
    QVERIFY(unlockWrites());

    int created = 0;
    for (auto &socket : clients) {
        QByteArray answer;
        QDeadlineTimer deadline(30000);
        while (!answer.contains("}") && !deadline.hasExpired()) {
            socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            answer += socket->readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 201"), answer.constData());
        QVERIFY(answer.contains("Connection: close"));
        ++created;
    }
    QVERIFY(server.process().waitForFinished(30000) || !server.isRunning());
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
    QCOMPARE(created, 100);
    QCOMPARE(storedIds().size(), 100);
    const QRegularExpression inFlight(u"shutting down: no new connections; (\\d+) requests in flight"_s);
    const auto match = inFlight.match(server.output());
    QVERIFY(match.hasMatch());
    qInfo("SIGTERM with %s requests in flight: all 100 answered 201, exit 0", qPrintable(match.captured(1)));
    QVERIFY(match.captured(1).toInt() >= 1);
#endif
}

void TestFaults::twoServersUnderMixedLoad()
{
    TestServer a;
    TestServer b;
    QVERIFY2(a.start(m_db.url()) && b.start(m_db.url()), qPrintable(a.output() + b.output()));
    // Sixteen clients at once, half on each server, list, create, and delete what they created.
    QSet<QString> created;
    QSet<QString> deleted;
    QHash<int, QStringList> mine;           // client -> its tasks not yet deleted
    QHash<int, QString> deleting;           // client -> the task its pending DELETE names
    const auto next = [&](int client, int index) -> LoadRequest {
        if (index % 3 == 2 && !mine[client].isEmpty()) {
            deleting[client] = mine[client].takeFirst();
            return {"DELETE", u"/tasks/"_s + deleting[client], QByteArray()};
        }
        if (index % 3 == 1)
            return {"GET", u"/tasks?limit=20&sort=-created_at"_s, QByteArray()};
        return {"POST", u"/tasks"_s, QByteArray(R"({"title":"mixed","priority":"high"})")};
    };
    const auto onAnswer = [&](int client, int, const HttpClient::Reply &reply) {
        if (reply.status == 201) {
            const QString id = reply.object().value(u"id"_s).toString();
            created.insert(id);
            mine[client].append(id);
        } else if (reply.status == 204) {
            deleted.insert(deleting.take(client));
        } else {
            QVERIFY2(reply.status == 200, qPrintable(QString::number(reply.status) + reply.error));
        }
    };
    driveLoad({a.url(), b.url()}, 16, 45, next, onAnswer);
    QVERIFY(created.size() > 100);
    QVERIFY(deleted.size() > 50);
    const QSet<QString> expected = created - deleted;
    QCOMPARE(storedIds(), expected);
    HttpClient httpA(a.url());
    HttpClient httpB(b.url());
    QCOMPARE(httpA.get(u"/tasks/stats"_s).object().value(u"total"_s).toInt(), expected.size());
    QCOMPARE(httpB.get(u"/health"_s).object().value(u"tasks_count"_s).toInt(), expected.size());
    QCOMPARE(a.stop(), 0);
    QCOMPARE(b.stop(), 0);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
