#include <taskflow/common/querystring.h>

namespace taskflow {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// As Python's unquote_plus: `+` is a space, `%XX` a byte, and a `%` not followed by two hex
// digits stays as it is (QByteArray::fromPercentEncoding would swallow it).
QString decode(const QByteArray &part)
{
    QByteArray bytes;
    bytes.reserve(part.size());
    for (qsizetype i = 0; i < part.size(); ++i) {
        const char c = part[i];
        if (c == '+') {
            bytes += ' ';
        } else if (c == '%' && i + 2 < part.size() && hexValue(part[i + 1]) >= 0
                   && hexValue(part[i + 2]) >= 0) {
            bytes += char(hexValue(part[i + 1]) * 16 + hexValue(part[i + 2]));
            i += 2;
        } else {
            bytes += c;
        }
    }
    return QString::fromUtf8(bytes);
}

} // namespace

QueryString QueryString::parse(const QByteArray &encoded)
{
    QueryString query;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            query.m_items.append({decode(pair), QString()});
        else
            query.m_items.append({decode(pair.left(eq)), decode(pair.mid(eq + 1))});
    }
    return query;
}

bool QueryString::contains(const QString &name) const
{
    for (const Item &item : m_items) {
        if (item.first == name)
            return true;
    }
    return false;
}

QString QueryString::value(const QString &name) const
{
    for (auto it = m_items.crbegin(); it != m_items.crend(); ++it) {
        if (it->first == name)
            return it->second;
    }
    return QString();
}

} // namespace taskflow
