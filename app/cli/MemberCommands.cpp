#include "MemberCommands.h"

#include "CliContext.h"
#include "audit/AuditLog.h"
#include "domain/CodeList.h"
#include "members/MemberRepository.h"
#include "members/RosterQuery.h"
#include "organisations/OrganisationRepository.h"
#include "store/Outbox.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace ud::cli {

namespace {

QJsonObject toJson(const RosterRow& r)
{
    return QJsonObject{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("name"), r.name},
        {QStringLiteral("gender"), r.gender},
        {QStringLiteral("idNumber"), r.idNumber},
        {QStringLiteral("mobile"), r.mobile},
        {QStringLiteral("status"), r.status},
        {QStringLiteral("organisation"), r.organisationName},
        {QStringLiteral("employmentForm"), r.employmentForm},
        {QStringLiteral("joinDate"), r.joinDate},
        {QStringLiteral("cardNumber"), r.cardNumber},
        {QStringLiteral("verified"), r.verified},
    };
}

// The tool prints numbers unmasked, so every listing is an export and goes to the audit log
// first: if it cannot be logged, nothing is printed.
bool logExport(CliContext& context, const QString& description)
{
    AuditEntry entry;
    entry.actor = context.actor();
    entry.action = AuditLog::Export;
    entry.entity = entity::Member;
    entry.detail = QStringLiteral("uniondesk-cli ") + description;
    QString error;
    if (AuditLog(context.store()->connection()).append(entry, &error))
        return true;
    context.fail(CliContext::tr("The listing cannot be written to the audit log: %1").arg(error));
    return false;
}

// Streams every row of the query page by page, so a million-member list never sits in memory.
void printRows(CliContext& context, const RosterQuery& query, bool json, qint64 limit)
{
    constexpr int pageSize = 2000;
    QTextStream& out = context.out();
    if (json)
        out << '[';
    qint64 printed = 0;
    QList<RosterRow> page = query.first(static_cast<int>(std::min<qint64>(pageSize, limit)));
    while (!page.isEmpty()) {
        for (const RosterRow& r : std::as_const(page)) {
            if (json) {
                out << (printed ? ",\n" : "\n")
                    << QString::fromUtf8(QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact));
            } else {
                out << r.name << '\t' << r.idNumber << '\t' << r.mobile << '\t'
                    << codes::memberStatus().label(r.status) << '\t' << r.organisationName << '\t'
                    << r.cardNumber << '\n';
            }
            ++printed;
        }
        if (page.size() < pageSize || printed >= limit)
            break;
        page = query.after(RosterQuery::keyOf(page.last()),
                           static_cast<int>(std::min<qint64>(pageSize, limit - printed)));
    }
    if (json)
        out << (printed ? "\n]" : "]") << '\n';
    out.flush();
}

bool readLimit(CliContext& context, const QCommandLineParser& parser, qint64* limit)
{
    *limit = std::numeric_limits<qint64>::max();
    if (!parser.isSet(QStringLiteral("limit")))
        return true;
    bool ok = false;
    *limit = parser.value(QStringLiteral("limit")).toLongLong(&ok);
    if (!ok || *limit < 1) {
        context.fail(CliContext::tr("--limit: give a whole number above 0."));
        return false;
    }
    return true;
}

void addOutputOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print JSON (unmasked).")});
    parser.addOption(
        {QStringLiteral("limit"), CliContext::tr("Print at most N members."), CliContext::tr("N")});
}

int runFind(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("query"),
                                 CliContext::tr("Name fragment, ID number (or its last "
                                                "digits), mobile or card number."));
    addOutputOptions(parser);
    if (!context.parse(parser, arguments))
        return context.parseExit();
    qint64 limit = 0;
    if (parser.positionalArguments().size() != 1 || parser.positionalArguments().first().trimmed().isEmpty())
        return context.usageError(CliContext::tr("members find needs one QUERY."));
    if (!readLimit(context, parser, &limit))
        return Exit::Usage;
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    RosterFilter filter;
    filter.search = parser.positionalArguments().first();
    if (!logExport(context, QStringLiteral("members find ") + filter.search))
        return Exit::Failed;
    printRows(context, RosterQuery(context.store()->connection(), scope, filter),
              parser.isSet(QStringLiteral("json")), limit);
    return Exit::Ok;
}

