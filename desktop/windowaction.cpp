#include <taskflow/desktop/windowaction.h>

#include <taskflow/desktop/bundledicon.h>

using namespace Qt::StringLiterals;

namespace taskflow {

QAction *addWindowAction(QWidget *owner, const QString &objectName, const QString &iconName,
                         const QString &text, const QList<QKeySequence> &keys, const QString &tip)
{
    auto *action = new QAction(iconName.isEmpty() ? QIcon() : bundledIcon(iconName), text, owner);
    action->setObjectName(objectName);
    action->setShortcuts(keys);
    const QString keyText = keys.isEmpty() ? QString() : keys.first().toString(QKeySequence::NativeText);
    action->setToolTip(keyText.isEmpty() ? tip : u"%1 (%2)"_s.arg(tip, keyText));
    action->setStatusTip(tip);
    action->setShortcutContext(Qt::WindowShortcut);
    owner->addAction(action);
    return action;
}

} // namespace taskflow
