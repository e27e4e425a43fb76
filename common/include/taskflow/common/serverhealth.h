#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace taskflow {

// The answer of GET /health (API.md): 200 {"status":"healthy","database":"connected",
// "tasks_count":N,"environment":"…","version":"…"}, or 503 {"status":"unhealthy","database":"<reason>"}.
// The server writes it and the desktop reads it, through this one type.
struct ServerHealth
{
    bool healthy = false;
    QString database;
    qint64 tasksCount = -1; // absent when unhealthy
    QString environment;
    QString version;

    QString status() const;

    // The fields in the order API.md lists them; an unhealthy answer has only status and database.
    QByteArray toJson() const;
    // Nullopt when `status` is missing or not a string.
    static std::optional<ServerHealth> fromJson(const QJsonObject &object);

    friend bool operator==(const ServerHealth &a, const ServerHealth &b)
    {
        return a.healthy == b.healthy && a.database == b.database && a.tasksCount == b.tasksCount
            && a.environment == b.environment && a.version == b.version;
    }
};

} // namespace taskflow
