// TaskTableModel on its own: what each cell shows, how it sorts, and that refreshes change rows
// in place (no reset), so the selection and scroll position of a view survive them.

#include <taskflow/desktop/tasktablemodel.h>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

const QDateTime now(QDate(2026, 6, 15), QTime(12, 0), QTimeZone::utc());

Task makeTask(int n, TaskStatus status = TaskStatus::Todo,
              TaskPriority priority = TaskPriority::Medium)
{
    Task task;
    task.id = u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0'));
    task.title = u"Task %1"_s.arg(n);
    task.status = status;
    task.priority = priority;
    task.createdAt = now.addDays(-10);
    task.updatedAt = now.addSecs(-3600);
    return task;
}

QList<Task> makeTasks(int count)
{
    QList<Task> tasks;
    for (int i = 0; i < count; ++i)
        tasks.append(makeTask(i));
    return tasks;
}

} // namespace

class TestTaskTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void columnsAndHeaders();
    void firstLoadInsertsRows();
    void refreshUpdatesChangedRowsInPlace();
    void refreshInsertsAndRemoves();
    void persistentIndexesSurviveRefresh();
    void largeDifferenceResets();
    void statusAndPriorityAreTextAndColour();
    void assigneeAndEmptyValues();
    void overdueStandsOutInWords();
    void doneIsNeverOverdue();
    void dueDateShownInLocalTime();
    void lastChangeIsRelative_data();
    void lastChangeIsRelative();
    void sortsAsTheApi();
    void upsertAndRemove();
    void currentTimeMovesOverdue();

private:
    TaskTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestTaskTableModel::init()
{
    m_model = new TaskTableModel;
    m_model->setCurrentTime(now);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestTaskTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestTaskTableModel::columnsAndHeaders()
{
    QCOMPARE(m_model->columnCount(), 7);
    QStringList headers;
    for (int c = 0; c < m_model->columnCount(); ++c)
        headers.append(m_model->headerData(c, Qt::Horizontal).toString());
    QCOMPARE(headers, (QStringList{QString(), u"Title"_s, u"Status"_s, u"Priority"_s, u"Assignee"_s, u"Due"_s,
                                   u"Last change"_s}));
}

void TestTaskTableModel::firstLoadInsertsRows()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setTasks(makeTasks(3));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_model->index(1, TaskTableModel::TitleColumn).data().toString(), u"Task 1"_s);
    QCOMPARE(m_model->index(1, 0).data(TaskTableModel::TaskIdRole).toString(), makeTask(1).id);
    QCOMPARE(m_model->rowOf(makeTask(2).id), 2);
    QCOMPARE(m_model->rowOf(u"nope"_s), -1);
}

void TestTaskTableModel::refreshUpdatesChangedRowsInPlace()
{
    QList<Task> tasks = makeTasks(5);
    m_model->setTasks(tasks);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(m_model, &QAbstractItemModel::layoutChanged);

    m_model->setTasks(tasks); // the same answer again: nothing to tell the views
    QCOMPARE(changed.size(), 0);

    tasks[3].title = u"Renamed"_s;
    tasks[3].status = TaskStatus::Done;
    m_model->setTasks(tasks);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 3);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3);
    QCOMPARE(m_model->index(3, TaskTableModel::TitleColumn).data().toString(), u"Renamed"_s);
    QCOMPARE(m_model->index(3, TaskTableModel::StatusColumn).data().toString(), u"Done"_s);
    QCOMPARE(inserted.size() + removed.size() + reset.size() + layout.size(), 0);
}

void TestTaskTableModel::refreshInsertsAndRemoves()
{
    m_model->setTasks(makeTasks(5));
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    QList<Task> next = makeTasks(5);
    next.removeAt(1); // gone elsewhere
    next.removeAt(1); // (task 2) too: one run of two rows
    next.insert(0, makeTask(7)); // new: appended, whatever its place in the answer
    m_model->setTasks(next);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 3);
    QStringList titles;
    for (int row = 0; row < m_model->rowCount(); ++row)
        titles.append(m_model->index(row, TaskTableModel::TitleColumn).data().toString());
    QCOMPARE(titles, (QStringList{u"Task 0"_s, u"Task 3"_s, u"Task 4"_s, u"Task 7"_s}));
    QCOMPARE(m_model->rowOf(makeTask(4).id), 2);
    QCOMPARE(m_model->rowOf(makeTask(7).id), 3);
}

