// The real MainWindow against a real taskflow-server, driven as a user would: through the
// toolbar actions, the task dialog, the confirmation box, the filters and the retry banner.
// What the window did is checked on the server too (HttpClient), not only on screen. API tokens
// go to the throwaway settings file (TASKFLOW_TOKEN_STORE=settings), never to a keyring.

#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/connectionbanner.h>
#include <taskflow/desktop/dashboardwidget.h>
#include <taskflow/desktop/filterbar.h>
#include <taskflow/common/isodatetime.h>
#include <taskflow/desktop/mainwindow.h>
#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/settingsdialog.h>
#include <taskflow/desktop/statsbar.h>
#include <taskflow/desktop/taskdialog.h>
#include <taskflow/desktop/taskfiltermodel.h>
#include <taskflow/desktop/tasklistpage.h>
#include <taskflow/desktop/taskstore.h>
#include <taskflow/desktop/tasktablemodel.h>
#include <taskflow/desktop/tokenstore.h>
#include "desktopwindow.h"
#include "scriptedhttpserver.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

constexpr int networkTimeoutMs = 10000;
constexpr std::chrono::milliseconds fastPolling{250};

QByteArray taskBody(const QString &title, const QString &status = u"todo"_s,
                    const QString &priority = u"medium"_s, const QString &assignee = {},
                    const QString &description = {})
{
    QJsonObject body{{u"title"_s, title}, {u"status"_s, status}, {u"priority"_s, priority}};
    if (!assignee.isEmpty())
        body.insert(u"assignee"_s, assignee);
    if (!description.isEmpty())
        body.insert(u"description"_s, description);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheServersTasks();
    void createThroughTheDialog();
    void titleCountIsLive();
    void localValidationKeepsTheDialogOpen();
    void serverValidationIsShownNextToTheField();
    void dueDateIsSentAsUtc();
    void editByDoubleClick();
    void editKeepsUntouchedFields();
    void deleteAsksForConfirmation();
    void markAsDoneFromTheMenu();
    void filtersGoToTheServer();
    void searchGoesToTheServer();
    void changesElsewhereAppearAndKeepTheSelection();
    void shortcuts();
    void dashboardShowsTheCounts();
    void serverGoesAwayAndComesBack();
    void saveWhileOfflineIsQueuedAndSent();
    void slowServerShowsBusyThenAMessage();
    void settingsAreRemembered();
    void settingsTestConnection();
    void tokenThroughTheSettingsDialog();
    void storedTokenIsReadBeforeTheFirstRequest();
    void aboutShowsTheVersion();

private:
    std::unique_ptr<MainWindow> openWindow(const QUrl &server = {});
    QString createTask(const QByteArray &body);
    QJsonArray serverTasks();
    QStringList shownTitles(MainWindow &window) const;
    int shownRow(MainWindow &window, const QString &title) const;
    void selectTitle(MainWindow &window, const QString &title);
    TaskDialog *waitForTaskDialog(MainWindow &window);
    QMessageBox *waitForConfirmation(MainWindow &window);

    TestDatabase m_database;
    TestServer m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<Settings> m_settings;
};

void TestMainWindow::initTestCase()
{
    DesktopWindowFixture::setUpApplication(u"tst_mainwindow"_s);
    TASKFLOW_REQUIRE_DATABASE(m_database);
    QVERIFY2(m_server.start(m_database.url()), qPrintable(m_server.output()));
    m_http = std::make_unique<HttpClient>(m_server.url());
}

void TestMainWindow::init()
{
    deleteEveryTask(m_server.url());
    m_settingsDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_settingsDir->isValid());
    m_settings = std::make_unique<Settings>(m_settingsDir->filePath(u"taskflow.ini"_s));
    m_settings->setServerUrl(m_server.url());
    // Each test starts without the queue and cached list an earlier one left.
    DesktopWindowFixture::forgetOfflineFiles(m_server.url());
}

void TestMainWindow::cleanup()
{
    DesktopWindowFixture::closeDialogs();
    m_settings.reset();
    m_settingsDir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow(const QUrl &server)
{
    if (server.isValid())
        m_settings->overrideServerUrl(server);
    auto window = std::make_unique<MainWindow>(*m_settings);
    window->taskStore()->setPollInterval(fastPolling);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

QString TestMainWindow::createTask(const QByteArray &body)
{
    const HttpClient::Reply reply = m_http->post(u"/tasks"_s, body);
    if (reply.status != 201)
        qWarning() << "seeding failed:" << reply.status << reply.body;
    return reply.object().value(u"id"_s).toString();
}

QJsonArray TestMainWindow::serverTasks()
{
    return m_http->get(u"/tasks"_s).array();
}

QStringList TestMainWindow::shownTitles(MainWindow &window) const
{
    QStringList titles;
    const QAbstractItemModel *model = window.taskView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        titles.append(model->index(row, TaskTableModel::TitleColumn).data().toString());
    titles.sort();
    return titles;
}

int TestMainWindow::shownRow(MainWindow &window, const QString &title) const
{
    const QAbstractItemModel *model = window.taskView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, TaskTableModel::TitleColumn).data().toString() == title)
            return row;
    }
    return -1;
}

