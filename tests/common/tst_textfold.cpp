// TextFold: how search compares text (API.md, `q`: "reunion" finds "Réunion"). The server folds
// the search string with it, the databases fold stored text with its table (tst_search checks
// that they agree), and the desktop app filters with it.
#include <taskflow/common/textfold.h>

#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

class TestTextFold : public QObject
{
    Q_OBJECT

private slots:
    void folds_data();
    void folds();
    void tableIsConsistent();
    void foldingTwiceChangesNothing();
};

void TestTextFold::folds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::newRow("ascii") << u"Buy MILK"_s << u"buy milk"_s;
    QTest::newRow("french") << u"Réunion d'ÉQUIPE à Noël"_s << u"reunion d'equipe a noel"_s;
    QTest::newRow("ligatures") << u"Œuvre, cœur, Æsop"_s << u"oeuvre, coeur, aesop"_s;
    QTest::newRow("sharp s") << u"Straße, GROẞ"_s << u"strasse, gross"_s;
    QTest::newRow("german") << u"Übergrößenträger"_s << u"ubergrossentrager"_s;
    QTest::newRow("nordic") << u"Ærø, Øresund, Åland"_s << u"aero, oresund, aland"_s;
    QTest::newRow("polish") << u"Łódź"_s << u"lodz"_s;
    QTest::newRow("greek final sigma") << u"ΣΊΣΥΦΟΣ σίσυφος"_s << u"σισυφοσ σισυφοσ"_s;
    QTest::newRow("cyrillic") << u"Ёлка ЙОД"_s << u"елка иод"_s;
    QTest::newRow("vietnamese") << u"Tiếng Việt"_s << u"tieng viet"_s;
    // Outside the table: compared as they are, and never broken apart.
    QTest::newRow("cjk") << u"会議 Réunion"_s << u"会議 reunion"_s;
    QTest::newRow("emoji") << u"Fête 🎉"_s << u"fete 🎉"_s;
    QTest::newRow("combining marks stay") << u"e\u0301"_s << u"e\u0301"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("digits and signs") << u"100% _done_ #42"_s << u"100% _done_ #42"_s;
}

void TestTextFold::folds()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(TextFold::fold(text), folded);
}

void TestTextFold::tableIsConsistent()
{
    const auto &table = TextFold::table();
    QVERIFY(table.size() > 800);
    QSet<QChar> seen;
    for (const auto &[c, folded] : table) {
        QVERIFY2(!seen.contains(c), qPrintable(u"twice: U+%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'))));
        seen.insert(c);
        QVERIFY(!folded.isEmpty());
        QVERIFY2(folded != QString(c), qPrintable(u"folds to itself: U+%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'))));
        // Only what a person tells apart by case or accent folds: a surrogate never does, so a
        // character outside the BMP passes whole.
        QVERIFY(!c.isSurrogate());
        for (const QChar out : folded)
            QVERIFY(!out.isSurrogate() && !out.isUpper());
    }
    // The whole of A–Z, and nothing else of ASCII: the databases fold ASCII without the table.
    for (char16_t c = 0; c < 0x80; ++c)
        QCOMPARE(seen.contains(QChar(c)), c >= u'A' && c <= u'Z');
}

void TestTextFold::foldingTwiceChangesNothing()
{
    // The databases keep folded text and compare a folded search with it: what comes out of a
    // fold must fold to itself, or a search for it would miss.
    for (const auto &[c, folded] : TextFold::table())
        QCOMPARE(TextFold::fold(folded), folded);
}

QTEST_APPLESS_MAIN(TestTextFold)
#include "tst_textfold.moc"
