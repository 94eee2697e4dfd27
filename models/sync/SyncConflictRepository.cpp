#include "sync/SyncConflictRepository.h"

#include "audit/AuditLog.h"
#include "domain/IdNumber.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "sync/LocalRecordStore.h"
#include "sync/SyncEntities.h"
#include "sync/SyncMessages.h"
#include "util/Clock.h"
#include "util/Ids.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>

namespace ud::sync {

namespace {
// A single JSON value as text: wrapped in an array, because QJsonDocument holds only containers.
QString valueText(const QJsonValue& value)
{
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

QJsonValue valueOf(const QString& text)
{
    const QJsonArray wrapped =
        QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]")).array();
    return wrapped.isEmpty() ? QJsonValue() : wrapped.first();
}

SyncConflict fromRecord(const QSqlRecord& r)
{
    SyncConflict c;
    c.id = r.value(QStringLiteral("id")).toString();
    c.entity = r.value(QStringLiteral("entity")).toString();
    c.recordId = r.value(QStringLiteral("record_id")).toString();
    c.field = r.value(QStringLiteral("field")).toString();
    c.mine = valueOf(r.value(QStringLiteral("mine")).toString());
    c.theirs = valueOf(r.value(QStringLiteral("theirs")).toString());
    c.serverVersion = r.value(QStringLiteral("server_version")).toLongLong();
    c.reason = r.value(QStringLiteral("reason")).toString();
    c.op = QJsonDocument::fromJson(r.value(QStringLiteral("op")).toString().toUtf8()).object();
    c.createdAt = r.value(QStringLiteral("created_at")).toString();
    c.resolvedAt = r.value(QStringLiteral("resolved_at")).toString();
    c.resolvedBy = r.value(QStringLiteral("resolved_by")).toString();
    c.resolution = r.value(QStringLiteral("resolution")).toString();
    return c;
}

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

const QString FollowersKey = QStringLiteral("followers");

OutboxOperation operationFrom(const QJsonObject& o)
{
    OutboxOperation op;
    op.opId = o.value(QLatin1String("opId")).toString();
    op.entity = o.value(QLatin1String("entity")).toString();
    op.recordId = o.value(QLatin1String("id")).toString();
    op.baseVersion = qint64(o.value(QLatin1String("baseVersion")).toDouble());
    op.fields = o.value(QLatin1String("fields")).toObject();
    op.isDelete = o.value(QLatin1String("delete")).toBool();
    return op;
}

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

SyncConflictRepository::SyncConflictRepository(Database& store)
    : m_store(store)
{
}

bool SyncConflictRepository::recordField(const QString& entity, const QString& recordId, const QString& field,
                                         const QJsonValue& mine, const QJsonValue& theirs,
                                         qint64 serverVersion, QString* error)
{
    QSqlQuery* q = sql::cached(
        m_store.connection(),
        QStringLiteral(
            "INSERT INTO sync_conflict(id, entity, record_id, field, mine, theirs, server_version, "
            "created_at) VALUES(?,?,?,?,?,?,?,?) "
            "ON CONFLICT(entity, record_id, field) WHERE resolved_at = '' AND field <> '' "
            "DO UPDATE SET mine = excluded.mine, theirs = excluded.theirs, "
            "server_version = excluded.server_version"),
        error);
    return q && sql::execPrepared(*q,
                                  {newRecordId(), entity, recordId, field, valueText(mine), valueText(theirs),
                                   serverVersion, Clock::nowIso()},
                                  error);
}

bool SyncConflictRepository::recordOperation(const OutboxOperation& op, const QString& reason,
                                             const QJsonValue& theirs, qint64 serverVersion, QString* error)
{
    const QJsonObject operation = operationToJson(op);
    QSqlQuery* q = sql::cached(
        m_store.connection(),
        QStringLiteral(
            "INSERT INTO sync_conflict(id, entity, record_id, field, mine, theirs, server_version, "
            "reason, op, created_at) VALUES(?,?,?,'',?,?,?,?,?,?)"),
        error);
    return q &&
           sql::execPrepared(
               *q,
               {newRecordId(), op.entity, op.recordId,
                valueText(op.isDelete ? QJsonValue(QJsonObject{{QStringLiteral("delete"), true}})
                                      : QJsonValue(op.fields)),
                valueText(theirs), serverVersion, reason,
                QString::fromUtf8(QJsonDocument(operation).toJson(QJsonDocument::Compact)), Clock::nowIso()},
               error);
}

bool SyncConflictRepository::openRefusal(const QString& entity, const QString& recordId, QString* id,
                                         QJsonObject* op, QString* reason, QString* error) const
{
    id->clear();
    // A refusal is an operation row without a server value (SyncConflict::isRejection).
    QSqlQuery* q =
        sql::cached(m_store.connection(),
                    QStringLiteral("SELECT id, op, reason FROM sync_conflict WHERE entity = ? AND "
                                   "record_id = ? AND resolved_at = '' AND field = '' AND theirs = "
                                   "'null' ORDER BY created_at, id LIMIT 1"),
                    error);
    if (!q || !sql::execPrepared(*q, {entity, recordId}, error))
        return false;
    if (q->next()) {
        *id = q->value(0).toString();
        *op = QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object();
        *reason = q->value(2).toString();
    }
    q->finish();
    return true;
}

bool SyncConflictRepository::joinRefusal(const OutboxOperation& op, const QString& reason, bool* joined,
                                         QString* error)
{
    *joined = false;
    QString rowId;
    QJsonObject rowOp;
    QString rowReason;
    if (!openRefusal(op.entity, op.recordId, &rowId, &rowOp, &rowReason, error))
        return false;
    const EntitySpec* spec = entity(op.entity);
    QString ownerField;
    const EntitySpec* owner = spec ? LocalRecordStore::ownerEntity(*spec, &ownerField) : nullptr;
    if (rowId.isEmpty() && owner) {
        QString ownerId = op.fields.value(ownerField).toString();
        if (ownerId.isEmpty() &&
            !LocalRecordStore(m_store.connection()).ownerOf(*spec, op.recordId, &ownerId, error))
            return false;
        if (!ownerId.isEmpty() && !openRefusal(owner->entity, ownerId, &rowId, &rowOp, &rowReason, error))
            return false;
    }
    if (rowId.isEmpty())
        return true;
    *joined = true;
    QJsonArray followers = rowOp.value(FollowersKey).toArray();
    for (const QJsonValue& follower : std::as_const(followers)) {
        // The same answer recorded again (a push repeated after a crash): it is there already.
        if (!op.opId.isEmpty() && follower.toObject().value(QLatin1String("opId")).toString() == op.opId)
            return true;
    }
    QJsonObject follower = operationToJson(op);
    follower.insert(QStringLiteral("reason"), reason);
    followers.append(follower);
    rowOp.insert(FollowersKey, followers);
    QSqlQuery q(m_store.connection());
    return sql::execBound(q, QStringLiteral("UPDATE sync_conflict SET op = ? WHERE id = ?"),
                          {compact(rowOp), rowId}, error);
}

bool SyncConflictRepository::recordSetAside(const OutboxOperation& wholeRecord, const QString& reason,
                                            QString* error)
{
    QString rowId;
    QJsonObject rowOp;
    QString rowReason;
    if (!openRefusal(wholeRecord.entity, wholeRecord.recordId, &rowId, &rowOp, &rowReason, error))
        return false;
    if (rowId.isEmpty())
        return recordOperation(wholeRecord, reason, QJsonValue(), 0, error);
    // The server refused the record already (most often for this very reason): one row says both.
    if (rowReason.contains(reason))
        return true;
    QSqlQuery q(m_store.connection());
    return sql::execBound(q, QStringLiteral("UPDATE sync_conflict SET reason = ? WHERE id = ?"),
                          {rowReason.isEmpty() ? reason : rowReason + QLatin1Char(' ') + reason, rowId},
                          error);
}

bool SyncConflictRepository::withdraw(const EntitySpec& spec, const QString& id, const QString& resolution,
                                      const QString& actor, const QString& keepOpen, QString* error)
{
    const QSqlDatabase db = m_store.connection();
    LocalRecordStore records(db);
    QStringList referring;
    if (!records.referrers(spec, id, &referring, error))
        return false;
    if (!referring.isEmpty()) {
        QJsonValue name;
        bool named = false;
        if (!records.readField(spec, id, QStringLiteral("name"), &name, &named, error))
            return false;
        return fail(error, tr("%1 %2 cannot be removed from this computer while other records refer to it "
                              "(%3). Change or remove those first, or keep yours.")
                               .arg(entityLabel(spec.entity), named ? name.toString() : id,
                                    referring.join(tr("; ", "between the records that refer to one"))));
    }
    QList<RecordRef> owned;
    if (!records.dependants(spec, id, &owned, error))
        return false;
    for (const RecordRef& r : std::as_const(owned)) {
        if (!withdraw(*r.spec, r.id, resolution, actor, keepOpen, error))
            return false;
    }
    QSqlQuery q(db);
    return Outbox(db).discardRecord(spec.entity, id, error) &&
           sql::execBound(q,
                          QStringLiteral("UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, "
                                         "resolution = ? WHERE entity = ? AND record_id = ? AND "
                                         "resolved_at = '' AND id <> ?"),
                          {Clock::nowIso(), actor, resolution, spec.entity, id, keepOpen}, error) &&
           records.erase(spec, id, error);
}

QList<OutboxOperation> SyncConflictRepository::operationsOf(const SyncConflict& conflict)
{
    if (!conflict.isOperation())
        return {};
    QList<OutboxOperation> ops{operationFrom(conflict.op)};
    for (const QJsonValue& follower : conflict.op.value(FollowersKey).toArray())
        ops.append(operationFrom(follower.toObject()));
    return ops;
}

bool SyncConflictRepository::refreshTheirs(const QString& entity, const QString& recordId,
                                           const QString& field, const QJsonValue& theirs,
                                           qint64 serverVersion, QString* error)
{
    QSqlQuery* q =
        sql::cached(m_store.connection(),
                    QStringLiteral("UPDATE sync_conflict SET theirs = ?, server_version = ? WHERE entity = ? "
                                   "AND record_id = ? AND field = ? AND resolved_at = ''"),
                    error);
    return q && sql::execPrepared(*q, {valueText(theirs), serverVersion, entity, recordId, field}, error);
}

QList<SyncConflict> SyncConflictRepository::open() const
{
    QList<SyncConflict> out;
    QSqlQuery q(m_store.connection());
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT * FROM sync_conflict WHERE resolved_at = '' ORDER BY created_at, "
                           "entity, record_id, field"),
            {}, nullptr))
        return out;
    while (q.next())
        out.append(fromRecord(q.record()));
    return out;
}

