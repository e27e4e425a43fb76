#include <taskflow/desktop/healthsummary.h>

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace taskflow {

QString healthSummary(const ServerHealth &health)
{
    const auto tr = [](const char *text, int n = -1) {
        return QCoreApplication::translate("taskflow::ServerHealth", text, nullptr, n);
    };
    QStringList parts{health.healthy ? tr("healthy") : tr("unhealthy")};
    if (!health.database.isEmpty())
        parts.append(tr("database %1").arg(health.database == u"connected"_s ? tr("connected")
                                                                              : health.database));
    if (health.tasksCount >= 0)
        parts.append(tr("%n task(s)", int(health.tasksCount)));
    if (!health.version.isEmpty()) {
        QString text = tr("version %1").arg(health.version);
        if (!health.environment.isEmpty())
            text += u" ("_s + health.environment + u')';
        parts.append(text);
    }
    return parts.join(u" · "_s);
}

} // namespace taskflow
