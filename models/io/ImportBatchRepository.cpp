#include "io/ImportBatchRepository.h"

#include "members/MemberRepository.h"
#include "members/MemberSearchIndex.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/SqliteStatement.h"
#include "store/Transaction.h"
#include "transfers/TransferCodes.h"
#include "util/Clock.h"
#include "util/Ids.h"
#include "util/Sentences.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace ud {

namespace {
bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}
} // namespace

ImportBatchRepository::ImportBatchRepository(Database& store, Scope scope)
    : m_store(store)
    , m_scope(std::move(scope))
{
}

bool ImportBatchRepository::begin(ImportBatch& batch, QString* error)
{
    batch.id = newRecordId();
    batch.importedAt = Clock::nowIso();
    QSqlQuery q(m_store.connection());
    return sql::execBound(
        q,
        QStringLiteral("INSERT INTO import_batch(id, organisation_id, file_name, sheet_name, "
                       "imported_at, imported_by, updated_at, updated_by) "
                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
        {batch.id, batch.organisationId, sql::bindable(batch.fileName), sql::bindable(batch.sheetName),
         batch.importedAt, sql::bindable(batch.importedBy), batch.importedAt,
         sql::bindable(batch.importedBy)},
        error);
}

bool ImportBatchRepository::addMembers(const QString& batchId, const QStringList& memberIds, QString* error)
{
    SqliteStatement insert(m_store.connection(),
                           "INSERT INTO import_batch_member(batch_id, member_id) VALUES(?, ?)");
    if (!insert.isValid()) {
        if (error)
            *error = insert.error();
        return false;
    }
    insert.bind(1, batchId);
    for (const QString& memberId : memberIds) {
        insert.bind(2, memberId);
        if (!insert.run(error))
            return false;
    }
    return true;
}

bool ImportBatchRepository::finish(const QString& batchId, int members, int rejected, QString* error)
{
    // updated_at marks the end of the import: a member changed after it was changed by someone.
    QSqlQuery q(m_store.connection());
    return sql::execBound(
        q,
        QStringLiteral(
            "UPDATE import_batch SET member_count = ?, rejected_count = ?, updated_at = ? WHERE id = ?"),
        {members, rejected, Clock::nowIso(), batchId}, error);
}

QList<ImportBatch> ImportBatchRepository::list() const
{
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    QSqlQuery q(m_store.connection());
    q.setForwardOnly(true);
    QList<ImportBatch> out;
    if (!sql::execBound(q,
                        QStringLiteral("SELECT b.*, o.name AS organisation_name FROM import_batch b JOIN "
                                       "organisation o ON o.id = b.organisation_id") +
                            where.sql() + QStringLiteral(" AND b.deleted = 0 ORDER BY b.imported_at DESC"),
                        where.values(), nullptr))
        return out;
    while (q.next())
        out.append(ImportBatch::fromRecord(q.record()));
    return out;
}

std::optional<ImportBatch> ImportBatchRepository::find(const QString& batchId) const
{
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("b.id = ?"), {batchId});
    QSqlQuery q(m_store.connection());
    if (!sql::execBound(q,
                        QStringLiteral("SELECT b.*, o.name AS organisation_name FROM import_batch b JOIN "
                                       "organisation o ON o.id = b.organisation_id") +
                            where.sql() + QStringLiteral(" AND b.deleted = 0"),
                        where.values(), nullptr) ||
        !q.next())
        return std::nullopt;
    return ImportBatch::fromRecord(q.record());
}

