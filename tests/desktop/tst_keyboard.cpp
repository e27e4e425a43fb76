// The main window with the keyboard only: quick add, into the table with Tab, Return to edit,
// focus back on the saved row, search with Escape and Down, the selection after a filter
// change, smart views; and an accessible name on every control a user can reach.

#include <taskflow/desktop/filterbar.h>
#include <taskflow/desktop/tasklistpage.h>
#include <taskflow/desktop/taskdialog.h>
#include "desktopwindow.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

constexpr int timeoutMs = 15000;

QString currentTitle(MainWindow &window)
{
    const auto task = window.taskStore()->task(window.selectedTaskId());
    return task ? task->title : QString();
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void walkWithTheKeyboardOnly();
    void selectionFollowsItsTaskOrClears();
    void everyControlHasAnAccessibleName();
    void columnsFitTheirWordsAtAnyFontSize();

private:
    QString create(const QString &title, const QString &status = u"todo"_s)
    {
        return HttpClient(m_server.url()).post(u"/tasks"_s, DesktopWindowFixture::body(title, status)).object()[u"id"_s].toString();
    }
    static QWidget *focused() { return QApplication::focusWidget(); }
    static void press(QKeySequence keys) { QTest::keySequence(QApplication::focusWidget(), keys); }
    static void key(Qt::Key k, Qt::KeyboardModifiers modifiers = {}) { QTest::keyClick(QApplication::focusWidget(), k, modifiers); }

    TestDatabase m_database;
    TestServer m_server;
    DesktopWindowFixture m_fixture;
};

void TestKeyboard::initTestCase()
{
    DesktopWindowFixture::setUpApplication(u"tst_keyboard"_s);
    TASKFLOW_REQUIRE_DATABASE(m_database);
    QVERIFY2(m_server.start(m_database.url()), qPrintable(m_server.output()));
}

void TestKeyboard::init()
{
    deleteEveryTask(m_server.url());
    m_fixture.reset(m_server.url());
}

void TestKeyboard::cleanup()
{
    DesktopWindowFixture::closeDialogs();
}

void TestKeyboard::walkWithTheKeyboardOnly()
{
    create(u"Réunion équipe"_s);
    create(u"Ticket #561"_s);
    create(u"Ticket #8"_s);
    auto window = m_fixture.open();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 3, timeoutMs);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    // Ctrl+L: the quick-add line; the parse shows before Return saves.
    press(QKeySequence(Qt::CTRL | Qt::Key_L));
    QTRY_COMPARE(focused(), window->page()->quickAddEdit());
    QTest::keyClicks(focused(), u"Call Ann tomorrow !high @ann"_s);
    QTRY_VERIFY(window->page()->quickAddPreview()->isVisible());
    QVERIFY2(window->page()->quickAddPreview()->text().contains(u"“Call Ann”"_s),
             qPrintable(window->page()->quickAddPreview()->text()));
    key(Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 4, timeoutMs);
    QVERIFY(window->page()->quickAddEdit()->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->pendingCount(), 0, timeoutMs);

    // Down from quick add goes into the table, with a row selected.
    key(Qt::Key_Down);
    QTRY_COMPARE(focused(), window->taskView());
    QVERIFY(!window->selectedTaskId().isEmpty());

    // Out and back with Tab: the table selects a row as it gets the focus.
    window->taskView()->clearSelection();
    window->page()->smartViewList()->setFocus(Qt::TabFocusReason);
    key(Qt::Key_Tab);
    QTRY_COMPARE(focused(), window->taskView());
    QVERIFY(!window->selectedTaskId().isEmpty());

    // Sorted by title, naturally: #8 before #561.
    window->taskView()->sortByColumn(TaskTableModel::TitleColumn, Qt::AscendingOrder);
    window->selectTask(window->taskStore()->task(window->taskView()->model()->index(0, 0).data(TaskTableModel::TaskIdRole).toString())->id);
    QStringList order;
    for (int r = 0; r < window->taskView()->model()->rowCount(); ++r)
        order.append(window->taskView()->model()->index(r, TaskTableModel::TitleColumn).data(TaskTableModel::SortRole).toString());
    QVERIFY(order.indexOf(u"Ticket #8"_s) < order.indexOf(u"Ticket #561"_s));

    // Return edits the row; saving brings the focus back to it, so Return edits again.
    const int ticket = DesktopWindowFixture::row(*window, u"Ticket #8"_s);
    window->taskView()->setCurrentIndex(window->taskView()->model()->index(ticket, TaskTableModel::TitleColumn));
    window->taskView()->selectRow(ticket);
    window->taskView()->setFocus(Qt::TabFocusReason);
    key(Qt::Key_Return);
    TaskDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<TaskDialog *>()) && dialog->isVisible());
    QTRY_COMPARE(window->findChildren<TaskDialog *>().size(), 1);
    QCOMPARE(dialog->findChild<QLineEdit *>(u"titleEdit"_s)->text(), u"Ticket #8"_s);
    QTest::keyClick(dialog->findChild<QLineEdit *>(u"titleEdit"_s), Qt::Key_End);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"titleEdit"_s), u" (urgent)"_s);
    // Saved. (Not by its key here: the offscreen platform leaves the main window active under
    // a dialog it opened, so keys sent now would reach the table's shortcuts.)
    dialog->findChild<QPushButton *>(u"saveButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window->findChild<TaskDialog *>(), timeoutMs);
    window->activateWindow();
    QTRY_COMPARE(focused(), window->taskView());
    QCOMPARE(currentTitle(*window), u"Ticket #8 (urgent)"_s);
    const QString ticketId = window->selectedTaskId();

    // Space completes the selected task.
    key(Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->task(window->selectedTaskId())->status, TaskStatus::Done, timeoutMs);

    // Ctrl+F: search, accent-blind; Down goes to the results; Escape clears the search.
    press(QKeySequence::Find);
    QLineEdit *search = window->filterBar()->findChild<QLineEdit *>(u"searchEdit"_s);
    QTRY_COMPARE(focused(), search);
    QTest::keyClicks(search, u"reunion"_s);
    QTRY_COMPARE(window->taskView()->model()->rowCount(), 1);
    key(Qt::Key_Down);
    QTRY_COMPARE(focused(), window->taskView());
    QCOMPARE(currentTitle(*window), u"Réunion équipe"_s);
    press(QKeySequence::Find);
    QTRY_COMPARE(focused(), search);
    key(Qt::Key_Escape);
    QVERIFY(search->text().isEmpty());
    QTRY_COMPARE(window->taskView()->model()->rowCount(), 4);
    // The task selected before the search is still the selected one.
    QCOMPARE(currentTitle(*window), u"Réunion équipe"_s);

    // Ctrl+2: the "Today" view, Ctrl+1: all again, from the keyboard.
    press(QKeySequence(Qt::CTRL | Qt::Key_2));
    QTRY_COMPARE(window->page()->smartView(), SmartView::Today);
    press(QKeySequence(Qt::CTRL | Qt::Key_1));
    QTRY_COMPARE(window->page()->smartView(), SmartView::All);

    // Undo from the keyboard too: the completion, then the new title.
    window->taskView()->setFocus();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->pendingCount(), 0, timeoutMs);
    press(QKeySequence::Undo);
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->task(ticketId)->status, TaskStatus::Todo, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->pendingCount(), 0, timeoutMs);
    press(QKeySequence::Undo);
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->task(ticketId)->title, u"Ticket #8"_s, timeoutMs);
}

