#include <taskflow/server/dispatcher.h>

#include <QUrl>

using namespace Qt::StringLiterals;

namespace taskflow {

Dispatcher::Dispatcher(Router router, CorsPolicy cors, AccessControl access)
    : m_router(std::move(router)), m_cors(std::move(cors)), m_access(std::move(access))
{
}

void Dispatcher::dispatch(const HttpRequest &request, const Respond &respond) const
{
    if (std::optional<HttpResponse> preflight = m_cors.preflight(request))
        return respond(std::move(*preflight));
    if (std::optional<HttpResponse> refused = m_access.check(request))
        return respond(std::move(*refused));

    const Router::Match match = m_router.match(request.method, request.path);
    if (match.handler)
        return (*match.handler)(request, match.captures, respond);
    if (match.allowedMethods.isEmpty()) {
        // As Starlette does (redirect_slashes): /tasks/ is a 307 to /tasks.
        if (request.path.size() > 1 && request.path.endsWith(u'/')
            && !m_router.match(request.method, request.path.chopped(1)).allowedMethods.isEmpty()) {
            HttpResponse redirect = HttpResponse::error(307, u"Temporary Redirect"_s);
            redirect.body.clear();
            redirect.contentType.clear();
            redirect.setHeader("Location", QUrl::toPercentEncoding(request.path.chopped(1), "/")
                                               + (request.query.isEmpty() ? QByteArray() : '?' + request.query));
            return respond(std::move(redirect));
        }
        return respond(HttpResponse::error(404, u"Not Found"_s));
    }
    HttpResponse response = HttpResponse::error(405, u"Method Not Allowed"_s);
    response.setHeader("Allow", match.allowedMethods.join(", "));
    return respond(std::move(response));
}

void Dispatcher::decorate(const HttpRequest &request, HttpResponse &response) const
{
    m_cors.decorate(request, response);
}

} // namespace taskflow
