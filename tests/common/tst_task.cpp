// The task type and its JSON: enum names on the wire and in the database, the exact bytes of
// a task and of the stats answer, and the 422 entries (API.md, "Resource: task" and "Errors").
#include <taskflow/common/isodatetime.h>
#include <taskflow/common/task.h>
#include <taskflow/common/taskstats.h>
#include <taskflow/common/validationerror.h>
#include "utc.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

// Both spellings of one value, each read back to it; the two never cross: the API refuses the
// database's names, the database the API's values.
template <typename Enum>
void checkNames(Enum value, const QString &api, const QString &database,
                std::optional<Enum> (*fromApi)(QStringView), std::optional<Enum> (*fromDatabase)(QStringView))
{
    QCOMPARE(toApi(value), api);
    QCOMPARE(toDatabase(value), database);
    QCOMPARE(fromApi(api), std::optional(value));
    QCOMPARE(fromDatabase(database), std::optional(value));
    QCOMPARE(fromApi(database), std::optional<Enum>());
    QCOMPARE(fromDatabase(api), std::optional<Enum>());
}

// A task with every field set and every kind of awkward character.
Task fullTask()
{
    Task task;
    task.id = u"3fa85f64-5717-4562-b3fc-2c963f66afa6"_s;
    task.title = u"Say \"hi\" \\ back"_s;
    task.description = u"line1\nline2\ttab\u0001ctl\u001f/end"_s;
    task.status = TaskStatus::InProgress;
    task.priority = TaskPriority::High;
    task.assignee = u"Zo\u00eb \U0001F600"_s;
    task.dueDate = utc(2026, 12, 1, 10);
    task.createdAt = utc(2026, 11, 1, 8, 30, 0, 250);
    task.updatedAt = utc(2026, 11, 2, 9);
    return task;
}

// A task with every nullable field null and the defaults left alone.
Task minimalTask()
{
    Task task;
    task.id = u"0b6f6c43-58a4-4a8f-9a43-0e4c3c3ad2a1"_s;
    task.title = u"Buy milk"_s;
    task.createdAt = utc(2026, 1, 2, 3, 4, 5);
    task.updatedAt = utc(2026, 1, 2, 3, 4, 5);
    return task;
}

QJsonObject toObject(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << error.errorString() << json;
    return document.object();
}

} // namespace

Q_DECLARE_METATYPE(taskflow::Task)
Q_DECLARE_METATYPE(taskflow::TaskStats)
Q_DECLARE_METATYPE(taskflow::TaskStatus)
Q_DECLARE_METATYPE(taskflow::TaskPriority)
Q_DECLARE_METATYPE(std::optional<QDateTime>)

class tst_Task : public QObject
{
    Q_OBJECT

private slots:
    void statusNames_data();
    void statusNames();
    void priorityNames_data();
    void priorityNames();
    void unknownNames_data();
    void unknownNames();
    void sortOrderOfEnums();
    void displayNames();
    void quotedChoices_data();
    void quotedChoices();
    void codePointCount_data();
    void codePointCount();
    void isOverdue_data();
    void isOverdue();

    void toJsonExactBytes();
    void toJsonNulls();
    void toJsonEscapesEveryControlCharacter();
    void toJsonIsValidJson();
    void fromJsonRoundTrip_data();
    void fromJsonRoundTrip();
    void fromJsonRefuses_data();
    void fromJsonRefuses();
    void fromJsonOptionalFieldsMayBeMissing();
    void listToJson_data();
    void listToJson();
    void equality();

    void statsToJsonExactBytes();
    void statsZeroHasEveryKey();
    void statsRoundTrip_data();
    void statsRoundTrip();
    void statsFromJsonRefuses_data();
    void statsFromJsonRefuses();

    void validationErrorLoc();
    void validationErrorToJson();
    void validationErrorRoundTrip();
    void validationErrorBodyShape();
    void validationErrorsFromBody();
    void validationErrorsFromForeignBodies_data();
    void validationErrorsFromForeignBodies();
};

