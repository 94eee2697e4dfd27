#include "TransferCreation.h"

#include "MemberLookup.h"
#include "OrganisationDirectory.h"
#include "ServerDatabase.h"
#include "SyncPushOperation.h"
#include "TransferRuleStore.h"
#include "TransferRules.h"
#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "domain/PersonName.h"
#include "store/Sql.h"
#include "sync/SyncEntities.h"
#include "util/Clock.h"

#include <QSqlQuery>

namespace ud::server {

namespace {

const sync::EntitySpec& memberSpec()
{
    return *sync::entity(QStringLiteral("member"));
}

QString memberText(const SyncRecord& member, const char* field)
{
    return member.columns.value(memberSpec().field(QLatin1String(field))->column).toString();
}

// requestedAt as the server keeps it: UTC with milliseconds, so that times compare as text (the
// expiry of open requests); the time of arrival when the client sent none or no time at all.
QString normalisedTime(const QString& text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : Clock::nowIso();
}

} // namespace

TransferCreation::TransferCreation(ServerDatabase& database, SessionAccount account)
    : m_database(database)
    , m_account(std::move(account))
    , m_decision(database, m_account.login)
    , m_store(database)
{
}

void TransferCreation::storeRejected(TransferRecord* record, const QString& reason)
{
    record->set(QStringLiteral("state"), QStringLiteral("rejected"));
    record->set(QStringLiteral("decisionReason"), reason);
    record->set(QStringLiteral("decidedAt"), Clock::nowIso());
    record->set(QStringLiteral("decidedBy"), TransferRules::serverActor());
}

bool TransferCreation::prepare(const QString& id, const QJsonObject& wire, TransferRecord* record,
                               QString* refusal, QString* error)
{
    *record = TransferRecord();
    record->row().id = id;
    for (const sync::FieldSpec& field : TransferRecord::spec().fields)
        record->set(field.field, wire.value(field.field).toString());
    const QString kind = record->value(QStringLiteral("kind"));
    if (!TransferRules::kinds().contains(kind)) {
        *refusal = tr("Unknown kind of transfer \"%1\"; use one of %2.")
                       .arg(kind, TransferRules::kinds().join(QStringLiteral(", ")));
        return true;
    }
    const QString initial = TransferRules::initialState(kind);
    const QString pushedState = record->state();
    if (!pushedState.isEmpty() && pushedState != initial) {
        *refusal = tr("A new transfer of kind %1 starts as %2, not %3.")
                       .arg(kind, TransferRules::stateLabel(initial), TransferRules::stateLabel(pushedState));
        return true;
    }
    record->set(QStringLiteral("state"), initial);
    // Decisions are the server's or a later push's, never part of the request.
    for (const char* field : {"decisionReason", "decidedAt", "decidedBy"})
        record->set(QLatin1String(field), QString());
    if (record->value(QStringLiteral("requestedBy")).isEmpty())
        record->set(QStringLiteral("requestedBy"), m_account.login);
    record->set(QStringLiteral("requestedAt"), normalisedTime(record->value(QStringLiteral("requestedAt"))));
    return kind == QLatin1String("request") ? prepareRequest(record, refusal, error)
                                            : prepareOutOrDirect(record, refusal, error);
}

bool TransferCreation::openTransfers(const QString& memberId, QList<TransferRecord>* open,
                                     QString* error) const
{
    QList<TransferRecord> requested;
    if (!m_store.ofMember(memberId, QStringLiteral("hung"), open, error) ||
        !m_store.ofMember(memberId, QStringLiteral("requested"), &requested, error))
        return false;
    *open += requested;
    return true;
}

bool TransferCreation::organisationOf(const SyncRecord& member, OrganisationEntry* organisation,
                                      QString* error) const
{
    return OrganisationDirectory(m_database).byId(memberText(member, "organisation"), organisation, error) !=
           OrganisationDirectory::Match::Failed;
}

void TransferCreation::describeMember(TransferRecord* record, const SyncRecord& member,
                                      const OrganisationEntry& from, const OrganisationEntry& holding)
{
    record->set(QStringLiteral("member"), member.id);
    record->set(QStringLiteral("idNumber"), memberText(member, "idNumber"));
    record->set(QStringLiteral("memberName"), PersonName::masked(memberText(member, "name")));
    record->set(QStringLiteral("fromOrganisation"), from.id);
    record->set(QStringLiteral("fromName"), from.name);
    record->set(QStringLiteral("holdingOrganisation"), holding.id);
    record->set(QStringLiteral("holdingName"), holding.name);
    record->setPaths(holding.path, from.path, record->toPath());
}

bool TransferCreation::prepareOutOrDirect(TransferRecord* record, QString* refusal, QString* error)
{
    SyncRecord member;
    if (!m_decision.loadMember(record->value(QStringLiteral("member")), &member, error))
        return false;
    if (!member.found || !m_account.covers(member.path)) {
        *refusal = tr("There is no such member in your organisation's tree.");
        return true;
    }
    const QString reason = record->value(QStringLiteral("reason"));
    if (!TransferRules::reasons().contains(reason)) {
        *refusal = tr("The reason of a transfer out must be one of %1, not \"%2\".")
                       .arg(TransferRules::reasons().join(QStringLiteral(", ")), reason);
        return true;
    }
    QList<TransferRecord> open;
    if (!openTransfers(member.id, &open, error))
        return false;
    if (!open.isEmpty()) {
        *refusal = tr("The member already has an open transfer (%1 since %2); settle it first.")
                       .arg(TransferRules::stateLabel(open.first().state()),
                            open.first().value(QStringLiteral("requestedAt")).left(10));
        return true;
    }
    const QString status = memberText(member, "status");
    if (status != QLatin1String("active") && status != QLatin1String("retained")) {
        *refusal = tr("Only an active or retained membership can be transferred; this member's status is "
                      "\"%1\".")
                       .arg(codes::memberStatus().label(status));
        return true;
    }
    OrganisationEntry from;
    if (!organisationOf(member, &from, error))
        return false;
    if (record->value(QStringLiteral("kind")) == QLatin1String("direct")) {
        describeMember(record, member, from, from);
        return sendDirect(record, member, from, error);
    }

    OrganisationEntry parent;
    const OrganisationDirectory::Match match =
        OrganisationDirectory(m_database).byId(from.parentId, &parent, error);
    if (match == OrganisationDirectory::Match::Failed)
        return false;
    if (match != OrganisationDirectory::Match::Found) {
        *refusal = tr("%1 has no organisation above it to hold the member.").arg(from.name);
        return true;
    }
    record->set(QStringLiteral("toOrganisation"), QString());
    record->set(QStringLiteral("toName"), QString());
    describeMember(record, member, from, parent);
    record->setPaths(parent.path, from.path, QString());
    return m_decision.move(member, parent, QStringLiteral("hung"), *record, error);
}

bool TransferCreation::sendDirect(TransferRecord* record, const SyncRecord& member,
                                  const OrganisationEntry& from, QString* error)
{
    const QString toId = record->value(QStringLiteral("toOrganisation"));
    const QString wanted = toId.isEmpty() ? record->value(QStringLiteral("toName")) : toId;
    OrganisationEntry to;
    int count = 0;
    const OrganisationDirectory::Match match =
        toId.isEmpty() ? OrganisationDirectory(m_database).byIdOrName(wanted, &to, &count, error)
                       : OrganisationDirectory(m_database).byId(toId, &to, error);
    if (match == OrganisationDirectory::Match::Failed)
        return false;
    record->setPaths(from.path, from.path, QString());
    if (match != OrganisationDirectory::Match::Found) {
        storeRejected(record, OrganisationDirectory::problem(match, wanted, count));
        return true;
    }
    if (to.id == from.id) {
        storeRejected(record, tr("The member already belongs to %1.").arg(to.name));
        return true;
    }
    if (to.status == QLatin1String("dissolved")) {
        storeRejected(record, tr("%1 is dissolved and takes no members.").arg(to.name));
        return true;
    }
    record->set(QStringLiteral("toOrganisation"), to.id);
    record->set(QStringLiteral("toName"), to.name);
    record->set(QStringLiteral("decidedAt"), Clock::nowIso());
    record->set(QStringLiteral("decidedBy"), m_account.login);
    record->setPaths(from.path, from.path, to.path);
    return m_decision.move(member, to, QStringLiteral("active"), *record, error);
}

bool TransferCreation::findByIdNumber(const QString& idNumber, SyncRecord* member, QString* error) const
{
    QSqlQuery query(m_database.db());
    if (!sql::execBound(query, QStringLiteral("SELECT id FROM member WHERE id_number = ? AND deleted = 0"),
                        {idNumber}, error))
        return false;
    const QString id = query.next() ? query.value(0).toString() : QString();
    query.finish();
    return m_decision.loadMember(id, member, error);
}

bool TransferCreation::prepareRequest(TransferRecord* record, QString* refusal, QString* error)
{
    OrganisationEntry to;
    const OrganisationDirectory::Match match =
        OrganisationDirectory(m_database).byId(record->value(QStringLiteral("toOrganisation")), &to, error);
    if (match == OrganisationDirectory::Match::Failed)
        return false;
    if (match != OrganisationDirectory::Match::Found || !m_account.covers(to.path)) {
        *refusal = tr("There is no such organisation in your organisation's tree.");
        return true;
    }
    const IdNumber idNumber = IdNumber::parse(record->value(QStringLiteral("idNumber")));
    if (!idNumber.isValid()) {
        *refusal = idNumber.errorMessage();
        return true;
    }
    // Server-set: who she is and where comes from the server, never from the requesting client.
    for (const char* field : {"member", "memberName", "fromOrganisation", "fromName", "holdingOrganisation",
                              "holdingName", "reason"})
        record->set(QLatin1String(field), QString());
    record->set(QStringLiteral("idNumber"), idNumber.value());
    record->set(QStringLiteral("toName"), to.name);
    // Until a member is found the request lies under the requesting union alone.
    record->setPaths(to.path, QString(), to.path);

    // A look-up of personal data across the whole server, as GET /members/lookup is.
    SyncRecord member;
    if (!findByIdNumber(idNumber.value(), &member, error) ||
        !MemberLookup::audit(m_database, m_account.login, idNumber.value(), member.id,
                             QStringLiteral("transfer request %1").arg(record->id()), error))
        return false;
    if (!member.found) {
        storeRejected(record, tr("No member on the server has this ID number: add the person as a new member "
                                 "instead."));
        return true;
    }
    OrganisationEntry from;
    if (!organisationOf(member, &from, error))
        return false;
    describeMember(record, member, from, from);
    record->setPaths(from.path, from.path, to.path);
    // A hung member comes from the union she left, not from the township holding her meanwhile:
    // that union sees the request too, and the letter names it.
    QList<TransferRecord> hung;
    if (!m_store.ofMember(member.id, QStringLiteral("hung"), &hung, error))
        return false;
    if (!hung.isEmpty()) {
        const TransferRecord& out = hung.first();
        record->set(QStringLiteral("fromOrganisation"), out.value(QStringLiteral("fromOrganisation")));
        record->set(QStringLiteral("fromName"), out.value(QStringLiteral("fromName")));
        record->setPaths(from.path, out.fromPath(), to.path);
    }
    if (m_account.covers(member.path)) {
        storeRejected(record,
                      tr("This person is already a member of %1, inside your organisation: no transfer "
                         "is needed.")
                          .arg(from.name));
        return true;
    }
    QList<TransferRecord> requests;
    if (!m_store.ofMember(member.id, QStringLiteral("requested"), &requests, error))
        return false;
    if (!requests.isEmpty()) {
        // The first request to arrive wins; the later one learns who was first.
        storeRejected(record,
                      tr("%1 asked for this member first, on %2; a member is transferred to the first "
                         "union that asks. Ask again if that request is rejected.")
                          .arg(requests.first().value(QStringLiteral("toName")),
                               requests.first().value(QStringLiteral("requestedAt")).left(10)));
        return true;
    }

    bool automatic = false;
    if (memberText(member, "status") != QLatin1String("hung"))
        return true;
    if (!TransferRuleStore(m_database).autoApprovesHung(from.id, &automatic, error))
        return false;
    if (!automatic)
        return true;
    TransferRecord approved = *record;
    approved.set(QStringLiteral("state"), QStringLiteral("completed"));
    approved.set(QStringLiteral("decidedAt"), Clock::nowIso());
    approved.set(QStringLiteral("decidedBy"), TransferRules::ruleActor());
    QString notNow;
    if (!m_decision.approve(approved, TransferRules::ruleActor(), &notNow, error))
        return false;
    // The rule approves only what can go ahead at once; anything else waits for a clerk.
    if (notNow.isEmpty())
        *record = approved;
    return true;
}

} // namespace ud::server
