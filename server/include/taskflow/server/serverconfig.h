#pragma once

#include <taskflow/common/result.h>
#include <taskflow/server/accesscontrol.h>
#include <taskflow/server/databaseurl.h>

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace taskflow {

// Why the server does not run after reading its configuration: --help or --version to print
// (exit code 0), or a setting it refuses, in one line that names it (exit code 2).
struct ConfigExit
{
    int code = 2;
    QString message;
};

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
    int queueLimit = 512; // requests waiting for a database worker before "Server busy"
    qint64 maxBodyBytes = 1024 * 1024;
    int requestTimeoutSeconds = 30;
    int keepAliveTimeoutSeconds = 5;
    int writeTimeoutSeconds = 30;
    AccessControl access;
    bool checkConfigOnly = false; // --check-config
    bool ceilingRoute = false;    // --benchmark-ceiling-route: a constant answer for benchmarks

    // What --check-config and start-up print: every setting, the password redacted.
    QStringList describe() const;

    // Reads the environment, then the flags.
    static Result<ServerConfig, ConfigExit> load(const QStringList &arguments,
                                                 const QProcessEnvironment &environment);
};

} // namespace taskflow
