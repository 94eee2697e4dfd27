#include "TransferCommands.h"

#include "CliContext.h"
#include "audit/AuditLog.h"
#include "domain/IdNumber.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "print/TransferLetter.h"
#include "store/Outbox.h"
#include "transfers/TransferCodes.h"
#include "transfers/TransferLetterFill.h"
#include "transfers/TransferReason.h"
#include "transfers/TransferRepository.h"
#include "transfers/TransferWorkflow.h"
#include "util/Clock.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ud::cli {

namespace {

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// One transfer as the JSON of `list`, `show` and every step: names, not ids, and the ID number
// masked (the full number stays in the store).
QJsonObject toJson(const TransferSummary& s)
{
    const Transfer& t = s.transfer;
    return QJsonObject{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("kind"), t.kind},
        {QStringLiteral("letterNumber"), t.letterNumber()},
        {QStringLiteral("shortCode"), t.shortCode()},
        {QStringLiteral("member"), s.member},
        {QStringLiteral("idNumber"), IdNumber::masked(t.idNumber)},
        {QStringLiteral("from"), s.from},
        {QStringLiteral("holding"), s.holding},
        {QStringLiteral("to"), s.to},
        {QStringLiteral("state"), t.state},
        {QStringLiteral("reason"), t.reason},
        {QStringLiteral("note"), t.note},
        {QStringLiteral("decisionReason"), t.decisionReason},
        {QStringLiteral("requestedAt"), t.requestedAt},
        {QStringLiteral("requestedBy"), t.requestedBy},
        {QStringLiteral("decidedAt"), t.decidedAt},
        {QStringLiteral("decidedBy"), t.decidedBy},
        {QStringLiteral("pending"), s.pending},
    };
}

QString stateText(const TransferSummary& s)
{
    const QString state = codes::transferState().label(s.transfer.state);
    return s.pending ? CliContext::tr("%1 (pending until the next sync)").arg(state) : state;
}

// "甲厂工会 → 乙厂工会", "甲厂工会 → held by 甲街道工会", "? → 乙厂工会" for a request not yet
// answered by the server.
QString route(const TransferSummary& s)
{
    const QString unknown = QStringLiteral("?");
    const QString from = s.from.isEmpty() ? unknown : s.from;
    if (s.transfer.kind == Transfer::KindOut && s.to.isEmpty())
        return CliContext::tr("%1 → held by %2").arg(from, s.holding.isEmpty() ? unknown : s.holding);
    return CliContext::tr("%1 → %2").arg(from, s.to.isEmpty() ? unknown : s.to);
}

void printLine(CliContext& context, const TransferSummary& s)
{
    const Transfer& t = s.transfer;
    context.out() << t.shortCode() << '\t' << stateText(s) << '\t'
                  << (s.member.isEmpty() ? QStringLiteral("?") : s.member) << '\t'
                  << IdNumber::masked(t.idNumber) << '\t' << route(s) << '\t' << t.requestedAt.left(10)
                  << '\n';
}

// What a step did, in a sentence, and the letter number to quote; or the JSON of the transfer.
void printStep(CliContext& context, const TransferSummary& s, const QString& sentence, bool json)
{
    if (json) {
        context.out() << compact(toJson(s)) << Qt::endl;
        return;
    }
    context.out() << s.transfer.letterNumber() << ": " << sentence;
    if (s.pending)
        context.out() << ' ' << CliContext::tr("(pending until the next sync)");
    context.out() << Qt::endl;
}

struct Session
{
    Scope scope;
    Database* store = nullptr;
};

bool openSession(CliContext& context, Session* session)
{
    session->scope = context.rootScope();
    session->store = context.store();
    return session->scope.isValid() && session->store;
}

void addTransferArgument(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("transfer"),
                                 CliContext::tr("The transfer: its letter number, its 8-character code or "
                                                "its id."));
}

// Opens the store and finds the transfer the command line names; says why not.
std::optional<Transfer> findTransfer(CliContext& context, const QCommandLineParser& parser, Session* session)
{
    if (!openSession(context, session))
        return std::nullopt;
    QString error;
    std::optional<Transfer> found = TransferRepository(*session->store, session->scope)
                                        .resolve(parser.positionalArguments().first(), &error);
    if (!found)
        context.fail(error);
    return found;
}

void addJsonOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("json"), CliContext::tr("Print JSON.")});
}

int runOut(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("id-number"), CliContext::tr("The member's ID number."));
    parser.addOption({QStringLiteral("reason"),
                      CliContext::tr("Why she leaves: left-job, retired, unemployed or other (or 离职, 退休, "
                                     "失业, 其他 …; other words are kept as the note)."),
                      CliContext::tr("REASON")});
    parser.addOption({QStringLiteral("to"),
                      CliContext::tr("The union taking her in, by id or exact name (a union elsewhere on "
                                     "the server by its exact name); without it she is hung at the level "
                                     "above."),
                      CliContext::tr("ORG")});
    parser.addOption(
        {QStringLiteral("note"), CliContext::tr("A note on the transfer."), CliContext::tr("TEXT")});
    parser.addOption({QStringLiteral("keep"),
                      CliContext::tr("Keep the membership where it is (保留会籍) instead of moving it; only "
                                     "for retired or unemployed.")});
    addJsonOption(parser);
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("transfers out needs the member's ID_NUMBER."));
    if (!parser.isSet(QStringLiteral("reason")))
        return context.usageError(
            CliContext::tr("transfers out needs --reason REASON (left-job, retired, unemployed or other)."));
    const bool keep = parser.isSet(QStringLiteral("keep"));
    if (keep && parser.isSet(QStringLiteral("to")))
        return context.usageError(
            CliContext::tr("--keep and --to exclude each other: a kept membership does not move."));
    Session session;
    if (!openSession(context, &session))
        return Exit::Failed;
    const QString typed = parser.positionalArguments().first();
    const std::optional<Member> member =
        MemberRepository(*session.store, session.scope).findByIdNumber(typed);
    if (!member)
        return context.fail(CliContext::tr("No member has the ID number %1 in this data file.").arg(typed));
    TransferWorkflow workflow(*session.store, session.scope);
    const QString reason = parser.value(QStringLiteral("reason"));
    const QString note = parser.value(QStringLiteral("note"));
    QString error;
    if (keep) {
        if (!workflow.retain(member->id, reason, note, context.actor(), &error))
            return context.fail(error);
        context.out() << CliContext::tr("%1 keeps the membership where it is (保留会籍); status: %2.")
                             .arg(member->name, codes::memberStatus().label(QStringLiteral("retained")))
                      << Qt::endl;
        return Exit::Ok;
    }
    const std::optional<Transfer> t = workflow.transferOut(
        member->id, reason, note, parser.value(QStringLiteral("to")), context.actor(), &error);
    if (!t)
        return context.fail(error);
    const TransferSummary s = TransferRepository(*session.store, session.scope).summarise(*t);
    QString sentence;
    if (t->kind == Transfer::KindDirect)
        sentence = CliContext::tr("%1 moves from %2 to %3.").arg(s.member, s.from, s.to);
    else if (s.holding.isEmpty())
        sentence = CliContext::tr("%1 leaves %2 and is hung at the level above.").arg(s.member, s.from);
    else
        sentence = CliContext::tr("%1 leaves %2 and is hung at %3.").arg(s.member, s.from, s.holding);
    printStep(context, s, sentence, parser.isSet(QStringLiteral("json")));
    return Exit::Ok;
}

int runRequestIn(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("id-number"), CliContext::tr("The person's ID number."));
    parser.addOption({QStringLiteral("org"),
                      CliContext::tr("The union taking her in, by id or exact name (default: the data "
                                     "file's own organisation)."),
                      CliContext::tr("ORG")});
    parser.addOption(
        {QStringLiteral("note"), CliContext::tr("A note on the request."), CliContext::tr("TEXT")});
    addJsonOption(parser);
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("transfers request-in needs the person's ID_NUMBER."));
    Session session;
    if (!openSession(context, &session))
        return Exit::Failed;
    QString error;
    const OrganisationRepository organisations(*session.store, session.scope);
    const std::optional<Organisation> to =
        parser.isSet(QStringLiteral("org"))
            ? organisations.resolve(parser.value(QStringLiteral("org")), &error)
            : organisations.find(session.scope.organisationId());
    if (!to)
        return context.fail(error);
    const std::optional<Transfer> t =
        TransferWorkflow(*session.store, session.scope)
            .requestIn(parser.positionalArguments().first(), to->id, parser.value(QStringLiteral("note")),
                       context.actor(), &error);
    if (!t)
        return context.fail(error);
    const TransferSummary s = TransferRepository(*session.store, session.scope).summarise(*t);
    printStep(context, s,
              CliContext::tr("%1 asks to take in the member with ID number %2.")
                  .arg(s.to, IdNumber::masked(t->idNumber)),
              parser.isSet(QStringLiteral("json")));
    return Exit::Ok;
}

