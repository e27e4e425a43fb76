#pragma once

#include <taskflow/server/httpmessage.h>

#include <QByteArray>

namespace taskflow {

// Reads HTTP/1.1 requests (RFC 9112) out of a connection's bytes, one at a time, and decides
// what each is before anything else sees it: where it ends (Content-Length or chunked), and
// whether it is well formed and within the limits. A request whose framing is ambiguous (both
// Content-Length and Transfer-Encoding, a malformed or repeated length, a folded or
// space-before-colon field line, no Host in HTTP/1.1) is refused, and so is one over a limit;
// the connection is then answered and closed. A complete request comes out with its framing
// made plain: the request line in origin form, the end-to-end header fields, an exact
// Content-Length and the de-chunked body. That is all Qt HttpServer's parser ever reads, so
// every Qt version parses the same thing, and a smuggled request has nowhere to hide.
// No sockets here: tests and the fuzzer drive it with bytes.
class RequestFramer
{
public:
    struct Limits
    {
        qint64 maxHeadBytes = 64 * 1024; // request line and header fields (and trailers)
        qint64 maxUrlBytes = 8 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
    };

    enum class State {
        Idle,     // nothing of the next request yet
        Head,     // reading the request line and the header fields
        Body,     // reading a Content-Length body
        Chunked,  // reading a chunked body
        Complete, // a whole request: takeRequest()
        Refused,  // not a request this server reads: refusal() says how to answer
    };

    struct Refusal
    {
        int status = 400;
        QByteArray detail;        // the JSON error's detail
        QByteArray why;           // for the log
        qint64 discardBytes = 0;  // body bytes to read and drop, so the client reads the answer
    };

    struct Request
    {
        QByteArray method;
        QByteArray target;   // as sent
        int minorVersion = 1;
        HttpHeaders headers; // every field line, as sent
        QByteArray body;
        bool keepAlive = true; // the connection may carry another request after this one
        QByteArray normalized; // what Qt HttpServer's parser reads
    };

    explicit RequestFramer(Limits limits);

    // Takes bytes of the current request from `data` and returns how many it took: what follows
    // a complete request is the next one's, left to the caller. Takes nothing once the request
    // is complete or refused.
    qsizetype feed(const char *data, qsizetype size);

    State state() const { return m_state; }
    // Some byte of a request (not only blank lines between requests) has arrived.
    bool hasStarted() const { return m_state != State::Idle; }
    // True once, when the head asked for `100-continue` and its body has not all come yet.
    bool takeContinueRequest();
    // When Complete; the framer then waits for the next request.
    Request takeRequest();
    // The request did not arrive whole in time: Refused, with 408 (or the refusal already due).
    void expire();
    const Refusal &refusal() const { return m_refusal; }
    // What has been read of the current request: a refusal is logged with its method and
    // target, and answered with CORS headers if its Origin may read them.
    const Request &partial() const { return m_request; }

private:
    enum class ChunkStep { SizeLine, Data, DataEnd, Trailers };

    bool readLine(const char *data, qsizetype size, qsizetype &pos, qint64 maxLine);
    bool readHeadLine(const char *data, qsizetype size, qsizetype &pos);
    bool parseRequestLine(const QByteArray &line);
    bool parseFieldLine(const QByteArray &line, HttpHeaders *into);
    bool finishHead();
    bool parseChunkSize(const QByteArray &line);
    void complete();
    bool refuse(int status, const char *detail, const char *why, qint64 discardBytes = 0);
    void refuseLater(int status, const char *detail, const char *why);

    Limits m_limits;
    State m_state = State::Idle;
    Request m_request;
    Refusal m_refusal;
    QByteArray m_line;       // the line being read
    bool m_lineTooLong = false; // the rest of the line is read past, not kept
    // A head over a limit is answered once it has been read past, so that the answer can carry
    // the CORS headers its Origin asks for; until then this holds the refusal due.
    Refusal m_due{0, {}, {}, 0};
    QByteArray m_lineStart; // of a line too long: its method is still worth logging
    qint64 m_headBytes = 0;  // of the request line, field lines and trailers
    qint64 m_bodyRemaining = 0;
    ChunkStep m_chunkStep = ChunkStep::SizeLine;
    bool m_continueRequested = false;
    bool m_continueSent = false;
};

} // namespace taskflow