qint64 SyncConflictRepository::openCount() const
{
    QSqlQuery q(m_store.connection());
    if (sql::execBound(q, QStringLiteral("SELECT count(*) FROM sync_conflict WHERE resolved_at = ''"), {},
                       nullptr) &&
        q.next())
        return q.value(0).toLongLong();
    return 0;
}

std::optional<SyncConflict> SyncConflictRepository::find(const QString& id) const
{
    QSqlQuery q(m_store.connection());
    if (sql::execBound(q, QStringLiteral("SELECT * FROM sync_conflict WHERE id = ?"), {id}, nullptr) &&
        q.next())
        return fromRecord(q.record());
    return std::nullopt;
}

bool SyncConflictRepository::resolve(const QString& id, Resolution resolution, const QString& actor,
                                     QString* error)
{
    const std::optional<SyncConflict> conflict = find(id);
    if (!conflict)
        return fail(error, tr("There is no sync conflict %1.").arg(id));
    if (!conflict->isOpen())
        return fail(error,
                    tr("The sync conflict %1 was already settled on %2.").arg(id, conflict->resolvedAt));
    if (!entity(conflict->entity))
        return fail(error, tr("The sync conflict %1 is about \"%2\", which this version does not know.")
                               .arg(id, conflict->entity));

    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return fail(error, tx.error());
    const bool mine = resolution == Resolution::KeepMine;
    const QString outcome =
        mine ? QStringLiteral("mine")
             : (conflict->isRejection() ? QStringLiteral("dismissed") : QStringLiteral("theirs"));
    bool removed = false;
    if (!(mine ? keepMine(*conflict, error) : takeTheirs(*conflict, outcome, actor, &removed, error)))
        return false;
    QSqlQuery q(db);
    if (!sql::execBound(
            q,
            QStringLiteral("UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? "
                           "WHERE id = ?"),
            {Clock::nowIso(), actor, outcome, id}, error))
        return false;
    AuditEntry entry;
    entry.actor = actor;
    entry.action = QStringLiteral("resolve-conflict");
    entry.entity = conflict->entity;
    entry.recordId = conflict->recordId;
    entry.detail =
        (conflict->isOperation() ? QStringLiteral("operation") : conflict->field) + QStringLiteral(": ") +
        outcome +
        (removed ? QStringLiteral("; removed from this computer, the server never had it") : QString());
    return AuditLog(db).append(entry, error, true) && tx.commit(error);
}

