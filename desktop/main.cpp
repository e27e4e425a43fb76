#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/mainwindow.h>
#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/taskstore.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"TaskFlow"_s);
    QApplication::setOrganizationDomain(u"taskflow.org"_s);
    QApplication::setApplicationName(u"TaskFlow"_s);
    QApplication::setApplicationDisplayName(u"TaskFlow"_s);
    QApplication::setApplicationVersion(QStringLiteral(TASKFLOW_VERSION));
    QApplication::setWindowIcon(QIcon(u":/icons/taskflow.svg"_s));
    QGuiApplication::setDesktopFileName(u"taskflow"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"TaskFlow desktop client"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        u"server"_s, u"TaskFlow server to use for this run (default: the saved one, else %1)."_s.arg(
                         taskflow::Settings::defaultServerUrl().toString()),
        u"url"_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, u"Save a picture of the window to <file> once the tasks are shown, then quit."_s,
        u"file"_s);
    const QCommandLineOption dashboardOption(u"dashboard"_s, u"Open on the dashboard."_s);
    parser.addOption(serverOption);
    parser.addOption(dashboardOption);
    parser.addOption(screenshotOption);
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

    taskflow::MainWindow window(settings);
    window.show();
    if (parser.isSet(dashboardOption))
        window.showDashboard(true);

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        auto *store = window.taskStore();
        QObject::connect(store, &taskflow::TaskStore::refreshed, &window, [&window, file] {
            // Let the stats arrive and the table paint before the picture is taken.
            QTimer::singleShot(700, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                std::fprintf(saved ? stdout : stderr, "%s %s\n",
                             saved ? "screenshot saved to" : "could not save screenshot to",
                             qPrintable(file));
                QApplication::exit(saved ? 0 : 1);
            });
        }, Qt::SingleShotConnection);
        QObject::connect(store, &taskflow::TaskStore::refreshFailed, &window,
                         [](const taskflow::ApiError &error) {
                             std::fprintf(stderr, "no screenshot: %s\n", qPrintable(error.message));
                             QApplication::exit(1);
                         });
    }
    return app.exec();
}
