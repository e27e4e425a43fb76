#pragma once

#include <taskflow/common/result.h>

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace taskflow {

// DATABASE_URL as SQLAlchemy reads it: `sqlite:///relative.db`, `sqlite:////absolute.db`,
// `postgresql://user:password@host:port/dbname?sslmode=require` (or `postgres://`).
struct DatabaseUrl
{
    enum class Driver { Sqlite, Postgres };

    Driver driver = Driver::Sqlite;
    QString sqlitePath; // for Sqlite; `:memory:` for a private in-memory database
    QString host;       // for Postgres; empty means libpq's default (local socket)
    int port = -1;      // -1 means libpq's default (5432)
    QString databaseName;
    QString userName;
    QString password;
    QList<QPair<QString, QString>> options; // query parameters, handed to libpq as they are

    static constexpr const char *defaultUrl = "sqlite:///./taskflow.db";

    // The error is one line, without the password.
    static Result<DatabaseUrl> parse(const QString &url);

    QString qtDriverName() const; // QSQLITE or QPSQL
    // libpq options in the form QSqlDatabase::setConnectOptions takes (`key=value;key=value`).
    QString connectOptions() const;
    // Something to show a person: the kind, host and database, never the password.
    QString describe() const;
    // The URL with the password replaced by `***`.
    QString redacted() const;
    QString value(const QString &option) const;
};

} // namespace taskflow