int runDecision(CliContext& context, const QString& decision, const QStringList& arguments)
{
    QCommandLineParser parser;
    addTransferArgument(parser);
    parser.addOption(
        {QStringLiteral("reason"), CliContext::tr("The reason for the decision."), CliContext::tr("TEXT")});
    addJsonOption(parser);
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("transfers %1 needs one TRANSFER.").arg(decision));
    Session session;
    const std::optional<Transfer> found = findTransfer(context, parser, &session);
    if (!found)
        return Exit::Failed;
    const TransferRepository transfers(*session.store, session.scope);
    QString error;
    TransferWorkflow workflow(*session.store, session.scope);
    const QString reason = parser.value(QStringLiteral("reason"));
    std::optional<Transfer> t;
    if (decision == QLatin1String("approve"))
        t = workflow.approve(found->id, reason, context.actor(), &error);
    else if (decision == QLatin1String("reject"))
        t = workflow.reject(found->id, reason, context.actor(), &error);
    else
        t = workflow.cancel(found->id, reason, context.actor(), &error);
    if (!t)
        return context.fail(error);
    const TransferSummary s = transfers.summarise(*t);
    const QString member = s.member.isEmpty() ? IdNumber::masked(t->idNumber) : s.member;
    QString sentence;
    if (decision == QLatin1String("approve"))
        sentence = CliContext::tr("approved: %1 moves to %2.").arg(member, s.to);
    else if (decision == QLatin1String("reject"))
        sentence = CliContext::tr("rejected: the membership of %1 stays with %2.").arg(member, s.holding);
    else if (found->state == Transfer::Hung)
        sentence = CliContext::tr("cancelled: %1 goes back to %2.").arg(member, s.from);
    else
        sentence = CliContext::tr("cancelled: the request for %1 is withdrawn.").arg(member);
    printStep(context, s, sentence, parser.isSet(QStringLiteral("json")));
    return Exit::Ok;
}

int runList(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("state"),
                      CliContext::tr("Only transfers in this state: hung, requested, completed, rejected, "
                                     "cancelled or expired."),
                      CliContext::tr("STATE")});
    addJsonOption(parser);
    if (!context.parse(parser, arguments))
        return context.parseExit();
    QString state;
    if (parser.isSet(QStringLiteral("state"))) {
        state = codes::transferState().keyFor(parser.value(QStringLiteral("state")));
        if (state.isEmpty())
            return context.usageError(CliContext::tr("--state: \"%1\" is not one of %2.")
                                          .arg(parser.value(QStringLiteral("state")),
                                               codes::transferState().keys().join(QStringLiteral(", "))));
    }
    Session session;
    if (!openSession(context, &session))
        return Exit::Failed;
    const TransferRepository transfers(*session.store, session.scope);
    const QList<TransferSummary> list = transfers.summarise(transfers.list(state));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const TransferSummary& s : list)
            array.append(toJson(s));
        context.out() << compact(array) << Qt::endl;
        return Exit::Ok;
    }
    for (const TransferSummary& s : list)
        printLine(context, s);
    context.out().flush();
    return Exit::Ok;
}

