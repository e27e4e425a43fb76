#include <taskflow/desktop/smartviewdelegate.h>

#include <QApplication>
#include <QPainter>

namespace taskflow {

namespace {

constexpr int padding = 8;

} // namespace

void SmartViewDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QString count = index.data(CountRole).toString();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    const int countWidth = item.fontMetrics.horizontalAdvance(count) + 2 * padding;
    QStyleOptionViewItem name = item;
    name.rect.setRight(item.rect.right() - countWidth);
    // The row's background and selection over the whole width, the name on the left.
    QStyleOptionViewItem background = item;
    background.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
    name.backgroundBrush = Qt::NoBrush;
    name.state &= ~QStyle::State_HasFocus;
    style->drawControl(QStyle::CE_ItemViewItem, &name, painter, option.widget);
    painter->save();
    painter->setPen(item.palette.color(item.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                           : QPalette::Text));
    painter->drawText(item.rect.adjusted(0, 0, -padding, 0), Qt::AlignRight | Qt::AlignVCenter, count);
    painter->restore();
}

QSize SmartViewDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += option.fontMetrics.horizontalAdvance(index.data(CountRole).toString()) + 3 * padding;
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 8));
    return size;
}

} // namespace taskflow
