#pragma once

#include <QException>
#include <QString>

namespace taskflow {

// A database failure, carried through QFuture from a worker thread to the HTTP layer.
// `Unavailable` (the database cannot be reached) becomes a 503; `Failed` (the database answered
// with an error) a 500. The message is for the log, never for the client.
class DatabaseError : public QException
{
public:
    enum class Kind { Unavailable, Failed };

    DatabaseError(Kind kind, QString message) : m_kind(kind), m_message(std::move(message)) {}

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }

    void raise() const override { throw *this; }
    DatabaseError *clone() const override { return new DatabaseError(*this); }

private:
    Kind m_kind;
    QString m_message;
};

} // namespace taskflow