int runHung(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("months"),
                      CliContext::tr("Only members hung for at least N whole months."), CliContext::tr("N")});
    parser.addOption({QStringLiteral("org"),
                      CliContext::tr("Only members held by this organisation or those under it (default: "
                                     "the whole data file)."),
                      CliContext::tr("ORG")});
    addJsonOption(parser);
    if (!context.parse(parser, arguments))
        return context.parseExit();
    int months = 0;
    if (parser.isSet(QStringLiteral("months"))) {
        bool ok = false;
        months = parser.value(QStringLiteral("months")).trimmed().toInt(&ok);
        if (!ok || months < 0)
            return context.usageError(CliContext::tr("--months: give a whole number from 0 up."));
    }
    Session session;
    if (!openSession(context, &session))
        return Exit::Failed;
    QString organisationId = session.scope.organisationId();
    if (parser.isSet(QStringLiteral("org"))) {
        QString error;
        const auto org = OrganisationRepository(*session.store, session.scope)
                             .resolve(parser.value(QStringLiteral("org")), &error);
        if (!org)
            return context.fail(error);
        organisationId = org->id;
    }
    const TransferRepository transfers(*session.store, session.scope);
    const QList<TransferSummary> hung = transfers.summarise(transfers.hungHeldBy(organisationId, months));
    const QDate today = Clock::today();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const TransferSummary& s : hung) {
            QJsonObject json = toJson(s);
            const QDate since = s.transfer.requestedOn();
            json.insert(QStringLiteral("since"), since.isValid() ? since.toString(Qt::ISODate) : QString());
            json.insert(QStringLiteral("months"), s.transfer.monthsSinceRequested(today));
            array.append(json);
        }
        context.out() << compact(array) << Qt::endl;
        return Exit::Ok;
    }
    for (const TransferSummary& s : hung) {
        const Transfer& t = s.transfer;
        context.out() << t.shortCode() << '\t' << (s.member.isEmpty() ? QStringLiteral("?") : s.member)
                      << '\t' << IdNumber::masked(t.idNumber) << '\t' << s.holding << '\t'
                      << CliContext::tr("from %1").arg(s.from) << '\t'
                      << CliContext::tr("since %1 (%n month(s))", nullptr, t.monthsSinceRequested(today))
                             .arg(t.requestedOn().toString(Qt::ISODate))
                      << (s.pending ? QLatin1Char('\t') + CliContext::tr("pending") : QString()) << '\n';
    }
    context.out().flush();
    return Exit::Ok;
}

int runShow(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    addTransferArgument(parser);
    addJsonOption(parser);
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1)
        return context.usageError(CliContext::tr("transfers show needs one TRANSFER."));
    Session session;
    const std::optional<Transfer> t = findTransfer(context, parser, &session);
    if (!t)
        return Exit::Failed;
    const TransferRepository transfers(*session.store, session.scope);
    const TransferSummary s = transfers.summarise(*t);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = toJson(s);
        json.insert(QStringLiteral("memberId"), t->memberId);
        json.insert(QStringLiteral("fromOrganisation"), t->fromOrganisationId);
        json.insert(QStringLiteral("holdingOrganisation"), t->holdingOrganisationId);
        json.insert(QStringLiteral("toOrganisation"), t->toOrganisationId);
        json.insert(QStringLiteral("version"), t->version);
        context.out() << compact(json) << Qt::endl;
        return Exit::Ok;
    }
    QTextStream& out = context.out();
    out << t->letterNumber() << "  (" << t->id << ")\n";
    out << CliContext::tr("Kind: %1; state: %2").arg(codes::transferKind().label(t->kind), stateText(s))
        << '\n';
    out << CliContext::tr("Member: %1, ID number %2")
               .arg(s.member.isEmpty() ? QStringLiteral("?") : s.member, IdNumber::masked(t->idNumber))
        << '\n';
    out << CliContext::tr("From: %1; held by: %2; to: %3").arg(s.from, s.holding, s.to) << '\n';
    if (!t->reason.isEmpty())
        out << CliContext::tr("Reason: %1").arg(TransferReason::label(t->reason)) << '\n';
    if (!t->note.isEmpty())
        out << CliContext::tr("Note: %1").arg(t->note) << '\n';
    out << CliContext::tr("Requested: %1 by %2").arg(t->requestedAt, t->requestedBy) << '\n';
    if (!t->decidedAt.isEmpty())
        out << CliContext::tr("Decided: %1 by %2").arg(t->decidedAt, t->decidedBy) << '\n';
    if (!t->decisionReason.isEmpty())
        out << CliContext::tr("Reason for the decision: %1").arg(t->decisionReason) << '\n';
    out.flush();
    return Exit::Ok;
}

