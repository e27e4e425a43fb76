// Reminders: which tasks fall due between two checks (each announced once, done ones never).

#include <taskflow/desktop/reminders.h>
#include <taskflow/desktop/tasktablemodel.h>

#include <QSignalSpy>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

Task due(int n, const QDateTime &when, TaskStatus status = TaskStatus::Todo)
{
    Task t;
    t.id = u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0'));
    t.title = u"Task %1"_s.arg(n);
    t.status = status;
    t.dueDate = when;
    t.createdAt = t.updatedAt = QDateTime::currentDateTimeUtc().addDays(-1);
    return t;
}

} // namespace

class TestReminders : public QObject
{
    Q_OBJECT

private slots:
    void fallenDueBetweenTwoChecks()
    {
        const QDateTime since = QDateTime(QDate(2026, 12, 2), QTime(9, 0), QTimeZone::utc());
        const QDateTime now = since.addSecs(60);
        const QList<Task> tasks{due(1, since.addSecs(30)), due(2, since.addSecs(-30)), due(3, now.addSecs(1)),
                                due(4, since.addSecs(10), TaskStatus::Done), due(5, now)};
        QList<QString> titles;
        for (const Task &task : Reminders::fallenDue(tasks, since, now))
            titles.append(task.title);
        QCOMPARE(titles, (QList<QString>{u"Task 1"_s, u"Task 5"_s}));
    }

    void eachDueMomentIsAnnouncedOnce()
    {
        TaskTableModel model;
        Reminders reminders(&model);
        QSignalSpy reminded(&reminders, &Reminders::reminded);
        // Already overdue when the app starts: counted, not announced.
        model.setTasks({due(1, QDateTime::currentDateTimeUtc().addSecs(-3600))});
        reminders.check();
        QCOMPARE(reminded.size(), 0);
        // Falls due a moment from now.
        model.setTasks({due(1, QDateTime::currentDateTimeUtc().addSecs(-3600)),
                        due(2, QDateTime::currentDateTimeUtc().addMSecs(300))});
        QTRY_VERIFY_WITH_TIMEOUT((reminders.check(), reminded.size() == 1), 5000);
        QCOMPARE(reminded.first().first().value<QList<Task>>().first().title, u"Task 2"_s);
        reminders.check();
        QCOMPARE(reminded.size(), 1);
    }
};

QTEST_MAIN(TestReminders)
#include "tst_reminders.moc"
