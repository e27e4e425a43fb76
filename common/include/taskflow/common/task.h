#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace taskflow {

// Declared in the order the API sorts them: todo < in_progress < done.
enum class TaskStatus { Todo, InProgress, Done };
// low < medium < high.
enum class TaskPriority { Low, Medium, High };

inline constexpr std::array<TaskStatus, 3> allStatuses{TaskStatus::Todo, TaskStatus::InProgress,
                                                       TaskStatus::Done};
inline constexpr std::array<TaskPriority, 3> allPriorities{TaskPriority::Low, TaskPriority::Medium,
                                                           TaskPriority::High};

// The API speaks the lower-case values; the database stores the upper-case enum names, as the
// original SQLAlchemy model did.
QString toApi(TaskStatus status);
QString toApi(TaskPriority priority);
QString toDatabase(TaskStatus status);
QString toDatabase(TaskPriority priority);
std::optional<TaskStatus> statusFromApi(QStringView value);
std::optional<TaskPriority> priorityFromApi(QStringView value);
std::optional<TaskStatus> statusFromDatabase(QStringView name);
std::optional<TaskPriority> priorityFromDatabase(QStringView name);
// Human words for the desktop: "To do", "In progress", "Done"; "Low", "Medium", "High".
QString displayName(TaskStatus status);
QString displayName(TaskPriority priority);

// The API values of every member of an enum, in order: {"todo", "in_progress", "done"}.
template <typename Enum, std::size_t N>
QStringList apiValues(const std::array<Enum, N> &all)
{
    QStringList values;
    for (const Enum value : all)
        values.append(toApi(value));
    return values;
}

// "'todo', 'in_progress' or 'done'", as pydantic lists the choices of an enum.
QString quotedChoices(const QStringList &values);

struct Task
{
    static constexpr int titleMaxLength = 200;
    static constexpr int descriptionMaxLength = 1000;
    static constexpr int assigneeMaxLength = 100;

    QString id;
    QString title;
    std::optional<QString> description;
    TaskStatus status = TaskStatus::Todo;
    TaskPriority priority = TaskPriority::Medium;
    std::optional<QString> assignee;
    std::optional<QDateTime> dueDate; // UTC
    QDateTime createdAt;              // UTC
    QDateTime updatedAt;              // UTC

    bool isOverdue(const QDateTime &now) const;

    // The API's JSON object, fields in the order the original backend wrote them.
    QByteArray toJson() const;
    void appendJson(QByteArray &out) const;
    static QByteArray listToJson(const QList<Task> &tasks);

    // Reads a task as the server sends it; nullopt when a required field is missing or wrong.
    static std::optional<Task> fromJson(const QJsonObject &object);

    friend bool operator==(const Task &a, const Task &b);
    friend bool operator!=(const Task &a, const Task &b) { return !(a == b); }
};

// Unicode code points, the unit API.md counts lengths in (a QString counts UTF-16 units).
qsizetype codePointCount(QStringView text);

} // namespace taskflow
