#pragma once

#include "print/TransferLetter.h"
#include "store/Scope.h"
#include "transfers/TransferSummary.h"

#include <QJsonObject>

namespace ud {

class Database;

// What the transfer letter (会员组织关系接转介绍信) prints for one transfer. The member's details come
// from her record while this store still holds her, else from the snapshot kept when the transfer was
// made or approved here; the ID number is masked unless `unmasked` (the caller audit-logs that).
class TransferLetterFill
{
public:
    static TransferLetterContent of(Database& store, const Scope& scope, const Transfer& transfer,
                                    bool unmasked);
    // `member`: the member's details by API field name (Transfer::snapshotOf), empty when unknown.
    static TransferLetterContent of(const TransferSummary& summary, const QJsonObject& member, bool unmasked);
    // True when the letter can name the member in full (this store holds or held her details).
    static bool knowsMember(const QJsonObject& member)
    {
        return !member.value(QLatin1String("name")).toString().isEmpty();
    }
};

} // namespace ud
