#include "testserver.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Qt::StringLiterals;

QString TestServer::binary()
{
    return QStringLiteral(TASKFLOW_SERVER_BINARY);
}

TestServer::~TestServer()
{
    if (isRunning())
        kill();
}

bool TestServer::start(const QString &databaseUrl, const QProcessEnvironment &environment,
                       const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DATABASE_URL"_s, databaseUrl);
    env.insert(u"PORT"_s, u"0"_s);
    env.insert(u"HOST"_s, u"127.0.0.1"_s);
    env.insert(u"QT_MESSAGE_PATTERN"_s, u"%{category} %{type}: %{message}"_s);
    env.insert(environment);
    m_output.clear();
    m_port = 0;
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binary(), arguments);
    if (!m_process.waitForStarted(10000))
        return false;

    static const QRegularExpression listening(u"listening on http://[^:]+:(\\d+)"_s);
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && isRunning()) {
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        m_output += m_process.readAll();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    m_output += m_process.readAll();
    return false;
}

bool TestServer::startWithToken(const QString &databaseUrl, const QByteArray &token)
{
    QProcessEnvironment environment;
    environment.insert(u"API_TOKEN"_s, QString::fromLatin1(token));
    return start(databaseUrl, environment);
}

qint64 TestServer::memoryKiB(const QByteArray &field) const
{
    QFile status(u"/proc/%1/status"_s.arg(m_process.processId()));
    if (!isRunning() || !status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QString TestServer::output()
{
    m_output += m_process.readAll();
    return QString::fromUtf8(m_output);
}

int TestServer::stop(int timeoutMs)
{
    if (!isRunning())
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
#ifdef Q_OS_UNIX
    ::kill(pid_t(m_process.processId()), SIGTERM);
#else
    m_process.kill();
#endif
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished();
        return -1;
    }
    m_output += m_process.readAll();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void TestServer::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
    m_output += m_process.readAll();
}

ProcessRun runToExit(const QString &program, const QStringList &arguments,
                     const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(environment);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    ProcessRun run;
    if (!process.waitForStarted(10000)) {
        run.output = u"cannot start %1: %2"_s.arg(program, process.errorString());
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.output = QString::fromUtf8(process.readAll()) + u"\n<timed out>"_s;
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = QString::fromUtf8(process.readAll());
    return run;
}

ProcessRun runServerToExit(const QStringList &arguments, const QProcessEnvironment &environment,
                           int timeoutMs)
{
    return runToExit(TestServer::binary(), arguments, environment, timeoutMs);
}
