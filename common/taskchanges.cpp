#include <taskflow/common/taskchanges.h>

#include <taskflow/common/isodatetime.h>
#include <taskflow/common/jsonsyntax.h>
#include <taskflow/common/jsonwriter.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

ValidationError enumError(const QString &field, const QStringList &values)
{
    const QString expected = quotedChoices(values);
    return ValidationError::body(field, u"enum"_s, u"Input should be "_s + expected,
                                 QJsonObject{{u"expected"_s, expected}});
}

ValidationError stringTypeError(const QString &field)
{
    return ValidationError::body(field, u"string_type"_s, u"Input should be a valid string"_s);
}

// JSON's \ud800 escapes can spell half of a surrogate pair, which is no character at all and
// cannot be stored as UTF-8.
bool hasLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (text[i].isSurrogate())
            return true;
    }
    return false;
}

// Reads a string field; records an error and returns nullopt when it is not a valid string.
std::optional<QString> stringValue(const QJsonValue &value, const QString &field,
                                   ValidationErrors &errors)
{
    if (!value.isString()) {
        errors.append(stringTypeError(field));
        return std::nullopt;
    }
    QString text = value.toString();
    if (text.contains(QChar(0))) { // PostgreSQL cannot store it in text, so nobody does
        errors.append(ValidationError::body(field, u"string_unicode"_s,
                                            u"Input should be a valid string without NUL characters"_s));
        return std::nullopt;
    }
    if (hasLoneSurrogate(text)) {
        errors.append(ValidationError::body(
            field, u"string_unicode"_s,
            u"Input should be a valid string, unable to parse raw data as a unicode string"_s));
        return std::nullopt;
    }
    return text;
}

void checkMaxLength(ValidationErrors &errors, const QString &field, const QString &value,
                    int maxLength)
{
    if (codePointCount(value) > maxLength) {
        errors.append(ValidationError::body(
            field, u"string_too_long"_s,
            u"String should have at most %1 characters"_s.arg(maxLength),
            QJsonObject{{u"max_length"_s, maxLength}}));
    }
}

// Reads a string-or-null field; records a type error and returns nullopt when it is neither.
std::optional<Nullable<QString>> nullableString(const QJsonObject &object, const QString &field,
                                                ValidationErrors &errors)
{
    const auto it = object.constFind(field);
    if (it == object.constEnd())
        return std::nullopt;
    if (it->isNull())
        return Nullable<QString>();
    if (const std::optional<QString> text = stringValue(*it, field, errors))
        return Nullable<QString>(*text);
    return std::nullopt;
}

} // namespace

bool TaskChanges::isEmpty() const
{
    return !title && !description && !status && !priority && !assignee && !dueDate;
}

ValidationErrors TaskChanges::validate(Mode mode) const
{
    ValidationErrors errors;
    if (title) {
        if (title->isEmpty()) {
            errors.append(ValidationError::body(u"title"_s, u"string_too_short"_s,
                                                u"String should have at least 1 character"_s,
                                                QJsonObject{{u"min_length"_s, 1}}));
        } else if (codePointCount(*title) > Task::titleMaxLength) {
            checkMaxLength(errors, u"title"_s, *title, Task::titleMaxLength);
        } else if (title->trimmed().isEmpty()) {
            errors.append(ValidationError::body(u"title"_s, u"value_error"_s,
                                                u"Value error, Title must not be blank"_s));
        }
    } else if (mode == Mode::Create) {
        errors.append(ValidationError::body(u"title"_s, u"missing"_s, u"Field required"_s));
    }
    if (description && *description)
        checkMaxLength(errors, u"description"_s, **description, Task::descriptionMaxLength);
    if (assignee && *assignee)
        checkMaxLength(errors, u"assignee"_s, **assignee, Task::assigneeMaxLength);
    return errors;
}

void TaskChanges::applyTo(Task &task) const
{
    if (title)
        task.title = *title;
    if (description)
        task.description = *description;
    if (status)
        task.status = *status;
    if (priority)
        task.priority = *priority;
    if (assignee)
        task.assignee = *assignee;
    if (dueDate)
        task.dueDate = *dueDate;
}

TaskChanges TaskChanges::difference(const Task &from, const Task &to)
{
    TaskChanges changes;
    if (from.title != to.title)
        changes.title = to.title;
    if (from.description != to.description)
        changes.description = to.description;
    if (from.status != to.status)
        changes.status = to.status;
    if (from.priority != to.priority)
        changes.priority = to.priority;
    if (from.assignee != to.assignee)
        changes.assignee = to.assignee;
    if (from.dueDate != to.dueDate)
        changes.dueDate = to.dueDate;
    return changes;
}

