#pragma once

#include "store/Outbox.h"

#include <QList>
#include <QSqlDatabase>

namespace ud::sync {

// Gives the snapshot operations of a batch about to be pushed their fields: the record's wire
// fields as the store holds them now (Outbox: a creation written in bulk carries none). A snapshot
// of a record no longer in the store has nothing to carry: it leaves the batch and the outbox.
class OutboxSnapshots
{
public:
    explicit OutboxSnapshots(const QSqlDatabase& db);

    // False only on an SQL error or an entity the sync does not know; the batch is then unchanged
    // in the outbox, and `ops` must not be sent.
    bool fill(QList<OutboxOperation>* ops, QString* error);

private:
    QSqlDatabase m_db;
};

} // namespace ud::sync
