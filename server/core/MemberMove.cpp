#include "MemberMove.h"

#include "ChangeSequence.h"
#include "DepartureLog.h"
#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "SyncRecordStore.h"
#include "store/Sql.h"
#include "sync/SyncEntities.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace ud::server {

namespace {

const sync::EntitySpec& spec(const char* entity)
{
    return *sync::entity(QLatin1String(entity));
}

} // namespace

MemberMove::MemberMove(ServerDatabase& database, QString actor, QString clientId)
    : m_database(database)
    , m_actor(std::move(actor))
    , m_clientId(std::move(clientId))
{
}

bool MemberMove::transfer(const SyncRecord& member, const Destination& to, const Cause& cause, QString* error)
{
    const sync::EntitySpec& memberSpec = spec("member");
    const QString organisationColumn = memberSpec.field(QStringLiteral("organisation"))->column;
    const QString statusColumn = memberSpec.field(QStringLiteral("status"))->column;
    const QString fromOrganisation = member.columns.value(organisationColumn).toString();
    const QString fromStatus = member.columns.value(statusColumn).toString();

    const qint64 version = ChangeSequence(m_database).next(error);
    if (version < 0)
        return false;
    SyncRecord moved = member;
    moved.columns.insert(organisationColumn, to.organisationId);
    moved.columns.insert(statusColumn, to.status);
    // The server changed these fields: an edit a client made before it saw the move conflicts.
    moved.fieldVersions.set(QStringLiteral("organisation"), version, m_clientId);
    if (fromStatus != to.status)
        moved.fieldVersions.set(QStringLiteral("status"), version, m_clientId);
    moved.path = to.path;
    moved.version = version;
    moved.updatedAt = Clock::nowIso();
    moved.updatedBy = m_actor;
    QSqlError sqlError;
    if (!SyncRecordStore(m_database, memberSpec)
             .update(moved, {organisationColumn, statusColumn}, &sqlError)) {
        *error = sqlError.text();
        return false;
    }
    if (member.path != to.path &&
        (!DepartureLog(m_database).record(memberSpec.entity, member.id, member.path, error) ||
         !rewriteHistory(member.id, to.path, error)))
        return false;
    QString eventId;
    if (!addTransferredEvent(member, to, cause, &eventId, error))
        return false;

    ServerAuditEntry entry;
    entry.actor = m_actor;
    entry.action = QStringLiteral("transfer");
    entry.entity = memberSpec.entity;
    entry.recordId = member.id;
    entry.detail = compactJson(QJsonObject{
        {QStringLiteral("transfer"), cause.transferId},
        {QStringLiteral("organisation"),
         QJsonObject{{QStringLiteral("from"), fromOrganisation}, {QStringLiteral("to"), to.organisationId}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("from"), fromStatus}, {QStringLiteral("to"), to.status}}},
        {QStringLiteral("event"), eventId},
    });
    return ServerAudit(m_database).append(entry, error);
}

bool MemberMove::addTransferredEvent(const SyncRecord& member, const Destination& to, const Cause& cause,
                                     QString* eventId, QString* error)
{
    const sync::EntitySpec& eventSpec = spec("member_event");
    const sync::EntitySpec& memberSpec = spec("member");
    const QJsonObject fields{
        {QStringLiteral("member"), member.id},
        {QStringLiteral("kind"), QStringLiteral("transferred")},
        {QStringLiteral("occurredOn"), Clock::today().toString(Qt::ISODate)},
        {QStringLiteral("fromStatus"),
         member.columns.value(memberSpec.field(QStringLiteral("status"))->column).toString()},
        {QStringLiteral("toStatus"), to.status},
        {QStringLiteral("reason"), cause.reason},
        {QStringLiteral("details"),
         QJsonObject{{QStringLiteral("organisation"), QJsonObject{{QStringLiteral("from"), cause.fromName},
                                                                  {QStringLiteral("to"), to.name}}}}},
    };
    const qint64 version = ChangeSequence(m_database).next(error);
    if (version < 0)
        return false;
    SyncRecord event;
    event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.path = to.path;
    event.version = version;
    event.updatedAt = Clock::nowIso();
    event.updatedBy = m_actor;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const sync::FieldSpec* field = eventSpec.field(it.key());
        event.columns.insert(field->column, sync::toColumn(*field, *it));
    }
    QSqlError sqlError;
    if (!SyncRecordStore(m_database, eventSpec).insert(event, &sqlError)) {
        *error = sqlError.text();
        return false;
    }
    *eventId = event.id;
    return true;
}

bool MemberMove::rewriteHistory(const QString& memberId, const QString& newPath, QString* error)
{
    // A deleted member's history goes with it: a client that never held the member would otherwise
    // receive events naming a member it cannot have (its tombstone carries nothing to store).
    const bool remove = newPath.isEmpty();
    QSqlQuery events(m_database.db());
    const bool read =
        remove ? sql::execBound(events,
                                QStringLiteral("SELECT id, path FROM member_event WHERE member_id = ? AND "
                                               "deleted = 0 ORDER BY id"),
                                {memberId}, error)
               : sql::execBound(events,
                                QStringLiteral("SELECT id, path FROM member_event WHERE member_id = ? AND "
                                               "path <> ? ORDER BY id"),
                                {memberId, newPath}, error);
    if (!read)
        return false;
    QList<QPair<QString, QString>> found;
    while (events.next())
        found.append({events.value(0).toString(), events.value(1).toString()});
    const ChangeSequence sequence(m_database);
    const DepartureLog departures(m_database);
    for (const auto& [id, oldPath] : found) {
        const qint64 version = sequence.next(error);
        if (version < 0)
            return false;
        QSqlQuery update(m_database.db());
        if (!sql::execBound(
                update,
                QStringLiteral("UPDATE member_event SET path = ?, deleted = CASE WHEN ? = 1 THEN 1 "
                               "ELSE deleted END, version = ?, updated_at = ?, updated_by = ? "
                               "WHERE id = ?"),
                {remove ? oldPath : newPath, remove ? 1 : 0, version, Clock::nowIso(), m_actor, id}, error))
            return false;
        if (!remove && !departures.record(QStringLiteral("member_event"), id, oldPath, error))
            return false;
    }
    return true;
}

} // namespace ud::server
