#pragma once

#include <taskflow/common/task.h>
#include <taskflow/common/validationerror.h>

#include <QString>

#include <optional>

namespace taskflow {

// Why a request to the server did not give the answer asked for, in words a user can read.
struct ApiError
{
    enum class Kind {
        None,         // no error
        Unreachable,  // no connection: refused, host not found, connection dropped
        Timeout,      // connected (or trying to) but nothing came back in time
        NotFound,     // 404: the task is gone
        Unauthorized, // 401: the server wants an API token, or another one (Settings)
        Validation,   // 422: `validationErrors` name the fields
        Conflict,     // 412: the task changed since it was read; `current` is how it is now
        Busy,         // 503 "Server busy": nothing was done; try again after `retryAfterSeconds`
        Server,       // any other HTTP error status (5xx, 413, ...)
        BadResponse,  // 2xx with a body that is not what API.md promises
        Aborted,      // cancelled by the app (the server URL changed)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message; // one sentence for a status line or a banner
    ValidationErrors validationErrors;
    std::optional<Task> current; // Conflict: the task as the server has it now
    int retryAfterSeconds = 0;   // Busy

    bool isError() const { return kind != Kind::None; }
    // The server could not be talked to at all (or answered that it cannot work right now):
    // the kind of failure a retry can fix.
    bool isConnectionProblem() const;

    static ApiError make(Kind kind, int httpStatus, const QString &message);
    static ApiError unreachable(const QString &server, const QString &reason);
    static ApiError timeout(const QString &server, int seconds);
    // `retryAfter`: the Retry-After header of the answer, if any.
    static ApiError fromHttp(int status, const QByteArray &body, const QByteArray &retryAfter = {});
    // A 401: `tokenSent` tells a missing token from a refused one.
    static ApiError unauthorized(bool tokenSent);
    static ApiError badResponse(const QString &what);
    // A redirect to another origin, not followed because it would take the API token along.
    static ApiError redirectedElsewhere(const QString &server, const QString &target);
};

} // namespace taskflow
