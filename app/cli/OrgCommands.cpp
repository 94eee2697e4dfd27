#include "OrgCommands.h"

#include "CliContext.h"
#include "OrgFileCommands.h"
#include "cadres/CadreRepository.h"
#include "domain/CodeList.h"
#include "organisations/DissolveCheck.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationRequestRepository.h"
#include "organisations/SubtreeCounts.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ud::cli {

namespace {

QString compact(const QJsonValue& value)
{
    return value.isArray()
               ? QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact))
               : QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

// The organisation fields a command line may set: option name → API field name.
struct FieldOption
{
    const char* option;
    const char* field;
    const char* help;
};

const FieldOption kFieldOptions[] = {
    {"name", "name", QT_TRANSLATE_NOOP("ud::cli::CliContext", "Name of the organisation.")},
    {"level", "level",
     QT_TRANSLATE_NOOP("ud::cli::CliContext", "Level: province, city, district, township or base.")},
    {"kind", "kind",
     QT_TRANSLATE_NOOP("ud::cli::CliContext",
                       "Kind: enterprise, institution, joint, industry-federation, regional-federation, "
                       "township-union, district-union, city-union or province-union.")},
    {"credit-code", "creditCode", QT_TRANSLATE_NOOP("ud::cli::CliContext", "Unified social credit code.")},
    {"founded-on", "foundedOn", QT_TRANSLATE_NOOP("ud::cli::CliContext", "Date founded (YYYY-MM-DD).")},
    {"address", "address", QT_TRANSLATE_NOOP("ud::cli::CliContext", "Address.")},
    {"contact", "contact", QT_TRANSLATE_NOOP("ud::cli::CliContext", "Contact person and telephone.")},
    {"industry", "industry", QT_TRANSLATE_NOOP("ud::cli::CliContext", "Industry.")},
    {"headcount", "headcount", QT_TRANSLATE_NOOP("ud::cli::CliContext", "Number of employees.")},
    {"legal-person-number", "legalPersonNumber",
     QT_TRANSLATE_NOOP("ud::cli::CliContext", "Legal-person registration certificate number.")},
    {"legal-person-date", "legalPersonRegisteredOn",
     QT_TRANSLATE_NOOP("ud::cli::CliContext", "Date of the legal-person registration (YYYY-MM-DD).")},
};

void addFieldOptions(QCommandLineParser& parser)
{
    for (const FieldOption& f : kFieldOptions)
        parser.addOption({QString::fromLatin1(f.option),
                          QCoreApplication::translate("ud::cli::CliContext", f.help),
                          CliContext::tr("VALUE")});
}

// The fields given on the command line, by API name; false (with the message printed) on a bad value.
bool readFields(CliContext& context, const QCommandLineParser& parser, QJsonObject* fields)
{
    for (const FieldOption& f : kFieldOptions) {
        const QString option = QString::fromLatin1(f.option);
        if (!parser.isSet(option))
            continue;
        const QString value = parser.value(option);
        if (QLatin1String(f.field) == QLatin1String("headcount")) {
            bool ok = false;
            const int n = value.trimmed().toInt(&ok);
            if (!ok || n < 0) {
                context.usageError(CliContext::tr("--headcount: give a whole number from 0 up."));
                return false;
            }
            fields->insert(QString::fromLatin1(f.field), n);
        } else {
            fields->insert(QString::fromLatin1(f.field), value);
        }
    }
    return true;
}

QJsonObject organisationJson(const Organisation& o, const SubtreeCounts& counts)
{
    QJsonObject json = o.toFields();
    json.insert(QStringLiteral("id"), o.id);
    json.insert(QStringLiteral("parent"), o.parentId.isEmpty() ? QJsonValue() : QJsonValue(o.parentId));
    json.insert(QStringLiteral("members"), counts.active);
    json.insert(QStringLiteral("membersAll"), counts.members);
    json.insert(QStringLiteral("verified"), counts.verifiedActive);
    json.insert(QStringLiteral("newEmploymentForm"), counts.newEmploymentFormActive);
    json.insert(QStringLiteral("cadres"), counts.cadres);
    return json;
}

