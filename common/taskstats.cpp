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
    // Every value of the enum, zeros included, under its API name.
    const auto writeCounts = [&](const char *name, const auto &values) {
        json.key(name);
        json.beginObject();
        for (const auto value : values) {
            json.key(toApi(value).toLatin1().constData());
            json.value(count(value));
        }
        json.endObject();
    };
    writeCounts("by_status", allStatuses);
    writeCounts("by_priority", allPriorities);
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
