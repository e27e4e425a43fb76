// QuickAdd: the quick-add line's markers in English and French, and the titles that only
// look like they hold one.

#include <taskflow/desktop/quickaddparser.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

// Wednesday 2 December 2026, 10:00 local time.
const QDateTime now(QDate(2026, 12, 2), QTime(10, 0));

QDate localDue(const QuickAdd &parsed)
{
    return parsed.dueDate ? parsed.dueDate->toLocalTime().date() : QDate();
}

} // namespace

class TestQuickAddParser : public QObject
{
    Q_OBJECT

private slots:
    void markers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("priority"); // -1: none
        QTest::addColumn<QString>("assignee");
        QTest::addColumn<QDate>("due");

        const int none = -1;
        QTest::newRow("plain") << u"Buy milk"_s << u"Buy milk"_s << none << QString() << QDate();
        QTest::newRow("all") << u"Call Ann tomorrow !high @ann"_s << u"Call Ann"_s << int(TaskPriority::High)
                             << u"ann"_s << QDate(2026, 12, 3);
        QTest::newRow("today") << u"Pay rent today"_s << u"Pay rent"_s << none << QString() << QDate(2026, 12, 2);
        QTest::newRow("demain") << u"Réunion équipe demain !haute"_s << u"Réunion équipe"_s
                                << int(TaskPriority::High) << QString() << QDate(2026, 12, 3);
        QTest::newRow("aujourd'hui") << u"Appeler Léa aujourd'hui @léa"_s << u"Appeler Léa"_s << none
                                     << u"léa"_s << QDate(2026, 12, 2);
        QTest::newRow("aujourd’hui typographic") << u"Payer aujourd’hui"_s << u"Payer"_s << none << QString()
                                                 << QDate(2026, 12, 2);
        QTest::newRow("weekday ahead") << u"Ship it friday"_s << u"Ship it"_s << none << QString()
                                       << QDate(2026, 12, 4);
        QTest::newRow("same weekday is next week") << u"Standup wednesday"_s << u"Standup"_s << none
                                                   << QString() << QDate(2026, 12, 9);
        QTest::newRow("lundi") << u"Rapport lundi !basse"_s << u"Rapport"_s << int(TaskPriority::Low)
                               << QString() << QDate(2026, 12, 7);
        QTest::newRow("case") << u"Review TOMORROW !LOW"_s << u"Review"_s << int(TaskPriority::Low)
                              << QString() << QDate(2026, 12, 3);
        QTest::newRow("e-mail stays") << u"Write to bob@example.com"_s << u"Write to bob@example.com"_s
                                      << none << QString() << QDate();
        QTest::newRow("exclamation stays") << u"Ship it!"_s << u"Ship it!"_s << none << QString() << QDate();
        QTest::newRow("bang word stays") << u"Fix !important bug"_s << u"Fix !important bug"_s << none
                                         << QString() << QDate();
        QTest::newRow("lone @ and !") << u"Meet @ noon ! ok"_s << u"Meet @ noon ! ok"_s << none << QString()
                                      << QDate();
        QTest::newRow("possessive stays") << u"Prepare tomorrow's talk"_s << u"Prepare tomorrow's talk"_s
                                          << none << QString() << QDate();
        QTest::newRow("escaped") << u"Read \\today newspaper"_s << u"Read today newspaper"_s << none
                                 << QString() << QDate();
        QTest::newRow("last date wins") << u"Move friday meeting monday"_s << u"Move friday meeting"_s << none
                                        << QString() << QDate(2026, 12, 7);
        QTest::newRow("@ with punctuation stays") << u"Ping @team!"_s << u"Ping @team!"_s << none
                                                  << QString() << QDate();
    }

    void markers()
    {
        QFETCH(QString, text);
        QFETCH(QString, title);
        QFETCH(int, priority);
        QFETCH(QString, assignee);
        QFETCH(QDate, due);
        const QuickAdd parsed = QuickAdd::parse(text, now);
        QCOMPARE(parsed.title, title);
        QCOMPARE(parsed.priority ? int(*parsed.priority) : -1, priority);
        QCOMPARE(parsed.assignee.value_or(QString()), assignee);
        QCOMPARE(localDue(parsed), due);
        if (parsed.dueDate)
            QCOMPARE(parsed.dueDate->toLocalTime().time(), QTime(23, 59)); // the end of that day
    }

    void changesCarryOnlyWhatWasGiven()
    {
        const TaskChanges plain = QuickAdd::parse(u"Buy milk"_s, now).toChanges();
        QCOMPARE(plain.title, std::optional(u"Buy milk"_s));
        QVERIFY(!plain.priority && !plain.assignee && !plain.dueDate && !plain.status);
        QVERIFY(plain.validate(TaskChanges::Mode::Create).isEmpty());

        const TaskChanges full = QuickAdd::parse(u"Call Ann tomorrow !high @ann"_s, now).toChanges();
        QCOMPARE(full.priority, std::optional(TaskPriority::High));
        QVERIFY(full.assignee && *full.assignee == std::optional(u"ann"_s));
        QVERIFY(full.dueDate && full.dueDate->has_value());
    }

    void onlyMarkersIsNoTask()
    {
        QVERIFY(QuickAdd::parse(u"!high @ann tomorrow"_s, now).isEmpty());
        QVERIFY(QuickAdd::parse(u"   "_s, now).isEmpty());
    }

    void describeShowsTheParse()
    {
        const QString text = QuickAdd::parse(u"Call Ann tomorrow !high @ann"_s, now).describe();
        QVERIFY2(text.contains(u"“Call Ann”"_s), qPrintable(text));
        QVERIFY2(text.contains(u"High"_s), qPrintable(text));
        QVERIFY2(text.contains(u"ann"_s), qPrintable(text));
        QVERIFY2(text.contains(u"due"_s), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestQuickAddParser)
#include "tst_quickaddparser.moc"