QByteArray TaskChanges::toJson() const
{
    QByteArray out;
    JsonWriter json(out);
    json.beginObject();
    if (title) {
        json.key("title");
        json.value(*title);
    }
    if (description) {
        json.key("description");
        json.value(*description);
    }
    if (status) {
        json.key("status");
        json.value(toApi(*status));
    }
    if (priority) {
        json.key("priority");
        json.value(toApi(*priority));
    }
    if (assignee) {
        json.key("assignee");
        json.value(*assignee);
    }
    if (dueDate) {
        json.key("due_date");
        json.value(*dueDate ? std::optional(IsoDateTime::toApi(**dueDate)) : std::nullopt);
    }
    json.endObject();
    return out;
}

Result<TaskChanges, ValidationErrors> TaskChanges::fromJson(const QByteArray &body, Mode mode)
{
    ValidationErrors errors;
    if (body.trimmed().isEmpty()) {
        errors.append(ValidationError::body(QString(), u"missing"_s, u"Field required"_s));
        return Failure(errors);
    }
    QJsonParseError parseError{};
    if (!isStrictJson(body)) {
        // Qt would read some of these; FastAPI does not, and neither do we. Qt's parser still
        // says where and why, when it can.
        QJsonDocument::fromJson(body, &parseError);
        const QString why = parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : u"not valid JSON"_s;
        errors.append(ValidationError::body(QString(), u"json_invalid"_s, u"JSON decode error"_s,
                                            QJsonObject{{u"error"_s, why}}));
        return Failure(errors);
    }
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    // Qt 6.4 refuses a bare value at the top level; JSON (and FastAPI) allow it, and it is then
    // a body that is not an object rather than one that is not JSON.
    const bool scalar = parseError.error != QJsonParseError::NoError
        && QJsonDocument::fromJson('[' + body + ']').array().size() == 1;
    if (parseError.error != QJsonParseError::NoError && !scalar) {
        errors.append(ValidationError::body(QString(), u"json_invalid"_s, u"JSON decode error"_s,
                                            QJsonObject{{u"error"_s, parseError.errorString()}}));
        return Failure(errors);
    }
    if (!document.isObject()) {
        errors.append(ValidationError::body(
            QString(), u"model_attributes_type"_s,
            u"Input should be a valid dictionary or object to extract fields from"_s));
        return Failure(errors);
    }
    const QJsonObject object = document.object();
    TaskChanges changes;
    bool titleTypeError = false;

    if (const auto it = object.constFind(u"title"_s); it != object.constEnd()) {
        changes.title = stringValue(*it, u"title"_s, errors);
        titleTypeError = !changes.title;
    }
    changes.description = nullableString(object, u"description"_s, errors);
    if (const auto it = object.constFind(u"status"_s); it != object.constEnd()) {
        changes.status = statusFromApi(it->toString());
        if (!changes.status)
            errors.append(enumError(u"status"_s, apiValues(allStatuses)));
    }
    if (const auto it = object.constFind(u"priority"_s); it != object.constEnd()) {
        changes.priority = priorityFromApi(it->toString());
        if (!changes.priority)
            errors.append(enumError(u"priority"_s, apiValues(allPriorities)));
    }
    changes.assignee = nullableString(object, u"assignee"_s, errors);
    if (const auto it = object.constFind(u"due_date"_s); it != object.constEnd()) {
        if (it->isNull()) {
            changes.dueDate = Nullable<QDateTime>();
        } else if (!it->isString()) {
            errors.append(ValidationError::body(u"due_date"_s, u"datetime_type"_s,
                                                u"Input should be a valid datetime"_s));
        } else if (const auto date = IsoDateTime::parse(it->toString())) {
            changes.dueDate = Nullable<QDateTime>(date.value());
        } else {
            errors.append(ValidationError::body(
                u"due_date"_s, u"datetime_from_date_parsing"_s,
                u"Input should be a valid datetime or date, "_s + date.error(),
                QJsonObject{{u"error"_s, date.error()}}));
        }
    }

    ValidationErrors valueErrors =
        changes.validate(titleTypeError ? Mode::Update : mode); // no "missing" after a type error
    errors.append(valueErrors);
    if (!errors.isEmpty())
        return Failure(errors);
    return changes;
}

} // namespace taskflow
