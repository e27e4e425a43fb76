#include "loaddriver.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>
#include <vector>

void driveLoad(const QList<QUrl> &servers, int clients, int perClient,
               const std::function<LoadRequest(int client, int index)> &next,
               const std::function<void(int client, int index, const HttpClient::Reply &)> &onAnswer,
               int timeoutMs)
{
    QEventLoop loop;
    std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
    int running = clients;
    std::function<void(int, int)> send = [&](int client, int index) {
        if (index >= perClient) {
            if (--running == 0)
                loop.quit();
            return;
        }
        const LoadRequest request = next(client, index);
        const QUrl &base = servers[client % servers.size()];
        QNetworkRequest http(QUrl(base.toString(QUrl::StripTrailingSlash) + request.path));
        http.setTransferTimeout(30000);
        if (!request.body.isNull())
            http.setRawHeader("Content-Type", "application/json");
        QNetworkReply *reply = networks[client]->sendCustomRequest(http, request.method, request.body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, client, index] {
            HttpClient::Reply answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.body = reply->readAll();
            for (const auto &pair : reply->rawHeaderPairs())
                answer.headers.append(pair);
            if (answer.status == 0)
                answer.error = reply->errorString();
            reply->deleteLater();
            onAnswer(client, index, answer);
            send(client, index + 1);
        });
    };
    for (int client = 0; client < clients; ++client)
        networks.push_back(std::make_unique<QNetworkAccessManager>());
    for (int client = 0; client < clients; ++client)
        send(client, 0);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (running > 0)
        loop.exec();
}
