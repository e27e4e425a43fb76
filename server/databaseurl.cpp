#include <taskflow/server/databaseurl.h>

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

Failure<QString> refuse(const QString &why)
{
    return Failure(why);
}

QString percentDecoded(QStringView text)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
}

// Control characters (newlines, NUL) in a decoded part would end libpq's connection string or
// forge lines in the log; ';' is the separator QSqlDatabase's options use.
bool hasControlCharacters(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // C0, DEL, C1, and the Unicode line and paragraph separators.
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029)
            return true;
    }
    return false;
}

// libpq's connection-string values: quoted when they hold spaces or quotes.
QString libpqValue(const QString &value)
{
    if (!value.isEmpty() && !value.contains(u' ') && !value.contains(u'\'')
        && !value.contains(u'\\'))
        return value;
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

bool isSecretOption(const QString &key)
{
    return key == u"password"_s || key == u"sslpassword"_s;
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString url = text.trimmed();
    const qsizetype schemeEnd = url.indexOf(u"://"_s);
    if (schemeEnd <= 0)
        return refuse(u"expected a URL such as sqlite:///./taskflow.db or "
                      "postgresql://user:password@host:5432/dbname"_s);
    const QString scheme = url.left(schemeEnd).toLower();
    const QString rest = url.mid(schemeEnd + 3);

    DatabaseUrl result;
    if (scheme == u"sqlite"_s || scheme == u"sqlite+pysqlite"_s) {
        // sqlite:///path is relative, sqlite:////path absolute; the part before the third
        // slash is a (here always empty) host.
        if (!rest.startsWith(u'/'))
            return refuse(u"a SQLite URL needs three slashes: sqlite:///relative.db or "
                          "sqlite:////absolute/path.db"_s);
        QString path = rest.mid(1);
        if (const qsizetype query = path.indexOf(u'?'); query >= 0)
            path.truncate(query);
        result.driver = Driver::Sqlite;
        result.sqlitePath = path.isEmpty() ? u":memory:"_s : percentDecoded(path);
        if (hasControlCharacters(result.sqlitePath))
            return refuse(u"the SQLite path holds a control character"_s);
        return result;
    }
    if (scheme != u"postgresql"_s && scheme != u"postgres"_s
        && scheme != u"postgresql+psycopg2"_s && scheme != u"postgresql+psycopg"_s) {
        return refuse(u"unsupported database '%1': use sqlite:/// or postgresql://"_s.arg(
            hasControlCharacters(scheme) ? u"?"_s : scheme.left(40)));
    }

    result.driver = Driver::Postgres;
    // SQLAlchemy's own URL pattern (sqlalchemy.engine.url._parse_url), so that a URL means here
    // what it meant to the original backend: the password runs to the first '@' (a literal '@'
    // in it must be written %40), and a '/' or '?' inside it does not end it.
    static const QRegularExpression pattern(
        u"^(?:(?<user>[^:/]*)(?::(?<password>[^@]*))?@)?"
        "(?:(?:\\[(?<ipv6>[^/?]+)\\]|(?<host>[^/:?]+))?(?::(?<port>[^/?]*))?)?"
        "(?:/(?<database>[^?]*))?(?:\\?(?<query>.*))?$"_s,
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = pattern.match(rest);
    if (!match.hasMatch())
        return refuse(u"the URL is not of the form postgresql://user:password@host:port/dbname"_s);
    result.userName = percentDecoded(match.captured(u"user"));
    result.password = percentDecoded(match.captured(u"password"));
    const bool ipv6 = match.hasCaptured(u"ipv6");
    result.host = ipv6 ? match.captured(u"ipv6") : percentDecoded(match.captured(u"host"));
    if (result.host.contains(u'@') || result.host.contains(u'['))
        return refuse(u"the host name is not valid (write an '@' in the password as %40)"_s);
    if (match.hasCaptured(u"port")) {
        bool ok = false;
        result.port = match.captured(u"port").toInt(&ok);
        if (!ok || result.port < 1 || result.port > 65535)
            return refuse(u"the port must be a number from 1 to 65535"_s);
    }
    const QString path = match.captured(u"database");
    const QString query = match.captured(u"query");
    if (result.host.contains(u' ') || result.host.contains(u'/'))
        return refuse(u"the host name is not valid"_s);
    result.databaseName = percentDecoded(path);
    if (result.databaseName.isEmpty())
        return refuse(u"the URL names no database: add /dbname after the host"_s);
    if (hasControlCharacters(result.userName) || hasControlCharacters(result.password)
        || hasControlCharacters(result.host) || hasControlCharacters(result.databaseName))
        return refuse(u"a control character in the URL's user, credentials, host or database name"_s);

    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0)
            return refuse(u"a query parameter has no value"_s);
        const QString key = percentDecoded(pair.left(eq));
        for (const QChar c : key) {
            if (!(c.isLetterOrNumber() || c == u'_') || c.unicode() > 0x7f)
                return refuse(u"a query parameter name is not a libpq option name"_s);
        }
        const QString value = percentDecoded(pair.mid(eq + 1));
        // QSqlDatabase turns ';' into the space that separates libpq options, so a value
        // holding one could add options of its own (host=, sslmode=).
        if (value.contains(u';') || hasControlCharacters(value))
            return refuse(u"query parameter '%1' holds ';' or a control character"_s.arg(key));
        result.options.append({key, value});
    }
    return result;
}

QString DatabaseUrl::qtDriverName() const
{
    return driver == Driver::Sqlite ? u"QSQLITE"_s : u"QPSQL"_s;
}

QString DatabaseUrl::value(const QString &option) const
{
    for (const auto &[key, val] : options) {
        if (key == option)
            return val;
    }
    return QString();
}

QString DatabaseUrl::connectOptions() const
{
    QStringList parts;
    for (const auto &[key, val] : options)
        parts.append(key + u'=' + libpqValue(val));
    return parts.join(u';');
}

QString DatabaseUrl::describe() const
{
    if (driver == Driver::Sqlite)
        return u"SQLite %1"_s.arg(sqlitePath);
    QString where = host.isEmpty() ? u"local socket"_s : host;
    if (port > 0)
        where += u':' + QString::number(port);
    QString text = u"PostgreSQL %1/%2"_s.arg(where, databaseName);
    if (!userName.isEmpty())
        text += u" as "_s + userName;
    if (const QString ssl = value(u"sslmode"_s); !ssl.isEmpty())
        text += u" (sslmode=%1)"_s.arg(ssl);
    return text;
}

QString DatabaseUrl::redacted() const
{
    if (driver == Driver::Sqlite)
        return u"sqlite:///"_s + sqlitePath;
    QString text = u"postgresql://"_s;
    if (!userName.isEmpty()) {
        text += QString::fromUtf8(QUrl::toPercentEncoding(userName));
        if (!password.isEmpty())
            text += u":***"_s;
        text += u'@';
    }
    text += host.contains(u':') ? u'[' + host + u']' : host;
    if (port > 0)
        text += u':' + QString::number(port);
    text += u'/' + databaseName;
    QStringList query;
    for (const auto &[key, val] : options)
        query.append(key + u'=' + (isSecretOption(key) ? u"***"_s : val));
    if (!query.isEmpty())
        text += u'?' + query.join(u'&');
    return text;
}

} // namespace taskflow
