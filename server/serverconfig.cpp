#include <taskflow/server/serverconfig.h>

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

const QString defaultCorsOrigins = u"http://localhost:5173,http://localhost:3000"_s;

struct Setting
{
    QString flag;
    QString variable;
    QString description;
    QString defaultValue;
};

const QList<Setting> &settings()
{
    static const QList<Setting> all{
        {u"database-url"_s, u"DATABASE_URL"_s, u"Database: sqlite:///path.db or postgresql://…"_s,
         QString::fromLatin1(DatabaseUrl::defaultUrl)},
        {u"host"_s, u"HOST"_s, u"Address to listen on."_s, u"127.0.0.1"_s},
        {u"port"_s, u"PORT"_s, u"Port to listen on (0 picks a free one)."_s, u"8000"_s},
        {u"cors-origins"_s, u"CORS_ORIGINS"_s,
         u"Comma-separated origins allowed to call the API; * allows any."_s, defaultCorsOrigins},
        {u"environment"_s, u"ENVIRONMENT"_s, u"Name reported by /health."_s, u"development"_s},
        {u"pool-size"_s, u"DB_POOL_SIZE"_s, u"Database connections (and worker threads)."_s,
         u"5"_s},
        {u"max-body-bytes"_s, u"MAX_BODY_BYTES"_s, u"Largest request body accepted."_s,
         u"1048576"_s},
        {u"request-timeout"_s, u"REQUEST_TIMEOUT"_s,
         u"Seconds a client may take to send one request before it is cut off."_s, u"30"_s},
        {u"api-token"_s, u"API_TOKEN"_s,
         u"When set, /tasks needs 'Authorization: Bearer <token>'. Prefer the variable: a flag "
         "shows in the process list."_s, QString()},
        {u"api-tokens-file"_s, u"API_TOKENS_FILE"_s,
         u"A file of accepted tokens, one a line (# starts a comment)."_s, QString()},
    };
    return all;
}

ServerConfig::Loaded fail(const QString &message)
{
    return ServerConfig::Loaded{ServerConfig::Outcome::ExitError, {}, message};
}

std::optional<qint64> positiveNumber(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

} // namespace

ServerConfig::Loaded ServerConfig::load(const QStringList &arguments,
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
        return Loaded{Outcome::ExitOk, {}, parser.helpText()};
    if (parser.isSet(versionOption))
        return Loaded{Outcome::ExitOk, {}, u"taskflow-server " TASKFLOW_VERSION ""_s};
    if (!parser.positionalArguments().isEmpty())
        return fail(u"unexpected argument '%1' (see --help)"_s.arg(parser.positionalArguments().first()));

    // name -> (value, where it came from), flags over environment over defaults
    const auto valueOf = [&](int index) -> QPair<QString, QString> {
        const Setting &setting = settings().at(index);
        if (parser.isSet(options.at(index)))
            return {parser.value(options.at(index)), u"--"_s + setting.flag};
        if (environment.contains(setting.variable))
            return {environment.value(setting.variable), setting.variable};
        return {setting.defaultValue, setting.variable};
    };

    ServerConfig config;
    {
        const auto [text, source] = valueOf(0);
        const Result<DatabaseUrl> parsed = DatabaseUrl::parse(text);
        if (!parsed)
            return fail(u"%1 is not a valid database URL: %2"_s.arg(source, parsed.error()));
        config.database = parsed.value();
    }
    {
        const auto [text, source] = valueOf(1);
        const QString host = text.trimmed();
        if (host == u"localhost"_s) {
            config.host = QHostAddress::LocalHost;
        } else if (!config.host.setAddress(host)) {
            return fail(u"%1 must be an IP address such as 127.0.0.1 or 0.0.0.0, not '%2'"_s.arg(
                source, host));
        }
        config.hostText = host;
    }
    {
        const auto [text, source] = valueOf(2);
        const auto port = positiveNumber(text, 0, 65535);
        if (!port)
            return fail(u"%1 must be a port number from 0 to 65535, not '%2'"_s.arg(source, text));
        config.port = quint16(*port);
    }
    {
        const auto [text, source] = valueOf(3);
        for (const QString &origin : text.split(u','))
            if (const QString trimmed = origin.trimmed(); !trimmed.isEmpty())
                config.corsOrigins.append(trimmed);
    }
    config.environment = valueOf(4).first;
    {
        const auto [text, source] = valueOf(5);
        const auto size = positiveNumber(text, 1, 256);
        if (!size)
            return fail(u"%1 must be a number from 1 to 256, not '%2'"_s.arg(source, text));
        config.poolSize = int(*size);
    }
    {
        const auto [text, source] = valueOf(6);
        const auto bytes = positiveNumber(text, 1, qint64(1) << 31);
        if (!bytes)
            return fail(u"%1 must be a number of bytes from 1 to 2147483648, not '%2'"_s.arg(
                source, text));
        config.maxBodyBytes = *bytes;
    }
    {
        const auto [text, source] = valueOf(7);
        const auto seconds = positiveNumber(text, 1, 3600);
        if (!seconds)
            return fail(u"%1 must be a number of seconds from 1 to 3600, not '%2'"_s.arg(source, text));
        config.requestTimeoutSeconds = int(*seconds);
    }
    {
        const QString token = valueOf(8).first;
        const QString file = valueOf(9).first;
        const AccessControl::Loaded access = AccessControl::load(token, file);
        if (!access.access)
            return fail(u"API_TOKENS_FILE: "_s + access.error);
        config.access = *access.access;
    }
    config.checkConfigOnly = parser.isSet(checkOption);
    config.ceilingRoute = parser.isSet(ceilingOption);
    return Loaded{Outcome::Run, config, {}};
}

QStringList ServerConfig::describe() const
{
    return {
        u"database:       %1"_s.arg(database.redacted()),
        u"listen:         http://%1:%2"_s.arg(hostText).arg(port),
        u"cors origins:   %1"_s.arg(corsOrigins.join(u", "_s)),
        u"environment:    %1"_s.arg(environment),
        u"db pool size:   %1"_s.arg(poolSize),
        u"max body bytes: %1"_s.arg(maxBodyBytes),
        u"request timeout: %1 s"_s.arg(requestTimeoutSeconds),
        u"api tokens:     %1"_s.arg(access.isEnabled() ? u"%1 (required on /tasks)"_s.arg(access.tokenCount())
                                                       : u"none (open access)"_s),
    };
}

} // namespace taskflow
