#pragma once

#include "SessionAccount.h"
#include "SyncPushTypes.h"
#include "SyncRecord.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QSqlError>
#include <QString>

namespace ud::sync {
struct EntitySpec;
}

namespace ud::server {

class ServerDatabase;

// Applies one pushed operation ({"opId", "entity", "id", "baseVersion", "fields", "delete"}) in its
// own transaction and answers {"opId", "status", "version", "conflicts", "reason"} (DESIGN.md "Sync
// contract"). A record outside the account's subtree is answered exactly like one that does not
// exist, so a push never tells whether it does. Transfers have rules of their own (TransferPush).
class SyncPushOperation
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::SyncPushOperation)

public:
    SyncPushOperation(ServerDatabase& database, const SessionAccount& account, const QString& clientId);

    // False only when the database failed (nothing of the operation was kept); a refused
    // operation is a "rejected" result.
    bool apply(const QJsonValue& operation, QJsonObject* result, QString* error);

    // The pushed fields as wire values of the entity's catalogue ("path" is ignored: the server
    // alone decides it); an empty string, or the reason the operation is refused.
    static QString readFields(const sync::EntitySpec& spec, const QJsonObject& pushed, QJsonObject* wire);
    // The answer for a record that does not exist, or is outside the account's subtree.
    static QString noSuchRecord();
    static QString createOnlyReason(const sync::EntitySpec& spec, const QString& field);

private:
    QString parse(const QJsonValue& value, PushedOperation* op) const;
    // Every entity but transfer: its record is under one path, the account's subtree or not.
    bool applyRecord(const PushedOperation& op, PushAnswer* answer, QString* error);
    bool findApplied(const QString& opId, QJsonObject* stored, bool* found, QString* error) const;
    bool create(const PushedOperation& op, PushAnswer* answer, QString* error);
    bool update(const PushedOperation& op, SyncRecord current, PushAnswer* answer, QString* error);
    bool remove(const PushedOperation& op, SyncRecord current, PushAnswer* answer, QString* error);

    // Checks the record's fields as a whole and gives the path it lies under, or a reason.
    bool placeRecord(const PushedOperation& op, QJsonObject* merged, const SyncRecord& current, QString* path,
                     QString* reason, QString* error) const;
    bool checkIdNumber(const QString& idNumber, const QString& memberId, QString* reason,
                       QString* error) const;
    // The path of a live record of `spec` in the account's subtree, or empty.
    bool pathInScope(const sync::EntitySpec& spec, const QString& id, QString* path, QString* error) const;
    QString violationReason(const QSqlError& sqlError) const;
    bool audit(const QString& action, const PushedOperation& op, const QJsonObject& detail, QString* error);
    // False with the reason on a database error; *recorded false when another instance recorded the
    // same operation first.
    bool recordApplied(const PushedOperation& op, const QJsonObject& result, bool* recorded,
                       QString* error) const;

    static QJsonObject resultOf(const QString& opId, const PushAnswer& answer);

    ServerDatabase& m_database;
    SessionAccount m_account;
    QString m_clientId;
};

} // namespace ud::server