bool SyncConflictRepository::keepMine(const SyncConflict& conflict, QString* error)
{
    const EntitySpec& spec = *entity(conflict.entity);
    LocalRecordStore records(m_store.connection());
    Outbox outbox(m_store.connection());
    if (!conflict.isOperation()) {
        // The local value is the clerk's: pulls never overwrote it while the conflict was open.
        QJsonValue value = conflict.mine;
        bool found = false;
        if (!records.readField(spec, conflict.recordId, conflict.field, &value, &found, error))
            return false;
        return outbox.enqueue(conflict.entity, conflict.recordId, conflict.serverVersion,
                              QJsonObject{{conflict.field, found ? value : conflict.mine}}, false, error);
    }
    // The operations again under new ids, in their order, and the records as they say (a pull may
    // have changed them).
    const QList<OutboxOperation> ops = operationsOf(conflict);
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const OutboxOperation& op = ops.at(i);
        const EntitySpec* opSpec = entity(op.entity);
        if (!opSpec)
            return fail(error,
                        tr("The sync conflict %1 holds a change of \"%2\", which this version does not "
                           "know.")
                            .arg(conflict.id, op.entity));
        std::optional<LocalRecordState> state;
        if (!records.find(*opSpec, op.recordId, &state, error))
            return false;
        if (state && state->deleted && !op.isDelete && !checkRestorable(*opSpec, op.recordId, error))
            return false;
        if (state && !records.update(*opSpec, op.recordId, *state, op.isDelete ? QJsonObject() : op.fields,
                                     nullptr, op.isDelete, error))
            return false;
        const qint64 base = i == 0 && conflict.serverVersion > 0 ? conflict.serverVersion : op.baseVersion;
        if (!outbox.enqueue(op.entity, op.recordId, base, op.fields, op.isDelete, error))
            return false;
    }
    return true;
}