void tst_Task::statusNames_data()
{
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("database");

    QTest::newRow("todo") << TaskStatus::Todo << u"todo"_s << u"TODO"_s;
    QTest::newRow("in_progress") << TaskStatus::InProgress << u"in_progress"_s << u"IN_PROGRESS"_s;
    QTest::newRow("done") << TaskStatus::Done << u"done"_s << u"DONE"_s;
}

void tst_Task::statusNames()
{
    QFETCH(TaskStatus, status);
    QFETCH(QString, api);
    QFETCH(QString, database);

    checkNames(status, api, database, &statusFromApi, &statusFromDatabase);
}

void tst_Task::priorityNames_data()
{
    QTest::addColumn<TaskPriority>("priority");
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("database");

    QTest::newRow("low") << TaskPriority::Low << u"low"_s << u"LOW"_s;
    QTest::newRow("medium") << TaskPriority::Medium << u"medium"_s << u"MEDIUM"_s;
    QTest::newRow("high") << TaskPriority::High << u"high"_s << u"HIGH"_s;
}

void tst_Task::priorityNames()
{
    QFETCH(TaskPriority, priority);
    QFETCH(QString, api);
    QFETCH(QString, database);

    checkNames(priority, api, database, &priorityFromApi, &priorityFromDatabase);
}

void tst_Task::unknownNames_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("empty") << QString();
    QTest::newRow("capitalised") << u"Todo"_s;
    QTest::newRow("mixed case db name") << u"In_Progress"_s;
    QTest::newRow("hyphen") << u"in-progress"_s;
    QTest::newRow("space") << u"in progress"_s;
    QTest::newRow("leading space") << u" done"_s;
    QTest::newRow("trailing space") << u"low "_s;
    QTest::newRow("other word") << u"urgent"_s;
    QTest::newRow("display name") << u"To do"_s;
    QTest::newRow("number") << u"0"_s;
    QTest::newRow("prefix") << u"don"_s;
    QTest::newRow("embedded nul") << QString(u"done\0"_s);
}

void tst_Task::unknownNames()
{
    QFETCH(QString, name);

    QCOMPARE(statusFromApi(name), std::optional<TaskStatus>());
    QCOMPARE(statusFromDatabase(name), std::optional<TaskStatus>());
    QCOMPARE(priorityFromApi(name), std::optional<TaskPriority>());
    QCOMPARE(priorityFromDatabase(name), std::optional<TaskPriority>());
}

void tst_Task::sortOrderOfEnums()
{
    // API.md: todo < in_progress < done and low < medium < high; the server sorts by these.
    QVERIFY(TaskStatus::Todo < TaskStatus::InProgress);
    QVERIFY(TaskStatus::InProgress < TaskStatus::Done);
    QVERIFY(TaskPriority::Low < TaskPriority::Medium);
    QVERIFY(TaskPriority::Medium < TaskPriority::High);
    QCOMPARE(allStatuses.size(), std::size_t(3));
    QCOMPARE(allStatuses[0], TaskStatus::Todo);
    QCOMPARE(allStatuses[1], TaskStatus::InProgress);
    QCOMPARE(allStatuses[2], TaskStatus::Done);
    QCOMPARE(allPriorities.size(), std::size_t(3));
    QCOMPARE(allPriorities[0], TaskPriority::Low);
    QCOMPARE(allPriorities[1], TaskPriority::Medium);
    QCOMPARE(allPriorities[2], TaskPriority::High);
    // The defaults of a new task.
    const Task task;
    QCOMPARE(task.status, TaskStatus::Todo);
    QCOMPARE(task.priority, TaskPriority::Medium);
}

void tst_Task::displayNames()
{
    QCOMPARE(displayName(TaskStatus::Todo), u"To do"_s);
    QCOMPARE(displayName(TaskStatus::InProgress), u"In progress"_s);
    QCOMPARE(displayName(TaskStatus::Done), u"Done"_s);
    QCOMPARE(displayName(TaskPriority::Low), u"Low"_s);
    QCOMPARE(displayName(TaskPriority::Medium), u"Medium"_s);
    QCOMPARE(displayName(TaskPriority::High), u"High"_s);
}