int runList(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("org"),
                      CliContext::tr("Only this organisation and those under it (id or exact name)."),
                      CliContext::tr("ORG")});
    parser.addOption({QStringLiteral("status"), CliContext::tr("Only members with this status."),
                      CliContext::tr("STATUS")});
    addOutputOptions(parser);
    if (!context.parse(parser, arguments))
        return context.parseExit();
    qint64 limit = 0;
    if (!readLimit(context, parser, &limit))
        return Exit::Usage;
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    RosterFilter filter;
    if (parser.isSet(QStringLiteral("org"))) {
        QString error;
        const auto org = OrganisationRepository(*context.store(), scope)
                             .resolve(parser.value(QStringLiteral("org")), &error);
        if (!org)
            return context.fail(error);
        filter.organisationPath = org->path;
    }
    if (parser.isSet(QStringLiteral("status"))) {
        filter.status = codes::memberStatus().keyFor(parser.value(QStringLiteral("status")));
        if (filter.status.isEmpty())
            return context.usageError(CliContext::tr("--status: \"%1\" is not one of %2.")
                                          .arg(parser.value(QStringLiteral("status")),
                                               codes::memberStatus().labels().join(CliContext::tr(", "))));
    }
    if (!logExport(context, QStringLiteral("members list ") + filter.organisationPath + QLatin1Char(' ') +
                                filter.status))
        return Exit::Failed;
    printRows(context, RosterQuery(context.store()->connection(), scope, filter),
              parser.isSet(QStringLiteral("json")), limit);
    return Exit::Ok;
}

// The optional member fields shared by add and edit: option name → Member field.
struct FieldOption
{
    const char* option;
    QString Member::*field;
    const char* help;
};

