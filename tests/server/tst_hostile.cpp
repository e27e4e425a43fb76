// Hostile and broken HTTP: every one gets a 4xx JSON answer (or, for a client that never
// finishes, a 408 and a closed connection), nothing is stored, and the server keeps serving.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct RawAnswer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool closed = false;
};

// Reads one answer from a raw socket: status line, headers, Content-Length bytes of body.
RawAnswer readAnswer(QTcpSocket &socket, int timeoutMs = 10000)
{
    RawAnswer answer;
    QByteArray buffer;
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype headEnd = -1;
    qint64 length = -1;
    while (!deadline.hasExpired()) {
        buffer += socket.readAll();
        if (headEnd < 0 && (headEnd = buffer.indexOf("\r\n\r\n")) >= 0) {
            answer.head = buffer.left(headEnd);
            answer.status = answer.head.mid(9, 3).toInt();
            for (const QByteArray &line : answer.head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
        }
        if (headEnd >= 0 && buffer.size() - headEnd - 4 >= qMax<qint64>(length, 0)) {
            answer.body = buffer.mid(headEnd + 4, qMax<qint64>(length, 0));
            break;
        }
        if (socket.state() == QAbstractSocket::UnconnectedState) {
            answer.closed = true;
            break;
        }
        socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    answer.closed = answer.closed || socket.state() == QAbstractSocket::UnconnectedState
        || socket.waitForDisconnected(200);
    return answer;
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void badBodies_data();
    void badBodies();
    void brokenRequests_data();
    void brokenRequests();
    void declaredBodyTooLargeIsRefusedBeforeItIsSent();
    void chunkedBodyTooLarge();
    void expectContinueIsAnswered();
    void chunkedRequestsKeepTheConnectionUsable();
    void pipelinedBodiesAreFollowed();
    void slowClientsAreCutOffAndHoldNothing();
    void chunkedTrailersAreReadAndDropped();
    void nonReadingPipelinerIsPushedBack();
    void nonReaderIsCutOffAfterTheWriteTimeout();
    void idleConnectionsAreClosed();
    void smugglingIsRefusedAndTheConnectionClosed_data();
    void smugglingIsRefusedAndTheConnectionClosed();
    void hostIsRequired();
    void http10ClosesAfterItsAnswer();
    void refusalsCarryCorsHeaders_data();
    void refusalsCarryCorsHeaders();
    void logLinesCannotBeForged();
    void nulInParametersMatchesNothing();
    void blankTokensStopTheServer();
    void listenBacklogIsTheSystemMaximum();

private:
    QTcpSocket *connectRaw(quint16 port = 0);
    void insertTasks(int count, int descriptionLength);

    TestDatabase m_db;
    TestServer m_server;
    HttpClient m_http;
    std::vector<std::unique_ptr<QTcpSocket>> m_sockets;
};

void TestHostile::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
    QProcessEnvironment env;
    env.insert(u"REQUEST_TIMEOUT"_s, u"1"_s);
    QVERIFY2(m_server.start(m_db.url(), env), qPrintable(m_server.output()));
    m_http.setBase(m_server.url());
}

void TestHostile::init()
{
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestHostile::cleanup()
{
    m_sockets.clear();
    // Whatever came before, the server still answers and stored nothing.
    QCOMPARE(m_http.get(u"/health"_s).status, 200);
    QCOMPARE(m_http.get(u"/tasks"_s).array().size(), 0);
}

void TestHostile::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QTcpSocket *TestHostile::connectRaw(quint16 port)
{
    m_sockets.push_back(std::make_unique<QTcpSocket>());
    QTcpSocket *socket = m_sockets.back().get();
    socket->connectToHost(u"127.0.0.1"_s, port ? port : m_server.port());
    if (!socket->waitForConnected(5000))
        qWarning("cannot connect");
    return socket;
}

void TestHostile::badBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("loc");
    QTest::newRow("not json") << QByteArray("title=x") << QByteArray("application/json") << u"body"_s;
    QTest::newRow("truncated") << QByteArray(R"({"title":"x")") << QByteArray("application/json") << u"body"_s;
    QTest::newRow("array") << QByteArray("[1,2]") << QByteArray("application/json") << u"body"_s;
    QTest::newRow("number") << QByteArray("42") << QByteArray("application/json") << u"body"_s;
    QTest::newRow("null") << QByteArray("null") << QByteArray("application/json") << u"body"_s;
    QTest::newRow("deeply nested") << QByteArray(100000, '[') + QByteArray(100000, ']') << QByteArray("application/json") << u"body"_s;
    QTest::newRow("nested in a field") << QByteArray(R"({"title":)") + QByteArray(5000, '[') + QByteArray(5000, ']') + "}" << QByteArray("application/json") << u"body"_s;
    QTest::newRow("invalid utf-8") << QByteArray("{\"title\":\"\xff\xfe\xc3\"}") << QByteArray("application/json") << u"body"_s;
    QTest::newRow("lone surrogate") << QByteArray(R"({"title":"a\ud800b"})") << QByteArray("application/json") << u"body.title"_s;
    QTest::newRow("lone low surrogate") << QByteArray(R"({"title":"ok","assignee":"\udc00"})") << QByteArray("application/json") << u"body.assignee"_s;
    QTest::newRow("raw nul byte") << QByteArray("{\"title\":\"a\0b\"}", 15) << QByteArray("application/json") << u"body"_s;
    QTest::newRow("raw tab in a string") << QByteArray("{\"title\":\"a\tb\"}") << QByteArray("application/json") << u"body"_s;
    QTest::newRow("unknown escape") << QByteArray(R"({"title":"bad \x escape"})") << QByteArray("application/json") << u"body"_s;
    QTest::newRow("bare fraction") << QByteArray(R"({"title":"t","priority":.5})") << QByteArray("application/json") << u"body"_s;
    QTest::newRow("escaped nul") << QByteArray(R"({"title":"a\u0000b"})") << QByteArray("application/json") << u"body.title"_s;
    QTest::newRow("duplicate keys, last invalid") << QByteArray(R"({"title":"fine","title":""})") << QByteArray("application/json") << u"body.title"_s;
    QTest::newRow("text/plain") << QByteArray(R"({"title":"x"})") << QByteArray("text/plain") << u"body"_s;
    QTest::newRow("form") << QByteArray("title=x") << QByteArray("application/x-www-form-urlencoded") << u"body"_s;
    QTest::newRow("xml") << QByteArray("<task/>") << QByteArray("application/xml") << u"body"_s;
}

void TestHostile::badBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, loc);
    const auto reply = m_http.send("POST", u"/tasks"_s, body, {{"Content-Type", contentType}});
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    const QJsonArray l = reply.object().value(u"detail"_s).toArray().at(0).toObject().value(u"loc"_s).toArray();
    QStringList parts;
    for (const QJsonValue &part : l)
        parts.append(part.toString());
    QCOMPARE(parts.join(u'.'), loc);
    // The same bodies on an update of a real task change nothing.
    const auto created = m_http.post(u"/tasks"_s, R"({"title":"victim"})");
    const QString path = u"/tasks/"_s + created.object().value(u"id"_s).toString();
    QCOMPARE(m_http.send("PUT", path, body, {{"Content-Type", contentType}}).status, 422);
    QCOMPARE(m_http.get(path).object(), created.object());
    QCOMPARE(m_http.del(path).status, 204);
}