void tst_Task::quotedChoices_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("expected");

    QTest::newRow("none") << QStringList() << QString();
    QTest::newRow("one") << QStringList{u"todo"_s} << u"'todo'"_s;
    QTest::newRow("two") << QStringList{u"a"_s, u"b"_s} << u"'a' or 'b'"_s;
    // Pydantic v2's enum message: "Input should be 'todo', 'in_progress' or 'done'".
    QTest::newRow("statuses") << QStringList{u"todo"_s, u"in_progress"_s, u"done"_s}
                              << u"'todo', 'in_progress' or 'done'"_s;
    QTest::newRow("four") << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s} << u"'a', 'b', 'c' or 'd'"_s;
}

void tst_Task::quotedChoices()
{
    QFETCH(QStringList, values);
    QFETCH(QString, expected);

    QCOMPARE(taskflow::quotedChoices(values), expected);
}

void tst_Task::codePointCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("expected");

    const QString emoji = u"\U0001F600"_s;
    QTest::newRow("empty") << QString() << qsizetype(0);
    QTest::newRow("ascii") << u"abc"_s << qsizetype(3);
    QTest::newRow("precomposed e acute") << u"\u00e9"_s << qsizetype(1);
    QTest::newRow("e + combining acute") << u"e\u0301"_s << qsizetype(2);
    QTest::newRow("one emoji") << emoji << qsizetype(1);
    QTest::newRow("two emoji") << QString(emoji + emoji) << qsizetype(2);
    QTest::newRow("emoji between letters") << QString(u"a"_s + emoji + u"b"_s) << qsizetype(3);
    QTest::newRow("U+10FFFF") << u"\U0010FFFF"_s << qsizetype(1);
    QTest::newRow("CJK") << u"\u6f22\u5b57"_s << qsizetype(2);
    QTest::newRow("nul") << QString(QChar(u'\0')) << qsizetype(1);
    QTest::newRow("200 emoji") << emoji.repeated(200) << qsizetype(200);
    QTest::newRow("lone high surrogate") << QString(QChar(0xd800)) << qsizetype(1);
    QTest::newRow("lone low surrogate") << QString(QChar(0xdc00)) << qsizetype(1);
    QTest::newRow("low then high") << QString(QString(QChar(0xdc00)) + QChar(0xd800)) << qsizetype(2);
    QTest::newRow("high then letter") << QString(QString(QChar(0xd800)) + u'a') << qsizetype(2);
    QTest::newRow("letter then high at end") << QString(u"a"_s + QChar(0xd800)) << qsizetype(2);
    QTest::newRow("high, pair") << QString(QString(QChar(0xd800)) + emoji) << qsizetype(2);
}

void tst_Task::codePointCount()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, expected);

    QCOMPARE(taskflow::codePointCount(text), expected);
    // Cross-check with Qt's own decoder for well-formed text.
    if (!text.contains(QChar(0xd800)) && !text.contains(QChar(0xdc00)))
        QCOMPARE(qsizetype(text.toUcs4().size()), expected);
}

void tst_Task::isOverdue_data()
{
    QTest::addColumn<std::optional<QDateTime>>("due");
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<bool>("expected");

    const QDateTime now = utc(2026, 12, 1, 10);
    QTest::newRow("due before, todo") << std::optional(now.addSecs(-1)) << TaskStatus::Todo << true;
    QTest::newRow("due 1 ms before, in progress")
        << std::optional(now.addMSecs(-1)) << TaskStatus::InProgress << true;
    QTest::newRow("due long ago, done") << std::optional(now.addDays(-30)) << TaskStatus::Done << false;
    QTest::newRow("due exactly now") << std::optional(now) << TaskStatus::Todo << false;
    QTest::newRow("due later") << std::optional(now.addSecs(1)) << TaskStatus::Todo << false;
    QTest::newRow("no due date") << std::optional<QDateTime>() << TaskStatus::Todo << false;
    // Instants compare, not wall-clock text: 11:00+02:00 is 09:00Z, before now.
    QTest::newRow("due with offset, earlier instant")
        << std::optional(QDateTime(QDate(2026, 12, 1), QTime(11, 0), QTimeZone(7200)))
        << TaskStatus::Todo << true;
}

