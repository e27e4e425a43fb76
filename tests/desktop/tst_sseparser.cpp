// SseParser: the text/event-stream format as API.md's live changes use it, fed in pieces of
// every size, with every line ending.

#include <taskflow/desktop/sseparser.h>

#include <QtTest>

using namespace taskflow;

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void oneEvent()
    {
        SseParser parser;
        const auto events = parser.feed("id: 41\nevent: task.updated\ndata: {\"task\":{}}\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].id, QByteArray("41"));
        QCOMPARE(events[0].type, QByteArray("task.updated"));
        QCOMPARE(events[0].data, QByteArray("{\"task\":{}}"));
        QCOMPARE(parser.lastEventId(), QByteArray("41"));
    }

    void piecesOfAnySize_data()
    {
        QTest::addColumn<QByteArray>("ending");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("CR") << QByteArray("\r");
    }

    void piecesOfAnySize()
    {
        QFETCH(QByteArray, ending);
        QByteArray stream = ": keep-alive" + ending + "id: 1" + ending + "event: task.created" + ending
            + "data: {\"a\":" + ending + "data: 1}" + ending + ending + ": keep-alive" + ending
            + "id: 2" + ending + "event: reset" + ending + ending;
        for (int size = 1; size <= stream.size(); ++size) {
            SseParser parser;
            QList<SseEvent> events;
            for (int at = 0; at < stream.size(); at += size)
                events += parser.feed(stream.mid(at, size));
            QCOMPARE(events.size(), 2);
            QCOMPARE(events[0].type, QByteArray("task.created"));
            QCOMPARE(events[0].data, QByteArray("{\"a\":\n1}")); // data lines joined by LF
            QCOMPARE(events[0].id, QByteArray("1"));
            QCOMPARE(events[1].type, QByteArray("reset")); // dispatched without data
            QCOMPARE(events[1].data, QByteArray());
            QCOMPARE(parser.lastEventId(), QByteArray("2"));
            QCOMPARE(parser.commentCount(), 2);
        }
    }

    void commentsAndUnknownFieldsDispatchNothing()
    {
        SseParser parser;
        QVERIFY(parser.feed(": keep-alive\n\nretry: 100\n\nfoo: bar\n\n").isEmpty());
        QCOMPARE(parser.commentCount(), 1);
    }

    void dataWithoutTypeIsAMessage()
    {
        SseParser parser;
        const auto events = parser.feed("data:no space\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].type, QByteArray("message"));
        QCOMPARE(events[0].data, QByteArray("no space"));
    }

    void idIsKeptAcrossEventsAndAPartialEventIsDropped()
    {
        SseParser parser;
        parser.feed("id: 7\nevent: task.deleted\ndata: {}\n\n");
        QCOMPARE(parser.feed("event: task.updated\ndata: {\"half\"").size(), 0);
        parser.resetPartial(); // the connection dropped in the middle
        const auto events = parser.feed("event: task.created\ndata: {}\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].type, QByteArray("task.created"));
        QCOMPARE(events[0].id, QByteArray("7"));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
