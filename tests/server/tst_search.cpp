// Accent-blind search (API.md, `q`: "reunion" finds "Réunion", the same on SQLite and
// PostgreSQL): the databases fold stored text exactly as TextFold folds the search, for every
// character of its table, whoever writes the text (the API or plain SQL), through inserts,
// updates, renamed ids and deletions. On SQLite and PostgreSQL.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <taskflow/common/textfold.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

class TestSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void accentsAndCaseAreIgnored_data();
    void accentsAndCaseAreIgnored();
    void statsCountWhatTheSearchFinds();
    void everyFoldingAgreesWithTheDatabase();
    void textWrittenBySqlIsFound();

private:
    QStringList titlesFound(const QString &search);
    QString insertBySql(const QString &title, const QString &description);
    QString storedSearchText(const QString &id, const QString &column);

    TestDatabase m_db;
    TestServer m_server;
    HttpClient m_http;
};

void TestSearch::initTestCase()
{
    TASKFLOW_REQUIRE_DATABASE(m_db);
    QVERIFY2(m_server.start(m_db.url()), qPrintable(m_server.output()));
    m_http.setBase(m_server.url());
}

void TestSearch::init()
{
    QVERIFY(m_db.exec(u"DELETE FROM tasks"_s));
}

void TestSearch::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QStringList TestSearch::titlesFound(const QString &search)
{
    const auto reply = m_http.get(u"/tasks?sort=title&q="_s + QString::fromLatin1(QUrl::toPercentEncoding(search)));
    if (reply.status != 200)
        return {u"status %1"_s.arg(reply.status)};
    QStringList titles;
    for (const QJsonValue task : reply.array())
        titles.append(task.toObject().value(u"title"_s).toString());
    return titles;
}

QString TestSearch::insertBySql(const QString &title, const QString &description)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto quoted = [](QString text) -> QString { return u"'"_s + text.replace(u'\'', u"''"_s) + u"'"_s; };
    if (!m_db.exec(u"INSERT INTO tasks (id, title, description, status, priority, created_at, updated_at) "
                   "VALUES ('%1', %2, %3, 'TODO', 'LOW', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"_s
                       .arg(id, quoted(title), quoted(description))))
        return QString();
    return id;
}

QString TestSearch::storedSearchText(const QString &id, const QString &column)
{
    const QStringList rows = m_db.query(u"SELECT %1 FROM taskflow_search WHERE task_id = '%2'"_s.arg(column, id));
    return rows.size() == 1 ? rows.first() : u"<%1 rows>"_s.arg(rows.size());
}

void TestSearch::accentsAndCaseAreIgnored_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("found");
    const QString meeting = u"Réunion d'équipe"_s;
    const QString works = u"Œuvres complètes de Noël"_s;
    const QString street = u"Straße in Łódź"_s;
    QTest::newRow("plain") << u"reunion"_s << QStringList{meeting};
    QTest::newRow("capitals") << u"RÉUNION"_s << QStringList{meeting};
    QTest::newRow("accented search") << u"équipe"_s << QStringList{meeting};
    QTest::newRow("mixed") << u"ÉqUiPe"_s << QStringList{meeting};
    QTest::newRow("description") << u"ordre du jour"_s << QStringList{meeting};
    QTest::newRow("ligature") << u"oeuvres"_s << QStringList{works};
    QTest::newRow("ligature searched") << u"Œuvre"_s << QStringList{works};
    QTest::newRow("diaeresis") << u"noel"_s << QStringList{works};
    QTest::newRow("sharp s") << u"strasse"_s << QStringList{street};
    QTest::newRow("stroke") << u"lodz"_s << QStringList{street};
    QTest::newRow("greek") << u"σισυφοσ"_s << QStringList{u"ΣΊΣΥΦΟΣ"_s};
    QTest::newRow("cyrillic") << u"елка"_s << QStringList{u"Ёлка"_s};
    QTest::newRow("several") << u"e"_s << QStringList{meeting, works, street};
    QTest::newRow("none") << u"reunionx"_s << QStringList{};
    // A combining accent is not an accented letter: it is compared as it is.
    QTest::newRow("combining accent") << u"re\u0301union"_s << QStringList{};
}

