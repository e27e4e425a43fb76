#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace taskflow {

// The decoded `name=value` pairs of a URL's query, in order, as HTML forms and Starlette read
// them: `+` is a space, percent escapes are UTF-8 (invalid sequences become U+FFFD).
// QUrlQuery keeps `+` as is, which would turn `q=write+docs` into a search for "write+docs".
class QueryString
{
public:
    using Item = QPair<QString, QString>;

    static QueryString parse(const QByteArray &encoded);

    const QList<Item> &items() const { return m_items; }
    bool contains(const QString &name) const;
    // The last value given for `name`, as FastAPI takes a single-valued parameter.
    QString value(const QString &name) const;

private:
    QList<Item> m_items;
};

} // namespace taskflow
