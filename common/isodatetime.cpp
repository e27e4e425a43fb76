#include <taskflow/common/isodatetime.h>

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace taskflow::IsoDateTime {

namespace {

// Reads exactly `count` ASCII digits at `pos`; -1 when they are not there.
int digits(QStringView text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = text[pos + i];
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

Failure<QString> refuse(const QString &why)
{
    return Failure(why);
}

// 1970-01-01T00:00Z with the Qt::UTC time spec, made once. The same on every Qt 6 without
// QT_VERSION checks: the constructors taking a Qt::TimeSpec are deprecated from Qt 6.8's
// headers on, and on Qt 6.4 a date-time in QTimeZone::utc() has the Qt::TimeZone spec, which
// toUTC() turns into Qt::UTC (on 6.5+ it already is).
const QDateTime &utcEpoch()
{
    static const QDateTime epoch = QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc()).toUTC();
    return epoch;
}

// The UTC instant of a wall-clock date and time at a fixed offset, by arithmetic: no time
// zone object per call (parse() runs for every timestamp the server reads).
QDateTime utcFromWallClock(QDate date, QTime time, int offsetSeconds)
{
    constexpr qint64 julianDayOfEpoch = 2440588; // 1970-01-01
    constexpr qint64 msecsPerDay = 86'400'000;
    const qint64 msecs = (date.toJulianDay() - julianDayOfEpoch) * msecsPerDay
        + time.msecsSinceStartOfDay() - qint64(offsetSeconds) * 1000;
    return utcEpoch().addMSecs(msecs);
}

} // namespace

Result<QDateTime> parse(QStringView text)
{
    const int year = digits(text, 0, 4);
    if (year < 0 || text.size() < 10 || text[4] != u'-' || text[7] != u'-')
        return refuse(u"expected a date as YYYY-MM-DD"_s);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const QDate date(year, month, day);
    if (month < 0 || day < 0 || year < 1 || !date.isValid())
        return refuse(u"the date does not exist"_s);
    if (text.size() == 10)
        return utcFromWallClock(date, QTime(0, 0), 0);

    if (text[10] != u'T' && text[10] != u't' && text[10] != u' ')
        return refuse(u"expected T between the date and the time"_s);
    qsizetype pos = 11;
    const int hour = digits(text, pos, 2);
    if (hour < 0 || text.size() < pos + 5 || text[pos + 2] != u':')
        return refuse(u"expected a time as HH:MM[:SS]"_s);
    const int minute = digits(text, pos + 3, 2);
    if (minute < 0)
        return refuse(u"expected a time as HH:MM[:SS]"_s);
    pos += 5;
    int second = 0;
    int msec = 0;
    if (pos < text.size() && text[pos] == u':') {
        second = digits(text, pos + 1, 2);
        if (second < 0)
            return refuse(u"expected seconds as two digits"_s);
        pos += 3;
        if (pos < text.size() && (text[pos] == u'.' || text[pos] == u',')) {
            ++pos;
            const qsizetype start = pos;
            int scale = 100;
            while (pos < text.size() && text[pos] >= u'0' && text[pos] <= u'9') {
                msec += (text[pos].unicode() - u'0') * scale; // digits past milliseconds are dropped
                scale /= 10;
                ++pos;
            }
            if (pos == start || pos - start > 9)
                return refuse(u"expected 1 to 9 digits of fractional seconds"_s);
        }
    }
    const QTime time(hour, minute, second, msec);
    if (!time.isValid())
        return refuse(u"the time does not exist"_s);

    int offsetSeconds = 0;
    if (pos < text.size()) {
        const QChar sign = text[pos];
        if ((sign == u'Z' || sign == u'z') && pos + 1 == text.size()) {
            pos += 1;
        } else if (sign == u'+' || sign == u'-') {
            const int offHours = digits(text, pos + 1, 2);
            qsizetype minutesAt = pos + 3;
            if (minutesAt < text.size() && text[minutesAt] == u':')
                ++minutesAt;
            const int offMinutes = digits(text, minutesAt, 2);
            if (offHours < 0 || offMinutes < 0 || minutesAt + 2 != text.size() || offHours > 23
                || offMinutes > 59)
                return refuse(u"expected a timezone offset as Z, +HH:MM or -HH:MM"_s);
            offsetSeconds = (offHours * 3600 + offMinutes * 60) * (sign == u'-' ? -1 : 1);
            pos = text.size();
        } else {
            return refuse(u"unexpected characters after the time"_s);
        }
    }
    if (pos != text.size())
        return refuse(u"unexpected characters after the time"_s);

    const QDateTime utc = utcFromWallClock(date, time, offsetSeconds);
    // An offset can carry 0001-01-01 or 9999-12-31 out of the years the API (and SQLAlchemy)
    // can write back.
    if (utc.date().year() < 1 || utc.date().year() > 9999)
        return refuse(u"the date in UTC is outside the years 1 to 9999"_s);
    return utc;
}

namespace {

// Writes `value` as `width` digits at `out`. QDateTime::toString(format) goes through QLocale
// and QCalendar and was a tenth of the server's time per task written.
char16_t *putDigits(char16_t *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
    return out + width;
}

// `YYYY-MM-DD<sep>HH:MM:SS`, then `.mmm` (and `000` more when `micro`) unless `trimZeroMs`
// and there are no milliseconds, then `suffix`.
QString format(const QDateTime &utc, char16_t separator, bool trimZeroMs, bool micro,
               QStringView suffix)
{
    const QDateTime t = utc.toUTC();
    const QDate date = t.date();
    const QTime time = t.time();
    char16_t buffer[40];
    char16_t *out = putDigits(buffer, date.year(), 4);
    *out++ = u'-';
    out = putDigits(out, date.month(), 2);
    *out++ = u'-';
    out = putDigits(out, date.day(), 2);
    *out++ = separator;
    out = putDigits(out, time.hour(), 2);
    *out++ = u':';
    out = putDigits(out, time.minute(), 2);
    *out++ = u':';
    out = putDigits(out, time.second(), 2);
    if (!trimZeroMs || time.msec() != 0) {
        *out++ = u'.';
        out = putDigits(out, time.msec(), 3);
        if (micro)
            out = putDigits(out, 0, 3);
    }
    for (const QChar c : suffix)
        *out++ = c.unicode();
    return QString(reinterpret_cast<const QChar *>(buffer), out - buffer);
}

} // namespace

QString toApi(const QDateTime &utc)
{
    return format(utc, u'T', true, false, u"Z");
}

QString toDatabase(const QDateTime &utc)
{
    return format(utc, u' ', false, true, {});
}

std::optional<QDateTime> fromDatabase(QStringView text)
{
    // The database holds naive UTC; an offset would be a foreign row, and parse() handles it.
    return parse(text.trimmed()).toOptional();
}

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace taskflow::IsoDateTime
