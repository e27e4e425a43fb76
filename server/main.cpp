// taskflow-server: reads its configuration, checks it or runs the server until SIGTERM/SIGINT.
#include <taskflow/server/connectionpool.h>
#include <taskflow/server/logging.h>
#include <taskflow/server/schema.h>
#include <taskflow/server/server.h>
#include <taskflow/server/serverconfig.h>
#include <taskflow/server/signalwatcher.h>

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

int checkConfig(const ServerConfig &config)
{
    QTextStream out(stdout);
    out << "TaskFlow server " TASKFLOW_VERSION " configuration\n";
    for (const QString &line : config.describe())
        out << "  " << line << '\n';
    out.flush();
    ConnectionPool::Limits limits;
    limits.connections = 1;
    ConnectionPool pool(config.database, limits);
    try {
        const Schema::Report report =
            pool.run([](DatabaseSession &session) { return Schema::inspect(session); });
        out << "database:  connected (" << config.database.describe() << ")\n";
        if (!report.tableExisted)
            out << "schema:    table tasks missing; it will be created at start-up\n";
        else if (report.versionBefore < report.latestVersion)
            out << "schema:    version " << report.versionBefore << ", migrations up to "
                << report.latestVersion << " will be applied at start-up\n";
        else
            out << "schema:    up to date (version " << report.versionBefore << ")\n";
        out << "ok\n";
        return 0;
    } catch (const DatabaseError &error) {
        out << "database:  FAILED: " << error.message() << '\n';
        return 1;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"taskflow-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKFLOW_VERSION));
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(u"%{time yyyy-MM-ddThh:mm:ss.zzz} %{category} %{type}: %{message}"_s);

    const Result<ServerConfig, ConfigExit> loaded =
        ServerConfig::load(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (!loaded) {
        const ConfigExit &exit = loaded.error();
        if (exit.code == 0)
            std::fputs(qPrintable(exit.message + u'\n'), stdout);
        else
            std::fputs(qPrintable(u"taskflow-server: "_s + exit.message + u'\n'), stderr);
        return exit.code;
    }
    if (loaded->checkConfigOnly)
        return checkConfig(loaded.value());

    // Watch for signals before listening: a SIGTERM that arrives during start-up is then
    // delivered once the event loop runs, instead of killing the process.
    SignalWatcher signalWatcher;
    Server server(loaded.value());
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &server,
                     [&server](const QString &name) {
                         qCInfo(lcServer).noquote() << name << "received";
                         server.shutdown();
                     });
    QObject::connect(&server, &Server::stopped, &app, &QCoreApplication::quit);
    if (const Result<void> started = server.start(); !started) {
        std::fputs(qPrintable(u"taskflow-server: "_s + started.error() + u'\n'), stderr);
        return 1;
    }
    return app.exec();
}
