#pragma once

#include "httpmessage.h"
#include "router.h"

#include <QFuture>
#include <QString>

namespace taskflow {

class ConnectionPool;
class TaskRepository;
struct ServerConfig;

// The handlers of every route of API.md. Requests are parsed and validated here, on the event
// loop; database work and JSON writing happen on the pool's workers.
class TaskApi
{
public:
    TaskApi(ConnectionPool &pool, const ServerConfig &config);

    // The whole API surface, in one place.
    void registerRoutes(Router &router);

private:
    using Captures = QStringList;

    QFuture<HttpResponse> root(const HttpRequest &request, const Captures &);
    QFuture<HttpResponse> health(const HttpRequest &request, const Captures &);
    QFuture<HttpResponse> openApi(const HttpRequest &request, const Captures &);
    QFuture<HttpResponse> docs(const HttpRequest &request, const Captures &);
    QFuture<HttpResponse> listTasks(const HttpRequest &request, const Captures &);
    QFuture<HttpResponse> taskStats(const HttpRequest &request, const Captures &);
    QFuture<HttpResponse> getTask(const HttpRequest &request, const Captures &captures);
    QFuture<HttpResponse> createTask(const HttpRequest &request, const Captures &);
    QFuture<HttpResponse> updateTask(const HttpRequest &request, const Captures &captures);
    QFuture<HttpResponse> deleteTask(const HttpRequest &request, const Captures &captures);
    QFuture<HttpResponse> ceiling(const HttpRequest &request, const Captures &);

    // Runs `work(TaskRepository &)` on a worker; database failures become 503 or 500.
    template <typename Work>
    QFuture<HttpResponse> onDatabase(Work work);

    ConnectionPool &m_pool;
    QString m_environment;
    bool m_ceilingRoute;
};

} // namespace taskflow
