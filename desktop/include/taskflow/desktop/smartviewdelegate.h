#pragma once

#include <QStyledItemDelegate>

namespace taskflow {

// Draws an entry of the smart-view list as its name with its count right-aligned, so the
// counts line up whatever the length of the names in the user's language.
class SmartViewDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int CountRole = Qt::UserRole + 1;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace taskflow
