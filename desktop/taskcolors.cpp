#include <taskflow/desktop/taskcolors.h>

#include <QGuiApplication>
#include <QHash>

#include <cmath>

namespace taskflow::TaskColors {

namespace {

// A default-constructed QPalette means "the application's".
QPalette effective(const QPalette &palette)
{
    return palette.resolveMask() == 0 && palette == QPalette() ? QGuiApplication::palette() : palette;
}

QColor mix(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

QColor badgeFill(const QColor &accentColor, const QPalette &palette)
{
    const QPalette p = effective(palette);
    return mix(p.color(QPalette::Base), accentColor, isDark(p) ? 0.30 : 0.14);
}

QColor badgeInk(const QColor &accentColor, const QPalette &palette)
{
    const QPalette p = effective(palette);
    const QColor fill = badgeFill(accentColor, p);
    // Also readable on the selected row's highlight? No: badges keep their fill when selected.
    return withContrast(accentColor, {fill});
}

QList<QColor> rows(const QPalette &palette)
{
    const QPalette p = effective(palette);
    return {p.color(QPalette::Base), p.color(QPalette::AlternateBase), p.color(QPalette::Window)};
}

} // namespace

bool isDark(const QPalette &palette)
{
    return relativeLuminance(effective(palette).color(QPalette::Base)) < 0.2;
}

double relativeLuminance(const QColor &color)
{
    const auto channel = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor withContrast(const QColor &color, const QList<QColor> &backgrounds, double ratio)
{
    const auto worst = [&backgrounds](const QColor &c) {
        double lowest = 21;
        for (const QColor &background : backgrounds)
            lowest = std::min(lowest, contrastRatio(c, background));
        return lowest;
    };
    if (worst(color) >= ratio)
        return color;
    double average = 0;
    for (const QColor &background : backgrounds)
        average += relativeLuminance(background);
    average /= std::max<qsizetype>(1, backgrounds.size());
    // Towards black on light backgrounds, towards white on dark ones, keeping the hue.
    const QColor target = average > 0.18 ? QColor(Qt::black) : QColor(Qt::white);
    QColor best = color;
    for (int step = 1; step <= 40; ++step) {
        best = mix(color, target, step / 40.0);
        if (worst(best) >= ratio)
            return best;
    }
    return target;
}

QColor accent(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Todo: return QColor(0x64, 0x74, 0x8b);
    case TaskStatus::InProgress: return QColor(0x25, 0x63, 0xeb);
    case TaskStatus::Done: return QColor(0x16, 0xa3, 0x4a);
    }
    Q_UNREACHABLE();
}

QColor accent(TaskPriority priority)
{
    switch (priority) {
    case TaskPriority::Low: return QColor(0x64, 0x74, 0x8b);
    case TaskPriority::Medium: return QColor(0xd9, 0x77, 0x06);
    case TaskPriority::High: return QColor(0xdc, 0x26, 0x26);
    }
    Q_UNREACHABLE();
}

namespace {

// The table asks for these colours for every cell it paints; they change only with the
// palette, so they are worked out once per palette.
struct Derived
{
    qint64 paletteKey = -1;
    QColor statusFill[3], statusInk[3], priorityFill[3], priorityInk[3], overdue, muted;
};

const Derived &derived(const QPalette &palette)
{
    static QHash<qint64, Derived> known; // the app's palette and a widget's or two
    const QPalette p = effective(palette);
    const auto it = known.constFind(p.cacheKey());
    if (it != known.cend())
        return *it;
    if (known.size() > 8)
        known.clear();
    Derived &cache = known[p.cacheKey()];
    cache.paletteKey = p.cacheKey();
    for (const TaskStatus status : allStatuses) {
        cache.statusFill[int(status)] = badgeFill(accent(status), p);
        cache.statusInk[int(status)] = badgeInk(accent(status), p);
    }
    for (const TaskPriority priority : allPriorities) {
        cache.priorityFill[int(priority)] = badgeFill(accent(priority), p);
        cache.priorityInk[int(priority)] = badgeInk(accent(priority), p);
    }
    cache.overdue = withContrast(QColor(0xdc, 0x26, 0x26), rows(p));
    cache.muted = withContrast(mix(p.color(QPalette::Text), p.color(QPalette::Base), 0.45), rows(p));
    return cache;
}

} // namespace

QColor background(TaskStatus status, const QPalette &palette)
{
    return derived(palette).statusFill[int(status)];
}

QColor foreground(TaskStatus status, const QPalette &palette)
{
    return derived(palette).statusInk[int(status)];
}

QColor background(TaskPriority priority, const QPalette &palette)
{
    return derived(palette).priorityFill[int(priority)];
}

QColor foreground(TaskPriority priority, const QPalette &palette)
{
    return derived(palette).priorityInk[int(priority)];
}

QColor overdue(const QPalette &palette)
{
    return derived(palette).overdue;
}

QColor muted(const QPalette &palette)
{
    return derived(palette).muted;
}

QColor alertBackground(const QPalette &palette)
{
    return badgeFill(QColor(0xdc, 0x26, 0x26), palette);
}

QColor alertForeground(const QPalette &palette)
{
    const QPalette p = effective(palette);
    return withContrast(p.color(QPalette::Text), {alertBackground(p)}, 7.0);
}

QColor success(const QPalette &palette)
{
    return withContrast(QColor(0x16, 0xa3, 0x4a), rows(palette));
}

} // namespace taskflow::TaskColors
