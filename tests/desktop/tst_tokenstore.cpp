// TokenStore on the settings-file backend (what tests, CI and machines without a credential
// store use): the round trip, one token per server origin, the file kept private, answers that
// come later and only to a living context. And, on Linux with every way to a D-Bus session
// removed, the real QtKeychain failing and the store falling back openly to the settings file.

#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/tokenstore.h>
#include "awaitanswer.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace taskflow;

namespace {

// What an answer of the store says, flattened for the checks below.
struct Answered
{
    QByteArray token;
    TokenStore::Backend backend = TokenStore::Backend::Keychain;
    QString notice;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

constexpr int answerTimeoutMs = 10000;

} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void keyIsTheOrigin_data();
    void keyIsTheOrigin();
    void backendFromEnvironment();
    void roundTripInTheSettingsFile();
    void oneTokenPerServer();
    void emptyTokenDeletes();
    void settingsFileStaysPrivate();
    void answersLaterAndOnlyToALivingContext();
    void fallsBackWhenThereIsNoCredentialStore();

private:
    Answered read(TokenStore &store, const QUrl &server);
    Answered write(TokenStore &store, const QUrl &server, const QByteArray &token);
    Answered remove(TokenStore &store, const QUrl &server);
    Answered await(const std::function<void(QObject *, TokenStore::Callback)> &call);
    QByteArray settingsFileText() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
};

void TestTokenStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"TaskFlowTests"_s);
    QCoreApplication::setApplicationName(u"tst_tokenstore"_s);
    // No way to a D-Bus session, hence to a Secret Service or KWallet: the credential store of
    // the machine running the tests is never touched, and QtKeychain fails as on a headless box.
    for (const char *name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR"})
        qunsetenv(name);
    qunsetenv("TASKFLOW_TOKEN_STORE");
}

void TestTokenStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath(u"taskflow.ini"_s));
}

void TestTokenStore::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

Answered TestTokenStore::await(const std::function<void(QObject *, TokenStore::Callback)> &call)
{
    const auto outcome = awaitAnswer<TokenStore::Outcome>(call, answerTimeoutMs);
    if (!outcome)
        return Answered{{}, TokenStore::Backend::Keychain, {}, u"no answer"_s};
    const TokenStore::Outcome &r = *outcome;
    return r.ok() ? Answered{r->token, r->backend, r->notice, {}}
                  : Answered{{}, TokenStore::Backend::Keychain, {}, r.error()};
}

Answered TestTokenStore::read(TokenStore &store, const QUrl &server)
{
    return await([&](QObject *context, TokenStore::Callback done) {
        store.readToken(server, context, std::move(done));
    });
}

Answered TestTokenStore::write(TokenStore &store, const QUrl &server, const QByteArray &token)
{
    return await([&](QObject *context, TokenStore::Callback done) {
        store.writeToken(server, token, context, std::move(done));
    });
}

Answered TestTokenStore::remove(TokenStore &store, const QUrl &server)
{
    return await([&](QObject *context, TokenStore::Callback done) {
        store.deleteToken(server, context, std::move(done));
    });
}

QByteArray TestTokenStore::settingsFileText() const
{
    QFile file(m_settings->location());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestTokenStore::keyIsTheOrigin_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("key");
    QTest::newRow("plain") << u"http://127.0.0.1:8000"_s << u"http://127.0.0.1:8000"_s;
    QTest::newRow("trailing slash") << u"http://127.0.0.1:8000/"_s << u"http://127.0.0.1:8000"_s;
    QTest::newRow("path prefix") << u"https://Tasks.Example.com/api"_s << u"https://tasks.example.com"_s;
    QTest::newRow("default http port") << u"http://example.com:80"_s << u"http://example.com"_s;
    QTest::newRow("default https port") << u"https://example.com:443/x"_s << u"https://example.com"_s;
    QTest::newRow("other https port") << u"https://example.com:8443/x"_s << u"https://example.com:8443"_s;
    QTest::newRow("user info") << u"http://ann:pw@example.com:8000"_s << u"http://example.com:8000"_s;
    QTest::newRow("ipv6") << u"http://[::1]:8000"_s << u"http://[::1]:8000"_s;
}