void TestMainWindow::selectTitle(MainWindow &window, const QString &title)
{
    const int row = shownRow(window, title);
    QVERIFY2(row >= 0, qPrintable(title));
    QTableView *view = window.taskView();
    const QRect cell = view->visualRect(view->model()->index(row, TaskTableModel::TitleColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(window.selectedTaskId(), view->model()->index(row, 0).data(TaskTableModel::TaskIdRole).toString());
}

TaskDialog *TestMainWindow::waitForTaskDialog(MainWindow &window)
{
    TaskDialog *dialog = nullptr;
    (void)QTest::qWaitFor([&] {
        dialog = window.findChild<TaskDialog *>();
        return dialog && dialog->isVisible();
    }, networkTimeoutMs);
    return dialog;
}

QMessageBox *TestMainWindow::waitForConfirmation(MainWindow &window)
{
    QMessageBox *box = nullptr;
    (void)QTest::qWaitFor([&] {
        box = window.findChild<QMessageBox *>(u"confirmDeleteBox"_s);
        return box && box->isVisible();
    }, networkTimeoutMs);
    return box;
}

void TestMainWindow::showsTheServersTasks()
{
    createTask(taskBody(u"Buy milk"_s));
    createTask(taskBody(u"Ship 1.0"_s, u"in_progress"_s, u"high"_s, u"ann"_s));
    createTask(taskBody(u"Celebrate"_s, u"done"_s));
    auto window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(shownTitles(*window),
                              (QStringList{u"Buy milk"_s, u"Celebrate"_s, u"Ship 1.0"_s}),
                              networkTimeoutMs);
    const int row = shownRow(*window, u"Ship 1.0"_s);
    const QAbstractItemModel *model = window->taskView()->model();
    QCOMPARE(model->index(row, TaskTableModel::StatusColumn).data().toString(), u"In progress"_s);
    QCOMPARE(model->index(row, TaskTableModel::PriorityColumn).data().toString(), u"High"_s);
    QCOMPARE(model->index(row, TaskTableModel::AssigneeColumn).data().toString(), u"ann"_s);

    // The counts come from GET /tasks/stats.
    QTRY_COMPARE(window->statsBar()->stats().total, 3);
    QCOMPARE(window->statsBar()->stats().count(TaskStatus::Done), 1);
    auto *todoChip = window->statsBar()->findChild<QLabel *>(u"todoCount"_s);
    QVERIFY(todoChip);
    QVERIFY2(todoChip->text().contains(u"To do"_s) && todoChip->text().contains(u"1"_s),
             qPrintable(todoChip->text()));
    QVERIFY(!window->connectionBanner()->isVisible());
    QVERIFY(window->windowTitle().contains(m_server.url().authority()));
}

void TestMainWindow::createThroughTheDialog()
{
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->taskStore()->hasLoaded(), networkTimeoutMs);
    QCOMPARE(window->taskView()->model()->rowCount(), 0);

    window->findChild<QAction *>(u"newTaskAction"_s)->trigger();
    QPointer<TaskDialog> dialog = waitForTaskDialog(*window);
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), TaskDialog::Mode::Create);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"titleEdit"_s), u"Write the quarterly report"_s);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"descriptionEdit"_s), u"Numbers from finance"_s);
    dialog->findChild<QComboBox *>(u"priorityCombo"_s)->setCurrentIndex(int(TaskPriority::High));
    dialog->findChild<QComboBox *>(u"statusCombo"_s)->setCurrentIndex(int(TaskStatus::InProgress));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"assigneeEdit"_s), u"Dana"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!dialog, networkTimeoutMs); // accepted and deleted
    QTRY_COMPARE(shownTitles(*window), QStringList{u"Write the quarterly report"_s});
    // Selected, so the keyboard can go on with it.
    QCOMPARE(window->taskView()->model()
                 ->index(shownRow(*window, u"Write the quarterly report"_s), 0)
                 .data(TaskTableModel::TaskIdRole).toString(),
             window->selectedTaskId());

    const QJsonArray tasks = serverTasks();
    QCOMPARE(tasks.size(), 1);
    const QJsonObject task = tasks.first().toObject();
    QCOMPARE(task[u"title"_s].toString(), u"Write the quarterly report"_s);
    QCOMPARE(task[u"description"_s].toString(), u"Numbers from finance"_s);
    QCOMPARE(task[u"priority"_s].toString(), u"high"_s);
    QCOMPARE(task[u"status"_s].toString(), u"in_progress"_s);
    QCOMPARE(task[u"assignee"_s].toString(), u"Dana"_s);
    QVERIFY(task[u"due_date"_s].isNull());
}

void TestMainWindow::titleCountIsLive()
{
    auto window = openWindow();
    window->newTask();
    TaskDialog *dialog = waitForTaskDialog(*window);
    QVERIFY(dialog);
    auto *count = dialog->findChild<QLabel *>(u"titleCount"_s);
    QCOMPARE(count->text(), u"0 / 200"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"titleEdit"_s), u"Hello"_s);
    QCOMPARE(count->text(), u"5 / 200"_s);
    dialog->findChild<QLineEdit *>(u"titleEdit"_s)->insert(u" 😀"_s);
    QCOMPARE(count->text(), u"7 / 200"_s); // characters, not UTF-16 units
    dialog->findChild<QLineEdit *>(u"titleEdit"_s)->setText(QString(201, u'x'));
    QCOMPARE(count->text(), u"201 / 200"_s);
    dialog->reject();
}

