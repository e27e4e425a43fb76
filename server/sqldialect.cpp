#include <taskflow/server/sqldialect.h>

#include <taskflow/common/textfold.h>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

QString literal(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', u"''"_s);
    return u'\'' + quoted + u'\'';
}

} // namespace

QString SqlDialect::sortKey(TaskSortKey key, const QString &table) const
{
    const QString t = table.isEmpty() ? QString() : table + u'.';
    switch (key) {
    case TaskSortKey::CreatedAt: return t + u"created_at"_s;
    case TaskSortKey::UpdatedAt: return t + u"updated_at"_s;
    case TaskSortKey::DueDate: return t + u"due_date"_s;
    case TaskSortKey::Title: return t + u"title"_s;
    case TaskSortKey::Status:
        return m_postgres ? t + u"status"_s
                          : u"(CASE %1status WHEN 'TODO' THEN 0 WHEN 'IN_PROGRESS' THEN 1 WHEN 'DONE' "
                            "THEN 2 ELSE 3 END)"_s.arg(t);
    case TaskSortKey::Priority:
        return m_postgres ? t + u"priority"_s
                          : u"(CASE %1priority WHEN 'LOW' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'HIGH' "
                            "THEN 2 ELSE 3 END)"_s.arg(t);
    }
    Q_UNREACHABLE();
}

QString SqlDialect::taskColumns(const QString &table) const
{
    const QString t = table + u'.';
    if (m_postgres)
        return u"%1id, %1title, %1description, %1status::text, %1priority::text, %1assignee, "
               "%1due_date::text, %1created_at::text, %1updated_at::text"_s.arg(t);
    return u"%1id, %1title, %1description, %1status, %1priority, %1assignee, %1due_date, "
           "%1created_at, %1updated_at"_s.arg(t);
}

QString SqlDialect::sameAs(const QString &column) const
{
    return m_postgres ? column + u" IS NOT DISTINCT FROM ?"_s : column + u" IS ?"_s;
}

QString SqlDialect::foldTableRows()
{
    QStringList rows;
    for (const auto &[c, folded] : TextFold::table())
        rows.append(u"(%1, %2)"_s.arg(literal(QString(c)), literal(folded)));
    return rows.join(u", "_s);
}

QString SqlDialect::postgresFoldFunction()
{
    // translate() maps one character to one in a single pass; the few that fold to two
    // characters (ß, ĳ, ǆ…) are replaced afterwards.
    QString from, to;
    QString body = u"translate($1, %1, %2)"_s;
    for (const auto &[c, folded] : TextFold::table()) {
        if (folded.size() == 1) {
            from += c;
            to += folded;
        }
    }
    body = body.arg(literal(from), literal(to));
    for (const auto &[c, folded] : TextFold::table()) {
        if (folded.size() != 1)
            body = u"replace(%1, %2, %3)"_s.arg(body, literal(QString(c)), literal(folded));
    }
    return u"CREATE OR REPLACE FUNCTION taskflow_fold(text) RETURNS text LANGUAGE sql IMMUTABLE "
           "AS $fold$ SELECT "_s + body + u" $fold$"_s;
}

} // namespace taskflow
