#pragma once

#include "SessionAccount.h"
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
// exist, so a push never tells whether it does.
class SyncPushOperation
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::SyncPushOperation)

public:
    SyncPushOperation(ServerDatabase& database, const SessionAccount& account, const QString& clientId);

    // False only when the database failed (nothing of the operation was kept); a refused
    // operation is a "rejected" result.
    bool apply(const QJsonValue& operation, QJsonObject* result, QString* error);

private:
    struct Operation
    {
        QString opId;
        const sync::EntitySpec* spec = nullptr;
        QString id;
        qint64 baseVersion = 0;
        QJsonObject fields;
        bool isDelete = false;
    };
    // What an operation came to, before it is written down as a result.
    struct Answer
    {
        QString status;
        qint64 version = 0;
        QJsonObject conflicts;
        QString reason;
    };

    QString parse(const QJsonValue& value, Operation* op) const;
    bool findApplied(const QString& opId, QJsonObject* stored, bool* found, QString* error) const;
    bool create(const Operation& op, Answer* answer, QString* error);
    bool update(const Operation& op, SyncRecord current, Answer* answer, QString* error);
    bool remove(const Operation& op, SyncRecord current, Answer* answer, QString* error);

    // The pushed fields as columns; an empty string, or the reason the operation is refused.
    QString readFields(const Operation& op, QJsonObject* wire) const;
    // Checks the record's fields as a whole and gives the path it lies under, or a reason.
    bool placeRecord(const Operation& op, QJsonObject* merged, const SyncRecord& current, QString* path,
                     QString* reason, QString* error) const;
    bool checkIdNumber(const QString& idNumber, const QString& memberId, QString* reason,
                       QString* error) const;
    // The path of a live record of `spec` in the account's subtree, or empty.
    bool pathInScope(const sync::EntitySpec& spec, const QString& id, QString* path, QString* error) const;
    QString violationReason(const QSqlError& sqlError) const;
    // The history of a member just moved or deleted: a new version for each of its events, with the
    // member's new path, or deleted when `newPath` is empty.
    bool rewriteEvents(const QString& memberId, const QString& newPath, QString* error);
    bool depart(const QString& entity, const QString& id, const QString& fromPath, QString* error);
    bool audit(const QString& action, const Operation& op, const QJsonObject& detail, QString* error);
    bool recordApplied(const Operation& op, const QJsonObject& result, QSqlError* sqlError) const;

    static QJsonObject resultOf(const QString& opId, const Answer& answer);
    static Answer rejected(const QString& reason);

    ServerDatabase& m_database;
    SessionAccount m_account;
    QString m_clientId;
};

} // namespace ud::server
