#include <taskflow/server/requestframer.h>

#include <cctype>
#include <cstring>

namespace taskflow {

namespace {

// RFC 9110, 5.6.2: the characters of a method or a field name.
bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c == '\0' || !isTokenChar(c))
            return false;
    }
    return true;
}

// A field value's characters: visible ASCII, obs-text, space and tab. CR, LF and NUL in a
// value are how headers are smuggled (RFC 9110, 5.5); other controls are no better.
bool isFieldValue(const QByteArray &value)
{
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

// RFC 3986's reg-name, IP literal and port characters: what a Host field may hold.
bool isHostValue(const QByteArray &value)
{
    for (const char c : value) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || std::strchr("-._~!$&'()*+,;=%:[]", c) != nullptr)
            || c == '\0')
            return false;
    }
    return true;
}

bool hasToken(const QByteArray &list, const char *token)
{
    for (const QByteArray &item : list.split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The framing fields are read here and written anew; the upgrade ones are not acted on.
bool isHopByHop(const QByteArray &name)
{
    static const char *const names[] = {"content-length", "transfer-encoding", "expect",
                                        "connection", "keep-alive", "upgrade", "te", "trailer"};
    for (const char *hop : names) {
        if (name.compare(hop, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

constexpr qint64 maxChunkLine = 4096;
// 15 digits of length (decimal or hex) already exceed any body limit; more is an overflow.
constexpr int maxLengthDigits = 15;
// A refused body still coming is read and dropped up to this, so its sender reads the answer.
constexpr qint64 maxDiscardBytes = 8 * 1024 * 1024;

} // namespace

RequestFramer::RequestFramer(Limits limits) : m_limits(limits) {}

void RequestFramer::refuseLater(int status, const char *detail, const char *why)
{
    if (m_due.status == 0)
        m_due = Refusal{status, detail, why, 0};
}

void RequestFramer::expire()
{
    if (m_state == State::Complete || m_state == State::Refused)
        return;
    if (m_due.status != 0) {
        m_state = State::Refused;
        m_refusal = m_due;
        return;
    }
    refuse(408, "Request Timeout", "request not complete in time");
}

bool RequestFramer::refuse(int status, const char *detail, const char *why, qint64 discardBytes)
{
    m_state = State::Refused;
    m_refusal = Refusal{status, detail, why, qMin(discardBytes, maxDiscardBytes)};
    return false;
}

bool RequestFramer::takeContinueRequest()
{
    if (!m_continueRequested || m_continueSent || m_state != State::Body)
        return false;
    m_continueSent = true;
    return true;
}

RequestFramer::Request RequestFramer::takeRequest()
{
    Request request = std::move(m_request);
    m_request = Request();
    m_state = State::Idle;
    return request;
}

bool RequestFramer::readLine(const char *data, qsizetype size, qsizetype &pos, qint64 maxLine)
{
    const char *start = data + pos;
    const auto *newline = static_cast<const char *>(std::memchr(start, '\n', size_t(size - pos)));
    const qsizetype take = newline ? qsizetype(newline - start) + 1 : size - pos;
    pos += take;
    if (m_state == State::Head || (m_state == State::Chunked && m_chunkStep == ChunkStep::Trailers))
        m_headBytes += take;
    if (!m_lineTooLong) {
        m_line.append(start, take);
        if (m_line.size() > maxLine + 2) { // + CR LF
            m_lineTooLong = true;
            m_lineStart = m_line.left(64);
            m_line.clear();
        }
    }
    if (!newline)
        return false;
    if (!m_lineTooLong) {
        m_line.chop(1);
        if (m_line.endsWith('\r'))
            m_line.chop(1);
    }
    return true;
}

bool RequestFramer::readHeadLine(const char *data, qsizetype size, qsizetype &pos)
{
    const bool requestLine = m_request.normalized.isEmpty();
    // A request line is the URL plus a few bytes; a field line is bounded by the head.
    const qint64 maxLine = requestLine ? m_limits.maxUrlBytes + 64 : m_limits.maxHeadBytes;
    const bool gotLine = readLine(data, size, pos, maxLine);
    if (m_lineTooLong) {
        if (requestLine && m_due.status == 0) {
            // Method and the start of the target, for the log.
            const QList<QByteArray> parts = m_lineStart.split(' ');
            if (isToken(parts.value(0)))
                m_request.method = parts.value(0);
            m_request.target = parts.value(1) + "...";
        }
        if (requestLine)
            refuseLater(414, "URI Too Long", "request line over the limit");
        else
            refuseLater(431, "Request header fields too large", "header field over the limit");
    }
    if (m_headBytes > m_limits.maxHeadBytes + (requestLine ? m_limits.maxUrlBytes : 0))
        refuseLater(431, "Request header fields too large", "request head over the limit");
    // Past twice the limits, the answer is given without waiting for the end of the head.
    if (m_due.status != 0 && m_headBytes > 2 * m_limits.maxHeadBytes + m_limits.maxUrlBytes) {
        m_state = State::Refused;
        m_refusal = m_due;
        return false;
    }
    if (gotLine && m_lineTooLong) {
        m_lineTooLong = false;
        if (requestLine)
            m_request.normalized = "-"; // the request line is behind us
        return false;
    }
    return gotLine;
}

qsizetype RequestFramer::feed(const char *data, qsizetype size)
{
    qsizetype pos = 0;
    while (pos < size) {
        switch (m_state) {
        case State::Complete:
        case State::Refused:
            return pos;

        case State::Idle:
            // Blank lines between requests are allowed (RFC 9112, 2.2); anything else must
            // start a method, so a TLS handshake or binary noise is refused on its first byte.
            if (data[pos] == '\r' || data[pos] == '\n') {
                ++pos;
                break;
            }
            if (!isTokenChar(data[pos])) {
                refuse(400, "Bad Request", "not an HTTP request line");
                return pos;
            }
            m_state = State::Head;
            m_request = Request();
            m_line.clear();
            m_lineTooLong = false;
            m_due = Refusal{0, {}, {}, 0};
            m_headBytes = 0;
            m_continueRequested = m_continueSent = false;
            break;

        case State::Head: {
            const bool requestLine = m_request.normalized.isEmpty();
            if (!readHeadLine(data, size, pos)) {
                if (m_state == State::Refused)
                    return pos;
                break;
            }
            const QByteArray line = std::exchange(m_line, QByteArray());
            if (m_due.status != 0) {
                // Reading past a head already refused: only to find its Origin (CORS).
                if (line.isEmpty()) {
                    m_state = State::Refused;
                    m_refusal = m_due;
                    return pos;
                }
                HttpHeaders fields;
                if (parseFieldLine(line, &fields))
                    m_request.headers += fields;
                m_state = State::Head; // a malformed line changes nothing now
                break;
            }
            if (requestLine) {
                if (!parseRequestLine(line))
                    return pos;
            } else if (line.isEmpty()) {
                if (!finishHead())
                    return pos;
            } else if (!parseFieldLine(line, &m_request.headers)) {
                return pos;
            }
            break;
        }

        case State::Body: {
            const qint64 take = qMin<qint64>(m_bodyRemaining, size - pos);
            m_request.body.append(data + pos, take);
            pos += take;
            m_bodyRemaining -= take;
            if (m_bodyRemaining == 0)
                complete();
            break;
        }

        case State::Chunked:
            if (m_chunkStep == ChunkStep::Data) {
                const qint64 take = qMin<qint64>(m_bodyRemaining, size - pos);
                m_request.body.append(data + pos, take);
                pos += take;
                m_bodyRemaining -= take;
                if (m_bodyRemaining == 0)
                    m_chunkStep = ChunkStep::DataEnd;
                break;
            }
            {
                const bool trailers = m_chunkStep == ChunkStep::Trailers;
                const bool gotLine = readLine(data, size, pos, trailers ? m_limits.maxHeadBytes : maxChunkLine);
                if (trailers && (m_lineTooLong || m_headBytes > m_limits.maxHeadBytes)) {
                    refuse(431, "Request header fields too large", "trailer fields over the limit");
                    return pos;
                }
                if (!trailers && m_lineTooLong) {
                    refuse(400, "Bad Request", "chunk size line too long");
                    return pos;
                }
                if (!gotLine)
                    return pos;
                const QByteArray line = std::exchange(m_line, QByteArray());
                switch (m_chunkStep) {
                case ChunkStep::SizeLine:
                    if (!parseChunkSize(line))
                        return pos;
                    break;
                case ChunkStep::DataEnd:
                    if (!line.isEmpty()) {
                        refuse(400, "Bad Request", "no line break after a chunk");
                        return pos;
                    }
                    m_chunkStep = ChunkStep::SizeLine;
                    break;
                case ChunkStep::Trailers: {
                    // Trailer fields are read as fields and dropped (RFC 9112, 7.1.2).
                    HttpHeaders discarded;
                    if (line.isEmpty())
                        complete();
                    else if (!parseFieldLine(line, &discarded))
                        return pos;
                    break;
                }
                case ChunkStep::Data:
                    break;
                }
            }
            break;
        }
    }
    return pos;
}

bool RequestFramer::parseRequestLine(const QByteArray &line)
{
    // method SP request-target SP HTTP-version, single spaces (RFC 9112, 3).
    const qsizetype first = line.indexOf(' ');
    const qsizetype second = first < 0 ? -1 : line.indexOf(' ', first + 1);
    if (first <= 0 || second <= first + 1 || line.indexOf(' ', second + 1) >= 0)
        return refuse(400, "Bad Request", "malformed request line");
    const QByteArray method = line.left(first);
    QByteArray target = line.mid(first + 1, second - first - 1);
    const QByteArray version = line.mid(second + 1);
    if (!isToken(method))
        return refuse(400, "Bad Request", "malformed method");
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.'
        || !std::isdigit(static_cast<unsigned char>(version[5]))
        || !std::isdigit(static_cast<unsigned char>(version[7])))
        return refuse(400, "Bad Request", "malformed HTTP version");
    if (version[5] != '1' || (version[7] != '0' && version[7] != '1'))
        return refuse(505, "HTTP Version Not Supported", "not HTTP/1.0 or HTTP/1.1");
    if (target.size() > m_limits.maxUrlBytes)
        return refuse(414, "URI Too Long", "request target over the limit");
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f)
            return refuse(400, "Bad Request", "control character in the request target");
    }
    // origin-form, absolute-form (RFC 9112, 3.2) or `*` for OPTIONS; the absolute form's
    // authority only repeats what Host says, and Qt's parser reads the path from origin form.
    QByteArray originForm = target;
    if (target.size() > 7 && (target.first(7).compare("http://", Qt::CaseInsensitive) == 0
                              || target.first(8).compare("https://", Qt::CaseInsensitive) == 0)) {
        const qsizetype authority = target.indexOf("//") + 2;
        const qsizetype path = target.indexOf('/', authority);
        const qsizetype query = target.indexOf('?', authority);
        if (path >= 0 && (query < 0 || path < query))
            originForm = target.mid(path);
        else
            originForm = '/' + (query >= 0 ? target.mid(query) : QByteArray());
    } else if (target == "*") {
        if (method != "OPTIONS")
            return refuse(400, "Bad Request", "asterisk-form target without OPTIONS");
    } else if (!target.startsWith('/')) {
        return refuse(400, "Bad Request", "request target not in origin or absolute form");
    }
    m_request.method = method;
    m_request.target = target;
    m_request.minorVersion = version[7] - '0';
    m_request.normalized = method + ' ' + originForm + ' ' + version + "\r\n";
    return true;
}

bool RequestFramer::parseFieldLine(const QByteArray &line, HttpHeaders *into)
{
    // A line starting with white space continues the previous one (obs-fold): refused, as
    // RFC 9112, 5.2 allows, since proxies disagree on what it means.
    if (line.startsWith(' ') || line.startsWith('\t'))
        return refuse(400, "Bad Request", "folded header field line");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return refuse(400, "Bad Request", "header field line without a name");
    const QByteArray name = line.left(colon);
    // "Content-Length : 2": no white space between name and colon (RFC 9112, 5.1).
    if (!isToken(name))
        return refuse(400, "Bad Request", "malformed header field name");
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (!isFieldValue(value) || line.mid(colon + 1).contains('\r'))
        return refuse(400, "Bad Request", "control character in a header field value");
    into->append({name, value});
    return true;
}

bool RequestFramer::finishHead()
{
    const HttpHeaders &headers = m_request.headers;
    int lengthCount = 0, encodingCount = 0, hostCount = 0;
    QByteArray length, encoding, host, expect, connection;
    for (const auto &[name, value] : headers) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            ++lengthCount;
            length = value;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            ++encodingCount;
            encoding = value;
        } else if (name.compare("host", Qt::CaseInsensitive) == 0) {
            ++hostCount;
            host = value;
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            expect = expect.isEmpty() ? value : expect + ", " + value;
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            connection = connection.isEmpty() ? value : connection + ", " + value;
        }
    }
    const bool http11 = m_request.minorVersion == 1;
    m_request.keepAlive = http11 ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");

    // RFC 9112, 3.2: exactly one Host in HTTP/1.1, at most one in 1.0, and a valid one.
    if ((http11 && hostCount != 1) || hostCount > 1)
        return refuse(400, "Bad Request", hostCount ? "more than one Host field" : "no Host field");
    if (!isHostValue(host))
        return refuse(400, "Bad Request", "malformed Host field");

    qint64 bodyBytes = 0;
    bool chunked = false;
    if (encodingCount > 0) {
        // Both framings: which one a proxy in front went by is unknowable (RFC 9112, 6.1).
        if (lengthCount > 0)
            return refuse(400, "Bad Request", "both Content-Length and Transfer-Encoding");
        if (!http11)
            return refuse(400, "Bad Request", "Transfer-Encoding in an HTTP/1.0 request");
        if (encodingCount > 1 || encoding.compare("chunked", Qt::CaseInsensitive) != 0)
            return refuse(501, "Transfer-Encoding not supported", "a transfer coding other than chunked");
        chunked = true;
    } else if (lengthCount > 1) {
        return refuse(400, "Bad Request", "more than one Content-Length");
    } else if (lengthCount == 1) {
        // 1*DIGIT and nothing else: no sign, no space inside, no list (RFC 9110, 8.6).
        if (length.isEmpty())
            return refuse(400, "Bad Request", "malformed Content-Length");
        for (const char c : length) {
            if (c < '0' || c > '9')
                return refuse(400, "Bad Request", "malformed Content-Length");
        }
        if (length.size() > maxLengthDigits)
            return refuse(413, "Request body too large", "declared body over the limit",
                          maxDiscardBytes);
        bodyBytes = length.toLongLong();
        if (bodyBytes > m_limits.maxBodyBytes)
            return refuse(413, "Request body too large", "declared body over the limit", bodyBytes);
    }

    if (!expect.isEmpty()) {
        if (expect.compare("100-continue", Qt::CaseInsensitive) != 0)
            return refuse(417, "Expectation Failed", "an expectation other than 100-continue");
        m_continueRequested = chunked || bodyBytes > 0;
    }

    for (const auto &[name, value] : headers) {
        if (!isHopByHop(name))
            m_request.normalized += name + ": " + value + "\r\n";
    }
    if (chunked) {
        m_state = State::Chunked;
        m_chunkStep = ChunkStep::SizeLine;
        m_bodyRemaining = 0;
    } else if (bodyBytes > 0) {
        m_state = State::Body;
        m_bodyRemaining = bodyBytes; // not reserved: a declared length is only a promise
    } else {
        complete();
    }
    return true;
}

