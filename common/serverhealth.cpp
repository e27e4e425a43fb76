#include <taskflow/common/serverhealth.h>

#include <taskflow/common/jsonwriter.h>

using namespace Qt::StringLiterals;

namespace taskflow {

QString ServerHealth::status() const
{
    return healthy ? u"healthy"_s : u"unhealthy"_s;
}

QByteArray ServerHealth::toJson() const
{
    QByteArray out;
    JsonWriter json(out);
    json.beginObject();
    json.key("status");
    json.value(status());
    json.key("database");
    json.value(database);
    if (healthy) {
        json.key("tasks_count");
        json.value(tasksCount);
        json.key("environment");
        json.value(environment);
        json.key("version");
        json.value(version);
    }
    json.endObject();
    return out;
}

std::optional<ServerHealth> ServerHealth::fromJson(const QJsonObject &object)
{
    if (!object.value(u"status"_s).isString())
        return std::nullopt;
    ServerHealth health;
    health.healthy = object.value(u"status"_s).toString() == u"healthy"_s;
    health.database = object.value(u"database"_s).toString();
    if (object.value(u"tasks_count"_s).isDouble())
        health.tasksCount = object.value(u"tasks_count"_s).toInteger();
    health.environment = object.value(u"environment"_s).toString();
    health.version = object.value(u"version"_s).toString();
    return health;
}

} // namespace taskflow
