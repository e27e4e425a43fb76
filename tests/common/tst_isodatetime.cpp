// IsoDateTime: the ISO 8601 forms API.md accepts for due_date, the `Z` form the API answers
// with, and the naive-UTC text SQLAlchemy and SQLite keep in the database.
#include <taskflow/common/isodatetime.h>
#include "utc.h"

#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

QDateTime withOffset(int year, int month, int day, int hour, int minute, int offsetSeconds,
                     int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, 0, msec),
                     QTimeZone(offsetSeconds));
}

} // namespace

class tst_IsoDateTime : public QObject
{
    Q_OBJECT

private slots:
    void parseAccepts_data();
    void parseAccepts();
    void parseRefuses_data();
    void parseRefuses();
    void toApi_data();
    void toApi();
    void toApiConvertsNamedTimeZones();
    void toApiParseRoundTrip_data();
    void toApiParseRoundTrip();
    void toDatabase_data();
    void toDatabase();
    void toDatabaseSortsAsText();
    void fromDatabase_data();
    void fromDatabase();
    void fromDatabaseRefuses_data();
    void fromDatabaseRefuses();
    void databaseRoundTrip_data();
    void databaseRoundTrip();
    void nowUtcIsCurrentUtc();
};

void tst_IsoDateTime::parseAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime ten = utc(2026, 12, 1, 10);
    QTest::newRow("date only is midnight UTC") << u"2026-12-01"_s << utc(2026, 12, 1);
    QTest::newRow("no offset means UTC") << u"2026-12-01T10:00:00"_s << ten;
    QTest::newRow("Z") << u"2026-12-01T10:00:00Z"_s << ten;
    // RFC 3339 section 5.6: "T" and "Z" may be written in lower case.
    QTest::newRow("z") << u"2026-12-01T10:00:00z"_s << ten;
    QTest::newRow("t") << u"2026-12-01t10:00:00Z"_s << ten;
    QTest::newRow("space instead of T") << u"2026-12-01 10:00:00"_s << ten;
    QTest::newRow("+02:00") << u"2026-12-01T10:00:00+02:00"_s << utc(2026, 12, 1, 8);
    QTest::newRow("-05:30") << u"2026-12-01T10:00:00-05:30"_s << utc(2026, 12, 1, 15, 30);
    QTest::newRow("+0200") << u"2026-12-01T10:00:00+0200"_s << utc(2026, 12, 1, 8);
    QTest::newRow("-0530") << u"2026-12-01T10:00:00-0530"_s << utc(2026, 12, 1, 15, 30);
    QTest::newRow("+00:00") << u"2026-12-01T10:00:00+00:00"_s << ten;
    QTest::newRow("-00:00") << u"2026-12-01T10:00:00-00:00"_s << ten;
    QTest::newRow("+23:59") << u"2026-12-01T10:00:00+23:59"_s << utc(2026, 11, 30, 10, 1);
    QTest::newRow("offset moves to the previous day")
        << u"2026-12-01T01:00:00+02:00"_s << utc(2026, 11, 30, 23);
    QTest::newRow("offset moves to the next year")
        << u"2026-12-31T23:00:00-05:00"_s << utc(2027, 1, 1, 4);
    QTest::newRow("HH:MM") << u"2026-12-01T10:00"_s << ten;
    QTest::newRow("HH:MM Z") << u"2026-12-01T10:00Z"_s << ten;
    QTest::newRow("HH:MM +02:00") << u"2026-12-01T10:00+02:00"_s << utc(2026, 12, 1, 8);
    QTest::newRow("HH:MM with space") << u"2026-12-01 10:30"_s << utc(2026, 12, 1, 10, 30);
    QTest::newRow("seconds") << u"2026-12-01T10:20:30"_s << utc(2026, 12, 1, 10, 20, 30);
    QTest::newRow("fraction 1 digit") << u"2026-12-01T10:00:00.5"_s << utc(2026, 12, 1, 10, 0, 0, 500);
    QTest::newRow("fraction 2 digits") << u"2026-12-01T10:00:00.25"_s << utc(2026, 12, 1, 10, 0, 0, 250);
    QTest::newRow("fraction 3 digits") << u"2026-12-01T10:00:00.123"_s << utc(2026, 12, 1, 10, 0, 0, 123);
    QTest::newRow("fraction 3 digits leading zero")
        << u"2026-12-01T10:00:00.007"_s << utc(2026, 12, 1, 10, 0, 0, 7);
    QTest::newRow("fraction 4 digits") << u"2026-12-01T10:00:00.1234"_s << utc(2026, 12, 1, 10, 0, 0, 123);
    QTest::newRow("fraction 5 digits") << u"2026-12-01T10:00:00.12345"_s << utc(2026, 12, 1, 10, 0, 0, 123);
    QTest::newRow("fraction 6 digits") << u"2026-12-01T10:00:00.123456"_s << utc(2026, 12, 1, 10, 0, 0, 123);
    QTest::newRow("fraction 7 digits") << u"2026-12-01T10:00:00.1234567"_s << utc(2026, 12, 1, 10, 0, 0, 123);
    QTest::newRow("fraction 8 digits") << u"2026-12-01T10:00:00.12345678"_s << utc(2026, 12, 1, 10, 0, 0, 123);
    QTest::newRow("fraction 9 digits") << u"2026-12-01T10:00:00.123456789"_s << utc(2026, 12, 1, 10, 0, 0, 123);
    QTest::newRow("fraction 9 zeros") << u"2026-12-01T10:00:00.000000000"_s << ten;
    // Below a millisecond is dropped, never rounded up into the next second.
    QTest::newRow("fraction 999999999")
        << u"2026-12-01T10:00:00.999999999"_s << utc(2026, 12, 1, 10, 0, 0, 999);
    QTest::newRow("fraction 000000001") << u"2026-12-01T10:00:00.000000001"_s << ten;
    QTest::newRow("fraction and Z") << u"2026-12-01T10:00:00.5Z"_s << utc(2026, 12, 1, 10, 0, 0, 500);
    QTest::newRow("fraction and offset")
        << u"2026-12-01T10:00:00.123+02:00"_s << utc(2026, 12, 1, 8, 0, 0, 123);
    QTest::newRow("SQLAlchemy text") << u"2026-12-01 10:00:00.123456"_s << utc(2026, 12, 1, 10, 0, 0, 123);
    QTest::newRow("2024-02-29 leap year") << u"2024-02-29"_s << utc(2024, 2, 29);
    QTest::newRow("2000-02-29 leap century") << u"2000-02-29T12:00:00Z"_s << utc(2000, 2, 29, 12);
    QTest::newRow("last instant of a day")
        << u"2026-12-31T23:59:59.999Z"_s << utc(2026, 12, 31, 23, 59, 59, 999);
    QTest::newRow("year 9999") << u"9999-12-31T23:59:59Z"_s << utc(9999, 12, 31, 23, 59, 59);
    QTest::newRow("year 0001") << u"0001-01-01"_s << utc(1, 1, 1);
}

