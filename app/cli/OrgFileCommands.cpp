#include "OrgFileCommands.h"

#include "CliContext.h"
#include "ImportCommands.h"
#include "io/ImportPlan.h"
#include "io/OrganisationExport.h"
#include "io/OrganisationImport.h"
#include "io/SheetReader.h"
#include "organisations/OrganisationRepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace ud::cli {

int runOrgImport(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("path"), CliContext::tr("The list of organisations (.xlsx, .xls, .ods, .csv, .txt)."));
    parser.addOption({QStringLiteral("parent"),
                      CliContext::tr("Where rows without a parent go (id or exact name; default: the root)."),
                      CliContext::tr("ORG")});
    parser.addOption(
        {QStringLiteral("sheet"),
         CliContext::tr("The sheet to read (default: the first with a recognisable header row)."),
         CliContext::tr("NAME")});
    parser.addOption(
        {QStringLiteral("dry-run"), CliContext::tr("Check every row and report; write nothing.")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print the result as one JSON object.")});
    addPasswordFileOption(parser);
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("orgs import needs one PATH."));
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    Database& store = *context.store();
    QString error;
    QString parentId = scope.organisationId();
    if (parser.isSet(QStringLiteral("parent"))) {
        const auto parent =
            OrganisationRepository(store, scope).resolve(parser.value(QStringLiteral("parent")), &error);
        if (!parent)
            return context.fail(error);
        parentId = parent->id;
    }
    Workbook workbook;
    if (!readWorkbook(context, parser, parser.positionalArguments().first(), &workbook, &error))
        return context.fail(error);
    const auto choice =
        OrganisationImport::chooseSheet(workbook, parser.value(QStringLiteral("sheet")), &error);
    if (!choice)
        return context.fail(error);
    const OrganisationImport plan =
        OrganisationImport::plan(workbook.sheets.at(choice->first), choice->second, store, scope, parentId);
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    int added = 0;
    if (!dryRun && !plan.commit(store, scope, context.actor(), &added, &error))
        return context.fail(error);

    QTextStream& out = context.out();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject result = importReport(added, plan.problems());
        result.insert(QStringLiteral("valid"), plan.validCount());
        result.insert(QStringLiteral("existing"), plan.existingCount());
        result.insert(QStringLiteral("rejectedRows"), plan.rejectedCount());
        result.insert(QStringLiteral("dryRun"), dryRun);
        out << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) << Qt::endl;
        return Exit::Ok;
    }
    printProblems(out, plan.problems());
    out << (dryRun
                ? CliContext::tr("Dry run: organisations to add: %1; rows rejected: %2; nothing was written.")
                      .arg(plan.validCount())
                      .arg(plan.rejectedCount())
                : CliContext::tr("Organisations added: %1; rows rejected: %2.")
                      .arg(added)
                      .arg(plan.rejectedCount()))
        << Qt::endl;
    return Exit::Ok;
}

int runOrgExport(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("path"),
                                 CliContext::tr("The file to write (.xlsx or .csv)."));
    parser.addOption({QStringLiteral("under"),
                      CliContext::tr("Only this organisation and the unions under it (id or exact name)."),
                      CliContext::tr("ORG")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("orgs export needs one PATH."));
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    Database& store = *context.store();
    OrganisationRepository repository(store, scope);
    QString error;
    const auto top =
        repository.resolve(parser.isSet(QStringLiteral("under")) ? parser.value(QStringLiteral("under"))
                                                                 : scope.organisationId(),
                           &error);
    if (!top)
        return context.fail(error);
    int count = 0;
    const QString path = parser.positionalArguments().first();
    if (!OrganisationExport::write(path, store, scope, *top, &count, &error))
        return context.fail(error);
    context.out() << CliContext::tr("Organisations written to %1: %2.").arg(path).arg(count) << Qt::endl;
    return Exit::Ok;
}

} // namespace ud::cli
