#include <taskflow/common/taskstats.h>

#include <taskflow/common/jsonwriter.h>

using namespace Qt::StringLiterals;

namespace taskflow {

QByteArray TaskStats::toJson() const
{
    QByteArray out;
    JsonWriter json(out);
    json.beginObject();
    json.key("total");
    json.value(total);
    json.key("by_status");
    json.beginObject();
    for (const TaskStatus status : allStatuses) {
        json.key(toApi(status).toLatin1().constData());
        json.value(count(status));
    }
    json.endObject();
    json.key("by_priority");
    json.beginObject();
    for (const TaskPriority priority : allPriorities) {
        json.key(toApi(priority).toLatin1().constData());
        json.value(count(priority));
    }
    json.endObject();
    json.key("overdue");
    json.value(overdue);
    json.endObject();
    return out;
}

std::optional<TaskStats> TaskStats::fromJson(const QJsonObject &object)
{
    const QJsonObject statuses = object.value(u"by_status"_s).toObject();
    const QJsonObject priorities = object.value(u"by_priority"_s).toObject();
    if (!object.value(u"total"_s).isDouble() || !object.value(u"overdue"_s).isDouble())
        return std::nullopt;
    TaskStats stats;
    stats.total = object.value(u"total"_s).toInteger();
    stats.overdue = object.value(u"overdue"_s).toInteger();
    for (const TaskStatus status : allStatuses)
        stats.byStatus[std::size_t(status)] = statuses.value(toApi(status)).toInteger();
    for (const TaskPriority priority : allPriorities)
        stats.byPriority[std::size_t(priority)] = priorities.value(toApi(priority)).toInteger();
    return stats;
}

} // namespace taskflow