void TestHostile::brokenRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("not http") << QByteArray("HELLO THERE\r\n\r\n") << 400;
    QTest::newRow("tls handshake") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400;
    QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
    QTest::newRow("unknown method") << QByteArray("BREW /tasks HTTP/1.1\r\nHost: x\r\n\r\n") << 405;
    QTest::newRow("long url") << "GET /tasks?q=" + QByteArray(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n" << 414;
    QTest::newRow("long header") << "GET /tasks HTTP/1.1\r\nHost: x\r\nX-Long: " + QByteArray(100000, 'a') + "\r\n\r\n" << 431;
    QTest::newRow("many headers") << "GET /tasks HTTP/1.1\r\n" + QByteArray("X-A: b\r\n").repeated(20000) + "\r\n" << 431;
    QTest::newRow("two lengths") << QByteArray("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}") << 400;
    QTest::newRow("bad length") << QByteArray("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n") << 400;
    QTest::newRow("bad chunk size") << QByteArray("POST /tasks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n") << 400;
    QTest::newRow("chunk without its end") << QByteArray("POST /tasks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}XX\r\n") << 400;
    QTest::newRow("gzip transfer") << QByteArray("POST /tasks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
    QTest::newRow("traversal") << QByteArray("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n") << 404;
}

void TestHostile::brokenRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QTcpSocket *socket = connectRaw();
    socket->write(request);
    const RawAnswer answer = readAnswer(*socket);
    QCOMPARE(answer.status, status);
    QVERIFY2(answer.head.toLower().contains("content-type: application/json"), answer.head.constData());
    QVERIFY2(answer.body.startsWith("{\"detail\":"), answer.body.constData());
}

