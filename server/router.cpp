#include <taskflow/server/router.h>

using namespace Qt::StringLiterals;

namespace taskflow {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.append(Route{method, pattern, std::move(handler), pattern.split(u'/')});
}

bool Router::matches(const Route &route, const QList<QStringView> &path, QStringList *captures)
{
    if (route.segments.size() != path.size())
        return false;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QString &want = route.segments[i];
        if (want.startsWith(u'{') && want.endsWith(u'}')) {
            if (path[i].isEmpty())
                return false;
        } else if (want != path[i]) {
            return false;
        }
    }
    captures->clear();
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (route.segments[i].startsWith(u'{'))
            captures->append(path[i].toString());
    }
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    // HEAD is GET without the body, as Starlette answers it.
    const QByteArray wanted = method == "HEAD" ? QByteArray("GET") : method;
    const QList<QStringView> segments = QStringView(path).split(u'/');
    QStringList captures;
    for (const Route &route : m_routes) {
        if (!matches(route, segments, &captures))
            continue;
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
        if (route.method == "GET" && !result.allowedMethods.contains("HEAD"))
            result.allowedMethods.append("HEAD");
        if (!result.handler && route.method == wanted) {
            result.handler = &route.handler;
            result.captures = captures;
        }
    }
    return result;
}

} // namespace taskflow
