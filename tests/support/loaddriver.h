#pragma once

#include "httpclient.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

// Drives a server with many clients at once from one thread: each client sends its requests
// one after the other on its own connection, all clients concurrently, until every client has
// sent `perClient` requests. `onAnswer` runs for every answer as it arrives (on this thread),
// so a test can act in the middle of the load: stop the database, kill the server...
struct LoadRequest
{
    QByteArray method;
    QString path;
    QByteArray body;
};

// Client `i` talks to `servers[i % servers.size()]`.
void driveLoad(const QList<QUrl> &servers, int clients, int perClient,
               const std::function<LoadRequest(int client, int index)> &next,
               const std::function<void(int client, int index, const HttpClient::Reply &)> &onAnswer,
               int timeoutMs = 120000);