void TestKeyboard::selectionFollowsItsTaskOrClears()
{
    const QString todo = create(u"Still to do"_s);
    create(u"Already done"_s, u"done"_s);
    create(u"Another to do"_s);
    auto window = m_fixture.open();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 3, timeoutMs);
    auto *status = window->filterBar()->findChild<QComboBox *>(u"statusFilter"_s);

    window->selectTask(todo);
    status->setCurrentIndex(status->findData(int(TaskStatus::Todo)));
    QTRY_COMPARE(window->taskView()->model()->rowCount(), 2);
    QCOMPARE(window->selectedTaskId(), todo); // it is still shown: still selected

    status->setCurrentIndex(status->findData(int(TaskStatus::Done)));
    QTRY_COMPARE(window->taskView()->model()->rowCount(), 1);
    // Not shown any more: nothing is selected (Delete cannot hit "Already done").
    QVERIFY(window->selectedTaskId().isEmpty());
    QVERIFY(!window->findChild<QAction *>(u"deleteTaskAction"_s)->isEnabled());

    status->setCurrentIndex(0);
    QTRY_COMPARE(window->taskView()->model()->rowCount(), 3);
}

void TestKeyboard::everyControlHasAnAccessibleName()
{
    auto window = m_fixture.open();
    QTRY_VERIFY_WITH_TIMEOUT(window->taskStore()->hasLoaded(), timeoutMs);
    QStringList unnamed;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(window.get()) || widget->focusPolicy() == Qt::NoFocus)
            continue;
        if (!qobject_cast<QAbstractButton *>(widget) && !qobject_cast<QLineEdit *>(widget)
            && !qobject_cast<QComboBox *>(widget) && !qobject_cast<QAbstractItemView *>(widget))
            continue;
        const auto *button = qobject_cast<QAbstractButton *>(widget);
        // A button's own text is its accessible name; anything else needs one set.
        const bool named = !widget->accessibleName().isEmpty() || (button && !button->text().isEmpty())
            || (button && !button->toolTip().isEmpty());
        if (!named)
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
    // Every menu action has a text, so screen readers and the keyboard find it.
    for (QAction *action : window->findChildren<QAction *>()) {
        if (!action->isSeparator() && action->menu() == nullptr && !action->objectName().isEmpty()
            && !action->objectName().startsWith(u"_q_"_s)) // Qt's own (a line edit's clear button)
            QVERIFY2(!action->text().isEmpty(), qPrintable(action->objectName()));
    }
}

void TestKeyboard::columnsFitTheirWordsAtAnyFontSize()
{
    create(u"Sized"_s);
    // A saved layout from a smaller font must not cut the words ("In progre…").
    {
        auto window = m_fixture.open();
        window->taskView()->horizontalHeader()->resizeSection(TaskTableModel::StatusColumn, 40);
        window->close();
    }
    for (const int points : {9, 14, 22}) {
        auto window = m_fixture.open();
        QFont font = window->font();
        font.setPointSize(points);
        window->setFont(font);
        QTRY_VERIFY(window->taskView()->font().pointSize() == points);
        const QFontMetrics metrics(window->taskView()->font());
        const QHeaderView *header = window->taskView()->horizontalHeader();
        for (const TaskStatus status : allStatuses)
            QVERIFY2(header->sectionSize(TaskTableModel::StatusColumn) > metrics.horizontalAdvance(displayName(status)) + 20,
                     qPrintable(u"%1 pt: %2"_s.arg(points).arg(header->sectionSize(TaskTableModel::StatusColumn))));
        for (const TaskPriority priority : allPriorities)
            QVERIFY(header->sectionSize(TaskTableModel::PriorityColumn) > metrics.horizontalAdvance(displayName(priority)) + 20);
        QVERIFY(window->taskView()->verticalHeader()->defaultSectionSize() > metrics.height());
        window->close();
    }
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
