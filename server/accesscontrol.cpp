#include <taskflow/server/accesscontrol.h>

#include <QCryptographicHash>
#include <QFile>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

QByteArray digest(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

HttpResponse unauthorized(const QString &detail)
{
    HttpResponse response = HttpResponse::error(401, detail);
    response.setHeader("WWW-Authenticate", "Bearer");
    return response;
}

bool isProtected(const QString &path)
{
    return path == u"/tasks"_s || path.startsWith(u"/tasks/"_s);
}

} // namespace

AccessControl::Loaded AccessControl::load(const QString &token, const QString &tokensFile)
{
    AccessControl access;
    if (!token.trimmed().isEmpty())
        access.m_tokenDigests.append(digest(token.trimmed().toUtf8()));
    if (!tokensFile.isEmpty()) {
        QFile file(tokensFile);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return Loaded{std::nullopt, u"cannot read the tokens file %1: %2"_s.arg(tokensFile, file.errorString())};
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (!line.isEmpty() && !line.startsWith('#'))
                access.m_tokenDigests.append(digest(line));
        }
        if (access.m_tokenDigests.isEmpty())
            return Loaded{std::nullopt, u"the tokens file %1 holds no token"_s.arg(tokensFile)};
    }
    return Loaded{access, {}};
}

bool AccessControl::accepts(const QByteArray &token) const
{
    // Digests have one length whatever was sent, and every token is compared in full, so the
    // time taken says nothing about how much of a token was right.
    const QByteArray presented = digest(token);
    bool match = false;
    for (const QByteArray &expected : m_tokenDigests) {
        unsigned char difference = 0;
        for (qsizetype i = 0; i < expected.size(); ++i)
            difference |= static_cast<unsigned char>(expected[i] ^ presented[i]);
        match |= difference == 0;
    }
    return match;
}

std::optional<HttpResponse> AccessControl::check(const HttpRequest &request) const
{
    if (!isEnabled() || !isProtected(request.path))
        return std::nullopt;
    const QByteArray authorization = request.header("Authorization").trimmed();
    const qsizetype space = authorization.indexOf(' ');
    if (authorization.isEmpty() || space < 0
        || authorization.left(space).compare("Bearer", Qt::CaseInsensitive) != 0)
        return unauthorized(u"Not authenticated"_s);
    if (!accepts(authorization.mid(space + 1).trimmed()))
        return unauthorized(u"Invalid authentication credentials"_s);
    return std::nullopt;
}

} // namespace taskflow
