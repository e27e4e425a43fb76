#pragma once

#include <taskflow/server/accesscontrol.h>
#include <taskflow/server/databaseurl.h>

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace taskflow {

// Everything the server is told at start-up: environment variables of API.md, overridden by
// command-line flags.
struct ServerConfig
{
    DatabaseUrl database;
    QHostAddress host = QHostAddress::LocalHost;
    QString hostText = QStringLiteral("127.0.0.1");
    quint16 port = 8000; // 0 picks a free port (the tests use it)
    QStringList corsOrigins;
    QString environment = QStringLiteral("development");
    int poolSize = 5;
    qint64 maxBodyBytes = 1024 * 1024;
    int requestTimeoutSeconds = 30;
    AccessControl access;
    bool checkConfigOnly = false; // --check-config
    bool ceilingRoute = false;    // --benchmark-ceiling-route: a constant answer for benchmarks

    bool corsAllowsAnyOrigin() const { return corsOrigins.contains(QStringLiteral("*")); }

    // What --check-config and start-up print: every setting, the password redacted.
    QStringList describe() const;

    enum class Outcome { Run, ExitOk, ExitError };
    struct Loaded;
    // Reads the environment, then the flags. `--help`/`--version` and errors come back as text
    // to print, with the exit they call for.
    static Loaded load(const QStringList &arguments, const QProcessEnvironment &environment);
};

struct ServerConfig::Loaded
{
    Outcome outcome = Outcome::Run;
    ServerConfig config;
    QString message; // help text, version or the one-line error
};

} // namespace taskflow
