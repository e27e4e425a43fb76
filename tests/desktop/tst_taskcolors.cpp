// TaskColors on a light and a dark palette: every text the app colours itself reaches a WCAG
// contrast ratio of 4.5:1 against what it is drawn on, computed here.

#include <taskflow/desktop/taskcolors.h>
#include <taskflow/desktop/theme.h>

#include <QApplication>
#include <QStyle>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

class TestTaskColors : public QObject
{
    Q_OBJECT

private slots:
    void contrastRatioIsWcags()
    {
        QCOMPARE(TaskColors::contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(TaskColors::contrastRatio(Qt::white, Qt::white), 1.0);
        // #767676 on white is the classic 4.54:1.
        QVERIFY(qAbs(TaskColors::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    }

    void everyTextIsReadable_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << u"light"_s;
        QTest::newRow("dark") << u"dark"_s;
    }

    void everyTextIsReadable()
    {
        QFETCH(QString, theme);
        applyTheme(theme);
        const QPalette palette = QApplication::palette();
        QCOMPARE(TaskColors::isDark(palette), theme == u"dark"_s);
        const double minimum = TaskColors::minimumContrast;
        const auto check = [&](const char *what, const QColor &text, const QColor &background) {
            const double ratio = TaskColors::contrastRatio(text, background);
            QVERIFY2(ratio >= minimum, qPrintable(u"%1: %2 on %3 is %4:1"_s.arg(QLatin1String(what),
                                                   text.name(), background.name()).arg(ratio, 0, 'f', 2)));
        };
        for (const TaskStatus status : allStatuses)
            check("status badge", TaskColors::foreground(status, palette), TaskColors::background(status, palette));
        for (const TaskPriority priority : allPriorities)
            check("priority badge", TaskColors::foreground(priority, palette),
                  TaskColors::background(priority, palette));
        for (const auto role : {QPalette::Base, QPalette::AlternateBase, QPalette::Window}) {
            check("overdue date", TaskColors::overdue(palette), palette.color(role));
            check("secondary text", TaskColors::muted(palette), palette.color(role));
            check("success", TaskColors::success(palette), palette.color(role));
        }
        check("banner", TaskColors::alertForeground(palette), TaskColors::alertBackground(palette));
        // The palette's own text, for good measure: a dark theme that fails here fails everywhere.
        check("text", palette.color(QPalette::Text), palette.color(QPalette::Base));
        // Badges look different from the rows: a fill, not the row colour again.
        QVERIFY(TaskColors::background(TaskStatus::Done, palette) != palette.color(QPalette::Base));
    }

    void withContrastKeepsAColourThatIsReadable()
    {
        const QColor dark(0x11, 0x22, 0x33);
        QCOMPARE(TaskColors::withContrast(dark, {Qt::white}), dark);
        const QColor fixed = TaskColors::withContrast(QColor(0xff, 0x80, 0x80), {Qt::white, QColor(0xf5, 0xf5, 0xf5)});
        QVERIFY(TaskColors::contrastRatio(fixed, Qt::white) >= 4.5);
        QVERIFY(TaskColors::contrastRatio(fixed, QColor(0xf5, 0xf5, 0xf5)) >= 4.5);
        QVERIFY(fixed.red() > fixed.green()); // still a red
    }
};

QTEST_MAIN(TestTaskColors)
#include "tst_taskcolors.moc"
