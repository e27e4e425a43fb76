#include <taskflow/desktop/settings.h>

#include <taskflow/desktop/apiclient.h>
#include <taskflow/desktop/pollinterval.h>

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

const QString serverUrlKey = u"server/url"_s;
const QString refreshIntervalKey = u"server/refreshIntervalSeconds"_s;
const QString geometryKey = u"window/geometry"_s;
const QString stateKey = u"window/state"_s;
const QString headerKey = u"window/tableHeader"_s;
const QString filterStatusKey = u"filters/status"_s;
const QString filterPriorityKey = u"filters/priority"_s;
const QString filterAssigneeKey = u"filters/assignee"_s;
const QString filterSearchKey = u"filters/search"_s;
const QString smartViewKey = u"filters/view"_s;
const QString languageKey = u"ui/language"_s;
const QString themeKey = u"ui/theme"_s;
const QString trayKey = u"ui/keepInTray"_s;
const QString remindersKey = u"ui/reminders"_s;
const QString apiTokensGroup = u"apiTokens/"_s;
const QString credentialStoreGroup = u"apiTokensInCredentialStore/"_s;

// An origin holds "/", which QSettings reads as a group separator.
QString originKey(const QString &group, const QString &origin)
{
    return group + QString::fromLatin1(QUrl::toPercentEncoding(origin));
}

} // namespace

Settings::Settings() : m_settings(std::make_unique<QSettings>()) {}

Settings::Settings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

QUrl Settings::defaultServerUrl()
{
    return QUrl(u"http://127.0.0.1:8000"_s);
}

QUrl Settings::serverUrl() const
{
    if (m_serverOverride.isValid())
        return m_serverOverride;
    const QUrl saved = ApiClient::serverUrlFromUserInput(m_settings->value(serverUrlKey).toString());
    return saved.isValid() ? saved : defaultServerUrl();
}

void Settings::setServerUrl(const QUrl &url)
{
    m_serverOverride.clear();
    m_settings->setValue(serverUrlKey, url.toString());
}

std::chrono::seconds Settings::refreshInterval() const
{
    const qint64 seconds =
        m_settings->value(refreshIntervalKey, qint64(PollInterval::defaultValue.count())).toLongLong();
    return std::chrono::seconds(
        qBound(qint64(PollInterval::minimum.count()), seconds, qint64(PollInterval::maximum.count())));
}

void Settings::setRefreshInterval(std::chrono::seconds interval)
{
    m_settings->setValue(refreshIntervalKey, qint64(interval.count()));
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(geometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(geometryKey, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(stateKey).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(stateKey, state);
}

QByteArray Settings::tableHeaderState() const
{
    return m_settings->value(headerKey).toByteArray();
}

void Settings::setTableHeaderState(const QByteArray &state)
{
    m_settings->setValue(headerKey, state);
}

TaskQuery Settings::filters() const
{
    TaskQuery query;
    query.status = statusFromApi(m_settings->value(filterStatusKey).toString());
    query.priority = priorityFromApi(m_settings->value(filterPriorityKey).toString());
    const QString assignee = m_settings->value(filterAssigneeKey).toString();
    if (!assignee.isEmpty())
        query.assignee = assignee;
    const QString search = m_settings->value(filterSearchKey).toString();
    if (!search.isEmpty())
        query.search = search;
    return query;
}

void Settings::setFilters(const TaskQuery &filters)
{
    m_settings->setValue(filterStatusKey, filters.status ? toApi(*filters.status) : QString());
    m_settings->setValue(filterPriorityKey, filters.priority ? toApi(*filters.priority) : QString());
    m_settings->setValue(filterAssigneeKey, filters.assignee.value_or(QString()));
    m_settings->setValue(filterSearchKey, filters.search.value_or(QString()));
}

SmartView Settings::smartView() const
{
    return smartViewFromSettingsName(m_settings->value(smartViewKey).toString()).value_or(SmartView::All);
}

void Settings::setSmartView(SmartView view)
{
    m_settings->setValue(smartViewKey, settingsName(view));
}

QString Settings::language() const
{
    return m_settings->value(languageKey).toString();
}

void Settings::setLanguage(const QString &language)
{
    m_settings->setValue(languageKey, language);
}

QString Settings::theme() const
{
    return m_settings->value(themeKey).toString();
}

void Settings::setTheme(const QString &theme)
{
    m_settings->setValue(themeKey, theme);
}

bool Settings::keepInTray() const
{
    return m_settings->value(trayKey, false).toBool();
}

void Settings::setKeepInTray(bool keep)
{
    m_settings->setValue(trayKey, keep);
}

bool Settings::remindersEnabled() const
{
    return m_settings->value(remindersKey, true).toBool();
}

void Settings::setRemindersEnabled(bool enabled)
{
    m_settings->setValue(remindersKey, enabled);
}

QByteArray Settings::apiToken(const QString &origin) const
{
    return m_settings->value(originKey(apiTokensGroup, origin)).toString().toUtf8();
}

void Settings::setApiToken(const QString &origin, const QByteArray &token)
{
    const QString key = originKey(apiTokensGroup, origin);
    if (token.isEmpty() && !m_settings->contains(key))
        return;
    if (token.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, QString::fromUtf8(token));
    m_settings->sync();
    // A token in the file is a password in plain text: only its owner may read the file.
    // (Later rewrites keep the permissions: QSettings saves through QSaveFile.)
    const QString file = m_settings->fileName();
    if (!token.isEmpty() && QFileInfo(file).isFile())
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
}

bool Settings::hasApiTokenInCredentialStore(const QString &origin) const
{
    return m_settings->value(originKey(credentialStoreGroup, origin), false).toBool();
}

void Settings::setApiTokenInCredentialStore(const QString &origin, bool saved)
{
    const QString key = originKey(credentialStoreGroup, origin);
    if (saved == hasApiTokenInCredentialStore(origin))
        return;
    if (saved)
        m_settings->setValue(key, true);
    else
        m_settings->remove(key);
    m_settings->sync();
}

QString Settings::location() const
{
    return m_settings->fileName();
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace taskflow
