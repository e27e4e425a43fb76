// Fuzz target: DATABASE_URL (environment or --database-url), read once at start-up.
//
// Bytes (as UTF-8) -> DatabaseUrl::parse. Beyond "no crash, no sanitizer report":
//  - exactly one of url / error is set; the error is one line without control characters
//    (it is printed as the server's last word at start-up);
//  - the password never shows: not in the error, not in redacted() or describe() (what the
//    server logs and --check-config prints). "The password" is what SQLAlchemy, whose URLs
//    these are, takes for one: the text between the first ':' of the user part and the last
//    '@'. Only text that occurs nowhere else in the input counts, so a password that is also
//    the host name is no finding;
//  - redacted() and describe() do not change when the password (or a `password` option)
//    changes, and are one line;
//  - the connection string QPSQL builds from the parsed URL (host/dbname/user/password/port,
//    then connectOptions() with ';' made ' ') reads back in libpq's conninfo syntax as exactly
//    the parsed fields and options: no option can smuggle in another one.
#include "fuzzcheck.h"

#include <taskflow/server/databaseurl.h>

#include <QRegularExpression>
#include <QUrl>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

using Pairs = QList<QPair<QByteArray, QByteArray>>;

bool hasControl(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029)
            return true;
    }
    return false;
}

QString percentDecoded(const QString &text)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
}

// The password as SQLAlchemy's make_url() finds it:
//   name://  (?P<username>[^:/]*) (?::(?P<password>.*))? @  ...
// so the user part ends at the first ':', the password at the last '@'. One refinement keeps
// '@' in a query value (`?application_name=me@host`) from counting: a password that holds a
// '?' followed later by a '=' looks like a query, and the previous '@' is tried instead.
// Returns the password's span in `url` (start, length), or length -1 when there is none.
QPair<qsizetype, qsizetype> sqlalchemyPassword(const QString &url)
{
    // sqlalchemy.engine.url._parse_url: after "name://", a user `[^:/]*`, then `:` and the
    // password `[^@]*` up to the first '@'.
    static const QRegularExpression pattern(u"^[A-Za-z0-9_+]+://[^:/]*:([^@]*)@"_s);
    const QRegularExpressionMatch match = pattern.match(url);
    if (!match.hasMatch())
        return {0, -1};
    return {match.capturedStart(1), match.capturedLength(1)};
}

// Does `output` show text of `secret` that the rest of the input (`other`, the input with the
// password cut out) cannot explain? Checks the whole secret and every run of 8 characters of
// it, raw and percent-decoded.
bool shows(const QString &output, const QString &secret, const QStringList &other)
{
    const auto explained = [&](const QString &piece) {
        for (const QString &text : other) {
            if (text.contains(piece))
                return true;
        }
        return false;
    };
    const auto check = [&](const QString &piece) {
        return piece.size() >= 4 && output.contains(piece) && !explained(piece);
    };
    for (const QString &candidate : {secret, percentDecoded(secret)}) {
        if (check(candidate))
            return true;
        constexpr qsizetype window = 8;
        for (qsizetype i = 0; i + window <= candidate.size() && i < 256; ++i) {
            if (check(candidate.mid(i, window)))
                return true;
        }
    }
    return false;
}

// The forms the rest of the input may take in an output: raw, decoded, re-encoded, lower case.
QStringList otherForms(const QString &url, QPair<qsizetype, qsizetype> span)
{
    QString other = url;
    if (span.second >= 0)
        other.replace(span.first, span.second, u"\u0001"_s);
    const QString decoded = percentDecoded(other);
    return {other, other.toLower(), decoded, decoded.toLower(),
            QString::fromUtf8(QUrl::toPercentEncoding(decoded))};
}

