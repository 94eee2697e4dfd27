#include "CadreCommands.h"

#include "CliContext.h"
#include "cadres/CadreRepository.h"
#include "domain/CodeList.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ud::cli {

namespace {

void printCadres(CliContext& context, const QList<Cadre>& cadres, bool json)
{
    if (json) {
        QJsonArray array;
        for (const Cadre& c : cadres)
            array.append(c.toJson());
        context.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << Qt::endl;
        return;
    }
    for (const Cadre& c : cadres)
        context.out() << c.termEnd << '\t' << c.organisationName << '\t'
                      << codes::cadrePosition().label(c.position) << '\t' << c.name << '\t' << c.termStart
                      << '\t' << c.id << '\n';
    context.out().flush();
}

int runAdd(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("member"), CliContext::tr("The member's ID number."), CliContext::tr("ID")});
    parser.addOption({QStringLiteral("name"),
                      CliContext::tr("The person's name, when the person is no member."),
                      CliContext::tr("NAME")});
    parser.addOption({QStringLiteral("org"), CliContext::tr("The organisation (id or exact name)."),
                      CliContext::tr("ORG")});
    parser.addOption({QStringLiteral("position"),
                      CliContext::tr("Position: chair, standing-vice-chair, vice-chair, committee-member, "
                                     "audit-chair, audit-member, women-chair or full-time-worker."),
                      CliContext::tr("POSITION")});
    parser.addOption({QStringLiteral("term-start"), CliContext::tr("Start of the term (YYYY-MM-DD)."),
                      CliContext::tr("DATE")});
    parser.addOption({QStringLiteral("term-end"), CliContext::tr("End of the term (YYYY-MM-DD)."),
                      CliContext::tr("DATE")});
    parser.addOption({QStringLiteral("full-time"), CliContext::tr("The post is full-time.")});
    parser.addOption({QStringLiteral("elected-how"),
                      CliContext::tr("How: elected, by-election or appointed."), CliContext::tr("HOW")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print the new cadre as JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if ((!parser.isSet(QStringLiteral("member")) && !parser.isSet(QStringLiteral("name"))) ||
        !parser.isSet(QStringLiteral("org")) || !parser.isSet(QStringLiteral("position")) ||
        !parser.isSet(QStringLiteral("term-start")) || !parser.isSet(QStringLiteral("term-end")))
        return context.usageError(CliContext::tr("cadres add needs --member ID_NUMBER, --org ORG, --position "
                                                 "POSITION, --term-start DATE and --term-end DATE."));
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    Database& store = *context.store();
    QString error;
    const auto org =
        OrganisationRepository(store, scope).resolve(parser.value(QStringLiteral("org")), &error);
    if (!org)
        return context.fail(error);
    Cadre cadre;
    cadre.organisationId = org->id;
    if (parser.isSet(QStringLiteral("member"))) {
        const QString idNumber = parser.value(QStringLiteral("member"));
        const auto member = MemberRepository(store, scope).findByIdNumber(idNumber);
        if (!member)
            return context.fail(CliContext::tr("No member has the ID number %1.").arg(idNumber));
        cadre.memberId = member->id;
    }
    cadre.name = parser.value(QStringLiteral("name"));
    cadre.position = parser.value(QStringLiteral("position"));
    cadre.termStart = parser.value(QStringLiteral("term-start"));
    cadre.termEnd = parser.value(QStringLiteral("term-end"));
    cadre.fullTime = parser.isSet(QStringLiteral("full-time"));
    cadre.electedHow = parser.value(QStringLiteral("elected-how"));
    if (!CadreRepository(store, scope).add(cadre, context.actor(), &error))
        return context.fail(error);
    if (parser.isSet(QStringLiteral("json")))
        context.out() << QString::fromUtf8(QJsonDocument(cadre.toJson()).toJson(QJsonDocument::Compact))
                      << Qt::endl;
    else
        context.out() << cadre.id << Qt::endl;
    return Exit::Ok;
}

int runList(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("org"), CliContext::tr("The organisation (id or exact name)."),
                      CliContext::tr("ORG")});
    parser.addOption({QStringLiteral("all"), CliContext::tr("Include terms that have ended.")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (!parser.isSet(QStringLiteral("org")))
        return context.usageError(CliContext::tr("cadres list needs --org ORG."));
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    QString error;
    const auto org =
        OrganisationRepository(*context.store(), scope).resolve(parser.value(QStringLiteral("org")), &error);
    if (!org)
        return context.fail(error);
    printCadres(
        context,
        CadreRepository(*context.store(), scope).ofOrganisation(org->id, parser.isSet(QStringLiteral("all"))),
        parser.isSet(QStringLiteral("json")));
    return Exit::Ok;
}

int runExpiring(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("days"), CliContext::tr("Terms ending within N days from today."),
                      CliContext::tr("N")});
    parser.addOption(
        {QStringLiteral("overdue"), CliContext::tr("Also terms that have run out but not been ended.")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    bool ok = false;
    const int days = parser.value(QStringLiteral("days")).toInt(&ok);
    if (!parser.isSet(QStringLiteral("days")) || !ok || days < 0)
        return context.usageError(
            CliContext::tr("cadres expiring needs --days N (a whole number from 0 up)."));
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    printCadres(
        context,
        CadreRepository(*context.store(), scope).expiring(days, parser.isSet(QStringLiteral("overdue"))),
        parser.isSet(QStringLiteral("json")));
    return Exit::Ok;
}

int runFlagged(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    const QList<FlaggedCadre> flagged = CadreRepository(*context.store(), scope).flagged();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const FlaggedCadre& f : flagged) {
            QJsonObject json = f.cadre.toJson();
            json.insert(QStringLiteral("flag"), f.reason);
            array.append(json);
        }
        context.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << Qt::endl;
        return Exit::Ok;
    }
    for (const FlaggedCadre& f : flagged)
        context.out() << f.cadre.organisationName << '\t' << codes::cadrePosition().label(f.cadre.position)
                      << '\t' << f.cadre.name << '\t' << f.reason << '\t' << f.cadre.id << '\n';
    context.out().flush();
    return Exit::Ok;
}

