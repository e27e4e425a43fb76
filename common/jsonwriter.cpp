#include <taskflow/common/jsonwriter.h>

namespace taskflow {

void JsonWriter::separate()
{
    if (m_needComma)
        m_out += ',';
    m_needComma = true;
}

void JsonWriter::open(char bracket)
{
    separate();
    m_out += bracket;
    m_needComma = false;
}

void JsonWriter::close(char bracket)
{
    m_out += bracket;
    m_needComma = true;
}

void JsonWriter::key(const char *name)
{
    separate();
    m_out += '"';
    m_out += name; // keys are our own ASCII identifiers
    m_out += "\":";
    m_needComma = false;
}

void JsonWriter::value(const QString &text)
{
    separate();
    appendString(text);
}

void JsonWriter::value(const std::optional<QString> &text)
{
    if (text)
        value(*text);
    else
        nullValue();
}

void JsonWriter::value(qint64 number)
{
    separate();
    m_out += QByteArray::number(number);
}

void JsonWriter::nullValue()
{
    separate();
    m_out += "null";
}

void JsonWriter::appendString(const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    m_out.reserve(m_out.size() + utf8.size() + 2);
    m_out += '"';
    // Runs of bytes that need no escape go in with one append (byte by byte was a fifth of a
    // 1,000-task list).
    const char *data = utf8.constData();
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(data + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"': m_out += "\\\""; break;
        case '\\': m_out += "\\\\"; break;
        case '\n': m_out += "\\n"; break;
        case '\r': m_out += "\\r"; break;
        case '\t': m_out += "\\t"; break;
        case '\b': m_out += "\\b"; break;
        case '\f': m_out += "\\f"; break;
        default:
            m_out += "\\u00";
            m_out += hex[c >> 4];
            m_out += hex[c & 0xf];
        }
    }
    m_out.append(data + runStart, utf8.size() - runStart);
    m_out += '"';
}

} // namespace taskflow
