#pragma once

#include <taskflow/server/httpmessage.h>
#include <taskflow/server/router.h>

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

    void root(const HttpRequest &request, const Captures &, const Respond &respond);
    void health(const HttpRequest &request, const Captures &, const Respond &respond);
    void openApi(const HttpRequest &request, const Captures &, const Respond &respond);
    void docs(const HttpRequest &request, const Captures &, const Respond &respond);
    void listTasks(const HttpRequest &request, const Captures &, const Respond &respond);
    void taskStats(const HttpRequest &request, const Captures &, const Respond &respond);
    void getTask(const HttpRequest &request, const Captures &captures, const Respond &respond);
    void createTask(const HttpRequest &request, const Captures &, const Respond &respond);
    void updateTask(const HttpRequest &request, const Captures &captures, const Respond &respond);
    void deleteTask(const HttpRequest &request, const Captures &captures, const Respond &respond);
    void ceiling(const HttpRequest &request, const Captures &, const Respond &respond);

    // Runs `work(TaskRepository &)` on a database worker and responds with what it returns;
    // database failures become 503 or 500.
    template <typename Work>
    void onDatabase(Work work, const Respond &respond);

    ConnectionPool &m_pool;
    QString m_environment;
    bool m_ceilingRoute;
};

} // namespace taskflow
