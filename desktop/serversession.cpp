#include <taskflow/desktop/serversession.h>

#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/eventstream.h>
#include <taskflow/desktop/offlinestore.h>
#include <taskflow/desktop/settings.h>
#include <taskflow/desktop/taskstore.h>
#include <taskflow/desktop/tasktablemodel.h>
#include <taskflow/desktop/tokenstore.h>

namespace taskflow {

ServerSession::ServerSession(Settings &settings, QObject *parent)
    : QObject(parent),
      m_settings(settings),
      m_api(new ApiClient(this)),
      m_events(new EventStream(m_api, this)),
      m_tokens(new TokenStore(settings, this)),
      m_model(new TaskTableModel(this)),
      m_store(new TaskStore(m_api, m_events, m_model, this))
{
    m_api->setBaseUrl(settings.serverUrl());
    m_store->setPollInterval(settings.refreshInterval());
    connect(m_api, &ApiClient::busyChanged, this, [this] { emit busyChanged(isBusy()); });
}

ServerSession::~ServerSession()
{
    m_events->stop();
}

QUrl ServerSession::serverUrl() const
{
    return m_api->baseUrl();
}

bool ServerSession::isBusy() const
{
    return m_api->isBusy() || m_readingToken;
}

void ServerSession::openOfflineStore()
{
    m_store->openOfflineStore(OfflineStore::defaultPath(TokenStore::keyFor(m_api->baseUrl())));
}

void ServerSession::start()
{
    m_started = true;
    openOfflineStore();
    loadStoredToken(); // the first request waits for it
    m_store->refresh();
    m_store->startPolling();
    if (!m_readingToken)
        m_events->start();
}

void ServerSession::stop()
{
    m_started = false;
    m_store->stopPolling();
    m_events->stop();
}

void ServerSession::useServer(const QUrl &url, const std::optional<QByteArray> &token)
{
    const bool serverChanged = url != m_api->baseUrl();
    if (!serverChanged && token && *token == m_api->token())
        return;
    if (serverChanged) {
        m_api->abortAll();
        m_api->setBaseUrl(url);
        openOfflineStore();
    }
    m_events->stop();
    if (token)
        applyToken(*token);
    else
        loadStoredToken();
    m_store->reload(); // what was shown came from another server, or with another token
    if (m_started && !m_readingToken)
        m_events->start();
    emit this->serverChanged(url);
}

void ServerSession::loadStoredToken()
{
    if (!m_tokens->mayHoldToken(m_api->baseUrl()))
        return applyToken({}); // no need to wake the credential store
    const quint64 read = ++m_tokenRead;
    m_api->setToken({});
    m_store->setHeld(true);
    m_events->stop();
    m_readingToken = true;
    emit busyChanged(isBusy());
    m_tokens->readToken(m_api->baseUrl(), this, [this, read](const TokenStore::Outcome &result) {
        if (read != m_tokenRead)
            return; // another server or token was chosen meanwhile
        if (!result.ok())
            emit message(tr("Could not read the API token: %1").arg(result.error()));
        applyToken(result.ok() ? result->token : QByteArray());
        if (m_started)
            m_events->start();
    });
}

void ServerSession::applyToken(const QByteArray &token)
{
    ++m_tokenRead; // a read still running was for an earlier choice
    m_api->setToken(token);
    m_readingToken = false;
    emit busyChanged(isBusy());
    m_store->setHeld(false);
}

void ServerSession::saveToken(const QUrl &server, const QByteArray &token)
{
    m_tokens->writeToken(server, token, this, [this](const TokenStore::Outcome &result) {
        if (!result.ok())
            emit message(tr("The API token is used until TaskFlow quits, but was not saved: %1")
                             .arg(result.error()));
        else if (!result->notice.isEmpty())
            emit message(result->notice);
    });
}

} // namespace taskflow
