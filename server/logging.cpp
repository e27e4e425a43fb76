#include <taskflow/server/logging.h>

Q_LOGGING_CATEGORY(lcServer, "taskflow.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSql, "taskflow.sql", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccess, "taskflow.access", QtInfoMsg)
