#pragma once

#include <taskflow/common/task.h>

#include <QColor>

namespace taskflow {

// The colours of status and priority badges and of overdue dates. Always shown next to the
// words they colour, never alone, so they only help a reader who can tell them apart.
namespace TaskColors {

QColor background(TaskStatus status);
QColor foreground(TaskStatus status);
QColor background(TaskPriority priority);
QColor foreground(TaskPriority priority);
QColor overdue();
QColor muted();

} // namespace TaskColors
} // namespace taskflow
