#include "sync/RemoteChangeApplier.h"

#include "members/MemberSearchIndex.h"
#include "members/NameGramWriter.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "sync/SyncEntities.h"
#include "sync/SyncLog.h"
#include "sync/SyncMeta.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

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

// Each page commits a few thousand B-tree pages scattered over the member indexes, and SQLite
// copies the write-ahead log back into the file (with an fsync) whenever it passes 1000 pages:
// after almost every page of a first sync. While pages are applied the log may grow to 64 MB, so
// an index page changed by several pages in a row is copied back once; the usual limit returns
// for everything else, and the next commit after the sync puts the log back into the file.
class LongerWriteAheadLog
{
public:
    static constexpr int Pages = 16384;
    explicit LongerWriteAheadLog(const QSqlDatabase& db)
        : m_db(db)
    {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA wal_autocheckpoint")) && q.next())
            m_usual = q.value(0).toInt();
        q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(Pages));
    }
    ~LongerWriteAheadLog()
    {
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(m_usual));
    }
    LongerWriteAheadLog(const LongerWriteAheadLog&) = delete;
    LongerWriteAheadLog& operator=(const LongerWriteAheadLog&) = delete;

private:
    QSqlDatabase m_db;
    int m_usual = 1000;
};

// store_meta: while a first sync runs, the CREATE INDEX statements it set aside (a JSON array).
constexpr auto DeferredIndexesKey = "sync_deferred_indexes";

// The name pieces of every live member, written in key order, at the end of a first sync (a store
// may by then hold pieces of members edited meanwhile: those are kept, INSERT OR IGNORE).
bool writeAllNameGrams(const QSqlDatabase& db, QString* error)
{
    NameGramWriter grams;
    QSqlQuery count(db);
    if (!sql::execBound(count, QStringLiteral("SELECT count(*) FROM member WHERE deleted = 0"), {}, error) ||
        !count.next())
        return false;
    grams.reserve(count.value(0).toLongLong());
    QSqlQuery read(db);
    read.setForwardOnly(true);
    if (!sql::execBound(read,
                        QStringLiteral("SELECT local_id, name, name_key, organisation_id FROM member WHERE "
                                       "deleted = 0 ORDER BY local_id"),
                        {}, error))
        return false;
    while (read.next())
        grams.add(read.value(0).toLongLong(), read.value(1).toString(), read.value(2).toByteArray(),
                  read.value(3).toString());
    read.finish();
    return grams.write(db, error);
}
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
    LongerWriteAheadLog log(m_store.connection());
    Transaction tx(m_store.connection());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    if (!deferIndexes(page, error))
        return false;
    // The name pieces of the page's new members go in together, in key order: written one member
    // at a time they land all over the piece table's B-tree. A first sync writes them all at its end.
    NameGramWriter grams;
    const bool deferred = !m_store.meta(QString::fromLatin1(DeferredIndexesKey)).isEmpty();
    m_records.setNameGramWriter(deferred ? nullptr : &grams);
    m_records.setDeferNameGrams(deferred);
    qint64 written = 0;
    const bool ok = applyPage(page, deferred, &written, error) && grams.write(m_store.connection(), error) &&
                    restoreIndexes(page, error) &&
                    m_store.setMeta(QString::fromLatin1(meta::Cursor), page.cursor, error) &&
                    tx.commit(error);
    m_records.setNameGramWriter(nullptr);
    m_records.setDeferNameGrams(false);
    if (!ok)
        return false;
    if (deferred && !page.more) {
        // The last page built the name pieces and indexes in one transaction, and the log holds all
        // of it (hundreds of MB for a large district): put it into the file and give the space back
        // now rather than when the program ends. A reader still busy with the log only makes this
        // wait or do less; nothing depends on it.
        QSqlQuery(m_store.connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    *applied = written;
    return true;
}

bool RemoteChangeApplier::applyPage(const PullPage& page, bool firstSync, qint64* applied, QString* error)
{
    // A first sync has no local work at all: skip the two look-ups per record then.
    bool localWork = false;
    if (!hasLocalWork(&localWork, error))
        return false;
    // Nearly every change of a first sync is a record the store does not have yet: try to insert
    // it before looking it up.
    const bool insertFirst = firstSync && !localWork;
    for (const RemoteChange& change : page.changes) {
        bool written = false;
        if (!applyChange(change, localWork, insertFirst, &written, error))
            return false;
        if (written)
            ++*applied;
    }
    return true;
}

bool RemoteChangeApplier::deferIndexes(const PullPage& page, QString* error)
{
    // Only the first page of a first sync that has more pages to come: a store without a member
    // yet is about to receive a whole district. Its indexes that only serve reading (the roster's
    // sorts and filters, a member's history) and the members' name pieces would each take random
    // B-tree writes per record, on every page, and every page commits each B-tree page it touched
    // (a 100,000-member district wrote 3.4 GB to its log for a 120 MB store). Built once at the end
    // from the finished table they cost a sort. The unique indexes stay: they keep the store
    // consistent and find a record by its id or ID number.
    if (!page.more || !m_store.meta(QString::fromLatin1(DeferredIndexesKey)).isEmpty())
        return true;
    const QSqlDatabase db = m_store.connection();
    QSqlQuery q(db);
    if (!sql::execBound(q, QStringLiteral("SELECT EXISTS(SELECT 1 FROM member)"), {}, error) || !q.next())
        return false;
    if (q.value(0).toBool())
        return true;
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN "
                           "('member', 'member_event') AND sql IS NOT NULL AND sql NOT LIKE "
                           "'CREATE UNIQUE %' ORDER BY name"),
            {}, error))
        return false;
    QStringList names;
    QJsonArray statements;
    while (q.next()) {
        names.append(q.value(0).toString());
        statements.append(q.value(1).toString());
    }
    q.finish();
    // Kept in the store in the page's transaction, so a sync stopped half-way (a killed process, a
    // network failure) still knows what to build when a later run gets to the last page.
    if (!m_store.setMeta(QString::fromLatin1(DeferredIndexesKey),
                         QString::fromUtf8(QJsonDocument(statements).toJson(QJsonDocument::Compact)), error))
        return false;
    for (const QString& name : std::as_const(names)) {
        if (!sql::run(db, QStringLiteral("DROP INDEX \"%1\"").arg(name), error))
            return false;
    }
    qCInfo(lcSync) << "first sync: building the name pieces and" << names.size() << "indexes at the end";
    return true;
}

