#include "sync/OutboxSnapshots.h"

#include "store/Sql.h"
#include "sync/LocalRecordStore.h"
#include "sync/SyncLog.h"

namespace ud::sync {

OutboxSnapshots::OutboxSnapshots(const QSqlDatabase& db)
    : m_db(db)
{
}

bool OutboxSnapshots::fill(QList<OutboxOperation>* ops, QString* error)
{
    LocalRecordStore records(m_db);
    QList<qint64> gone;
    for (OutboxOperation& op : *ops) {
        if (!op.snapshot || op.isDelete)
            continue;
        const EntitySpec* spec = entity(op.entity);
        if (!spec) {
            if (error)
                *error =
                    QStringLiteral("outbox operation %1 names an unknown entity %2").arg(op.opId, op.entity);
            return false;
        }
        bool found = false;
        if (!records.readFields(*spec, op.recordId, &op.fields, &found, error))
            return false;
        if (!found)
            gone.append(op.seq);
    }
    if (gone.isEmpty())
        return true;
    QSqlQuery* drop = sql::cached(m_db, QStringLiteral("DELETE FROM outbox WHERE seq = ?"), error);
    if (!drop)
        return false;
    for (const qint64 seq : std::as_const(gone)) {
        if (!sql::execPrepared(*drop, {seq}, error))
            return false;
    }
    qCInfo(lcSync) << "dropped" << gone.size() << "queued creations of records no longer in the store";
    ops->removeIf([&gone](const OutboxOperation& op) { return gone.contains(op.seq); });
    return true;
}

} // namespace ud::sync
