#include "sync/PushResultRecorder.h"

#include "store/Database.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "sync/LocalRecordStore.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncEntities.h"
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
    // Refusals of owned records last, so the refusal of their owner in the same batch (a member's
    // edit comes after the history entry written with it) is there for them to join.
    for (const bool owned : {false, true}) {
        for (const OutboxOperation& op : sent) {
            const auto it = byOpId.constFind(op.opId);
            if (it == byOpId.cend()) {
                if (!owned)
                    qCWarning(lcSync) << "no answer for operation" << op.opId << "- it stays queued";
                continue;
            }
            if (isOwnedRefusal(op, *it) == owned && !recordOne(op, *it, &counted, error))
                return false;
        }
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
        if (!recordRefusal(op, result, tally, error))
            return false;
    } else if (status != QLatin1String("applied") && status != QLatin1String("duplicate")) {
        if (error)
            *error =
                tr("The server answered operation %1 with the unknown status \"%2\".").arg(op.opId, status);
        return false;
    } else if (status == QLatin1String("applied") && !op.isDelete && op.baseVersion == 0 &&
               result.version > 0 && !recordCreated(op, result, error)) {
        return false;
    }
    QSqlQuery* remove =
        sql::cached(m_store.connection(), QStringLiteral("DELETE FROM outbox WHERE seq = ?"), error);
    if (!remove || !sql::execPrepared(*remove, {op.seq}, error))
        return false;
    ++tally->answered;
    return true;
}

bool PushResultRecorder::recordCreated(const OutboxOperation& op, const PushResult& result, QString* error)
{
    // The server has the record from now on, whether or not this sync gets as far as its pull: an
    // import undone after a sync cut short must delete it there too, not only here. Only a record
    // the server did not have before (version 0 here) takes the version: nobody else can have
    // changed it in between.
    const EntitySpec* spec = entity(op.entity);
    if (!spec)
        return true;
    QSqlQuery q(m_store.connection());
    return sql::execBound(
        q, QStringLiteral("UPDATE %1 SET version = ? WHERE id = ? AND version = 0").arg(spec->table),
        {result.version, op.recordId}, error);
}

bool PushResultRecorder::isOwnedRefusal(const OutboxOperation& op, const PushResult& result)
{
    const EntitySpec* spec = entity(op.entity);
    return result.status == QLatin1String("rejected") && spec && LocalRecordStore::ownerEntity(*spec);
}

bool PushResultRecorder::recordRefusal(const OutboxOperation& op, const PushResult& result, Tally* tally,
                                       QString* error)
{
    SyncConflictRepository conflicts(m_store);
    bool joined = false;
    if (!conflicts.joinRefusal(op, result.reason, &joined, error))
        return false;
    if (joined)
        return true;
    bool gone = false;
    if (!ownerIsGone(op, &gone, error))
        return false;
    if (!gone) {
        if (!conflicts.recordOperation(op, result.reason, QJsonValue(), result.version, error))
            return false;
        ++tally->conflicts;
        return true;
    }
    const EntitySpec& spec = *entity(op.entity);
    LocalRecordStore records(m_store.connection());
    std::optional<LocalRecordState> state;
    if (!records.find(spec, op.recordId, &state, error))
        return false;
    qCInfo(lcSync) << "dropping" << op.entity << op.recordId << "of a deleted record:" << result.reason;
    // What the server has of it stays as the server has it.
    if (!state || state->version != 0)
        return true;
    QStringList referring;
    if (!records.referrers(spec, op.recordId, &referring, error))
        return false;
    if (!referring.isEmpty()) {
        // Something else still names it: the clerk decides after all.
        if (!conflicts.recordOperation(op, result.reason, QJsonValue(), result.version, error))
            return false;
        ++tally->conflicts;
        return true;
    }
    return conflicts.withdraw(spec, op.recordId, QStringLiteral("dismissed"), QStringLiteral("sync"),
                              QString(), error);
}

bool PushResultRecorder::ownerIsGone(const OutboxOperation& op, bool* gone, QString* error)
{
    *gone = false;
    const EntitySpec* spec = entity(op.entity);
    QString ownerField;
    const EntitySpec* owner = spec ? LocalRecordStore::ownerEntity(*spec, &ownerField) : nullptr;
    if (!owner)
        return true;
    LocalRecordStore records(m_store.connection());
    QString ownerId = op.fields.value(ownerField).toString();
    if (ownerId.isEmpty() && !records.ownerOf(*spec, op.recordId, &ownerId, error))
        return false;
    if (ownerId.isEmpty())
        return true;
    std::optional<LocalRecordState> state;
    if (!records.find(*owner, ownerId, &state, error))
        return false;
    *gone = !state || state->deleted;
    return true;
}

} // namespace ud::sync
