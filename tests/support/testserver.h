#pragma once

#include "httpclient.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

// A real taskflow-server process on a free port (PORT=0; the port is read from its log).
class TestServer
{
public:
    TestServer() = default;
    ~TestServer();

    // Starts the server with DATABASE_URL=`databaseUrl` plus `environment`; waits until it
    // listens. False with the server's output in `output()` when it does not come up.
    bool start(const QString &databaseUrl, const QProcessEnvironment &environment = {},
               const QStringList &arguments = {});
    // The same for a server that wants `token` as the bearer token on /tasks (API_TOKEN).
    bool startWithToken(const QString &databaseUrl, const QByteArray &token);
    // SIGTERM (or kill on Windows), then waits; returns the exit code, -1 if it crashed.
    int stop(int timeoutMs = 30000);
    void kill();

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    QString output();
    QProcess &process() { return m_process; }
    // The server's resident memory now, and at its peak, in KiB (Linux /proc; -1 elsewhere).
    qint64 residentKiB() const { return memoryKiB("VmRSS:"); }
    qint64 peakResidentKiB() const { return memoryKiB("VmHWM:"); }

    static QString binary();

private:
    qint64 memoryKiB(const QByteArray &field) const;

    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

// A program run to completion: start-up errors, --help, --check-config, scripts.
struct ProcessRun
{
    int exitCode = -1; // also when it did not start, crashed or was killed at the deadline
    QString output;    // stdout and stderr together
    bool ok() const { return exitCode == 0; }
};
// Runs `program` with this process's environment plus `environment`. At the deadline it is
// killed, and its output says so.
ProcessRun runToExit(const QString &program, const QStringList &arguments,
                     const QProcessEnvironment &environment = {}, int timeoutMs = 30000);
// The same for taskflow-server.
ProcessRun runServerToExit(const QStringList &arguments, const QProcessEnvironment &environment,
                           int timeoutMs = 30000);

// In a suite's initTestCase: creates the database or ends the suite. Missing PostgreSQL is a
// failure when CI=true, a skip on a developer machine without one.
#define TASKFLOW_REQUIRE_DATABASE(database)                                                    \
    do {                                                                                       \
        if (!(database).create()) {                                                            \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                           \
                QFAIL(qPrintable(QLatin1String("database unavailable under CI: ")              \
                                 + (database).error()));                                       \
            QSKIP(qPrintable(QLatin1String("database unavailable: ") + (database).error()));   \
        }                                                                                      \
    } while (false)
