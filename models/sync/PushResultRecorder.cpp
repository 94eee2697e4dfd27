#include "sync/PushResultRecorder.h"

#include "store/Database.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncLog.h"

#include <QHash>
#include <QSqlQuery>

namespace ud::sync {

PushResultRecorder::PushResultRecorder(Database& store)
    : m_store(store)
{
}

bool PushResultRecorder::record(const QList<OutboxOperation>& sent, const QList<PushResult>& results,
                                Tally* tally, QString* error)
{
    QHash<QString, PushResult> byOpId;
    for (const PushResult& r : results)
        byOpId.insert(r.opId, r);
    Transaction tx(m_store.connection());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    Tally counted;
    for (const OutboxOperation& op : sent) {
        const auto it = byOpId.constFind(op.opId);
        if (it == byOpId.cend()) {
            qCWarning(lcSync) << "no answer for operation" << op.opId << "- it stays queued";
            continue;
        }
        if (!recordOne(op, *it, &counted, error))
            return false;
    }
    if (!tx.commit(error))
        return false;
    tally->answered += counted.answered;
    tally->conflicts += counted.conflicts;
    return true;
}

bool PushResultRecorder::recordOne(const OutboxOperation& op, const PushResult& result, Tally* tally,
                                   QString* error)
{
    SyncConflictRepository conflicts(m_store);
    const QString& status = result.status;
    if (status == QLatin1String("conflict")) {
        if (op.isDelete || result.conflicts.isEmpty()) {
            if (!conflicts.recordOperation(
                    op,
                    result.reason.isEmpty()
                        ? tr("The record was changed on the server since it was read here.")
                        : result.reason,
                    result.conflicts, result.version, error))
                return false;
            ++tally->conflicts;
        } else {
            for (auto it = result.conflicts.begin(); it != result.conflicts.end(); ++it) {
                if (!conflicts.recordField(op.entity, op.recordId, it.key(), op.fields.value(it.key()),
                                           it.value(), result.version, error))
                    return false;
                ++tally->conflicts;
            }
        }
    } else if (status == QLatin1String("rejected")) {
        if (!conflicts.recordOperation(op, result.reason, QJsonValue(), result.version, error))
            return false;
        ++tally->conflicts;
    } else if (status != QLatin1String("applied") && status != QLatin1String("duplicate")) {
        if (error)
            *error =
                tr("The server answered operation %1 with the unknown status \"%2\".").arg(op.opId, status);
        return false;
    }
    QSqlQuery* remove =
        sql::cached(m_store.connection(), QStringLiteral("DELETE FROM outbox WHERE seq = ?"), error);
    if (!remove || !sql::execPrepared(*remove, {op.seq}, error))
        return false;
    ++tally->answered;
    return true;
}

} // namespace ud::sync
