#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace taskflow {

// Appends compact JSON to a byte buffer in the order it is called. QJsonObject would sort the
// keys and build a tree first; the API answers in field order and writes each body once.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out) : m_out(out) {}

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    void key(const char *name);
    void value(const QString &text);
    void value(const std::optional<QString> &text); // null when there is none; "" stays ""
    void value(qint64 number);
    void nullValue();

private:
    void separate();
    void open(char bracket);
    void close(char bracket);
    void appendString(const QString &text);

    QByteArray &m_out;
    bool m_needComma = false;
};

} // namespace taskflow