void TestMainWindow::localValidationKeepsTheDialogOpen()
{
    auto window = openWindow();
    window->newTask();
    QPointer<TaskDialog> dialog = waitForTaskDialog(*window);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"titleEdit"_s), u"   "_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"assigneeEdit"_s), QString(101, u'a'));
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);

    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(!dialog->isSaving());
    auto *titleError = dialog->findChild<QLabel *>(u"titleError"_s);
    QVERIFY(titleError->isVisible());
    QVERIFY2(titleError->text().contains(u"only spaces"_s), qPrintable(titleError->text()));
    auto *assigneeError = dialog->findChild<QLabel *>(u"assigneeError"_s);
    QVERIFY(assigneeError->isVisible());
    QVERIFY2(assigneeError->text().contains(u"100"_s), qPrintable(assigneeError->text()));
    QCOMPARE(dialog->findChild<QLineEdit *>(u"titleEdit"_s)->text(), u"   "_s);
    QVERIFY(serverTasks().isEmpty()); // nothing was sent
    dialog->reject();
}

void TestMainWindow::serverValidationIsShownNextToTheField()
{
    auto window = openWindow();
    window->newTask();
    QPointer<TaskDialog> dialog = waitForTaskDialog(*window);
    QVERIFY(dialog);
    dialog->setValidatesLocally(false); // let the server be the one to refuse
    const QString tooLong(Task::titleMaxLength + 5, u'y');
    dialog->findChild<QLineEdit *>(u"titleEdit"_s)->setText(tooLong);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"descriptionEdit"_s), u"kept"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);

    auto *titleError = dialog->findChild<QLabel *>(u"titleError"_s);
    QTRY_VERIFY_WITH_TIMEOUT(titleError->isVisible(), networkTimeoutMs);
    // FastAPI's message for the field named in `loc`.
    // The server's English words, in the user's language (English here: the English plurals).
    QCOMPARE(titleError->text(), u"At most 200 characters."_s);
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(!dialog->isSaving());
    QCOMPARE(dialog->findChild<QLineEdit *>(u"titleEdit"_s)->text(), tooLong);
    QCOMPARE(dialog->findChild<QPlainTextEdit *>(u"descriptionEdit"_s)->toPlainText(), u"kept"_s);
    QVERIFY(dialog->findChild<QPushButton *>(u"saveButton"_s)->isEnabled());
    QVERIFY(serverTasks().isEmpty());

    // Fixing the field and saving again works.
    dialog->findChild<QLineEdit *>(u"titleEdit"_s)->setText(u"Short enough"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, networkTimeoutMs);
    QCOMPARE(serverTasks().size(), 1);
}

void TestMainWindow::dueDateIsSentAsUtc()
{
    auto window = openWindow();
    window->newTask();
    QPointer<TaskDialog> dialog = waitForTaskDialog(*window);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"titleEdit"_s), u"Dentist"_s);
    dialog->findChild<QCheckBox *>(u"dueDateCheck"_s)->setChecked(true);
    const QDateTime local(QDate(2031, 5, 20), QTime(14, 45)); // local time
    dialog->findChild<QDateTimeEdit *>(u"dueDateEdit"_s)->setDateTime(local);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, networkTimeoutMs);

    const QJsonArray tasks = serverTasks();
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.first()[u"due_date"_s].toString(), IsoDateTime::toApi(local.toUTC()));
}

void TestMainWindow::editByDoubleClick()
{
    const QString id = createTask(taskBody(u"Draft"_s, u"todo"_s, u"low"_s, u"ann"_s));
    createTask(taskBody(u"Other"_s));
    auto window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 2, networkTimeoutMs);

    QTableView *view = window->taskView();
    const int row = shownRow(*window, u"Draft"_s);
    const QRect cell = view->visualRect(view->model()->index(row, TaskTableModel::TitleColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QPointer<TaskDialog> dialog = waitForTaskDialog(*window);
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), TaskDialog::Mode::Edit);
    QCOMPARE(dialog->taskId(), id);
    auto *title = dialog->findChild<QLineEdit *>(u"titleEdit"_s);
    QCOMPARE(title->text(), u"Draft"_s);
    QCOMPARE(dialog->findChild<QLineEdit *>(u"assigneeEdit"_s)->text(), u"ann"_s);
    title->setText(u"Final"_s);
    dialog->findChild<QComboBox *>(u"statusCombo"_s)->setCurrentIndex(int(TaskStatus::Done));
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, networkTimeoutMs);

    QTRY_COMPARE(shownTitles(*window), (QStringList{u"Final"_s, u"Other"_s}));
    QCOMPARE(window->selectedTaskId(), id);
    const QJsonObject task = m_http->get(u"/tasks/"_s + id).object();
    QCOMPARE(task[u"title"_s].toString(), u"Final"_s);
    QCOMPARE(task[u"status"_s].toString(), u"done"_s);
    QCOMPARE(task[u"priority"_s].toString(), u"low"_s);
}

