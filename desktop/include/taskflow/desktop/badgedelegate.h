#pragma once

#include <QStyledItemDelegate>

namespace taskflow {

// Paints a cell that has a background colour (status, priority) as a rounded badge holding
// its text, instead of filling the whole cell: the word stays readable and the colour helps.
// Edits status and priority with a list of their words, the assignee with the names known.
class BadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

    void setKnownAssignees(const QStringList &names) { m_assignees = names; }

private:
    QStringList m_assignees;
};

} // namespace taskflow
