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

// What a client can send after "Bearer ": visible ASCII without spaces.
bool isSendable(const QByteArray &token)
{
    if (token.isEmpty())
        return false;
    for (const char c : token) {
        if (c <= ' ' || c > '~')
            return false;
    }
    return true;
}

bool isProtected(const QString &path)
{
    return path == u"/tasks"_s || path.startsWith(u"/tasks/"_s);
}

} // namespace

Result<void> AccessControl::addToken(const QString &token)
{
    const QByteArray bytes = token.trimmed().toUtf8();
    if (bytes.isEmpty())
        return Failure(u"is blank: set a token, or leave it unset for open access"_s);
    if (!isSendable(bytes))
        return Failure(u"must be visible ASCII characters without spaces"_s);
    m_tokenDigests.append(digest(bytes));
    return {};
}

Result<void> AccessControl::addTokensFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Failure(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    int found = 0;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (!isSendable(line))
            return Failure(u"line %1 of %2 is not a token (visible ASCII, no spaces)"_s.arg(lineNumber).arg(path));
        m_tokenDigests.append(digest(line));
        ++found;
    }
    if (found == 0)
        return Failure(u"%1 holds no token"_s.arg(path));
    return {};
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
