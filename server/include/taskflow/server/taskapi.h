#pragma once

#include <taskflow/server/connectionpool.h>
#include <taskflow/server/httpmessage.h>
#include <taskflow/server/router.h>

#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>

namespace taskflow {

class ChangeFeed;
class StatsCache;
class TaskRepository;
struct ServerConfig;

// The handlers of every route of API.md. Requests are parsed and validated here, on the event
// loop; database work and JSON writing happen on the pool's workers.
class TaskApi
{
public:
    TaskApi(ConnectionPool &pool, ChangeFeed &feed, const ServerConfig &config);
    ~TaskApi();

    // The whole API surface, in one place.
    void registerRoutes(Router &router);

    // Whole lists being sent, and those waiting for their turn.
    int listsSending() const { return m_listsSending; }

private:
    using Captures = QStringList;
    using ErrorAnswer = std::function<HttpResponse(const DatabaseError &)>;
    class ListBody;

    void root(const HttpRequest &request, const Captures &, const Respond &respond);
    void health(const HttpRequest &request, const Captures &, const Respond &respond);
    void openApi(const HttpRequest &request, const Captures &, const Respond &respond);
    void docs(const HttpRequest &request, const Captures &, const Respond &respond);
    void listTasks(const HttpRequest &request, const Captures &, const Respond &respond);
    void taskStats(const HttpRequest &request, const Captures &, const Respond &respond);
    void events(const HttpRequest &request, const Captures &, const Respond &respond);
    void getTask(const HttpRequest &request, const Captures &captures, const Respond &respond);
    void createTask(const HttpRequest &request, const Captures &, const Respond &respond);
    void updateTask(const HttpRequest &request, const Captures &captures, const Respond &respond);
    void deleteTask(const HttpRequest &request, const Captures &captures, const Respond &respond);
    void ceiling(const HttpRequest &request, const Captures &, const Respond &respond);

    // Runs `work(TaskRepository &)` on a database worker and responds with what it returns:
    // "Server busy" when the lane is full, 503 or 500 on database failures (or what `onError`
    // makes of them), 500 on anything else thrown.
    template <typename Work>
    void onDatabase(ConnectionPool::Lane lane, const HttpRequest &request, Work work,
                    const Respond &respond, ErrorAnswer onError = {});
    // A whole list: sent in slices, a few lists at a time; the others wait or are told "busy".
    void sendWholeList(const HttpRequest &request, const Respond &respond);
    void startList(const HttpRequest &request, const Respond &respond);
    void listFinished();

    ConnectionPool &m_pool;
    ChangeFeed &m_feed;
    QString m_environment;
    bool m_ceilingRoute;
    std::unique_ptr<StatsCache> m_statsCache;
    QObject m_home; // where database answers come back to, on the event loop
    int m_listsSending = 0;
    std::deque<std::pair<HttpRequest, Respond>> m_listsWaiting;
};

} // namespace taskflow