void TestMainWindow::editKeepsUntouchedFields()
{
    const QString id = createTask(taskBody(u"Shared"_s, u"todo"_s, u"low"_s, u"ann"_s));
    // Seconds the editor does not show must not count as an edit of the due date.
    QCOMPARE(m_http->put(u"/tasks/"_s + id, R"({"due_date":"2031-01-01T10:00:30Z"})").status, 200);
    auto window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 1, networkTimeoutMs);
    selectTitle(*window, u"Shared"_s);
    window->findChild<QAction *>(u"editTaskAction"_s)->trigger();
    QPointer<TaskDialog> dialog = waitForTaskDialog(*window);
    QVERIFY(dialog);
    // Meanwhile someone else changes the assignee.
    QCOMPARE(m_http->put(u"/tasks/"_s + id, R"({"assignee":"bob"})").status, 200);
    dialog->findChild<QComboBox *>(u"priorityCombo"_s)->setCurrentIndex(int(TaskPriority::High));
    const TaskChanges changes = dialog->changes();
    QVERIFY(changes.priority);
    QVERIFY(!changes.title && !changes.assignee && !changes.status && !changes.dueDate
            && !changes.description);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, networkTimeoutMs);
    const QJsonObject task = m_http->get(u"/tasks/"_s + id).object();
    QCOMPARE(task[u"priority"_s].toString(), u"high"_s);
    QCOMPARE(task[u"assignee"_s].toString(), u"bob"_s);
    QCOMPARE(task[u"due_date"_s].toString(), u"2031-01-01T10:00:30Z"_s);
}

void TestMainWindow::deleteAsksForConfirmation()
{
    createTask(taskBody(u"Keep me"_s));
    const QString doomed = createTask(taskBody(u"Delete me"_s));
    auto window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 2, networkTimeoutMs);
    selectTitle(*window, u"Delete me"_s);
    QAction *deleteAction = window->findChild<QAction *>(u"deleteTaskAction"_s);
    QVERIFY(deleteAction->isEnabled());

    // Cancel: nothing happens.
    deleteAction->trigger();
    QPointer<QMessageBox> box = waitForConfirmation(*window);
    QVERIFY(box);
    QVERIFY(box->text().contains(u"Delete me"_s));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!box);
    QCOMPARE(serverTasks().size(), 2);
    QCOMPARE(window->taskView()->model()->rowCount(), 2);

    // Confirm: gone from the window and from the server.
    deleteAction->trigger();
    box = waitForConfirmation(*window);
    QVERIFY(box);
    box->findChild<QPushButton *>(u"confirmDeleteButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(shownTitles(*window), QStringList{u"Keep me"_s}, networkTimeoutMs);
    // The row goes at once; the server follows (the write is queued and sent in order).
    QTRY_COMPARE_WITH_TIMEOUT(serverTasks().size(), 1, networkTimeoutMs);
    QCOMPARE(m_http->get(u"/tasks/"_s + doomed).status, 404);
}

void TestMainWindow::markAsDoneFromTheMenu()
{
    const QString id = createTask(taskBody(u"Almost there"_s, u"in_progress"_s));
    auto window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 1, networkTimeoutMs);
    selectTitle(*window, u"Almost there"_s);
    window->findChild<QAction *>(u"markAs_done"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_http->get(u"/tasks/"_s + id).object()[u"status"_s].toString(),
                              u"done"_s, networkTimeoutMs);
    QTRY_COMPARE(window->taskView()->model()->index(0, TaskTableModel::StatusColumn).data().toString(),
                 u"Done"_s);
}

void TestMainWindow::filtersGoToTheServer()
{
    createTask(taskBody(u"Todo low"_s, u"todo"_s, u"low"_s, u"ann"_s));
    createTask(taskBody(u"Todo high"_s, u"todo"_s, u"high"_s, u"bob"_s));
    createTask(taskBody(u"Done high"_s, u"done"_s, u"high"_s, u"ann"_s));
    auto window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 3, networkTimeoutMs);

    auto *status = window->filterBar()->findChild<QComboBox *>(u"statusFilter"_s);
    auto *priority = window->filterBar()->findChild<QComboBox *>(u"priorityFilter"_s);
    auto *assignee = window->filterBar()->findChild<QComboBox *>(u"assigneeFilter"_s);
    status->setCurrentIndex(status->findText(u"To do"_s));
    QTRY_COMPARE_WITH_TIMEOUT(shownTitles(*window), (QStringList{u"Todo high"_s, u"Todo low"_s}),
                              networkTimeoutMs);
    QCOMPARE(window->page()->filterModel()->query().status, std::optional(TaskStatus::Todo));
    // The counts follow the filters.
    QTRY_COMPARE(window->statsBar()->stats().total, 2);

    priority->setCurrentIndex(priority->findText(u"High"_s));
    QTRY_COMPARE_WITH_TIMEOUT(shownTitles(*window), QStringList{u"Todo high"_s}, networkTimeoutMs);

    status->setCurrentIndex(0);
    QTRY_VERIFY(assignee->findText(u"ann"_s) > 0); // known assignees fill the filter
    assignee->setCurrentIndex(assignee->findText(u"ann"_s));
    QTRY_COMPARE_WITH_TIMEOUT(shownTitles(*window), QStringList{u"Done high"_s}, networkTimeoutMs);

    auto *clear = window->filterBar()->findChild<QAbstractButton *>(u"clearFiltersButton"_s);
    QVERIFY(clear->isVisible());
    clear->click();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 3, networkTimeoutMs);
}

void TestMainWindow::searchGoesToTheServer()
{
    createTask(taskBody(u"Quarterly report"_s));
    createTask(taskBody(u"Lunch"_s, u"todo"_s, u"low"_s, {}, u"discuss the REPORT format"_s));
    createTask(taskBody(u"Gym"_s));
    auto window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 3, networkTimeoutMs);

    // Ctrl+F goes to the search box.
    window->activateWindow();
    window->findChild<QAction *>(u"findAction"_s)->trigger();
    auto *search = window->filterBar()->findChild<QLineEdit *>(u"searchEdit"_s);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, u"report"_s);
    QTRY_COMPARE_WITH_TIMEOUT(shownTitles(*window), (QStringList{u"Lunch"_s, u"Quarterly report"_s}),
                              networkTimeoutMs);
    QTest::keyClicks(search, u"xyz"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 0, networkTimeoutMs);
    auto *empty = window->findChild<QLabel *>(u"emptyLabel"_s);
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(u"filters"_s));
}

