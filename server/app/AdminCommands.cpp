#include "AdminCommands.h"

#include "AccountAdmin.h"
#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "ServerMigrator.h"
#include "TransferAdmin.h"

#include <QCommandLineParser>

namespace ud::server {

AdminCommands::AdminCommands(QString databaseUrl, QTextStream& out, QTextStream& err)
    : m_databaseUrl(std::move(databaseUrl))
    , m_out(out)
    , m_err(err)
{
}

QString AdminCommands::usage()
{
    return tr("Usage: uniondesk-server [--database URL] [--listen HOST:PORT] [--tls-cert FILE --tls-key "
              "FILE] [--threads N] "
              "[serve]\n"
              "       uniondesk-server [--database URL] admin COMMAND [options]\n"
              "\n"
              "Without a command (or with serve) the server brings the database up to date and serves the "
              "HTTP API\n"
              "until SIGTERM or SIGINT, after printing one line: listening on http[s]://HOST:PORT.\n"
              "  --listen HOST:PORT    address and port (default 127.0.0.1:8470; PORT 0 picks a free one)\n"
              "  --tls-cert FILE       PEM certificate (chain) for HTTPS, with --tls-key FILE (PEM key)\n"
              "  --threads N           requests answered at once (default: the processor count, at least 2)\n"
              "\n"
              "Commands:\n"
              "  admin init --org-name NAME --level LEVEL           create the root organisation\n"
              "  admin add-org --name NAME --parent ORG --level LEVEL\n"
              "  admin add-user --login LOGIN --password-file FILE --org ORG --role "
              "administrator|clerk|viewer|auditor\n"
              "  admin reset-password --login LOGIN --password-file FILE\n"
              "  admin disable-user --login LOGIN                   also ends its sessions\n"
              "  admin verify-audit                                 check the audit log's hash chain\n"
              "  admin expire-transfers --days N                    requests open more than N days expire\n"
              "  admin transfer-rule --org ORG --auto-approve-hung yes|no\n"
              "                                                     approve requests for members hung at "
              "ORG\n"
              "                                                     as they arrive, or not\n"
              "\n"
              "ORG is an organisation's id or exact name. The password is the first line of FILE.\n"
              "--database is sqlite:PATH or postgresql://USER@HOST:PORT/DB (default %1).\n")
        .arg(ServerDatabase::defaultUrl());
}

int AdminCommands::fail(const QString& message)
{
    m_err << tr("error: %1").arg(message.simplified()) << Qt::endl;
    return Exit::Failed;
}

int AdminCommands::usageError(const QString& message)
{
    fail(message);
    return Exit::Usage;
}

QString AdminCommands::actor() const
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("server-admin") : QStringLiteral("server-admin:") + user;
}

