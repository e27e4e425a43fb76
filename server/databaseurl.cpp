#include "databaseurl.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

DatabaseUrl::Parsed refuse(const QString &why)
{
    return DatabaseUrl::Parsed{std::nullopt, why};
}

QString percentDecoded(QStringView text)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
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

} // namespace

DatabaseUrl::Parsed DatabaseUrl::parse(const QString &text)
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
        return Parsed{result, {}};
    }
    if (scheme != u"postgresql"_s && scheme != u"postgres"_s
        && scheme != u"postgresql+psycopg2"_s && scheme != u"postgresql+psycopg"_s) {
        return refuse(u"unsupported database '%1': use sqlite:/// or postgresql://"_s.arg(scheme));
    }

    result.driver = Driver::Postgres;
    QString authority = rest;
    QString query;
    QString path;
    if (const qsizetype q = authority.indexOf(u'?'); q >= 0) {
        query = authority.mid(q + 1);
        authority.truncate(q);
    }
    if (const qsizetype slash = authority.indexOf(u'/'); slash >= 0) {
        path = authority.mid(slash + 1);
        authority.truncate(slash);
    }
    // The password may itself hold '@' when it was not percent-encoded: the last '@' ends it.
    if (const qsizetype at = authority.lastIndexOf(u'@'); at >= 0) {
        const QString userInfo = authority.left(at);
        authority = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        result.userName = percentDecoded(colon >= 0 ? userInfo.left(colon) : userInfo);
        if (colon >= 0)
            result.password = percentDecoded(userInfo.mid(colon + 1));
    }
    QString host = authority;
    if (host.startsWith(u'[')) { // IPv6 literal
        const qsizetype close = host.indexOf(u']');
        if (close < 0)
            return refuse(u"the host's IPv6 address is missing its ']'"_s);
        const QString after = host.mid(close + 1);
        result.host = host.mid(1, close - 1);
        if (after.startsWith(u':')) {
            bool ok = false;
            result.port = after.mid(1).toInt(&ok);
            if (!ok || result.port < 1 || result.port > 65535)
                return refuse(u"the port must be a number from 1 to 65535"_s);
        } else if (!after.isEmpty()) {
            return refuse(u"unexpected text after the host"_s);
        }
    } else {
        if (const qsizetype colon = host.lastIndexOf(u':'); colon >= 0) {
            bool ok = false;
            result.port = host.mid(colon + 1).toInt(&ok);
            if (!ok || result.port < 1 || result.port > 65535)
                return refuse(u"the port must be a number from 1 to 65535"_s);
            host.truncate(colon);
        }
        result.host = percentDecoded(host);
    }
    if (result.host.contains(u' ') || result.host.contains(u'/'))
        return refuse(u"the host name is not valid"_s);
    result.databaseName = percentDecoded(path);
    if (result.databaseName.isEmpty())
        return refuse(u"the URL names no database: add /dbname after the host"_s);

    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0)
            return refuse(u"query parameter '%1' has no value"_s.arg(percentDecoded(pair)));
        const QString key = percentDecoded(pair.left(eq));
        for (const QChar c : key) {
            if (!(c.isLetterOrNumber() || c == u'_'))
                return refuse(u"query parameter '%1' is not a libpq option name"_s.arg(key));
        }
        result.options.append({key, percentDecoded(pair.mid(eq + 1))});
    }
    return Parsed{result, {}};
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
        query.append(key + u'=' + val);
    if (!query.isEmpty())
        text += u'?' + query.join(u'&');
    return text;
}

} // namespace taskflow
