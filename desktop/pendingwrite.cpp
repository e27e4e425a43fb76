#include <taskflow/desktop/pendingwrite.h>

#include <QUuid>

using namespace Qt::StringLiterals;

namespace taskflow {

QString PendingWrite::newLocalId()
{
    return u"local:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool PendingWrite::isLocalId(const QString &id)
{
    return id.startsWith(u"local:"_s);
}

bool sameContent(const Task &a, const Task &b)
{
    return a.title == b.title && a.description == b.description && a.status == b.status
        && a.priority == b.priority && a.assignee == b.assignee && a.dueDate == b.dueDate;
}

} // namespace taskflow