int runEnd(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("cadre"), CliContext::tr("The cadre's id."));
    parser.addOption({QStringLiteral("on"), CliContext::tr("The day the term ends (default: today)."),
                      CliContext::tr("DATE")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("cadres end needs one CADRE id."));
    QDate on;
    if (parser.isSet(QStringLiteral("on"))) {
        on = QDate::fromString(parser.value(QStringLiteral("on")).trimmed(), Qt::ISODate);
        if (!on.isValid())
            return context.usageError(CliContext::tr("--on: \"%1\" is not a date (YYYY-MM-DD).")
                                          .arg(parser.value(QStringLiteral("on"))));
    }
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    QString error;
    if (!CadreRepository(*context.store(), scope)
             .endTerm(parser.positionalArguments().first(), on, context.actor(), &error))
        return context.fail(error);
    return Exit::Ok;
}

} // namespace

int runCadres(CliContext& context, const QStringList& arguments)
{
    const QString sub = arguments.value(2);
    QStringList rest = arguments.mid(3);
    rest.prepend(arguments.value(0));
    if (sub == QLatin1String("add"))
        return runAdd(context, rest);
    if (sub == QLatin1String("list"))
        return runList(context, rest);
    if (sub == QLatin1String("expiring"))
        return runExpiring(context, rest);
    if (sub == QLatin1String("flagged"))
        return runFlagged(context, rest);
    if (sub == QLatin1String("end"))
        return runEnd(context, rest);
    context.fail(
        sub.isEmpty()
            ? CliContext::tr("cadres needs a subcommand: add, list, expiring, flagged or end.")
            : CliContext::tr("Unknown cadres subcommand \"%1\"; use add, list, expiring, flagged or end.")
                  .arg(sub));
    return Exit::Usage;
}

} // namespace ud::cli
