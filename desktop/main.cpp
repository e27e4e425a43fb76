#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/bundledicon.h>
#include <taskflow/desktop/conflictdialog.h>
#include <taskflow/desktop/mainwindow.h>
#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/taskstore.h>
#include <taskflow/desktop/tasklistpage.h>
#include <taskflow/desktop/tasktablemodel.h>
#include <taskflow/desktop/serversession.h>
#include <taskflow/desktop/theme.h>
#include <taskflow/desktop/translations.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QScreen>
#include <QTableView>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Saves what the screen shows of `window` (dialogs on top included), then quits.
void saveScreenshot(QWidget *window, const QString &file)
{
    const QRect frame = window->frameGeometry();
    QScreen *screen = window->screen();
    QPixmap picture = screen->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height());
    if (picture.isNull() || QGuiApplication::platformName() == u"offscreen"_s)
        picture = window->grab();
    const bool saved = picture.save(file);
    std::fprintf(saved ? stdout : stderr, "%s %s\n",
                 saved ? "screenshot saved to" : "could not save screenshot to", qPrintable(file));
    QApplication::exit(saved ? 0 : 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"TaskFlow"_s);
    QApplication::setOrganizationDomain(u"taskflow.org"_s);
    QApplication::setApplicationName(u"TaskFlow"_s);
    QApplication::setApplicationDisplayName(u"TaskFlow"_s);
    QApplication::setApplicationVersion(QStringLiteral(TASKFLOW_VERSION));
    QApplication::setWindowIcon(taskflow::bundledIcon(u"taskflow"_s));
    QGuiApplication::setDesktopFileName(u"taskflow"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"TaskFlow desktop client"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        u"server"_s, u"TaskFlow server to use for this run (default: the saved one, else %1)."_s.arg(
                         taskflow::Settings::defaultServerUrl().toString()),
        u"url"_s);
    const QCommandLineOption languageOption(u"language"_s, u"Language for this run: en or fr."_s, u"code"_s);
    const QCommandLineOption themeOption(u"theme"_s, u"Look for this run: light or dark."_s, u"name"_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        u"Save a picture of the window to <file> once the tasks are shown (or the server is "
        "found unreachable), then quit."_s,
        u"file"_s);
    const QCommandLineOption conflictOption(
        u"screenshot-conflict"_s, u"With --screenshot: show the conflict view of the first task."_s);
    const QCommandLineOption dashboardOption(u"dashboard"_s, u"Open on the dashboard."_s);
    parser.addOption(serverOption);
    parser.addOption(languageOption);
    parser.addOption(themeOption);
    parser.addOption(dashboardOption);
    parser.addOption(screenshotOption);
    parser.addOption(conflictOption);
    parser.process(app);

    taskflow::Settings settings;
    if (parser.isSet(serverOption)) {
        const QUrl url = taskflow::ApiClient::serverUrlFromUserInput(parser.value(serverOption));
        if (!url.isValid()) {
            std::fprintf(stderr, "taskflow-desktop: --server needs an http:// or https:// address, not '%s'\n",
                         qPrintable(parser.value(serverOption)));
            return 2;
        }
        settings.overrideServerUrl(url);
    }
    taskflow::installTranslations(app, parser.isSet(languageOption) ? parser.value(languageOption)
                                                                    : settings.language());
    taskflow::applyTheme(parser.isSet(themeOption) ? parser.value(themeOption) : settings.theme());

    taskflow::MainWindow window(settings);
    window.show();
    if (parser.isSet(dashboardOption))
        window.showDashboard(true);

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const bool conflict = parser.isSet(conflictOption);
        auto *store = window.taskStore();
        const auto shoot = [&window, file, conflict] {
            // Let the counts arrive and the table paint before the picture is taken.
            QTimer::singleShot(900, &window, [&window, file, conflict] {
                const QAbstractItemModel *model = window.taskView()->model();
                if (conflict && model->rowCount() > 0) {
                    window.selectTask(model->index(0, 0).data(taskflow::TaskTableModel::TaskIdRole).toString());
                    const auto mine = model->index(0, 0).data(taskflow::TaskTableModel::TaskRole).value<taskflow::Task>();
                    taskflow::Task theirs = mine;
                    theirs.title = mine.title + QCoreApplication::translate("main", " (reworded)");
                    theirs.status = taskflow::TaskStatus::InProgress;
                    theirs.assignee = u"sam"_s;
                    taskflow::Task yours = mine;
                    yours.priority = taskflow::TaskPriority::High;
                    yours.title = mine.title + QCoreApplication::translate("main", " (mine)");
                    auto *dialog = new taskflow::ConflictDialog(mine, yours, theirs, &window);
                    dialog->open();
                    QTimer::singleShot(500, &window, [dialog, file] { saveScreenshot(dialog, file); });
                    return;
                }
                saveScreenshot(&window, file);
            });
        };
        QObject::connect(store, &taskflow::TaskStore::refreshed, &window, shoot, Qt::SingleShotConnection);
        QObject::connect(store, &taskflow::TaskStore::refreshFailed, &window, shoot, Qt::SingleShotConnection);
    }
    return app.exec();
}