bool SyncConflictRepository::checkRestorable(const EntitySpec& spec, const QString& recordId,
                                             QString* error) const
{
    if (spec.entity != entity::Member)
        return true;
    QSqlQuery q(m_store.connection());
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT mine.name, mine.id_number, other.name FROM member mine JOIN "
                           "member other ON other.id_number = mine.id_number AND other.deleted = 0 "
                           "AND other.id <> mine.id WHERE mine.id = ?"),
            {recordId}, error))
        return false;
    if (!q.next())
        return true;
    return fail(error, tr("Member %1 cannot be sent again: the ID number %2 belongs to the member %3 here, "
                          "and one person holds one membership. Take the server's member, or ask for a "
                          "transfer.")
                           .arg(q.value(0).toString(), IdNumber::masked(q.value(1).toString()),
                                q.value(2).toString()));
}

bool SyncConflictRepository::takeTheirs(const SyncConflict& conflict, const QString& outcome,
                                        const QString& actor, bool* removed, QString* error)
{
    const EntitySpec& spec = *entity(conflict.entity);
    LocalRecordStore records(m_store.connection());
    if (conflict.isRejection()) {
        // A refused operation has no server value to take. A record the server has stays as it is;
        // one it never had (version 0) goes, with what it owns, so this store ends as the server is.
        for (const OutboxOperation& op : operationsOf(conflict)) {
            // An entity this version does not know has nothing stored here.
            const EntitySpec* opSpec = entity(op.entity);
            if (!opSpec)
                continue;
            std::optional<LocalRecordState> state;
            if (!records.find(*opSpec, op.recordId, &state, error))
                return false;
            if (!state || state->version != 0)
                continue;
            if (!withdraw(*opSpec, op.recordId, outcome, actor, conflict.id, error))
                return false;
            *removed = true;
        }
        return true;
    }
    std::optional<LocalRecordState> state;
    if (!records.find(spec, conflict.recordId, &state, error))
        return false;
    if (!state)
        return true;
    if (conflict.isOperation()) {
        // A deletion the server did not take because the record changed there: it stays, with the
        // server's values of what changed.
        return records.update(spec, conflict.recordId, *state, conflict.theirs.toObject(), nullptr, false,
                              error);
    }
    return records.update(spec, conflict.recordId, *state, QJsonObject{{conflict.field, conflict.theirs}},
                          nullptr, std::nullopt, error);
}

} // namespace ud::sync
