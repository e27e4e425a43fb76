// TaskFilterModel: search that ignores case and accents, natural sort of titles, the smart
// views; and the selection rule of the page is in tst_keyboard.

#include <taskflow/desktop/smartview.h>
#include <taskflow/desktop/taskfiltermodel.h>
#include <taskflow/desktop/tasktablemodel.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

Task task(int n, const QString &title)
{
    Task t;
    t.id = u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0'));
    t.title = title;
    t.createdAt = t.updatedAt = QDateTime::currentDateTimeUtc();
    return t;
}

QStringList titles(const QAbstractItemModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row, TaskTableModel::TitleColumn).data(TaskTableModel::SortRole).toString());
    return list;
}

} // namespace

class TestTaskFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void searchIgnoresCaseAndAccents()
    {
        TaskTableModel model;
        Task withDescription = task(3, u"Lunch"_s);
        withDescription.description = u"Ordre du jour de la RÉUNION"_s;
        model.setTasks({task(1, u"Réunion équipe"_s), task(2, u"Gym"_s), withDescription,
                        task(4, u"Ærø ferry"_s)});
        TaskFilterModel filter;
        filter.setSourceModel(&model);
        filter.sort(TaskTableModel::TitleColumn);
        TaskQuery query;
        for (const QString &typed : {u"reunion"_s, u"REUNION"_s, u"réunion"_s, u"Reúnión"_s}) {
            query.search = typed;
            filter.setQuery(query);
            QCOMPARE(titles(filter), (QStringList{u"Lunch"_s, u"Réunion équipe"_s}));
        }
        query.search = u"equipe"_s;
        filter.setQuery(query);
        QCOMPARE(titles(filter), QStringList{u"Réunion équipe"_s});
        query.search = u"xyz"_s;
        filter.setQuery(query);
        QCOMPARE(filter.rowCount(), 0);
        QCOMPARE(TaskFilterModel::searchKey(u"Crème Brûlée"_s), u"creme brulee"_s);
    }

    void titlesSortNaturally()
    {
        TaskTableModel model;
        model.setTasks({task(1, u"Ticket #561"_s), task(2, u"Ticket #8"_s), task(3, u"ticket #75"_s),
                        task(4, u"Ticket #1000"_s)});
        TaskFilterModel filter;
        filter.setSourceModel(&model);
        filter.sort(TaskTableModel::TitleColumn, Qt::AscendingOrder);
        QCOMPARE(titles(filter), (QStringList{u"Ticket #8"_s, u"ticket #75"_s, u"Ticket #561"_s,
                                              u"Ticket #1000"_s}));
        filter.sort(TaskTableModel::TitleColumn, Qt::DescendingOrder);
        QCOMPARE(titles(filter).first(), u"Ticket #1000"_s);
    }

    void filtersCombine()
    {
        TaskTableModel model;
        Task a = task(1, u"a"_s);
        a.status = TaskStatus::Done;
        a.assignee = u"ann"_s;
        Task b = task(2, u"b"_s);
        b.priority = TaskPriority::High;
        b.assignee = u"ann"_s;
        Task c = task(3, u"c"_s);
        model.setTasks({a, b, c});
        TaskFilterModel filter;
        filter.setSourceModel(&model);
        TaskQuery query;
        query.assignee = u"ann"_s;
        filter.setQuery(query);
        QCOMPARE(filter.rowCount(), 2);
        query.priority = TaskPriority::High;
        filter.setQuery(query);
        QCOMPARE(filter.rowCount(), 1);
        filter.setSmartView(SmartView::Unassigned);
        QCOMPARE(filter.rowCount(), 0);
        filter.setQuery({});
        QCOMPARE(filter.rowCount(), 1);
    }

    void smartViews()
    {
        const QDateTime now = QDateTime(QDate(2026, 12, 2), QTime(12, 0)).toUTC(); // a Wednesday
        Task dueToday = task(1, u"today"_s);
        dueToday.dueDate = QDateTime(QDate(2026, 12, 2), QTime(18, 0)).toUTC();
        Task overdue = task(2, u"overdue"_s);
        overdue.dueDate = QDateTime(QDate(2026, 11, 30), QTime(9, 0)).toUTC();
        overdue.assignee = u"bob"_s;
        Task later = task(3, u"next month"_s);
        later.dueDate = QDateTime(QDate(2027, 1, 15), QTime(9, 0)).toUTC();
        Task doneToday = dueToday;
        doneToday.id = task(4, {}).id;
        doneToday.status = TaskStatus::Done;

        QVERIFY(belongsTo(dueToday, SmartView::Today, now));
        QVERIFY(!belongsTo(doneToday, SmartView::Today, now));
        QVERIFY(!belongsTo(overdue, SmartView::Today, now));
        QVERIFY(belongsTo(overdue, SmartView::Overdue, now));
        QVERIFY(!belongsTo(dueToday, SmartView::Overdue, now));
        QVERIFY(belongsTo(dueToday, SmartView::ThisWeek, now));
        QVERIFY(!belongsTo(later, SmartView::ThisWeek, now));
        QVERIFY(belongsTo(later, SmartView::Unassigned, now));
        QVERIFY(!belongsTo(overdue, SmartView::Unassigned, now));
        QVERIFY(belongsTo(later, SmartView::NotDone, now));
        QVERIFY(!belongsTo(doneToday, SmartView::NotDone, now));
        for (const Task &t : {dueToday, overdue, later, doneToday})
            QVERIFY(belongsTo(t, SmartView::All, now));
        for (const SmartView view : allSmartViews)
            QCOMPARE(smartViewFromSettingsName(settingsName(view)), std::optional(view));
    }
};

QTEST_GUILESS_MAIN(TestTaskFilterModel)
#include "tst_taskfiltermodel.moc"
