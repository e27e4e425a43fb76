#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

// A database for one test suite, of the kind TASKFLOW_TEST_DATABASE names (sqlite, the
// default, or postgres). PostgreSQL comes from TASKFLOW_TEST_PG_URL (scripts/test.sh starts a
// throwaway cluster): each TestDatabase is a fresh database in it, dropped afterwards.
class TestDatabase
{
public:
    enum class Kind { Sqlite, Postgres };

    TestDatabase();
    ~TestDatabase();

    // The kind this run asks for.
    static Kind requestedKind();
    static QString kindName() { return requestedKind() == Kind::Postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite"); }

    // Creates the database. False with `error()` when PostgreSQL cannot be reached; the suite
    // then fails under CI=true and skips elsewhere (TASKFLOW_REQUIRE_DATABASE in testserver.h).
    bool create();
    QString error() const { return m_error; }

    Kind kind() const { return m_kind; }
    QString url() const { return m_url; }       // DATABASE_URL for the server
    QString sqlitePath() const { return m_path; } // for Sqlite

    // Runs SQL directly on the database (to lay out or inspect tables behind the server's
    // back). Returns the first column of every row; fails the current test on error.
    QStringList query(const QString &sql);
    bool exec(const QString &sql, QString *error = nullptr);

    // Stops and starts the PostgreSQL cluster under the server (scripts/pg.sh).
    static bool stopPostgres();
    static bool startPostgres();

private:
    QString openConnection();

    Kind m_kind;
    QString m_url;
    QString m_path;
    QString m_error;
    QString m_pgName;
    QString m_connection;
    std::unique_ptr<QTemporaryDir> m_dir;
};