QJsonObject requestJson(const OrganisationRequest& r, const OrganisationRepository& organisations)
{
    QJsonObject json = r.toJson();
    if (const auto o = organisations.find(r.organisationId))
        json.insert(QStringLiteral("organisationName"), o->name);
    return json;
}

void printRequest(CliContext& context, const OrganisationRequest& r, bool json,
                  const OrganisationRepository& organisations)
{
    if (json) {
        context.out() << compact(requestJson(r, organisations)) << Qt::endl;
        return;
    }
    const auto o = organisations.find(r.organisationId);
    context.out() << r.id << '\t' << codes::organisationRequestKind().label(r.kind) << '\t'
                  << codes::organisationRequestState().label(r.state) << '\t'
                  << (o ? o->name : r.organisationId) << Qt::endl;
}

std::optional<Organisation> resolveOrg(CliContext& context, const Scope& scope, const QString& idOrName)
{
    QString error;
    auto org = OrganisationRepository(*context.store(), scope).resolve(idOrName, &error);
    if (!org)
        context.fail(error);
    return org;
}

int runAdd(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    addFieldOptions(parser);
    parser.addOption({QStringLiteral("parent"),
                      CliContext::tr("The organisation it goes under (id or exact name)."),
                      CliContext::tr("ORG")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print the new organisation as JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (!parser.isSet(QStringLiteral("name")) || !parser.isSet(QStringLiteral("parent")) ||
        !parser.isSet(QStringLiteral("level")))
        return context.usageError(
            CliContext::tr("orgs add needs --name NAME, --parent ORG and --level LEVEL."));
    QJsonObject fields;
    if (!readFields(context, parser, &fields))
        return Exit::Usage;
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    const auto parent = resolveOrg(context, scope, parser.value(QStringLiteral("parent")));
    if (!parent)
        return Exit::Failed;
    Organisation org;
    org.applyFields(fields);
    org.parentId = parent->id;
    QString error;
    if (!OrganisationRepository(*context.store(), scope).add(org, context.actor(), &error))
        return context.fail(error);
    if (parser.isSet(QStringLiteral("json")))
        context.out() << compact(organisationJson(org, SubtreeCounts())) << Qt::endl;
    else
        context.out() << org.id << Qt::endl;
    return Exit::Ok;
}

int runList(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("under"),
                      CliContext::tr("Only this organisation and those under it (id or exact name)."),
                      CliContext::tr("ORG")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    OrganisationRepository organisations(*context.store(), scope);
    QList<Organisation> list;
    if (parser.isSet(QStringLiteral("under"))) {
        const auto top = resolveOrg(context, scope, parser.value(QStringLiteral("under")));
        if (!top)
            return Exit::Failed;
        list = organisations.subtreeOf(*top);
    } else {
        list = organisations.subtree();
    }
    QString error;
    const QHash<QString, SubtreeCounts> counts =
        SubtreeCounter(context.store()->connection(), scope).all(&error);
    if (!error.isEmpty())
        return context.fail(error);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Organisation& o : std::as_const(list))
            array.append(organisationJson(o, counts.value(o.id)));
        context.out() << compact(array) << Qt::endl;
        return Exit::Ok;
    }
    const int topDepth = list.isEmpty() ? 0 : list.first().depth();
    for (const Organisation& o : std::as_const(list)) {
        context.out() << QString(2 * (o.depth() - topDepth), QLatin1Char(' ')) << o.name << '\t'
                      << codes::organisationLevel().label(o.level) << '\t'
                      << codes::organisationStatus().label(o.status) << '\t' << counts.value(o.id).active
                      << '\t' << o.id << '\n';
    }
    context.out().flush();
    return Exit::Ok;
}

