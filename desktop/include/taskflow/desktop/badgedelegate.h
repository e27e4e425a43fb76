#pragma once

#include <QStyledItemDelegate>

namespace taskflow {

// Paints a cell that has a background colour (status, priority) as a rounded badge holding
// its text, instead of filling the whole cell: the word stays readable and the colour helps.
class BadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace taskflow
