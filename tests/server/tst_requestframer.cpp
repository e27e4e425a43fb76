// RequestFramer on bytes alone: what it takes as a request, how it normalizes it for Qt
// HttpServer, and every malformed or ambiguous framing it refuses (RFC 9112), whatever the
// packets the bytes come in.
#include <taskflow/server/requestframer.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

RequestFramer::Limits testLimits()
{
    RequestFramer::Limits limits;
    limits.maxHeadBytes = 4096;
    limits.maxUrlBytes = 1024;
    limits.maxBodyBytes = 1000;
    return limits;
}

struct Framed
{
    QList<RequestFramer::Request> requests;
    RequestFramer::State state = RequestFramer::State::Idle;
    RequestFramer::Refusal refusal;
    bool continueAsked = false;
};

// Feeds `bytes` in packets of `packet` bytes (0: all at once), taking each complete request.
Framed frameAll(const QByteArray &bytes, qsizetype packet = 0)
{
    RequestFramer framer(testLimits());
    Framed framed;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype size = packet > 0 ? qMin(packet, bytes.size() - pos) : bytes.size() - pos;
        qsizetype offset = 0;
        while (offset < size) {
            offset += framer.feed(bytes.constData() + pos + offset, size - offset);
            framed.continueAsked |= framer.takeContinueRequest();
            if (framer.state() == RequestFramer::State::Complete) {
                framed.requests.append(framer.takeRequest());
            } else if (framer.state() == RequestFramer::State::Refused) {
                framed.state = RequestFramer::State::Refused;
                framed.refusal = framer.refusal();
                return framed;
            } else {
                break;
            }
        }
        pos += size;
    }
    framed.state = framer.state();
    return framed;
}

} // namespace

class TestRequestFramer : public QObject
{
    Q_OBJECT

private slots:
    void simpleGet();
    void keepAlive_data();
    void keepAlive();
    void contentLengthBody();
    void chunkedBodyIsDechunked();
    void pipelinedRequests();
    void absoluteFormBecomesOriginForm();
    void expectContinue();
    void lineEndingsAndLeadingBlankLines();
    void refusals_data();
    void refusals();
    void declaredBodyOverTheLimitIsDiscarded();
    void packetsDoNotChangeTheOutcome_data();
    void packetsDoNotChangeTheOutcome();
    void nothingIsTakenAfterARefusal();
    void overLimitHeadIsReadForItsOrigin();
    void expiry();
};

void TestRequestFramer::simpleGet()
{
    const Framed framed = frameAll("GET /tasks?q=a%20b HTTP/1.1\r\nHost: localhost:8000\r\nAccept: */*\r\n\r\n");
    QCOMPARE(framed.requests.size(), 1);
    const RequestFramer::Request &request = framed.requests.first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/tasks?q=a%20b"));
    QCOMPARE(request.minorVersion, 1);
    QVERIFY(request.keepAlive);
    QCOMPARE(request.normalized, QByteArray("GET /tasks?q=a%20b HTTP/1.1\r\nHost: localhost:8000\r\nAccept: */*\r\n\r\n"));
    QCOMPARE(framed.state, RequestFramer::State::Idle);
}

void TestRequestFramer::keepAlive_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") << false;
    QTest::newRow("1.1 close in a list") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: TE, Close\r\n\r\n") << false;
    QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void TestRequestFramer::keepAlive()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, keepAlive);
    const Framed framed = frameAll(head);
    QCOMPARE(framed.requests.size(), 1);
    QCOMPARE(framed.requests.first().keepAlive, keepAlive);
    // The connection decides about closing: Qt HttpServer's parser does not see Connection.
    QVERIFY(!framed.requests.first().normalized.toLower().contains("connection:"));
}