void tst_IsoDateTime::parseAccepts()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const auto result = IsoDateTime::parse(text);
    QVERIFY2(result, qPrintable(result ? QString() : result.error()));
    QCOMPARE(result.value(), expected);
    // Same instant is not enough: the header promises a UTC QDateTime.
    QCOMPARE(result->timeSpec(), Qt::UTC);
    QCOMPARE(result->date(), expected.date());
    QCOMPARE(result->time(), expected.time());
}

void tst_IsoDateTime::parseRefuses_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("empty string") << u""_s;
    // Fuzzing finding "date-range": an offset pushed the instant outside years 1-9999 in UTC.
    QTest::newRow("offset before year 1") << u"0001-01-01T00:00:00+00:01"_s;
    QTest::newRow("offset past year 9999") << u"9999-12-31T23:59:59-00:01"_s;
    QTest::newRow("month 13") << u"2026-13-01"_s;
    QTest::newRow("month 00") << u"2026-00-01"_s;
    QTest::newRow("day 00") << u"2026-12-00"_s;
    QTest::newRow("day 32") << u"2026-12-32"_s;
    QTest::newRow("2026-02-30") << u"2026-02-30"_s;
    QTest::newRow("2026-02-29 not leap") << u"2026-02-29"_s;
    QTest::newRow("1900-02-29 not leap") << u"1900-02-29"_s;
    QTest::newRow("2026-04-31") << u"2026-04-31"_s;
    QTest::newRow("year 0000") << u"0000-01-01"_s;
    QTest::newRow("24:00") << u"2026-12-01T24:00"_s;
    QTest::newRow("24:00:00") << u"2026-12-01T24:00:00"_s;
    QTest::newRow("25:00") << u"2026-12-01T25:00:00"_s;
    QTest::newRow("10:60") << u"2026-12-01T10:60"_s;
    QTest::newRow("10:60:00") << u"2026-12-01T10:60:00"_s;
    QTest::newRow("garbage after the time") << u"2026-12-01T10:00:00abc"_s;
    QTest::newRow("garbage after the date") << u"2026-12-01abc"_s;
    QTest::newRow("garbage after Z") << u"2026-12-01T10:00:00Zjunk"_s;
    QTest::newRow("ZZ") << u"2026-12-01T10:00:00ZZ"_s;
    QTest::newRow("utc spelled out") << u"2026-12-01T10:00:00utc"_s;
    QTest::newRow("offset and Z") << u"2026-12-01T10:00:00+02:00Z"_s;
    QTest::newRow("+25:00") << u"2026-12-01T10:00:00+25:00"_s;
    QTest::newRow("+24:00") << u"2026-12-01T10:00:00+24:00"_s;
    QTest::newRow("+02:60") << u"2026-12-01T10:00:00+02:60"_s;
    QTest::newRow("+02 without minutes") << u"2026-12-01T10:00:00+02"_s;
    QTest::newRow("+2:00 one hour digit") << u"2026-12-01T10:00:00+2:00"_s;
    QTest::newRow("+02:00:00 offset seconds") << u"2026-12-01T10:00:00+02:00:00"_s;
    QTest::newRow("bare sign") << u"2026-12-01T10:00:00-"_s;
    QTest::newRow("unicode minus offset") << u"2026-12-01T10:00:00\u221205:00"_s;
    QTest::newRow("10 fraction digits") << u"2026-12-01T10:00:00.1234567890"_s;
    QTest::newRow("20 fraction digits") << u"2026-12-01T10:00:00.12345678901234567890"_s;
    QTest::newRow("dot without digits") << u"2026-12-01T10:00:00."_s;
    QTest::newRow("fraction without seconds") << u"2026-12-01T10:00.5"_s;
    QTest::newRow("12/01/2026") << u"12/01/2026"_s;
    QTest::newRow("2026/12/01") << u"2026/12/01"_s;
    QTest::newRow("01-12-2026") << u"01-12-2026"_s;
    QTest::newRow("numbers only date") << u"20261201"_s;
    QTest::newRow("numbers only timestamp") << u"1796119200"_s;
    QTest::newRow("basic format datetime") << u"20261201T100000Z"_s;
    QTest::newRow("two-digit year") << u"26-12-01"_s;
    QTest::newRow("one-digit month") << u"2026-1-01"_s;
    QTest::newRow("one-digit day") << u"2026-12-1"_s;
    QTest::newRow("one-digit hour") << u"2026-12-01T1:00"_s;
    QTest::newRow("one-digit minute") << u"2026-12-01T10:0"_s;
    QTest::newRow("one-digit second") << u"2026-12-01T10:00:0"_s;
    QTest::newRow("hour only") << u"2026-12-01T10"_s;
    QTest::newRow("T without time") << u"2026-12-01T"_s;
    QTest::newRow("date and Z") << u"2026-12-01Z"_s;
    QTest::newRow("other separator") << u"2026-12-01X10:00:00"_s;
    QTest::newRow("trailing space after date") << u"2026-12-01 "_s;
    QTest::newRow("trailing space after time") << u"2026-12-01T10:00:00 "_s;
    QTest::newRow("trailing space after Z") << u"2026-12-01T10:00:00Z "_s;
    QTest::newRow("trailing newline") << u"2026-12-01\n"_s;
    QTest::newRow("leading space") << u" 2026-12-01"_s;
    QTest::newRow("signed year") << u"+2026-12-01"_s;
    QTest::newRow("negative year") << u"-2026-12-01"_s;
    QTest::newRow("lowercase word") << u"today"_s;
    QTest::newRow("tomorrow") << u"tomorrow"_s;
    QTest::newRow("month name") << u"2026-dec-01"_s;
    QTest::newRow("letters for digits") << u"abcd-ef-gh"_s;
    QTest::newRow("letters in time") << u"2026-12-01Tab:cd:ef"_s;
    QTest::newRow("fullwidth digits") << u"\uff12\uff10\uff12\uff16-12-01"_s;
    QTest::newRow("arabic-indic digits") << u"\u0662\u0660\u0662\u0666-12-01"_s;
    QTest::newRow("unicode hyphens") << u"2026\u201012\u201001"_s;
}