void TestHostile::declaredBodyTooLargeIsRefusedBeforeItIsSent()
{
    QTcpSocket *socket = connectRaw();
    socket->write("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  "Content-Length: 50000000\r\n\r\n{\"title\":\"");
    const RawAnswer answer = readAnswer(*socket);
    QCOMPARE(answer.status, 413);
    QCOMPARE(answer.body, QByteArray(R"({"detail":"Request body too large"})"));
    // Closed once the client stops sending, or when the request timeout (1 s here) ends.
    QVERIFY(answer.closed || socket->waitForDisconnected(5000));
}

void TestHostile::chunkedBodyTooLarge()
{
    QTcpSocket *socket = connectRaw();
    QByteArray request = "POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n";
    const QByteArray chunk(256 * 1024, 'a');
    for (int i = 0; i < 6; ++i)
        request += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    request += "0\r\n\r\n";
    socket->write(request);
    QCOMPARE(readAnswer(*socket).status, 413);
}

void TestHostile::expectContinueIsAnswered()
{
    QTcpSocket *socket = connectRaw();
    const QByteArray body = R"({"title":"after continue"})";
    socket->write("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                  "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
    const RawAnswer interim = readAnswer(*socket, 5000);
    QCOMPARE(interim.status, 100);
    socket->write(body);
    const RawAnswer answer = readAnswer(*socket);
    QCOMPARE(answer.status, 201);
    QVERIFY(answer.body.contains("after continue"));
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestHostile::chunkedRequestsKeepTheConnectionUsable()
{
    // Two chunked creates and a plain GET on one connection, longer than the 1 s request
    // timeout in all: each request is timed on its own, and all three are answered.
    QTcpSocket *socket = connectRaw();
    for (int i = 0; i < 2; ++i) {
        socket->write("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"tit\r\n");
        socket->flush(); // the first part on its own, if the network allows
        socket->write("d;ext=1\r\nle\":\"chunky\"}\r\n0\r\n\r\n");
        QCOMPARE(readAnswer(*socket).status, 201);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(u"/tasks"_s).array().size(), 2, 1500);
    // Idle for longer than the request timeout: an idle connection is not a slow request.
    QTest::qWait(1200);
    socket->write("GET /tasks HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawAnswer answer = readAnswer(*socket);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("chunky"));
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestHostile::pipelinedBodiesAreFollowed()
{
    // Qt's parser stops at the end of each message and leaves the rest in the buffer; the
    // listener must not read those bytes twice (a body taken for a request head, say).
    QTcpSocket *socket = connectRaw();
    QByteArray requests;
    for (int i = 0; i < 3; ++i) {
        const QByteArray body = R"({"title":"piped )" + QByteArray::number(i) + R"(\r\n\r\nGET / HTTP/1.1"})";
        requests += "POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    requests += "GET /tasks?sort=title HTTP/1.1\r\nHost: x\r\n\r\n";
    socket->write(requests);
    QByteArray received;
    const QDeadlineTimer deadline(10000);
    while (!received.contains("HTTP/1.1 200 OK") || !received.endsWith("]")) {
        QVERIFY2(!deadline.hasExpired(), received.constData());
        socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        received += socket->readAll();
    }
    QCOMPARE(received.count("HTTP/1.1 201 Created"), 3);
    const QByteArray list = received.mid(received.indexOf("\r\n\r\n", received.indexOf("HTTP/1.1 200 OK")) + 4);
    QCOMPARE(QJsonDocument::fromJson(list).array().size(), 3);
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestHostile::slowClientsAreCutOffAndHoldNothing()
{
    // Fifty clients that start a request and never finish it (REQUEST_TIMEOUT=1 here).
    QList<QTcpSocket *> slow;
    for (int i = 0; i < 50; ++i) {
        QTcpSocket *socket = connectRaw();
        socket->write(i % 2 ? QByteArray("GET /tasks HTTP/1.1\r\nHost: x\r\n")
                            : QByteArray("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"ti"));
        socket->flush();
        slow.append(socket);
    }
    // Meanwhile everyone else is served at once: no worker is held by them.
    for (int i = 0; i < 20; ++i)
        QCOMPARE(m_http.get(u"/tasks"_s).status, 200);
    for (QTcpSocket *socket : slow) {
        const RawAnswer answer = readAnswer(*socket, 10000);
        QCOMPARE(answer.status, 408);
        QVERIFY(answer.closed);
    }
}

void TestHostile::insertTasks(int count, int descriptionLength)
{
    // Straight into the table, as another program would: a big list in a second.
    for (int first = 0; first < count; first += 500) {
        QStringList rows;
        for (int i = first; i < qMin(count, first + 500); ++i) {
            rows.append(u"('%1', 'bulk %2', '%3', 'TODO', 'MEDIUM', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"_s
                            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)).arg(i)
                            .arg(QString(descriptionLength, u'x')));
        }
        QString error;
        QVERIFY2(m_db.exec(u"INSERT INTO tasks (id, title, description, status, priority, created_at, "
                           "updated_at) VALUES "_s + rows.join(u", "_s), &error),
                 qPrintable(error.left(300)));
    }
}

void TestHostile::chunkedTrailersAreReadAndDropped()
{
    QTcpSocket *socket = connectRaw();
    socket->write("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n11\r\n{\"title\":\"trail\"}\r\n0\r\nX-Checksum: abc\r\n\r\n");
    QCOMPARE(readAnswer(*socket).status, 201);
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestHostile::nonReadingPipelinerIsPushedBack()
{
    // About 1.2 MB a list. A client pipelines 300 of them and never reads: the server must stop
    // reading it once an answer waits, instead of computing and holding 300 answers.
    insertTasks(3000, 400);
    const qsizetype logBefore = m_server.output().size();
    QTcpSocket *greedy = connectRaw();
    greedy->setReadBufferSize(1); // Qt reads for it only this much
    greedy->write(QByteArray("GET /tasks HTTP/1.1\r\nHost: x\r\n\r\n").repeated(300));
    greedy->flush();
    const qint64 before = m_server.residentKiB();
    // Meanwhile another client is answered as usual, for long enough that a server reading on
    // would have answered dozens of those lists (each takes a few ms here).
    for (int i = 0; i < 100; ++i)
        QCOMPARE(m_http.get(u"/tasks?limit=50"_s).status, 200);
    const QString log = m_server.output().mid(logBefore);
    const qsizetype listsAnswered = log.count(u"GET /tasks 200"_s);
    // The system's socket buffers take a few answers (several MB on loopback), no more.
    QVERIFY2(listsAnswered <= 16, qPrintable(u"%1 whole lists answered to a client that reads nothing"_s.arg(listsAnswered)));
    const qint64 after = m_server.residentKiB();
    qInfo("%lld whole lists answered; the server grew by %lld KiB", qint64(listsAnswered), after - before);
    if (before > 0) // Linux
        QVERIFY2(after - before < 64 * 1024, qPrintable(u"grew by %1 KiB"_s.arg(after - before)));
    greedy->abort();
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestHostile::nonReaderIsCutOffAfterTheWriteTimeout()
{
    insertTasks(2000, 400);
    TestServer strict;
    QProcessEnvironment env;
    env.insert(u"WRITE_TIMEOUT"_s, u"1"_s);
    QVERIFY2(strict.start(m_db.url(), env), qPrintable(strict.output()));
    QTcpSocket *greedy = connectRaw(strict.port());
    greedy->setReadBufferSize(1);
    greedy->write(QByteArray("GET /tasks HTTP/1.1\r\nHost: x\r\n\r\n").repeated(20));
    QTRY_VERIFY_WITH_TIMEOUT(strict.output().contains(u"took none of its answer"_s), 15000);
    // Reading now finds the end of the connection after what the system had taken.
    greedy->setReadBufferSize(0);
    const QDeadlineTimer deadline(15000);
    while (greedy->state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired()) {
        greedy->readAll();
        greedy->waitForReadyRead(100);
    }
    QCOMPARE(greedy->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(strict.stop(), 0);
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestHostile::idleConnectionsAreClosed()
{
    TestServer brief;
    QProcessEnvironment env;
    env.insert(u"KEEPALIVE_TIMEOUT"_s, u"1"_s);
    QVERIFY2(brief.start(m_db.url(), env), qPrintable(brief.output()));
    QTcpSocket *used = connectRaw(brief.port());
    used->write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(readAnswer(*used).status, 200);
    QTcpSocket *silent = connectRaw(brief.port());
    QVERIFY(used->state() == QAbstractSocket::ConnectedState || used->waitForDisconnected(10000));
    QVERIFY(silent->waitForDisconnected(10000));
    QVERIFY(used->state() == QAbstractSocket::UnconnectedState || used->waitForDisconnected(10000));
    QCOMPARE(brief.stop(), 0);
}

void TestHostile::smugglingIsRefusedAndTheConnectionClosed_data()
{
    QTest::addColumn<QByteArray>("head");
    const QByteArray hidden = "POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              "Content-Length: 21\r\n\r\n{\"title\":\"smuggled\"}";
    QTest::newRow("length then chunked") << "POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Length: "
            + QByteArray::number(5 + hidden.size()) + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hidden;
    QTest::newRow("chunked then length") << "POST /tasks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: "
            + QByteArray::number(5 + hidden.size()) + "\r\n\r\n0\r\n\r\n" + hidden;
    QTest::newRow("folded transfer-encoding") << "POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Length: "
            + QByteArray::number(5 + hidden.size()) + "\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n" + hidden;
    QTest::newRow("space before colon") << "POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Length : 2\r\n\r\n{}" + hidden;
    QTest::newRow("plus sign") << "POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n{}" + hidden;
}

void TestHostile::smugglingIsRefusedAndTheConnectionClosed()
{
    QFETCH(QByteArray, head);
    QTcpSocket *socket = connectRaw();
    socket->write(head);
    const RawAnswer answer = readAnswer(*socket);
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.head.contains("Connection: close"));
    QVERIFY(answer.closed || socket->waitForDisconnected(5000));
    // Nothing of it ran: cleanup() checks that no task exists.
}

void TestHostile::hostIsRequired()
{
    for (const QByteArray &request : {QByteArray("GET /tasks HTTP/1.1\r\n\r\n"),
                                      QByteArray("GET /tasks HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")}) {
        QTcpSocket *socket = connectRaw();
        socket->write(request);
        const RawAnswer answer = readAnswer(*socket);
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.closed || socket->waitForDisconnected(5000));
    }
}

void TestHostile::http10ClosesAfterItsAnswer()
{
    QTcpSocket *once = connectRaw();
    once->write("GET /health HTTP/1.0\r\n\r\n");
    const RawAnswer answer = readAnswer(*once);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.closed || once->waitForDisconnected(5000));
    QTcpSocket *kept = connectRaw();
    for (int i = 0; i < 2; ++i) {
        kept->write("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        const RawAnswer again = readAnswer(*kept);
        QCOMPARE(again.status, 200);
        QVERIFY(again.head.contains("Connection: keep-alive"));
    }
}

void TestHostile::refusalsCarryCorsHeaders_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray origin = "Origin: http://localhost:5173\r\n";
    QTest::newRow("413") << "POST /tasks HTTP/1.1\r\nHost: x\r\n" + origin + "Content-Length: 50000000\r\n\r\n" << 413;
    QTest::newRow("414") << "GET /tasks?q=" + QByteArray(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n" + origin + "\r\n" << 414;
    QTest::newRow("431") << "GET /tasks HTTP/1.1\r\nHost: x\r\n" + origin + "X-Long: " + QByteArray(70000, 'a') + "\r\n\r\n" << 431;
    QTest::newRow("400") << "GET /tasks HTTP/1.1\r\n" + origin + "Content-Length: +1\r\n\r\n" << 400;
    QTest::newRow("408") << "GET /tasks HTTP/1.1\r\nHost: x\r\n" + origin << 408; // never finished
}

void TestHostile::refusalsCarryCorsHeaders()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QTcpSocket *socket = connectRaw();
    socket->write(request);
    const RawAnswer answer = readAnswer(*socket);
    QCOMPARE(answer.status, status);
    QVERIFY2(answer.head.contains("Access-Control-Allow-Origin: http://localhost:5173"), answer.head.constData());
    QVERIFY(answer.head.contains("Vary: Origin"));
    QVERIFY(answer.body.startsWith("{\"detail\":"));
}

void TestHostile::logLinesCannotBeForged()
{
    const QString forged = u"/tasks/abc%0D%0A2026-01-01T00:00:00.000%20taskflow.access%20info:%20FAKE%1B%5B31m"_s;
    QCOMPARE(m_http.get(forged).status, 404);
    QTcpSocket *raw = connectRaw();
    raw->write("GET /tasks/\x1b[31mred\xc2\x9b HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(readAnswer(*raw).status, 400);
    QCOMPARE(m_http.get(u"/health"_s).status, 200); // the log lines above are out
    const QString log = m_server.output();
    QVERIFY2(!log.contains(QChar(0x1b)) && !log.contains(QChar(0x9b)), "an escape reached the log");
    for (const QString &line : log.split(u'\n')) {
        if (line.contains(u"FAKE"_s))
            QVERIFY2(line.contains(u"GET /tasks/abc%0D%0A"_s), qPrintable(line));
    }
}

void TestHostile::nulInParametersMatchesNothing()
{
    for (const QString &path : {u"/tasks?q=%00"_s, u"/tasks?assignee=a%00"_s, u"/tasks/stats?q=%00"_s}) {
        const auto reply = m_http.get(path);
        QCOMPARE(reply.status, 422);
        const QJsonArray loc = reply.object().value(u"detail"_s).toArray().at(0).toObject().value(u"loc"_s).toArray();
        QCOMPARE(loc.at(0).toString(), u"query"_s);
    }
    for (const QByteArray method : {"GET", "PUT", "PATCH", "DELETE"}) {
        const auto reply = m_http.send(method, u"/tasks/a%00b"_s, method == "GET" || method == "DELETE" ? QByteArray() : QByteArray(R"({"title":"t"})"),
                                       {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.object().value(u"detail"_s).toString(), u"Task not found"_s);
    }
    QVERIFY2(!m_server.output().contains(u"critical"_s), qPrintable(m_server.output().right(2000)));
}

void TestHostile::blankTokensStopTheServer()
{
    QProcessEnvironment env;
    env.insert(u"DATABASE_URL"_s, m_db.url());
    env.insert(u"PORT"_s, u"0"_s);
    env.insert(u"API_TOKEN"_s, u"   "_s);
    const ProcessRun blank = runServerToExit({}, env);
    QCOMPARE(blank.exitCode, 2);
    QVERIFY2(blank.output.contains(u"API_TOKEN"_s), qPrintable(blank.output));
    QCOMPARE(blank.output.trimmed().count(u'\n'), 0);

    QTemporaryDir dir;
    QFile empty(dir.filePath(u"tokens"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.write("# no tokens yet\n");
    empty.close();
    env.remove(u"API_TOKEN"_s);
    env.insert(u"API_TOKENS_FILE"_s, empty.fileName());
    const ProcessRun none = runServerToExit({}, env);
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.output.contains(u"API_TOKENS_FILE"_s), qPrintable(none.output));
}

void TestHostile::listenBacklogIsTheSystemMaximum()
{
    QFile somaxconn(u"/proc/sys/net/core/somaxconn"_s);
    if (!somaxconn.open(QIODevice::ReadOnly)) {
#ifdef Q_OS_LINUX
        QFAIL("cannot read /proc/sys/net/core/somaxconn");
#else
        QSKIP("Linux only: the backlog is read with ss");
#endif
    }
    const int maximum = somaxconn.readAll().trimmed().toInt();
    QProcess ss;
    ss.start(u"ss"_s, {u"-ltnH"_s, u"sport = :%1"_s.arg(m_server.port())});
    QVERIFY2(ss.waitForFinished(10000) && ss.exitCode() == 0, "ss (iproute2) is needed");
    // Listening sockets show their backlog in the Send-Q column.
    const QList<QByteArray> columns = ss.readAll().simplified().split(' ');
    QVERIFY2(columns.size() >= 3, "no listening socket found");
    QCOMPARE(columns.at(2).toInt(), maximum);
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
