#pragma once

#include "SessionAccount.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace ud::server {

class ServerDatabase;

// One page of changes after a cursor, for one account (DESIGN.md "Sync contract"): every synced
// record of the account's subtree whose version is above the cursor, and a "gone" for each record
// that left the subtree, in version order. The page reads one snapshot of the store, so a change
// committing meanwhile is either wholly in it or comes with the next page.
class SyncPull
{
public:
    SyncPull(ServerDatabase& database, const SessionAccount& account);
    ~SyncPull();

    bool page(qint64 cursor, int limit, QJsonObject* answer, QString* error);

private:
    struct Stream;
    bool openChanges(qint64 cursor, int limit, std::vector<std::unique_ptr<Stream>>* streams,
                     QString* error) const;
    bool openDepartures(qint64 cursor, int limit, std::vector<std::unique_ptr<Stream>>* streams,
                        QString* error) const;
    // How many records holding personal data a page sent (a transfer names its member's ID number).
    struct PersonalReads
    {
        int members = 0;
        int events = 0;
        int cadres = 0;
        int transfers = 0;
    };
    bool auditRead(const PersonalReads& reads, QString* error);

    ServerDatabase& m_database;
    SessionAccount m_account;
    QString m_lower;
    QString m_upper;
};

} // namespace ud::server
