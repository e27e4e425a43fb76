// Undo and redo (QUndoStack, Ctrl+Z and Ctrl+Shift+Z, Edit ▸ Undo) of each kind of change,
// checked on the server; and Escape in a task dialog with changes asks before discarding.

#include <taskflow/desktop/tasklistpage.h>
#include <taskflow/desktop/taskdialog.h>
#include "desktopwindow.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

constexpr int timeoutMs = 15000;

} // namespace

class TestUndo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void undoCreate();
    void undoEdit();
    void undoStatusChange();
    void undoDelete();
    void undoBulkChangeAsOneStep();
    void escapeWithChangesAsks();

private:
    QJsonArray serverTasks() { return HttpClient(m_server.url()).get(u"/tasks"_s).array(); }
    QJsonObject serverTask(const QString &id) { return HttpClient(m_server.url()).get(u"/tasks/"_s + id).object(); }
    QString create(const QString &title)
    {
        return HttpClient(m_server.url()).post(u"/tasks"_s, DesktopWindowFixture::body(title)).object()[u"id"_s].toString();
    }
    // The keys, as a user presses them, in the window (activated: offscreen has no window
    // manager to give it back after a message box).
    // Edit ▸ Undo and Edit ▸ Redo (undoCreate presses their keys).
    static void undo(MainWindow &window) { window.findChild<QAction *>(u"undoAction"_s)->trigger(); }
    static void redo(MainWindow &window) { window.findChild<QAction *>(u"redoAction"_s)->trigger(); }
    static void pressUndo(MainWindow &window)
    {
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keySequence(&window, QKeySequence::Undo);
    }
    static void pressRedo(MainWindow &window)
    {
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    }
    static void settle(MainWindow &window)
    {
        QTRY_COMPARE_WITH_TIMEOUT(window.taskStore()->pendingCount(), 0, timeoutMs);
    }

    TestDatabase m_database;
    TestServer m_server;
    DesktopWindowFixture m_fixture;
};

void TestUndo::initTestCase()
{
    DesktopWindowFixture::setUpApplication(u"tst_undo"_s);
    TASKFLOW_REQUIRE_DATABASE(m_database);
    QVERIFY2(m_server.start(m_database.url()), qPrintable(m_server.output()));
}

void TestUndo::init()
{
    deleteEveryTask(m_server.url());
    m_fixture.reset(m_server.url());
}

void TestUndo::cleanup()
{
    DesktopWindowFixture::closeDialogs();
}

void TestUndo::undoCreate()
{
    auto window = m_fixture.open();
    QTRY_VERIFY_WITH_TIMEOUT(window->taskStore()->hasLoaded(), timeoutMs);
    window->activateWindow();
    QLineEdit *line = window->page()->quickAddEdit();
    line->setFocus();
    QTest::keyClicks(line, u"Undo me"_s);
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(serverTasks().size(), 1, timeoutMs);
    settle(*window);
    // The Edit menu names what it undoes.
    auto *undoAction = window->findChild<QAction *>(u"undoAction"_s);
    QVERIFY(undoAction->isEnabled());
    QVERIFY2(undoAction->text().contains(u"Undo me"_s), qPrintable(undoAction->text()));
    QVERIFY(window->menuBar()->findChild<QMenu *>(u"editMenu"_s)->actions().contains(undoAction));

    pressUndo(*window);
    QTRY_COMPARE_WITH_TIMEOUT(serverTasks().size(), 0, timeoutMs);
    QTRY_COMPARE(window->taskView()->model()->rowCount(), 0);
    pressRedo(*window);
    QTRY_COMPARE_WITH_TIMEOUT(serverTasks().size(), 1, timeoutMs);
    QCOMPARE(serverTasks().first()[u"title"_s].toString(), u"Undo me"_s);
    settle(*window);
    // And once more: the command follows the task to its new id.
    undo(*window);
    QTRY_COMPARE_WITH_TIMEOUT(serverTasks().size(), 0, timeoutMs);
}

void TestUndo::undoEdit()
{
    const QString id = create(u"Original"_s);
    auto window = m_fixture.open();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 1, timeoutMs);
    window->selectTask(id);
    window->editSelectedTask();
    TaskDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<TaskDialog *>()) && dialog->isVisible());
    auto *title = dialog->findChild<QLineEdit *>(u"titleEdit"_s);
    title->setText(u"Edited"_s);
    dialog->findChild<QPushButton *>(u"saveButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(id)[u"title"_s].toString(), u"Edited"_s, timeoutMs);
    settle(*window);
    // Someone else changes another field meanwhile: undo gives back the title only.
    QCOMPARE(HttpClient(m_server.url()).put(u"/tasks/"_s + id, R"({"assignee":"sam"})").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->task(id)->assignee, std::optional(u"sam"_s), timeoutMs);
    window->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(id)[u"title"_s].toString(), u"Original"_s, timeoutMs);
    QCOMPARE(serverTask(id)[u"assignee"_s].toString(), u"sam"_s);
    settle(*window);
    window->undoStack()->redo();
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(id)[u"title"_s].toString(), u"Edited"_s, timeoutMs);
}