void tst_Task::isOverdue()
{
    QFETCH(std::optional<QDateTime>, due);
    QFETCH(TaskStatus, status);
    QFETCH(bool, expected);

    Task task = minimalTask();
    task.dueDate = due;
    task.status = status;
    QCOMPARE(task.isOverdue(utc(2026, 12, 1, 10)), expected);
}

void tst_Task::toJsonExactBytes()
{
    // Field order of API.md's table; compact; non-ASCII as raw UTF-8, as FastAPI writes it.
    const QByteArray expected =
        "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\","
        "\"title\":\"Say \\\"hi\\\" \\\\ back\","
        "\"description\":\"line1\\nline2\\ttab\\u0001ctl\\u001f/end\","
        "\"status\":\"in_progress\","
        "\"priority\":\"high\","
        "\"assignee\":\"Zo\xc3\xab \xf0\x9f\x98\x80\","
        "\"due_date\":\"2026-12-01T10:00:00Z\","
        "\"created_at\":\"2026-11-01T08:30:00.250Z\","
        "\"updated_at\":\"2026-11-02T09:00:00Z\"}";
    QCOMPARE(fullTask().toJson(), expected);
}

void tst_Task::toJsonNulls()
{
    const QByteArray expected = "{\"id\":\"0b6f6c43-58a4-4a8f-9a43-0e4c3c3ad2a1\","
                                "\"title\":\"Buy milk\","
                                "\"description\":null,"
                                "\"status\":\"todo\","
                                "\"priority\":\"medium\","
                                "\"assignee\":null,"
                                "\"due_date\":null,"
                                "\"created_at\":\"2026-01-02T03:04:05Z\","
                                "\"updated_at\":\"2026-01-02T03:04:05Z\"}";
    QCOMPARE(minimalTask().toJson(), expected);

    // An empty string is a value, not null.
    Task task = minimalTask();
    task.description = QString();
    task.assignee = u""_s;
    const QJsonObject object = toObject(task.toJson());
    QVERIFY(object.value(u"description"_s).isString());
    QCOMPARE(object.value(u"description"_s).toString(), QString());
    QVERIFY(object.value(u"assignee"_s).isString());
}

void tst_Task::toJsonEscapesEveryControlCharacter()
{
    // As Python's json.dumps: the short escapes where JSON has them, \u00xx (lower-case hex)
    // for the other controls, DEL and everything above as is.
    QString title;
    for (char16_t c = 0; c < 0x20; ++c)
        title.append(QChar(c));
    title += u"\u007f\u2028\""_s;
    Task task = minimalTask();
    task.title = title;

    const QByteArray expectedTitle =
        "\"title\":\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b"
        "\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
        "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\x7f\xe2\x80\xa8\\\"\",";
    const QByteArray json = task.toJson();
    QVERIFY2(json.contains(expectedTitle), json.constData());
    QCOMPARE(toObject(json).value(u"title"_s).toString(), title);
}

void tst_Task::toJsonIsValidJson()
{
    const QJsonObject object = toObject(fullTask().toJson());
    QCOMPARE(object.size(), 9);
    QCOMPARE(object.value(u"id"_s).toString(), u"3fa85f64-5717-4562-b3fc-2c963f66afa6"_s);
    QCOMPARE(object.value(u"title"_s).toString(), u"Say \"hi\" \\ back"_s);
    QCOMPARE(object.value(u"description"_s).toString(), u"line1\nline2\ttab\u0001ctl\u001f/end"_s);
    QCOMPARE(object.value(u"assignee"_s).toString(), u"Zo\u00eb \U0001F600"_s);
}

