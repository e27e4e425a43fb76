#include <taskflow/desktop/apierror.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("taskflow::ApiError", text, disambiguation, n);
}

} // namespace

ApiError ApiError::make(Kind kind, int httpStatus, const QString &message)
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = httpStatus;
    error.message = message;
    return error;
}

bool ApiError::isConnectionProblem() const
{
    return kind == Kind::Unreachable || kind == Kind::Timeout || kind == Kind::Busy
        || (kind == Kind::Server && (httpStatus == 502 || httpStatus == 503 || httpStatus == 504));
}

ApiError ApiError::unreachable(const QString &server, const QString &reason)
{
    return make(Kind::Unreachable, 0, tr("Cannot reach the server at %1 (%2).").arg(server, reason));
}

ApiError ApiError::timeout(const QString &server, int seconds)
{
    return make(Kind::Timeout, 0,
                    tr("The server at %1 did not answer within %2 seconds.").arg(server).arg(seconds));
}

ApiError ApiError::fromHttp(int status, const QByteArray &body, const QByteArray &retryAfter)
{
    ApiError error;
    error.httpStatus = status;
    // FastAPI's bodies: {"detail": "text"} for most errors, {"detail": [...]} for a 422.
    const QJsonValue detail = QJsonDocument::fromJson(body).object().value(u"detail"_s);
    const QString detailText = detail.isString() ? detail.toString() : QString();
    if (status == 404) {
        error.kind = Kind::NotFound;
        error.message = detailText == u"Task not found"_s || detailText.isEmpty()
                            ? tr("The task no longer exists on the server.")
                            : detailText;
    } else if (status == 422) {
        error.kind = Kind::Validation;
        error.validationErrors = validationErrorsFromBody(body);
        QStringList lines;
        for (const ValidationError &e : error.validationErrors)
            lines.append(e.field().isEmpty() ? e.msg : e.field() + u": "_s + e.msg);
        error.message = lines.isEmpty() ? tr("The server refused the request as invalid.")
                                        : tr("The server refused the request: %1").arg(lines.join(u"; "_s));
    } else if (status == 412) {
        error.kind = Kind::Conflict;
        const QJsonValue task = QJsonDocument::fromJson(body).object().value(u"task"_s);
        if (task.isObject())
            error.current = Task::fromJson(task.toObject());
        error.message = tr("Someone else changed the task since you opened it.");
    } else if (status == 503 && detailText == u"Server busy"_s) {
        error.kind = Kind::Busy;
        bool ok = false;
        const int seconds = retryAfter.trimmed().toInt(&ok);
        error.retryAfterSeconds = ok ? qBound(1, seconds, 60) : 1;
        error.message = tr("The server is busy; trying again in %n second(s).", nullptr,
                           error.retryAfterSeconds);
    } else {
        error.kind = Kind::Server;
        error.message = detailText.isEmpty()
                            ? tr("The server answered with HTTP status %1.").arg(status)
                            : tr("The server answered with HTTP status %1: %2.").arg(status).arg(detailText);
    }
    return error;
}

ApiError ApiError::unauthorized(bool tokenSent)
{
    return make(Kind::Unauthorized, 401,
                    tokenSent ? tr("The server refused the API token: check it in Settings.")
                              : tr("The server needs an API token: set it in Settings."));
}

ApiError ApiError::badResponse(const QString &what)
{
    return make(Kind::BadResponse, 0, tr("The server sent an unexpected answer: %1.").arg(what));
}

ApiError ApiError::redirectedElsewhere(const QString &server, const QString &target)
{
    return make(Kind::Server, 0,
                    tr("The server at %1 sends requests on to %2, where the API token does not go. "
                       "If the server has moved, enter its new address in Settings.")
                        .arg(server, target));
}

} // namespace taskflow