void TestTokenStore::keyIsTheOrigin()
{
    QFETCH(QString, server);
    QFETCH(QString, key);
    QCOMPARE(TokenStore::keyFor(QUrl(server)), key);
}

void TestTokenStore::backendFromEnvironment()
{
    QCOMPARE(TokenStore::backendFromEnvironment(), TokenStore::Backend::Keychain);
    qputenv("TASKFLOW_TOKEN_STORE", "settings");
    QCOMPARE(TokenStore::backendFromEnvironment(), TokenStore::Backend::SettingsFile);
    QCOMPARE(TokenStore(*m_settings).backend(), TokenStore::Backend::SettingsFile);
    qputenv("TASKFLOW_TOKEN_STORE", "Settings");
    QCOMPARE(TokenStore::backendFromEnvironment(), TokenStore::Backend::SettingsFile);
    qputenv("TASKFLOW_TOKEN_STORE", "keychain");
    QCOMPARE(TokenStore::backendFromEnvironment(), TokenStore::Backend::Keychain);
    qunsetenv("TASKFLOW_TOKEN_STORE");
    QCOMPARE(TokenStore(*m_settings).backend(), TokenStore::Backend::Keychain);
}

void TestTokenStore::roundTripInTheSettingsFile()
{
    TokenStore store(*m_settings, TokenStore::Backend::SettingsFile);
    const QUrl server(u"http://127.0.0.1:8123"_s);

    Answered result = read(store, server);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.token.isEmpty());
    QVERIFY(!store.mayHoldToken(server));

    result = write(store, server, "s3cret-token_1");
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.backend, TokenStore::Backend::SettingsFile);
    // Said openly, with the file it is in.
    QVERIFY2(result.notice.contains(u"settings file"_s), qPrintable(result.notice));
    QVERIFY2(result.notice.contains(m_settings->location()), qPrintable(result.notice));
    QVERIFY(settingsFileText().contains("s3cret-token_1"));
    QVERIFY(store.mayHoldToken(server));

    result = read(store, QUrl(u"http://127.0.0.1:8123/"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.token, QByteArray("s3cret-token_1"));
    QCOMPARE(result.backend, TokenStore::Backend::SettingsFile);
    QVERIFY(!result.notice.isEmpty());

    // A second run (another store, another Settings on the same file) finds it.
    {
        Settings again(m_settings->location());
        TokenStore other(again, TokenStore::Backend::SettingsFile);
        QCOMPARE(read(other, server).token, QByteArray("s3cret-token_1"));
    }

    QVERIFY(write(store, server, "second").ok());
    QCOMPARE(read(store, server).token, QByteArray("second"));

    result = remove(store, server);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(read(store, server).token.isEmpty());
    QVERIFY(!settingsFileText().contains("second"));
    QVERIFY(!store.mayHoldToken(server));
}

void TestTokenStore::oneTokenPerServer()
{
    TokenStore store(*m_settings, TokenStore::Backend::SettingsFile);
    const QUrl first(u"http://127.0.0.1:8001"_s);
    const QUrl second(u"http://127.0.0.1:8002"_s);
    const QUrl prefixed(u"https://tasks.example.com/api"_s);
    QVERIFY(write(store, first, "one").ok());
    QVERIFY(write(store, second, "two").ok());
    QVERIFY(write(store, prefixed, "three").ok());
    QCOMPARE(read(store, first).token, QByteArray("one"));
    QCOMPARE(read(store, second).token, QByteArray("two"));
    // The origin is the key: another path on the same server shares the token.
    QCOMPARE(read(store, QUrl(u"https://tasks.example.com/other"_s)).token, QByteArray("three"));
    QVERIFY(read(store, QUrl(u"http://tasks.example.com/api"_s)).token.isEmpty());

    QVERIFY(remove(store, first).ok());
    QVERIFY(read(store, first).token.isEmpty());
    QCOMPARE(read(store, second).token, QByteArray("two"));
}

