#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace taskflow {

// The answer of GET /health (200 healthy, 503 unhealthy).
struct ServerHealth
{
    bool healthy = false;
    QString status;
    QString database;
    qint64 tasksCount = -1; // absent when unhealthy
    QString environment;
    QString version;

    // "healthy · database connected · 12 tasks · version 1.0.0 (development)"
    QString summary() const;

    static std::optional<ServerHealth> fromJson(const QJsonObject &object);
};

} // namespace taskflow
