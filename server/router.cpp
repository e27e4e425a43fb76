#include "router.h"

using namespace Qt::StringLiterals;

namespace taskflow {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.append(Route{method, pattern, std::move(handler)});
}

bool Router::matches(const QString &pattern, const QString &path, QStringList *captures)
{
    const QList<QStringView> want = QStringView(pattern).split(u'/');
    const QList<QStringView> have = QStringView(path).split(u'/');
    if (want.size() != have.size())
        return false;
    QStringList found;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want[i].startsWith(u'{') && want[i].endsWith(u'}')) {
            if (have[i].isEmpty())
                return false;
            found.append(have[i].toString());
        } else if (want[i] != have[i]) {
            return false;
        }
    }
    if (captures)
        *captures = found;
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    // HEAD is GET without the body, as Starlette answers it.
    const QByteArray wanted = method == "HEAD" ? QByteArray("GET") : method;
    for (const Route &route : m_routes) {
        QStringList captures;
        if (!matches(route.pattern, path, &captures))
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
