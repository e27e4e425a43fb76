#pragma once

#include <QByteArray>
#include <QString>

#include <exception>

namespace taskflow {

// A database failure, thrown on a worker thread (ConnectionPool) and turned into an answer by
// TaskApi::onDatabase there. `Unavailable` (the database cannot be reached) becomes a 503;
// `Failed` (the database answered with an error) a 500. The message is for the log, never for
// the client, and never holds a password (DatabaseSession redacts it).
class DatabaseError : public std::exception
{
public:
    enum class Kind { Unavailable, Failed };

    DatabaseError(Kind kind, QString message)
        : m_kind(kind), m_message(std::move(message)), m_what(m_message.toUtf8())
    {
    }

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    const char *what() const noexcept override { return m_what.constData(); }

private:
    Kind m_kind;
    QString m_message;
    QByteArray m_what;
};

} // namespace taskflow
