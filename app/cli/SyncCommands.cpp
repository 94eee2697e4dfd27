#include "SyncCommands.h"

#include "CliContext.h"
#include "audit/AuditLog.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncRunner.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <optional>
#include <unistd.h>

namespace ud::cli {

namespace {

QString progressLine(const sync::SyncProgress& p)
{
    switch (p.phase) {
    case sync::SyncProgress::Phase::SigningIn:
        return CliContext::tr("signing in…");
    case sync::SyncProgress::Phase::Pushing:
        return CliContext::tr("sending: %1 sent, %2 waiting").arg(p.pushed).arg(p.pending);
    case sync::SyncProgress::Phase::Pulling:
        return CliContext::tr("receiving: %1 so far").arg(p.pulled);
    case sync::SyncProgress::Phase::Waiting:
        return CliContext::tr("waiting to try again: %1").arg(p.message);
    case sync::SyncProgress::Phase::Done:
        break;
    }
    return QString();
}

QString valueText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

QJsonObject toJson(const sync::SyncConflict& c)
{
    return QJsonObject{{QStringLiteral("id"), c.id},           {QStringLiteral("entity"), c.entity},
                       {QStringLiteral("record"), c.recordId}, {QStringLiteral("field"), c.field},
                       {QStringLiteral("mine"), c.mine},       {QStringLiteral("theirs"), c.theirs},
                       {QStringLiteral("reason"), c.reason},   {QStringLiteral("createdAt"), c.createdAt}};
}

int runList(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    Database* store = context.store();
    if (!store)
        return Exit::Failed;
    // The values may be ID numbers and mobiles, printed unmasked: logged like any other listing.
    AuditEntry entry;
    entry.actor = context.actor();
    entry.action = AuditLog::Export;
    entry.detail = QStringLiteral("uniondesk-cli conflicts list");
    QString error;
    if (!AuditLog(store->connection()).append(entry, &error))
        return context.fail(CliContext::tr("The listing cannot be written to the audit log: %1").arg(error));
    const QList<sync::SyncConflict> open = sync::SyncConflictRepository(*store).open();
    QTextStream& out = context.out();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const sync::SyncConflict& c : open)
            rows.append(toJson(c));
        out << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)) << Qt::endl;
        return Exit::Ok;
    }
    for (const sync::SyncConflict& c : open) {
        out << c.id << '\t' << c.entity << '\t' << c.recordId << '\t';
        if (c.isOperation())
            out << CliContext::tr("(whole change)") << '\t' << c.reason;
        else
            out << c.field << '\t' << CliContext::tr("mine: %1").arg(valueText(c.mine)) << '\t'
                << CliContext::tr("theirs: %1").arg(valueText(c.theirs));
        out << '\n';
    }
    if (open.isEmpty())
        out << CliContext::tr("No sync conflicts.") << '\n';
    out.flush();
    return Exit::Ok;
}

int runResolve(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("id"),
                                 CliContext::tr("The conflict's id (see conflicts list)."));
    parser.addOption({QStringLiteral("keep"),
                      CliContext::tr("mine (send the local value again) or theirs (take the "
                                     "server's value)."),
                      CliContext::tr("WHICH")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    const QString keep = parser.value(QStringLiteral("keep"));
    if (parser.positionalArguments().size() != 1 ||
        (keep != QLatin1String("mine") && keep != QLatin1String("theirs")))
        return context.usageError(
            CliContext::tr("conflicts resolve needs the conflict's ID and --keep mine|theirs."));
    Database* store = context.store();
    if (!store)
        return Exit::Failed;
    const QString id = parser.positionalArguments().first();
    QString error;
    sync::SyncConflictRepository conflicts(*store);
    const std::optional<sync::SyncConflict> conflict = conflicts.find(id);
    const bool refusal = conflict && conflict->isRejection();
    if (!conflicts.resolve(id,
                           keep == QLatin1String("mine")
                               ? sync::SyncConflictRepository::Resolution::KeepMine
                               : sync::SyncConflictRepository::Resolution::TakeTheirs,
                           context.actor(), &error))
        return context.fail(error);
    context.out() << (keep == QLatin1String("mine")
                          ? CliContext::tr("Kept the local value; it is sent with the next sync.")
                      : refusal ? CliContext::tr("Gave up the change the server refused (a record the server "
                                                 "never had is removed from this file).")
                                : CliContext::tr("Took the server's value."))
                  << Qt::endl;
    return Exit::Ok;
}

} // namespace

