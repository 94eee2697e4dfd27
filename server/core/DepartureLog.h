#pragma once

#include <QString>

namespace ud::server {

class ServerDatabase;

// The departure table: a record that left an organisation's path (a member moved to another
// union, her history with her, a cadre moved). Accounts that saw the record there and no longer see
// it pull it as "gone" (SyncPull).
class DepartureLog
{
public:
    explicit DepartureLog(const ServerDatabase& database);

    // Inside the caller's transaction; the departure takes the next change_seq value.
    bool record(const QString& entity, const QString& id, const QString& fromPath, QString* error) const;

private:
    const ServerDatabase& m_database;
};

} // namespace ud::server