void TestUndo::undoStatusChange()
{
    const QString id = create(u"Tick me"_s);
    auto window = m_fixture.open();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 1, timeoutMs);
    // The checkbox column completes it.
    QAbstractItemModel *model = window->taskView()->model();
    QVERIFY(model->setData(model->index(0, TaskTableModel::DoneColumn), Qt::Checked, Qt::CheckStateRole));
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(id)[u"status"_s].toString(), u"done"_s, timeoutMs);
    settle(*window);
    undo(*window);
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(id)[u"status"_s].toString(), u"todo"_s, timeoutMs);
    settle(*window);
    redo(*window);
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(id)[u"status"_s].toString(), u"done"_s, timeoutMs);
}

void TestUndo::undoDelete()
{
    const QString id = create(u"Bring me back"_s);
    QCOMPARE(HttpClient(m_server.url()).put(u"/tasks/"_s + id, R"({"priority":"high","assignee":"ann"})").status, 200);
    auto window = m_fixture.open();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 1, timeoutMs);
    window->selectTask(id);
    window->deleteSelectedTask();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window->findChild<QMessageBox *>(u"confirmDeleteBox"_s)) && box->isVisible());
    QVERIFY2(box->informativeText().contains(u"Undo"_s), qPrintable(box->informativeText()));
    box->findChild<QPushButton *>(u"confirmDeleteButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(serverTasks().size(), 0, timeoutMs);
    settle(*window);
    undo(*window);
    QTRY_COMPARE_WITH_TIMEOUT(serverTasks().size(), 1, timeoutMs);
    const QJsonObject back = serverTasks().first().toObject();
    QCOMPARE(back[u"title"_s].toString(), u"Bring me back"_s);
    QCOMPARE(back[u"priority"_s].toString(), u"high"_s);
    QCOMPARE(back[u"assignee"_s].toString(), u"ann"_s);
}

void TestUndo::undoBulkChangeAsOneStep()
{
    const QString a = create(u"Bulk A"_s);
    const QString b = create(u"Bulk B"_s);
    create(u"Not selected"_s);
    auto window = m_fixture.open();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 3, timeoutMs);
    window->selectTask(a);
    const int rowB = DesktopWindowFixture::row(*window, u"Bulk B"_s);
    window->taskView()->selectionModel()->select(window->taskView()->model()->index(rowB, 0),
                                                 QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(window->page()->selectedTaskIds().size(), 2);
    window->page()->setSelectedPriority(TaskPriority::High);
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(b)[u"priority"_s].toString(), u"high"_s, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(a)[u"priority"_s].toString(), u"high"_s, timeoutMs);
    settle(*window);
    QCOMPARE(window->undoStack()->count(), 1); // one step for the two
    undo(*window);
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(a)[u"priority"_s].toString(), u"medium"_s, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(b)[u"priority"_s].toString(), u"medium"_s, timeoutMs);
}

void TestUndo::escapeWithChangesAsks()
{
    auto window = m_fixture.open();
    window->newTask();
    TaskDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<TaskDialog *>()) && dialog->isVisible());
    // Untouched: Escape closes at once.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());
    QTRY_VERIFY(!window->findChild<TaskDialog *>());

    window->newTask();
    QTRY_VERIFY((dialog = window->findChild<TaskDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"titleEdit"_s), u"Half typed"_s);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QMessageBox *ask = nullptr;
    QTRY_VERIFY((ask = dialog->findChild<QMessageBox *>(u"discardChangesBox"_s)) && ask->isVisible());
    // Keep editing (the default, also Escape): everything typed is still there.
    QTest::keyClick(ask, Qt::Key_Escape);
    QTRY_VERIFY(!dialog->findChild<QMessageBox *>(u"discardChangesBox"_s));
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QLineEdit *>(u"titleEdit"_s)->text(), u"Half typed"_s);
    // Discard: gone.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY((ask = dialog->findChild<QMessageBox *>(u"discardChangesBox"_s)) && ask->isVisible());
    ask->findChild<QPushButton *>(u"discardButton"_s)->click();
    QTRY_VERIFY(!window->findChild<TaskDialog *>());
    QCOMPARE(serverTasks().size(), 0);
}

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
