#include <taskflow/desktop/tokenstore.h>

#include <taskflow/desktop/logging.h>
#include <taskflow/desktop/settings.h>

#include <taskflow/common/contextguard.h>

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

const QString serviceName = u"TaskFlow"_s;

// "There is no credential store here", as opposed to a store that said no (locked, or the user
// refused): that is reported, and never answered by writing the token in plain text instead.
bool isStoreMissing(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: // libsecret without a D-Bus session: "Cannot autolaunch D-Bus …"
        return true;
    default:
        return false;
    }
}

// QtKeychain's libsecret backend says only "Unknown error" when there is no D-Bus session.
QString reasonText(const QString &errorString)
{
    if (errorString.isEmpty() || errorString == u"Unknown error"_s)
        return TokenStore::tr("no Secret Service or KWallet answered on the session bus");
    return errorString;
}

} // namespace

TokenStore::TokenStore(Settings &settings, QObject *parent)
    : TokenStore(settings, backendFromEnvironment(), parent)
{
    if (m_backend == Backend::SettingsFile)
        m_settingsFileReason = u"TASKFLOW_TOKEN_STORE=settings"_s;
}

TokenStore::TokenStore(Settings &settings, Backend preferred, QObject *parent)
    : QObject(parent), m_settings(settings), m_backend(preferred)
{
    if (m_backend == Backend::SettingsFile)
        m_settingsFileReason = tr("chosen by the application");
}

TokenStore::Backend TokenStore::backendFromEnvironment()
{
    return qEnvironmentVariable("TASKFLOW_TOKEN_STORE").compare(u"settings"_s, Qt::CaseInsensitive) == 0
        ? Backend::SettingsFile
        : Backend::Keychain;
}

QString TokenStore::keyFor(const QUrl &server)
{
    QUrl origin;
    origin.setScheme(server.scheme().toLower());
    origin.setHost(server.host()); // QUrl keeps hosts in lower case
    const int defaultPort = origin.scheme() == u"https"_s ? 443 : 80;
    if (server.port() != -1 && server.port() != defaultPort)
        origin.setPort(server.port());
    return origin.toString();
}

bool TokenStore::mayHoldToken(const QUrl &server) const
{
    const QString key = keyFor(server);
    return !m_settings.apiToken(key).isEmpty() || m_settings.hasApiTokenInCredentialStore(key);
}

void TokenStore::fallBack(const QString &reason)
{
    if (m_backend == Backend::SettingsFile)
        return;
    m_backend = Backend::SettingsFile;
    m_keychainMissing = true;
    m_settingsFileReason = reason;
    qCInfo(lcTokens, "no credential store available (%s): API tokens go to %s",
           qUtf8Printable(reason), qUtf8Printable(m_settings.location()));
}

TokenStore::Answer TokenStore::inSettingsFile(const QByteArray &token) const
{
    Answer result;
    result.token = token;
    result.backend = Backend::SettingsFile;
    result.notice = m_keychainMissing
        ? tr("No credential store is available (%1), so the API token is kept unencrypted in "
             "the settings file %2.").arg(m_settingsFileReason, m_settings.location())
        : tr("The credential store is not used (%1), so the API token is kept unencrypted in "
             "the settings file %2.").arg(m_settingsFileReason, m_settings.location());
    return result;
}

void TokenStore::answerLater(const Callback &answer, const Outcome &result)
{
    // Later, as the credential store answers: callers never see their callback run inside the call.
    QTimer::singleShot(0, this, [answer, result] { answer(result); });
}

void TokenStore::readToken(const QUrl &server, QObject *context, Callback done)
{
    const QString key = keyFor(server);
    const Callback answer = guardedBy(context, std::move(done));
    if (m_backend == Backend::SettingsFile)
        return answerLater(answer, inSettingsFile(m_settings.apiToken(key)));

    auto *job = new QKeychain::ReadPasswordJob(serviceName); // deletes itself when finished
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, server, key, answer] {
        Answer result;
        if (job->error() == QKeychain::NoError) {
            qCDebug(lcTokens, "read the token for %s from the credential store", qUtf8Printable(key));
            result.token = job->textData().toUtf8();
            return answer(result);
        }
        if (job->error() == QKeychain::EntryNotFound) {
            // Saved by a run that had no credential store? Now there is one: it moves there.
            result.token = m_settings.apiToken(key);
            if (!result.token.isEmpty()) {
                qCInfo(lcTokens, "moving the token for %s from the settings file to the credential store",
                       qUtf8Printable(key));
                writeToken(server, result.token, nullptr, [](const Outcome &) {});
            }
            return answer(result);
        }
        if (isStoreMissing(job->error())) {
            fallBack(reasonText(job->errorString()));
            return answer(inSettingsFile(m_settings.apiToken(key)));
        }
        qCWarning(lcTokens, "the credential store did not give the token for %s: %s",
                  qUtf8Printable(key), qUtf8Printable(job->errorString()));
        answer(Failure(tr("The credential store did not give the API token: %1").arg(job->errorString())));
    });
    job->start();
}

void TokenStore::writeToken(const QUrl &server, const QByteArray &token, QObject *context,
                            Callback done)
{
    if (token.isEmpty())
        return deleteToken(server, context, std::move(done));
    const QString key = keyFor(server);
    const Callback answer = guardedBy(context, std::move(done));
    if (m_backend == Backend::SettingsFile) {
        m_settings.setApiToken(key, token);
        return answerLater(answer, inSettingsFile());
    }

    auto *job = new QKeychain::WritePasswordJob(serviceName);
    job->setKey(key);
    job->setTextData(QString::fromUtf8(token));
    connect(job, &QKeychain::Job::finished, this, [this, job, key, token, answer] {
        if (job->error() == QKeychain::NoError) {
            m_settings.setApiTokenInCredentialStore(key, true);
            m_settings.setApiToken(key, {}); // no plain-text copy left from a run without a store
            qCDebug(lcTokens, "saved the token for %s in the credential store", qUtf8Printable(key));
            return answer(Answer{});
        }
        if (isStoreMissing(job->error())) {
            fallBack(reasonText(job->errorString()));
            m_settings.setApiToken(key, token);
            return answer(inSettingsFile());
        }
        qCWarning(lcTokens, "the credential store did not save the token for %s: %s",
                  qUtf8Printable(key), qUtf8Printable(job->errorString()));
        answer(Failure(tr("The credential store did not save the API token: %1").arg(job->errorString())));
    });
    job->start();
}

void TokenStore::deleteToken(const QUrl &server, QObject *context, Callback done)
{
    const QString key = keyFor(server);
    const Callback answer = guardedBy(context, std::move(done));
    m_settings.setApiToken(key, {}); // wherever it was, it goes
    m_settings.setApiTokenInCredentialStore(key, false);
    Answer deleted;
    deleted.backend = m_backend;
    if (m_backend == Backend::SettingsFile)
        return answerLater(answer, deleted);

    auto *job = new QKeychain::DeletePasswordJob(serviceName);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, deleted, answer]() mutable {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound) {
            qCDebug(lcTokens, "no token for %s in the credential store any more", qUtf8Printable(key));
            return answer(deleted);
        }
        if (isStoreMissing(job->error())) {
            fallBack(reasonText(job->errorString()));
            deleted.backend = Backend::SettingsFile;
            return answer(deleted);
        }
        qCWarning(lcTokens, "the credential store did not delete the token for %s: %s",
                  qUtf8Printable(key), qUtf8Printable(job->errorString()));
        answer(Failure(tr("The credential store did not delete the API token: %1").arg(job->errorString())));
    });
    job->start();
}

} // namespace taskflow
