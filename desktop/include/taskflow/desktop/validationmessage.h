#pragma once

#include <taskflow/common/validationerror.h>

#include <QString>

namespace taskflow {

// A 422 entry (API.md: FastAPI's shape, English `msg`) in the user's language, from its
// machine `type` and `ctx`; the server's own words when the type is one the app does not know.
QString localizedMessage(const ValidationError &error);

} // namespace taskflow