void TestTokenStore::emptyTokenDeletes()
{
    TokenStore store(*m_settings, TokenStore::Backend::SettingsFile);
    const QUrl server(u"http://127.0.0.1:8000"_s);
    QVERIFY(write(store, server, "gone-soon").ok());
    const Answered result = write(store, server, QByteArray());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.notice.isEmpty()); // nothing is kept anywhere, so nothing to warn about
    QVERIFY(read(store, server).token.isEmpty());
    QVERIFY(!settingsFileText().contains("gone-soon"));
}

void TestTokenStore::settingsFileStaysPrivate()
{
#ifndef Q_OS_UNIX
    QSKIP("file permissions are a Unix matter here");
#else
    m_settings->setWindowGeometry("before");
    m_settings->sync();
    TokenStore store(*m_settings, TokenStore::Backend::SettingsFile);
    QVERIFY(write(store, QUrl(u"http://127.0.0.1:8000"_s), "private").ok());
    const auto othersMayRead = [this] {
        return bool(QFile::permissions(m_settings->location())
                    & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther));
    };
    QVERIFY(!othersMayRead());
    QVERIFY(QFile::permissions(m_settings->location()) & QFile::ReadOwner);
    // The app keeps saving other settings; the file stays private.
    m_settings->setWindowGeometry("after");
    m_settings->sync();
    QVERIFY(!othersMayRead());
    QVERIFY(settingsFileText().contains("private"));
#endif
}

void TestTokenStore::answersLaterAndOnlyToALivingContext()
{
    TokenStore store(*m_settings, TokenStore::Backend::SettingsFile);
    const QUrl server(u"http://127.0.0.1:8000"_s);

    bool answered = false;
    QObject context;
    store.readToken(server, &context, [&answered](const TokenStore::Outcome &) { answered = true; });
    QVERIFY(!answered); // never inside the call
    QTRY_VERIFY(answered);

    bool lateAnswer = false;
    auto gone = std::make_unique<QObject>();
    store.writeToken(server, "written", gone.get(), [&lateAnswer](const TokenStore::Outcome &) {
        lateAnswer = true;
    });
    gone.reset();
    // The write itself happens; only its answer is dropped.
    QCOMPARE(read(store, server).token, QByteArray("written"));
    QVERIFY(!lateAnswer);
}

void TestTokenStore::fallsBackWhenThereIsNoCredentialStore()
{
#ifndef Q_OS_LINUX
    QSKIP("elsewhere the platform's credential store is always there: this would use it");
#else
    // The real QtKeychain, with no D-Bus session to reach a store through (initTestCase).
    TokenStore store(*m_settings, TokenStore::Backend::Keychain);
    QCOMPARE(store.backend(), TokenStore::Backend::Keychain);
    const QUrl server(u"http://tokenstore.test:8000"_s);

    Answered result = write(store, server, "fallback-token");
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.backend, TokenStore::Backend::SettingsFile);
    QVERIFY2(result.notice.contains(u"No credential store is available"_s), qPrintable(result.notice));
    // QtKeychain says only "Unknown error" there: the notice names the real reason instead.
    QVERIFY2(!result.notice.contains(u"Unknown error"_s), qPrintable(result.notice));
    QVERIFY2(result.notice.contains(m_settings->location()), qPrintable(result.notice));
    QCOMPARE(store.backend(), TokenStore::Backend::SettingsFile);
    QCOMPARE(m_settings->apiToken(TokenStore::keyFor(server)), QByteArray("fallback-token"));

    result = read(store, server);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.token, QByteArray("fallback-token"));
    QVERIFY(result.notice.contains(u"No credential store is available"_s));

    // A fresh store (the next run) asks the credential store again, and falls back again.
    TokenStore next(*m_settings, TokenStore::Backend::Keychain);
    result = read(next, server);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.token, QByteArray("fallback-token"));
    QCOMPARE(next.backend(), TokenStore::Backend::SettingsFile);

    QVERIFY(remove(next, server).ok());
    QVERIFY(read(next, server).token.isEmpty());
#endif
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
