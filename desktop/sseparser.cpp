#include <taskflow/desktop/sseparser.h>

namespace taskflow {

QList<SseEvent> SseParser::feed(const QByteArray &bytes)
{
    QList<SseEvent> events;
    qsizetype start = 0;
    if (m_skipLf && !bytes.isEmpty() && bytes.front() == '\n')
        start = 1;
    m_skipLf = false;
    for (qsizetype i = start; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != '\n' && c != '\r')
            continue;
        m_buffer.append(bytes.constData() + start, i - start);
        processLine(m_buffer, events);
        m_buffer.clear();
        if (c == '\r') {
            if (i + 1 < bytes.size()) {
                if (bytes.at(i + 1) == '\n')
                    ++i;
            } else {
                m_skipLf = true;
            }
        }
        start = i + 1;
    }
    m_buffer.append(bytes.constData() + start, bytes.size() - start);
    return events;
}

void SseParser::processLine(const QByteArray &line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        if (m_hasData || !m_type.isEmpty()) {
            out.append(SseEvent{m_lastEventId, m_type.isEmpty() ? QByteArray("message") : m_type,
                                m_data});
        }
        m_type.clear();
        m_data.clear();
        m_hasData = false;
        return;
    }
    if (line.front() == ':') {
        ++m_comments;
        return;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_hasData)
            m_data += '\n';
        m_data += value;
        m_hasData = true;
    } else if (field == "event") {
        m_type = value;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value;
    }
    // "retry" and unknown fields: the client keeps its own backoff.
}

void SseParser::resetPartial()
{
    m_buffer.clear();
    m_skipLf = false;
    m_type.clear();
    m_data.clear();
    m_hasData = false;
}

} // namespace taskflow