int runShow(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("org"),
                                 CliContext::tr("The organisation (id or exact name)."));
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("orgs show needs one ORG."));
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    const auto org = resolveOrg(context, scope, parser.positionalArguments().first());
    if (!org)
        return Exit::Failed;
    Database& store = *context.store();
    const OrganisationRepository organisations(store, scope);
    QString error;
    const auto counts = SubtreeCounter(store.connection(), scope).of(org->id, &error);
    if (!counts)
        return context.fail(error);
    QJsonObject json = organisationJson(*org, *counts);
    QJsonObject byStatus;
    for (auto it = counts->membersByStatus.constBegin(); it != counts->membersByStatus.constEnd(); ++it)
        byStatus.insert(it.key(), it.value());
    json.insert(QStringLiteral("membersByStatus"), byStatus);
    QJsonArray cadres;
    const QList<Cadre> committee = CadreRepository(store, scope).ofOrganisation(org->id);
    for (const Cadre& c : committee)
        cadres.append(c.toJson());
    json.insert(QStringLiteral("committee"), cadres);
    QJsonArray requests;
    const QList<OrganisationRequest> history = OrganisationRequestRepository(store, scope).history(org->id);
    for (const OrganisationRequest& r : history)
        requests.append(r.toJson());
    json.insert(QStringLiteral("requests"), requests);
    QJsonArray children;
    const QList<Organisation> units = organisations.children(org->id);
    for (const Organisation& c : units)
        children.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name}});
    json.insert(QStringLiteral("children"), children);
    if (parser.isSet(QStringLiteral("json"))) {
        context.out() << compact(json) << Qt::endl;
        return Exit::Ok;
    }
    QTextStream& out = context.out();
    out << org->name << " (" << org->id << ")\n";
    out << CliContext::tr("Level: %1; kind: %2; status: %3")
               .arg(codes::organisationLevel().label(org->level), codes::organisationKind().label(org->kind),
                    codes::organisationStatus().label(org->status))
        << '\n';
    out << CliContext::tr("Members: %1 active of %2; verified %3%; new-employment forms %4; cadres %5")
               .arg(counts->active)
               .arg(counts->members)
               .arg(qRound(counts->verifiedShare() * 100))
               .arg(counts->newEmploymentFormActive)
               .arg(counts->cadres)
        << '\n';
    for (const Cadre& c : committee)
        out << "  " << codes::cadrePosition().label(c.position) << '\t' << c.name << '\t' << c.termStart
            << '\t' << c.termEnd << '\n';
    for (const OrganisationRequest& r : history)
        out << "  " << r.submittedAt.left(10) << '\t' << codes::organisationRequestKind().label(r.kind)
            << '\t' << codes::organisationRequestState().label(r.state) << '\t' << r.id << '\n';
    out.flush();
    return Exit::Ok;
}

