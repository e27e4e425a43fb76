#pragma once

#include <taskflow/common/result.h>
#include <taskflow/common/task.h>
#include <taskflow/common/validationerror.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace taskflow {

// A value that may be JSON null. Inside a std::optional, the outer level says whether the
// field was present at all: absent fields leave a task unchanged, null clears them.
template <typename T>
using Nullable = std::optional<T>;

// The fields a create or update request sets: the body of POST and PUT/PATCH /tasks.
struct TaskChanges
{
    enum class Mode { Create, Update };

    std::optional<QString> title;
    std::optional<Nullable<QString>> description;
    std::optional<TaskStatus> status;
    std::optional<TaskPriority> priority;
    std::optional<Nullable<QString>> assignee;
    std::optional<Nullable<QDateTime>> dueDate;

    bool isEmpty() const;

    // The rules of API.md on values that have the right type: lengths in code points, a title
    // that is not blank, a title present on create. The desktop dialog runs the same checks.
    ValidationErrors validate(Mode mode) const;

    // A new task (create) or a changed one (update) with these fields applied.
    void applyTo(Task &task) const;
    // The update that applyTo() turns `from` into `to` with: the editable fields that differ.
    static TaskChanges difference(const Task &from, const Task &to);

    // The request body the desktop app sends: only the fields that are set.
    QByteArray toJson() const;

    // Reads a request body: type errors first (string, enum, date), then validate(mode).
    static Result<TaskChanges, ValidationErrors> fromJson(const QByteArray &body, Mode mode);
};

} // namespace taskflow