void tst_Task::fromJsonRoundTrip_data()
{
    QTest::addColumn<Task>("task");

    QTest::newRow("full") << fullTask();
    QTest::newRow("nulls") << minimalTask();
    Task empties = minimalTask();
    empties.description = QString();
    empties.assignee = QString();
    QTest::newRow("empty strings") << empties;
    Task done = minimalTask();
    done.status = TaskStatus::Done;
    done.priority = TaskPriority::Low;
    done.dueDate = utc(2024, 2, 29, 23, 59, 59, 999);
    done.updatedAt = utc(2026, 1, 2, 3, 4, 5, 1);
    QTest::newRow("done, low, ms") << done;
    Task unicode = minimalTask();
    unicode.title = u"\U0001F600"_s.repeated(200);
    unicode.description = u"e\u0301\u3000\u6f22\u5b57\u2028"_s;
    QTest::newRow("unicode") << unicode;
}

void tst_Task::fromJsonRoundTrip()
{
    QFETCH(Task, task);

    const QByteArray json = task.toJson();
    const std::optional<Task> back = Task::fromJson(toObject(json));
    QVERIFY2(back.has_value(), json.constData());
    QVERIFY2(*back == task, json.constData());
    QCOMPARE(back->toJson(), json);
}

void tst_Task::fromJsonRefuses_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // Undefined: the field is removed

    const QJsonValue missing(QJsonValue::Undefined);
    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("id missing") << u"id"_s << missing;
    QTest::newRow("id empty") << u"id"_s << QJsonValue(u""_s);
    QTest::newRow("id null") << u"id"_s << null;
    QTest::newRow("id number") << u"id"_s << QJsonValue(42);
    QTest::newRow("title missing") << u"title"_s << missing;
    QTest::newRow("title null") << u"title"_s << null;
    QTest::newRow("title number") << u"title"_s << QJsonValue(1);
    QTest::newRow("title array") << u"title"_s << QJsonValue(QJsonArray{u"a"_s});
    QTest::newRow("status missing") << u"status"_s << missing;
    QTest::newRow("status upper case") << u"status"_s << QJsonValue(u"TODO"_s);
    QTest::newRow("status unknown") << u"status"_s << QJsonValue(u"blocked"_s);
    QTest::newRow("status null") << u"status"_s << null;
    QTest::newRow("priority missing") << u"priority"_s << missing;
    QTest::newRow("priority unknown") << u"priority"_s << QJsonValue(u"urgent"_s);
    QTest::newRow("priority number") << u"priority"_s << QJsonValue(2);
    QTest::newRow("created_at missing") << u"created_at"_s << missing;
    QTest::newRow("created_at null") << u"created_at"_s << null;
    QTest::newRow("created_at garbage") << u"created_at"_s << QJsonValue(u"yesterday"_s);
    QTest::newRow("created_at number") << u"created_at"_s << QJsonValue(1796119200);
    QTest::newRow("updated_at missing") << u"updated_at"_s << missing;
    QTest::newRow("updated_at impossible") << u"updated_at"_s << QJsonValue(u"2026-02-30T00:00:00Z"_s);
}

void tst_Task::fromJsonRefuses()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);

    QJsonObject object = toObject(fullTask().toJson());
    QVERIFY(Task::fromJson(object).has_value()); // the base is fine
    if (value.isUndefined())
        object.remove(field);
    else
        object.insert(field, value);
    QVERIFY(!Task::fromJson(object).has_value());
}

void tst_Task::fromJsonOptionalFieldsMayBeMissing()
{
    QJsonObject object = toObject(fullTask().toJson());
    object.remove(u"description"_s);
    object.remove(u"assignee"_s);
    object.remove(u"due_date"_s);
    object.insert(u"unknown"_s, u"ignored"_s);
    const std::optional<Task> task = Task::fromJson(object);
    QVERIFY(task.has_value());
    QCOMPARE(task->description, std::optional<QString>());
    QCOMPARE(task->assignee, std::optional<QString>());
    QCOMPARE(task->dueDate, std::optional<QDateTime>());
    QCOMPARE(task->title, fullTask().title);

    // A due date with an offset (another server's answer) lands in UTC.
    object.insert(u"due_date"_s, u"2026-12-01T10:00:00+02:00"_s);
    const std::optional<Task> offset = Task::fromJson(object);
    QVERIFY(offset.has_value());
    QCOMPARE(offset->dueDate, std::optional(utc(2026, 12, 1, 8)));
}