int runRequest(CliContext& context, const QStringList& arguments)
{
    // arguments: [program, kind, …]
    const QString kind = codes::organisationRequestKind().keyFor(arguments.value(1));
    if (kind.isEmpty())
        return context.usageError(
            CliContext::tr("orgs request needs a kind: establish, change or dissolve."));
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0));
    QCommandLineParser parser;
    if (kind != QLatin1String("dissolve"))
        addFieldOptions(parser);
    if (kind == QLatin1String("establish"))
        parser.addOption({QStringLiteral("parent"),
                          CliContext::tr("The organisation it goes under (id or exact name)."),
                          CliContext::tr("ORG")});
    else
        parser.addPositionalArgument(QStringLiteral("org"),
                                     CliContext::tr("The organisation (id or exact name)."));
    parser.addOption(
        {QStringLiteral("reason"), CliContext::tr("Why the request is made."), CliContext::tr("TEXT")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print the request as JSON.")});
    if (!context.parse(parser, rest))
        return Exit::Usage;
    QJsonObject fields;
    if (kind != QLatin1String("dissolve") && !readFields(context, parser, &fields))
        return Exit::Usage;
    if (kind == QLatin1String("establish")) {
        if (!parser.isSet(QStringLiteral("name")) || !parser.isSet(QStringLiteral("parent")) ||
            !parser.isSet(QStringLiteral("level")))
            return context.usageError(
                CliContext::tr("orgs request establish needs --name NAME, --parent ORG and --level LEVEL."));
    } else if (parser.positionalArguments().size() != 1) {
        return context.usageError(CliContext::tr("orgs request %1 needs one ORG.").arg(kind));
    }
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    Database& store = *context.store();
    const auto org = resolveOrg(context, scope,
                                kind == QLatin1String("establish") ? parser.value(QStringLiteral("parent"))
                                                                   : parser.positionalArguments().first());
    if (!org)
        return Exit::Failed;
    OrganisationRequestRepository requests(store, scope);
    const QString reason = parser.value(QStringLiteral("reason"));
    QString error;
    std::optional<OrganisationRequest> request;
    if (kind == QLatin1String("establish")) {
        Organisation proposed;
        proposed.applyFields(fields);
        proposed.parentId = org->id;
        request = requests.submitEstablish(proposed, reason, context.actor(), &error);
    } else if (kind == QLatin1String("change")) {
        request = requests.submitChange(org->id, fields, reason, context.actor(), &error);
    } else {
        request = requests.submitDissolve(org->id, reason, context.actor(), &error);
    }
    if (!request)
        return context.fail(error);
    if (kind == QLatin1String("dissolve")) {
        const DissolveCheck check = DissolveCheck::of(store.connection(), *org);
        if (!check.canDissolve())
            context.err() << CliContext::tr("warning: %1").arg(check.message()) << Qt::endl;
    }
    printRequest(context, *request, parser.isSet(QStringLiteral("json")),
                 OrganisationRepository(store, scope));
    return Exit::Ok;
}

int runDecision(CliContext& context, const QString& decision, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("request"), CliContext::tr("The request's id."));
    if (decision != QLatin1String("cancel"))
        parser.addOption({QStringLiteral("reason"), CliContext::tr("The reason for the decision."),
                          CliContext::tr("TEXT")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print the request as JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("orgs %1 needs one REQUEST id.").arg(decision));
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    Database& store = *context.store();
    OrganisationRequestRepository requests(store, scope);
    const QString id = parser.positionalArguments().first();
    const QString reason = parser.value(QStringLiteral("reason"));
    QString error;
    std::optional<OrganisationRequest> request;
    if (decision == QLatin1String("approve"))
        request = requests.approve(id, reason, context.actor(), &error);
    else if (decision == QLatin1String("reject"))
        request = requests.reject(id, reason, context.actor(), &error);
    else
        request = requests.cancel(id, context.actor(), &error);
    if (!request)
        return context.fail(error);
    printRequest(context, *request, parser.isSet(QStringLiteral("json")),
                 OrganisationRepository(store, scope));
    return Exit::Ok;
}

int runRequests(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("org"), CliContext::tr("Only the requests about this organisation."),
                      CliContext::tr("ORG")});
    parser.addOption(
        {QStringLiteral("state"),
         CliContext::tr("Only requests in this state: submitted, approved, rejected or cancelled."),
         CliContext::tr("STATE")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    QString state;
    if (parser.isSet(QStringLiteral("state"))) {
        state = codes::organisationRequestState().keyFor(parser.value(QStringLiteral("state")));
        if (state.isEmpty())
            return context.usageError(
                CliContext::tr("--state: \"%1\" is not one of %2.")
                    .arg(parser.value(QStringLiteral("state")),
                         codes::organisationRequestState().keys().join(QStringLiteral(", "))));
    }
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    Database& store = *context.store();
    OrganisationRequestRepository requests(store, scope);
    QList<OrganisationRequest> list;
    if (parser.isSet(QStringLiteral("org"))) {
        const auto org = resolveOrg(context, scope, parser.value(QStringLiteral("org")));
        if (!org)
            return Exit::Failed;
        list = requests.history(org->id);
        if (!state.isEmpty())
            list.removeIf([&state](const OrganisationRequest& r) { return r.state != state; });
    } else {
        list = requests.list(state);
    }
    const OrganisationRepository organisations(store, scope);
    const bool json = parser.isSet(QStringLiteral("json"));
    QJsonArray array;
    for (const OrganisationRequest& r : std::as_const(list)) {
        if (json)
            array.append(requestJson(r, organisations));
        else
            printRequest(context, r, false, organisations);
    }
    if (json)
        context.out() << compact(array) << Qt::endl;
    return Exit::Ok;
}

} // namespace