void TestMainWindow::changesElsewhereAppearAndKeepTheSelection()
{
    for (int i = 0; i < 30; ++i)
        createTask(taskBody(u"Task %1"_s.arg(i, 2, 10, QLatin1Char('0'))));
    auto window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 30, networkTimeoutMs);
    window->taskView()->sortByColumn(TaskTableModel::TitleColumn, Qt::AscendingOrder);
    selectTitle(*window, u"Task 20"_s);
    const QString selected = window->selectedTaskId();
    window->taskView()->scrollTo(window->taskView()->model()->index(shownRow(*window, u"Task 29"_s), 0));
    const int scroll = window->taskView()->verticalScrollBar()->value();
    QVERIFY(scroll > 0);

    // Another client creates, edits and deletes; no refresh is asked for.
    const QString fresh = createTask(taskBody(u"Task 99 from the web"_s));
    QTRY_VERIFY_WITH_TIMEOUT(shownRow(*window, u"Task 99 from the web"_s) >= 0, networkTimeoutMs);
    QCOMPARE(m_http->put(u"/tasks/"_s + selected, R"({"status":"done"})").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()
                                  ->index(shownRow(*window, u"Task 20"_s), TaskTableModel::StatusColumn)
                                  .data().toString(),
                              u"Done"_s, networkTimeoutMs);
    const QString doomed = serverTasks().first()[u"id"_s].toString();
    QVERIFY(doomed != selected);
    QCOMPARE(m_http->del(u"/tasks/"_s + doomed).status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 30, networkTimeoutMs);

    QCOMPARE(window->selectedTaskId(), selected);
    QCOMPARE(window->taskView()->verticalScrollBar()->value(), scroll);
    QVERIFY(!fresh.isEmpty());
}

void TestMainWindow::shortcuts()
{
    createTask(taskBody(u"Only one"_s));
    auto window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 1, networkTimeoutMs);
    // The offscreen platform has no window manager to give the focus back after a dialog.
    const auto focusTable = [&window] {
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->taskView()->setFocus();
        QTRY_VERIFY(window->taskView()->hasFocus());
    };
    focusTable();

    // New.
    QTest::keySequence(window.get(), QKeySequence::New);
    QPointer<TaskDialog> dialog = waitForTaskDialog(*window);
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), TaskDialog::Mode::Create);
    dialog->reject();
    QTRY_VERIFY(!dialog);

    // Edit: Return on the selected row, Ctrl+E, F2.
    focusTable();
    selectTitle(*window, u"Only one"_s);
    QTest::keyClick(window->taskView(), Qt::Key_Return);
    dialog = waitForTaskDialog(*window);
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), TaskDialog::Mode::Edit);
    dialog->reject();
    QTRY_VERIFY(!dialog);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_E), QKeySequence(Qt::Key_F2)}) {
        focusTable();
        QTest::keySequence(window.get(), keys);
        dialog = waitForTaskDialog(*window);
        QVERIFY2(dialog, qPrintable(keys.toString()));
        QCOMPARE(dialog->mode(), TaskDialog::Mode::Edit);
        dialog->reject();
        QTRY_VERIFY(!dialog);
    }

    // Delete asks first.
    focusTable();
    QTest::keySequence(window.get(), QKeySequence::Delete);
    QPointer<QMessageBox> box = waitForConfirmation(*window);
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!box);

    // Refresh brings what changed at once.
    focusTable();
    window->taskStore()->stopPolling();
    createTask(taskBody(u"Second"_s));
    QTest::keySequence(window.get(), QKeySequence(Qt::Key_F5));
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 2, networkTimeoutMs);

    // Find.
    QTest::keySequence(window.get(), QKeySequence::Find);
    QTRY_VERIFY(window->filterBar()->findChild<QLineEdit *>(u"searchEdit"_s)->hasFocus());
}

