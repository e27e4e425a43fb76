#pragma once

#include <QLoggingCategory>

namespace taskflow {

// QT_LOGGING_RULES="taskflow.desktop.*=true" shows every request the app makes.
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcTokens)

} // namespace taskflow
