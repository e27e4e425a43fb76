// The OpenAPI document in resources/ describes exactly the routes the server registers.
#include <taskflow/server/connectionpool.h>
#include <taskflow/server/router.h>
#include <taskflow/server/serverconfig.h>
#include <taskflow/server/changefeed.h>
#include <taskflow/server/taskapi.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

class TestOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void documentMatchesRoutes();
};

void TestOpenApi::documentMatchesRoutes()
{
    QFile file(QStringLiteral(TASKFLOW_SOURCE_DIR "/resources/openapi.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error{};
    const QJsonObject document = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.value(u"openapi"_s).toString().startsWith(u"3."_s));

    QSet<QString> documented;
    const QJsonObject paths = document.value(u"paths"_s).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject operations = path.value().toObject();
        for (auto op = operations.begin(); op != operations.end(); ++op) {
            if (op.key() != u"parameters"_s)
                documented.insert(op.key().toUpper() + u' ' + path.key());
        }
    }

    ServerConfig config; // default: no benchmark route
    const DatabaseUrl url = DatabaseUrl::parse(u"sqlite:///:memory:"_s).value();
    ConnectionPool pool(url, ConnectionPool::Limits{});
    ChangeFeed feed(url); // not started: only the routes are read
    TaskApi api(pool, feed, config);
    Router router;
    api.registerRoutes(router);
    QSet<QString> routed;
    for (const Router::Route &route : router.routes())
        routed.insert(QString::fromLatin1(route.method) + u' ' + route.pattern);

    QCOMPARE(routed.size(), router.routes().size()); // no route twice
    // The page that shows this document to people is not part of it, as in FastAPI.
    QVERIFY(routed.remove(u"GET /docs"_s));
    const QSet<QString> undocumented = routed - documented;
    const QSet<QString> phantom = documented - routed;
    QVERIFY2(undocumented.isEmpty(), qPrintable(QStringList(undocumented.values()).join(u", "_s)));
    QVERIFY2(phantom.isEmpty(), qPrintable(QStringList(phantom.values()).join(u", "_s)));
    QCOMPARE(routed.size(), 11);
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
