#pragma once

#include <taskflow/server/httpmessage.h>

#include <QStringList>

#include <optional>

namespace taskflow {

// CORS as Starlette's CORSMiddleware does it with allow_credentials=True, allow_methods=["*"],
// allow_headers=["*"] (API.md, "CORS"): the existing web frontend runs on another origin.
class CorsPolicy
{
public:
    explicit CorsPolicy(QStringList allowedOrigins);

    bool isAllowed(const QByteArray &origin) const;
    // The answer to a preflight (OPTIONS with Origin and Access-Control-Request-Method), or
    // nullopt when the request is not one.
    std::optional<HttpResponse> preflight(const HttpRequest &request) const;
    // Adds the headers of a simple (non-preflight) cross-origin answer, errors included.
    void decorate(const HttpRequest &request, HttpResponse &response) const;
    static bool isPreflight(const HttpRequest &request);

private:
    QList<QByteArray> m_origins;
    bool m_anyOrigin = false;
};

} // namespace taskflow
