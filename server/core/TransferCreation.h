#pragma once

#include "SessionAccount.h"
#include "TransferDecision.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace ud::server {

class ServerDatabase;
struct OrganisationEntry;

// A new transfer pushed by a client (server/API.md "Transfers", "Creating"), inside the push's
// transaction: checks it, fills in what the server decides (who the member is, where she is, the
// organisations' names and paths, the state) over whatever the client sent, and moves the member
// when the transfer says so. A transfer the clerk can act on is stored even when the server refuses
// it (state rejected, with the reason); one she cannot is refused as a push.
class TransferCreation
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::TransferCreation)

public:
    TransferCreation(ServerDatabase& database, SessionAccount account);

    // `wire`: the pushed fields, checked against the catalogue. On success `record` is the transfer
    // to store, or `refusal` says why the push is rejected (and nothing may be kept).
    bool prepare(const QString& id, const QJsonObject& wire, TransferRecord* record, QString* refusal,
                 QString* error);

private:
    bool prepareOutOrDirect(TransferRecord* record, QString* refusal, QString* error);
    bool prepareRequest(TransferRecord* record, QString* refusal, QString* error);
    // Where `direct` sends the member; a `to` the server cannot use stores the transfer rejected.
    bool sendDirect(TransferRecord* record, const SyncRecord& member, const OrganisationEntry& from,
                    QString* error);
    bool organisationOf(const SyncRecord& member, OrganisationEntry* organisation, QString* error) const;
    // Fills the member's part of `record`: who she is (the name masked), from and holding.
    static void describeMember(TransferRecord* record, const SyncRecord& member,
                               const OrganisationEntry& from, const OrganisationEntry& holding);
    // The open transfers of the member, hung and requested, oldest first.
    bool openTransfers(const QString& memberId, QList<TransferRecord>* open, QString* error) const;
    bool findByIdNumber(const QString& idNumber, SyncRecord* member, QString* error) const;

    static void storeRejected(TransferRecord* record, const QString& reason);

    ServerDatabase& m_database;
    SessionAccount m_account;
    TransferDecision m_decision;
    TransferStore m_store;
};

} // namespace ud::server