void tst_IsoDateTime::parseRefuses()
{
    QFETCH(QString, text);

    const auto result = IsoDateTime::parse(text);
    QVERIFY2(!result, qPrintable(u"accepted as "_s + (result ? result->toString(Qt::ISODateWithMs) : QString())));
    QVERIFY2(!result.error().isEmpty(), "a refusal must say why");
}

void tst_IsoDateTime::toApi_data()
{
    QTest::addColumn<QDateTime>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("whole seconds") << utc(2026, 12, 1, 10) << u"2026-12-01T10:00:00Z"_s;
    QTest::newRow("midnight") << utc(2026, 12, 1) << u"2026-12-01T00:00:00Z"_s;
    QTest::newRow("250 ms") << utc(2026, 12, 1, 10, 0, 0, 250) << u"2026-12-01T10:00:00.250Z"_s;
    QTest::newRow("1 ms") << utc(2026, 12, 1, 10, 0, 0, 1) << u"2026-12-01T10:00:00.001Z"_s;
    QTest::newRow("999 ms") << utc(2026, 12, 1, 23, 59, 59, 999) << u"2026-12-01T23:59:59.999Z"_s;
    QTest::newRow("single digits padded") << utc(2026, 1, 2, 3, 4, 5) << u"2026-01-02T03:04:05Z"_s;
    QTest::newRow("offset +02:00 converted")
        << withOffset(2026, 12, 1, 10, 0, 2 * 3600) << u"2026-12-01T08:00:00Z"_s;
    QTest::newRow("offset -05:30 converted across midnight")
        << withOffset(2026, 12, 1, 20, 0, -(5 * 3600 + 30 * 60)) << u"2026-12-02T01:30:00Z"_s;
    QTest::newRow("offset with ms converted")
        << withOffset(2026, 12, 1, 10, 0, 3600, 500) << u"2026-12-01T09:00:00.500Z"_s;
}