QString orgsAndCadresUsage()
{
    return CliContext::tr(
        "Organisations and cadres:\n"
        "  orgs add --name NAME --parent ORG --level LEVEL [--kind KIND] [--credit-code CODE] [--json]\n"
        "  orgs list [--under ORG] [--json]         the tree with active members of each subtree\n"
        "  orgs show ORG [--json]                   details, counts, committee, requests, sub-unions\n"
        "  orgs request establish --name NAME --parent ORG --level LEVEL [--reason TEXT] [--json]\n"
        "  orgs request change ORG [--name …] [--credit-code …] … [--reason TEXT] [--json]\n"
        "  orgs request dissolve ORG [--reason TEXT] [--json]\n"
        "  orgs approve|reject REQUEST [--reason TEXT] [--json]\n"
        "  orgs cancel REQUEST                      withdraw a request awaiting a decision\n"
        "  orgs requests [--org ORG] [--state STATE] [--json]\n"
        "  orgs import PATH [--parent ORG] [--sheet NAME] [--dry-run] [--json] [--password-file FILE]\n"
        "                                           add the unions of a list (.xlsx, .xls, .ods, .csv)\n"
        "  orgs export PATH [--under ORG]           the tree to .xlsx or .csv\n"
        "  cadres add --member ID_NUMBER --org ORG --position POSITION --term-start DATE --term-end DATE\n"
        "  cadres list --org ORG [--all] [--json]   the committee of an organisation\n"
        "  cadres expiring --days N [--overdue] [--json]\n"
        "  cadres flagged [--json]                  cadres whose member record has left or lapsed\n"
        "  cadres end CADRE [--on DATE]\n");
}

int runOrgs(CliContext& context, const QStringList& arguments)
{
    // arguments: [program, "orgs", sub, …]; each subcommand parses [program, …rest].
    const QString sub = arguments.value(2);
    QStringList rest = arguments.mid(3);
    rest.prepend(arguments.value(0));
    if (sub == QLatin1String("add"))
        return runAdd(context, rest);
    if (sub == QLatin1String("list"))
        return runList(context, rest);
    if (sub == QLatin1String("show"))
        return runShow(context, rest);
    if (sub == QLatin1String("request"))
        return runRequest(context, rest);
    if (sub == QLatin1String("requests"))
        return runRequests(context, rest);
    if (sub == QLatin1String("import"))
        return runOrgImport(context, rest);
    if (sub == QLatin1String("export"))
        return runOrgExport(context, rest);
    if (sub == QLatin1String("approve") || sub == QLatin1String("reject") || sub == QLatin1String("cancel"))
        return runDecision(context, sub, rest);
    context.fail(
        sub.isEmpty()
            ? CliContext::tr("orgs needs a subcommand: add, list, show, request, requests, approve, "
                             "reject, cancel, import or export.")
            : CliContext::tr("Unknown orgs subcommand \"%1\"; use add, list, show, request, requests, "
                             "approve, reject, cancel, import or export.")
                  .arg(sub));
    return Exit::Usage;
}

} // namespace ud::cli
