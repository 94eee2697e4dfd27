#include "CadreCommands.h"
#include "CliContext.h"
#include "ExportCommands.h"
#include "ImportBatchCommands.h"
#include "ImportCommands.h"
#include "MemberCommands.h"
#include "OrgCommands.h"
#include "StoreCommands.h"
#include "SyncCommands.h"
#include "TransferCommands.h"
#include "store/Database.h"
#include "util/AppSettings.h"
#include "util/Language.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace ud;
using namespace ud::cli;

namespace {

// `transfers letter` lays out a page with fonts, which needs a QGuiApplication; every other command
// runs without one, so the tool starts anywhere, display or not.
bool needsGui(int argc, char* argv[])
{
    bool transfers = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "transfers") == 0)
            transfers = true;
        else if (transfers && std::strcmp(argv[i], "letter") == 0)
            return true;
    }
    return false;
}

std::unique_ptr<QCoreApplication> makeApplication(int& argc, char* argv[])
{
    if (!needsGui(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    // A command-line tool never shows a window: the offscreen platform has the fonts and needs no
    // display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

void printUsage(QTextStream& out)
{
    out << CliContext::tr(
               "Usage: uniondesk-cli [--db FILE] COMMAND [options]\n"
               "\n"
               "Commands:\n"
               "  init --org-name NAME [--level LEVEL]     create a data file with its root organisation\n"
               "  demo --members N [--seed S]              fill it with generated organisations and members\n"
               "  members add --name NAME --id-number ID [--mobile M] [--org ORG] [--json]\n"
               "  members find QUERY [--json] [--limit N]  by name fragment, ID number, mobile or card "
               "number\n"
               "  members list [--org ORG] [--status S] [--json] [--limit N]\n"
               "  members edit ID_NUMBER [--name …] [--mobile …] [--status …] [--reason …]\n"
               "  import PATH [--org ORG] [--sheet NAME] [--dry-run] [--json] [--problems FILE]\n"
               "         [--password-file FILE]\n"
               "                                           read members from .xlsx, .xls, .ods, .csv or "
               ".txt\n"
               "  imports list [--json]                    the imports made, newest first\n"
               "  imports undo BATCH [--include-changed] [--json]\n"
               "                                           remove the members one import brought\n"
               "  export PATH [--org ORG] [--unmasked]     write the roster to .xlsx or .csv (--template: "
               "an\n"
               "                                           empty import template)\n"
               "\n"
               "--db FILE defaults to the user's own data file (%1).\n")
               .arg(Database::defaultPath())
        << '\n'
        << orgsAndCadresUsage() << '\n'
        << syncUsage() << '\n'
        << transfersUsage() << Qt::flush;
}

} // namespace

int main(int argc, char* argv[])
{
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("UnionDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UNIONDESK_VERSION));
    Language::install(app, Language::resolve(AppSettings::instance().language()));

    QTextStream out(stdout);
    QTextStream err(stderr);

    // Global options come before the command: uniondesk-cli --db FILE COMMAND …
    QStringList arguments = QCoreApplication::arguments();
    QString databasePath = Database::defaultPath();
    int i = 1;
    for (; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == QLatin1String("--db")) {
            if (i + 1 >= arguments.size()) {
                err << CliContext::tr("error: --db needs a FILE.") << Qt::endl;
                return Exit::Usage;
            }
            databasePath = arguments.at(++i);
        } else if (a.startsWith(QLatin1String("--db="))) {
            databasePath = a.mid(5);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printUsage(out);
            return Exit::Ok;
        } else if (a == QLatin1String("--version")) {
            out << "uniondesk-cli " << QCoreApplication::applicationVersion() << Qt::endl;
            return Exit::Ok;
        } else {
            break;
        }
    }
    if (i >= arguments.size()) {
        printUsage(err);
        return Exit::Usage;
    }
    const QString command = arguments.at(i);
    // Each command sees [program, command-specific arguments…]; `members` also keeps its subcommand.
    QStringList rest = arguments.mid(i + 1);
    rest.prepend(arguments.first());

    CliContext context(databasePath, out, err);
    if (command == QLatin1String("init"))
        return runInit(context, rest);
    if (command == QLatin1String("demo"))
        return runDemo(context, rest);
    if (command == QLatin1String("import"))
        return runImport(context, rest);
    if (command == QLatin1String("export"))
        return runExport(context, rest);
    if (command == QLatin1String("imports")) {
        rest.insert(1, command);
        return runImports(context, rest);
    }
    if (command == QLatin1String("orgs")) {
        rest.insert(1, command);
        return runOrgs(context, rest);
    }
    if (command == QLatin1String("cadres")) {
        rest.insert(1, command);
        return runCadres(context, rest);
    }
    if (command == QLatin1String("sync"))
        return runSync(context, rest);
    if (command == QLatin1String("conflicts")) {
        rest.insert(1, command);
        return runConflicts(context, rest);
    }
    if (command == QLatin1String("transfers")) {
        rest.insert(1, command);
        return runTransfers(context, rest);
    }
    if (command == QLatin1String("members")) {
        rest.insert(1, command);
        return runMembers(context, rest);
    }
    context.fail(CliContext::tr("Unknown command \"%1\". Run uniondesk-cli --help.").arg(command));
    return Exit::Usage;
}
