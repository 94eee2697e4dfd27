#include "sync/StoreJoin.h"

#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "sync/SyncLog.h"
#include "sync/SyncMeta.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

namespace ud::sync {

namespace {

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

// Where the store came from, for whoever looks into a joined file later.
constexpr auto JoinedFrom = "joined_from_organisation";

bool isUuid(const QString& id)
{
    return !QUuid::fromString(id).isNull();
}

// A server path is the organisation's ancestors and itself, each a UUID followed by '/'.
bool isPathOf(const QString& path, const QString& id)
{
    if (!path.endsWith(id + QLatin1Char('/')))
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    if (!parts.last().isEmpty())
        return false;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (!isUuid(parts.at(i)))
            return false;
    }
    return true;
}

} // namespace

StoreJoin::StoreJoin(Database& store)
    : m_store(store)
{
}

bool StoreJoin::isJoinable(Database& store)
{
    const QString root = store.meta(key(ud::meta::RootOrganisation));
    if (root.isEmpty() || !store.meta(key(meta::ServerUrl)).isEmpty() ||
        !store.meta(key(meta::AccountOrganisation)).isEmpty() || !store.meta(key(meta::Cursor)).isEmpty())
        return false;
    // Generated sample data must never reach a real server.
    if (store.meta(key(ud::meta::StoreKind)) == QLatin1String("demo"))
        return false;
    QSqlQuery q(store.connection());
    return sql::execBound(q, QStringLiteral("SELECT version FROM organisation WHERE id = ?"), {root},
                          nullptr) &&
           q.next() && q.value(0).toLongLong() == 0;
}

bool StoreJoin::join(const QString& organisationId, const QString& organisationPath, const QString& actor,
                     QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (!isJoinable(m_store))
        return fail(tr("This data file has synced before or holds sample data; it cannot join another "
                       "organisation."));
    if (!isUuid(organisationId) || !isPathOf(organisationPath, organisationId))
        return fail(tr("The server described the organisation %1 with the path \"%2\", which is not a path "
                       "of it; nothing was changed.")
                        .arg(organisationId, organisationPath));
    const QString oldId = m_store.meta(key(ud::meta::RootOrganisation));
    QSqlQuery q(m_store.connection());
    if (!sql::execBound(q, QStringLiteral("SELECT path FROM organisation WHERE id = ?"), {oldId}, error))
        return false;
    if (!q.next())
        return fail(tr("The root organisation %1 of this data file is missing.").arg(oldId));
    const QString oldPath = q.value(0).toString();
    q.finish();
    if (organisationPath.contains(oldId))
        return fail(tr("The organisation %1 on the server lies under this data file's own root "
                       "organisation %2; nothing was changed.")
                        .arg(organisationId, oldId));
    if (!sql::execBound(q, QStringLiteral("SELECT count(*) FROM organisation WHERE id = ?"), {organisationId},
                        error) ||
        !q.next())
        return false;
    if (q.value(0).toLongLong() > 0)
        return fail(tr("This data file already has an organisation %1; it cannot become its root.")
                        .arg(organisationId));
    q.finish();

    Transaction tx(m_store.connection());
    if (!tx.isActive())
        return fail(tx.error());
    if (!rekey(oldId, oldPath, organisationId, organisationPath, actor, error) || !tx.commit(error))
        return false;
    qCInfo(lcSync) << "joined: root organisation" << oldId << "is now" << organisationId << "at"
                   << organisationPath;
    return true;
}