QString syncUsage()
{
    return CliContext::tr(
        "Sync with the server:\n"
        "  sync --server URL --user LOGIN --password-file FILE [--json] [--retries N]\n"
        "       [--page-size N]                     send local changes, receive the server's (N\n"
        "                                           changes a page, default 5000); a new FILE\n"
        "                                           receives the account's organisation\n"
        "  conflicts list [--json]                  changes the server did not take as they were\n"
        "  conflicts resolve ID --keep mine|theirs\n");
}

int runSync(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("server"), CliContext::tr("The server's address (http://host:port)."),
                      CliContext::tr("URL")});
    parser.addOption(
        {QStringLiteral("user"), CliContext::tr("The account's login."), CliContext::tr("LOGIN")});
    parser.addOption({QStringLiteral("password-file"),
                      CliContext::tr("A file whose first line is the password."), CliContext::tr("FILE")});
    parser.addOption({QStringLiteral("retries"),
                      CliContext::tr("Further tries after a network or server failure (default 2)."),
                      CliContext::tr("N"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("page-size"),
                      CliContext::tr("Changes asked for in one page of a pull (default 5000)."),
                      CliContext::tr("N")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print the counts as JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (!parser.isSet(QStringLiteral("server")) || !parser.isSet(QStringLiteral("user")) ||
        !parser.isSet(QStringLiteral("password-file")))
        return context.usageError(
            CliContext::tr("sync needs --server URL, --user LOGIN and --password-file FILE."));
    bool ok = false;
    const int retries = parser.value(QStringLiteral("retries")).toInt(&ok);
    if (!ok || retries < 0 || retries > 20)
        return context.usageError(CliContext::tr("--retries: give a whole number from 0 to 20."));

    sync::SyncOptions options;
    if (parser.isSet(QStringLiteral("page-size"))) {
        // A server sends at most 5000 changes a page, however many are asked for.
        options.pullLimit = parser.value(QStringLiteral("page-size")).toInt(&ok);
        if (!ok || options.pullLimit < 1 || options.pullLimit > 5000)
            return context.usageError(CliContext::tr("--page-size: give a whole number from 1 to 5000."));
    }
    options.serverUrl = parser.value(QStringLiteral("server"));
    options.login = parser.value(QStringLiteral("user"));
    options.attempts = retries + 1;
    QString passwordError;
    if (!context.readPasswordFile(parser.value(QStringLiteral("password-file")), &options.password,
                                  &passwordError))
        return context.fail(passwordError);
    Database* store = context.store(true);
    if (!store)
        return Exit::Failed;

    sync::SyncRunner runner(*store, options);
    const bool interactive = isatty(fileno(stderr));
    if (interactive) {
        runner.setProgressHandler([&context](const sync::SyncProgress& p) {
            context.err() << QStringLiteral("\r\033[K") << progressLine(p) << Qt::flush;
        });
    }
    const sync::SyncReport report = runner.run();
    if (interactive)
        context.err() << QStringLiteral("\r\033[K") << Qt::flush;
    if (!report.ok)
        return context.fail(report.error);
    if (parser.isSet(QStringLiteral("json"))) {
        context.out() << QStringLiteral("{\"pushed\": %1, \"pulled\": %2, \"conflicts\": %3}")
                             .arg(report.pushed)
                             .arg(report.pulled)
                             .arg(report.conflicts)
                      << Qt::endl;
        return Exit::Ok;
    }
    context.out() << CliContext::tr("Synced with %1. Changes sent: %2; received: %3; new conflicts: %4.")
                         .arg(options.serverUrl)
                         .arg(report.pushed)
                         .arg(report.pulled)
                         .arg(report.conflicts)
                  << Qt::endl;
    const qint64 open = sync::SyncConflictRepository(*store).openCount();
    if (open > 0)
        context.out() << CliContext::tr(
                             "Conflicts waiting for a decision: %1 (see uniondesk-cli conflicts list).")
                             .arg(open)
                      << Qt::endl;
    return Exit::Ok;
}

int runConflicts(CliContext& context, const QStringList& arguments)
{
    // arguments: [program, "conflicts", sub, …]; each subcommand parses [program, …rest].
    const QString sub = arguments.value(2);
    QStringList rest = arguments.mid(3);
    rest.prepend(arguments.value(0));
    if (sub == QLatin1String("list"))
        return runList(context, rest);
    if (sub == QLatin1String("resolve"))
        return runResolve(context, rest);
    context.fail(sub.isEmpty()
                     ? CliContext::tr("conflicts needs a subcommand: list or resolve.")
                     : CliContext::tr("Unknown conflicts subcommand \"%1\"; use list or resolve.").arg(sub));
    return Exit::Usage;
}

} // namespace ud::cli
