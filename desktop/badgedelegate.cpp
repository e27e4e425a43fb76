#include <taskflow/desktop/badgedelegate.h>

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace taskflow {

namespace {

constexpr int horizontalPadding = 9;
constexpr int verticalMargin = 4;
constexpr int leftMargin = 6;

QFont badgeFont(const QStyleOptionViewItem &option)
{
    QFont font = option.font;
    font.setWeight(QFont::DemiBold);
    return font;
}

} // namespace

void BadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    const QVariant background = index.data(Qt::BackgroundRole);
    if (!background.canConvert<QColor>()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // The cell itself (selection, focus, hover) as the style draws it, without text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    cell.backgroundBrush = Qt::NoBrush;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    const QFont font = badgeFont(option);
    const QFontMetrics metrics(font);
    const int height = qMin(option.rect.height() - 2 * verticalMargin, metrics.height() + 6);
    const int width = qMin(option.rect.width() - 2 * leftMargin,
                           metrics.horizontalAdvance(text) + 2 * horizontalPadding);
    const QRect badge(option.rect.left() + leftMargin,
                      option.rect.top() + (option.rect.height() - height) / 2, width, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    const QColor fill = background.value<QColor>();
    const QColor ink = index.data(Qt::ForegroundRole).value<QColor>();
    painter->fillPath(path, fill);
    painter->setPen(QPen(ink.lighter(160), 1));
    painter->drawPath(path);
    painter->setFont(font);
    painter->setPen(ink);
    const int room = width - 2 * horizontalPadding;
    painter->drawText(badge, Qt::AlignCenter,
                      metrics.horizontalAdvance(text) <= room
                          ? text
                          : metrics.elidedText(text, Qt::ElideRight, room));
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(Qt::BackgroundRole).canConvert<QColor>()) {
        const QFontMetrics metrics(badgeFont(option));
        size.setWidth(metrics.horizontalAdvance(index.data(Qt::DisplayRole).toString())
                      + 2 * horizontalPadding + 2 * leftMargin);
        size.setHeight(qMax(size.height(), metrics.height() + 6 + 2 * verticalMargin));
    }
    return size;
}

} // namespace taskflow