ImportUndoCheck ImportBatchRepository::checkUndo(const QString& batchId) const
{
    ImportUndoCheck check;
    const std::optional<ImportBatch> batch = find(batchId);
    if (!batch || batch->isUndone())
        return check;
    WhereClause inScope;
    m_scope.restrictByOrganisationColumn(inScope, QStringLiteral("m.organisation_id"));
    QSqlQuery q(m_store.connection());
    q.setForwardOnly(true);
    // A member is "changed since" the import when anything happened to her after it: a line in her
    // history other than joining (every edit, status change and transfer writes one), a cadre term,
    // a transfer, or, before her first sync, a change of her row. Not the time of her row or of her
    // history alone: a sync writes the server's time into them.
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT m.deleted, %1, m.version, "
                           "EXISTS (SELECT 1 FROM member_event e WHERE e.member_id = m.id AND e.kind <> "
                           "'joined') OR EXISTS (SELECT 1 FROM cadre c WHERE c.member_id = m.id AND "
                           "c.deleted = 0) OR EXISTS (SELECT 1 FROM transfer t WHERE t.member_id = m.id AND "
                           "t.deleted = 0) OR (m.version = 0 AND m.updated_at > b.updated_at), "
                           "(SELECT group_concat(c.position, ',') FROM cadre c WHERE c.member_id = m.id AND "
                           "c.deleted = 0 "
                           "AND c.ended_on = ''), m.name, "
                           "(SELECT t.state FROM transfer t WHERE t.member_id = m.id AND t.deleted = 0 AND "
                           "t.state IN ('hung', 'requested') LIMIT 1) "
                           "FROM import_batch b JOIN import_batch_member bm ON bm.batch_id = b.id "
                           "JOIN member m ON m.id = bm.member_id WHERE b.id = ?")
                .arg(inScope.isEmpty() ? QStringLiteral("1") : inScope.conditions()),
            inScope.values() + QVariantList{batchId}, nullptr))
        return check;
    while (q.next()) {
        if (q.value(0).toBool()) {
            ++check.alreadyGone;
            continue;
        }
        if (!q.value(1).toBool()) {
            ++check.outsideScope;
            continue;
        }
        ++check.present;
        if (q.value(2).toLongLong() > 0)
            ++check.synced;
        if (q.value(3).toBool()) {
            ++check.changedSince;
            if (check.changedNames.size() < 5)
                check.changedNames.append(q.value(5).toString());
        }
        if (!q.value(4).toString().isEmpty())
            check.blockers.append(tr("%1 holds a union post; end the term before undoing the import.")
                                      .arg(q.value(5).toString()));
        // Her transfer letter is out (or awaits approval): deleting her would leave it pointing at
        // nobody, and the union she goes to waiting for a member who is not there.
        if (!q.value(6).toString().isEmpty())
            check.blockers.append(
                tr("%1 has a membership transfer under way (%2); complete or cancel it "
                   "before undoing the import.")
                    .arg(q.value(5).toString(), codes::transferState().label(q.value(6).toString())));
    }
    return check;
}

QList<ImportBatchRepository::PresentMember>
ImportBatchRepository::presentMembers(const QString& batchId) const
{
    WhereClause where;
    where.add(QStringLiteral("bm.batch_id = ?"), {batchId});
    where.add(QStringLiteral("m.deleted = 0"));
    m_scope.restrictByOrganisationColumn(where, QStringLiteral("m.organisation_id"));
    QSqlQuery q(m_store.connection());
    q.setForwardOnly(true);
    QList<PresentMember> out;
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT m.id, m.local_id, m.version, EXISTS (SELECT 1 FROM cadre c WHERE "
                           "c.member_id = m.id AND c.version > 0) OR EXISTS (SELECT 1 FROM transfer t WHERE "
                           "t.member_id = m.id AND t.version > 0) FROM import_batch_member bm JOIN member m "
                           "ON m.id = bm.member_id") +
                where.sql() + QStringLiteral(" ORDER BY m.local_id"),
            where.values(), nullptr))
        return out;
    while (q.next())
        out.append(
            {q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toBool()});
    return out;
}