void TestTaskTableModel::persistentIndexesSurviveRefresh()
{
    m_model->setTasks(makeTasks(6));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(TaskTableModel::SortRole);
    proxy.sort(TaskTableModel::TitleColumn, Qt::DescendingOrder);
    // What a view's selection holds on to.
    const QPersistentModelIndex selected = proxy.index(2, 0);
    const QString id = selected.data(TaskTableModel::TaskIdRole).toString();
    QCOMPARE(id, makeTask(3).id);

    QList<Task> next = makeTasks(6);
    next.removeFirst();
    next[2].priority = TaskPriority::High;
    next.append(makeTask(9));
    m_model->setTasks(next);

    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(TaskTableModel::TaskIdRole).toString(), id);
}

void TestTaskTableModel::largeDifferenceResets()
{
    m_model->setTasks(makeTasks(400));
    QList<Task> evens;
    for (int i = 0; i < 400; i += 2)
        evens.append(makeTask(i));
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_model->setTasks(evens);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 200);
    QCOMPARE(m_model->rowOf(makeTask(398).id), 199);
}

void TestTaskTableModel::statusAndPriorityAreTextAndColour()
{
    m_model->setTasks({makeTask(0, TaskStatus::InProgress, TaskPriority::High),
                       makeTask(1, TaskStatus::Done, TaskPriority::Low)});
    const QModelIndex status = m_model->index(0, TaskTableModel::StatusColumn);
    const QModelIndex priority = m_model->index(0, TaskTableModel::PriorityColumn);
    QCOMPARE(status.data().toString(), u"In progress"_s);
    QCOMPARE(priority.data().toString(), u"High"_s);
    QVERIFY(status.data(Qt::BackgroundRole).canConvert<QColor>());
    QVERIFY(priority.data(Qt::ForegroundRole).canConvert<QColor>());
    // Different values, different colours, and the words always there.
    QVERIFY(status.data(Qt::BackgroundRole) != m_model->index(1, TaskTableModel::StatusColumn).data(Qt::BackgroundRole));
    QVERIFY(priority.data(Qt::BackgroundRole) != m_model->index(1, TaskTableModel::PriorityColumn).data(Qt::BackgroundRole));
    QCOMPARE(m_model->index(1, TaskTableModel::StatusColumn).data().toString(), u"Done"_s);
    QCOMPARE(m_model->index(1, TaskTableModel::PriorityColumn).data().toString(), u"Low"_s);
    QCOMPARE(status.data(Qt::ToolTipRole).toString(), u"Status: In progress"_s);
}

void TestTaskTableModel::assigneeAndEmptyValues()
{
    Task with = makeTask(0);
    with.assignee = u"Ann"_s;
    with.description = u"More words"_s;
    m_model->setTasks({with, makeTask(1)});
    QCOMPARE(m_model->index(0, TaskTableModel::AssigneeColumn).data().toString(), u"Ann"_s);
    QCOMPARE(m_model->index(1, TaskTableModel::AssigneeColumn).data().toString(), u"—"_s);
    QCOMPARE(m_model->index(1, TaskTableModel::AssigneeColumn).data(Qt::ToolTipRole).toString(),
             u"Unassigned"_s);
    QCOMPARE(m_model->index(1, TaskTableModel::DueDateColumn).data().toString(), u"—"_s);
    QVERIFY(m_model->index(0, TaskTableModel::TitleColumn).data(Qt::ToolTipRole).toString().contains(u"More words"_s));
}

