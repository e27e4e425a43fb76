#pragma once

#include <QByteArray>
#include <QList>

namespace taskflow {

// One event of a text/event-stream (the WHATWG "server-sent events" format API.md uses).
struct SseEvent
{
    QByteArray id;    // the stream's last event id when this one was dispatched
    QByteArray type;  // "message" when the stream named none
    QByteArray data;  // the data lines joined by "\n"
};

// Reads a text/event-stream as it arrives, in pieces of any size: lines end with CRLF, LF or
// CR; `field: value` lines build an event, a blank line dispatches it, `:` lines are comments
// (keep-alives). Unlike a browser, an event with a type but no data (API.md's `event: reset`)
// is dispatched too.
class SseParser
{
public:
    // Every event completed by `bytes`, in order.
    QList<SseEvent> feed(const QByteArray &bytes);
    // The id to resume from (Last-Event-ID), kept across events as the format says.
    QByteArray lastEventId() const { return m_lastEventId; }
    void setLastEventId(const QByteArray &id) { m_lastEventId = id; }
    // How many comment lines were read (keep-alives prove the stream is alive).
    int commentCount() const { return m_comments; }
    // Forgets a half-read event (the connection dropped); keeps the last event id.
    void resetPartial();

private:
    void processLine(const QByteArray &line, QList<SseEvent> &out);

    QByteArray m_buffer;
    bool m_skipLf = false; // the last chunk ended in CR: a LF at the start of the next is its pair
    QByteArray m_lastEventId;
    QByteArray m_type;
    QByteArray m_data;
    bool m_hasData = false;
    int m_comments = 0;
};

} // namespace taskflow