// libpq's conninfo_parse() (fe-connect.c) on the bytes PQconnectdb() gets: a C string.
std::optional<Pairs> libpqConninfo(QByteArray conninfo)
{
    if (const qsizetype nul = conninfo.indexOf('\0'); nul >= 0)
        conninfo.truncate(nul);
    const auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
    };
    Pairs pairs;
    qsizetype i = 0;
    const qsizetype n = conninfo.size();
    while (i < n) {
        if (space(conninfo[i])) {
            ++i;
            continue;
        }
        QByteArray name;
        while (i < n && conninfo[i] != '=' && !space(conninfo[i]))
            name += conninfo[i++];
        while (i < n && space(conninfo[i]))
            ++i;
        if (i >= n || conninfo[i] != '=')
            return std::nullopt; // missing "=" after ...
        ++i;
        while (i < n && space(conninfo[i]))
            ++i;
        QByteArray value;
        if (i < n && conninfo[i] == '\'') {
            ++i;
            for (;;) {
                if (i >= n)
                    return std::nullopt; // unterminated quoted string
                if (conninfo[i] == '\\') {
                    ++i;
                    if (i < n)
                        value += conninfo[i++];
                    continue;
                }
                if (conninfo[i] == '\'') {
                    ++i;
                    break;
                }
                value += conninfo[i++];
            }
        } else {
            while (i < n) {
                if (space(conninfo[i])) {
                    ++i;
                    break;
                }
                if (conninfo[i] == '\\') {
                    ++i;
                    if (i < n)
                        value += conninfo[i++];
                } else {
                    value += conninfo[i++];
                }
            }
        }
        pairs.append({name, value});
    }
    return pairs;
}

// QPSQLDriver::open() (Qt 6.4): quoted fields, then the options with ';' replaced by ' '.
QString qpsqlConnectString(const DatabaseUrl &url)
{
    const auto quote = [](QString s) -> QString { // not auto: QStringBuilder would dangle
        s.replace(u"\\"_s, u"\\\\"_s);
        s.replace(u"'"_s, u"\\'"_s);
        return u'\'' + s + u'\'';
    };
    QString text;
    if (!url.host.isEmpty())
        text += u"host="_s + quote(url.host);
    if (!url.databaseName.isEmpty())
        text += u" dbname="_s + quote(url.databaseName);
    if (!url.userName.isEmpty())
        text += u" user="_s + quote(url.userName);
    if (!url.password.isEmpty())
        text += u" password="_s + quote(url.password);
    if (url.port != -1)
        text += u" port="_s + quote(QString::number(url.port));
    if (const QString options = url.connectOptions(); !options.isEmpty())
        text += u' ' + QString(options).replace(u';', u' ');
    return text;
}

Pairs expectedConninfo(const DatabaseUrl &url)
{
    Pairs pairs;
    const auto add = [&](const char *key, const QString &value) {
        pairs.append({QByteArray(key), value.toUtf8()});
    };
    if (!url.host.isEmpty())
        add("host", url.host);
    if (!url.databaseName.isEmpty())
        add("dbname", url.databaseName);
    if (!url.userName.isEmpty())
        add("user", url.userName);
    if (!url.password.isEmpty())
        add("password", url.password);
    if (url.port != -1)
        add("port", QString::number(url.port));
    for (const auto &[key, value] : url.options)
        pairs.append({key.toUtf8(), value.toUtf8()});
    return pairs;
}

QString show(const Pairs &pairs)
{
    QString out;
    for (const auto &[key, value] : pairs)
        out += u" ["_s + fuzz::escaped(QString::fromUtf8(key)) + u"]=["_s
            + fuzz::escaped(QString::fromUtf8(value)) + u']';
    return out;
}

