#include "eventstreamclient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

QJsonObject EventStreamClient::Event::json() const
{
    return QJsonDocument::fromJson(data).object();
}

bool EventStreamClient::open(quint16 port, const std::optional<QByteArray> &lastEventId,
                             const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    m_socket.connectToHost(u"127.0.0.1"_s, port);
    if (!m_socket.waitForConnected(timeoutMs))
        return false;
    QByteArray request = "GET /tasks/events HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n";
    if (lastEventId)
        request += "Last-Event-ID: " + *lastEventId + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    m_socket.write(request + "\r\n");
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_headDone && !deadline.hasExpired() && m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        read();
    }
    return m_headDone && m_head.startsWith("HTTP/1.1 200");
}

void EventStreamClient::read()
{
    m_raw += m_socket.readAll();
    if (!m_headDone) {
        const qsizetype end = m_raw.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_head = m_raw.left(end);
        m_raw.remove(0, end + 4);
        m_headDone = true;
    }
    // Chunked: size line, data, CRLF; a zero size ends the body.
    for (;;) {
        const qsizetype lineEnd = m_raw.indexOf("\r\n");
        if (lineEnd < 0)
            return;
        bool ok = false;
        const qsizetype size = m_raw.left(lineEnd).toLongLong(&ok, 16);
        if (!ok)
            return;
        if (size == 0) {
            m_ended = true;
            return;
        }
        if (m_raw.size() < lineEnd + 2 + size + 2)
            return;
        m_text += m_raw.mid(lineEnd + 2, size);
        m_raw.remove(0, lineEnd + 2 + size + 2);
        parseLines();
    }
}

void EventStreamClient::parseLines()
{
    for (;;) {
        const qsizetype end = m_text.indexOf('\n');
        if (end < 0)
            return;
        const QByteArray line = m_text.left(end);
        m_text.remove(0, end + 1);
        if (line.isEmpty()) { // dispatch
            if (m_currentHasField && (!m_current.data.isNull() || !m_current.name.isEmpty()))
                m_events.append(m_current);
            m_current = Event();
            m_currentHasField = false;
            continue;
        }
        if (line.startsWith(':')) {
            ++m_comments;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        m_currentHasField = true;
        if (field == "id")
            m_current.id = value;
        else if (field == "event")
            m_current.name = value;
        else if (field == "data")
            m_current.data = m_current.data.isNull() ? value : m_current.data + '\n' + value;
    }
}

bool EventStreamClient::waitForEvents(int count, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_events.size() < count && !m_ended && !deadline.hasExpired()) {
        if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
            break;
        m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        read();
    }
    return m_events.size() >= count;
}

bool EventStreamClient::waitForComments(int count, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_comments < count && !m_ended && !deadline.hasExpired()) {
        if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
            break;
        m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        read();
    }
    return m_comments >= count;
}

bool EventStreamClient::waitForEnd(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_ended && !deadline.hasExpired()) {
        if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
            return true;
        m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        read();
    }
    return m_ended;
}

void EventStreamClient::close()
{
    m_socket.abort();
}
