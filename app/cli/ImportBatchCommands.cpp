#include "ImportBatchCommands.h"

#include "CliContext.h"
#include "io/ImportBatchRepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ud::cli {

namespace {

int runList(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print the imports as a JSON array.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    const QList<ImportBatch> batches = ImportBatchRepository(*context.store(), scope).list();
    QTextStream& out = context.out();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ImportBatch& b : batches)
            array.append(b.toJson());
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << Qt::endl;
        return Exit::Ok;
    }
    for (const ImportBatch& b : batches) {
        out << b.importedAt.left(19).replace(QLatin1Char('T'), QLatin1Char(' ')) << '\t' << b.organisationName
            << '\t' << b.fileName << '\t' << CliContext::tr("%n member(s)", nullptr, b.memberCount) << '\t'
            << CliContext::tr("%n row(s) refused", nullptr, b.rejectedCount) << '\t'
            << (b.isUndone() ? CliContext::tr("undone") : QString()) << '\t' << b.id << '\n';
    }
    out.flush();
    return Exit::Ok;
}

int runUndo(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("batch"),
                                 CliContext::tr("The import's id (see imports list)."));
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print the result as one JSON object.")});
    parser.addOption({QStringLiteral("include-changed"),
                      CliContext::tr("Also remove members changed since the import, with their changes.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("imports undo needs one BATCH id."));
    const bool json = parser.isSet(QStringLiteral("json"));
    auto failed = [&](const QString& message) {
        if (json)
            context.out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("error"), message}})
                                                   .toJson(QJsonDocument::Compact))
                          << Qt::endl;
        return context.fail(message);
    };
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    ImportBatchRepository batches(*context.store(), scope);
    const QString batchId = parser.positionalArguments().first();
    const ImportUndoCheck check = batches.checkUndo(batchId);
    // The desktop asks before it removes what clerks changed after the import; here the option asks.
    if (check.blockers.isEmpty() && check.changedSince > 0 &&
        !parser.isSet(QStringLiteral("include-changed")))
        return failed(CliContext::tr("%1 members of this import were changed after it (details, status, "
                                     "transfers or history), among them %2; undoing it would remove those "
                                     "changes too. Nothing was removed. Run it again with --include-changed "
                                     "to remove them with their changes.")
                          .arg(check.changedSince)
                          .arg(check.changedNames.join(CliContext::tr(", "))));
    int removed = 0;
    QString error;
    if (!batches.undo(batchId, context.actor(), &removed, &error))
        return failed(error);
    if (json) {
        const QJsonObject result{
            {QStringLiteral("removed"), removed},
            {QStringLiteral("deletionsToSync"), check.synced},
            {QStringLiteral("alreadyGone"), check.alreadyGone},
            {QStringLiteral("outsideScope"), check.outsideScope},
        };
        context.out() << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) << Qt::endl;
        return Exit::Ok;
    }
    context.out() << (check.synced > 0
                          ? CliContext::tr(
                                "Undid the import: %1 members removed (%2 of them as deletions to sync).")
                                .arg(removed)
                                .arg(check.synced)
                          : CliContext::tr("Undid the import: %1 members removed.").arg(removed))
                  << Qt::endl;
    return Exit::Ok;
}

} // namespace

int runImports(CliContext& context, const QStringList& arguments)
{
    const QString sub = arguments.value(2);
    QStringList rest = arguments.mid(3);
    rest.prepend(arguments.value(0));
    if (sub == QLatin1String("list"))
        return runList(context, rest);
    if (sub == QLatin1String("undo"))
        return runUndo(context, rest);
    context.fail(sub.isEmpty()
                     ? CliContext::tr("imports needs a subcommand: list or undo.")
                     : CliContext::tr("Unknown imports subcommand \"%1\"; use list or undo.").arg(sub));
    return Exit::Usage;
}

} // namespace ud::cli
