#include "logging.h"

namespace taskflow {

Q_LOGGING_CATEGORY(lcApi, "taskflow.desktop.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "taskflow.desktop.sync", QtInfoMsg)

} // namespace taskflow
