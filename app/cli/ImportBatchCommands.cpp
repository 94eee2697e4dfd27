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
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("imports undo needs one BATCH id."));
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    ImportBatchRepository batches(*context.store(), scope);
    const QString batchId = parser.positionalArguments().first();
    const ImportUndoCheck check = batches.checkUndo(batchId);
    int removed = 0;
    QString error;
    if (!batches.undo(batchId, context.actor(), &removed, &error))
        return context.fail(error);
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject result{
            {QStringLiteral("removed"), removed},
            {QStringLiteral("deletionsToSync"), check.synced},
            {QStringLiteral("alreadyGone"), check.alreadyGone},
            {QStringLiteral("outsideScope"), check.outsideScope},
        };
        context.out() << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) << Qt::endl;
        return Exit::Ok;
    }
    context.out() << CliContext::tr("Undid the import: %1 members removed (%2 of them as deletions to sync).")
                         .arg(removed)
                         .arg(check.synced)
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
