#pragma once

#include <taskflow/server/httpmessage.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace taskflow {

// Method + path pattern -> handler. Patterns are literal segments and `{name}` captures; the
// first route that matches wins, so literal routes are added before captures that overlap.
class Router
{
public:
    using Handler = std::function<void(const HttpRequest &request, const QStringList &captures,
                                       const Respond &respond)>;

    struct Route
    {
        QByteArray method;
        QString pattern;
        Handler handler;
        QStringList segments; // the pattern split at '/', once
    };

    struct Match
    {
        const Handler *handler = nullptr; // null: no route for this method (or path)
        QStringList captures;
        QList<QByteArray> allowedMethods; // for a 405's Allow header; empty when the path is unknown
    };

    void add(const QByteArray &method, const QString &pattern, Handler handler);
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    static bool matches(const Route &route, const QList<QStringView> &path, QStringList *captures);

    QList<Route> m_routes;
};

} // namespace taskflow
