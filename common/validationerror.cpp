#include <taskflow/common/validationerror.h>

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace taskflow {

QString ValidationError::field() const
{
    return loc.size() >= 2 ? loc.at(1).toVariant().toString() : QString();
}

QJsonObject ValidationError::toJson() const
{
    QJsonObject object{{u"type"_s, type}, {u"loc"_s, loc}, {u"msg"_s, msg}};
    if (!ctx.isEmpty())
        object.insert(u"ctx"_s, ctx);
    return object;
}

ValidationError ValidationError::fromJson(const QJsonObject &object)
{
    return ValidationError{object.value(u"loc"_s).toArray(), object.value(u"msg"_s).toString(),
                           object.value(u"type"_s).toString(), object.value(u"ctx"_s).toObject()};
}

ValidationError ValidationError::body(const QString &field, const QString &type,
                                      const QString &msg, const QJsonObject &ctx)
{
    QJsonArray loc{u"body"_s};
    if (!field.isEmpty())
        loc.append(field);
    return ValidationError{loc, msg, type, ctx};
}

ValidationError ValidationError::query(const QString &param, const QString &type,
                                       const QString &msg, const QJsonObject &ctx)
{
    return ValidationError{QJsonArray{u"query"_s, param}, msg, type, ctx};
}

QByteArray validationErrorBody(const ValidationErrors &errors)
{
    QJsonArray detail;
    for (const ValidationError &error : errors)
        detail.append(error.toJson());
    return QJsonDocument(QJsonObject{{u"detail"_s, detail}}).toJson(QJsonDocument::Compact);
}

ValidationErrors validationErrorsFromBody(const QByteArray &body)
{
    ValidationErrors errors;
    const QJsonArray detail = QJsonDocument::fromJson(body).object().value(u"detail"_s).toArray();
    for (const QJsonValue &entry : detail) {
        if (!entry.isObject() || !entry.toObject().value(u"loc"_s).isArray())
            return {};
        errors.append(ValidationError::fromJson(entry.toObject()));
    }
    return errors;
}

} // namespace taskflow
