// The Dispatcher without sockets: CORS preflight and decoration exactly as Starlette's
// CORSMiddleware answers (API.md, "CORS"), access control before routing, and the answers for
// unknown paths, wrong methods and trailing slashes.
#include <taskflow/server/dispatcher.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

HttpRequest request(const QByteArray &method, const QString &path, const HttpHeaders &headers = {})
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.headers = headers;
    return r;
}

Router testRouter()
{
    Router router;
    const auto answer = [](QByteArray body) {
        return [body](const HttpRequest &, const QStringList &captures, const Respond &respond) {
            respond(HttpResponse::json(200, body + captures.join(u',').toUtf8()));
        };
    };
    router.add("GET", u"/health"_s, answer("health"));
    router.add("GET", u"/tasks"_s, answer("list"));
    router.add("POST", u"/tasks"_s, answer("create"));
    router.add("GET", u"/tasks/{id}"_s, answer("get:"));
    router.add("DELETE", u"/tasks/{id}"_s, answer("delete:"));
    return router;
}

Dispatcher dispatcher(const QStringList &origins = {u"http://localhost:5173"_s},
                      const QString &token = {})
{
    AccessControl access;
    if (!token.isEmpty())
        (void)access.addToken(token);
    return Dispatcher(testRouter(), CorsPolicy(origins), access);
}

// The answer as the client gets it: dispatched, then decorated on its way out.
HttpResponse answer(const Dispatcher &d, const HttpRequest &r)
{
    HttpResponse response;
    bool answered = false;
    d.dispatch(r, [&](HttpResponse given) {
        response = std::move(given);
        answered = true;
    });
    if (!answered)
        qFatal("no answer");
    d.decorate(r, response);
    return response;
}

} // namespace

class TestDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void routes();
    void notFoundAndWrongMethod();
    void trailingSlashRedirects();
    void preflightFromAllowedOrigin();
    void preflightFromOtherOrigin();
    void simpleAnswerCarriesCors();
    void anyOriginAsStarletteAnswersIt();
    void noOriginNoCors();
    void accessControlComesBeforeRouting();
};

void TestDispatcher::routes()
{
    const Dispatcher d = dispatcher();
    QCOMPARE(answer(d, request("GET", u"/tasks"_s)).body, QByteArray("list"));
    QCOMPARE(answer(d, request("POST", u"/tasks"_s)).body, QByteArray("create"));
    QCOMPARE(answer(d, request("GET", u"/tasks/abc"_s)).body, QByteArray("get:abc"));
    // HEAD is GET without the body (the connection drops it).
    QCOMPARE(answer(d, request("HEAD", u"/tasks/abc"_s)).body, QByteArray("get:abc"));
}

void TestDispatcher::notFoundAndWrongMethod()
{
    const Dispatcher d = dispatcher();
    const HttpResponse missing = answer(d, request("GET", u"/nowhere"_s));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.body, QByteArray(R"({"detail":"Not Found"})"));
    const HttpResponse wrong = answer(d, request("PUT", u"/tasks"_s));
    QCOMPARE(wrong.status, 405);
    QCOMPARE(wrong.body, QByteArray(R"({"detail":"Method Not Allowed"})"));
    QCOMPARE(wrong.header("Allow"), QByteArray("GET, HEAD, POST"));
    QCOMPARE(answer(d, request("BREW", u"/tasks/1"_s)).header("Allow"), QByteArray("GET, HEAD, DELETE"));
}

void TestDispatcher::trailingSlashRedirects()
{
    const Dispatcher d = dispatcher();
    HttpRequest r = request("GET", u"/tasks/"_s);
    r.query = "status=todo&q=a%20b";
    const HttpResponse redirect = answer(d, r);
    QCOMPARE(redirect.status, 307);
    QCOMPARE(redirect.header("Location"), QByteArray("/tasks?status=todo&q=a%20b"));
    QVERIFY(redirect.body.isEmpty());
    QCOMPARE(answer(d, request("GET", u"/nowhere/"_s)).status, 404);
}

void TestDispatcher::preflightFromAllowedOrigin()
{
    const Dispatcher d = dispatcher();
    const HttpResponse response = answer(d, request("OPTIONS", u"/tasks/1"_s,
        {{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "PATCH"},
         {"Access-Control-Request-Headers", "content-type, if-match"}}));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
    QCOMPARE(response.header("Access-Control-Allow-Methods"), QByteArray("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"));
    QCOMPARE(response.header("Access-Control-Allow-Headers"), QByteArray("content-type, if-match"));
    QCOMPARE(response.header("Access-Control-Allow-Credentials"), QByteArray("true"));
    QCOMPARE(response.header("Access-Control-Max-Age"), QByteArray("600"));
    // Caches must keep one preflight answer per origin.
    QCOMPARE(response.header("Vary"), QByteArray("Origin"));
    QVERIFY(response.header("Access-Control-Expose-Headers").isEmpty()); // simple answers only
}