void TestTaskTableModel::overdueStandsOutInWords()
{
    Task late = makeTask(0);
    late.dueDate = now.addDays(-1);
    Task later = makeTask(1);
    later.dueDate = now.addDays(1);
    m_model->setTasks({late, later});

    const QModelIndex lateDue = m_model->index(0, TaskTableModel::DueDateColumn);
    QVERIFY(lateDue.data(TaskTableModel::OverdueRole).toBool());
    QVERIFY(lateDue.data().toString().startsWith(u"Overdue"_s));
    QVERIFY(lateDue.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(lateDue.data(Qt::ForegroundRole).canConvert<QColor>());
    QVERIFY(lateDue.data(Qt::AccessibleTextRole).toString().startsWith(u"Overdue"_s));

    const QModelIndex laterDue = m_model->index(1, TaskTableModel::DueDateColumn);
    QVERIFY(!laterDue.data(TaskTableModel::OverdueRole).toBool());
    QVERIFY(!laterDue.data().toString().contains(u"Overdue"_s));
    QVERIFY(!laterDue.data(Qt::FontRole).isValid());
}

void TestTaskTableModel::doneIsNeverOverdue()
{
    Task done = makeTask(0, TaskStatus::Done);
    done.dueDate = now.addDays(-3);
    m_model->setTasks({done});
    QVERIFY(!m_model->index(0, TaskTableModel::DueDateColumn).data(TaskTableModel::OverdueRole).toBool());
    QVERIFY(!m_model->index(0, TaskTableModel::DueDateColumn).data().toString().contains(u"Overdue"_s));
}

void TestTaskTableModel::dueDateShownInLocalTime()
{
    Task task = makeTask(0);
    task.dueDate = QDateTime(QDate(2026, 7, 1), QTime(9, 30), QTimeZone::utc());
    m_model->setTasks({task});
    const QString expected =
        QLocale().toString(task.dueDate->toLocalTime(), u"d MMM yyyy, HH:mm"_s);
    QCOMPARE(m_model->index(0, TaskTableModel::DueDateColumn).data().toString(), expected);
}

void TestTaskTableModel::lastChangeIsRelative_data()
{
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("expected");
    QTest::newRow("now") << qint64(5) << u"just now"_s;
    QTest::newRow("minutes") << qint64(5 * 60 + 10) << u"5 min ago"_s;
    QTest::newRow("hours") << qint64(3 * 3600) << u"3 h ago"_s;
    QTest::newRow("yesterday") << qint64(30 * 3600) << u"yesterday"_s;
    QTest::newRow("days") << qint64(4 * 24 * 3600) << u"4 days ago"_s;
}

void TestTaskTableModel::lastChangeIsRelative()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, expected);
    Task task = makeTask(0);
    task.updatedAt = now.addSecs(-secondsAgo);
    m_model->setTasks({task});
    QCOMPARE(m_model->index(0, TaskTableModel::UpdatedColumn).data().toString(), expected);
}

void TestTaskTableModel::sortsAsTheApi()
{
    Task a = makeTask(0, TaskStatus::Done, TaskPriority::Low);
    Task b = makeTask(1, TaskStatus::Todo, TaskPriority::High);
    Task c = makeTask(2, TaskStatus::InProgress, TaskPriority::Medium);
    b.dueDate = now.addDays(2);
    c.dueDate = now.addDays(1);
    m_model->setTasks({a, b, c});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(TaskTableModel::SortRole);
    const auto column = [&](int sortColumn, Qt::SortOrder order) {
        proxy.sort(sortColumn, order);
        QStringList titles;
        for (int row = 0; row < proxy.rowCount(); ++row)
            titles.append(proxy.index(row, TaskTableModel::TitleColumn).data().toString());
        return titles;
    };
    // Not alphabetical: by rank, as the API sorts.
    QCOMPARE(column(TaskTableModel::StatusColumn, Qt::AscendingOrder),
             (QStringList{u"Task 1"_s, u"Task 2"_s, u"Task 0"_s}));
    QCOMPARE(column(TaskTableModel::PriorityColumn, Qt::DescendingOrder),
             (QStringList{u"Task 1"_s, u"Task 2"_s, u"Task 0"_s}));
    // No due date last.
    QCOMPARE(column(TaskTableModel::DueDateColumn, Qt::AscendingOrder),
             (QStringList{u"Task 2"_s, u"Task 1"_s, u"Task 0"_s}));
}

void TestTaskTableModel::upsertAndRemove()
{
    m_model->setTasks(makeTasks(2));
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    Task task = makeTask(1);
    task.title = u"Changed here"_s;
    m_model->upsertTask(task);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    m_model->upsertTask(makeTask(5));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->taskById(makeTask(5).id)->title, u"Task 5"_s);

    m_model->removeTask(makeTask(0).id);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowOf(makeTask(5).id), 1);
    m_model->removeTask(u"unknown"_s);
    QCOMPARE(m_model->rowCount(), 2);
}

void TestTaskTableModel::currentTimeMovesOverdue()
{
    Task task = makeTask(0);
    task.dueDate = now.addSecs(60);
    m_model->setTasks({task});
    const QModelIndex due = m_model->index(0, TaskTableModel::DueDateColumn);
    QVERIFY(!due.data(TaskTableModel::OverdueRole).toBool());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setCurrentTime(now.addSecs(120));
    QVERIFY(due.data(TaskTableModel::OverdueRole).toBool());
    QCOMPARE(changed.size(), 1);
    // Only presentation roles: a sorting proxy need not sort again.
    const auto roles = changed.at(0).at(2).value<QList<int>>();
    QVERIFY(!roles.contains(TaskTableModel::SortRole));
    QVERIFY(roles.contains(Qt::DisplayRole));
}

QTEST_MAIN(TestTaskTableModel)
#include "tst_tasktablemodel.moc"
