#include <taskflow/desktop/badgedelegate.h>

#include <taskflow/common/task.h>
#include <taskflow/desktop/taskcolors.h>
#include <taskflow/desktop/tasktablemodel.h>

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
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

// A drop-down of every value of an enum by its display name, holding the value as an int.
template <typename Enum, std::size_t N>
QComboBox *choiceEditor(QWidget *parent, const std::array<Enum, N> &values, const QString &accessibleName)
{
    auto *combo = new QComboBox(parent);
    for (const Enum value : values)
        combo->addItem(displayName(value), int(value));
    combo->setAccessibleName(accessibleName);
    return combo;
}

} // namespace

void BadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    const QVariant background = index.data(Qt::BackgroundRole);
    if (index.column() == TaskTableModel::DoneColumn) {
        // Some styles outline a check box with a shade of Window, lost on a dark row: the
        // box's edge is drawn with the secondary text colour instead.
        QStyleOptionViewItem box = option;
        box.palette.setColor(QPalette::Window, TaskColors::muted(option.palette).lighter(140));
        QStyledItemDelegate::paint(painter, box, index);
        return;
    }
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

QWidget *BadgeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    switch (index.column()) {
    case TaskTableModel::StatusColumn:
        return choiceEditor(parent, allStatuses, tr("Status"));
    case TaskTableModel::PriorityColumn:
        return choiceEditor(parent, allPriorities, tr("Priority"));
    case TaskTableModel::AssigneeColumn: {
        auto *edit = new QLineEdit(parent);
        auto *completer = new QCompleter(m_assignees, edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        edit->setCompleter(completer);
        edit->setPlaceholderText(tr("Nobody"));
        edit->setAccessibleName(tr("Assignee"));
        edit->setMaxLength(Task::assigneeMaxLength);
        return edit;
    }
    case TaskTableModel::TitleColumn: {
        auto *edit = new QLineEdit(parent);
        edit->setAccessibleName(tr("Title"));
        edit->setMaxLength(Task::titleMaxLength);
        return edit;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void BadgeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toInt()));
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(index.data(Qt::EditRole).toString());
        edit->selectAll();
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void BadgeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                 const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        // A blank title is refused as the dialog would refuse it: the edit is dropped.
        if (index.column() == TaskTableModel::TitleColumn && edit->text().trimmed().isEmpty())
            return;
        model->setData(index, edit->text(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace taskflow
