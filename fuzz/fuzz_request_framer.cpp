// Fuzz target: the bytes a client sends, as HttpConnection hands them to RequestFramer.
//
// The first input byte chooses where the rest is cut into packets; the rest is the byte stream.
// Beyond "no crash, no sanitizer report":
//  - the framer reads the same requests (and the same refusal) however the stream is cut into
//    packets, so no client can change what a request is by timing its writes;
//  - it takes no byte after a complete or refused request, and never more than it is given;
//  - a refusal is one of the statuses the contract knows, with a detail;
//  - a complete request is within the limits, its normalized form is a fixed point (framed
//    again it gives the same request, byte for byte), and that form holds no control
//    character in its head and exactly one framing: an exact Content-Length or none.
#include "fuzzcheck.h"

#include <taskflow/server/requestframer.h>

#include <QList>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

const RequestFramer::Limits limits{4096, 1024, 8192};

struct Outcome
{
    QList<RequestFramer::Request> requests;
    int refusal = 0;

    bool operator==(const Outcome &other) const
    {
        if (refusal != other.refusal || requests.size() != other.requests.size())
            return false;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const auto &a = requests[i];
            const auto &b = other.requests[i];
            if (a.method != b.method || a.target != b.target || a.body != b.body
                || a.headers != b.headers || a.keepAlive != b.keepAlive
                || a.minorVersion != b.minorVersion || a.normalized != b.normalized)
                return false;
        }
        return true;
    }
};

QString text(const QByteArray &bytes)
{
    return fuzz::escaped(QString::fromLatin1(bytes));
}

// Feeds `stream` in packets of the sizes `cuts` cycles through, as a connection would.
Outcome frame(const QByteArray &stream, const QByteArray &cuts)
{
    RequestFramer framer(limits);
    Outcome outcome;
    qsizetype pos = 0;
    qsizetype cut = 0;
    while (pos < stream.size()) {
        const qsizetype packet = cuts.isEmpty()
            ? stream.size() - pos
            : qMin<qsizetype>(1 + static_cast<unsigned char>(cuts[cut++ % cuts.size()]) % 64,
                              stream.size() - pos);
        qsizetype offset = 0;
        while (offset < packet) {
            const qsizetype taken = framer.feed(stream.constData() + pos + offset, packet - offset);
            FUZZ_CHECK(taken >= 0 && taken <= packet - offset, text(stream));
            offset += taken;
            if (framer.state() == RequestFramer::State::Complete) {
                outcome.requests.append(framer.takeRequest());
            } else if (framer.state() == RequestFramer::State::Refused) {
                outcome.refusal = framer.refusal().status;
                FUZZ_CHECK(!framer.refusal().detail.isEmpty(), text(stream));
                FUZZ_CHECK(framer.feed(stream.constData(), stream.size()) == 0, text(stream));
                return outcome;
            } else {
                FUZZ_CHECK(offset == packet, u"stopped early: "_s + text(stream));
            }
        }
        pos += packet;
    }
    return outcome;
}

void checkRequest(const RequestFramer::Request &request)
{
    const QString shown = text(request.normalized);
    FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes, shown);
    FUZZ_CHECK(request.normalized.startsWith(QByteArray(request.method + ' ')), shown);
    const qsizetype headEnd = request.normalized.indexOf("\r\n\r\n");
    FUZZ_CHECK(headEnd > 0, shown);
    const QByteArray head = request.normalized.left(headEnd);
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray content = line.endsWith('\r') ? line.chopped(1) : line;
        for (const char c : content) {
            const auto u = static_cast<unsigned char>(c);
            FUZZ_CHECK((u >= 0x20 && u != 0x7f) || c == '\t', shown);
        }
    }
    const QByteArray lower = head.toLower();
    FUZZ_CHECK(!lower.contains("\ntransfer-encoding:"), shown);
    FUZZ_CHECK(lower.count("\ncontent-length:") == (request.body.isEmpty() ? 0 : 1), shown);
    FUZZ_CHECK(request.normalized.mid(headEnd + 4) == request.body, shown);

    // The normalized form frames to itself.
    RequestFramer again(limits);
    const qsizetype taken = again.feed(request.normalized.constData(), request.normalized.size());
    FUZZ_CHECK(taken == request.normalized.size(), shown);
    FUZZ_CHECK(again.state() == RequestFramer::State::Complete, shown);
    const RequestFramer::Request second = again.takeRequest();
    FUZZ_CHECK(second.normalized == request.normalized && second.body == request.body
                   && second.method == request.method,
               shown + u" -> "_s + text(second.normalized));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::size_t cutBytes = size > 0 ? 1 + data[0] % 8 : 0;
    if (size <= cutBytes)
        return 0;
    const QByteArray cuts(reinterpret_cast<const char *>(data), qsizetype(cutBytes));
    const QByteArray stream(reinterpret_cast<const char *>(data) + cuts.size(),
                            qsizetype(size) - cuts.size());

    const Outcome whole = frame(stream, {});
    const Outcome packets = frame(stream, cuts);
    FUZZ_CHECK(whole == packets, u"packets change the outcome: "_s + text(stream));

    static const QList<int> statuses{400, 413, 414, 417, 431, 501, 505};
    if (whole.refusal)
        FUZZ_CHECK(statuses.contains(whole.refusal), text(stream));
    for (const RequestFramer::Request &request : whole.requests)
        checkRequest(request);
    return 0;
}