bool RemoteChangeApplier::restoreIndexes(const PullPage& page, QString* error)
{
    if (page.more)
        return true;
    const QString saved = m_store.meta(QString::fromLatin1(DeferredIndexesKey));
    if (saved.isEmpty())
        return true;
    const QSqlDatabase db = m_store.connection();
    if (!writeAllNameGrams(db, error))
        return false;
    const QLatin1String create("CREATE INDEX ");
    for (const QJsonValue& value : QJsonDocument::fromJson(saved.toUtf8()).array()) {
        QString statement = value.toString();
        if (statement.startsWith(create, Qt::CaseInsensitive))
            statement = QStringLiteral("CREATE INDEX IF NOT EXISTS ") + statement.mid(create.size());
        if (!sql::run(db, statement, error))
            return false;
    }
    QSqlQuery q(db);
    return sql::execBound(q, QStringLiteral("DELETE FROM store_meta WHERE key = ?"),
                          {QString::fromLatin1(DeferredIndexesKey)}, error);
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

bool RemoteChangeApplier::applyChange(const RemoteChange& change, bool checkHeld, bool insertFirst,
                                      bool* written, QString* error)
{
    const EntitySpec* spec = entity(change.entity);
    if (!spec) {
        // An entity of a newer server (activities, transfers …): this version has nowhere to keep it.
        qCInfo(lcSync) << "skipping a change of unknown entity" << change.entity << change.id;
        return true;
    }
    const SyncStamp stamp{change.version, change.updatedAt, change.updatedBy};
    if (insertFirst && !change.gone && !change.deleted) {
        // Without local work nothing is held back, so a new record goes in exactly as below; one
        // the store has already (a record changed again while the sync ran) takes the usual way.
        QJsonObject fields = change.fields;
        if (spec->entity == entity::Organisation && change.id == m_root)
            fields.insert(QStringLiteral("parent"), QJsonValue());
        if (spec->entity == entity::Member && fields.contains(QLatin1String("idNumber")) &&
            !setAsideDuplicate(change.id, fields, error))
            return false;
        bool inserted = false;
        if (!m_records.insert(*spec, change.id, fields, stamp, false, error, &inserted))
            return false;
        if (inserted) {
            *written = true;
            return true;
        }
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
        const QString text = pending->value(0).toString();
        if (text.isEmpty()) {
            // A snapshot (Outbox) sends the whole record: every field is held.
            if (const EntitySpec* spec = entity(entityName)) {
                for (const FieldSpec& f : spec->fields)
                    held->fields.insert(f.field);
            }
        } else {
            const QJsonObject fields = QJsonDocument::fromJson(text.toUtf8()).object();
            for (auto it = fields.begin(); it != fields.end(); ++it)
                held->fields.insert(it.key());
        }
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
    // deleted record with a refusal that keeps everything it held, for the clerk to look at: the
    // refusal its push brought back, when there is one, or a new one. Taking the server's side
    // then removes it (SyncConflictRepository::takeTheirs).
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
    return m_conflicts.recordSetAside(
               op,
               tr("The server has another member (%1) with the ID number %2; this record was set aside.")
                   .arg(memberId, idNumber),
               error) &&
           m_records.update(spec, other, *state, {}, nullptr, true, error);
}

} // namespace ud::sync