void tst_IsoDateTime::toApi()
{
    QFETCH(QDateTime, input);
    QFETCH(QString, expected);

    QCOMPARE(IsoDateTime::toApi(input), expected);
}

void tst_IsoDateTime::toApiConvertsNamedTimeZones()
{
    const QTimeZone paris("Europe/Paris");
    const QTimeZone kolkata("Asia/Kolkata");
    if (!paris.isValid() || !kolkata.isValid()) {
        // The test command installs tzdata: under CI a missing database is a broken set-up.
        if (qEnvironmentVariable("CI") == u"true"_s)
            QFAIL("no time zone database (Debian: tzdata)");
        QSKIP("no time zone database");
    }
    // CET (+01:00) in winter, CEST (+02:00) in summer; India is +05:30 all year.
    QCOMPARE(IsoDateTime::toApi(QDateTime(QDate(2026, 12, 1), QTime(10, 0), paris)),
             u"2026-12-01T09:00:00Z"_s);
    QCOMPARE(IsoDateTime::toApi(QDateTime(QDate(2026, 7, 1), QTime(10, 0), paris)),
             u"2026-07-01T08:00:00Z"_s);
    QCOMPARE(IsoDateTime::toApi(QDateTime(QDate(2026, 12, 1), QTime(3, 0, 0, 40), kolkata)),
             u"2026-11-30T21:30:00.040Z"_s);
}

