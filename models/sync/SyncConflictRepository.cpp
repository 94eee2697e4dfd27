#include "sync/SyncConflictRepository.h"

#include "audit/AuditLog.h"
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
    if (!(mine ? keepMine(*conflict, error) : takeTheirs(*conflict, error)))
        return false;
    const QString outcome =
        mine ? QStringLiteral("mine")
             : (conflict->isRejection() ? QStringLiteral("dismissed") : QStringLiteral("theirs"));
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
    entry.detail = (conflict->isOperation() ? QStringLiteral("operation") : conflict->field) +
                   QStringLiteral(": ") + outcome;
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
    // The operation again under a new id, and the record as it says (a pull may have changed it).
    const QJsonObject fields = conflict.op.value(QLatin1String("fields")).toObject();
    const bool isDelete = conflict.op.value(QLatin1String("delete")).toBool();
    std::optional<LocalRecordState> state;
    if (!records.find(spec, conflict.recordId, &state, error))
        return false;
    if (state && !records.update(spec, conflict.recordId, *state, isDelete ? QJsonObject() : fields, nullptr,
                                 isDelete, error))
        return false;
    const qint64 base = conflict.serverVersion > 0
                            ? conflict.serverVersion
                            : qint64(conflict.op.value(QLatin1String("baseVersion")).toDouble());
    return outbox.enqueue(conflict.entity, conflict.recordId, base, fields, isDelete, error);
}

bool SyncConflictRepository::takeTheirs(const SyncConflict& conflict, QString* error)
{
    // A refused operation has no server value to take: the local record stays as it is.
    if (conflict.isRejection())
        return true;
    const EntitySpec& spec = *entity(conflict.entity);
    LocalRecordStore records(m_store.connection());
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
