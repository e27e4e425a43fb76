// ConflictDialog: both versions field by field, the side preselected where only one changed,
// and what keep mine / take theirs / save choices hand back.

#include <taskflow/desktop/conflictdialog.h>

#include <QPushButton>
#include <QRadioButton>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

Task base()
{
    Task t;
    t.id = u"0b7a3f52-2f7e-4c1e-9f3a-1d2c3b4a5f60"_s;
    t.title = u"Plan the offsite"_s;
    t.priority = TaskPriority::Medium;
    t.createdAt = t.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), QTimeZone::utc());
    return t;
}

} // namespace

class TestConflictDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheFieldsThatDiffer()
    {
        Task mine = base();
        mine.title = u"Plan the offsite (venue booked)"_s; // changed here only
        mine.priority = TaskPriority::High;                 // changed on both sides
        Task theirs = base();
        theirs.priority = TaskPriority::Low;
        theirs.assignee = u"sam"_s; // changed there only
        ConflictDialog dialog(base(), mine, theirs);
        QCOMPARE(dialog.conflictingFields(), (QStringList{u"title"_s, u"priority"_s, u"assignee"_s}));
        QVERIFY(dialog.findChild<QRadioButton *>(u"title_mine"_s)->isChecked());
        QVERIFY(dialog.findChild<QRadioButton *>(u"assignee_theirs"_s)->isChecked());
        QVERIFY(dialog.findChild<QRadioButton *>(u"priority_mine"_s)->isChecked()); // as typed
        QCOMPARE(dialog.findChild<QRadioButton *>(u"priority_theirs"_s)->text(), u"Low"_s);
        QVERIFY(!dialog.findChild<QRadioButton *>(u"priority_theirs"_s)->accessibleName().isEmpty());

        // Merge as preselected: my title and priority, their assignee.
        dialog.findChild<QPushButton *>(u"mergeButton"_s)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto merged = dialog.resolution();
        QVERIFY(merged);
        QCOMPARE(merged->title, mine.title);
        QCOMPARE(merged->priority, TaskPriority::High);
        QCOMPARE(merged->assignee, std::optional(u"sam"_s));
    }

    void choosingPerField()
    {
        Task mine = base();
        mine.priority = TaskPriority::High;
        mine.title = u"Mine"_s;
        Task theirs = base();
        theirs.priority = TaskPriority::Low;
        theirs.title = u"Theirs"_s;
        ConflictDialog dialog(base(), mine, theirs);
        dialog.choose(u"priority"_s, false);
        dialog.merge();
        QCOMPARE(dialog.resolution()->priority, TaskPriority::Low);
        QCOMPARE(dialog.resolution()->title, u"Mine"_s);
    }

    void keepMineAndTakeTheirs()
    {
        Task mine = base();
        mine.status = TaskStatus::Done;
        Task theirs = base();
        theirs.status = TaskStatus::InProgress;
        theirs.title = u"Renamed there"_s;
        {
            ConflictDialog dialog(base(), mine, theirs);
            dialog.findChild<QPushButton *>(u"keepMineButton"_s)->click();
            QCOMPARE(*dialog.resolution(), mine);
        }
        {
            ConflictDialog dialog(base(), mine, theirs);
            dialog.findChild<QPushButton *>(u"takeTheirsButton"_s)->click();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QVERIFY(!dialog.resolution());
        }
    }

    void escapeDecidesNothing()
    {
        Task mine = base();
        mine.title = u"Mine"_s;
        Task theirs = base();
        theirs.title = u"Theirs"_s;
        ConflictDialog dialog(base(), mine, theirs);
        dialog.show();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(dialog.isVisible()); // closing would lose one side: only a button ends it
    }

    void deletedOnEitherSide()
    {
        Task mine = base();
        mine.title = u"Mine"_s;
        {
            ConflictDialog dialog(base(), mine, std::nullopt); // deleted there
            dialog.findChild<QPushButton *>(u"keepMineButton"_s)->click();
            QCOMPARE(dialog.resolution()->title, u"Mine"_s); // restored with my changes
        }
        Task theirs = base();
        theirs.title = u"Theirs"_s;
        {
            ConflictDialog dialog(base(), std::nullopt, theirs); // I deleted, they changed
            QVERIFY(dialog.conflictingFields().isEmpty()); // shown, nothing to pick
            dialog.findChild<QPushButton *>(u"takeTheirsButton"_s)->click();
            QVERIFY(!dialog.resolution()); // keep theirs: the delete is dropped
        }
    }
};

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