int runLetter(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    addTransferArgument(parser);
    parser.addOption({QStringLiteral("pdf"), CliContext::tr("Write the letter to this PDF file."),
                      CliContext::tr("PATH")});
    parser.addOption({QStringLiteral("unmasked"),
                      CliContext::tr("Print the ID number in full (written to the audit log).")});
    if (!context.parse(parser, arguments))
        return context.parseExit();
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("pdf")))
        return context.usageError(CliContext::tr("transfers letter needs one TRANSFER and --pdf PATH."));
    Session session;
    const std::optional<Transfer> t = findTransfer(context, parser, &session);
    if (!t)
        return Exit::Failed;
    const bool unmasked = parser.isSet(QStringLiteral("unmasked"));
    const QString path = QDir::cleanPath(QFileInfo(parser.value(QStringLiteral("pdf"))).absoluteFilePath());
    const TransferLetterContent content = TransferLetterFill::of(*session.store, session.scope, *t, unmasked);
    QString error;
    if (!TransferLetter(content).writePdf(path, &error))
        return context.fail(error);
    if (unmasked) {
        // An unmasked letter exists only with its audit entry: if it cannot be logged, it goes.
        AuditEntry entry;
        entry.actor = context.actor();
        entry.action = AuditLog::Unmask;
        entry.entity = entity::Transfer;
        entry.recordId = t->id;
        entry.detail = QStringLiteral("uniondesk-cli transfers letter --unmasked %1 → %2")
                           .arg(t->letterNumber(), QFileInfo(path).fileName());
        if (!AuditLog(session.store->connection()).append(entry, &error)) {
            QFile::remove(path);
            return context.fail(
                CliContext::tr("The unmasked letter cannot be written to the audit log: %1").arg(error));
        }
    }
    context.out() << CliContext::tr("Letter %1 written to %2.").arg(t->letterNumber(), path) << Qt::endl;
    return Exit::Ok;
}

} // namespace

QString transfersUsage()
{
    return CliContext::tr(
        "Membership transfers (TRANSFER: the letter number, its 8-character code or the id):\n"
        "  transfers out ID_NUMBER --reason REASON [--to ORG] [--note TEXT] [--keep] [--json]\n"
        "                                           the member leaves: hung at the level above, or\n"
        "                                           straight to ORG; --keep keeps the membership\n"
        "                                           (retired or unemployed only)\n"
        "  transfers request-in ID_NUMBER [--org ORG] [--note TEXT] [--json]\n"
        "                                           ask to take in a member of another union\n"
        "  transfers approve|reject TRANSFER [--reason TEXT] [--json]\n"
        "  transfers cancel TRANSFER [--reason TEXT] [--json]\n"
        "  transfers list [--state STATE] [--json]  every transfer, newest first\n"
        "  transfers hung [--months N] [--org ORG] [--json]\n"
        "                                           members hung here for N months or more\n"
        "  transfers show TRANSFER [--json]\n"
        "  transfers letter TRANSFER --pdf PATH [--unmasked]\n"
        "                                           the transfer letter (介绍信) as a PDF\n");
}

int runTransfers(CliContext& context, const QStringList& arguments)
{
    // arguments: [program, "transfers", sub, …]; each subcommand parses [program, …rest].
    const QString sub = arguments.value(2);
    QStringList rest = arguments.mid(3);
    rest.prepend(arguments.value(0));
    if (sub == QLatin1String("out"))
        return runOut(context, rest);
    if (sub == QLatin1String("request-in"))
        return runRequestIn(context, rest);
    if (sub == QLatin1String("approve") || sub == QLatin1String("reject") || sub == QLatin1String("cancel"))
        return runDecision(context, sub, rest);
    if (sub == QLatin1String("list"))
        return runList(context, rest);
    if (sub == QLatin1String("hung"))
        return runHung(context, rest);
    if (sub == QLatin1String("show"))
        return runShow(context, rest);
    if (sub == QLatin1String("letter"))
        return runLetter(context, rest);
    context.fail(
        sub.isEmpty()
            ? CliContext::tr("transfers needs a subcommand: out, request-in, approve, reject, cancel, "
                             "list, hung, show or letter.")
            : CliContext::tr("Unknown transfers subcommand \"%1\"; use out, request-in, approve, "
                             "reject, cancel, list, hung, show or letter.")
                  .arg(sub));
    return Exit::Usage;
}

} // namespace ud::cli