bool StoreJoin::rekey(const QString& oldId, const QString& oldPath, const QString& newId,
                      const QString& newPath, const QString& actor, QString* error)
{
    const QSqlDatabase db = m_store.connection();
    QSqlQuery q(db);
    const auto exec = [&](const char* statement, const QVariantList& values) {
        return sql::execBound(q, QString::fromLatin1(statement), values, error);
    };
    const auto count = [&](const char* statement, const QVariantList& values, qint64* n) {
        if (!exec(statement, values) || !q.next())
            return false;
        *n = q.value(0).toLongLong();
        q.finish();
        return true;
    };

    // The root's id is referenced from half the schema: checked once, at commit, when every
    // reference has moved with it.
    if (!sql::run(db, QStringLiteral("PRAGMA defer_foreign_keys = ON"), error))
        return false;

    // Paths first: one statement moves the whole tree under the server's path. No new path can
    // collide with an old one, as the old root's id appears in none of them.
    const qint64 oldLength = oldPath.size();
    if (!exec("UPDATE organisation SET path = ? || substr(path, ?) WHERE substr(path, 1, ?) = ?",
              {newPath, oldLength + 1, oldLength, oldPath}))
        return false;
    qint64 outside = 0;
    if (!count("SELECT count(*) FROM organisation WHERE substr(path, 1, ?) <> ?", {newPath.size(), newPath},
               &outside))
        return false;
    if (outside > 0) {
        if (error)
            *error = tr("%n organisation(s) of this data file lie outside its root organisation; nothing was "
                        "changed.",
                        nullptr, int(outside));
        return false;
    }

    if (!exec("UPDATE organisation SET id = ?, parent_id = NULL WHERE id = ?", {newId, oldId}) ||
        !exec("UPDATE organisation SET parent_id = ? WHERE parent_id = ?", {newId, oldId}) ||
        // member_tally follows by its trigger; the name pieces carry the organisation themselves.
        !exec("UPDATE member SET organisation_id = ? WHERE organisation_id = ?", {newId, oldId}) ||
        !exec("UPDATE member_name_gram SET organisation_id = ? WHERE organisation_id = ?", {newId, oldId}))
        return false;
    qint64 leftOver = 0;
    if (!count("SELECT coalesce(sum(n), 0) FROM member_tally WHERE organisation_id = ?", {oldId}, &leftOver))
        return false;
    if (leftOver != 0) {
        if (error)
            *error = tr("The member counts of the root organisation did not follow it (%1 left); nothing was "
                        "changed.")
                         .arg(leftOver);
        return false;
    }
    if (!exec("DELETE FROM member_tally WHERE organisation_id = ?", {oldId}) ||
        !exec("UPDATE cadre SET organisation_id = ? WHERE organisation_id = ?", {newId, oldId}) ||
        !exec("UPDATE organisation_request SET organisation_id = ? WHERE organisation_id = ?",
              {newId, oldId}) ||
        !exec("UPDATE organisation_request SET submitted_from = ? WHERE submitted_from = ?",
              {newId, oldId}) ||
        !exec("UPDATE organisation_request SET created_organisation_id = ? WHERE created_organisation_id = ?",
              {newId, oldId}) ||
        !exec("UPDATE import_batch SET organisation_id = ? WHERE organisation_id = ?", {newId, oldId}))
        return false;

    // JSON held as text names the root by its id as a string value; a UUID cannot occur in any
    // other value, so replacing the text is exact.
    if (!exec(
            "UPDATE organisation_request SET proposed = replace(proposed, ?, ?) WHERE instr(proposed, ?) > 0",
            {oldId, newId, oldId}) ||
        !exec("UPDATE member_event SET details = replace(details, ?, ?) WHERE instr(details, ?) > 0",
              {oldId, newId, oldId}))
        return false;

    // The outbox: the root's creation goes (the server has the organisation), its later edits stay
    // under the new id, and every queued field naming the root names the new id.
    if (!exec("SELECT seq, fields FROM outbox "
              "WHERE entity = ? AND record_id = ? AND is_delete = 0 ORDER BY seq",
              {entity::Organisation, oldId}))
        return false;
    QVariantList creations;
    while (q.next()) {
        // Only a creation carries the parent: an edit never moves an organisation in the tree.
        if (QJsonDocument::fromJson(q.value(1).toString().toUtf8())
                .object()
                .contains(QLatin1String("parent")))
            creations.append(q.value(0));
    }
    q.finish();
    for (const QVariant& seq : std::as_const(creations)) {
        if (!exec("DELETE FROM outbox WHERE seq = ?", {seq}))
            return false;
    }
    if (!exec("UPDATE outbox SET record_id = ? WHERE entity = ? AND record_id = ?",
              {newId, entity::Organisation, oldId}) ||
        !exec("UPDATE outbox SET fields = replace(fields, ?, ?) WHERE instr(fields, ?) > 0",
              {oldId, newId, oldId}))
        return false;

    // Every push comes after the join, so there can be no conflicts yet; rewritten all the same, so
    // that nothing in the file keeps the old id.
    if (!exec("UPDATE sync_conflict SET record_id = ? WHERE entity = ? AND record_id = ?",
              {newId, entity::Organisation, oldId}) ||
        !exec("UPDATE sync_conflict SET op = replace(op, ?, ?), mine = replace(mine, ?, ?), "
              "theirs = replace(theirs, ?, ?) WHERE instr(op || mine || theirs, ?) > 0",
              {oldId, newId, oldId, newId, oldId, newId, oldId}))
        return false;

    if (!m_store.setMeta(key(ud::meta::RootOrganisation), newId, error) ||
        !m_store.setMeta(key(meta::AccountOrganisation), newId, error) ||
        !m_store.setMeta(key(JoinedFrom), oldId, error))
        return false;

    AuditEntry entry;
    entry.actor = actor;
    entry.action = QStringLiteral("join");
    entry.entity = entity::Organisation;
    entry.recordId = newId;
    entry.detail = QStringLiteral("root organisation %1 joined the server's organisation %2 (%3)")
                       .arg(oldId, newId, newPath);
    return AuditLog(db).append(entry, error, true);
}

} // namespace ud::sync
