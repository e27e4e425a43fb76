#include <taskflow/desktop/logging.h>

namespace taskflow {

Q_LOGGING_CATEGORY(lcApi, "taskflow.desktop.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "taskflow.desktop.sync", QtInfoMsg)
// Where API tokens are read from and written to; never the tokens themselves.
Q_LOGGING_CATEGORY(lcTokens, "taskflow.desktop.tokens", QtInfoMsg)

} // namespace taskflow