const FieldOption kFieldOptions[] = {
    {"name", &Member::name, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Name.")},
    {"mobile", &Member::mobile, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Mobile number.")},
    {"gender", &Member::gender, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Gender (male/female or 男/女).")},
    {"ethnicity", &Member::ethnicity, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Ethnicity.")},
    {"birth-date", &Member::birthDate, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Birth date (YYYY-MM-DD).")},
    {"join-date", &Member::joinDate, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Join date (YYYY-MM-DD).")},
    {"card-number", &Member::cardNumber, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Member card number.")},
    {"employer", &Member::employer, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Employer.")},
    {"job", &Member::jobTitle, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Job.")},
    {"employment-form", &Member::employmentForm,
     QT_TRANSLATE_NOOP("ud::cli::CliContext", "Employment form (employee, courier, food-delivery, …).")},
    {"education", &Member::education, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Education.")},
    {"political-status", &Member::politicalStatus,
     QT_TRANSLATE_NOOP("ud::cli::CliContext", "Political status.")},
    {"household", &Member::household,
     QT_TRANSLATE_NOOP("ud::cli::CliContext", "Household registration (urban/rural).")},
    {"notes", &Member::notes, QT_TRANSLATE_NOOP("ud::cli::CliContext", "Notes.")},
};

void addFieldOptions(QCommandLineParser& parser, bool includeName)
{
    for (const FieldOption& f : kFieldOptions) {
        if (!includeName && QLatin1String(f.option) == QLatin1String("name"))
            continue;
        parser.addOption({QString::fromLatin1(f.option),
                          QCoreApplication::translate("ud::cli::CliContext", f.help),
                          CliContext::tr("VALUE")});
    }
}

void applyFieldOptions(const QCommandLineParser& parser, Member& m)
{
    for (const FieldOption& f : kFieldOptions) {
        if (parser.isSet(QString::fromLatin1(f.option)))
            m.*(f.field) = parser.value(QString::fromLatin1(f.option));
    }
}

void printWarnings(CliContext& context, const QList<FieldProblem>& problems)
{
    for (const FieldProblem& p : problems) {
        if (!p.isError())
            context.err() << CliContext::tr("warning: %1").arg(p.message) << Qt::endl;
    }
}

int runAdd(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    addFieldOptions(parser, true);
    parser.addOption({QStringLiteral("id-number"), CliContext::tr("ID number."), CliContext::tr("ID")});
    parser.addOption({QStringLiteral("id-type"),
                      CliContext::tr("ID document type (default: resident identity card)."),
                      CliContext::tr("TYPE")});
    parser.addOption({QStringLiteral("org"),
                      CliContext::tr("Organisation (id or exact name; default: the root)."),
                      CliContext::tr("ORG")});
    parser.addOption({QStringLiteral("status"), CliContext::tr("Membership status (default: active)."),
                      CliContext::tr("STATUS")});
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print the new member as JSON.")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (!parser.isSet(QStringLiteral("name")) || !parser.isSet(QStringLiteral("id-number")))
        return context.usageError(CliContext::tr("members add needs --name NAME and --id-number ID."));
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    Database& store = *context.store();

    Member m;
    applyFieldOptions(parser, m);
    m.idNumber = parser.value(QStringLiteral("id-number"));
    if (parser.isSet(QStringLiteral("id-type")))
        m.idType = parser.value(QStringLiteral("id-type"));
    if (parser.isSet(QStringLiteral("status")))
        m.status = parser.value(QStringLiteral("status"));
    QString error;
    QString organisationName;
    if (parser.isSet(QStringLiteral("org"))) {
        const auto org =
            OrganisationRepository(store, scope).resolve(parser.value(QStringLiteral("org")), &error);
        if (!org)
            return context.fail(error);
        m.organisationId = org->id;
        organisationName = org->name;
    } else {
        m.organisationId = scope.organisationId();
        if (const auto root = OrganisationRepository(store, scope).find(m.organisationId))
            organisationName = root->name;
    }
    QList<FieldProblem> problems;
    MemberRepository members(store, scope);
    if (!members.add(m, context.actor(), &error, &problems))
        return context.fail(error);
    printWarnings(context, problems);
    if (parser.isSet(QStringLiteral("json"))) {
        // The same shape as find and list: "organisation" is the name; the id goes alongside.
        QJsonObject fields = m.toFields();
        fields.insert(QStringLiteral("id"), m.id);
        fields.insert(QStringLiteral("organisationId"), m.organisationId);
        fields.insert(QStringLiteral("organisation"), organisationName);
        context.out() << QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)) << Qt::endl;
    } else {
        context.out() << m.id << Qt::endl;
    }
    return Exit::Ok;
}

int runEdit(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("id-number"), CliContext::tr("The member's ID number."));
    addFieldOptions(parser, true);
    parser.addOption(
        {QStringLiteral("status"), CliContext::tr("New membership status."), CliContext::tr("STATUS")});
    parser.addOption(
        {QStringLiteral("reason"), CliContext::tr("Reason for a status change."), CliContext::tr("TEXT")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("members edit needs the member's ID number."));
    const Scope scope = context.rootScope();
    if (!scope.isValid())
        return Exit::Failed;
    MemberRepository members(*context.store(), scope);
    const std::optional<Member> found = members.findByIdNumber(parser.positionalArguments().first());
    if (!found)
        return context.fail(
            CliContext::tr("No member has the ID number %1.").arg(parser.positionalArguments().first()));
    // The new status is checked before anything is written: a bad --status must not leave the
    // other edits saved.
    QString status;
    if (parser.isSet(QStringLiteral("status"))) {
        status = codes::memberStatus().keyFor(parser.value(QStringLiteral("status")));
        if (status.isEmpty())
            return context.usageError(CliContext::tr("--status: \"%1\" is not one of %2.")
                                          .arg(parser.value(QStringLiteral("status")),
                                               codes::memberStatus().labels().join(CliContext::tr(", "))));
    }
    Member m = *found;
    applyFieldOptions(parser, m);
    QString error;
    QList<FieldProblem> problems;
    if (!members.update(m, context.actor(), &error, &problems))
        return context.fail(error);
    printWarnings(context, problems);
    if (!status.isEmpty()) {
        if (status != m.status && !members.changeStatus(m.id, status, parser.value(QStringLiteral("reason")),
                                                        QDate(), context.actor(), &error))
            return context.fail(error);
    }
    context.out() << CliContext::tr("Saved the changes to %1.").arg(m.name) << Qt::endl;
    return Exit::Ok;
}

} // namespace

int runMembers(CliContext& context, const QStringList& arguments)
{
    // arguments: [program, "members", sub, …]; each subcommand parses [program, …rest].
    const QString sub = arguments.value(2);
    QStringList rest = arguments.mid(3);
    rest.prepend(arguments.value(0));
    if (sub == QLatin1String("add"))
        return runAdd(context, rest);
    if (sub == QLatin1String("find"))
        return runFind(context, rest);
    if (sub == QLatin1String("list"))
        return runList(context, rest);
    if (sub == QLatin1String("edit"))
        return runEdit(context, rest);
    context.fail(
        sub.isEmpty()
            ? CliContext::tr("members needs a subcommand: add, find, list or edit.")
            : CliContext::tr("Unknown members subcommand \"%1\"; use add, find, list or edit.").arg(sub));
    return Exit::Usage;
}

} // namespace ud::cli
