#include <taskflow/desktop/healthsummary.h>

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace taskflow {

QString healthSummary(const ServerHealth &health)
{
    // lupdate files these under "taskflow", the namespace they are written in.
    const auto tr = [](const char *text, const char *disambiguation = nullptr, int n = -1) {
        return QCoreApplication::translate("taskflow", text, disambiguation, n);
    };
    QStringList parts{health.healthy ? tr("healthy") : tr("unhealthy")};
    if (!health.database.isEmpty())
        parts.append(tr("database %1").arg(health.database == u"connected"_s ? tr("connected")
                                                                              : health.database));
    if (health.tasksCount >= 0)
        parts.append(tr("%n task(s)", nullptr, int(health.tasksCount)));
    if (!health.version.isEmpty()) {
        QString text = tr("version %1").arg(health.version);
        if (!health.environment.isEmpty())
            text += u" ("_s + health.environment + u')';
        parts.append(text);
    }
    return parts.join(u" · "_s);
}

} // namespace taskflow
