#pragma once

#include <taskflow/common/task.h>

#include <QDialog>

#include <optional>

class QButtonGroup;
class QLabel;
class QPushButton;

namespace taskflow {

// Shown when a change cannot be saved as it is because the task changed (or vanished) on the
// server since the user read it (a 412 to If-Match). Both versions side by side, field by
// field; the user keeps theirs, takes the other, or picks per field. It edits values only and
// hands back the version to write (resolution()); nullopt means "keep the server's".
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    // `mine` nullopt: the user deleted the task; `theirs` nullopt: someone else deleted it.
    ConflictDialog(const Task &base, const std::optional<Task> &mine,
                   const std::optional<Task> &theirs, QWidget *parent = nullptr);

    // After accept(): the version to write, or nullopt to leave the server's as it is.
    std::optional<Task> resolution() const { return m_resolution; }

    // The fields shown (API names), for tests.
    QStringList conflictingFields() const;
    // Chooses a side for one field, as clicking its radio button does.
    void choose(const QString &field, bool mine);

public slots:
    // Closing without a choice would lose one side: only the buttons end the dialog.
    void reject() override {}
    void keepMine();
    void takeTheirs();
    void merge();

private:
    struct Field;
    static const QList<Field> &fields();

    Task m_base;
    std::optional<Task> m_mine;
    std::optional<Task> m_theirs;
    std::optional<Task> m_resolution;
    QList<std::pair<QString, QButtonGroup *>> m_choices;
};

} // namespace taskflow
