#pragma once

#include <QLoggingCategory>

// Turn any of these on or off without a rebuild, e.g. QT_LOGGING_RULES="taskflow.access=false".
Q_DECLARE_LOGGING_CATEGORY(lcServer)  // taskflow.server: start-up, shutdown, faults
Q_DECLARE_LOGGING_CATEGORY(lcSql)     // taskflow.sql: connections, schema, query failures
Q_DECLARE_LOGGING_CATEGORY(lcAccess)  // taskflow.access: one line per request
