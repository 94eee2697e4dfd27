#pragma once

#include "TransferStore.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace ud::server {

class ServerDatabase;
struct OrganisationEntry;
struct SyncRecord;

// What a transfer does to the member when it is created or decided, inside the caller's
// transaction: it moves her (MemberMove) and settles her other open transfers, so that whatever
// happens she is in exactly one place. A refusal (the member is no longer where the transfer
// expects her) comes back as a sentence for the clerk; the caller then keeps nothing.
class TransferDecision
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::TransferDecision)

public:
    // `actor`: the login of the account whose push (or command) this is.
    TransferDecision(ServerDatabase& database, QString actor);

    // The live member `memberId`; `member->found` is false when there is none (or it was deleted).
    bool loadMember(const QString& memberId, SyncRecord* member, QString* error) const;

    // Moves `member` to `to` with `status`, for the transfer `transfer` (out and direct at creation).
    bool move(const SyncRecord& member, const OrganisationEntry& to, const QString& status,
              const TransferRecord& transfer, QString* error);

    // A request becomes completed (`transfer` as it will be stored): the member moves to its `to`
    // (active), her hung transfer completes with it, and every other request for her is rejected
    // naming the union that took her. `decidedBy` signs the hung transfer's completion.
    bool approve(const TransferRecord& transfer, const QString& decidedBy, QString* refusal, QString* error);
    // A hung transfer is cancelled: the member goes back to the union she left (active), and the
    // requests for her are rejected.
    bool cancelHung(const TransferRecord& transfer, QString* refusal, QString* error);

private:
    // Settles the member's open transfers in `state` but `exceptId` with `change` applied to each.
    bool settleOthers(const QString& memberId, const QString& state, const QString& exceptId,
                      const std::function<void(TransferRecord*)>& change, QString* error);
    // The member of `transfer` as long as she still is at its holding organisation.
    bool heldMember(const TransferRecord& transfer, SyncRecord* member, QString* refusal,
                    QString* error) const;

    ServerDatabase& m_database;
    QString m_actor;
    TransferStore m_store;
};

} // namespace ud::server
