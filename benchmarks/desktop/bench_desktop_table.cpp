// bench-desktop-table: the time from a GET /tasks answer of 10,000 tasks to a painted table,
// through the code the app runs (ApiClient::parseTaskList, TaskTableModel::setTasks, the
// MainWindow's sorting proxy, delegate and view), then a refresh, scrolling and sorting.
// Prints milliseconds; the median of several runs where it says so.

#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/eventstream.h>
#include <taskflow/desktop/mainwindow.h>
#include <taskflow/desktop/serversession.h>
#include <taskflow/desktop/taskfiltermodel.h>
#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/taskstore.h>
#include <taskflow/desktop/tasklistpage.h>
#include <taskflow/desktop/tasktablemodel.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

QList<Task> makeTasks(int count)
{
    const QStringList people{u"Alice Martin"_s, u"Bilal Khan"_s, u"Chen Wei"_s, u"Dana Novak"_s,
                             u"Eva Rossi"_s,    u"Femi Adeyemi"_s, u"Grace Ho"_s};
    const QStringList verbs{u"Review"_s, u"Fix"_s, u"Write"_s, u"Plan"_s, u"Ship"_s, u"Test"_s};
    const QStringList things{u"the login page"_s, u"release notes"_s, u"the billing export"_s,
                             u"onboarding emails"_s, u"the search ranking"_s, u"CI runners"_s};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Task> tasks;
    tasks.reserve(count);
    for (int i = 0; i < count; ++i) {
        Task task;
        task.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        task.title = u"%1 %2 (#%3)"_s.arg(verbs[i % verbs.size()], things[(i / 7) % things.size()]).arg(i);
        if (i % 3 == 0)
            task.description = u"Details for task %1: what, why and how to know it is done."_s.arg(i);
        task.status = allStatuses[std::size_t(i % 3)];
        task.priority = allPriorities[std::size_t((i / 3) % 3)];
        if (i % 5 != 0)
            task.assignee = people[i % people.size()];
        if (i % 4 != 0)
            task.dueDate = now.addSecs(qint64((i % 200) - 60) * 3600 * 6);
        task.createdAt = now.addSecs(-qint64(count - i) * 60);
        task.updatedAt = task.createdAt.addSecs(30);
        tasks.append(task);
    }
    return tasks;
}

// Peak resident memory of the process so far, in MiB (0 where the platform does not say).
double peakMemoryMiB()
{
#ifdef Q_OS_UNIX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
#ifdef Q_OS_MACOS
    return double(usage.ru_maxrss) / (1024.0 * 1024.0);
#else
    return double(usage.ru_maxrss) / 1024.0;
#endif
#else
    return 0;
#endif
}

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

// Lays out and paints the window now, as the next frame would.
void paint(MainWindow &window)
{
    QCoreApplication::processEvents();
    window.taskView()->viewport()->grab();
}

struct Phases
{
    QList<double> parse, model, paint, total;
    void add(double p, double m, double pt)
    {
        parse.append(p);
        model.append(m);
        paint.append(pt);
        total.append(p + m + pt);
    }
    void print(const char *name) const
    {
        std::printf("%-24s parse %8.1f ms   model+sort %8.1f ms   paint %7.1f ms   total %8.1f ms\n",
                    name, median(parse), median(model), median(paint), median(total));
    }
};