void tst_IsoDateTime::toApiParseRoundTrip_data()
{
    QTest::addColumn<QDateTime>("value");

    QTest::newRow("whole seconds") << utc(2026, 12, 1, 10);
    QTest::newRow("milliseconds") << utc(2026, 12, 1, 10, 0, 0, 250);
    QTest::newRow("1 ms") << utc(2026, 12, 1, 10, 0, 0, 1);
    QTest::newRow("leap day") << utc(2024, 2, 29, 23, 59, 59, 999);
    QTest::newRow("offset") << withOffset(2026, 12, 1, 10, 0, -(5 * 3600 + 30 * 60), 7);
}

void tst_IsoDateTime::toApiParseRoundTrip()
{
    QFETCH(QDateTime, value);

    const QString text = IsoDateTime::toApi(value);
    QVERIFY(text.endsWith(u'Z'));
    const auto parsed = IsoDateTime::parse(text);
    QVERIFY2(parsed, qPrintable(text));
    QCOMPARE(parsed.value(), value);
}

void tst_IsoDateTime::toDatabase_data()
{
    QTest::addColumn<QDateTime>("input");
    QTest::addColumn<QString>("expected");

    // SQLAlchemy's SQLite DATETIME always writes six fraction digits.
    QTest::newRow("whole seconds") << utc(2026, 12, 1, 10) << u"2026-12-01 10:00:00.000000"_s;
    QTest::newRow("milliseconds") << utc(2026, 12, 1, 10, 0, 0, 250) << u"2026-12-01 10:00:00.250000"_s;
    QTest::newRow("1 ms") << utc(2026, 1, 2, 3, 4, 5, 1) << u"2026-01-02 03:04:05.001000"_s;
    QTest::newRow("offset converted to UTC")
        << withOffset(2026, 12, 1, 1, 0, 2 * 3600) << u"2026-11-30 23:00:00.000000"_s;
}

void tst_IsoDateTime::toDatabase()
{
    QFETCH(QDateTime, input);
    QFETCH(QString, expected);

    QCOMPARE(IsoDateTime::toDatabase(input), expected);
}

void tst_IsoDateTime::toDatabaseSortsAsText()
{
    // The original backend sorts due_date as text on SQLite: text order must be time order.
    const QList<QDateTime> ascending{
        utc(999, 1, 1),          utc(2025, 12, 31, 23, 59, 59, 999), utc(2026, 1, 1),
        utc(2026, 1, 1, 0, 0, 0, 1), utc(2026, 1, 1, 0, 0, 1),       utc(2026, 1, 1, 9, 59),
        utc(2026, 1, 1, 10),     utc(2026, 2, 1),                    utc(2026, 10, 1),
        utc(2026, 11, 30, 23),   withOffset(2026, 12, 1, 10, 0, 3600), utc(2026, 12, 1, 10),
    };
    for (qsizetype i = 1; i < ascending.size(); ++i) {
        const QString earlier = IsoDateTime::toDatabase(ascending[i - 1]);
        const QString later = IsoDateTime::toDatabase(ascending[i]);
        QVERIFY2(earlier < later, qPrintable(earlier + u" !< "_s + later));
    }
}

