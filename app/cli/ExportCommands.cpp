#include "ExportCommands.h"

#include "CliContext.h"
#include "io/RosterExport.h"
#include "organisations/OrganisationRepository.h"

#include <QCommandLineParser>
#include <QDir>

namespace ud::cli {

int runExport(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("path"),
                                 CliContext::tr("The file to write (.xlsx or .csv)."));
    parser.addOption({QStringLiteral("org"),
                      CliContext::tr("Only this organisation and those under it (id or exact name)."),
                      CliContext::tr("ORG")});
    parser.addOption({QStringLiteral("unmasked"),
                      CliContext::tr("Write ID numbers and mobiles in full (written to the audit log).")});
    parser.addOption(
        {QStringLiteral("template"), CliContext::tr("Write an empty import template (.xlsx) instead.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("export needs one PATH."));
    const QString path = parser.positionalArguments().first();
    QString error;
    if (parser.isSet(QStringLiteral("template"))) {
        if (!RosterExport::writeTemplate(path, &error))
            return context.fail(error);
        context.out()
            << CliContext::tr("Wrote the import template to %1.").arg(QDir::toNativeSeparators(path))
            << Qt::endl;
        return Exit::Ok;
    }
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    Database& store = *context.store();
    OrganisationRepository organisations(store, scope);
    RosterExport::Options options;
    options.unmasked = parser.isSet(QStringLiteral("unmasked"));
    options.actor = context.actor();
    if (parser.isSet(QStringLiteral("org"))) {
        const auto org = context.resolveOrganisation(scope, parser.value(QStringLiteral("org")), &error);
        if (!org)
            return context.fail(error);
        options.organisationPath = org->path;
        options.title = org->name;
    } else if (const auto root = organisations.find(scope.organisationId())) {
        options.title = root->name;
    }
    int count = 0;
    if (!RosterExport::write(path, store, scope, options, &count, &error))
        return context.fail(error);
    context.out() << CliContext::tr("Exported %1 members to %2.").arg(count).arg(path) << Qt::endl;
    return Exit::Ok;
}

} // namespace ud::cli
