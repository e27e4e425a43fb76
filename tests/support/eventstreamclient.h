#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>

#include <optional>

// A client of GET /tasks/events on a raw socket, as a browser's EventSource reads it: the
// chunked body decoded, the Server-Sent Events parsed, every event kept in order.
class EventStreamClient
{
public:
    struct Event
    {
        QByteArray id;
        QByteArray name; // `event:`
        QByteArray data;
        QJsonObject json() const;
    };

    // Connects and sends the request; `lastEventId` resumes. False when no 200 came.
    bool open(quint16 port, const std::optional<QByteArray> &lastEventId = {},
              const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000);
    // Waits until `count` events in all have come (or the deadline passed, or the stream ended).
    bool waitForEvents(int count, int timeoutMs = 10000);
    // Waits until `count` comment lines in all have come.
    bool waitForComments(int count, int timeoutMs = 10000);
    // Waits until the server ends the stream (its last chunk, or the connection closing).
    bool waitForEnd(int timeoutMs = 10000);
    void close();

    const QList<Event> &events() const { return m_events; }
    const QByteArray &head() const { return m_head; }
    int comments() const { return m_comments; }
    QTcpSocket &socket() { return m_socket; }
    bool ended() const { return m_ended; }

private:
    void read();
    void parseLines();

    QTcpSocket m_socket;
    QByteArray m_raw;     // not yet decoded
    QByteArray m_head;
    QByteArray m_text;    // decoded body, not yet parsed into lines
    bool m_headDone = false;
    bool m_ended = false;
    Event m_current;
    bool m_currentHasField = false;
    int m_comments = 0;
    QList<Event> m_events;
};
