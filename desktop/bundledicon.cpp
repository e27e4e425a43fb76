#include <taskflow/desktop/bundledicon.h>

using namespace Qt::StringLiterals;

namespace taskflow {

QIcon bundledIcon(const QString &name)
{
    return QIcon(u":/icons/"_s + name + u".svg"_s);
}

} // namespace taskflow