void TestDispatcher::preflightFromOtherOrigin()
{
    const Dispatcher d = dispatcher();
    const HttpResponse response = answer(d, request("OPTIONS", u"/tasks"_s,
        {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}}));
    QCOMPARE(response.status, 400);
    QCOMPARE(response.body, QByteArray("Disallowed CORS origin"));
    QVERIFY(response.header("Access-Control-Allow-Origin").isEmpty());
}

void TestDispatcher::simpleAnswerCarriesCors()
{
    const Dispatcher d = dispatcher();
    for (const QString &path : {u"/tasks"_s, u"/nowhere"_s}) { // errors too
        const HttpResponse response = answer(d, request("GET", path, {{"Origin", "http://localhost:5173"}}));
        QCOMPARE(response.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
        QCOMPARE(response.header("Access-Control-Allow-Credentials"), QByteArray("true"));
        QCOMPARE(response.header("Access-Control-Expose-Headers"), QByteArray("ETag, X-Total-Count"));
        QCOMPARE(response.header("Vary"), QByteArray("Origin"));
    }
    const HttpResponse other = answer(d, request("GET", u"/tasks"_s, {{"Origin", "https://evil.example"}}));
    QVERIFY(other.header("Access-Control-Allow-Origin").isEmpty());
    QVERIFY(other.header("Vary").isEmpty());
}

void TestDispatcher::anyOriginAsStarletteAnswersIt()
{
    const Dispatcher d = dispatcher({u"*"_s});
    const HttpResponse plain = answer(d, request("GET", u"/tasks"_s, {{"Origin", "https://a.example"}}));
    QCOMPARE(plain.header("Access-Control-Allow-Origin"), QByteArray("*"));
    QCOMPARE(plain.header("Access-Control-Allow-Credentials"), QByteArray("true"));
    QVERIFY(plain.header("Vary").isEmpty());
    // A cookie cannot go with `*`: the origin itself, and Vary.
    const HttpResponse withCookie = answer(d, request("GET", u"/tasks"_s,
        {{"Origin", "https://a.example"}, {"Cookie", "session=1"}}));
    QCOMPARE(withCookie.header("Access-Control-Allow-Origin"), QByteArray("https://a.example"));
    QCOMPARE(withCookie.header("Vary"), QByteArray("Origin"));
    // A preflight names the origin (credentials are allowed).
    const HttpResponse preflight = answer(d, request("OPTIONS", u"/tasks"_s,
        {{"Origin", "https://a.example"}, {"Access-Control-Request-Method", "POST"}}));
    QCOMPARE(preflight.status, 200);
    QCOMPARE(preflight.header("Access-Control-Allow-Origin"), QByteArray("https://a.example"));
}

void TestDispatcher::noOriginNoCors()
{
    const HttpResponse response = answer(dispatcher(), request("GET", u"/tasks"_s));
    for (const auto &[name, value] : response.headers)
        QVERIFY2(!name.startsWith("Access-Control-") && name != "Vary", name.constData());
}

void TestDispatcher::accessControlComesBeforeRouting()
{
    const Dispatcher d = dispatcher({u"http://localhost:5173"_s}, u"s3cret"_s);
    const HttpResponse refused = answer(d, request("GET", u"/tasks/1"_s, {{"Origin", "http://localhost:5173"}}));
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.header("WWW-Authenticate"), QByteArray("Bearer"));
    QCOMPARE(refused.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
    QCOMPARE(answer(d, request("GET", u"/tasks/1"_s, {{"Authorization", "Bearer s3cret"}})).body,
             QByteArray("get:1"));
    QCOMPARE(answer(d, request("GET", u"/health"_s)).status, 200); // open
    // An unknown path under /tasks is refused before anyone learns whether it exists.
    QCOMPARE(answer(d, request("GET", u"/tasks/1/x"_s)).status, 401);
    // A preflight carries no credentials; the browser must be able to ask.
    QCOMPARE(answer(d, request("OPTIONS", u"/tasks"_s,
        {{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "GET"}})).status, 200);
}

QTEST_GUILESS_MAIN(TestDispatcher)
#include "tst_dispatcher.moc"
