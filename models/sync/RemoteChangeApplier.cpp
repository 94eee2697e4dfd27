#include "sync/RemoteChangeApplier.h"

#include "store/Database.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "sync/SyncEntities.h"
#include "sync/SyncLog.h"
#include "sync/SyncMeta.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace ud::sync {

namespace {
// Foreign keys off for the page and on again however it ends. The pragma is a no-op inside a
// transaction, so this is opened before the page's transaction and closed after it.
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(const QSqlDatabase& db)
        : m_db(db)
    {
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    }
    ~ForeignKeysOff() { QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys = ON")); }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    QSqlDatabase m_db;
};
} // namespace

RemoteChangeApplier::RemoteChangeApplier(Database& store)
    : m_store(store)
    , m_records(store.connection())
    , m_conflicts(store)
{
}

bool RemoteChangeApplier::apply(const PullPage& page, qint64* applied, QString* error)
{
    m_root = m_store.meta(QString::fromLatin1(ud::meta::RootOrganisation));
    *applied = 0;
    ForeignKeysOff foreignKeys(m_store.connection());
    Transaction tx(m_store.connection());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    qint64 written = 0;
    if (!applyPage(page, &written, error) ||
        !m_store.setMeta(QString::fromLatin1(meta::Cursor), page.cursor, error) || !tx.commit(error))
        return false;
    *applied = written;
    return true;
}

bool RemoteChangeApplier::applyPage(const PullPage& page, qint64* applied, QString* error)
{
    // A first sync has no local work at all: skip the two look-ups per record then.
    bool localWork = false;
    if (!hasLocalWork(&localWork, error))
        return false;
    for (const RemoteChange& change : page.changes) {
        bool written = false;
        if (!applyChange(change, localWork, &written, error))
            return false;
        if (written)
            ++*applied;
    }
    return true;
}

bool RemoteChangeApplier::hasLocalWork(bool* any, QString* error)
{
    QSqlQuery q(m_store.connection());
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT EXISTS(SELECT 1 FROM outbox) OR EXISTS(SELECT 1 FROM sync_conflict "
                           "WHERE resolved_at = '')"),
            {}, error) ||
        !q.next())
        return false;
    *any = q.value(0).toBool();
    return true;
}

bool RemoteChangeApplier::applyChange(const RemoteChange& change, bool checkHeld, bool* written,
                                      QString* error)
{
    const EntitySpec* spec = entity(change.entity);
    if (!spec) {
        // An entity of a newer server (activities, transfers …): this version has nowhere to keep it.
        qCInfo(lcSync) << "skipping a change of unknown entity" << change.entity << change.id;
        return true;
    }
    std::optional<LocalRecordState> state;
    if (!m_records.find(*spec, change.id, &state, error))
        return false;
    if (change.gone) {
        *written = state.has_value();
        return !state || m_records.erase(*spec, change.id, error);
    }
    if (state && state->version > change.version) {
        qCDebug(lcSync) << "skipping a stale change" << change.entity << change.id << change.version;
        return true;
    }
    const SyncStamp stamp{change.version, change.updatedAt, change.updatedBy};
    if (change.deleted) {
        // A tombstone of a record this store never had leaves nothing to keep.
        *written = state.has_value();
        return !state || m_records.update(*spec, change.id, *state, {}, &stamp, true, error);
    }

    QJsonObject fields = change.fields;
    // The account's own organisation hangs under one this store does not have.
    if (spec->entity == entity::Organisation && change.id == m_root)
        fields.insert(QStringLiteral("parent"), QJsonValue());
    Held held;
    if (state && checkHeld && !heldFor(spec->entity, change.id, &held, error))
        return false;
    for (const QString& field : std::as_const(held.fields)) {
        if (!fields.contains(field))
            continue;
        if (held.conflictFields.contains(field) &&
            !m_conflicts.refreshTheirs(spec->entity, change.id, field, fields.value(field), change.version,
                                       error))
            return false;
        fields.remove(field);
    }
    const bool alive = !state || !held.deletion;
    if (spec->entity == entity::Member && alive && fields.contains(QLatin1String("idNumber")) &&
        !setAsideDuplicate(change.id, fields, error))
        return false;
    *written = true;
    if (!state)
        return m_records.insert(*spec, change.id, fields, stamp, false, error);
    return m_records.update(*spec, change.id, *state, fields, &stamp,
                            held.deletion ? std::nullopt : std::optional<bool>(false), error);
}

bool RemoteChangeApplier::heldFor(const QString& entityName, const QString& id, Held* held, QString* error)
{
    const QSqlDatabase db = m_store.connection();
    QSqlQuery* pending = sql::cached(
        db, QStringLiteral("SELECT fields, is_delete FROM outbox WHERE record_id = ? AND entity = ?"), error);
    if (!pending || !sql::execPrepared(*pending, {id, entityName}, error))
        return false;
    while (pending->next()) {
        const QJsonObject fields = QJsonDocument::fromJson(pending->value(0).toString().toUtf8()).object();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            held->fields.insert(it.key());
        held->deletion = held->deletion || pending->value(1).toBool();
    }
    pending->finish();
    QSqlQuery* open =
        sql::cached(db,
                    QStringLiteral("SELECT field, op, theirs FROM sync_conflict WHERE entity = ? AND "
                                   "record_id = ? AND resolved_at = ''"),
                    error);
    if (!open || !sql::execPrepared(*open, {entityName, id}, error))
        return false;
    while (open->next()) {
        const QString field = open->value(0).toString();
        if (!field.isEmpty()) {
            held->fields.insert(field);
            held->conflictFields.insert(field);
            continue;
        }
        // A deletion the server did not take because the record changed there stays deleted here
        // until the clerk decides; a refused operation holds nothing back.
        const QJsonObject op = QJsonDocument::fromJson(open->value(1).toString().toUtf8()).object();
        if (op.value(QLatin1String("delete")).toBool() && open->value(2).toString() != QLatin1String("null"))
            held->deletion = true;
    }
    open->finish();
    return true;
}

bool RemoteChangeApplier::setAsideDuplicate(const QString& memberId, const QJsonObject& fields,
                                            QString* error)
{
    // One person, one membership: the server's member takes the ID number. A live local member
    // with the same number (entered here and never accepted by the server) is set aside as a
    // deleted record with a conflict that keeps everything it held, for the clerk to look at.
    const QString idNumber = fields.value(QLatin1String("idNumber")).toString();
    QSqlQuery* q = sql::cached(
        m_store.connection(),
        QStringLiteral("SELECT id FROM member WHERE id_number = ? AND deleted = 0 AND id <> ?"), error);
    if (!q || !sql::execPrepared(*q, {idNumber, memberId}, error))
        return false;
    const QString other = q->next() ? q->value(0).toString() : QString();
    q->finish();
    if (other.isEmpty())
        return true;
    const EntitySpec& spec = *entity(entity::Member);
    std::optional<LocalRecordState> state;
    OutboxOperation op;
    bool found = false;
    if (!m_records.find(spec, other, &state, error) ||
        !m_records.readFields(spec, other, &op.fields, &found, error) || !state)
        return false;
    op.entity = entity::Member;
    op.recordId = other;
    op.baseVersion = state->version;
    qCInfo(lcSync) << "setting aside local member" << other << "for" << memberId;
    return m_conflicts.recordOperation(
               op,
               tr("The server has another member (%1) with the ID number %2; this record was set aside.")
                   .arg(memberId, idNumber),
               QJsonValue(), 0, error) &&
           m_records.update(spec, other, *state, {}, nullptr, true, error);
}

} // namespace ud::sync
