// A benchmark, not a test: the live change stream under load (issue 12). Opens many
// GET /tasks/events streams on one server, then POSTs a task every few milliseconds (to the
// same server or to another one on the same database) and measures, for every event at every
// subscriber, the time from the write's 201 (its answer fully read here) to the event's arrival.
//
//   bench-events --read-port P [--write-port Q] [--streams 1000] [--interval-ms 10]
//                [--seconds 20] [--grace-seconds 5] [--threads 2] [--writers 32]
//                [--server-pid PID ...]
//
// Prints a human summary and one machine-readable line starting "EVENTS ". Lost = an event a
// subscriber never got for a write that was answered 201; duplicates = the same task's creation
// (or the same event id, or an id going backwards) twice at one subscriber. For each
// --server-pid: peak RSS (VmHWM: scripts/bench.sh resets it before the run) and CPU over the
// writing phase (utime+stime from /proc/PID/stat). Subscribers are spread over --threads
// threads with an event loop each; the tool reports its own CPU so a saturated client is seen.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QThread>
#include <QTcpSocket>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QElapsedTimer clock0; // started in main(): every thread reads the same monotonic clock

qint64 nowNs()
{
    return clock0.nsecsElapsed();
}

// A task id as it appears in JSON: the 36 characters after `"id":"`.
QByteArray taskIdIn(const char *data, qsizetype size)
{
    static const QByteArray key = "\"id\":\"";
    const QByteArrayView view(data, size);
    const qsizetype at = view.indexOf(key);
    if (at < 0)
        return QByteArray();
    const qsizetype start = at + key.size();
    const qsizetype end = view.indexOf('"', start);
    if (end < 0)
        return QByteArray();
    return QByteArray(data + start, end - start);
}

struct ProcSample
{
    qint64 ticks = 0; // utime + stime
    qint64 hwmKiB = 0;
    qint64 rssKiB = 0;
};

ProcSample sample(qint64 pid)
{
    ProcSample s;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')'); // the command may hold spaces
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        if (fields.size() > 12)
            s.ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    }
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                s.hwmKiB = line.mid(6).trimmed().split(' ').first().toLongLong();
            else if (line.startsWith("VmRSS:"))
                s.rssKiB = line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    return s;
}

// What one thread's subscribers saw, merged by the main thread at the end.
struct Seen
{
    QHash<QByteArray, std::vector<qint64>> arrivals; // task id -> arrival per local subscriber
    qint64 duplicates = 0;       // the same task created twice at one subscriber
    qint64 idDuplicates = 0;     // an event id not above the previous one at that subscriber
    qint64 events = 0;
    qint64 resets = 0;
    qint64 keepAlives = 0;
    int opened = 0;
    int failed = 0;
    int closedByServer = 0;
    std::vector<char> wasOpen; // per local subscriber: its stream opened
};

// One thread's share of the streams, on plain non-blocking sockets and epoll: a Qt socket per
// stream costs tens of microseconds per event (a notifier per socket, a poll() over all of
// them), which at 1,000 streams and 100 events/s would measure the client instead of the server.
class SubscriberGroup
{
public:
    SubscriberGroup(quint16 port, int count) : m_port(port), m_count(count) {}
    ~SubscriberGroup()
    {
        stop();
        for (Stream &stream : m_streams)
            if (stream.fd >= 0)
                ::close(stream.fd);
        if (m_epoll >= 0)
            ::close(m_epoll);
    }

    void start()
    {
        m_streams.resize(std::size_t(m_count));
        m_epoll = epoll_create1(0);
        m_thread = std::thread([this] { loop(); });
    }

    void stop()
    {
        m_stop.store(true);
        if (m_thread.joinable())
            m_thread.join();
    }

    int opened() const { return m_openedAtomic.load(); }
    int failed() const { return m_failedAtomic.load(); }

