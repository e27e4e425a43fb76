#pragma once

#include <QString>

namespace taskflow {

// Applies the look chosen in Settings: "dark" (Fusion with a dark palette), "light" (Fusion
// with its light palette) or "" (the platform's own style and palette). Colours the app draws
// itself are derived from the palette (TaskColors), so they follow.
void applyTheme(const QString &theme);

} // namespace taskflow
