#pragma once

#include <taskflow/common/taskquery.h>

#include <QString>
#include <QStringList>

namespace taskflow {

// The SQL that differs between SQLite and PostgreSQL, in one place. The schema (indexes,
// triggers) and the repository (queries) are built from the same text, so an index is always
// on the very expression the queries sort by, and the stored search text is always folded the
// way the search string is.
class SqlDialect
{
public:
    explicit SqlDialect(bool postgres) : m_postgres(postgres) {}

    bool isPostgres() const { return m_postgres; }

    // What `sort` orders by. PostgreSQL's enums sort in label order; SQLite keeps the enum
    // names as text, which would sort DONE first, so it ranks them. Changing an expression
    // needs a migration that rebuilds its index (ix_tasks_status, ix_tasks_priority).
    // `table`, when given, qualifies the column.
    QString sortKey(TaskSortKey key, const QString &table = QString()) const;
    // The columns of a task, in the order TaskRepository reads them. PostgreSQL hands
    // timestamps and enums back as text, so both databases read (and version) the same text.
    QString taskColumns(const QString &table = QStringLiteral("tasks")) const;
    // `column` IS `?`, NULL equal to NULL: the comparison of a conditional write.
    QString sameAs(const QString &column) const;

    // Search text is folded in the database as TextFold::fold() folds a search string, with
    // TextFold's table in a table, taskflow_fold_map (these are its rows, for an INSERT …
    // VALUES). On PostgreSQL a function reads it, taskflow_fold(text); SQLite has no such
    // function and triggers cannot define one, so there a view walks the text.
    static QString postgresFoldFunction();
    static QString foldTableRows();

private:
    bool m_postgres;
};

} // namespace taskflow