void TestRequestFramer::contentLengthBody()
{
    const QByteArray body = R"({"title":"x"})";
    const Framed framed = frameAll("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   "Content-Length:  " + QByteArray::number(body.size()) + " \r\n\r\n" + body);
    QCOMPARE(framed.requests.size(), 1);
    QCOMPARE(framed.requests.first().body, body);
    QCOMPARE(framed.requests.first().normalized,
             "POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

void TestRequestFramer::chunkedBodyIsDechunked()
{
    const Framed framed = frameAll("POST /tasks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "5;name=value\r\n{\"tit\r\nB\r\nle\":\"done\"}\r\n0\r\nX-Trailer: dropped\r\n\r\n");
    QCOMPARE(framed.requests.size(), 1);
    const RequestFramer::Request &request = framed.requests.first();
    QCOMPARE(request.body, QByteArray(R"({"title":"done"})"));
    // Qt's parser reads one framing only: the exact length, no chunks, no trailer.
    QCOMPARE(request.normalized, QByteArray("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Length: 16\r\n\r\n{\"title\":\"done\"}"));
}

void TestRequestFramer::pipelinedRequests()
{
    RequestFramer framer(testLimits());
    const QByteArray bytes = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}GET /c";
    qsizetype pos = framer.feed(bytes.constData(), bytes.size());
    QCOMPARE(framer.state(), RequestFramer::State::Complete);
    QCOMPARE(pos, bytes.indexOf("POST")); // the next request is left for later
    QCOMPARE(framer.takeRequest().target, QByteArray("/a"));
    pos += framer.feed(bytes.constData() + pos, bytes.size() - pos);
    QCOMPARE(framer.state(), RequestFramer::State::Complete);
    const RequestFramer::Request second = framer.takeRequest();
    QCOMPARE(second.target, QByteArray("/b"));
    QCOMPARE(second.body, QByteArray("{}"));
    pos += framer.feed(bytes.constData() + pos, bytes.size() - pos);
    QCOMPARE(pos, bytes.size());
    QCOMPARE(framer.state(), RequestFramer::State::Head);
    QVERIFY(framer.hasStarted());
}

void TestRequestFramer::absoluteFormBecomesOriginForm()
{
    const Framed framed = frameAll("GET http://example.com:8000/tasks?status=todo HTTP/1.1\r\nHost: example.com:8000\r\n\r\n");
    QCOMPARE(framed.requests.size(), 1);
    QCOMPARE(framed.requests.first().target, QByteArray("http://example.com:8000/tasks?status=todo"));
    QVERIFY(framed.requests.first().normalized.startsWith("GET /tasks?status=todo HTTP/1.1\r\n"));
    const Framed bare = frameAll("GET http://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n");
    QVERIFY(bare.requests.first().normalized.startsWith("GET / HTTP/1.1\r\n"));
}

void TestRequestFramer::expectContinue()
{
    RequestFramer framer(testLimits());
    const QByteArray head = "PUT /tasks/1 HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n";
    QCOMPARE(framer.feed(head.constData(), head.size()), head.size());
    QVERIFY(framer.takeContinueRequest());
    QVERIFY(!framer.takeContinueRequest()); // once
    framer.feed("{}", 2);
    QCOMPARE(framer.state(), RequestFramer::State::Complete);
    QVERIFY(!framer.takeRequest().normalized.toLower().contains("expect"));

    // The body came with the head: nothing to continue.
    QVERIFY(!frameAll(head + "{}").continueAsked);
    QCOMPARE(frameAll("PUT / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n").requests.size(), 1);
}

void TestRequestFramer::lineEndingsAndLeadingBlankLines()
{
    // Bare LF ends a line (RFC 9112, 2.2 allows it), and blank lines before a request are skipped.
    const Framed framed = frameAll("\r\n\r\nGET /a HTTP/1.1\nHost: x\n\n\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(framed.requests.size(), 2);
    QCOMPARE(framed.requests[0].target, QByteArray("/a"));
    QCOMPARE(framed.requests[1].target, QByteArray("/b"));
}

void TestRequestFramer::refusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    const QByteArray post = "POST /tasks HTTP/1.1\r\nHost: x\r\n";
    // Request smuggling: two framings, or one a proxy could read differently.
    QTest::newRow("length and chunked") << post + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" << 400;
    QTest::newRow("chunked and length") << post + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n" << 400;
    QTest::newRow("folded transfer-encoding") << post + "Content-Length: 3\r\nTransfer-Encoding:\r\n chunked\r\n\r\n" << 400;
    QTest::newRow("folded any field") << post + "X-A: b\r\n c\r\n\r\n" << 400;
    QTest::newRow("space before colon") << post + "Content-Length : 2\r\n\r\n{}" << 400;
    QTest::newRow("plus sign") << post + "Content-Length: +2\r\n\r\n{}" << 400;
    QTest::newRow("negative length") << post + "Content-Length: -2\r\n\r\n" << 400;
    QTest::newRow("hex length") << post + "Content-Length: 0x2\r\n\r\n{}" << 400;
    QTest::newRow("list of lengths") << post + "Content-Length: 2, 2\r\n\r\n{}" << 400;
    QTest::newRow("two lengths") << post + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}" << 400;
    QTest::newRow("empty length") << post + "Content-Length:\r\n\r\n" << 400;
    QTest::newRow("two transfer-encodings") << post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" << 501;
    QTest::newRow("gzip") << post + "Transfer-Encoding: gzip, chunked\r\n\r\n" << 501;
    QTest::newRow("chunked in 1.0") << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400;
    QTest::newRow("bad chunk size") << post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" << 400;
    QTest::newRow("chunk size with sign") << post + "Transfer-Encoding: chunked\r\n\r\n+2\r\n{}\r\n0\r\n\r\n" << 400;
    QTest::newRow("chunk overrun") << post + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX\r\n" << 400;
    QTest::newRow("huge chunk size") << post + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n" << 413;
    QTest::newRow("chunked over the limit") << post + "Transfer-Encoding: chunked\r\n\r\n3e9\r\n" << 413;
    // Host (RFC 9112, 3.2).
    QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
    QTest::newRow("two hosts in 1.0") << QByteArray("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
    QTest::newRow("bad host") << QByteArray("GET / HTTP/1.1\r\nHost: a b/c\r\n\r\n") << 400;
    // Field values and the request line.
    QTest::newRow("nul in a value") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 35) << 400;
    QTest::newRow("cr in a value") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n") << 400;
    QTest::newRow("escape in a value") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: \x1b[31m\r\n\r\n") << 400;
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nnonsense\r\n\r\n") << 400;
    QTest::newRow("tab in target") << QByteArray("GET /a\tb HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("relative target") << QByteArray("GET tasks HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("asterisk without options") << QByteArray("GET * HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("http/2") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
    QTest::newRow("http/1.2") << QByteArray("GET / HTTP/1.2\r\nHost: x\r\n\r\n") << 505;
    QTest::newRow("tls") << QByteArray("\x16\x03\x01\x02\x00", 5) << 400;
    QTest::newRow("expectation") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n") << 417;
    // Limits.
    QTest::newRow("long target") << "GET /" + QByteArray(2000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n" << 414;
    QTest::newRow("endless request line") << "GET /" + QByteArray(20000, 'a') << 414;
    QTest::newRow("long field") << "GET / HTTP/1.1\r\nHost: x\r\nX-A: " + QByteArray(5000, 'a') + "\r\n\r\n" << 431;
    QTest::newRow("many fields") << "GET / HTTP/1.1\r\nHost: x\r\n" + QByteArray("X-A: b\r\n").repeated(600) + "\r\n" << 431;
    QTest::newRow("endless fields") << "GET / HTTP/1.1\r\nHost: x\r\n" + QByteArray("X-A: b\r\n").repeated(3000) << 431;
    QTest::newRow("long trailers") << post + "Transfer-Encoding: chunked\r\n\r\n0\r\n" + QByteArray("X-A: b\r\n").repeated(600) << 431;
}

void TestRequestFramer::refusals()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    for (const qsizetype packet : {qsizetype(0), qsizetype(1), qsizetype(7)}) {
        const Framed framed = frameAll(bytes, packet);
        QCOMPARE(framed.state, RequestFramer::State::Refused);
        QCOMPARE(framed.refusal.status, status);
        QVERIFY(!framed.refusal.detail.isEmpty());
        QVERIFY(framed.requests.isEmpty());
    }
}

void TestRequestFramer::declaredBodyOverTheLimitIsDiscarded()
{
    const Framed framed = frameAll("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n");
    QCOMPARE(framed.refusal.status, 413);
    QCOMPARE(framed.refusal.discardBytes, 5000); // read and dropped, so the client reads the 413
    const Framed huge = frameAll("POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n");
    QCOMPARE(huge.refusal.status, 413);
    QVERIFY(huge.refusal.discardBytes <= 8 * 1024 * 1024);
}

void TestRequestFramer::packetsDoNotChangeTheOutcome_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("pipelined") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nabcdGET /c HTTP/1.0\r\n\r\n");
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n1;x=y\r\nd\r\n0\r\nT: v\r\n\r\n");
}

void TestRequestFramer::packetsDoNotChangeTheOutcome()
{
    QFETCH(QByteArray, bytes);
    const Framed whole = frameAll(bytes);
    QVERIFY(!whole.requests.isEmpty());
    for (qsizetype packet = 1; packet < 12; ++packet) {
        const Framed framed = frameAll(bytes, packet);
        QCOMPARE(framed.requests.size(), whole.requests.size());
        for (qsizetype i = 0; i < whole.requests.size(); ++i) {
            QCOMPARE(framed.requests[i].normalized, whole.requests[i].normalized);
            QCOMPARE(framed.requests[i].body, whole.requests[i].body);
        }
    }
}

void TestRequestFramer::nothingIsTakenAfterARefusal()
{
    RequestFramer framer(testLimits());
    const QByteArray bytes = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\nGET /hidden HTTP/1.1\r\nHost: x\r\n\r\n";
    const qsizetype taken = framer.feed(bytes.constData(), bytes.size());
    QCOMPARE(framer.state(), RequestFramer::State::Refused);
    QVERIFY(taken <= bytes.indexOf("GET /hidden"));
    QCOMPARE(framer.feed(bytes.constData() + taken, bytes.size() - taken), 0);
    QCOMPARE(framer.state(), RequestFramer::State::Refused);
}

void TestRequestFramer::overLimitHeadIsReadForItsOrigin()
{
    // A head over a limit is read past (not kept) to its end, so the refusal can carry CORS.
    const Framed framed = frameAll("GET /" + QByteArray(2000, 'a') + " HTTP/1.1\r\nHost: x\r\n"
                                   "Origin: http://localhost:5173\r\nX-Big: " + QByteArray(5000, 'b') + "\r\n\r\n");
    QCOMPARE(framed.refusal.status, 414); // the first limit crossed decides
    RequestFramer framer(testLimits());
    const QByteArray bytes = "GET /" + QByteArray(2000, 'a') + " HTTP/1.1\r\nOrigin: http://localhost:5173\r\n\r\n";
    framer.feed(bytes.constData(), bytes.size());
    QCOMPARE(framer.state(), RequestFramer::State::Refused);
    QCOMPARE(framer.partial().method, QByteArray("GET"));
    QCOMPARE(framer.partial().headers, (HttpHeaders{{"Origin", "http://localhost:5173"}}));
}

void TestRequestFramer::expiry()
{
    RequestFramer partial(testLimits());
    partial.feed("GET / HTTP/1.1\r\nHost", 21);
    partial.expire();
    QCOMPARE(partial.state(), RequestFramer::State::Refused);
    QCOMPARE(partial.refusal().status, 408);
    // A refusal already due is the one given when time runs out.
    RequestFramer longUrl(testLimits());
    const QByteArray bytes = "GET /" + QByteArray(2000, 'a') + " HTTP/1.1\r\nHost: x\r\n";
    longUrl.feed(bytes.constData(), bytes.size());
    QCOMPARE(longUrl.state(), RequestFramer::State::Head);
    longUrl.expire();
    QCOMPARE(longUrl.refusal().status, 414);
}

QTEST_GUILESS_MAIN(TestRequestFramer)
#include "tst_requestframer.moc"