bool isSecretOption(const QString &key)
{
    return key == u"password"_s || key == u"sslpassword"_s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString shown = fuzz::escaped(input);
    const auto parsed = DatabaseUrl::parse(input);
    FUZZ_CHECK(parsed || !parsed.error().isEmpty(), shown);

    const QString url = input.trimmed();
    const auto span = sqlalchemyPassword(url);
    const QString secret = span.second > 0 ? url.mid(span.first, span.second) : QString();
    const QStringList other = otherForms(url, span);

    if (!parsed) {
        FUZZ_CHECK_FINDING("error-control-chars", !hasControl(parsed.error()),
                           shown + u" -> "_s + fuzz::escaped(parsed.error()));
        // An error that stays the same when the password is replaced by other characters
        // cannot show the password, whatever words it shares with it ("password", "postgresql").
        bool dependsOnSecret = !secret.isEmpty();
        if (dependsOnSecret) {
            QString probe = url;
            probe.replace(span.first, span.second, QString(span.second, u'Z'));
            const auto probed = DatabaseUrl::parse(probe);
            dependsOnSecret = probed || probed.error() != parsed.error();
        }
        const QString &error = parsed.error();
        FUZZ_CHECK_FINDING("password-split", !dependsOnSecret || !shows(error, secret, other),
                           shown + u" -> "_s + fuzz::escaped(error));
        return 0;
    }
    const DatabaseUrl &result = parsed.value();
    const QString redacted = result.redacted();
    const QString described = result.describe();
    const QString both = redacted + u'\n' + described;
    const QString outputs = u" -> "_s + fuzz::escaped(redacted) + u" | "_s + fuzz::escaped(described);

    if (result.driver == DatabaseUrl::Driver::Sqlite) {
        FUZZ_CHECK(!result.sqlitePath.isEmpty(), shown);
        FUZZ_CHECK_FINDING("display-control-chars", !hasControl(redacted) && !hasControl(described),
                           shown + outputs);
        return 0;
    }

    FUZZ_CHECK(!result.databaseName.isEmpty(), shown);
    FUZZ_CHECK(result.port == -1 || (result.port >= 1 && result.port <= 65535), shown);
    FUZZ_CHECK(!result.host.contains(u' ') && !result.host.contains(u'/'), shown);
    // (Without a user name redacted() leaves the password out altogether, which hides it too.)
    FUZZ_CHECK(result.password.isEmpty() || result.userName.isEmpty()
                   || redacted.contains(u":***@"_s),
               shown + outputs);

    // The password must not change what is shown (beyond "there is one").
    if (!result.password.isEmpty()) {
        DatabaseUrl changed = result;
        changed.password = u"x"_s + result.password + u"x"_s;
        FUZZ_CHECK(changed.redacted() == redacted && changed.describe() == described,
                   shown + outputs);
    }
    // Nor must a password given as a libpq option (`?password=...`).
    bool secretOption = false;
    {
        DatabaseUrl changed = result;
        for (auto &[key, value] : changed.options) {
            if (isSecretOption(key)) {
                value = u"x"_s + value + u"x"_s;
                secretOption = true;
            }
        }
        FUZZ_CHECK_FINDING("password-option-shown",
                           !secretOption
                               || (changed.redacted() == redacted
                                   && changed.describe() == described),
                           shown + outputs);
    }
    // The password as SQLAlchemy reads the URL must not show either. Outputs that stay the
    // same when the password is replaced by other characters cannot show it, whatever text
    // they share with it (our own "postgresql://" prefix, say).
    bool dependsOnSecret = !secret.isEmpty();
    if (dependsOnSecret) {
        QString probe = url;
        probe.replace(span.first, span.second, QString(span.second, u'Z'));
        const auto other2 = DatabaseUrl::parse(probe);
        dependsOnSecret = !other2 || other2->redacted() + u'\n' + other2->describe() != both;
    }
    FUZZ_CHECK_FINDING("password-split", !dependsOnSecret || !shows(both, secret, other),
                       shown + outputs);
    // What libpq gets is what the URL said.
    const QString connectString = qpsqlConnectString(result);
    const auto conninfo = libpqConninfo(connectString.toUtf8());
    const Pairs expected = expectedConninfo(result);
    FUZZ_CHECK_FINDING("conninfo-injection", conninfo && *conninfo == expected,
                       shown + u" -> "_s + fuzz::escaped(connectString) + u" -> "_s
                           + (conninfo ? show(*conninfo) : u"(libpq error)"_s) + u" expected"_s
                           + show(expected));
    FUZZ_CHECK_FINDING("display-control-chars", !hasControl(redacted) && !hasControl(described),
                       shown + outputs);
    return 0;
}
