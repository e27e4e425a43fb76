// Working while the server is away: changes queue on disk (QSQLITE), show as pending, survive
// a restart of the app, and go to the server in order when it is back, each on the version the
// user saw; a real clash opens the conflict view. The last list stays readable offline.

#include <taskflow/desktop/conflictdialog.h>
#include <taskflow/desktop/connectionbanner.h>
#include <taskflow/desktop/tasklistpage.h>
#include "desktopwindow.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

constexpr int timeoutMs = 15000;

} // namespace

class TestOffline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void queueSurvivesAnAppRestartAndIsSentInOrder();
    void queuedCreateKeepsItsLaterEdits();
    void cachedListIsReadableOffline();
    void clashOnReplayOpensTheConflictView();

private:
    bool startServer();
    void stopServer() { m_server->stop(); }
    QJsonArray serverTasks() { return HttpClient(m_url).get(u"/tasks"_s).array(); }
    QJsonObject serverTask(const QString &title);
    void quickAdd(MainWindow &window, const QString &text);

    TestDatabase m_database;
    std::unique_ptr<TestServer> m_server;
    QUrl m_url;
    quint16 m_port = 0;
    DesktopWindowFixture m_fixture;
};

void TestOffline::initTestCase()
{
    DesktopWindowFixture::setUpApplication(u"tst_offline"_s);
    TASKFLOW_REQUIRE_DATABASE(m_database);
    QVERIFY(startServer());
    m_port = m_server->port();
    m_url = m_server->url();
}

bool TestOffline::startServer()
{
    m_server = std::make_unique<TestServer>();
    QStringList arguments;
    if (m_port)
        arguments << u"--port"_s << QString::number(m_port);
    const bool started = m_server->start(m_database.url(), {}, arguments);
    if (!started)
        qWarning() << m_server->output();
    return started;
}

void TestOffline::init()
{
    if (!m_server->isRunning())
        QVERIFY(startServer());
    deleteEveryTask(m_url);
    m_fixture.reset(m_url);
}

void TestOffline::cleanup()
{
    DesktopWindowFixture::closeDialogs();
}

QJsonObject TestOffline::serverTask(const QString &title)
{
    for (const QJsonValue &task : serverTasks()) {
        if (task[u"title"_s].toString() == title)
            return task.toObject();
    }
    return {};
}

void TestOffline::quickAdd(MainWindow &window, const QString &text)
{
    QLineEdit *line = window.page()->quickAddEdit();
    line->setText(text);
    QTest::keyClick(line, Qt::Key_Return);
}

void TestOffline::queueSurvivesAnAppRestartAndIsSentInOrder()
{
    HttpClient http(m_url);
    const QString doneLater = http.post(u"/tasks"_s, DesktopWindowFixture::body(u"Finish me"_s)).object()[u"id"_s].toString();
    const QString doomed = http.post(u"/tasks"_s, DesktopWindowFixture::body(u"Delete me"_s)).object()[u"id"_s].toString();
    {
        auto window = m_fixture.open();
        QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 2, timeoutMs);
        stopServer();
        QTRY_VERIFY_WITH_TIMEOUT(!window->taskStore()->isConnected(), timeoutMs);

        quickAdd(*window, u"Written offline !high @ann"_s);
        window->selectTask(doneLater);
        window->page()->toggleSelectedDone();
        window->selectTask(doomed);
        window->taskStore()->deleteTask(*window->taskStore()->task(doomed), nullptr, nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->pendingCount(), 3, timeoutMs);
        // Shown as they will be, marked as not sent.
        QCOMPARE(DesktopWindowFixture::titles(*window), (QStringList{u"Finish me"_s, u"Written offline"_s}));
        const int added = DesktopWindowFixture::row(*window, u"Written offline"_s);
        QVERIFY(window->taskView()->model()->index(added, 0).data(TaskTableModel::PendingRole).toBool());
        const int finished = DesktopWindowFixture::row(*window, u"Finish me"_s);
        QCOMPARE(window->taskView()->model()->index(finished, TaskTableModel::DoneColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        window->close();
    } // the app quits with three changes unsent

    // Started again, still offline: the same three, from disk.
    auto window = m_fixture.open();
    QCOMPARE(window->taskStore()->pendingCount(), 3);
    QCOMPARE(DesktopWindowFixture::titles(*window), (QStringList{u"Finish me"_s, u"Written offline"_s}));

    // The server is back: sent by themselves, in order, and the pending marks go.
    QVERIFY(startServer());
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->pendingCount(), 0, 3 * timeoutMs);
    const QJsonObject added = serverTask(u"Written offline"_s);
    QCOMPARE(added[u"priority"_s].toString(), u"high"_s);
    QCOMPARE(added[u"assignee"_s].toString(), u"ann"_s);
    QCOMPARE(serverTask(u"Finish me"_s)[u"status"_s].toString(), u"done"_s);
    QCOMPARE(HttpClient(m_url).get(u"/tasks/"_s + doomed).status, 404);
    QCOMPARE(serverTasks().size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(DesktopWindowFixture::titles(*window),
                              (QStringList{u"Finish me"_s, u"Written offline"_s}), timeoutMs);
    for (int r = 0; r < window->taskView()->model()->rowCount(); ++r)
        QVERIFY(!window->taskView()->model()->index(r, 0).data(TaskTableModel::PendingRole).toBool());
}

void TestOffline::queuedCreateKeepsItsLaterEdits()
{
    auto window = m_fixture.open();
    QTRY_VERIFY_WITH_TIMEOUT(window->taskStore()->hasLoaded(), timeoutMs);
    stopServer();
    QTRY_VERIFY_WITH_TIMEOUT(!window->taskStore()->isConnected(), timeoutMs);
    quickAdd(*window, u"Draft"_s);
    QTRY_COMPARE(window->taskView()->model()->rowCount(), 1);
    const auto draft = window->taskStore()->task(
        window->taskView()->model()->index(0, 0).data(TaskTableModel::TaskIdRole).toString());
    QVERIFY(draft);
    QVERIFY(PendingWrite::isLocalId(draft->id));
    // Edited twice before it ever reached the server.
    TaskChanges rename;
    rename.title = u"Draft, reworded"_s;
    window->taskStore()->updateTask(*draft, rename, nullptr, nullptr);
    TaskChanges start;
    start.status = TaskStatus::InProgress;
    window->taskStore()->updateTask(*window->taskStore()->task(draft->id), start, nullptr, nullptr);
    QCOMPARE(DesktopWindowFixture::titles(*window), QStringList{u"Draft, reworded"_s});

    QVERIFY(startServer());
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->pendingCount(), 0, 3 * timeoutMs);
    const QJsonArray tasks = serverTasks();
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.first()[u"title"_s].toString(), u"Draft, reworded"_s);
    QCOMPARE(tasks.first()[u"status"_s].toString(), u"in_progress"_s);
    // The local id now leads to the server's task.
    QCOMPARE(window->taskStore()->currentId(draft->id), tasks.first()[u"id"_s].toString());
}

