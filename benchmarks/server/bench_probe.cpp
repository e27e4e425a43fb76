// A benchmark, not a test: the lone client during and after an overload (issue 13's flood).
// While something else floods the server (scripts/bench.sh runs wrk: 256 connections fetching
// the whole list), this sends one GET every --interval-ms on a new connection, each on its own
// (a slow answer does not hold the next probe back), and times it to the last byte of the answer.
// Once the flood is over (--seconds elapsed and the process --after-pid has exited), it sends
// one more GET at once and times that: how long the server takes to get back to a new client.
//
//   bench-probe --port P --path /tasks/ID [--interval-ms 100] [--seconds 10]
//               [--timeout-ms 5000] [--after-pid PID]
//
// Prints a human summary and one line starting "PROBE " (times in ms; a probe without an
// answer within --timeout-ms counts as a timeout at that time).
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct Result
{
    int status = 0; // 0: no answer in time (or the connection failed)
    double ms = 0;
};

// One GET on a fresh connection, timed from connect() to the answer's last byte.
class Probe : public QObject
{
public:
    Probe(quint16 port, const QByteArray &path, int timeoutMs, std::function<void(Result)> done)
        : m_done(std::move(done))
    {
        m_timer.start();
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, [this, path] {
            m_socket->write("GET " + path + " HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n");
        });
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { onRead(); });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] { finish(status(), true); });
        connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            finish(status(), true);
        });
        QTimer::singleShot(timeoutMs, this, [this] { finish(0, false); });
        m_socket->connectToHost(u"127.0.0.1"_s, port);
    }

private:
    int status() const
    {
        if (!m_buffer.startsWith("HTTP/1."))
            return 0;
        return m_buffer.mid(9, 3).toInt();
    }

    void onRead()
    {
        m_buffer += m_socket->readAll();
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = m_buffer.left(headEnd).toLower();
        const qsizetype cl = head.indexOf("\r\ncontent-length:");
        if (cl < 0)
            return; // read to the close
        const qsizetype lineEnd = head.indexOf("\r\n", cl + 2);
        const qint64 length = head.mid(cl + 17, (lineEnd < 0 ? head.size() : lineEnd) - cl - 17).trimmed().toLongLong();
        if (m_buffer.size() >= headEnd + 4 + length)
            finish(status(), true);
    }

    void finish(int status, bool answered)
    {
        if (m_finished)
            return;
        m_finished = true;
        Result result;
        result.status = answered ? status : 0;
        result.ms = double(m_timer.nsecsElapsed()) / 1e6;
        m_socket->abort();
        m_done(result);
        deleteLater();
    }

    QTcpSocket *m_socket = nullptr;
    QElapsedTimer m_timer;
    QByteArray m_buffer;
    bool m_finished = false;
    std::function<void(Result)> m_done;
};

double percentile(std::vector<double> sorted, double p)
{
    if (sorted.empty())
        return 0;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t at = std::min(sorted.size() - 1, std::size_t(p / 100.0 * double(sorted.size())));
    return sorted[at];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A lone GET during and right after a flood."_s);
    parser.addHelpOption();
    const QCommandLineOption portOpt(u"port"_s, u"Server port on 127.0.0.1."_s, u"port"_s);
    const QCommandLineOption pathOpt(u"path"_s, u"What to GET."_s, u"path"_s, u"/health"_s);
    const QCommandLineOption intervalOpt(u"interval-ms"_s, u"A probe every this many ms."_s, u"ms"_s, u"100"_s);
    const QCommandLineOption secondsOpt(u"seconds"_s, u"How long to probe during the flood."_s, u"s"_s, u"10"_s);
    const QCommandLineOption timeoutOpt(u"timeout-ms"_s, u"A probe gives up after this."_s, u"ms"_s, u"5000"_s);
    const QCommandLineOption afterOpt(u"after-pid"_s, u"The flood's process: the after-probe goes when it has exited."_s, u"pid"_s);
    parser.addOptions({portOpt, pathOpt, intervalOpt, secondsOpt, timeoutOpt, afterOpt});
    parser.process(app);
    const quint16 port = quint16(parser.value(portOpt).toUInt());
    const QByteArray path = parser.value(pathOpt).toUtf8();
    const int intervalMs = qMax(1, parser.value(intervalOpt).toInt());
    const int seconds = parser.value(secondsOpt).toInt();
    const int timeoutMs = parser.value(timeoutOpt).toInt();
    const QString afterPid = parser.value(afterOpt);
    if (port == 0) {
        std::fprintf(stderr, "bench-probe: --port is needed\n");
        return 2;
    }

    std::vector<Result> during;
    int outstanding = 0;
    QElapsedTimer run;
    run.start();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(intervalMs);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        if (run.elapsed() >= qint64(seconds) * 1000) {
            tick.stop();
            return;
        }
        ++outstanding;
        new Probe(port, path, timeoutMs, [&](Result r) {
            during.push_back(r);
            --outstanding;
        });
    });
    tick.start();
    // the probes of the flood, then the flood's own end
    while (tick.isActive() || outstanding > 0)
        app.processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    QElapsedTimer waited;
    waited.start();
    if (!afterPid.isEmpty()) {
        while (QFileInfo::exists(u"/proc/"_s + afterPid) && waited.elapsed() < 120'000)
            app.processEvents(QEventLoop::AllEvents, 5);
    }
    const double floodEndWait = double(waited.elapsed()) / 1000;

    // Right after: one probe, then two more in sequence (is the server back to normal?).
    std::vector<Result> after;
    for (int i = 0; i < 3; ++i) {
        bool done = false;
        new Probe(port, path, qMax(timeoutMs, 30'000), [&](Result r) {
            after.push_back(r);
            done = true;
        });
        while (!done)
            app.processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }

    QHash<int, int> byStatus;
    std::vector<double> times;
    int timeouts = 0, within1s = 0, okOrBusyWithin1s = 0;
    for (const Result &r : during) {
        ++byStatus[r.status];
        times.push_back(r.ms);
        if (r.status == 0)
            ++timeouts;
        if (r.ms <= 1000) {
            ++within1s;
            if (r.status == 200 || r.status == 503)
                ++okOrBusyWithin1s;
        }
    }
    const double maxMs = times.empty() ? 0 : *std::max_element(times.begin(), times.end());
    QByteArray statuses;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        statuses += (statuses.isEmpty() ? "" : ",") + QByteArray::number(it.key()) + ':' + QByteArray::number(it.value());
    std::printf("during: %zu probes, answers %s (0 = none within %d ms); p50 %.1f ms, p99 %.1f ms, "
                "max %.1f ms; 200 or 503 within 1 s: %d of %zu\n",
                during.size(), statuses.constData(), timeoutMs, percentile(times, 50),
                percentile(times, 99), maxMs, okOrBusyWithin1s, during.size());
    std::printf("after:  the flood's process ended %.2f s after the last probe; the next GET: "
                "%d in %.1f ms, then %d in %.1f ms, %d in %.1f ms\n",
                floodEndWait, after[0].status, after[0].ms, after[1].status, after[1].ms,
                after[2].status, after[2].ms);
    std::printf("PROBE probes=%zu statuses=%s p50=%.1f p99=%.1f max=%.1f timeouts=%d ok_within_1s=%d "
                "after_status=%d after_ms=%.1f after2_ms=%.1f\n",
                during.size(), statuses.constData(), percentile(times, 50), percentile(times, 99),
                maxMs, timeouts, okOrBusyWithin1s, after[0].status, after[0].ms, after[2].ms);
    return 0;
}
