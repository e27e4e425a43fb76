#include <taskflow/desktop/serverhealth.h>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace taskflow {

QString ServerHealth::summary() const
{
    QStringList parts{status};
    if (!database.isEmpty())
        parts.append(QCoreApplication::translate("taskflow", "database %1").arg(database));
    if (tasksCount >= 0)
        parts.append(tasksCount == 1 ? QCoreApplication::translate("taskflow", "1 task")
                                     : QCoreApplication::translate("taskflow", "%1 tasks").arg(tasksCount));
    if (!version.isEmpty()) {
        QString text = QCoreApplication::translate("taskflow", "version %1").arg(version);
        if (!environment.isEmpty())
            text += u" ("_s + environment + u')';
        parts.append(text);
    }
    return parts.join(u" · "_s);
}

std::optional<ServerHealth> ServerHealth::fromJson(const QJsonObject &object)
{
    if (!object.value(u"status"_s).isString())
        return std::nullopt;
    ServerHealth health;
    health.status = object.value(u"status"_s).toString();
    health.healthy = health.status == u"healthy"_s;
    health.database = object.value(u"database"_s).toString();
    if (object.value(u"tasks_count"_s).isDouble())
        health.tasksCount = object.value(u"tasks_count"_s).toInteger();
    health.environment = object.value(u"environment"_s).toString();
    health.version = object.value(u"version"_s).toString();
    return health;
}

} // namespace taskflow
