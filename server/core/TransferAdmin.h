#pragma once

#include <QCoreApplication>
#include <QString>

namespace ud::server {

class ServerDatabase;

// The administration of transfers (`uniondesk-server admin expire-transfers` and `transfer-rule`):
// each command is one transaction with its audit entries.
class TransferAdmin
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::TransferAdmin)

public:
    // `actor` is recorded in the audit log and in updated_by.
    TransferAdmin(ServerDatabase& database, QString actor);

    // Whether requests for members hung at `organisation` (an id or an exact name) are approved as
    // they arrive. `name` is the organisation's name.
    bool setAutoApproveHung(const QString& organisation, bool yes, QString* error, QString* name = nullptr);
    // Requests open for more than `days` days become expired (the member stays where she is).
    bool expireRequests(int days, int* expired, QString* error);

private:
    ServerDatabase& m_database;
    QString m_actor;
};

} // namespace ud::server