int AdminCommands::run(const QStringList& arguments)
{
    if (arguments.isEmpty())
        return usageError(tr("admin needs a command: init, add-org, add-user, reset-password, disable-user, "
                             "verify-audit, expire-transfers or transfer-rule."));
    const QString command = arguments.first();

    struct Spec
    {
        const char* option;
        const char* valueName;
    };
    QList<Spec> required;
    if (command == QLatin1String("init"))
        required = {{"org-name", "NAME"}, {"level", "LEVEL"}};
    else if (command == QLatin1String("add-org"))
        required = {{"name", "NAME"}, {"parent", "ORG"}, {"level", "LEVEL"}};
    else if (command == QLatin1String("add-user"))
        required = {{"login", "LOGIN"}, {"password-file", "FILE"}, {"org", "ORG"}, {"role", "ROLE"}};
    else if (command == QLatin1String("reset-password"))
        required = {{"login", "LOGIN"}, {"password-file", "FILE"}};
    else if (command == QLatin1String("disable-user"))
        required = {{"login", "LOGIN"}};
    else if (command == QLatin1String("expire-transfers"))
        required = {{"days", "N"}};
    else if (command == QLatin1String("transfer-rule"))
        required = {{"org", "ORG"}, {"auto-approve-hung", "yes|no"}};
    else if (command != QLatin1String("verify-audit"))
        return usageError(tr("Unknown admin command \"%1\".").arg(command));

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const Spec& spec : required)
        parser.addOption({QString::fromLatin1(spec.option), QString(), QString::fromLatin1(spec.valueName)});
    QStringList parserArguments = arguments;
    parserArguments[0] = QStringLiteral("uniondesk-server admin ") + command;
    if (!parser.parse(parserArguments))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    for (const Spec& spec : required) {
        if (!parser.isSet(QString::fromLatin1(spec.option)))
            return usageError(
                tr("admin %1 needs --%2 %3.")
                    .arg(command, QString::fromLatin1(spec.option), QString::fromLatin1(spec.valueName)));
    }
    auto value = [&parser](const char* option) {
        return parser.value(QString::fromLatin1(option));
    };

    int days = 0;
    if (command == QLatin1String("expire-transfers")) {
        bool ok = false;
        days = value("days").toInt(&ok);
        if (!ok || days < 1)
            return usageError(
                tr("--days must be a whole number of days, 1 or more, not \"%1\".").arg(value("days")));
    }
    QString autoApprove;
    if (command == QLatin1String("transfer-rule")) {
        autoApprove = value("auto-approve-hung");
        if (autoApprove != QLatin1String("yes") && autoApprove != QLatin1String("no"))
            return usageError(tr("--auto-approve-hung takes yes or no, not \"%1\".").arg(autoApprove));
    }
    if (command == QLatin1String("add-user") && !AccountAdmin::roles().contains(value("role")))
        return usageError(tr("Unknown role \"%1\"; use one of %2.")
                              .arg(value("role"), AccountAdmin::roles().join(QStringLiteral(", "))));
    QByteArray password;
    QString error;
    if (parser.optionNames().contains(QStringLiteral("password-file")) &&
        !AccountAdmin::readPasswordFile(value("password-file"), &password, &error))
        return fail(error);

    const std::unique_ptr<ServerDatabase> database = ServerDatabase::open(m_databaseUrl, &error);
    if (!database)
        return fail(error);
    ServerMigrator migrator(*database);
    if (!migrator.migrate(&error))
        return fail(tr("Cannot bring the database up to date: %1").arg(error));

    if (command == QLatin1String("verify-audit")) {
        const AuditVerification verification = ServerAudit(*database).verify();
        if (!verification.error.isEmpty())
            return fail(tr("Cannot read the audit log: %1").arg(verification.error));
        if (!verification.ok)
            return fail(tr("The audit log is broken at entry %1: %2.")
                            .arg(verification.brokenSeq)
                            .arg(verification.reason));
        m_out << tr("ok %1 entries").arg(verification.entries) << Qt::endl;
        return Exit::Ok;
    }

    if (command == QLatin1String("expire-transfers")) {
        int expired = 0;
        if (!TransferAdmin(*database, actor()).expireRequests(days, &expired, &error))
            return fail(error);
        m_out << tr("%n transfer request(s) expired.", nullptr, expired) << Qt::endl;
        return Exit::Ok;
    }
    if (command == QLatin1String("transfer-rule")) {
        QString name;
        const bool yes = autoApprove == QLatin1String("yes");
        if (!TransferAdmin(*database, actor()).setAutoApproveHung(value("org"), yes, &error, &name))
            return fail(error);
        m_out << (yes ? tr("Requests for members hung at \"%1\" are now approved as they arrive.")
                      : tr("Requests for members hung at \"%1\" now wait for a clerk's decision."))
                     .arg(name)
              << Qt::endl;
        return Exit::Ok;
    }

    AccountAdmin admin(*database, actor());
    QString id;
    if (command == QLatin1String("init")) {
        if (!admin.init(value("org-name"), value("level"), &error, &id))
            return fail(error);
        m_out << tr("Created the root organisation \"%1\" (%2).").arg(value("org-name").trimmed(), id)
              << Qt::endl;
    } else if (command == QLatin1String("add-org")) {
        if (!admin.addOrganisation(value("name"), value("parent"), value("level"), &error, &id))
            return fail(error);
        m_out << tr("Added the organisation \"%1\" (%2).").arg(value("name").trimmed(), id) << Qt::endl;
    } else if (command == QLatin1String("add-user")) {
        if (!admin.addUser(value("login"), password, value("org"), value("role"), &error, &id))
            return fail(error);
        m_out << tr("Added the account \"%1\" (%2).").arg(value("login"), value("role")) << Qt::endl;
    } else if (command == QLatin1String("reset-password")) {
        if (!admin.resetPassword(value("login"), password, &error))
            return fail(error);
        m_out << tr("Changed the password of \"%1\".").arg(value("login")) << Qt::endl;
    } else if (command == QLatin1String("disable-user")) {
        int ended = 0;
        if (!admin.disableUser(value("login"), &error, &ended))
            return fail(error);
        m_out << tr("Disabled \"%1\"; %n session(s) ended.", nullptr, ended).arg(value("login")) << Qt::endl;
    }
    return Exit::Ok;
}

} // namespace ud::server