void TestSearch::accentsAndCaseAreIgnored()
{
    QFETCH(QString, search);
    QFETCH(QStringList, found);
    const QList<QByteArray> bodies{
        "{\"title\":\"R\u00e9union d'\u00e9quipe\",\"description\":\"Pr\u00e9parer l'ordre du jour\"}",
        R"({"title":"Œuvres complètes de Noël"})",
        R"({"title":"Straße in Łódź"})",
        R"({"title":"ΣΊΣΥΦΟΣ"})",
        R"({"title":"Ёлка"})",
    };
    for (const QByteArray &body : bodies)
        QCOMPARE(m_http.post(u"/tasks"_s, body).status, 201);
    QStringList titles = titlesFound(search);
    titles.sort();
    found.sort();
    QCOMPARE(titles, found);
}

void TestSearch::statsCountWhatTheSearchFinds()
{
    QCOMPARE(m_http.post(u"/tasks"_s, "{\"title\":\"F\u00eate de l\u2019\u00e9t\u00e9\",\"status\":\"done\"}").status, 201);
    QCOMPARE(m_http.post(u"/tasks"_s, R"({"title":"fete foraine"})").status, 201);
    QCOMPARE(m_http.post(u"/tasks"_s, R"({"title":"autre chose"})").status, 201);
    const auto stats = m_http.get(u"/tasks/stats?q=F%C3%8ATE"_s).object();
    QCOMPARE(stats.value(u"total"_s).toInt(), 2);
    QCOMPARE(stats.value(u"by_status"_s).toObject().value(u"done"_s).toInt(), 1);
}

void TestSearch::everyFoldingAgreesWithTheDatabase()
{
    // Every character of the table, between ASCII neighbours, in tasks of a few hundred
    // characters: the text the triggers stored for search must be TextFold's, to the character.
    QStringList chunks;
    QString chunk;
    for (const auto &[c, folded] : TextFold::table()) {
        chunk += c;
        chunk += u'x';
        if (chunk.size() >= 300) {
            chunks.append(chunk);
            chunk.clear();
        }
    }
    chunks.append(chunk + u"Fin"_s);
    for (const QString &text : std::as_const(chunks)) {
        const QString title = u"T "_s + text.left(150);
        const QString id = insertBySql(title, text);
        QVERIFY(!id.isEmpty());
        QCOMPARE(storedSearchText(id, u"title"_s), TextFold::fold(title));
        QCOMPARE(storedSearchText(id, u"description"_s), TextFold::fold(text));
        // Changed by an update too, and folded the same way.
        QString reversed = text;
        std::reverse(reversed.begin(), reversed.end());
        QVERIFY(m_db.exec(u"UPDATE tasks SET description = '%1' WHERE id = '%2'"_s.arg(reversed, id)));
        QCOMPARE(storedSearchText(id, u"description"_s), TextFold::fold(reversed));
    }
}

void TestSearch::textWrittenBySqlIsFound()
{
    const QString id = insertBySql(u"Fête de Noël"_s, u"Préparer le réveillon"_s);
    QVERIFY(!id.isEmpty());
    QCOMPARE(titlesFound(u"reveillon"_s), QStringList{u"Fête de Noël"_s});

    // Renamed by SQL: found by its new title only.
    QVERIFY(m_db.exec(u"UPDATE tasks SET title = 'Été indien' WHERE id = '%1'"_s.arg(id)));
    QCOMPARE(titlesFound(u"ete indien"_s), QStringList{u"Été indien"_s});
    QCOMPARE(titlesFound(u"noel"_s), QStringList{});

    // A description set to NULL is not searched any more.
    QVERIFY(m_db.exec(u"UPDATE tasks SET description = NULL WHERE id = '%1'"_s.arg(id)));
    QCOMPARE(titlesFound(u"reveillon"_s), QStringList{});

    // A new id carries its search text with it, and the old one leaves nothing behind.
    const QString renamed = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(m_db.exec(u"UPDATE tasks SET id = '%1' WHERE id = '%2'"_s.arg(renamed, id)));
    const auto found = m_http.get(u"/tasks?q=indien"_s).array();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).toObject().value(u"id"_s).toString(), renamed);
    QCOMPARE(m_db.query(u"SELECT count(*) FROM taskflow_search WHERE task_id = '%1'"_s.arg(id)),
             QStringList{u"0"_s});

    // Deleted: nothing left to find, nothing left in the search table.
    QVERIFY(m_db.exec(u"DELETE FROM tasks WHERE id = '%1'"_s.arg(renamed)));
    QCOMPARE(titlesFound(u"indien"_s), QStringList{});
    QCOMPARE(m_db.query(u"SELECT count(*) FROM taskflow_search"_s), QStringList{u"0"_s});
}

QTEST_MAIN(TestSearch)
#include "tst_search.moc"