bool ImportBatchRepository::erase(const QString& batchId, const PresentMember& member, QString* error)
{
    // Everything this desk ever wrote about a member the server never saw: its pieces in the search
    // index, its pending operations and those of its history, cadre terms and transfers, those
    // records themselves, its history, its place in the batch.
    const QSqlDatabase db = m_store.connection();
    if (!MemberSearchIndex::unindex(db, member.localId, error))
        return false;
    const QList<std::pair<QString, QVariantList>> statements = {
        // What the server refused of them (another union holds the ID number …) goes with them.
        {QStringLiteral("DELETE FROM sync_conflict WHERE record_id = ? OR record_id IN (SELECT id FROM "
                        "member_event WHERE member_id = ?) OR record_id IN (SELECT id FROM cadre WHERE "
                        "member_id = ?) OR record_id IN (SELECT id FROM transfer WHERE member_id = ?)"),
         {member.id, member.id, member.id, member.id}},
        {QStringLiteral("DELETE FROM outbox WHERE record_id IN (SELECT id FROM cadre WHERE member_id = ?) "
                        "AND entity = 'cadre'"),
         {member.id}},
        {QStringLiteral("DELETE FROM cadre WHERE member_id = ?"), {member.id}},
        {QStringLiteral("DELETE FROM outbox WHERE record_id IN (SELECT id FROM transfer WHERE member_id = ?) "
                        "AND entity = 'transfer'"),
         {member.id}},
        {QStringLiteral("DELETE FROM transfer WHERE member_id = ?"), {member.id}},
        {QStringLiteral(
             "DELETE FROM outbox WHERE record_id IN (SELECT id FROM member_event WHERE member_id = ?) "
             "AND entity = 'member_event'"),
         {member.id}},
        {QStringLiteral("DELETE FROM outbox WHERE record_id = ? AND entity = 'member'"), {member.id}},
        {QStringLiteral("DELETE FROM member_event WHERE member_id = ?"), {member.id}},
        {QStringLiteral("DELETE FROM import_batch_member WHERE batch_id = ? AND member_id = ?"),
         {batchId, member.id}},
        {QStringLiteral("DELETE FROM member WHERE id = ?"), {member.id}},
    };
    for (const auto& [statement, values] : statements) {
        QSqlQuery* q = sql::cached(db, statement, error);
        if (!q || !sql::execPrepared(*q, values, error))
            return false;
    }
    return true;
}

bool ImportBatchRepository::undo(const QString& batchId, const QString& actor, int* removed, QString* error,
                                 const std::function<bool(int, int)>& progress)
{
    if (removed)
        *removed = 0;
    const std::optional<ImportBatch> batch = find(batchId);
    if (!batch)
        return fail(error, tr("This import no longer exists or is outside your organisation."));
    if (batch->isUndone())
        return fail(error, tr("Import: this import was already undone on %1.").arg(batch->undoneAt.left(10)));
    const ImportUndoCheck check = checkUndo(batchId);
    if (!check.blockers.isEmpty())
        return fail(error, joinSentences(check.blockers));

    // Removing a synced member goes through the repository (tombstone, event, outbox), whose own
    // transactions become savepoints of this one.
    Transaction tx(m_store.connection(), Transaction::Nesting::AllowSavepoints);
    if (!tx.isActive())
        return fail(error, tx.error());
    MemberRepository members(m_store, m_scope);
    const QList<PresentMember> present = presentMembers(batchId);
    int done = 0;
    for (const PresentMember& member : present) {
        // A record the server has, or one a cadre term or transfer the server has points at, must stay
        // as a tombstone.
        const bool ok = member.version == 0 && !member.referencedOnServer
                            ? erase(batchId, member, error)
                            : members.remove(member.id, actor, error);
        if (!ok)
            return false;
        ++done;
        if (progress && done % 256 == 0 && !progress(done, static_cast<int>(present.size())))
            return fail(error, tr("The undo was cancelled; nothing was changed."));
    }
    const QString now = Clock::nowIso();
    QSqlQuery mark(m_store.connection());
    if (!sql::execBound(
            mark,
            QStringLiteral("UPDATE import_batch SET undone_at = ?, undone_by = ?, updated_at = ?, "
                           "updated_by = ? WHERE id = ?"),
            {now, sql::bindable(actor), now, sql::bindable(actor), batchId}, error))
        return false;
    if (!tx.commit(error))
        return false;
    if (removed)
        *removed = done;
    return true;
}

} // namespace ud
