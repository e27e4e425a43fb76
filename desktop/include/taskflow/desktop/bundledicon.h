#pragma once

#include <QIcon>
#include <QString>

namespace taskflow {

// An icon of resources/icons, built into the library as :/icons/<name>.svg.
QIcon bundledIcon(const QString &name);

} // namespace taskflow