void TestMainWindow::dashboardShowsTheCounts()
{
    createTask(taskBody(u"a"_s, u"done"_s, u"high"_s));
    createTask(taskBody(u"b"_s, u"todo"_s, u"high"_s));
    createTask(taskBody(u"c"_s, u"in_progress"_s, u"low"_s));
    auto window = openWindow();
    window->findChild<QAction *>(u"dashboardAction"_s)->trigger();
    QVERIFY(window->dashboard()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(window->dashboard()->stats().total, 3, networkTimeoutMs);
    QCOMPARE(window->dashboard()->stats().count(TaskPriority::High), 2);
    QCOMPARE(window->dashboard()->findChild<QLabel *>(u"dashboardTotal"_s)->text(), u"3"_s);
    QCOMPARE(window->dashboard()->findChild<QLabel *>(u"dashboardOpen"_s)->text(), u"2"_s);
    // Edit and delete make no sense on the dashboard.
    QVERIFY(!window->findChild<QAction *>(u"editTaskAction"_s)->isEnabled());
    window->findChild<QAction *>(u"dashboardAction"_s)->trigger();
    QVERIFY(window->taskView()->isVisible());
}

void TestMainWindow::serverGoesAwayAndComesBack()
{
    // A server of its own, on its own database, so stopping it leaves the others alone.
    TestDatabase database;
    QVERIFY(database.create());
    TestServer server;
    QVERIFY2(server.start(database.url()), qPrintable(server.output()));
    HttpClient http(server.url());
    QCOMPARE(http.post(u"/tasks"_s, taskBody(u"Survives"_s)).status, 201);
    QCOMPARE(http.post(u"/tasks"_s, taskBody(u"Me too"_s)).status, 201);

    auto window = openWindow(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 2, networkTimeoutMs);
    const quint16 port = server.port();

    server.stop();
    ConnectionBanner *banner = window->connectionBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), networkTimeoutMs);
    QVERIFY2(banner->message().contains(u"Cannot reach"_s), qPrintable(banner->message()));
    QVERIFY(banner->message().contains(server.url().authority()));
    // What was shown stays shown; the window is not blocked by a modal dialog.
    QCOMPARE(window->taskView()->model()->rowCount(), 2);
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(!window->taskStore()->isConnected());

    // Back on the same port and database, changed meanwhile; Retry brings it in.
    window->taskStore()->stopPolling(); // only Retry may bring it back in this test
    TestServer again;
    QVERIFY2(again.start(database.url(), {}, {u"--port"_s, QString::number(port)}),
             qPrintable(again.output()));
    QCOMPARE(again.port(), port);
    QCOMPARE(HttpClient(again.url()).post(u"/tasks"_s, taskBody(u"Added while away"_s)).status, 201);
    QVERIFY(banner->isVisible());
    QTest::mouseClick(banner->findChild<QPushButton *>(u"retryButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), networkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(shownTitles(*window),
                              (QStringList{u"Added while away"_s, u"Me too"_s, u"Survives"_s}),
                              networkTimeoutMs);
    QVERIFY(window->taskStore()->isConnected());

    // And polling alone recovers too.
    window->taskStore()->startPolling();
    again.stop();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), networkTimeoutMs);
    TestServer third;
    QVERIFY2(third.start(database.url(), {}, {u"--port"_s, QString::number(port)}),
             qPrintable(third.output()));
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), networkTimeoutMs);
}

void TestMainWindow::saveWhileOfflineIsQueuedAndSent()
{
    TestDatabase database;
    QVERIFY(database.create());
    TestServer server;
    QVERIFY2(server.start(database.url()), qPrintable(server.output()));
    auto window = openWindow(server.url());
    QTRY_VERIFY_WITH_TIMEOUT(window->taskStore()->hasLoaded(), networkTimeoutMs);
    const quint16 port = server.port();

    window->newTask();
    QPointer<TaskDialog> dialog = waitForTaskDialog(*window);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"titleEdit"_s), u"Typed while offline"_s);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"descriptionEdit"_s), u"Every word"_s);
    server.stop();
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);

    // The server is away: the save is kept (queued on disk), the dialog closes, the row says so.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, networkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->pendingCount(), 1, networkTimeoutMs);
    QCOMPARE(window->taskView()->model()->rowCount(), 1);
    const QModelIndex row = window->taskView()->model()->index(0, TaskTableModel::TitleColumn);
    QVERIFY(row.data(TaskTableModel::PendingRole).toBool());
    QVERIFY2(row.data().toString().contains(u"not sent yet"_s), qPrintable(row.data().toString()));
    QCOMPARE(row.data(TaskTableModel::TaskRole).value<Task>().description, std::optional(u"Every word"_s));

    // Back: sent by itself, once, with every word.
    TestServer again;
    QVERIFY2(again.start(database.url(), {}, {u"--port"_s, QString::number(port)}),
             qPrintable(again.output()));
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->pendingCount(), 0, 3 * networkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(shownTitles(*window), QStringList{u"Typed while offline"_s},
                              networkTimeoutMs);
    const QJsonArray onServer = HttpClient(again.url()).get(u"/tasks"_s).array();
    QCOMPARE(onServer.size(), 1);
    QCOMPARE(onServer.first()[u"description"_s].toString(), u"Every word"_s);
    QVERIFY(!window->taskView()->model()->index(0, 0).data(TaskTableModel::PendingRole).toBool());
}

void TestMainWindow::slowServerShowsBusyThenAMessage()
{
    ScriptedHttpServer silent;
    QVERIFY(silent.isListening());
    m_settings->overrideServerUrl(silent.url());
    MainWindow window(*m_settings);
    // The window asked at once, with the default timeout; ask again with a short one.
    window.apiClient()->setTimeout(std::chrono::milliseconds(1500));
    window.apiClient()->abortAll();
    window.refresh();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTRY_VERIFY(window.busyIndicator()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window.connectionBanner()->isVisible(), networkTimeoutMs);
    QVERIFY2(window.connectionBanner()->message().contains(u"did not answer"_s),
             qPrintable(window.connectionBanner()->message()));
    QVERIFY(!QApplication::activeModalWidget());
    QTRY_VERIFY(!window.busyIndicator()->isVisible());
}

