#pragma once

#include <taskflow/server/httpmessage.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace taskflow {

// Optional bearer-token access to /tasks (API_TOKEN, or API_TOKENS_FILE with one token a
// line). Off by default, so the existing web frontend keeps working unchanged; `/`, `/health`
// and `/openapi.json` always stay open.
class AccessControl
{
public:
    AccessControl() = default; // open: every request passes

    struct Loaded;
    // `token` and the tokens read from `tokensFile` (either may be empty).
    static Loaded load(const QString &token, const QString &tokensFile);

    bool isEnabled() const { return !m_tokenDigests.isEmpty(); }
    int tokenCount() const { return int(m_tokenDigests.size()); }
    // nullopt when the request may go on; otherwise the 401 to answer with.
    std::optional<HttpResponse> check(const HttpRequest &request) const;

private:
    bool accepts(const QByteArray &token) const;

    QList<QByteArray> m_tokenDigests; // SHA-256 of each token
};

struct AccessControl::Loaded
{
    std::optional<AccessControl> access;
    QString error;
};

} // namespace taskflow
