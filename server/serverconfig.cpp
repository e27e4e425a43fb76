#include <taskflow/server/serverconfig.h>

#include <QCommandLineParser>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

// Reads a setting's text into the configuration; on failure, why (the caller names the
// variable or flag it came from).
using Apply = std::function<Result<void>(ServerConfig &config, const QString &text)>;

struct Setting
{
    QString flag;
    QString variable;
    QString description;
    QString defaultValue; // empty: unset by default
    Apply apply;
};

Apply number(qint64 min, qint64 max, const QString &unit, std::function<void(ServerConfig &, qint64)> set)
{
    return [=](ServerConfig &config, const QString &text) -> Result<void> {
        bool ok = false;
        const qint64 value = text.trimmed().toLongLong(&ok);
        if (!ok || value < min || value > max)
            return Failure(u"must be %1 from %2 to %3, not '%4'"_s.arg(unit).arg(min).arg(max).arg(text));
        set(config, value);
        return {};
    };
}

const QList<Setting> &settings()
{
    static const QList<Setting> all{
        {u"database-url"_s, u"DATABASE_URL"_s, u"Database: sqlite:///path.db or postgresql://…"_s,
         QString::fromLatin1(DatabaseUrl::defaultUrl),
         [](ServerConfig &config, const QString &text) -> Result<void> {
             Result<DatabaseUrl> parsed = DatabaseUrl::parse(text);
             if (!parsed)
                 return Failure(u"is not a valid database URL: "_s + parsed.error());
             config.database = std::move(parsed).value();
             return {};
         }},
        {u"host"_s, u"HOST"_s, u"Address to listen on."_s, u"127.0.0.1"_s,
         [](ServerConfig &config, const QString &text) -> Result<void> {
             const QString host = text.trimmed();
             if (host == u"localhost"_s)
                 config.host = QHostAddress::LocalHost;
             else if (!config.host.setAddress(host))
                 return Failure(u"must be an IP address such as 127.0.0.1 or 0.0.0.0, not '%1'"_s.arg(host));
             config.hostText = host;
             return {};
         }},
        {u"port"_s, u"PORT"_s, u"Port to listen on (0 picks a free one)."_s, u"8000"_s,
         number(0, 65535, u"a port number"_s, [](ServerConfig &c, qint64 v) { c.port = quint16(v); })},
        {u"cors-origins"_s, u"CORS_ORIGINS"_s,
         u"Comma-separated origins allowed to call the API; * allows any."_s,
         u"http://localhost:5173,http://localhost:3000"_s,
         [](ServerConfig &config, const QString &text) -> Result<void> {
             config.corsOrigins.clear();
             for (const QString &origin : text.split(u','))
                 if (const QString trimmed = origin.trimmed(); !trimmed.isEmpty())
                     config.corsOrigins.append(trimmed);
             return {};
         }},
        {u"environment"_s, u"ENVIRONMENT"_s, u"Name reported by /health."_s, u"development"_s,
         [](ServerConfig &config, const QString &text) -> Result<void> {
             config.environment = text;
             return {};
         }},
        {u"pool-size"_s, u"DB_POOL_SIZE"_s, u"Database connections (and worker threads)."_s, u"5"_s,
         number(1, 256, u"a number"_s, [](ServerConfig &c, qint64 v) { c.poolSize = int(v); })},
        {u"queue-limit"_s, u"DB_QUEUE_LIMIT"_s,
         u"Requests that may wait for a database connection; more get 503 Server busy at once."_s,
         u"512"_s, number(1, 100000, u"a number"_s, [](ServerConfig &c, qint64 v) { c.queueLimit = int(v); })},
        {u"max-body-bytes"_s, u"MAX_BODY_BYTES"_s, u"Largest request body accepted."_s, u"1048576"_s,
         number(1, qint64(1) << 31, u"a number of bytes"_s,
                [](ServerConfig &c, qint64 v) { c.maxBodyBytes = v; })},
        {u"request-timeout"_s, u"REQUEST_TIMEOUT"_s,
         u"Seconds a client may take to send one request before it is cut off (408)."_s, u"30"_s,
         number(1, 3600, u"a number of seconds"_s,
                [](ServerConfig &c, qint64 v) { c.requestTimeoutSeconds = int(v); })},
        {u"keepalive-timeout"_s, u"KEEPALIVE_TIMEOUT"_s,
         u"Seconds an idle keep-alive connection stays open."_s, u"5"_s,
         number(1, 3600, u"a number of seconds"_s,
                [](ServerConfig &c, qint64 v) { c.keepAliveTimeoutSeconds = int(v); })},
        {u"write-timeout"_s, u"WRITE_TIMEOUT"_s,
         u"Seconds a client may take none of its answer before it is cut off."_s, u"30"_s,
         number(1, 3600, u"a number of seconds"_s,
                [](ServerConfig &c, qint64 v) { c.writeTimeoutSeconds = int(v); })},
        {u"api-token"_s, u"API_TOKEN"_s,
         u"When set, /tasks needs 'Authorization: Bearer <token>'. Prefer the variable: a flag "
         "shows in the process list."_s,
         QString(), [](ServerConfig &config, const QString &text) { return config.access.addToken(text); }},
        {u"api-tokens-file"_s, u"API_TOKENS_FILE"_s,
         u"A file of accepted tokens, one a line (# starts a comment)."_s, QString(),
         [](ServerConfig &config, const QString &text) { return config.access.addTokensFile(text); }},
    };
    return all;
}