void TestMainWindow::settingsAreRemembered()
{
    createTask(taskBody(u"x"_s, u"done"_s));
    QByteArray header;
    QSize remembered;
    {
        auto window = openWindow();
        // A size other than the default that the window keeps on every Qt: narrower than the
        // offscreen platform's 800-pixel screen (Qt 6.8 shrinks a restored geometry to the
        // screen), wider than the window's minimum once its table is filled (763 here, which
        // restoring enforces), and 40 pixels lower than the default.
        const QSize defaultSize = window->size();
        window->resize(790, defaultSize.height() - 40);
        auto *status = window->filterBar()->findChild<QComboBox *>(u"statusFilter"_s);
        status->setCurrentIndex(status->findText(u"Done"_s));
        window->taskView()->horizontalHeader()->resizeSection(TaskTableModel::AssigneeColumn, 211);
        window->taskView()->sortByColumn(TaskTableModel::TitleColumn, Qt::DescendingOrder);
        // As the window was left (its layout may have widened it to its minimum meanwhile).
        remembered = window->size();
        QVERIFY2(remembered.height() != defaultSize.height(), "the window kept its default height");
        window->close();
    }
    auto window = openWindow();
    QCOMPARE(window->size(), remembered);
    QCOMPARE(window->taskView()->horizontalHeader()->sectionSize(TaskTableModel::AssigneeColumn), 211);
    QCOMPARE(window->sortModel()->sortColumn(), int(TaskTableModel::TitleColumn));
    QCOMPARE(window->sortModel()->sortOrder(), Qt::DescendingOrder);
    QCOMPARE(window->filterBar()->query().status, std::optional(TaskStatus::Done));
    QCOMPARE(window->page()->filterModel()->query().status, std::optional(TaskStatus::Done));
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 1, networkTimeoutMs);
    QCOMPARE(m_settings->serverUrl(), m_server.url());
}

void TestMainWindow::settingsTestConnection()
{
    auto window = openWindow(QUrl(u"http://127.0.0.1:9"_s)); // --server for this run
    window->findChild<QAction *>(u"settingsAction"_s)->trigger();
    QPointer<SettingsDialog> dialog;
    QTRY_VERIFY((dialog = window->findChild<SettingsDialog *>()) && dialog->isVisible());
    auto *url = dialog->findChild<QLineEdit *>(u"serverUrlEdit"_s);
    QCOMPARE(url->text(), u"http://127.0.0.1:9"_s);

    url->setText(u"not a url at all"_s);
    QVERIFY(!dialog->findChild<QPushButton *>(u"testConnectionButton"_s)->isEnabled());
    url->setText(m_server.url().toString());
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"testConnectionButton"_s), Qt::LeftButton);
    auto *result = dialog->findChild<QLabel *>(u"connectionResult"_s);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(u"healthy"_s), networkTimeoutMs);
    QVERIFY(result->text().contains(u"connected"_s));
    auto *tokenResult = dialog->findChild<QLabel *>(u"tokenCheckResult"_s);
    QTRY_VERIFY_WITH_TIMEOUT(tokenResult->text().contains(u"No token needed"_s), networkTimeoutMs);

    dialog->accept();
    QTRY_VERIFY(!dialog);
    QCOMPARE(window->apiClient()->baseUrl(), m_server.url());
    QCOMPARE(m_settings->serverUrl(), m_server.url());
    QTRY_VERIFY_WITH_TIMEOUT(window->taskStore()->isConnected() && window->taskStore()->hasLoaded(),
                             networkTimeoutMs);
}

