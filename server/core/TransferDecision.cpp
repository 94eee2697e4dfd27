#include "TransferDecision.h"

#include "MemberMove.h"
#include "OrganisationDirectory.h"
#include "SyncRecordStore.h"
#include "TransferRules.h"
#include "sync/SyncEntities.h"
#include "util/Clock.h"

namespace ud::server {

namespace {

const sync::EntitySpec& memberSpec()
{
    return *sync::entity(QStringLiteral("member"));
}

QString memberOrganisation(const SyncRecord& member)
{
    return member.columns.value(memberSpec().field(QStringLiteral("organisation"))->column).toString();
}

} // namespace

TransferDecision::TransferDecision(ServerDatabase& database, QString actor)
    : m_database(database)
    , m_actor(std::move(actor))
    , m_store(database)
{
}

bool TransferDecision::loadMember(const QString& memberId, SyncRecord* member, QString* error) const
{
    *member = SyncRecord();
    if (memberId.isEmpty())
        return true;
    if (!SyncRecordStore(m_database, memberSpec()).load(memberId, member, error))
        return false;
    if (member->deleted)
        *member = SyncRecord();
    return true;
}

bool TransferDecision::move(const SyncRecord& member, const OrganisationEntry& to, const QString& status,
                            const TransferRecord& transfer, QString* error)
{
    OrganisationEntry from;
    if (OrganisationDirectory(m_database).byId(memberOrganisation(member), &from, error) ==
        OrganisationDirectory::Match::Failed)
        return false;
    return MemberMove(m_database, m_actor, TransferRules::serverClientId())
        .transfer(member, {to.id, to.path, to.name, status},
                  {transfer.id(), from.name, transfer.value(QStringLiteral("reason"))}, error);
}

bool TransferDecision::heldMember(const TransferRecord& transfer, SyncRecord* member, QString* refusal,
                                  QString* error) const
{
    if (!loadMember(transfer.value(QStringLiteral("member")), member, error))
        return false;
    if (!member->found)
        *refusal = tr("The member of this transfer is no longer on the server.");
    else if (memberOrganisation(*member) != transfer.value(QStringLiteral("holdingOrganisation")))
        *refusal = tr("The member is no longer held by %1; the transfer cannot go ahead.")
                       .arg(transfer.value(QStringLiteral("holdingName")));
    return true;
}

bool TransferDecision::settleOthers(const QString& memberId, const QString& state, const QString& exceptId,
                                    const std::function<void(TransferRecord*)>& change, QString* error)
{
    QList<TransferRecord> open;
    if (!m_store.ofMember(memberId, state, &open, error))
        return false;
    for (const TransferRecord& before : open) {
        if (before.id() == exceptId)
            continue;
        TransferRecord after = before;
        change(&after);
        if (!m_store.save(before, &after, QStringLiteral("update"),
                          {m_actor, TransferRules::serverClientId()}, error))
            return false;
    }
    return true;
}

bool TransferDecision::approve(const TransferRecord& transfer, const QString& decidedBy, QString* refusal,
                               QString* error)
{
    SyncRecord member;
    if (!heldMember(transfer, &member, refusal, error))
        return false;
    if (!refusal->isEmpty())
        return true;
    OrganisationEntry to;
    const OrganisationDirectory::Match match =
        OrganisationDirectory(m_database).byId(transfer.value(QStringLiteral("toOrganisation")), &to, error);
    if (match == OrganisationDirectory::Match::Failed)
        return false;
    if (match != OrganisationDirectory::Match::Found) {
        *refusal = tr("%1 no longer exists on the server; the member cannot move there.")
                       .arg(transfer.value(QStringLiteral("toName")));
        return true;
    }
    if (!move(member, to, QStringLiteral("active"), transfer, error))
        return false;
    const QString now = Clock::nowIso();
    // Her hung transfer ends where this one does: the union she left sees where she went.
    const auto complete = [&](TransferRecord* hung) {
        hung->set(QStringLiteral("state"), QStringLiteral("completed"));
        hung->set(QStringLiteral("toOrganisation"), to.id);
        hung->set(QStringLiteral("toName"), to.name);
        hung->setPaths(hung->holdingPath(), hung->fromPath(), to.path);
        hung->set(QStringLiteral("decidedAt"), now);
        hung->set(QStringLiteral("decidedBy"), decidedBy);
    };
    const QString tookHer =
        tr("%1 took the member in on %2.").arg(to.name, Clock::today().toString(Qt::ISODate));
    const auto reject = [&](TransferRecord* request) {
        request->set(QStringLiteral("state"), QStringLiteral("rejected"));
        request->set(QStringLiteral("decisionReason"), tookHer);
        request->set(QStringLiteral("decidedAt"), now);
        request->set(QStringLiteral("decidedBy"), TransferRules::serverActor());
    };
    return settleOthers(member.id, QStringLiteral("hung"), transfer.id(), complete, error) &&
           settleOthers(member.id, QStringLiteral("requested"), transfer.id(), reject, error);
}

bool TransferDecision::cancelHung(const TransferRecord& transfer, QString* refusal, QString* error)
{
    SyncRecord member;
    if (!heldMember(transfer, &member, refusal, error))
        return false;
    if (!refusal->isEmpty())
        return true;
    OrganisationEntry from;
    const OrganisationDirectory::Match match =
        OrganisationDirectory(m_database)
            .byId(transfer.value(QStringLiteral("fromOrganisation")), &from, error);
    if (match == OrganisationDirectory::Match::Failed)
        return false;
    if (match != OrganisationDirectory::Match::Found) {
        *refusal = tr("%1 no longer exists on the server; the member cannot go back there.")
                       .arg(transfer.value(QStringLiteral("fromName")));
        return true;
    }
    if (!move(member, from, QStringLiteral("active"), transfer, error))
        return false;
    const QString wentBack = tr("The transfer out was cancelled: the member went back to %1.").arg(from.name);
    const QString now = Clock::nowIso();
    return settleOthers(
        member.id, QStringLiteral("requested"), transfer.id(),
        [&](TransferRecord* request) {
            request->set(QStringLiteral("state"), QStringLiteral("rejected"));
            request->set(QStringLiteral("decisionReason"), wentBack);
            request->set(QStringLiteral("decidedAt"), now);
            request->set(QStringLiteral("decidedBy"), TransferRules::serverActor());
        },
        error);
}

} // namespace ud::server
