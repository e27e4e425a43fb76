#pragma once

#include <taskflow/common/result.h>
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

    // Accepts `token` (API_TOKEN): visible ASCII, no spaces. A blank token would leave the
    // server open while its operator believes it closed, so it is an error, not "no token".
    Result<void> addToken(const QString &token);
    // Accepts every token of the file (API_TOKENS_FILE): one a line, `#` starts a comment.
    // A file that holds none is an error too.
    Result<void> addTokensFile(const QString &path);

    bool isEnabled() const { return !m_tokenDigests.isEmpty(); }
    int tokenCount() const { return int(m_tokenDigests.size()); }
    // nullopt when the request may go on; otherwise the 401 to answer with.
    std::optional<HttpResponse> check(const HttpRequest &request) const;

private:
    bool accepts(const QByteArray &token) const;

    QList<QByteArray> m_tokenDigests; // SHA-256 of each token
};

} // namespace taskflow
