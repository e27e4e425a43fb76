#include <taskflow/desktop/taskdialog.h>

#include <taskflow/desktop/taskcolors.h>
#include <taskflow/desktop/validationmessage.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStringListModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

QLabel *makeErrorLabel(QWidget *parent, const QString &field)
{
    auto *label = new QLabel(parent);
    label->setObjectName(field + u"Error"_s);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: %1;"_s.arg(TaskColors::overdue(parent->palette()).name()));
    label->hide();
    return label;
}

QLabel *makeCountLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignRight | Qt::AlignTop);
    return label;
}

// A field with its error message (left) and character count (right) below it.
QWidget *withMessages(QWidget *parent, QWidget *field, QLabel *error, QLabel *count = nullptr)
{
    auto *box = new QWidget(parent);
    box->setFocusProxy(field); // so the row's label mnemonic (Alt+T, ...) reaches the field
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    auto *below = new QHBoxLayout;
    below->addWidget(error, 1);
    if (count)
        below->addWidget(count, 0, Qt::AlignTop);
    layout->addLayout(below);
    return box;
}

QString utcOffsetText()
{
    const int seconds = QDateTime::currentDateTime().offsetFromUtc();
    const int minutes = std::abs(seconds) / 60;
    return u"UTC%1%2:%3"_s.arg(QChar(seconds < 0 ? u'\u2212' : u'+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// Minutes are what the editor shows; seconds would make an untouched date look changed.
QDateTime toMinute(const QDateTime &local)
{
    return QDateTime(local.date(), QTime(local.time().hour(), local.time().minute()));
}

} // namespace

TaskDialog::TaskDialog(QWidget *parent)
    : QDialog(parent),
      m_formError(new QLabel(this)),
      m_notice(new QLabel(this)),
      m_form(new QWidget(this)),
      m_title(new QLineEdit(m_form)),
      m_titleCount(makeCountLabel(m_form, u"titleCount"_s)),
      m_titleError(makeErrorLabel(m_form, u"title"_s)),
      m_description(new QPlainTextEdit(m_form)),
      m_descriptionCount(makeCountLabel(m_form, u"descriptionCount"_s)),
      m_descriptionError(makeErrorLabel(m_form, u"description"_s)),
      m_status(new QComboBox(m_form)),
      m_statusError(makeErrorLabel(m_form, u"status"_s)),
      m_priority(new QComboBox(m_form)),
      m_priorityError(makeErrorLabel(m_form, u"priority"_s)),
      m_assignee(new QLineEdit(m_form)),
      m_assigneeNames(new QStringListModel(this)),
      m_assigneeError(makeErrorLabel(m_form, u"assignee"_s)),
      m_hasDueDate(new QCheckBox(m_form)),
      m_dueDate(new QDateTimeEdit(m_form)),
      m_dueDateError(makeErrorLabel(m_form, u"due_date"_s)),
      m_info(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"taskDialog"_s);
    setWindowTitle(tr("New Task"));
    setMinimumWidth(540);

    m_formError->setObjectName(u"formError"_s);
    m_formError->setWordWrap(true);
    m_formError->setStyleSheet(u"QLabel { background: %1; color: %2; border-radius: 4px; padding: 6px; }"_s
                                   .arg(TaskColors::alertBackground(palette()).name(),
                                        TaskColors::alertForeground(palette()).name()));
    m_formError->hide();
    m_notice->setObjectName(u"changedElsewhereNotice"_s);
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(u"QLabel { background: %1; color: %2; border-radius: 4px; padding: 6px; }"_s
                                .arg(TaskColors::background(TaskStatus::InProgress, palette()).name(),
                                     TaskColors::foreground(TaskStatus::InProgress, palette()).name()));
    m_notice->hide();

    m_title->setObjectName(u"titleEdit"_s);
    m_title->setPlaceholderText(tr("What needs to be done?"));
    m_title->setAccessibleName(tr("Title"));

    m_description->setObjectName(u"descriptionEdit"_s);
    m_description->setPlaceholderText(tr("Details, links, acceptance criteria (optional)"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 6 + 12);
    m_description->setAccessibleName(tr("Description"));

    m_status->setObjectName(u"statusCombo"_s);
    for (const TaskStatus status : allStatuses)
        m_status->addItem(displayName(status), int(status));
    m_priority->setObjectName(u"priorityCombo"_s);
    for (const TaskPriority priority : allPriorities)
        m_priority->addItem(displayName(priority), int(priority));
    m_priority->setCurrentIndex(int(TaskPriority::Medium));

    m_assignee->setObjectName(u"assigneeEdit"_s);
    m_assignee->setPlaceholderText(tr("Nobody yet"));
    auto *completer = new QCompleter(m_assigneeNames, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_assignee->setCompleter(completer);

    m_hasDueDate->setObjectName(u"dueDateCheck"_s);
    m_hasDueDate->setAccessibleName(tr("Has a due date"));
    m_hasDueDate->setToolTip(tr("Give the task a due date"));
    m_dueDate->setObjectName(u"dueDateEdit"_s);
    m_dueDate->setCalendarPopup(true);
    m_dueDate->setDisplayFormat(u"ddd d MMM yyyy  HH:mm"_s);
    // The edit shows local time by default on every Qt 6 (setTimeSpec is deprecated in 6.8+).
    const QDate tomorrow = QDate::currentDate().addDays(1);
    m_dueDate->setDateTime(QDateTime(tomorrow, QTime(17, 0)));
    m_dueDate->setToolTip(tr("In your local time (%1); the server stores UTC").arg(utcOffsetText()));
    auto *dueHint = new QLabel(tr("local time, %1").arg(utcOffsetText()), m_form);
    dueHint->setStyleSheet(u"color: %1;"_s.arg(TaskColors::muted().name()));
    auto *dueRow = new QWidget(m_form);
    dueRow->setFocusProxy(m_hasDueDate);
    auto *dueLayout = new QHBoxLayout(dueRow);
    dueLayout->setContentsMargins(0, 0, 0, 0);
    dueLayout->addWidget(m_hasDueDate);
    dueLayout->addWidget(m_dueDate, 1);
    dueLayout->addWidget(dueHint);

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Title *"), withMessages(m_form, m_title, m_titleError, m_titleCount));
    form->addRow(tr("&Description"),
                 withMessages(m_form, m_description, m_descriptionError, m_descriptionCount));
    form->addRow(tr("&Status"), withMessages(m_form, m_status, m_statusError));
    form->addRow(tr("&Priority"), withMessages(m_form, m_priority, m_priorityError));
    form->addRow(tr("&Assignee"), withMessages(m_form, m_assignee, m_assigneeError));
    form->addRow(tr("Due &date"), withMessages(m_form, dueRow, m_dueDateError));

    m_info->setObjectName(u"infoLabel"_s);
    m_info->setStyleSheet(u"color: %1;"_s.arg(TaskColors::muted().name()));
    m_info->hide();

    m_buttons->button(QDialogButtonBox::Save)->setObjectName(u"saveButton"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(m_formError);
    layout->addWidget(m_form);
    layout->addWidget(m_info);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &TaskDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TaskDialog::reject);
    auto *saveShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(saveShortcut, &QShortcut::activated, this, &TaskDialog::save);
    connect(m_title, &QLineEdit::textChanged, this, &TaskDialog::updateCounters);
    connect(m_description, &QPlainTextEdit::textChanged, this, &TaskDialog::updateCounters);
    connect(m_hasDueDate, &QCheckBox::toggled, this, &TaskDialog::updateDueEditor);

    updateCounters();
    updateDueEditor();
    m_title->setFocus();
    m_initial = changes();
}

bool TaskDialog::hasChanges() const
{
    const TaskChanges now = changes();
    return m_original ? !now.isEmpty() : now.toJson() != m_initial.toJson();
}

void TaskDialog::reject()
{
    if (m_saving || !hasChanges())
        return QDialog::reject();
    if (findChild<QMessageBox *>(u"discardChangesBox"_s))
        return; // already asking
    auto *box = new QMessageBox(QMessageBox::Question, tr("Discard Changes?"),
                                tr("Throw away what you typed in this task?"), QMessageBox::NoButton, this);
    box->setObjectName(u"discardChangesBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *discard = box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(u"discardButton"_s);
    QPushButton *keep = box->addButton(tr("&Keep Editing"), QMessageBox::RejectRole);
    keep->setObjectName(u"keepEditingButton"_s);
    box->setDefaultButton(keep); // Return must not throw anything away
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, discard] {
        if (box->clickedButton() == discard)
            QDialog::reject();
    });
    box->open();
}

void TaskDialog::setChanges(const TaskChanges &changes)
{
    if (changes.title)
        m_title->setText(*changes.title);
    if (changes.description)
        m_description->setPlainText(changes.description->value_or(QString()));
    if (changes.status)
        m_status->setCurrentIndex(m_status->findData(int(*changes.status)));
    if (changes.priority)
        m_priority->setCurrentIndex(m_priority->findData(int(*changes.priority)));
    if (changes.assignee)
        m_assignee->setText(changes.assignee->value_or(QString()));
    if (changes.dueDate) {
        m_hasDueDate->setChecked(changes.dueDate->has_value());
        if (*changes.dueDate)
            m_dueDate->setDateTime(toMinute((**changes.dueDate).toLocalTime()));
    }
    updateDueEditor();
}

void TaskDialog::showChangedElsewhere(const Task &current)
{
    m_notice->setText(tr("Someone else changed this task while you have it open (now: “%1”, %2). "
                         "If you save, you choose what to keep, field by field.")
                          .arg(current.title, displayName(current.status)));
    m_notice->show();
}

void TaskDialog::showDeletedElsewhere()
{
    m_notice->setText(tr("Someone else deleted this task while you have it open. If you save, you "
                         "can restore it with your changes."));
    m_notice->show();
}

void TaskDialog::setTask(const Task &task)
{
    m_original = task;
    setWindowTitle(tr("Edit Task"));
    m_title->setText(task.title);
    m_description->setPlainText(task.description.value_or(QString()));
    m_status->setCurrentIndex(m_status->findData(int(task.status)));
    m_priority->setCurrentIndex(m_priority->findData(int(task.priority)));
    m_assignee->setText(task.assignee.value_or(QString()));
    m_hasDueDate->setChecked(task.dueDate.has_value());
    if (task.dueDate)
        m_dueDate->setDateTime(toMinute(task.dueDate->toLocalTime()));
    m_originalDueShown = m_dueDate->dateTime();
    const QLocale locale;
    m_info->setText(tr("Created %1 · last changed %2")
                        .arg(locale.toString(task.createdAt.toLocalTime(), QLocale::ShortFormat),
                             locale.toString(task.updatedAt.toLocalTime(), QLocale::ShortFormat)));
    m_info->show();
    updateDueEditor();
    m_title->selectAll();
    m_initial = changes();
}

void TaskDialog::setKnownAssignees(const QStringList &assignees)
{
    m_assigneeNames->setStringList(assignees);
}

std::optional<QDateTime> TaskDialog::dueDateUtc() const
{
    if (!m_hasDueDate->isChecked())
        return std::nullopt;
    return toMinute(m_dueDate->dateTime()).toUTC();
}

TaskChanges TaskDialog::changes() const
{
    const QString title = m_title->text();
    const QString descriptionText = m_description->toPlainText();
    const std::optional<QString> description =
        descriptionText.isEmpty() ? std::nullopt : std::optional(descriptionText);
    const TaskStatus status = TaskStatus(m_status->currentData().toInt());
    const TaskPriority priority = TaskPriority(m_priority->currentData().toInt());
    const QString assigneeText = m_assignee->text().trimmed();
    const std::optional<QString> assignee =
        assigneeText.isEmpty() ? std::nullopt : std::optional(assigneeText);

    TaskChanges changes;
    if (!m_original) {
        changes.title = title;
        if (description)
            changes.description = description;
        changes.status = status;
        changes.priority = priority;
        if (assignee)
            changes.assignee = assignee;
        if (const auto due = dueDateUtc())
            changes.dueDate = Nullable<QDateTime>(*due);
        return changes;
    }

    const Task &task = *m_original;
    if (title != task.title)
        changes.title = title;
    if (description.value_or(QString()) != task.description.value_or(QString()))
        changes.description = description;
    if (status != task.status)
        changes.status = status;
    if (priority != task.priority)
        changes.priority = priority;
    if (assignee != task.assignee)
        changes.assignee = assignee;
    const bool dueTouched = m_hasDueDate->isChecked() != task.dueDate.has_value()
        || (m_hasDueDate->isChecked() && m_dueDate->dateTime() != m_originalDueShown);
    if (dueTouched)
        changes.dueDate = dueDateUtc();
    return changes;
}

void TaskDialog::save()
{
    if (m_saving)
        return;
    clearErrors();
    const TaskChanges edited = changes();
    if (m_validatesLocally) {
        const ValidationErrors errors = edited.validate(
            m_original ? TaskChanges::Mode::Update : TaskChanges::Mode::Create);
        if (!errors.isEmpty()) {
            showErrors(errors);
            return;
        }
    }
    if (m_original && edited.isEmpty()) {
        accept();
        return;
    }
    setSaving(true);
    emit saveRequested(edited);
}

std::pair<QWidget *, QLabel *> TaskDialog::fieldAndError(const QString &field) const
{
    // The API's field names (the second element of a 422's loc) and where they are edited.
    const std::pair<QString, std::pair<QWidget *, QLabel *>> fields[] = {
        {u"title"_s, {m_title, m_titleError}},
        {u"description"_s, {m_description, m_descriptionError}},
        {u"status"_s, {m_status, m_statusError}},
        {u"priority"_s, {m_priority, m_priorityError}},
        {u"assignee"_s, {m_assignee, m_assigneeError}},
        {u"due_date"_s, {m_dueDate, m_dueDateError}},
    };
    for (const auto &[name, widgets] : fields) {
        if (name == field)
            return widgets;
    }
    return {nullptr, m_formError};
}

QWidget *TaskDialog::fieldWidget(const QString &field) const
{
    return fieldAndError(field).first;
}

QLabel *TaskDialog::errorLabel(const QString &field) const
{
    return fieldAndError(field).second;
}

void TaskDialog::showErrors(const ValidationErrors &errors)
{
    setSaving(false);
    QWidget *firstInvalid = nullptr;
    QStringList general;
    for (const ValidationError &error : errors) {
        const QString field = error.field();
        QWidget *widget = fieldWidget(field);
        if (!widget) {
            general.append(field.isEmpty() ? localizedMessage(error)
                                           : field + u": "_s + localizedMessage(error));
            continue;
        }
        const QString message = localizedMessage(error);
        QLabel *label = errorLabel(field);
        label->setText(label->isVisible() ? label->text() + u'\n' + message : message);
        label->show();
        markInvalid(widget, label->text());
        if (!firstInvalid)
            firstInvalid = widget;
    }
    if (!general.isEmpty())
        showFailure(general.join(u'\n'));
    if (firstInvalid)
        firstInvalid->setFocus(Qt::OtherFocusReason);
}

void TaskDialog::showFailure(const QString &message)
{
    setSaving(false);
    m_formError->setText(message);
    m_formError->show();
}

void TaskDialog::clearErrors()
{
    for (const QString &field : {u"title"_s, u"description"_s, u"status"_s, u"priority"_s,
                                 u"assignee"_s, u"due_date"_s}) {
        errorLabel(field)->clear();
        errorLabel(field)->hide();
        markInvalid(fieldWidget(field), QString());
    }
    m_formError->clear();
    m_formError->hide();
}

void TaskDialog::markInvalid(QWidget *field, const QString &message)
{
    const bool invalid = !message.isEmpty();
    field->setStyleSheet(invalid ? u"border: 1px solid %1; border-radius: 3px;"_s.arg(
                                       TaskColors::overdue().name())
                                 : QString());
    field->setAccessibleDescription(message);
}

void TaskDialog::setSaving(bool saving)
{
    m_saving = saving;
    m_form->setEnabled(!saving);
    QPushButton *saveButton = m_buttons->button(QDialogButtonBox::Save);
    saveButton->setEnabled(!saving);
    saveButton->setText(saving ? tr("Saving…") : tr("&Save"));
    if (saving)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void TaskDialog::updateCounters()
{
    const auto update = [](QLabel *label, qsizetype count, int max) {
        label->setText(u"%1 / %2"_s.arg(count).arg(max));
        const bool over = count > max;
        label->setStyleSheet(over ? u"color: %1; font-weight: bold;"_s.arg(TaskColors::overdue().name())
                                  : u"color: %1;"_s.arg(TaskColors::muted().name()));
        label->setToolTip(over ? tr("%1 characters too many").arg(count - max) : QString());
    };
    update(m_titleCount, codePointCount(m_title->text()), Task::titleMaxLength);
    update(m_descriptionCount, codePointCount(m_description->toPlainText()),
           Task::descriptionMaxLength);
}

void TaskDialog::updateDueEditor()
{
    m_dueDate->setEnabled(m_hasDueDate->isChecked());
}

} // namespace taskflow
