#include <taskflow/desktop/taskcolors.h>

namespace taskflow::TaskColors {

// Pairs of a light fill and a dark text colour with a contrast ratio above 7:1.
QColor background(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Todo: return QColor(0xe2, 0xe8, 0xf0);
    case TaskStatus::InProgress: return QColor(0xdb, 0xea, 0xfe);
    case TaskStatus::Done: return QColor(0xdc, 0xfc, 0xe7);
    }
    Q_UNREACHABLE();
}

QColor foreground(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Todo: return QColor(0x33, 0x41, 0x55);
    case TaskStatus::InProgress: return QColor(0x1e, 0x40, 0xaf);
    case TaskStatus::Done: return QColor(0x16, 0x65, 0x34);
    }
    Q_UNREACHABLE();
}

QColor background(TaskPriority priority)
{
    switch (priority) {
    case TaskPriority::Low: return QColor(0xf1, 0xf5, 0xf9);
    case TaskPriority::Medium: return QColor(0xfe, 0xf3, 0xc7);
    case TaskPriority::High: return QColor(0xfe, 0xe2, 0xe2);
    }
    Q_UNREACHABLE();
}

QColor foreground(TaskPriority priority)
{
    switch (priority) {
    case TaskPriority::Low: return QColor(0x47, 0x55, 0x69);
    case TaskPriority::Medium: return QColor(0x92, 0x40, 0x0e);
    case TaskPriority::High: return QColor(0x99, 0x1b, 0x1b);
    }
    Q_UNREACHABLE();
}

QColor overdue()
{
    return QColor(0xb9, 0x1c, 0x1c);
}

QColor muted()
{
    return QColor(0x6b, 0x72, 0x80);
}

} // namespace taskflow::TaskColors
