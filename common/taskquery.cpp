#include <taskflow/common/taskquery.h>

#include <taskflow/common/enumfromname.h>
#include <taskflow/common/querystring.h>

#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

constexpr std::array<TaskSortKey, 6> allSortKeys{TaskSortKey::CreatedAt, TaskSortKey::UpdatedAt,
                                                 TaskSortKey::DueDate,   TaskSortKey::Priority,
                                                 TaskSortKey::Status,    TaskSortKey::Title};

QStringList sortChoices()
{
    QStringList choices;
    for (const TaskSortKey key : allSortKeys)
        choices.append(toApi(key));
    for (const TaskSortKey key : allSortKeys)
        choices.append(u'-' + toApi(key));
    return choices;
}

// An integer query parameter with FastAPI's errors: int_parsing, greater/less_than_equal.
std::optional<qint64> boundedInt(const QueryString &query, const QString &name, int min,
                                 std::optional<int> max, ValidationErrors &errors)
{
    if (!query.contains(name))
        return std::nullopt;
    bool ok = false;
    const qlonglong value = query.value(name).trimmed().toLongLong(&ok);
    if (!ok) {
        errors.append(ValidationError::query(
            name, u"int_parsing"_s,
            u"Input should be a valid integer, unable to parse string as an integer"_s));
        return std::nullopt;
    }
    if (value < min) {
        errors.append(ValidationError::query(
            name, u"greater_than_equal"_s,
            u"Input should be greater than or equal to %1"_s.arg(min), QJsonObject{{u"ge"_s, min}}));
        return std::nullopt;
    }
    if (max && value > *max) {
        errors.append(ValidationError::query(
            name, u"less_than_equal"_s, u"Input should be less than or equal to %1"_s.arg(*max),
            QJsonObject{{u"le"_s, *max}}));
        return std::nullopt;
    }
    return value;
}

template <typename Enum, std::size_t N>
std::optional<Enum> enumParam(const QueryString &query, const QString &name,
                              std::optional<Enum> (*fromApi)(QStringView),
                              const std::array<Enum, N> &all, ValidationErrors &errors)
{
    if (!query.contains(name))
        return std::nullopt;
    const auto value = fromApi(query.value(name));
    if (!value) {
        const QString expected = quotedChoices(apiValues(all));
        errors.append(ValidationError::query(name, u"enum"_s, u"Input should be "_s + expected,
                                             QJsonObject{{u"expected"_s, expected}}));
    }
    return value;
}

// A text query parameter. NUL cannot be in any stored text (bodies refuse it, PostgreSQL cannot
// hold it), so a search for it is refused alike on SQLite and PostgreSQL rather than sent on.
std::optional<QString> textParam(const QueryString &query, const QString &name, ValidationErrors &errors)
{
    if (!query.contains(name))
        return std::nullopt;
    const QString value = query.value(name);
    if (value.contains(QChar(0))) {
        errors.append(ValidationError::query(name, u"value_error"_s,
                                             u"Value error, must not contain NUL characters"_s));
        return std::nullopt;
    }
    return value;
}

} // namespace

QString toApi(TaskSortKey key)
{
    switch (key) {
    case TaskSortKey::CreatedAt: return u"created_at"_s;
    case TaskSortKey::UpdatedAt: return u"updated_at"_s;
    case TaskSortKey::DueDate: return u"due_date"_s;
    case TaskSortKey::Priority: return u"priority"_s;
    case TaskSortKey::Status: return u"status"_s;
    case TaskSortKey::Title: return u"title"_s;
    }
    Q_UNREACHABLE();
}

std::optional<TaskSortKey> sortKeyFromApi(QStringView value)
{
    return enumFromName<TaskSortKey>(value, allSortKeys, &toApi);
}

Result<TaskQuery, ValidationErrors> TaskQuery::fromQueryString(const QByteArray &encoded)
{
    const QueryString query = QueryString::parse(encoded);
    TaskQuery q;
    ValidationErrors errors;

    q.status = enumParam<TaskStatus>(query, u"status"_s, &statusFromApi, allStatuses, errors);
    q.priority =
        enumParam<TaskPriority>(query, u"priority"_s, &priorityFromApi, allPriorities, errors);
    q.assignee = textParam(query, u"assignee"_s, errors);
    q.search = textParam(query, u"q"_s, errors);
    if (query.contains(u"sort"_s)) {
        const QString raw = query.value(u"sort"_s);
        const bool descending = raw.startsWith(u'-');
        const auto key = sortKeyFromApi(descending ? QStringView(raw).mid(1) : QStringView(raw));
        if (key) {
            q.sortKey = *key;
            q.descending = descending;
        } else {
            const QString expected = quotedChoices(sortChoices());
            errors.append(ValidationError::query(u"sort"_s, u"literal_error"_s,
                                                 u"Input should be "_s + expected,
                                                 QJsonObject{{u"expected"_s, expected}}));
        }
    }
    if (const auto limit = boundedInt(query, u"limit"_s, 1, maxLimit, errors))
        q.limit = int(*limit);
    q.offset = boundedInt(query, u"offset"_s, 0, std::nullopt, errors);
    if (!errors.isEmpty())
        return Failure(errors);
    return q;
}

QByteArray TaskQuery::toQueryString() const
{
    QList<QPair<QString, QString>> items;
    if (status)
        items.append({u"status"_s, toApi(*status)});
    if (priority)
        items.append({u"priority"_s, toApi(*priority)});
    if (assignee)
        items.append({u"assignee"_s, *assignee});
    if (search)
        items.append({u"q"_s, *search});
    if (sortKey != TaskSortKey::CreatedAt || descending)
        items.append({u"sort"_s, (descending ? u"-"_s : QString()) + toApi(sortKey)});
    if (limit)
        items.append({u"limit"_s, QString::number(*limit)});
    if (offset)
        items.append({u"offset"_s, QString::number(*offset)});

    QByteArray out;
    for (const auto &[name, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += name.toUtf8() + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace taskflow
