#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace taskflow {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// What the router needs of a request, copied out of QHttpServerRequest on the event loop so
// that worker threads never touch Qt HttpServer's objects.
struct HttpRequest
{
    QByteArray method; // upper case, as sent
    QString path;      // percent-decoded
    QByteArray query;  // still percent-encoded
    HttpHeaders headers;
    QByteArray body;

    // The first header of that name (case-insensitive), or an empty array.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    HttpHeaders headers;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static HttpResponse json(int status, QByteArray body);
    // {"detail": "<detail>"}, the shape of every error that is not a 422.
    static HttpResponse error(int status, const QString &detail);
    static HttpResponse text(int status, QByteArray body);
    static HttpResponse noContent();
};

// Hands a handler's answer back to the HTTP layer. It may be called on any thread, once.
using Respond = std::function<void(HttpResponse)>;

} // namespace taskflow