    // After stop().
    Seen takeSeen()
    {
        m_seen.wasOpen.assign(m_streams.size(), 0);
        for (std::size_t i = 0; i < m_streams.size(); ++i)
            m_seen.wasOpen[i] = m_streams[i].open ? 1 : 0;
        return std::move(m_seen);
    }

private:
    struct Stream
    {
        int fd = -1;
        QByteArray raw;     // bytes not yet de-chunked
        qsizetype rawPos = 0;
        QByteArray text;    // de-chunked event text not yet split into events
        qsizetype textPos = 0;
        qint64 chunkLeft = -1; // bytes of the current chunk still to come; -1: a size line is next
        bool sent = false;
        bool connecting = false; // counted in m_connecting
        bool headDone = false;
        bool open = false;
        bool ended = false;
        qint64 lastId = -1;
    };

    void loop()
    {
        std::vector<epoll_event> ready(256);
        std::vector<char> buffer(256 * 1024);
        while (!m_stop.load()) {
            openMore();
            const int n = epoll_wait(m_epoll, ready.data(), int(ready.size()), 20);
            const qint64 arrived = nowNs();
            for (int i = 0; i < n; ++i) {
                const int index = int(ready[std::size_t(i)].data.u32);
                Stream &stream = m_streams[std::size_t(index)];
                if (stream.ended)
                    continue;
                if (!stream.sent) {
                    int error = 0;
                    socklen_t length = sizeof error;
                    getsockopt(stream.fd, SOL_SOCKET, SO_ERROR, &error, &length);
                    if (error != 0) {
                        fail(stream);
                        continue;
                    }
                    static const char request[] =
                        "GET /tasks/events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n";
                    if (::send(stream.fd, request, sizeof request - 1, MSG_NOSIGNAL) != ssize_t(sizeof request - 1)) {
                        fail(stream);
                        continue;
                    }
                    stream.sent = true;
                    epoll_event event{};
                    event.events = EPOLLIN;
                    event.data.u32 = quint32(index);
                    epoll_ctl(m_epoll, EPOLL_CTL_MOD, stream.fd, &event);
                    continue;
                }
                for (;;) {
                    const ssize_t got = ::recv(stream.fd, buffer.data(), buffer.size(), 0);
                    if (got > 0) {
                        stream.raw.append(buffer.data(), got);
                        if (std::size_t(got) < buffer.size())
                            break;
                        continue;
                    }
                    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                        break;
                    closed(stream); // 0: the server closed it; <0: an error
                    break;
                }
                onData(stream, index, arrived);
            }
        }
    }

    void openMore()
    {
        // At most 64 connects in flight: a burst of 1,000 SYNs overflows the listen backlog.
        while (m_next < m_count && m_connecting < 64) {
            const int index = m_next++;
            Stream &stream = m_streams[std::size_t(index)];
            stream.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (stream.fd < 0) {
                fail(stream);
                continue;
            }
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_port = htons(m_port);
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(stream.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0
                && errno != EINPROGRESS) {
                fail(stream);
                continue;
            }
            ++m_connecting;
            stream.connecting = true;
            epoll_event event{};
            event.events = EPOLLOUT;
            event.data.u32 = quint32(index);
            epoll_ctl(m_epoll, EPOLL_CTL_ADD, stream.fd, &event);
        }
    }

    void doneConnecting(Stream &stream)
    {
        if (stream.connecting) {
            stream.connecting = false;
            --m_connecting;
        }
    }

    void fail(Stream &stream)
    {
        if (stream.ended)
            return;
        stream.ended = true;
        if (stream.fd >= 0) {
            ::close(stream.fd);
            stream.fd = -1;
        }
        doneConnecting(stream);
        ++m_seen.failed;
        m_failedAtomic.fetch_add(1);
    }

    void closed(Stream &stream)
    {
        if (!stream.open) {
            fail(stream);
            return;
        }
        stream.ended = true;
        ++m_seen.closedByServer;
        ::close(stream.fd);
        stream.fd = -1;
    }