void TestMainWindow::tokenThroughTheSettingsDialog()
{
    // A server of its own that wants a token.
    const QByteArray token = "desk-token.7Zq";
    TestDatabase database;
    QVERIFY(database.create());
    TestServer server;
    QVERIFY2(server.startWithToken(database.url(), token), qPrintable(server.output()));
    HttpClient http(server.url());
    QCOMPARE(http.post(u"/tasks"_s, taskBody(u"Behind the token"_s), {{"Authorization", "Bearer " + token}}).status,
             201);
    const QString origin = TokenStore::keyFor(server.url());

    // No token yet: the banner says what to do, and offers Settings.
    auto window = openWindow(server.url());
    ConnectionBanner *banner = window->connectionBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), networkTimeoutMs);
    QVERIFY2(banner->message().contains(u"needs an API token"_s), qPrintable(banner->message()));
    auto *settingsButton = banner->findChild<QPushButton *>(u"bannerSettingsButton"_s);
    QVERIFY(settingsButton && settingsButton->isVisible());
    QCOMPARE(window->taskView()->model()->rowCount(), 0);
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY2(window->findChild<QLabel *>(u"connectionText"_s)->text().contains(u"API token"_s),
             qPrintable(window->findChild<QLabel *>(u"connectionText"_s)->text()));

    const auto openSettings = [&](bool fromBanner) -> SettingsDialog * {
        if (fromBanner)
            QTest::mouseClick(settingsButton, Qt::LeftButton);
        else
            window->findChild<QAction *>(u"settingsAction"_s)->trigger();
        SettingsDialog *dialog = nullptr;
        (void)QTest::qWaitFor([&] {
            dialog = window->findChild<SettingsDialog *>();
            return dialog && dialog->isVisible() && dialog->isTokenKnown();
        }, networkTimeoutMs);
        return dialog;
    };

    // A wrong token first. The field hides what is typed, and says where the token is kept.
    QPointer<SettingsDialog> dialog = openSettings(true);
    QVERIFY(dialog);
    auto *tokenEdit = dialog->findChild<QLineEdit *>(u"apiTokenEdit"_s);
    QVERIFY(tokenEdit->text().isEmpty());
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
    QCOMPARE(tokenEdit->placeholderText(), u"Only if the server requires one"_s);
    QCOMPARE(dialog->focusWidget(), tokenEdit); // the banner's Settings… goes straight to it
    auto *note = dialog->findChild<QLabel *>(u"tokenStorageNote"_s);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"settings file"_s) && note->text().contains(m_settings->location()),
             qPrintable(note->text()));
    QTest::keyClicks(tokenEdit, u"wrong-token"_s);
    auto *show = dialog->findChild<QAction *>(u"showTokenAction"_s);
    QVERIFY(show);
    show->trigger();
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Normal);
    show->trigger();
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
    auto *check = dialog->findChild<QLabel *>(u"tokenCheckResult"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"testConnectionButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(check->text().contains(u"Token refused"_s), networkTimeoutMs);
    QVERIFY(dialog->findChild<QLabel *>(u"connectionResult"_s)->text().contains(u"healthy"_s));
    dialog->accept();
    QTRY_VERIFY(!dialog);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->message().contains(u"refused the API token"_s),
                             networkTimeoutMs);
    QCOMPARE(m_settings->apiToken(origin), QByteArray("wrong-token"));

    // The right one: Test connection agrees, OK brings the rows.
    dialog = openSettings(true);
    QVERIFY(dialog);
    tokenEdit = dialog->findChild<QLineEdit *>(u"apiTokenEdit"_s);
    QCOMPARE(tokenEdit->text(), u"wrong-token"_s); // the stored one
    tokenEdit->selectAll();
    QTest::keyClicks(tokenEdit, QString::fromLatin1(token));
    QCOMPARE(dialog->token(), token);
    check = dialog->findChild<QLabel *>(u"tokenCheckResult"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"testConnectionButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(check->text().contains(u"Token accepted"_s), networkTimeoutMs);
    dialog->accept();
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE_WITH_TIMEOUT(shownTitles(*window), QStringList{u"Behind the token"_s}, networkTimeoutMs);
    QTRY_VERIFY(!banner->isVisible());
    QVERIFY(window->taskStore()->isConnected());
    QCOMPARE(window->apiClient()->token(), token);
    QCOMPARE(m_settings->apiToken(origin), token);
    QCOMPARE(m_settings->serverUrl(), server.url());

    // Changes go through with it too.
    window->findChild<QAction *>(u"newTaskAction"_s)->trigger();
    QPointer<TaskDialog> taskDialog = waitForTaskDialog(*window);
    QVERIFY(taskDialog);
    QTest::keyClicks(taskDialog->findChild<QLineEdit *>(u"titleEdit"_s), u"Made with the token"_s);
    QTest::mouseClick(taskDialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!taskDialog, networkTimeoutMs);
    QCOMPARE(http.get(u"/tasks"_s, {{"Authorization", "Bearer " + token}}).array().size(), 2);

    // An empty field deletes the stored token.
    dialog = openSettings(false);
    QVERIFY(dialog);
    tokenEdit = dialog->findChild<QLineEdit *>(u"apiTokenEdit"_s);
    tokenEdit->selectAll();
    QTest::keyClick(tokenEdit, Qt::Key_Delete);
    QVERIFY(dialog->token().isEmpty());
    dialog->accept();
    QTRY_VERIFY(!dialog);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->message().contains(u"needs an API token"_s),
                             networkTimeoutMs);
    QVERIFY(m_settings->apiToken(origin).isEmpty());
    // What was shown stays shown meanwhile.
    QCOMPARE(window->taskView()->model()->rowCount(), 2);
}

void TestMainWindow::storedTokenIsReadBeforeTheFirstRequest()
{
    const QByteArray token = "stored-before-start";
    TestDatabase database;
    QVERIFY(database.create());
    TestServer server;
    QVERIFY2(server.startWithToken(database.url(), token), qPrintable(server.output()));
    QCOMPARE(HttpClient(server.url())
                 .post(u"/tasks"_s, taskBody(u"Seen at once"_s), {{"Authorization", "Bearer " + token}})
                 .status,
             201);
    m_settings->setServerUrl(server.url());
    {
        // With no token stored for the server, nothing waits (nor wakes the credential store).
        MainWindow window(*m_settings);
        QVERIFY(!window.taskStore()->isHeld());
        QVERIFY(window.apiClient()->isBusy());
    }
    m_settings->setApiToken(TokenStore::keyFor(server.url()), token);

    MainWindow window(*m_settings);
    // Nothing goes out until the token is read, so no 401 comes back.
    QVERIFY(window.taskStore()->isHeld());
    QCOMPARE(window.apiClient()->pendingCount(), 0);
    QSignalSpy failures(window.taskStore(), &TaskStore::refreshFailed);
    window.taskStore()->setPollInterval(fastPolling);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(shownTitles(window), QStringList{u"Seen at once"_s}, networkTimeoutMs);
    QCOMPARE(failures.size(), 0);
    QVERIFY(!window.connectionBanner()->isVisible());
    QVERIFY(!window.taskStore()->isHeld());
    QCOMPARE(window.apiClient()->token(), token);
}

void TestMainWindow::aboutShowsTheVersion()
{
    auto window = openWindow();
    QString text;
    QTimer::singleShot(0, this, [&] {
        (void)QTest::qWaitFor([] { return QApplication::activeModalWidget() != nullptr; }, 5000);
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box) {
            text = box->text();
            box->reject();
        }
    });
    window->findChild<QAction *>(u"aboutAction"_s)->trigger();
    QVERIFY2(text.contains(QStringLiteral(TASKFLOW_VERSION)), qPrintable(text));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
