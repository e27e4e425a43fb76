#include <taskflow/common/task.h>

#include <taskflow/common/enumfromname.h>
#include <taskflow/common/isodatetime.h>
#include <taskflow/common/jsonwriter.h>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace taskflow {

QString toApi(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Todo: return u"todo"_s;
    case TaskStatus::InProgress: return u"in_progress"_s;
    case TaskStatus::Done: return u"done"_s;
    }
    Q_UNREACHABLE();
}

QString toApi(TaskPriority priority)
{
    switch (priority) {
    case TaskPriority::Low: return u"low"_s;
    case TaskPriority::Medium: return u"medium"_s;
    case TaskPriority::High: return u"high"_s;
    }
    Q_UNREACHABLE();
}

QString toDatabase(TaskStatus status)
{
    return toApi(status).toUpper();
}

QString toDatabase(TaskPriority priority)
{
    return toApi(priority).toUpper();
}

std::optional<TaskStatus> statusFromApi(QStringView value)
{
    return enumFromName<TaskStatus>(value, allStatuses, &toApi);
}

std::optional<TaskPriority> priorityFromApi(QStringView value)
{
    return enumFromName<TaskPriority>(value, allPriorities, &toApi);
}

// Read for every row the server returns: compared without building a QString each time.
std::optional<TaskStatus> statusFromDatabase(QStringView name)
{
    if (name == u"TODO")
        return TaskStatus::Todo;
    if (name == u"IN_PROGRESS")
        return TaskStatus::InProgress;
    if (name == u"DONE")
        return TaskStatus::Done;
    return std::nullopt;
}

std::optional<TaskPriority> priorityFromDatabase(QStringView name)
{
    if (name == u"LOW")
        return TaskPriority::Low;
    if (name == u"MEDIUM")
        return TaskPriority::Medium;
    if (name == u"HIGH")
        return TaskPriority::High;
    return std::nullopt;
}

QString displayName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Todo: return QCoreApplication::translate("taskflow", "To do");
    case TaskStatus::InProgress: return QCoreApplication::translate("taskflow", "In progress");
    case TaskStatus::Done: return QCoreApplication::translate("taskflow", "Done");
    }
    Q_UNREACHABLE();
}

QString displayName(TaskPriority priority)
{
    switch (priority) {
    case TaskPriority::Low: return QCoreApplication::translate("taskflow", "Low");
    case TaskPriority::Medium: return QCoreApplication::translate("taskflow", "Medium");
    case TaskPriority::High: return QCoreApplication::translate("taskflow", "High");
    }
    Q_UNREACHABLE();
}

QString quotedChoices(const QStringList &values)
{
    QStringList quoted;
    for (const QString &value : values)
        quoted.append(u'\'' + value + u'\'');
    if (quoted.size() <= 1)
        return quoted.join(QString());
    const QString last = quoted.takeLast();
    return quoted.join(u", "_s) + u" or "_s + last;
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = text.size();
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i].isHighSurrogate() && text[i + 1].isLowSurrogate()) {
            --count;
            ++i;
        }
    }
    return count;
}

bool Task::isOverdue(const QDateTime &now) const
{
    return dueDate && *dueDate < now && status != TaskStatus::Done;
}

void Task::appendJson(QByteArray &out) const
{
    JsonWriter json(out);
    json.beginObject();
    json.key("id");
    json.value(id);
    json.key("title");
    json.value(title);
    json.key("description");
    json.value(description);
    json.key("status");
    json.value(toApi(status));
    json.key("priority");
    json.value(toApi(priority));
    json.key("assignee");
    json.value(assignee);
    json.key("due_date");
    json.value(dueDate ? std::optional(IsoDateTime::toApi(*dueDate)) : std::nullopt);
    json.key("created_at");
    json.value(IsoDateTime::toApi(createdAt));
    json.key("updated_at");
    json.value(IsoDateTime::toApi(updatedAt));
    json.endObject();
}

QByteArray Task::toJson() const
{
    QByteArray out;
    out.reserve(320);
    appendJson(out);
    return out;
}

QByteArray Task::listToJson(const QList<Task> &tasks)
{
    QByteArray out;
    out.reserve(tasks.size() * 320 + 2);
    out += '[';
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        if (i > 0)
            out += ',';
        tasks[i].appendJson(out);
    }
    out += ']';
    return out;
}

std::optional<Task> Task::fromJson(const QJsonObject &object)
{
    const auto optionalString = [&](const QString &key) -> std::optional<QString> {
        const QJsonValue value = object.value(key);
        return value.isString() ? std::optional(value.toString()) : std::nullopt;
    };
    const auto timestamp = [&](const QString &key) -> std::optional<QDateTime> {
        const QJsonValue value = object.value(key);
        return value.isString() ? IsoDateTime::parse(value.toString()).toOptional() : std::nullopt;
    };

    Task task;
    task.id = object.value(u"id"_s).toString();
    task.title = object.value(u"title"_s).toString();
    task.description = optionalString(u"description"_s);
    task.assignee = optionalString(u"assignee"_s);
    const auto status = statusFromApi(object.value(u"status"_s).toString());
    const auto priority = priorityFromApi(object.value(u"priority"_s).toString());
    const auto created = timestamp(u"created_at"_s);
    const auto updated = timestamp(u"updated_at"_s);
    if (task.id.isEmpty() || !object.value(u"title"_s).isString() || !status || !priority
        || !created || !updated)
        return std::nullopt;
    task.status = *status;
    task.priority = *priority;
    task.createdAt = *created;
    task.updatedAt = *updated;
    task.dueDate = timestamp(u"due_date"_s);
    return task;
}

bool operator==(const Task &a, const Task &b)
{
    return a.id == b.id && a.title == b.title && a.description == b.description
        && a.status == b.status && a.priority == b.priority && a.assignee == b.assignee
        && a.dueDate == b.dueDate && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt;
}

} // namespace taskflow