void tst_IsoDateTime::fromDatabase_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("SQLAlchemy microseconds")
        << u"2026-12-01 10:00:00.123456"_s << utc(2026, 12, 1, 10, 0, 0, 123);
    QTest::newRow("SQLAlchemy zero microseconds") << u"2026-12-01 10:00:00.000000"_s << utc(2026, 12, 1, 10);
    QTest::newRow("SQLite CURRENT_TIMESTAMP") << u"2026-12-01 10:00:00"_s << utc(2026, 12, 1, 10);
    QTest::newRow("with T") << u"2026-12-01T10:00:00"_s << utc(2026, 12, 1, 10);
    QTest::newRow("our own text") << u"2026-12-01 10:00:00.250000"_s << utc(2026, 12, 1, 10, 0, 0, 250);
}

void tst_IsoDateTime::fromDatabase()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const std::optional<QDateTime> value = IsoDateTime::fromDatabase(text);
    QVERIFY(value.has_value());
    QCOMPARE(*value, expected);
    QCOMPARE(value->timeSpec(), Qt::UTC);
}

void tst_IsoDateTime::fromDatabaseRefuses_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("NULL text") << u"NULL"_s;
    QTest::newRow("impossible date") << u"2026-02-30 10:00:00"_s;
    QTest::newRow("impossible time") << u"2026-12-01 25:00:00"_s;
    QTest::newRow("unix timestamp") << u"1796119200"_s;
}

void tst_IsoDateTime::fromDatabaseRefuses()
{
    QFETCH(QString, text);

    QVERIFY(!IsoDateTime::fromDatabase(text).has_value());
}

void tst_IsoDateTime::databaseRoundTrip_data()
{
    QTest::addColumn<QDateTime>("value");

    QTest::newRow("whole seconds") << utc(2026, 12, 1, 10);
    QTest::newRow("milliseconds") << utc(2026, 12, 1, 10, 0, 0, 123);
    QTest::newRow("last ms of the year") << utc(2026, 12, 31, 23, 59, 59, 999);
    QTest::newRow("leap day") << utc(2024, 2, 29, 12);
    QTest::newRow("offset input") << withOffset(2026, 12, 1, 10, 30, -(5 * 3600 + 30 * 60), 42);
}

void tst_IsoDateTime::databaseRoundTrip()
{
    QFETCH(QDateTime, value);

    const QString text = IsoDateTime::toDatabase(value);
    const std::optional<QDateTime> back = IsoDateTime::fromDatabase(text);
    QVERIFY2(back.has_value(), qPrintable(text));
    QCOMPARE(*back, value);
    QCOMPARE(back->timeSpec(), Qt::UTC);
    // Written again, the text is stable.
    QCOMPARE(IsoDateTime::toDatabase(*back), text);
}

void tst_IsoDateTime::nowUtcIsCurrentUtc()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QDateTime now = IsoDateTime::nowUtc();
    const QDateTime after = QDateTime::currentDateTimeUtc();

    QCOMPARE(now.timeSpec(), Qt::UTC);
    QVERIFY(before <= now);
    QVERIFY(now <= after);
    // What nowUtc() gives must survive the API and database forms unchanged.
    QCOMPARE(IsoDateTime::parse(IsoDateTime::toApi(now)).toOptional(), std::optional<QDateTime>(now));
    QCOMPARE(IsoDateTime::fromDatabase(IsoDateTime::toDatabase(now)), std::optional<QDateTime>(now));
}

QTEST_GUILESS_MAIN(tst_IsoDateTime)
#include "tst_isodatetime.moc"
