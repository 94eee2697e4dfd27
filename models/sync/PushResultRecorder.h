#pragma once

#include "store/Outbox.h"
#include "sync/SyncMessages.h"

#include <QCoreApplication>

namespace ud {
class Database;
}

namespace ud::sync {

// Settles one pushed batch in one transaction: each operation the server answered leaves the
// outbox; a conflict keeps one row per conflicting field (the local value stays in the record), a
// refusal keeps the operation itself. An operation without an answer stays queued for the next run.
//
// The clerk decides once per record: a refusal of a record that already waits with one, or of a
// record it owns (a member's history), joins that refusal (SyncConflictRepository::joinRefusal), so
// the refusals of owned records are settled after the batch's others. A refused piece of history of
// a member that is deleted here is no conflict at all: the server keeps no history of a deleted
// member either, so it is dropped, and removed here if the server never had it.
class PushResultRecorder
{
    Q_DECLARE_TR_FUNCTIONS(ud::sync::PushResultRecorder)

public:
    struct Tally
    {
        qint64 answered = 0;
        qint64 conflicts = 0; // conflict rows written (fields and whole operations)
    };

    explicit PushResultRecorder(Database& store);

    bool record(const QList<OutboxOperation>& sent, const QList<PushResult>& results, Tally* tally,
                QString* error);

private:
    bool recordCreated(const OutboxOperation& op, const PushResult& result, QString* error);
    bool recordOne(const OutboxOperation& op, const PushResult& result, Tally* tally, QString* error);
    bool recordRefusal(const OutboxOperation& op, const PushResult& result, Tally* tally, QString* error);
    // Whether `op` is a refusal to settle after the others (its record has an owner).
    static bool isOwnedRefusal(const OutboxOperation& op, const PushResult& result);
    // Whether the record that owns `op`'s record is deleted here or gone.
    bool ownerIsGone(const OutboxOperation& op, bool* gone, QString* error);

    Database& m_store;
};

} // namespace ud::sync
