#include <taskflow/desktop/conflictdialog.h>

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace taskflow {

struct ConflictDialog::Field
{
    QString name; // as the API names it
    const char *label;
    std::function<QString(const Task &)> text;
    std::function<void(Task &, const Task &)> copy; // from the second into the first
};

namespace {

QString orNone(const std::optional<QString> &text)
{
    return text && !text->isEmpty() ? *text : QCoreApplication::translate("taskflow::ConflictDialog", "(none)");
}

} // namespace

const QList<ConflictDialog::Field> &ConflictDialog::fields()
{
    static const QList<Field> list{
        {u"title"_s, QT_TR_NOOP("Title"), [](const Task &t) { return t.title; },
         [](Task &t, const Task &o) { t.title = o.title; }},
        {u"description"_s, QT_TR_NOOP("Description"), [](const Task &t) { return orNone(t.description); },
         [](Task &t, const Task &o) { t.description = o.description; }},
        {u"status"_s, QT_TR_NOOP("Status"), [](const Task &t) { return displayName(t.status); },
         [](Task &t, const Task &o) { t.status = o.status; }},
        {u"priority"_s, QT_TR_NOOP("Priority"), [](const Task &t) { return displayName(t.priority); },
         [](Task &t, const Task &o) { t.priority = o.priority; }},
        {u"assignee"_s, QT_TR_NOOP("Assignee"), [](const Task &t) { return orNone(t.assignee); },
         [](Task &t, const Task &o) { t.assignee = o.assignee; }},
        {u"due_date"_s, QT_TR_NOOP("Due date"),
         [](const Task &t) {
             return t.dueDate ? QLocale().toString(t.dueDate->toLocalTime(), QLocale::ShortFormat)
                              : orNone(std::nullopt);
         },
         [](Task &t, const Task &o) { t.dueDate = o.dueDate; }},
    };
    return list;
}

ConflictDialog::ConflictDialog(const Task &base, const std::optional<Task> &mine,
                               const std::optional<Task> &theirs, QWidget *parent)
    : QDialog(parent), m_base(base), m_mine(mine), m_theirs(theirs)
{
    setObjectName(u"conflictDialog"_s);
    setWindowTitle(tr("Changed Elsewhere"));
    setMinimumWidth(620);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setObjectName(u"conflictIntro"_s);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *buttons = new QDialogButtonBox(this);
    // The two ways out of every conflict; only their words and the role of "mine" change.
    const auto addKeepMineAndTakeTheirs = [this, buttons](const QString &keepMineText,
                                                          QDialogButtonBox::ButtonRole keepMineRole,
                                                          const QString &takeTheirsText) {
        auto *keepMineButton = buttons->addButton(keepMineText, keepMineRole);
        keepMineButton->setObjectName(u"keepMineButton"_s);
        auto *takeTheirsButton = buttons->addButton(takeTheirsText, QDialogButtonBox::RejectRole);
        takeTheirsButton->setObjectName(u"takeTheirsButton"_s);
        connect(keepMineButton, &QPushButton::clicked, this, &ConflictDialog::keepMine);
        connect(takeTheirsButton, &QPushButton::clicked, this, &ConflictDialog::takeTheirs);
    };
    const QString title = (mine ? mine->title : base.title).toHtmlEscaped();

    if (!theirs) {
        intro->setText(tr("<b>“%1” was deleted by someone else</b> while you changed it. "
                          "Restore it with your changes, or let it go?").arg(title));
        addKeepMineAndTakeTheirs(tr("&Restore with My Changes"), QDialogButtonBox::AcceptRole, tr("&Let It Go"));
        layout->addWidget(buttons);
        return;
    }

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    auto *yoursHeader = new QLabel(mine ? tr("<b>Yours</b>") : tr("<b>Yours</b> (deleted)"), this);
    auto *theirsHeader = new QLabel(tr("<b>On the server now</b>"), this);
    grid->addWidget(new QLabel(tr("<b>Field</b>"), this), 0, 0);
    grid->addWidget(yoursHeader, 0, 1);
    grid->addWidget(theirsHeader, 0, 2);
    int row = 1;
    const Task &yours = mine ? *mine : base;
    for (const Field &field : fields()) {
        const QString mineText = field.text(yours);
        const QString theirsText = field.text(*theirs);
        if (mineText == theirsText && (mine || field.text(base) == theirsText))
            continue;
        auto *name = new QLabel(tr(field.label), this);
        grid->addWidget(name, row, 0, Qt::AlignTop);
        if (mine) {
            auto *group = new QButtonGroup(this);
            auto *pickMine = new QRadioButton(mineText, this);
            pickMine->setObjectName(field.name + u"_mine"_s);
            pickMine->setAccessibleName(tr("%1: yours, %2").arg(tr(field.label), mineText));
            auto *pickTheirs = new QRadioButton(theirsText, this);
            pickTheirs->setObjectName(field.name + u"_theirs"_s);
            pickTheirs->setAccessibleName(tr("%1: on the server, %2").arg(tr(field.label), theirsText));
            group->addButton(pickMine, 1);
            group->addButton(pickTheirs, 0);
            // Changed on one side only: that side. Changed on both: the user's, as typed.
            const bool theyChanged = field.text(base) != theirsText;
            const bool iChanged = field.text(base) != mineText;
            (iChanged || !theyChanged ? pickMine : pickTheirs)->setChecked(true);
            grid->addWidget(pickMine, row, 1, Qt::AlignTop);
            grid->addWidget(pickTheirs, row, 2, Qt::AlignTop);
            m_choices.append({field.name, group});
        } else {
            grid->addWidget(new QLabel(mineText, this), row, 1, Qt::AlignTop);
            grid->addWidget(new QLabel(theirsText, this), row, 2, Qt::AlignTop);
        }
        ++row;
    }
    auto *gridBox = new QWidget(this);
    gridBox->setLayout(grid);
    layout->addWidget(gridBox);

    if (!mine) {
        intro->setText(tr("<b>“%1” was changed by someone else</b> after you chose to delete it. "
                          "Delete it anyway, or keep their version?").arg(title));
        addKeepMineAndTakeTheirs(tr("&Delete Anyway"), QDialogButtonBox::AcceptRole, tr("&Keep Their Version"));
    } else {
        intro->setText(tr("<b>“%1” was changed by someone else</b> since you opened it. Choose, "
                          "field by field, what to keep: where only one side changed, that side "
                          "is chosen.").arg(title));
        auto *mergeButton = buttons->addButton(tr("&Save Choices"), QDialogButtonBox::AcceptRole);
        mergeButton->setObjectName(u"mergeButton"_s);
        mergeButton->setDefault(true);
        connect(mergeButton, &QPushButton::clicked, this, &ConflictDialog::merge);
        addKeepMineAndTakeTheirs(tr("Keep &Mine"), QDialogButtonBox::ActionRole, tr("Take &Theirs"));
    }
    layout->addWidget(buttons);
}

QStringList ConflictDialog::conflictingFields() const
{
    QStringList names;
    for (const auto &[name, group] : m_choices)
        names.append(name);
    return names;
}

void ConflictDialog::choose(const QString &field, bool mine)
{
    for (const auto &[name, group] : m_choices) {
        if (name == field)
            group->button(mine ? 1 : 0)->setChecked(true);
    }
}

void ConflictDialog::keepMine()
{
    if (m_mine) {
        m_resolution = *m_mine;
    } else {
        m_resolution = m_theirs ? *m_theirs : m_base; // "delete anyway": the version to delete
    }
    accept();
}

void ConflictDialog::takeTheirs()
{
    m_resolution.reset();
    done(QDialog::Accepted);
}

void ConflictDialog::merge()
{
    if (!m_mine || !m_theirs)
        return keepMine();
    Task merged = *m_theirs;
    for (const auto &[name, group] : m_choices) {
        if (group->checkedId() != 1)
            continue;
        for (const Field &field : fields()) {
            if (field.name == name)
                field.copy(merged, *m_mine);
        }
    }
    m_resolution = merged;
    accept();
}

} // namespace taskflow
