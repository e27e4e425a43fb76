// Fuzz target: the JSON body of POST /tasks and PUT/PATCH /tasks/{id}.
//
// Bytes -> TaskChanges::fromJson in both modes. Beyond "no crash, no sanitizer report":
//  - a body that is not JSON (RFC 8259, as Python's json module reads it) is json_invalid;
//  - every 422 entry has the FastAPI shape (loc ["body"] or ["body", <known field>], type, msg)
//    and survives validationErrorBody() / validationErrorsFromBody();
//  - the value errors of fromJson() are the ones validate() gives for the parsed changes;
//  - changes.toJson() is valid JSON and reads back to the same changes and the same errors
//    (the desktop app sends exactly that body);
//  - an accepted body applied to a task writes valid JSON (JsonWriter) that Task::fromJson
//    reads back to the same task (the desktop app reads exactly that answer);
//  - Task::fromJson on the input object never crashes and is a fixed point of toJson();
//  - strings the server accepts are valid Unicode without NUL (no lone surrogate reaches a
//    task).
#include "fuzzcheck.h"

#include <taskflow/common/isodatetime.h>
#include <taskflow/common/task.h>
#include <taskflow/common/jsonsyntax.h>
#include <taskflow/common/taskchanges.h>
#include <taskflow/common/validationerror.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <type_traits>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

// Valid UTF-16 comes back unchanged from a trip through UTF-8; a lone surrogate does not (Qt
// writes it as U+FFFD). Not the server's own test (taskchanges.cpp walks the surrogates), so a
// bug there shows up here.
bool isValidUnicode(const QString &text)
{
    return QString::fromUtf8(text.toUtf8()) == text;
}

bool outsideApiYears(const QDateTime &utc)
{
    const int year = utc.toUTC().date().year();
    return year < 1 || year > 9999;
}

// Text the server may store: valid Unicode (no half surrogate pair) without NUL.
bool storable(const QString &text)
{
    return isValidUnicode(text) && !text.contains(QChar(0));
}

bool storable(const TaskChanges &changes)
{
    return (!changes.title || storable(*changes.title))
        && (!changes.description || !*changes.description || storable(**changes.description))
        && (!changes.assignee || !*changes.assignee || storable(**changes.assignee));
}

// The reported finding an input shows, if any (docs/FUZZING.md, "Findings").
const char *findingOf(const TaskChanges &changes)
{
    if (changes.dueDate && *changes.dueDate && outsideApiYears(**changes.dueDate))
        return "date-range";
    return nullptr;
}

// A task read by Task::fromJson (the desktop app's reader) may hold text the server refuses on
// input (string_unicode): half a surrogate pair cannot be written as UTF-8, so such a task
// cannot read back the same and is no finding.
bool writable(const Task &task)
{
    return isValidUnicode(task.title) && isValidUnicode(task.id)
        && !(task.description && !isValidUnicode(*task.description))
        && !(task.assignee && !isValidUnicode(*task.assignee));
}

const char *findingOf(const Task &task)
{
    if ((task.dueDate && outsideApiYears(*task.dueDate)) || outsideApiYears(task.createdAt)
        || outsideApiYears(task.updatedAt))
        return "date-range";
    return nullptr;
}

QString show(const std::optional<QString> &text)
{
    return text ? u'"' + fuzz::escaped(*text) + u'"' : u"null"_s;
}

QString describe(const TaskChanges &c)
{
    QString out;
    if (c.title)
        out += u" title="_s + show(*c.title);
    if (c.description)
        out += u" description="_s + show(*c.description);
    if (c.status)
        out += u" status="_s + toApi(*c.status);
    if (c.priority)
        out += u" priority="_s + toApi(*c.priority);
    if (c.assignee)
        out += u" assignee="_s + show(*c.assignee);
    if (c.dueDate)
        out += u" due_date="_s + (*c.dueDate ? (*c.dueDate)->toString(Qt::ISODateWithMs) : u"null"_s);
    return u"changes:"_s + (out.isEmpty() ? u" (none)"_s : out);
}

bool sameChanges(const TaskChanges &a, const TaskChanges &b)
{
    return a.title == b.title && a.description == b.description && a.status == b.status
        && a.priority == b.priority && a.assignee == b.assignee && a.dueDate == b.dueDate;
}