// One answer of the server, from bytes to pixels.
void load(MainWindow &window, const QByteArray &json, Phases &phases)
{
    QElapsedTimer timer;
    timer.start();
    const auto tasks = ApiClient::parseTaskList(json);
    const double parsed = ms(timer);
    if (!tasks) {
        std::fprintf(stderr, "bench-desktop-table: the JSON did not parse\n");
        std::exit(1);
    }
    timer.restart();
    window.session()->model()->setTasks(*tasks);
    const double modelled = ms(timer);
    timer.restart();
    paint(window);
    phases.add(parsed, modelled, ms(timer));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times 10,000 tasks from JSON to a painted table."_s);
    parser.addHelpOption();
    const QCommandLineOption countOption(u"tasks"_s, u"How many tasks (default 10000)."_s, u"n"_s,
                                         u"10000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs per measure (default 5)."_s, u"n"_s, u"5"_s);
    parser.addOption(countOption);
    parser.addOption(runsOption);
    parser.process(app);
    const int count = qMax(1, parser.value(countOption).toInt());
    const int runs = qMax(1, parser.value(runsOption).toInt());

    // No keyring: the benchmark never sends a request, so it needs no token either.
    qputenv("TASKFLOW_TOKEN_STORE", "settings");
    QTemporaryDir dir;
    Settings settings(dir.filePath(u"bench.ini"_s));
    settings.overrideServerUrl(QUrl(u"http://127.0.0.1:9"_s)); // never asked: see below
    MainWindow window(settings);
    // The benchmark feeds the model itself: no polling, and no request ever goes out.
    window.taskStore()->setHeld(true);
    window.session()->stop();
    window.apiClient()->abortAll();
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();

    const QList<Task> tasks = makeTasks(count);
    const QByteArray json = Task::listToJson(tasks);
    std::printf("bench-desktop-table: %d tasks, %.1f MB of JSON, Qt %s, platform %s, %d runs\n",
                count, double(json.size()) / 1e6, qVersion(), qPrintable(QGuiApplication::platformName()),
                runs);

    Phases first;
    for (int run = 0; run < runs; ++run) {
        window.session()->model()->setTasks({});
        paint(window);
        load(window, json, first);
    }
    first.print("first load");

    Phases same;
    for (int run = 0; run < runs; ++run)
        load(window, json, same);
    same.print("refresh, nothing new");

    Phases oneChange;
    for (int run = 0; run < runs; ++run) {
        QList<Task> changed = tasks;
        changed[count / 2].title = u"Changed elsewhere, run %1"_s.arg(run);
        changed[count / 2].updatedAt = QDateTime::currentDateTimeUtc();
        load(window, Task::listToJson(changed), oneChange);
    }
    oneChange.print("refresh, one change");

    QTableView *view = window.taskView();
    QScrollBar *scroll = view->verticalScrollBar();
    QList<double> pages;
    QElapsedTimer timer;
    for (int value = 0; value <= scroll->maximum(); value += scroll->pageStep()) {
        timer.start();
        scroll->setValue(value);
        paint(window);
        pages.append(ms(timer));
    }
    std::printf("%-24s %d pages   median %.2f ms   worst %.2f ms per page\n", "scroll top to bottom",
                int(pages.size()), median(pages), *std::max_element(pages.begin(), pages.end()));

    QList<double> sorts;
    for (int column : {int(TaskTableModel::TitleColumn), int(TaskTableModel::PriorityColumn),
                       int(TaskTableModel::DueDateColumn)}) {
        timer.start();
        view->sortByColumn(column, Qt::DescendingOrder);
        paint(window);
        sorts.append(ms(timer));
    }
    std::printf("%-24s title %.1f ms   priority %.1f ms   due date %.1f ms\n", "sort by a column",
                sorts[0], sorts[1], sorts[2]);

    // A filter change: the rows of one status (what the server answers to ?status=todo), then
    // every row again, from the answer to the painted table.
    QList<Task> todo;
    for (const Task &task : tasks) {
        if (task.status == TaskStatus::Todo)
            todo.append(task);
    }
    const QByteArray todoJson = Task::listToJson(todo);
    Phases narrow, widen;
    for (int run = 0; run < runs; ++run) {
        load(window, todoJson, narrow);
        load(window, json, widen);
    }
    narrow.print("filter: status=todo");
    widen.print("filter: cleared");

    // The same filter change as the app makes it now: on the rows it holds, no request.
    QList<double> clientNarrow, clientWiden;
    TaskQuery todoOnly;
    todoOnly.status = TaskStatus::Todo;
    for (int run = 0; run < runs; ++run) {
        timer.start();
        window.page()->filterModel()->setQuery(todoOnly);
        paint(window);
        clientNarrow.append(ms(timer));
        timer.start();
        window.page()->filterModel()->setQuery(TaskQuery{});
        paint(window);
        clientWiden.append(ms(timer));
    }
    std::printf("%-24s status=todo %.1f ms   cleared %.1f ms   search \"reunion\" ", "filter in the app",
                median(clientNarrow), median(clientWiden));
    TaskQuery search;
    search.search = u"reunion"_s;
    timer.start();
    window.page()->filterModel()->setQuery(search);
    paint(window);
    std::printf("%.1f ms\n", ms(timer));
    window.page()->filterModel()->setQuery(TaskQuery{});
    std::printf("%-24s %.1f MiB\n", "peak resident memory", peakMemoryMiB());
    return 0;
}
