#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace taskflow {

// One entry of a 422 answer, shaped as FastAPI (pydantic v2) shapes it:
// {"type": "...", "loc": ["body", "title"], "msg": "...", "ctx": {...}}.
struct ValidationError
{
    QJsonArray loc;
    QString msg;
    QString type;
    QJsonObject ctx;

    // The field a body or query error names (`loc[1]`), or empty for the whole body.
    QString field() const;

    QJsonObject toJson() const;
    static ValidationError fromJson(const QJsonObject &object);

    static ValidationError body(const QString &field, const QString &type, const QString &msg,
                                const QJsonObject &ctx = {});
    static ValidationError query(const QString &param, const QString &type, const QString &msg,
                                 const QJsonObject &ctx = {});
};

using ValidationErrors = QList<ValidationError>;

// `{"detail": [...]}`, the whole body of a 422 answer.
QByteArray validationErrorBody(const ValidationErrors &errors);

// Reads the entries back out of a 422 body; empty when the body is not of that shape.
ValidationErrors validationErrorsFromBody(const QByteArray &body);

} // namespace taskflow