QByteArray errorsJson(const ValidationErrors &errors)
{
    QJsonArray array;
    for (const ValidationError &error : errors)
        array.append(error.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QString text(const QByteArray &bytes)
{
    return fuzz::escaped(QString::fromUtf8(bytes));
}

void checkErrorShape(const ValidationErrors &errors)
{
    static const QStringList fields{u"title"_s,    u"description"_s, u"status"_s,
                                    u"priority"_s, u"assignee"_s,    u"due_date"_s};
    for (const ValidationError &error : errors) {
        const QString where = text(QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact));
        FUZZ_CHECK(error.loc.size() == 1 || error.loc.size() == 2, where);
        FUZZ_CHECK(error.loc.at(0).toString() == u"body"_s, where);
        FUZZ_CHECK(error.loc.size() == 1 || fields.contains(error.field()), where);
        FUZZ_CHECK(!error.type.isEmpty() && !error.msg.isEmpty(), where);
        // A whole-body error (not JSON, not an object, empty) is the only entry.
        FUZZ_CHECK(error.loc.size() == 2 || errors.size() == 1, text(errorsJson(errors)));
    }
    const QByteArray body = validationErrorBody(errors);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    FUZZ_CHECK(parseError.error == QJsonParseError::NoError && document.isObject(), text(body));
    FUZZ_CHECK(errorsJson(validationErrorsFromBody(body)) == errorsJson(errors), text(body));
}

// A task that exists, for updates: every field set.
Task existingTask()
{
    Task task;
    task.id = u"3f2b8c1e-4d5a-4e6f-9a7b-8c9d0e1f2a3b"_s;
    task.title = u"Existing"_s;
    task.description = u"old description"_s;
    task.status = TaskStatus::InProgress;
    task.priority = TaskPriority::High;
    task.assignee = u"ann"_s;
    task.dueDate = QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone::utc());
    task.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 600), QTimeZone::utc());
    task.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 600), QTimeZone::utc());
    return task;
}

// What the server answers for a task, read back as the desktop app reads it.
void checkTaskJson(const Task &task, const char *finding)
{
    const QByteArray json = task.toJson();
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    FUZZ_CHECK(parseError.error == QJsonParseError::NoError && document.isObject(),
               text(json) + u" -- "_s + parseError.errorString());
    const std::optional<Task> back = Task::fromJson(document.object());
    FUZZ_CHECK_FINDING(finding, back && *back == task, u"task JSON does not read back: "_s + text(json));

    const QByteArray list = Task::listToJson({task, task});
    const QJsonDocument listDocument = QJsonDocument::fromJson(list, &parseError);
    FUZZ_CHECK(parseError.error == QJsonParseError::NoError && listDocument.isArray()
                   && listDocument.array().size() == 2,
               text(list));
}

void checkMode(const QByteArray &body, TaskChanges::Mode mode)
{
    const auto parsed = TaskChanges::fromJson(body, mode);
    const ValidationErrors errors = parsed ? ValidationErrors() : parsed.error();
    checkErrorShape(errors);

    // What Qt reads must be JSON; FastAPI answers json_invalid for anything else.
    bool jsonInvalid = false;
    for (const ValidationError &error : errors)
        jsonInvalid |= error.loc.size() == 1
            && (error.type == u"json_invalid"_s || error.type == u"missing"_s);
    if (!jsonInvalid) {
        FUZZ_CHECK_FINDING("json-leniency", isStrictJson(body),
                           u"Qt read a body that is not JSON: "_s + text(body) + u" -> "_s
                               + text(errorsJson(errors)));
    }
    if (!parsed)
        return; // a refused body changes nothing, so there is nothing to write back
    const TaskChanges &changes = parsed.value();
    if (mode == TaskChanges::Mode::Create)
        FUZZ_CHECK(changes.title.has_value(), describe(changes));
    // What fromJson() accepts, validate() accepts too.
    FUZZ_CHECK(changes.validate(mode).isEmpty(),
               describe(changes) + u" -> "_s + text(errorsJson(changes.validate(mode))));

    FUZZ_CHECK(storable(changes), describe(changes));

    // The desktop app's request body for these changes.
    const char *finding = findingOf(changes);
    const QByteArray json = changes.toJson();
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    FUZZ_CHECK(parseError.error == QJsonParseError::NoError && document.isObject(),
               text(json) + u" -- "_s + parseError.errorString());
    const auto again = TaskChanges::fromJson(json, mode);
    FUZZ_CHECK_FINDING(finding, again,
                       u"toJson() reads back with errors: "_s + text(json) + u" -> "_s
                           + text(errorsJson(again ? ValidationErrors() : again.error())));
    if (!again)
        return; // a known finding, tolerated
    FUZZ_CHECK_FINDING(finding, sameChanges(again.value(), changes),
                       u"toJson() does not read back: "_s + describe(changes) + u" -> "_s
                           + text(json) + u" -> "_s + describe(again.value()));

    Task task;
    if (mode == TaskChanges::Mode::Update) {
        task = existingTask();
    } else {
        task.id = u"00000000-0000-4000-8000-000000000000"_s;
        task.createdAt = QDateTime(QDate(2026, 5, 6), QTime(7, 8, 9), QTimeZone::utc());
        task.updatedAt = task.createdAt;
    }
    changes.applyTo(task);
    checkTaskJson(task, finding);
}

// The desktop app's reader of the server's task objects, on whatever the bytes are.
void checkTaskFromJson(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return;
    const std::optional<Task> task = Task::fromJson(document.object());
    if (!task)
        return;
    FUZZ_CHECK(!task->id.isEmpty() && task->createdAt.isValid() && task->updatedAt.isValid(),
               text(body));
    if (writable(*task))
        checkTaskJson(*task, findingOf(*task));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    checkMode(body, TaskChanges::Mode::Create);
    checkMode(body, TaskChanges::Mode::Update);
    checkTaskFromJson(body);
    return 0;
}
