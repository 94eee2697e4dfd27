#pragma once

#include <QString>

namespace ud::server {

class ServerDatabase;

// What an organisation decided once for every transfer it holds (table transfer_rule), inside the
// caller's transaction: for now whether requests for its hung members are approved automatically.
class TransferRuleStore
{
public:
    explicit TransferRuleStore(const ServerDatabase& database);

    // False (no rule) for an organisation that never set one.
    bool autoApprovesHung(const QString& organisationId, bool* yes, QString* error) const;
    bool setAutoApproveHung(const QString& organisationId, bool yes, const QString& actor,
                            QString* error) const;

private:
    const ServerDatabase& m_database;
};

} // namespace ud::server
