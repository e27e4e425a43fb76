#pragma once

#include <taskflow/common/serverhealth.h>

#include <QString>

namespace taskflow {

// "healthy · database connected · 12 tasks · version 1.0.0 (development)", for the Settings
// dialog's Test connection.
QString healthSummary(const ServerHealth &health);

} // namespace taskflow
