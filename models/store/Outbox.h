#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace ud {

// One change waiting to be pushed to the server: the record, the version it was based on and only
// the fields that changed (or a delete). Written in the same transaction as the edit itself, so an
// edit can never exist locally without the operation that will carry it to the server.
//
// A creation written in bulk (an import of 100,000 members) is stored without its fields: it sends
// the record as the store holds it when pushed (`snapshot`; the sync fills `fields` in). Its JSON
// was otherwise four tenths of what an import writes. Sending later values in the creation is
// harmless: the edits made since follow with the same values from the same client, which the
// server does not count as a conflict.
struct OutboxOperation
{
    qint64 seq = 0;
    QString opId;
    QString entity;
    QString recordId;
    qint64 baseVersion = 0;
    QJsonObject fields;
    bool isDelete = false;
    QString createdAt;
    bool snapshot = false; // stored without fields: the whole record, read when it is pushed
};

class Outbox
{
public:
    explicit Outbox(const QSqlDatabase& db);

    // Must be called inside the edit's transaction.
    bool enqueue(const QString& entity, const QString& recordId, qint64 baseVersion,
                 const QJsonObject& fields, bool isDelete, QString* error);
    qint64 pendingCount() const;
    // Snapshot operations come with empty fields (OutboxSnapshots fills them).
    QList<OutboxOperation> pending(int limit) const;
    // Drops every pending operation of a record (used when a never-synced record is withdrawn).
    bool discardRecord(const QString& entity, const QString& recordId, QString* error);

private:
    QSqlDatabase m_db;
};

namespace entity {
inline const QString Organisation = QStringLiteral("organisation");
inline const QString Member = QStringLiteral("member");
inline const QString MemberEvent = QStringLiteral("member_event");
inline const QString Cadre = QStringLiteral("cadre");
inline const QString OrganisationRequest = QStringLiteral("organisation_request");
inline const QString Transfer = QStringLiteral("transfer");
} // namespace entity

} // namespace ud
