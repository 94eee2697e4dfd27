#pragma once

#include "store/Scope.h"
#include "transfers/Transfer.h"

#include <QCoreApplication>

#include <optional>

namespace ud {

class Database;
struct Member;
struct Organisation;

// The clerk's steps of a membership transfer, each checked here against what this store holds and
// written as one transaction with its outbox operation. Nothing here moves a member: the server
// does that when the step reaches it (server/API.md "Transfers"), and the member leaves or enters
// this store with the next pull. Until then the transfer is pending.
class TransferWorkflow
{
    Q_DECLARE_TR_FUNCTIONS(ud::TransferWorkflow)

public:
    TransferWorkflow(Database& store, Scope scope);

    // The member leaves her union (转出): hung at the level above, or, with a destination (an
    // organisation's id or exact name; a union this store does not hold is named by its text for
    // the server to find), straight to that union. `reason` as TransferReason::parse reads it.
    std::optional<Transfer> transferOut(const QString& memberId, const QString& reason, const QString& note,
                                        const QString& destination, const QString& actor, QString* error);
    // Retirement or unemployment that keeps the membership where it is (保留会籍): no transfer, the
    // member's status becomes "retained" with its history event.
    bool retain(const QString& memberId, const QString& reason, const QString& note, const QString& actor,
                QString* error);
    // A union of this store asks to take in the person with this ID number (转入申请). The server
    // finds her; this store can only refuse what it knows: a bad number, a member it holds already,
    // a request already open.
    std::optional<Transfer> requestIn(const QString& idNumber, const QString& toOrganisationId,
                                      const QString& note, const QString& actor, QString* error);

    // The holding union decides a request (it must be in this store).
    std::optional<Transfer> approve(const QString& transferId, const QString& reason, const QString& actor,
                                    QString* error);
    std::optional<Transfer> reject(const QString& transferId, const QString& reason, const QString& actor,
                                   QString* error);
    // A request, by the union asking or the holding union; a hung member, by the union she left or
    // the holding union (she goes back).
    std::optional<Transfer> cancel(const QString& transferId, const QString& reason, const QString& actor,
                                   QString* error);

    // The member, if she may leave or keep her membership now (here, active or retained, no open
    // transfer, no unsent move); says why not. The transfer-out form asks before it is filled in.
    std::optional<Member> transferableMember(const QString& memberId, QString* error) const;

    // Whether this store may approve or reject / cancel the transfer now; says why not.
    bool mayDecide(const Transfer& transfer, QString* error = nullptr) const;
    bool mayCancel(const Transfer& transfer, QString* error = nullptr) const;

private:
    bool holds(const QString& organisationId) const;
    QString describe(const Transfer& transfer) const;
    // Finds the destination of a direct transfer; false (with the reason) when it cannot be one.
    bool resolveDestination(const QString& text, const Member& member, Transfer& transfer,
                            QString* error) const;
    std::optional<Transfer> decide(const QString& transferId, const QString& state, const QString& reason,
                                   const QString& actor, QString* error);

    Database& m_store;
    Scope m_scope;
};

} // namespace ud
