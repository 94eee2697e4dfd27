#include "ImportCommands.h"

#include "CliContext.h"
#include "io/ImportPlan.h"
#include "io/RosterImport.h"
#include "io/SheetReader.h"
#include "members/MemberValidator.h"
#include "organisations/OrganisationRepository.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ud::cli {

QJsonObject importReport(int imported, const QList<ImportProblem>& problems)
{
    QJsonArray rejected;
    QJsonArray warnings;
    for (const ImportProblem& p : problems)
        (p.error ? rejected : warnings).append(problemToJson(p, p.error));
    return {
        {QStringLiteral("imported"), imported},
        {QStringLiteral("rejected"), rejected},
        {QStringLiteral("warnings"), warnings},
    };
}

void printProblems(QTextStream& out, const QList<ImportProblem>& problems, int headerRow)
{
    for (const ImportProblem& p : problems) {
        // Notes about a column (its dates given as year and month, a column left out) sit on the
        // header row, where the clerk would find nothing wrong.
        const bool wholeColumn = !p.error && p.row == headerRow && p.name.isEmpty() && !p.column.isEmpty();
        // A column left out is named by its header and letter already ("配偶姓名 (column E)").
        const QString where = wholeColumn && p.field.isEmpty() ? CliContext::tr("\"%1\"").arg(p.column)
                              : wholeColumn                    ? CliContext::tr("Column %1").arg(p.column)
                              : p.column.isEmpty()
                                  ? CliContext::tr("Row %1").arg(p.row)
                                  : CliContext::tr("Row %1, column %2").arg(p.row).arg(p.column);
        out << (p.error ? CliContext::tr("rejected: %1: %2") : CliContext::tr("warning: %1: %2"))
                   .arg(where, p.reasonBesideColumn())
            << '\n';
    }
}

QJsonObject problemToJson(const ImportProblem& p, bool withValue)
{
    QJsonObject o{
        {QStringLiteral("row"), p.row},
        {QStringLiteral("column"), p.column},
        {QStringLiteral("field"), p.field},
        {QStringLiteral("reason"), p.reason},
    };
    if (withValue)
        o.insert(QStringLiteral("value"), p.value);
    return o;
}

void addPasswordFileOption(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("password-file"),
         CliContext::tr("For a workbook with a password to open: the file whose first line is the "
                        "password (- for stdin)."),
         CliContext::tr("FILE")});
}

bool readWorkbook(CliContext& context, const QCommandLineParser& parser, const QString& path,
                  Workbook* workbook, QString* error)
{
    QString password;
    if (parser.isSet(QStringLiteral("password-file")) &&
        !context.readPasswordFile(parser.value(QStringLiteral("password-file")), &password, error))
        return false;
    SheetReader::PasswordProblem problem = SheetReader::PasswordProblem::None;
    if (SheetReader::readFile(path, password, workbook, error, &problem))
        return true;
    if (problem == SheetReader::PasswordProblem::Needed) {
        //: Two sentences one after the other: %1 says the file needs a password, %2 how to give it
        *error = CliContext::tr("%1 %2").arg(
            *error,
            CliContext::tr("Give it with --password-file FILE, the first line of FILE being the password."));
    }
    return false;
}

