// Fuzz target: the query string of GET /tasks and GET /tasks/stats.
//
// Bytes -> TaskQuery::fromQueryString (and QueryString::parse under it). Beyond "no crash, no
// sanitizer report":
//  - every 422 entry is loc ["query", <known parameter>] with a type and a message, at most one
//    per parameter;
//  - an accepted query keeps limit in 1..1000 and offset >= 0;
//  - an accepted query written by toQueryString() (what the desktop app sends) reads back to
//    the same query without errors, and writing that again gives the same bytes;
//  - QueryString::value() is the last value of a name and contains() agrees with items().
#include "fuzzcheck.h"

#include <taskflow/common/querystring.h>
#include <taskflow/common/taskquery.h>
#include <taskflow/common/validationerror.h>

#include <QJsonDocument>
#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

QString text(const QByteArray &bytes)
{
    return fuzz::escaped(QString::fromUtf8(bytes));
}

QString describe(const TaskQuery &q)
{
    QString out;
    if (q.status)
        out += u" status="_s + toApi(*q.status);
    if (q.priority)
        out += u" priority="_s + toApi(*q.priority);
    if (q.assignee)
        out += u" assignee=\""_s + fuzz::escaped(*q.assignee) + u'"';
    if (q.search)
        out += u" q=\""_s + fuzz::escaped(*q.search) + u'"';
    out += u" sort="_s + (q.descending ? u"-"_s : QString()) + toApi(q.sortKey);
    if (q.limit)
        out += u" limit="_s + QString::number(*q.limit);
    if (q.offset)
        out += u" offset="_s + QString::number(*q.offset);
    return u"query:"_s + out;
}

bool sameQuery(const TaskQuery &a, const TaskQuery &b)
{
    return a.status == b.status && a.priority == b.priority && a.assignee == b.assignee
        && a.search == b.search && a.sortKey == b.sortKey && a.descending == b.descending
        && a.limit == b.limit && a.offset == b.offset;
}

void checkQueryString(const QByteArray &encoded)
{
    const QueryString query = QueryString::parse(encoded);
    FUZZ_CHECK(query.items().size() <= encoded.count('&') + 1, text(encoded));
    for (const QueryString::Item &item : query.items()) {
        FUZZ_CHECK(query.contains(item.first), fuzz::escaped(item.first));
        QString last;
        for (const QueryString::Item &other : query.items()) {
            if (other.first == item.first)
                last = other.second;
        }
        FUZZ_CHECK(query.value(item.first) == last, fuzz::escaped(item.first));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray encoded(reinterpret_cast<const char *>(data), qsizetype(size));
    checkQueryString(encoded);

    const auto parsed = TaskQuery::fromQueryString(encoded);
    static const QStringList params{u"status"_s, u"priority"_s, u"sort"_s, u"limit"_s,
                                    u"offset"_s, u"q"_s, u"assignee"_s};
    QSet<QString> seen;
    for (const ValidationError &error : parsed ? ValidationErrors() : parsed.error()) {
        const QString where =
            text(QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact));
        FUZZ_CHECK(error.loc.size() == 2 && error.loc.at(0).toString() == u"query"_s, where);
        FUZZ_CHECK(params.contains(error.field()), where);
        FUZZ_CHECK(!seen.contains(error.field()), where);
        FUZZ_CHECK(!error.type.isEmpty() && !error.msg.isEmpty(), where);
        seen.insert(error.field());
    }
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().isEmpty(), text(encoded));
        return 0;
    }
    const TaskQuery &q = parsed.value();
    if (q.limit)
        FUZZ_CHECK(*q.limit >= 1 && *q.limit <= TaskQuery::maxLimit, describe(q));
    if (q.offset)
        FUZZ_CHECK(*q.offset >= 0, describe(q));

    const QByteArray written = q.toQueryString();
    const auto again = TaskQuery::fromQueryString(written);
    FUZZ_CHECK(again, text(encoded) + u" -> "_s + text(written));
    FUZZ_CHECK(sameQuery(again.value(), q), text(encoded) + u" -> "_s + describe(q) + u" -> "_s
                                              + text(written) + u" -> "_s + describe(again.value()));
    FUZZ_CHECK(again->toQueryString() == written, text(written));
    return 0;
}
