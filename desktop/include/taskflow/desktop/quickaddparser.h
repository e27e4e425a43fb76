#pragma once

#include <taskflow/common/task.h>
#include <taskflow/common/taskchanges.h>

#include <QDateTime>
#include <QString>

#include <optional>

namespace taskflow {

// Reads the quick-add line above the table: a title with optional markers, in English or
// French. `!high` / `!low` (also `!haute`, `!basse`, `!urgent`) set the priority; `@name` the
// assignee; a date word (`today`, `tomorrow`, `aujourd'hui`, `demain`, a weekday such as
// `friday` or `vendredi`) the due date, at the end of that day. Markers count only as whole
// words: an e-mail address (`bob@example.com`), an exclamation in prose (`Ship it!`) or a
// word that merely starts like one (`!important`, `tomorrow's`) stays in the title, and a
// backslash keeps a marker as text (`\today`). Of several date words the last one is the due
// date and the others stay in the title.
struct QuickAdd
{
    QString title;
    std::optional<TaskPriority> priority;
    std::optional<QString> assignee;
    std::optional<QDateTime> dueDate; // UTC

    bool isEmpty() const { return title.trimmed().isEmpty(); }
    TaskChanges toChanges() const;
    // What will be saved, for the line under the field: "“Call Ann” · due Fri 4 Dec · High · @ann".
    QString describe() const;

    // `now` is local time (tests pass a fixed one).
    static QuickAdd parse(const QString &text, const QDateTime &now = QDateTime::currentDateTime());
};

} // namespace taskflow
