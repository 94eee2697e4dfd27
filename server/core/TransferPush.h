#pragma once

#include "SessionAccount.h"
#include "SyncPushTypes.h"

#include <QCoreApplication>
#include <QString>

namespace ud::server {

class ServerDatabase;
class TransferRecord;

// A pushed operation on a membership transfer (server/API.md "Transfers"), inside the push's
// transaction. A transfer lies under three organisations, and an account that covers none of them
// is answered exactly as for a record that does not exist. Creating goes to TransferCreation;
// a change may edit the note or decide (a change of state), checked against the stored state and
// the account's side, with the member's move done by TransferDecision.
class TransferPush
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::TransferPush)

public:
    TransferPush(ServerDatabase& database, SessionAccount account, QString clientId);

    // False only when the database failed; a refusal is a rejected answer.
    bool apply(const PushedOperation& op, PushAnswer* answer, QString* error);

private:
    bool create(const PushedOperation& op, PushAnswer* answer, QString* error);
    bool change(const PushedOperation& op, const TransferRecord& current, PushAnswer* answer, QString* error);
    // The member's move that goes with a change of state, if any; `refusal` when it cannot happen.
    bool decide(const TransferRecord& current, const TransferRecord& decided, QString* refusal,
                QString* error);

    ServerDatabase& m_database;
    SessionAccount m_account;
    QString m_clientId;
};

} // namespace ud::server
