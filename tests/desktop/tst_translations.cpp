// French and English: lupdate, run on the sources now, finds no string without its French
// translation; the French .qm is compiled in and used; dates and numbers follow the locale.
// CI=true makes a build without Qt's Linguist tools a failure instead of a skip.

#include <taskflow/common/task.h>
#include <taskflow/desktop/smartview.h>
#include <taskflow/desktop/translations.h>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

void requireLinguist()
{
#ifndef TASKFLOW_LUPDATE
    if (qEnvironmentVariable("CI") == u"true"_s)
        QFAIL("built without Qt's Linguist tools (Debian: qt6-l10n-tools, qt6-tools-dev)");
    QSKIP("built without Qt's Linguist tools (Debian: qt6-l10n-tools, qt6-tools-dev)");
#endif
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void frenchIsComplete()
    {
        requireLinguist();
#ifdef TASKFLOW_LUPDATE
        // lupdate over the sources as they are, into a copy: a string added without its
        // translation shows up as unfinished here even if nobody ran the lupdate target.
        QTemporaryDir dir;
        const QString copy = dir.filePath(u"taskflow_fr.ts"_s);
        QVERIFY(QFile::copy(QStringLiteral(TASKFLOW_SOURCE_DIR "/desktop/translations/taskflow_fr.ts"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(TASKFLOW_LUPDATE),
                      {QStringLiteral(TASKFLOW_SOURCE_DIR "/desktop"),
                       QStringLiteral(TASKFLOW_SOURCE_DIR "/common/task.cpp"), u"-no-obsolete"_s,
                       u"-locations"_s, u"none"_s, u"-ts"_s, copy});
        QVERIFY(lupdate.waitForFinished(120000));
        const QString report = QString::fromUtf8(lupdate.readAll());
        QCOMPARE(lupdate.exitCode(), 0);
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString ts = QString::fromUtf8(file.readAll());
        QVERIFY2(ts.count(u"<message"_s) > 250, qPrintable(report));
        // Every message has a finished French translation.
        static const QRegularExpression unfinished(u"<source>([^<]*)</source>\\s*(?:<comment>[^<]*</comment>\\s*)?"
                                                   "<translation type=\"unfinished\""_s);
        QStringList missing;
        for (auto it = unfinished.globalMatch(ts); it.hasNext();)
            missing.append(it.next().captured(1));
        QVERIFY2(missing.isEmpty(), qPrintable(u"%1 unfinished: %2"_s.arg(missing.size()).arg(missing.mid(0, 10).join(u" | "_s))));
        QVERIFY2(!ts.contains(u"<translation></translation>"_s), "an empty translation");
#endif
    }

    void frenchIsUsed()
    {
        requireLinguist();
        QVERIFY(hasTranslation(QLocale(QLocale::French)));
        const QLocale locale = installTranslations(*QCoreApplication::instance(), u"fr"_s);
        QCOMPARE(locale.language(), QLocale::French);
        QCOMPARE(displayName(TaskStatus::Todo), u"À faire"_s);
        QCOMPARE(displayName(TaskPriority::High), u"Haute"_s);
        QCOMPARE(displayName(SmartView::Today), u"Aujourd’hui"_s);
        QCOMPARE(QCoreApplication::translate("taskflow::MainWindow", "&Undo"), u"&Annuler"_s);
        // Plurals in French count 0 and 1 as singular.
        QCOMPARE(QCoreApplication::translate("taskflow::MainWindow", "%n task(s) shown", nullptr, 1),
                 u"1 tâche affichée"_s);
        QCOMPARE(QCoreApplication::translate("taskflow::MainWindow", "%n task(s) shown", nullptr, 3),
                 u"3 tâches affichées"_s);
        // Numbers and dates in the French way.
        QCOMPARE(QLocale().toString(10000), u"10\u202f000"_s);
        QCOMPARE(QLocale().toString(QDate(2026, 12, 2), u"d MMMM yyyy"_s), u"2 décembre 2026"_s);
    }

    void otherLanguagesGetEnglish()
    {
        requireLinguist();
        QVERIFY(!QFile::exists(u":/i18n/taskflow_de.qm"_s));
        installTranslations(*QCoreApplication::instance(), u"de"_s);
        QCOMPARE(QCoreApplication::translate("taskflow::MainWindow", "%n task(s) shown", nullptr, 1),
                 u"1 task shown"_s);
        QCOMPARE(QCoreApplication::translate("taskflow::MainWindow", "%n task(s) shown", nullptr, 3),
                 u"3 tasks shown"_s);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
