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
    bool recordOne(const OutboxOperation& op, const PushResult& result, Tally* tally, QString* error);

    Database& m_store;
};

} // namespace ud::sync
