#pragma once

#include <utility>

#include <taskflow/common/task.h>
#include <taskflow/common/taskchanges.h>

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QCompleter;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStringListModel;

namespace taskflow {

// Creates or edits one task. It edits a value (TaskChanges) and hands it over with
// saveRequested(); whoever sends it answers with accept() on success, or showErrors() /
// showFailure() on failure, and the dialog stays open with everything typed intact.
class TaskDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit };

    explicit TaskDialog(QWidget *parent = nullptr);

    // Switches to editing `task`.
    void setTask(const Task &task);
    Mode mode() const { return m_original ? Mode::Edit : Mode::Create; }
    // The task being edited (empty in Create mode).
    QString taskId() const { return m_original ? m_original->id : QString(); }
    const std::optional<Task> &original() const { return m_original; }
    // Shows `changes` in the fields (what was typed before, coming back after a refusal).
    void setChanges(const TaskChanges &changes);
    // Whether anything differs from what the dialog opened with.
    bool hasChanges() const;

    // The task was changed or deleted on the server while the dialog is open: says so above the
    // form. Saving then goes through the conflict view, so nothing is silently overwritten.
    void showChangedElsewhere(const Task &current);
    void showDeletedElsewhere();

    void setKnownAssignees(const QStringList &assignees);

    // Create: every field that is set. Edit: only the fields that differ from the task, so a
    // save never overwrites what someone else changed in the other fields meanwhile.
    TaskChanges changes() const;

    // Runs common/'s validation before saveRequested (on by default). Tests turn it off to see
    // how the dialog shows the server's own 422 answer.
    void setValidatesLocally(bool validate) { m_validatesLocally = validate; }

    // Each error next to the field its `loc` names; the others at the top of the form.
    void showErrors(const ValidationErrors &errors);
    // A failure that is not about one field (server down, task deleted meanwhile).
    void showFailure(const QString &message);
    void clearErrors();
    // While a save is in flight: inputs and Save are disabled, Cancel stays available.
    void setSaving(bool saving);
    bool isSaving() const { return m_saving; }

    QLabel *errorLabel(const QString &field) const;

public slots:
    // Validates, then emits saveRequested (or accepts at once when nothing changed).
    void save();
    // Escape and Cancel: with changes, asks before throwing them away.
    void reject() override;

signals:
    void saveRequested(const taskflow::TaskChanges &changes);

private:
    void updateCounters();
    void updateDueEditor();
    void markInvalid(QWidget *field, const QString &message);
    QWidget *fieldWidget(const QString &field) const;
    std::pair<QWidget *, QLabel *> fieldAndError(const QString &field) const;
    std::optional<QDateTime> dueDateUtc() const;

    std::optional<Task> m_original;
    QDateTime m_originalDueShown;
    bool m_validatesLocally = true;
    bool m_saving = false;

    QLabel *m_formError;
    QLabel *m_notice;
    TaskChanges m_initial;
    QWidget *m_form;
    QLineEdit *m_title;
    QLabel *m_titleCount;
    QLabel *m_titleError;
    QPlainTextEdit *m_description;
    QLabel *m_descriptionCount;
    QLabel *m_descriptionError;
    QComboBox *m_status;
    QLabel *m_statusError;
    QComboBox *m_priority;
    QLabel *m_priorityError;
    QLineEdit *m_assignee;
    QStringListModel *m_assigneeNames;
    QLabel *m_assigneeError;
    QCheckBox *m_hasDueDate;
    QDateTimeEdit *m_dueDate;
    QLabel *m_dueDateError;
    QLabel *m_info;
    QDialogButtonBox *m_buttons;
};

} // namespace taskflow