void TestOffline::cachedListIsReadableOffline()
{
    HttpClient(m_url).post(u"/tasks"_s, DesktopWindowFixture::body(u"Remembered"_s));
    {
        auto window = m_fixture.open();
        QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 1, timeoutMs);
    }
    stopServer();
    auto window = m_fixture.open();
    // At once, before any answer: the list as last received.
    QCOMPARE(DesktopWindowFixture::titles(*window), QStringList{u"Remembered"_s});
    QTRY_VERIFY_WITH_TIMEOUT(window->connectionBanner()->isVisible(), timeoutMs);
    QCOMPARE(DesktopWindowFixture::titles(*window), QStringList{u"Remembered"_s});
}

void TestOffline::clashOnReplayOpensTheConflictView()
{
    HttpClient http(m_url);
    const QString id = http.post(u"/tasks"_s, DesktopWindowFixture::body(u"Contested"_s)).object()[u"id"_s].toString();
    auto window = m_fixture.open();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskView()->model()->rowCount(), 1, timeoutMs);
    stopServer();
    QTRY_VERIFY_WITH_TIMEOUT(!window->taskStore()->isConnected(), timeoutMs);
    TaskChanges mine;
    mine.title = u"Contested (mine)"_s;
    mine.priority = TaskPriority::High;
    window->taskStore()->updateTask(*window->taskStore()->task(id), mine, nullptr, nullptr);

    // Meanwhile, elsewhere, the same field changed to something else (and another field too).
    QVERIFY(startServer());
    QCOMPARE(HttpClient(m_url).put(u"/tasks/"_s + id, R"json({"title":"Contested (theirs)","assignee":"sam"})json").status, 200);

    ConflictDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<ConflictDialog *>()) && dialog->isVisible(), 3 * timeoutMs);
    QCOMPARE(dialog->conflictingFields(), (QStringList{u"title"_s, u"priority"_s, u"assignee"_s}));
    // Nothing was written over theirs while the user decides.
    QCOMPARE(serverTask(u"Contested (theirs)"_s)[u"priority"_s].toString(), u"medium"_s);
    dialog->choose(u"title"_s, false); // their title, my priority, their assignee
    dialog->findChild<QPushButton *>(u"mergeButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(window->taskStore()->pendingCount(), 0, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(serverTask(u"Contested (theirs)"_s)[u"priority"_s].toString(), u"high"_s, timeoutMs);
    const QJsonObject merged = serverTask(u"Contested (theirs)"_s);
    QCOMPARE(merged[u"assignee"_s].toString(), u"sam"_s);
}

QTEST_MAIN(TestOffline)
#include "tst_offline.moc"