void tst_Task::listToJson_data()
{
    QTest::addColumn<QList<Task>>("tasks");

    Task second = minimalTask();
    second.id = u"b1d0f3a2-1111-4222-8333-444455556666"_s;
    second.title = u"Second, with \"quotes\""_s;
    QTest::newRow("none") << QList<Task>();
    QTest::newRow("one") << QList<Task>{fullTask()};
    QTest::newRow("three") << QList<Task>{fullTask(), minimalTask(), second};
}

void tst_Task::listToJson()
{
    QFETCH(QList<Task>, tasks);

    QByteArray expected = "[";
    for (qsizetype i = 0; i < tasks.size(); ++i)
        expected += (i > 0 ? "," : "") + tasks[i].toJson();
    expected += "]";
    const QByteArray json = Task::listToJson(tasks);
    QCOMPARE(json, expected);

    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isArray());
    const QJsonArray array = document.array();
    QCOMPARE(array.size(), tasks.size());
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const std::optional<Task> task = Task::fromJson(array.at(i).toObject());
        QVERIFY(task.has_value());
        QVERIFY(*task == tasks[i]);
    }
}

void tst_Task::equality()
{
    const Task a = fullTask();
    QVERIFY(a == fullTask());
    QVERIFY(!(a != fullTask()));

    const auto differs = [&](auto change) {
        Task b = fullTask();
        change(b);
        return a != b && !(a == b);
    };
    QVERIFY(differs([](Task &t) { t.id += u'x'; }));
    QVERIFY(differs([](Task &t) { t.title += u'x'; }));
    QVERIFY(differs([](Task &t) { t.description.reset(); }));
    QVERIFY(differs([](Task &t) { t.status = TaskStatus::Done; }));
    QVERIFY(differs([](Task &t) { t.priority = TaskPriority::Low; }));
    QVERIFY(differs([](Task &t) { t.assignee = u"someone else"_s; }));
    QVERIFY(differs([](Task &t) { t.dueDate.reset(); }));
    QVERIFY(differs([](Task &t) { t.createdAt = t.createdAt.addMSecs(1); }));
    QVERIFY(differs([](Task &t) { t.updatedAt = t.updatedAt.addMSecs(1); }));
}

void tst_Task::statsToJsonExactBytes()
{
    TaskStats stats;
    stats.total = 10;
    stats.byStatus = {3, 4, 3};
    stats.byPriority = {1, 5, 4};
    stats.overdue = 2;
    QCOMPARE(stats.count(TaskStatus::Todo), qint64(3));
    QCOMPARE(stats.count(TaskStatus::InProgress), qint64(4));
    QCOMPARE(stats.count(TaskStatus::Done), qint64(3));
    QCOMPARE(stats.count(TaskPriority::Low), qint64(1));
    QCOMPARE(stats.count(TaskPriority::Medium), qint64(5));
    QCOMPARE(stats.count(TaskPriority::High), qint64(4));
    QCOMPARE(stats.toJson(),
             QByteArray("{\"total\":10,\"by_status\":{\"todo\":3,\"in_progress\":4,\"done\":3},"
                        "\"by_priority\":{\"low\":1,\"medium\":5,\"high\":4},\"overdue\":2}"));
}

void tst_Task::statsZeroHasEveryKey()
{
    // API.md: every key present even when 0.
    QCOMPARE(TaskStats().toJson(),
             QByteArray("{\"total\":0,\"by_status\":{\"todo\":0,\"in_progress\":0,\"done\":0},"
                        "\"by_priority\":{\"low\":0,\"medium\":0,\"high\":0},\"overdue\":0}"));
}

