#pragma once

#include "store/Scope.h"
#include "transfers/Transfer.h"
#include "transfers/TransferSummary.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace ud {

class Database;

// Reads and writes membership transfers. A transfer lies under up to three organisations (from,
// holding, to); it is in the scope when any of them is. Writes run inside the caller's transaction
// (TransferWorkflow holds one per step) and go with their outbox operation, based on the version
// the record had, exactly as other synced records do; the member snapshot is this store's own and
// never sent.
class TransferRepository
{
    Q_DECLARE_TR_FUNCTIONS(ud::TransferRepository)

public:
    TransferRepository(Database& store, Scope scope);

    const Scope& scope() const { return m_scope; }

    std::optional<Transfer> find(const QString& id) const;
    // What a clerk types or scans for a transfer: its full id (or any text holding one, as a QR
    // payload may), a unique start of the id (at least 4 characters, hyphens as in the id), the
    // 8-character short code, or the whole letter number 工转字〔2026〕第1A2B3C4D号. Says why not
    // found or not unique.
    std::optional<Transfer> resolve(const QString& code, QString* error) const;
    // Every transfer in scope, newest first; only those in `state` unless it is empty.
    QList<Transfer> list(const QString& state = QString()) const;
    // The open (hung or requested) transfers of a member, by her id or her ID number.
    QList<Transfer> openFor(const QString& memberId, const QString& idNumber) const;
    // The member's transfers with steps this store has not pushed yet.
    QList<Transfer> unsentFor(const QString& memberId) const;
    // Members hung at `organisationId` or anywhere below it (the scope's organisation when empty)
    // for at least `minMonths` whole months, longest first.
    QList<Transfer> hungHeldBy(const QString& organisationId, int minMonths = 0) const;
    // True while the transfer has operations this store has not pushed yet.
    bool isPending(const QString& id) const;

    // Names for display (see TransferSummary).
    TransferSummary summarise(const Transfer& transfer) const;
    QList<TransferSummary> summarise(const QList<Transfer>& transfers) const;
    // The name of an organisation this store holds, or empty.
    QString organisationName(const QString& organisationId) const;

    // A new transfer with its creation operation; fills updated_at/by, version 0. Needs the id and
    // the fields set. In the caller's transaction.
    bool insert(Transfer& transfer, const QString& actor, QString* error);
    // The fields of `after` that differ from `before` (same id), with their operation based on
    // before's version; the snapshot is written too but never sent. In the caller's transaction.
    bool update(Transfer& after, const Transfer& before, const QString& actor, QString* error);

private:
    // Restricts transfers (aliased t) to the scope: any of their three organisations in it.
    void restrict(WhereClause& where) const;
    QList<Transfer> select(const WhereClause& where, const QString& tail) const;
    std::optional<Transfer> byPrefix(const QString& prefix, const QString& typed, QString* error) const;

    Database& m_store;
    Scope m_scope;
};

} // namespace ud
