#pragma once

#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QString>
#include <QWidget>

namespace taskflow {

// An action of `owner` as the toolbar and menus show it, with no icon when `iconName` is empty:
// its tooltip names its first shortcut, and it is added to `owner` so that its shortcuts work
// even with the toolbar hidden.
QAction *addWindowAction(QWidget *owner, const QString &objectName, const QString &iconName,
                         const QString &text, const QList<QKeySequence> &keys, const QString &tip);

// The same, triggering `slot` of `owner` (a member function or a functor).
template <typename Owner, typename Slot>
QAction *addWindowAction(Owner *owner, const QString &objectName, const QString &iconName,
                         const QString &text, const QList<QKeySequence> &keys, const QString &tip,
                         Slot slot)
{
    QAction *action = addWindowAction(static_cast<QWidget *>(owner), objectName, iconName, text, keys, tip);
    QObject::connect(action, &QAction::triggered, owner, slot);
    return action;
}

} // namespace taskflow