Failure<ConfigExit> fail(const QString &message)
{
    return Failure(ConfigExit{2, message});
}

} // namespace

Result<ServerConfig, ConfigExit> ServerConfig::load(const QStringList &arguments,
                                                    const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"TaskFlow REST server. Every option can also be set by the environment variable "
        "named in brackets; a flag wins over its variable."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    QList<QCommandLineOption> options;
    for (const Setting &setting : settings()) {
        options.append(QCommandLineOption(
            setting.flag,
            u"%1 [%2, default: %3]"_s.arg(setting.description, setting.variable,
                                          setting.defaultValue.isEmpty() ? u"unset"_s
                                                                         : setting.defaultValue),
            u"value"_s));
        parser.addOption(options.last());
    }
    const QCommandLineOption checkOption(
        u"check-config"_s,
        u"Print the effective configuration, connect to the database, report the schema and "
        "exit (0 when all is well)."_s);
    parser.addOption(checkOption);
    const QCommandLineOption ceilingOption(
        u"benchmark-ceiling-route"_s,
        u"Serve GET /__ceiling, a constant answer the benchmark measures against. Not for "
        "production."_s);
    parser.addOption(ceilingOption);

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(helpOption))
        return Failure(ConfigExit{0, parser.helpText()});
    if (parser.isSet(versionOption))
        return Failure(ConfigExit{0, u"taskflow-server " TASKFLOW_VERSION ""_s});
    if (!parser.positionalArguments().isEmpty())
        return fail(u"unexpected argument '%1' (see --help)"_s.arg(parser.positionalArguments().first()));

    ServerConfig config;
    for (qsizetype i = 0; i < settings().size(); ++i) {
        const Setting &setting = settings().at(i);
        // A flag over its variable over the default; an empty variable counts as unset.
        QString text = setting.defaultValue;
        QString source = setting.variable;
        if (parser.isSet(options.at(i))) {
            text = parser.value(options.at(i));
            source = u"--"_s + setting.flag;
        } else if (!environment.value(setting.variable).isEmpty()) {
            text = environment.value(setting.variable);
        } else if (text.isEmpty()) {
            continue; // unset, no default
        }
        if (const Result<void> applied = setting.apply(config, text); !applied)
            return fail(source + u' ' + applied.error());
    }
    config.checkConfigOnly = parser.isSet(checkOption);
    config.ceilingRoute = parser.isSet(ceilingOption);
    return config;
}

QStringList ServerConfig::describe() const
{
    return {
        u"database:          %1"_s.arg(database.redacted()),
        u"listen:            http://%1:%2"_s.arg(hostText).arg(port),
        u"cors origins:      %1"_s.arg(corsOrigins.join(u", "_s)),
        u"environment:       %1"_s.arg(environment),
        u"db pool size:      %1"_s.arg(poolSize),
        u"db queue limit:    %1"_s.arg(queueLimit),
        u"max body bytes:    %1"_s.arg(maxBodyBytes),
        u"request timeout:   %1 s"_s.arg(requestTimeoutSeconds),
        u"keep-alive timeout: %1 s"_s.arg(keepAliveTimeoutSeconds),
        u"write timeout:     %1 s"_s.arg(writeTimeoutSeconds),
        u"api tokens:        %1"_s.arg(access.isEnabled() ? u"%1 (required on /tasks)"_s.arg(access.tokenCount())
                                                          : u"none (open access)"_s),
    };
}

} // namespace taskflow