    void onData(Stream &stream, int index, qint64 arrived)
    {
        if (!stream.headDone) {
            const qsizetype end = stream.raw.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            stream.headDone = true;
            doneConnecting(stream);
            if (!stream.raw.startsWith("HTTP/1.1 200")) {
                fail(stream);
                return;
            }
            stream.rawPos = end + 4;
            stream.open = true;
            ++m_seen.opened;
            m_openedAtomic.fetch_add(1);
        }
        dechunk(stream);
        parseEvents(stream, index, arrived);
    }

    static void dechunk(Stream &stream)
    {
        QByteArray &raw = stream.raw;
        for (;;) {
            if (stream.chunkLeft < 0) {
                const qsizetype lineEnd = raw.indexOf("\r\n", stream.rawPos);
                if (lineEnd < 0)
                    break;
                bool ok = false;
                const qint64 size = QByteArrayView(raw).sliced(stream.rawPos, lineEnd - stream.rawPos).toLongLong(&ok, 16);
                if (!ok)
                    break;
                stream.rawPos = lineEnd + 2;
                if (size == 0)
                    break; // the end of the body
                stream.chunkLeft = size + 2; // data and its CRLF
            }
            const qint64 have = raw.size() - stream.rawPos;
            if (have <= 0)
                break;
            const qint64 take = qMin(have, stream.chunkLeft);
            // the chunk's data, without the CRLF that ends it
            const qint64 dataPart = qMax<qint64>(0, qMin(take, stream.chunkLeft - 2));
            stream.text.append(raw.constData() + stream.rawPos, dataPart);
            stream.rawPos += take;
            stream.chunkLeft -= take;
            if (stream.chunkLeft == 0)
                stream.chunkLeft = -1;
        }
        if (stream.rawPos > 0 && stream.rawPos == raw.size()) {
            raw.clear();
            stream.rawPos = 0;
        } else if (stream.rawPos > 65536) {
            raw.remove(0, stream.rawPos);
            stream.rawPos = 0;
        }
    }

    void parseEvents(Stream &stream, int index, qint64 arrived)
    {
        QByteArray &text = stream.text;
        for (;;) {
            const qsizetype end = text.indexOf("\n\n", stream.textPos);
            if (end < 0)
                break;
            const char *block = text.constData() + stream.textPos;
            const qsizetype size = end - stream.textPos;
            stream.textPos = end + 2;
            onEvent(stream, index, block, size, arrived);
        }
        if (stream.textPos == text.size()) {
            text.clear();
            stream.textPos = 0;
        } else if (stream.textPos > 65536) {
            text.remove(0, stream.textPos);
            stream.textPos = 0;
        }
    }

    void onEvent(Stream &stream, int index, const char *block, qsizetype size, qint64 arrived)
    {
        const QByteArrayView view(block, size);
        if (view.startsWith(':')) {
            ++m_seen.keepAlives;
            return;
        }
        qint64 id = -1;
        QByteArrayView name;
        qsizetype pos = 0;
        while (pos < size) {
            qsizetype lineEnd = view.indexOf('\n', pos);
            if (lineEnd < 0)
                lineEnd = size;
            const QByteArrayView line = view.sliced(pos, lineEnd - pos);
            if (line.startsWith("id: "))
                id = line.sliced(4).toLongLong();
            else if (line.startsWith("event: "))
                name = line.sliced(7);
            else if (line.startsWith("data: ") && name == "task.created") {
                const QByteArray task = taskIdIn(line.data(), line.size());
                if (!task.isEmpty()) {
                    std::vector<qint64> &times = m_seen.arrivals[task];
                    if (times.empty())
                        times.assign(std::size_t(m_count), -1);
                    qint64 &slot = times[std::size_t(index)];
                    if (slot >= 0)
                        ++m_seen.duplicates;
                    else
                        slot = arrived;
                }
            }
            pos = lineEnd + 1;
        }
        if (name == "reset")
            ++m_seen.resets;
        ++m_seen.events;
        if (id >= 0) {
            if (id <= stream.lastId)
                ++m_seen.idDuplicates;
            stream.lastId = id;
        }
    }

