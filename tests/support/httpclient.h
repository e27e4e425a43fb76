#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

// A blocking HTTP client for tests: one real request over a real socket, waited for on a
// local event loop with a deadline (never a sleep).
class HttpClient
{
public:
    struct Reply
    {
        int status = 0; // 0: no answer (connection refused, timeout)
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString error;

        QByteArray header(const QByteArray &name) const;
        QJsonDocument json() const { return QJsonDocument::fromJson(body); }
        QJsonObject object() const { return json().object(); }
        QJsonArray array() const { return json().array(); }
    };

    explicit HttpClient(QUrl base = {}) : m_base(std::move(base)) {}
    void setBase(const QUrl &base) { m_base = base; }
    const QUrl &base() const { return m_base; }

    Reply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply post(const QString &path, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply put(const QString &path, const QByteArray &body);
    Reply patch(const QString &path, const QByteArray &body);
    Reply del(const QString &path);
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);

    QUrl url(const QString &pathAndQuery) const;

private:
    QNetworkAccessManager m_network;
    QUrl m_base;
};

// Deletes every task the server at `base` lists, through the API; a delete not answered 204
// fails the calling test.
void deleteEveryTask(const QUrl &base);

// Many requests at once from one thread: sends them all, then waits for every answer.
struct ConcurrentRequest
{
    QByteArray method;
    QString path;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};
QList<HttpClient::Reply> sendConcurrently(const QUrl &base, const QList<ConcurrentRequest> &requests,
                                          int timeoutMs = 60000);
QList<HttpClient::Reply> sendConcurrently(
    const QUrl &base, const QList<std::tuple<QByteArray, QString, QByteArray>> &requests,
    int timeoutMs = 60000);
