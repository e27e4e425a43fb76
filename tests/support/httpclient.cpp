#include "httpclient.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>
#include <QtTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QNetworkRequest makeRequest(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                            bool hasBody)
{
    QNetworkRequest request(url);
    if (hasBody)
        request.setRawHeader("Content-Type", "application/json");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(0);
    return request;
}

HttpClient::Reply readReply(QNetworkReply *reply)
{
    HttpClient::Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.error = reply->errorString();
    return result;
}

} // namespace

QByteArray HttpClient::Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

QUrl HttpClient::url(const QString &pathAndQuery) const
{
    return QUrl(m_base.toString(QUrl::StripTrailingSlash) + pathAndQuery);
}

HttpClient::Reply HttpClient::send(const QByteArray &method, const QString &path,
                                   const QByteArray &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers,
                                   int timeoutMs)
{
    const bool hasBody = !body.isNull();
    // QNetworkAccessManager only knows a HEAD answer has no body when asked through head().
    QNetworkReply *reply = method == "HEAD"
        ? m_network.head(makeRequest(url(path), headers, false))
        : m_network.sendCustomRequest(makeRequest(url(path), headers, hasBody), method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, [&] { reply->abort(); });
    if (!reply->isFinished())
        loop.exec();
    Reply result = readReply(reply);
    reply->deleteLater();
    return result;
}

HttpClient::Reply HttpClient::get(const QString &path,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", path, QByteArray(), headers);
}

HttpClient::Reply HttpClient::post(const QString &path, const QByteArray &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("POST", path, body, headers);
}

HttpClient::Reply HttpClient::put(const QString &path, const QByteArray &body)
{
    return send("PUT", path, body);
}

HttpClient::Reply HttpClient::patch(const QString &path, const QByteArray &body)
{
    return send("PATCH", path, body);
}

HttpClient::Reply HttpClient::del(const QString &path)
{
    return send("DELETE", path);
}

QList<HttpClient::Reply> sendConcurrently(
    const QUrl &base, const QList<std::tuple<QByteArray, QString, QByteArray>> &requests,
    int timeoutMs)
{
    QList<ConcurrentRequest> plain;
    for (const auto &[method, path, body] : requests)
        plain.append({method, path, body, {}});
    return sendConcurrently(base, plain, timeoutMs);
}

QList<HttpClient::Reply> sendConcurrently(const QUrl &base, const QList<ConcurrentRequest> &requests,
                                          int timeoutMs)
{
    // One QNetworkAccessManager opens at most six connections to a host; sixteen of them make
    // close to a hundred clients at once.
    std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
    for (int i = 0; i < 16; ++i)
        networks.push_back(std::make_unique<QNetworkAccessManager>());
    QList<QNetworkReply *> replies;
    QEventLoop loop;
    int pending = int(requests.size());
    for (const auto &[method, path, body, headers] : requests) {
        const QUrl url(base.toString(QUrl::StripTrailingSlash) + path);
        QNetworkAccessManager &network = *networks[replies.size() % networks.size()];
        QNetworkReply *reply =
            network.sendCustomRequest(makeRequest(url, headers, !body.isNull()), method, body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (--pending == 0)
                loop.quit();
        });
        replies.append(reply);
    }
    QTimer::singleShot(timeoutMs, &loop, [&] {
        for (QNetworkReply *reply : replies)
            reply->abort();
    });
    if (pending > 0)
        loop.exec();
    QList<HttpClient::Reply> results;
    for (QNetworkReply *reply : replies) {
        results.append(readReply(reply));
        reply->deleteLater();
    }
    return results;
}

void deleteEveryTask(const QUrl &base)
{
    HttpClient http(base);
    for (const QJsonValue &task : http.get(u"/tasks"_s).array())
        QCOMPARE(http.del(u"/tasks/"_s + task[u"id"_s].toString()).status, 204);
}
