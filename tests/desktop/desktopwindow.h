#pragma once

// What the desktop suites that open the real MainWindow share: a throwaway settings file, no
// queue or cached list left by an earlier test, no dialog left open by one, and rows by title.

#include <taskflow/desktop/mainwindow.h>
#include <taskflow/desktop/offlinestore.h>
#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/taskstore.h>
#include <taskflow/desktop/tasktablemodel.h>
#include <taskflow/desktop/tokenstore.h>
#include <taskflow/desktop/translations.h>

#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

class DesktopWindowFixture
{
public:
    // In initTestCase: settings and the offline store in test locations, tokens in the settings
    // file (never the machine's keyring), and the English texts the checks read.
    static void setUpApplication(const QString &name)
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("TaskFlowTests"));
        QApplication::setApplicationName(name);
        qputenv("TASKFLOW_TOKEN_STORE", "settings");
        taskflow::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    }

    // In cleanup: a failed test may leave a dialog open; the next test starts with none.
    // (done(), not close(): a dialog with changes would ask first.)
    static void closeDialogs()
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<QDialog *>(widget); dialog && dialog->isVisible())
                dialog->done(QDialog::Rejected);
        }
    }

    // A fresh settings file naming `server`, and no offline files for it.
    void reset(const QUrl &server)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        settings = std::make_unique<taskflow::Settings>(m_dir->filePath(QStringLiteral("taskflow.ini")));
        settings->setServerUrl(server);
        forgetOfflineFiles(server);
    }

    static void forgetOfflineFiles(const QUrl &server)
    {
        const QString path = taskflow::OfflineStore::defaultPath(taskflow::TokenStore::keyFor(server));
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
    }

    std::unique_ptr<taskflow::MainWindow> open(std::chrono::milliseconds polling = std::chrono::milliseconds(250))
    {
        auto window = std::make_unique<taskflow::MainWindow>(*settings);
        window->taskStore()->setPollInterval(polling);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("window not exposed");
        return window;
    }

    static QStringList titles(taskflow::MainWindow &window)
    {
        QStringList list;
        const QAbstractItemModel *model = window.taskView()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            list.append(model->index(row, 0).data(taskflow::TaskTableModel::TaskRole)
                            .value<taskflow::Task>().title);
        list.sort();
        return list;
    }

    static int row(taskflow::MainWindow &window, const QString &title)
    {
        const QAbstractItemModel *model = window.taskView()->model();
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, 0).data(taskflow::TaskTableModel::TaskRole).value<taskflow::Task>().title == title)
                return r;
        }
        return -1;
    }

    static QByteArray body(const QString &title, const QString &status = QStringLiteral("todo"))
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("title"), title}, {QStringLiteral("status"), status}})
            .toJson(QJsonDocument::Compact);
    }

    std::unique_ptr<taskflow::Settings> settings;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};