    quint16 m_port;
    int m_count;
    int m_next = 0;
    int m_connecting = 0;
    int m_epoll = -1;
    std::vector<Stream> m_streams;
    Seen m_seen;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_openedAtomic{0};
    std::atomic<int> m_failedAtomic{0};
};

// POSTs on a few keep-alive connections; a tick finding none free is counted as skipped.
class Writer : public QObject
{
public:
    Writer(quint16 port, int connections) : m_port(port)
    {
        for (int i = 0; i < connections; ++i)
            m_conns.push_back(std::make_unique<Conn>());
        for (std::size_t i = 0; i < m_conns.size(); ++i)
            connectOne(i);
    }

    void write()
    {
        for (std::size_t i = 0; i < m_conns.size(); ++i) {
            Conn &conn = *m_conns[i];
            if (conn.busy || !conn.socket || conn.socket->state() != QAbstractSocket::ConnectedState)
                continue;
            // The server closes a keep-alive connection idle for 5 s; a POST sent as it does
            // fails. One idle that long is replaced instead of used.
            if (nowNs() - conn.idleSinceNs > 4'000'000'000LL) {
                connectOne(i);
                continue;
            }
            ++m_serial;
            const QByteArray body = "{\"title\":\"Events benchmark " + QByteArray::number(m_serial)
                + "\",\"priority\":\"high\",\"assignee\":\"events\"}";
            conn.busy = true;
            conn.buffer.clear();
            conn.sentNs = nowNs();
            conn.socket->write("POST /tasks HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: "
                               + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            ++m_sent;
            return;
        }
        ++m_skipped;
    }

    QHash<QByteArray, qint64> created; // task id -> time its 201 was read
    QHash<QByteArray, qint64> sentAt;  // task id -> time its POST was sent
    std::vector<qint64> postLatencies;
    QHash<int, qint64> statuses;
    qint64 m_sent = 0;
    qint64 m_skipped = 0;
    qint64 m_failures = 0;

    bool idle() const
    {
        for (const auto &conn : m_conns)
            if (conn->busy)
                return false;
        return true;
    }

private:
    struct Conn
    {
        QTcpSocket *socket = nullptr;
        QByteArray buffer;
        bool busy = false;
        qint64 sentNs = 0;
        qint64 idleSinceNs = 0; // connected, or its last answer read
    };

    void connectOne(std::size_t i)
    {
        Conn &conn = *m_conns[i];
        if (conn.socket)
            conn.socket->deleteLater();
        conn.socket = new QTcpSocket(this);
        conn.busy = false;
        conn.buffer.clear();
        conn.idleSinceNs = nowNs();
        QTcpSocket *socket = conn.socket;
        connect(socket, &QTcpSocket::readyRead, this, [this, i, socket] {
            if (m_conns[i]->socket == socket)
                onRead(i);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, i, socket] {
            if (m_conns[i]->socket != socket)
                return;
            if (m_conns[i]->busy)
                ++m_failures;
            QTimer::singleShot(50, this, [this, i] { connectOne(i); });
        });
        socket->connectToHost(u"127.0.0.1"_s, m_port);
    }

    void onRead(std::size_t i)
    {
        Conn &conn = *m_conns[i];
        conn.buffer += conn.socket->readAll();
        const qsizetype headEnd = conn.buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = conn.buffer.left(headEnd);
        qint64 length = 0;
        const qsizetype cl = head.toLower().indexOf("\r\ncontent-length:");
        if (cl >= 0) {
            const qsizetype lineEnd = head.indexOf("\r\n", cl + 2);
            length = head.mid(cl + 17, (lineEnd < 0 ? head.size() : lineEnd) - cl - 17).trimmed().toLongLong();
        }
        if (conn.buffer.size() < headEnd + 4 + length)
            return;
        const qint64 done = nowNs();
        const int status = head.mid(9, 3).toInt();
        const QByteArray body = conn.buffer.mid(headEnd + 4, length);
        conn.buffer.remove(0, headEnd + 4 + length);
        conn.busy = false;
        conn.idleSinceNs = done;
        ++statuses[status];
        postLatencies.push_back(done - conn.sentNs);
        if (status == 201) {
            const QByteArray id = taskIdIn(body.constData(), body.size());
            if (!id.isEmpty()) {
                created.insert(id, done);
                sentAt.insert(id, conn.sentNs);
            }
        }
        if (head.toLower().contains("\r\nconnection: close"))
            connectOne(i);
    }

    quint16 m_port;
    std::vector<std::unique_ptr<Conn>> m_conns;
    qint64 m_serial = 0;
};

double percentile(std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const std::size_t at = std::min(sorted.size() - 1, std::size_t(p / 100.0 * double(sorted.size())));
    return double(sorted[at]) / 1e6;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    clock0.start();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Live change stream benchmark (issue 12): latency from a write's 201 to its event at every subscriber."_s);
    parser.addHelpOption();
    const QCommandLineOption readPortOpt(u"read-port"_s, u"Port of the server whose streams are read."_s, u"port"_s);
    const QCommandLineOption writePortOpt(u"write-port"_s, u"Port of the server that takes the writes (default: the read port)."_s, u"port"_s);
    const QCommandLineOption streamsOpt(u"streams"_s, u"Open streams."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption intervalOpt(u"interval-ms"_s, u"A write every this many ms."_s, u"ms"_s, u"10"_s);
    const QCommandLineOption secondsOpt(u"seconds"_s, u"How long to write."_s, u"s"_s, u"20"_s);
    const QCommandLineOption graceOpt(u"grace-seconds"_s, u"How long to wait for late events after the last write."_s, u"s"_s, u"5"_s);
    const QCommandLineOption threadsOpt(u"threads"_s, u"Threads reading the streams."_s, u"n"_s, u"2"_s);
    const QCommandLineOption writersOpt(u"writers"_s, u"Keep-alive connections the writes use (writes in flight at most)."_s, u"n"_s, u"32"_s);
    const QCommandLineOption pidOpt(u"server-pid"_s, u"A server process to report RSS and CPU of (repeatable)."_s, u"pid"_s);
    parser.addOptions({readPortOpt, writePortOpt, streamsOpt, intervalOpt, secondsOpt, graceOpt,
                       threadsOpt, writersOpt, pidOpt});
    parser.process(app);
    const quint16 readPort = quint16(parser.value(readPortOpt).toUInt());
    const quint16 writePort = parser.isSet(writePortOpt) ? quint16(parser.value(writePortOpt).toUInt()) : readPort;
    const int streams = parser.value(streamsOpt).toInt();
    const int intervalMs = qMax(1, parser.value(intervalOpt).toInt());
    const int seconds = parser.value(secondsOpt).toInt();
    const int grace = parser.value(graceOpt).toInt();
    const int threadCount = qBound(1, parser.value(threadsOpt).toInt(), 16);
    QList<qint64> pids;
    for (const QString &pid : parser.values(pidOpt))
        pids.append(pid.toLongLong());
    if (readPort == 0 || streams <= 0) {
        std::fprintf(stderr, "bench-events: --read-port and --streams are needed\n");
        return 2;
    }

    // Subscribers, spread over threads.
    std::vector<std::unique_ptr<SubscriberGroup>> groups;
    for (int t = 0; t < threadCount; ++t) {
        const int count = streams / threadCount + (t < streams % threadCount ? 1 : 0);
        groups.push_back(std::make_unique<SubscriberGroup>(readPort, count));
        groups.back()->start();
    }

    const auto openedNow = [&] {
        int opened = 0, failed = 0;
        for (const auto &group : groups) {
            opened += group->opened();
            failed += group->failed();
        }
        return std::pair{opened, failed};
    };

    // Wait until every stream is open (or 60 s).
    QElapsedTimer openTimer;
    openTimer.start();
    while (openTimer.elapsed() < 60'000) {
        const auto [opened, failed] = openedNow();
        if (opened + failed >= streams)
            break;
        app.processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    const auto [opened, failedOpen] = openedNow();
    std::printf("streams: %d of %d open in %.1f s (%d refused or failed)\n", opened, streams,
                double(openTimer.elapsed()) / 1000, failedOpen);
    std::fflush(stdout);

    Writer writer(writePort, qMax(1, parser.value(writersOpt).toInt()));
    // let the writer connect and the streams settle
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1000)
        app.processEvents(QEventLoop::AllEvents, 50);

    std::vector<ProcSample> before;
    for (qint64 pid : pids)
        before.push_back(sample(pid));
    const double clientCpu0 = cpuSeconds();
    QElapsedTimer run;
    run.start();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(intervalMs);
    QObject::connect(&tick, &QTimer::timeout, &writer, [&] { writer.write(); });
    tick.start();
    while (run.elapsed() < qint64(seconds) * 1000)
        app.processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    tick.stop();
    const qint64 writeNs = run.nsecsElapsed();
    std::vector<ProcSample> after;
    for (qint64 pid : pids)
        after.push_back(sample(pid));
    const double clientCpu = cpuSeconds() - clientCpu0;
    // the last answers, then the late events
    QElapsedTimer wait;
    wait.start();
    while (!writer.idle() && wait.elapsed() < 5000)
        app.processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    wait.restart();
    while (wait.elapsed() < qint64(grace) * 1000)
        app.processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);

    // Collect what each thread saw.
    std::vector<Seen> seen;
    for (const auto &group : groups) {
        group->stop();
        seen.push_back(group->takeSeen());
    }

    std::vector<qint64> latencies;   // from the 201 (0 when the event came first)
    std::vector<qint64> fromSend;    // from the POST being sent
    latencies.reserve(std::size_t(writer.created.size()) * std::size_t(streams));
    fromSend.reserve(latencies.capacity());
    qint64 lost = 0, early = 0, duplicates = 0, idDuplicates = 0, events = 0, resets = 0,
           closedByServer = 0, foreign = 0, keepAlives = 0;
    for (const Seen &s : seen) {
        duplicates += s.duplicates;
        idDuplicates += s.idDuplicates;
        events += s.events;
        keepAlives += s.keepAlives;
        resets += s.resets;
        closedByServer += s.closedByServer;
        for (auto it = s.arrivals.cbegin(); it != s.arrivals.cend(); ++it)
            if (!writer.created.contains(it.key()))
                ++foreign;
    }
    for (auto it = writer.created.cbegin(); it != writer.created.cend(); ++it) {
        for (std::size_t g = 0; g < seen.size(); ++g) {
            const auto found = seen[g].arrivals.constFind(it.key());
            if (found == seen[g].arrivals.cend()) {
                lost += seen[g].opened; // none of this thread's streams got it
                continue;
            }
            for (std::size_t sub = 0; sub < found->size(); ++sub) {
                const qint64 arrivedAt = (*found)[sub];
                if (!seen[g].wasOpen[sub])
                    continue; // never opened: reported as such, not as lost events
                if (arrivedAt < 0) {
                    ++lost;
                    continue;
                }
                fromSend.push_back(arrivedAt - writer.sentAt.value(it.key()));
                qint64 latency = arrivedAt - it.value();
                if (latency < 0) {
                    ++early; // the event came before the writer had read its 201
                    latency = 0;
                }
                latencies.push_back(latency);
            }
        }
    }
    // A stream the server cut off loses what came after (counted as lost, and as cut).
    std::sort(latencies.begin(), latencies.end());
    std::sort(fromSend.begin(), fromSend.end());
    std::vector<qint64> posts = writer.postLatencies;
    std::sort(posts.begin(), posts.end());
    const qint64 expected = qint64(writer.created.size()) * qint64(opened);

    std::printf("writes: %lld sent, %lld answered 201, %lld ticks skipped (no free connection), "
                "%lld failed; POST p50 %.2f ms, p99 %.2f ms\n",
                (long long)writer.m_sent, (long long)writer.created.size(), (long long)writer.m_skipped,
                (long long)writer.m_failures, percentile(posts, 50), percentile(posts, 99));
    for (auto it = writer.statuses.cbegin(); it != writer.statuses.cend(); ++it)
        if (it.key() != 201)
            std::printf("  answers %d: %lld\n", it.key(), (long long)it.value());
    std::printf("events received in all: %lld (keep-alive comments: %lld)\n", (long long)events,
                (long long)keepAlives);
    std::printf("events: %lld measured of %lld expected; latency p50 %.2f ms, p90 %.2f ms, "
                "p99 %.2f ms, max %.2f ms; lost %lld, duplicates %lld (ids not increasing %lld), "
                "early %lld, resets %lld, streams cut by the server %lld, other events %lld\n",
                (long long)latencies.size(), (long long)expected, percentile(latencies, 50),
                percentile(latencies, 90), percentile(latencies, 99),
                latencies.empty() ? 0.0 : double(latencies.back()) / 1e6, (long long)lost,
                (long long)duplicates, (long long)idDuplicates, (long long)early, (long long)resets,
                (long long)closedByServer, (long long)foreign);
    std::printf("        from the POST being sent instead of its 201: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                percentile(fromSend, 50), percentile(fromSend, 99),
                fromSend.empty() ? 0.0 : double(fromSend.back()) / 1e6);
    const long hz = sysconf(_SC_CLK_TCK);
    QByteArray serverPart;
    for (qsizetype i = 0; i < pids.size(); ++i) {
        const ProcSample end = sample(pids[i]);
        const double cpu = double(after[std::size_t(i)].ticks - before[std::size_t(i)].ticks) / double(hz);
        const double share = 100.0 * cpu / (double(writeNs) / 1e9);
        std::printf("server pid %lld: peak RSS %.1f MiB, RSS now %.1f MiB, CPU %.2f s over %.1f s of "
                    "writing = %.0f %% of one core\n",
                    (long long)pids[i], double(end.hwmKiB) / 1024, double(end.rssKiB) / 1024, cpu,
                    double(writeNs) / 1e9, share);
        serverPart += " server" + QByteArray::number(i) + "_rss_mib=" + QByteArray::number(double(end.hwmKiB) / 1024, 'f', 1)
            + " server" + QByteArray::number(i) + "_cpu_pct=" + QByteArray::number(share, 'f', 0);
    }
    std::printf("bench-events itself: %.2f s CPU over the writing phase (%.0f %% of one core)\n",
                clientCpu, 100.0 * clientCpu / (double(writeNs) / 1e9));
    std::printf("EVENTS streams=%d opened=%d writes=%lld created=%lld expected=%lld measured=%lld "
                "p50=%.2f p90=%.2f p99=%.2f max=%.2f early=%lld send_p50=%.2f send_p99=%.2f lost=%lld duplicates=%lld id_dups=%lld "
                "cut=%lld skipped=%lld client_cpu_pct=%.0f%s\n",
                streams, opened, (long long)writer.m_sent, (long long)writer.created.size(),
                (long long)expected, (long long)latencies.size(), percentile(latencies, 50),
                percentile(latencies, 90), percentile(latencies, 99),
                latencies.empty() ? 0.0 : double(latencies.back()) / 1e6, (long long)early,
                percentile(fromSend, 50), percentile(fromSend, 99), (long long)lost,
                (long long)duplicates, (long long)idDuplicates, (long long)closedByServer,
                (long long)writer.m_skipped, 100.0 * clientCpu / (double(writeNs) / 1e9),
                serverPart.constData());
    return 0;
}
