#include <taskflow/server/corspolicy.h>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

const QList<QByteArray> allMethods{"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"};

void addVaryOrigin(HttpResponse &response)
{
    const QByteArray vary = response.header("Vary");
    if (vary.isEmpty())
        response.setHeader("Vary", "Origin");
    else if (!vary.contains("Origin"))
        response.setHeader("Vary", vary + ", Origin");
}

} // namespace

CorsPolicy::CorsPolicy(QStringList allowedOrigins)
{
    for (const QString &origin : allowedOrigins) {
        if (origin == u"*"_s)
            m_anyOrigin = true;
        else
            m_origins.append(origin.toUtf8());
    }
}

bool CorsPolicy::isAllowed(const QByteArray &origin) const
{
    return m_anyOrigin || m_origins.contains(origin);
}

bool CorsPolicy::isPreflight(const HttpRequest &request)
{
    return request.method == "OPTIONS" && request.hasHeader("Origin")
        && request.hasHeader("Access-Control-Request-Method");
}

std::optional<HttpResponse> CorsPolicy::preflight(const HttpRequest &request) const
{
    if (!isPreflight(request))
        return std::nullopt;

    const QByteArray origin = request.header("Origin");
    const QByteArray method = request.header("Access-Control-Request-Method");
    QList<QByteArray> failures;
    HttpResponse response = HttpResponse::text(200, "OK");
    response.setHeader("Vary", "Origin");
    response.setHeader("Access-Control-Allow-Methods", allMethods.join(", "));
    response.setHeader("Access-Control-Max-Age", "600");
    if (isAllowed(origin))
        response.setHeader("Access-Control-Allow-Origin", origin);
    else
        failures.append("origin");
    if (!allMethods.contains(method))
        failures.append("method");
    if (request.hasHeader("Access-Control-Request-Headers"))
        response.setHeader("Access-Control-Allow-Headers",
                           request.header("Access-Control-Request-Headers"));
    response.setHeader("Access-Control-Allow-Credentials", "true");
    if (!failures.isEmpty()) {
        response.status = 400;
        response.body = "Disallowed CORS " + failures.join(", ");
    }
    return response;
}

void CorsPolicy::decorate(const HttpRequest &request, HttpResponse &response) const
{
    if (!request.hasHeader("Origin") || isPreflight(request)) // a preflight has its own
        return;
    response.setHeader("Access-Control-Allow-Credentials", "true");
    // Browser clients read versions (ETag) and the total of a page (X-Total-Count).
    response.setHeader("Access-Control-Expose-Headers", "ETag, X-Total-Count");
    const QByteArray origin = request.header("Origin");
    // Any origin: `*`, unless the request carries a cookie, which `*` would not let the browser
    // send; then the origin itself. Starlette answers exactly so.
    if (m_anyOrigin && !request.hasHeader("Cookie")) {
        response.setHeader("Access-Control-Allow-Origin", "*");
    } else if (isAllowed(origin)) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        addVaryOrigin(response);
    }
}

} // namespace taskflow
