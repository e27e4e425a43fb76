#pragma once

#include <taskflow/common/task.h>

#include <QColor>
#include <QPalette>

namespace taskflow {

// The colours of status and priority badges, overdue dates and secondary text, derived from
// the palette in use (light or dark) so that every text keeps a WCAG contrast ratio of at least
// 4.5:1 against what it is drawn on. Always shown next to the words they colour, never alone.
namespace TaskColors {

inline constexpr double minimumContrast = 4.5;

QColor background(TaskStatus status, const QPalette &palette = {});
QColor foreground(TaskStatus status, const QPalette &palette = {});
QColor background(TaskPriority priority, const QPalette &palette = {});
QColor foreground(TaskPriority priority, const QPalette &palette = {});
// Text colours readable on the rows (Base and AlternateBase).
QColor overdue(const QPalette &palette = {});
QColor muted(const QPalette &palette = {});
// A soft fill and its text, for warnings (the connection banner, a form error).
QColor alertBackground(const QPalette &palette = {});
QColor alertForeground(const QPalette &palette = {});
QColor success(const QPalette &palette = {});
// The strong colour of a status or priority, for charts.
QColor accent(TaskStatus status);
QColor accent(TaskPriority priority);
bool isDark(const QPalette &palette = {});

// WCAG 2 relative luminance and contrast ratio (1 to 21).
double relativeLuminance(const QColor &color);
double contrastRatio(const QColor &a, const QColor &b);
// `color`, made darker or lighter until it reaches `ratio` against every one of `backgrounds`.
QColor withContrast(const QColor &color, const QList<QColor> &backgrounds,
                    double ratio = minimumContrast);

} // namespace TaskColors
} // namespace taskflow