void tst_Task::statsRoundTrip_data()
{
    QTest::addColumn<TaskStats>("stats");

    QTest::newRow("zero") << TaskStats();
    TaskStats some;
    some.total = 6;
    some.byStatus = {1, 2, 3};
    some.byPriority = {3, 2, 1};
    some.overdue = 1;
    QTest::newRow("some") << some;
    TaskStats big;
    big.total = 5'000'000'000; // beyond 32 bits
    big.byStatus = {5'000'000'000, 0, 0};
    big.byPriority = {0, 0, 5'000'000'000};
    big.overdue = 4'294'967'296;
    QTest::newRow("beyond 32 bits") << big;
}

void tst_Task::statsRoundTrip()
{
    QFETCH(TaskStats, stats);

    const QByteArray json = stats.toJson();
    const std::optional<TaskStats> back = TaskStats::fromJson(toObject(json));
    QVERIFY2(back.has_value(), json.constData());
    QVERIFY(*back == stats);
}

void tst_Task::statsFromJsonRefuses_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("total missing")
        << QByteArray("{\"by_status\":{},\"by_priority\":{},\"overdue\":0}");
    QTest::newRow("overdue missing")
        << QByteArray("{\"total\":1,\"by_status\":{},\"by_priority\":{}}");
    QTest::newRow("total string")
        << QByteArray("{\"total\":\"1\",\"by_status\":{},\"by_priority\":{},\"overdue\":0}");
    QTest::newRow("overdue null")
        << QByteArray("{\"total\":1,\"by_status\":{},\"by_priority\":{},\"overdue\":null}");
}

void tst_Task::statsFromJsonRefuses()
{
    QFETCH(QByteArray, json);

    QVERIFY(!TaskStats::fromJson(toObject(json)).has_value());
}

void tst_Task::validationErrorLoc()
{
    const ValidationError title = ValidationError::body(u"title"_s, u"missing"_s, u"Field required"_s);
    QCOMPARE(title.loc, (QJsonArray{u"body"_s, u"title"_s}));
    QCOMPARE(title.field(), u"title"_s);
    QCOMPARE(title.type, u"missing"_s);
    QCOMPARE(title.msg, u"Field required"_s);
    QVERIFY(title.ctx.isEmpty());

    const ValidationError whole = ValidationError::body(QString(), u"json_invalid"_s, u"JSON decode error"_s);
    QCOMPARE(whole.loc, QJsonArray{u"body"_s});
    QCOMPARE(whole.field(), QString());

    const ValidationError query = ValidationError::query(u"status"_s, u"enum"_s, u"m"_s);
    QCOMPARE(query.loc, (QJsonArray{u"query"_s, u"status"_s}));
    QCOMPARE(query.field(), u"status"_s);

    // FastAPI writes a JSON error's position as a number: ["body", 0].
    const ValidationError positioned{QJsonArray{u"body"_s, 0}, u"m"_s, u"json_invalid"_s, {}};
    QCOMPARE(positioned.field(), u"0"_s);
}

void tst_Task::validationErrorToJson()
{
    const ValidationError plain = ValidationError::body(u"title"_s, u"missing"_s, u"Field required"_s);
    QCOMPARE(plain.toJson(), (QJsonObject{{u"loc"_s, QJsonArray{u"body"_s, u"title"_s}},
                                          {u"msg"_s, u"Field required"_s},
                                          {u"type"_s, u"missing"_s}}));

    const QJsonObject ctx{{u"max_length"_s, 200}};
    const ValidationError withCtx = ValidationError::body(
        u"title"_s, u"string_too_long"_s, u"String should have at most 200 characters"_s, ctx);
    const QJsonObject json = withCtx.toJson();
    QCOMPARE(json.value(u"ctx"_s).toObject(), ctx);
    QCOMPARE(json.value(u"type"_s).toString(), u"string_too_long"_s);
    QCOMPARE(json.size(), 4);
}

void tst_Task::validationErrorRoundTrip()
{
    const ValidationError original = ValidationError::query(
        u"limit"_s, u"less_than_equal"_s, u"Input should be less than or equal to 1000"_s,
        QJsonObject{{u"le"_s, 1000}});
    const ValidationError back = ValidationError::fromJson(original.toJson());
    QCOMPARE(back.loc, original.loc);
    QCOMPARE(back.msg, original.msg);
    QCOMPARE(back.type, original.type);
    QCOMPARE(back.ctx, original.ctx);
}

void tst_Task::validationErrorBodyShape()
{
    // API.md: {"detail":[{"loc":["body","title"],"msg":"...","type":"..."}]}, one entry per field.
    const ValidationErrors errors{
        ValidationError::body(u"title"_s, u"missing"_s, u"Field required"_s),
        ValidationError::body(u"status"_s, u"enum"_s, u"Input should be 'todo', 'in_progress' or 'done'"_s,
                              QJsonObject{{u"expected"_s, u"'todo', 'in_progress' or 'done'"_s}}),
    };
    const QByteArray body = validationErrorBody(errors);
    QVERIFY2(!body.contains('\n'), body.constData()); // compact, one line
    const QJsonObject object = toObject(body);
    QCOMPARE(object.keys(), QStringList{u"detail"_s});
    const QJsonArray detail = object.value(u"detail"_s).toArray();
    QCOMPARE(detail.size(), 2);
    QCOMPARE(detail.at(0).toObject(), (QJsonObject{{u"loc"_s, QJsonArray{u"body"_s, u"title"_s}},
                                                   {u"msg"_s, u"Field required"_s},
                                                   {u"type"_s, u"missing"_s}}));
    QCOMPARE(detail.at(1).toObject().value(u"loc"_s).toArray(), (QJsonArray{u"body"_s, u"status"_s}));

    const QJsonObject none = toObject(validationErrorBody({}));
    QVERIFY(none.value(u"detail"_s).isArray());
    QCOMPARE(none.value(u"detail"_s).toArray().size(), 0);
}

void tst_Task::validationErrorsFromBody()
{
    const ValidationErrors errors{
        ValidationError::body(u"title"_s, u"string_too_long"_s, u"too long"_s,
                              QJsonObject{{u"max_length"_s, 200}}),
        ValidationError::query(u"limit"_s, u"int_parsing"_s, u"not a number"_s),
        ValidationError::body(QString(), u"json_invalid"_s, u"JSON decode error"_s),
    };
    const ValidationErrors back = taskflow::validationErrorsFromBody(validationErrorBody(errors));
    QCOMPARE(back.size(), errors.size());
    for (qsizetype i = 0; i < errors.size(); ++i) {
        QCOMPARE(back[i].loc, errors[i].loc);
        QCOMPARE(back[i].msg, errors[i].msg);
        QCOMPARE(back[i].type, errors[i].type);
        QCOMPARE(back[i].ctx, errors[i].ctx);
    }

    // What FastAPI itself sends, with the `input` and `url` keys we do not write.
    const QByteArray fastapi =
        R"({"detail":[{"type":"missing","loc":["body","title"],"msg":"Field required","input":{},)"
        R"("url":"https://errors.pydantic.dev/2.5/v/missing"}]})";
    const ValidationErrors foreign = taskflow::validationErrorsFromBody(fastapi);
    QCOMPARE(foreign.size(), 1);
    QCOMPARE(foreign[0].field(), u"title"_s);
    QCOMPARE(foreign[0].type, u"missing"_s);
    QCOMPARE(foreign[0].msg, u"Field required"_s);
}

void tst_Task::validationErrorsFromForeignBodies_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("Internal Server Error");
    QTest::newRow("404 detail string") << QByteArray(R"({"detail":"Task not found"})");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("empty detail") << QByteArray(R"({"detail":[]})");
    QTest::newRow("no detail") << QByteArray(R"({"message":"x"})");
    QTest::newRow("detail of non-objects") << QByteArray(R"({"detail":[1,"x",null]})");
}

void tst_Task::validationErrorsFromForeignBodies()
{
    QFETCH(QByteArray, body);

    // The header: "empty when the body is not of that shape".
    QCOMPARE(taskflow::validationErrorsFromBody(body).size(), 0);
}

QTEST_GUILESS_MAIN(tst_Task)
#include "tst_task.moc"
