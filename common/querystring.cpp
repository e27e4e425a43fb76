#include "querystring.h"

#include <QUrl>

namespace taskflow {

namespace {

QString decode(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
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