int runImport(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("path"),
                                 CliContext::tr("The roster file (.xlsx, .xls, .ods, .csv, .txt)."));
    parser.addOption({QStringLiteral("org"),
                      CliContext::tr("Organisation the members join (id or exact name; default: the root)."),
                      CliContext::tr("ORG")});
    parser.addOption(
        {QStringLiteral("sheet"),
         CliContext::tr("The sheet to read (default: the first with a recognisable header row)."),
         CliContext::tr("NAME")});
    parser.addOption(
        {QStringLiteral("dry-run"), CliContext::tr("Check every row and report; write nothing.")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print the result as one JSON object.")});
    parser.addOption({QStringLiteral("problems"),
                      CliContext::tr("Also save the problem list, as a workbook (.xlsx) or a .csv file."),
                      CliContext::tr("FILE")});
    addPasswordFileOption(parser);
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("import needs one PATH."));
    const QString path = parser.positionalArguments().first();
    const bool json = parser.isSet(QStringLiteral("json"));
    // With --json a script reads stdout: an import that cannot run says so there too, as the object
    // it expects with the reason added, besides the message on stderr and the exit status.
    auto printError = [&](const QString& message) {
        if (json) {
            QJsonObject result = importReport(0, {});
            result.insert(QStringLiteral("error"), message.simplified());
            context.out() << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact))
                          << Qt::endl;
        }
    };
    auto failed = [&](const QString& message) {
        printError(message);
        return context.fail(message);
    };
    const Scope scope = context.rootScope();
    if (!scope.isValid()) {
        // rootScope() has said why on stderr.
        printError(CliContext::tr("The data file cannot be opened, or it has no root organisation yet."));
        return Exit::Failed;
    }
    Database& store = *context.store();

    QString error;
    QString organisationId = scope.organisationId();
    if (parser.isSet(QStringLiteral("org"))) {
        const auto org = context.resolveOrganisation(scope, parser.value(QStringLiteral("org")), &error);
        if (!org)
            return failed(error);
        organisationId = org->id;
    }

    Workbook workbook;
    if (!readWorkbook(context, parser, path, &workbook, &error))
        return failed(error);
    const auto choice = RosterImport::chooseSheet(workbook, parser.value(QStringLiteral("sheet")), &error);
    if (!choice) {
        //: %1 is a file name, %2 why it cannot be imported
        return failed(CliContext::tr("%1: %2").arg(QFileInfo(path).fileName(), error));
    }
    const Sheet& sheet = workbook.sheets.at(choice->sheet);
    // Without these no row can become a member: say so once instead of refusing every row (the
    // window's mapping step asks the clerk to point at the column instead).
    if (const QStringList missing = choice->map.missingRequiredFields(); !missing.isEmpty()) {
        QStringList labels;
        for (const QString& field : missing)
            labels.append(MemberValidator::fieldLabel(field));
        // The name in two columns (姓 | 名): the one thing to do is to join them.
        if (const auto split = choice->map.splitName(); split && missing.contains(QStringLiteral("name")))
            return failed(
                CliContext::tr(
                    "Sheet \"%1\": the name is split into the surname (column %2) and the given name "
                    "(column %3). Put the whole name into one column headed 姓名 (for example with "
                    "the formula =%2%4&%3%4, filled down), then import the file again.")
                    .arg(sheet.name, HeaderMap::columnLetter(split->first),
                         HeaderMap::columnLetter(split->second))
                    .arg(choice->map.headerRow() + 2));
        //: %2 lists fields such as "Name, ID number"
        return failed(
            CliContext::tr("Sheet \"%1\" has no column for %2 in its header row (row %3). If the "
                           "file has that column, give it its usual header (姓名, 身份证号码); if not, "
                           "add the column. Then import the file again.")
                .arg(sheet.name, labels.join(CliContext::tr(", ")))
                .arg(choice->map.headerRow() + 1));
    }
    const ImportPlan plan = ImportPlan::build(sheet, choice->map, store, organisationId);

    if (parser.isSet(QStringLiteral("problems")) &&
        !RosterImport::writeProblems(plan, parser.value(QStringLiteral("problems")), &error))
        return failed(error);

    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    RosterImport::CommitResult committed;
    if (!dryRun && !RosterImport::commit(plan, store, scope, context.actor(),
                                         {QFileInfo(path).fileName(), sheet.name}, &committed, &error))
        return failed(error);
    const int imported = committed.imported;

    QTextStream& out = context.out();
    if (json) {
        QJsonObject result = importReport(imported, plan.problems());
        result.insert(QStringLiteral("valid"), plan.validCount());
        result.insert(QStringLiteral("rejectedRows"), plan.rejectedCount());
        result.insert(QStringLiteral("skippedRows"), plan.skippedCount());
        result.insert(QStringLiteral("alreadyInRoster"), plan.alreadyInRosterCount());
        result.insert(QStringLiteral("sheet"), sheet.name);
        result.insert(QStringLiteral("dryRun"), dryRun);
        result.insert(QStringLiteral("batch"), committed.batchId);
        if (!choice->otherRosters.isEmpty())
            result.insert(QStringLiteral("otherSheets"), QJsonArray::fromStringList(choice->otherRosters));
        out << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) << Qt::endl;
        return Exit::Ok;
    }
    printProblems(out, plan.problems(), choice->map.headerRow() + 1);
    // An empty template, or the roster on another sheet: say so rather than "imported 0".
    if (plan.validCount() == 0 && plan.rejectedCount() == 0)
        out << CliContext::tr("Sheet \"%1\" has its header in row %2 but no member rows below it.")
                   .arg(sheet.name)
                   .arg(choice->map.headerRow() + 1)
            << Qt::endl;
    if (!choice->otherRosters.isEmpty())
        out << CliContext::tr("Read sheet \"%1\"; these sheets have a roster header too and were not read "
                              "(choose one with --sheet): %2.")
                   .arg(sheet.name, choice->otherRosters.join(CliContext::tr(", ")))
            << Qt::endl;
    // A file imported again: its people are in the roster, so they are not counted among the rows
    // refused (a row whose details differ says so on its own line).
    const int already = plan.alreadyInRosterCount();
    if (dryRun)
        out << CliContext::tr(
                   "Dry run: %1 rows can be imported, %2 rows are rejected, %3 warnings; nothing was "
                   "written.")
                   .arg(plan.validCount())
                   .arg(plan.rejectedCount() - already)
                   .arg(plan.warnings().size())
            << Qt::endl;
    else
        out << CliContext::tr("Imported %1 members; %2 rows rejected, %3 warnings.")
                   .arg(imported)
                   .arg(plan.rejectedCount() - already)
                   .arg(plan.warnings().size())
            << Qt::endl;
    if (already > 0)
        out << CliContext::tr(
                   "%n row(s) hold members already in the roster (the same ID number and name): they "
                   "are not imported again.",
                   nullptr, already)
            << Qt::endl;
    if (parser.isSet(QStringLiteral("problems")))
        out << (plan.problems().isEmpty() ? CliContext::tr("No problems: the problem list %1 holds none.")
                                          : CliContext::tr("The problem list is in %1."))
                   .arg(QDir::toNativeSeparators(
                       QFileInfo(parser.value(QStringLiteral("problems"))).absoluteFilePath()))
            << Qt::endl;
    return Exit::Ok;
}

} // namespace ud::cli