bool RequestFramer::parseChunkSize(const QByteArray &line)
{
    // chunk-size [ chunk-ext ]: hex digits, then nothing or white space / `;` extensions.
    qsizetype digits = 0;
    while (digits < line.size() && std::isxdigit(static_cast<unsigned char>(line[digits])))
        ++digits;
    const QByteArray rest = line.mid(digits).trimmed();
    if (digits == 0 || (!rest.isEmpty() && !rest.startsWith(';')))
        return refuse(400, "Bad Request", "malformed chunk size");
    if (digits > maxLengthDigits)
        return refuse(413, "Request body too large", "chunk size over the limit");
    bool ok = false;
    const qint64 size = line.left(digits).toLongLong(&ok, 16);
    if (!ok)
        return refuse(400, "Bad Request", "malformed chunk size");
    if (m_request.body.size() + size > m_limits.maxBodyBytes)
        return refuse(413, "Request body too large", "chunked body over the limit");
    if (size == 0) {
        m_chunkStep = ChunkStep::Trailers;
    } else {
        m_chunkStep = ChunkStep::Data;
        m_bodyRemaining = size;
    }
    return true;
}

void RequestFramer::complete()
{
    if (!m_request.body.isEmpty())
        m_request.normalized += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    m_request.normalized += "\r\n";
    m_request.normalized += m_request.body;
    m_state = State::Complete;
}

} // namespace taskflow
