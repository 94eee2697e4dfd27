#include "StoreCommands.h"

#include "CliContext.h"
#include "demo/DemoGenerator.h"
#include "domain/CodeList.h"
#include "domain/OrganisationLevelGuess.h"
#include "organisations/OrganisationRepository.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

namespace ud::cli {

int runInit(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("org-name"), CliContext::tr("Name of the root organisation."),
                      CliContext::tr("NAME")});
    parser.addOption(
        {QStringLiteral("level"),
         CliContext::tr("Level of the root organisation: province, city, district, township or base "
                        "(default: read from the name, e.g. 市总工会 is a city; otherwise city)."),
         CliContext::tr("LEVEL")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    const QString name = parser.value(QStringLiteral("org-name")).trimmed();
    if (name.isEmpty())
        return context.usageError(CliContext::tr("init needs --org-name NAME."));
    const QString level = parser.isSet(QStringLiteral("level"))
                              ? codes::organisationLevel().keyFor(parser.value(QStringLiteral("level")))
                              : OrganisationLevelGuess::fromName(name);
    if (level.isEmpty())
        return context.usageError(
            CliContext::tr("--level: \"%1\" is not one of province, city, district, township, base.")
                .arg(parser.value(QStringLiteral("level"))));

    Database* store = context.store(true);
    if (!store)
        return Exit::Failed;
    QString error;
    const std::optional<Organisation> root =
        OrganisationRepository::createRoot(*store, name, level, context.actor(), &error);
    if (!root)
        return context.fail(error);
    context.out() << CliContext::tr("Created %1 with root organisation %2 (%3).")
                         .arg(QFileInfo(context.databasePath()).absoluteFilePath(), root->name, root->id)
                  << Qt::endl;
    return Exit::Ok;
}

int runDemo(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("members"), CliContext::tr("How many members to generate."), CliContext::tr("N")});
    parser.addOption({QStringLiteral("seed"), CliContext::tr("Random seed, for the same data every time."),
                      CliContext::tr("S"), QStringLiteral("20240601")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    bool ok = false;
    DemoGenerator::Options options;
    options.members = parser.value(QStringLiteral("members")).toLongLong(&ok);
    if (!ok || options.members < 0 || options.members > 50'000'000)
        return context.usageError(CliContext::tr("--members: give a whole number from 0 to 50000000."));
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return context.usageError(CliContext::tr("--seed: give a whole number."));

    Database* store = context.store(true);
    if (!store)
        return Exit::Failed;
    const bool interactive = isatty(fileno(stderr));
    QElapsedTimer timer;
    timer.start();
    QString error;
    const bool done = DemoGenerator::generate(
        *store, options,
        [&](qint64 written, qint64 total) {
            if (interactive && total > 0) {
                context.err() << QStringLiteral("\r%1%").arg(written * 100 / total) << Qt::flush;
            }
            return true;
        },
        &error);
    if (interactive)
        context.err() << QStringLiteral("\r") << Qt::flush;
    if (!done)
        return context.fail(error);
    context.out() << CliContext::tr("Generated %1 members in %2 s.")
                         .arg(options.members)
                         .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                  << Qt::endl;
    return Exit::Ok;
}

} // namespace ud::cli
