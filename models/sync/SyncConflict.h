#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ud::sync {

// One thing a push brought back that the clerk must decide (see schema v7): a field someone else
// changed (field set, both values), or an operation the server refused or could not apply as a
// whole (field empty, the operation kept in op).
struct SyncConflict
{
    QString id;
    QString entity;
    QString recordId;
    QString field;
    QJsonValue mine;
    QJsonValue theirs;
    qint64 serverVersion = 0;
    QString reason;
    QJsonObject op;
    QString createdAt;
    QString resolvedAt;
    QString resolvedBy;
    QString resolution; // mine, theirs or dismissed

    bool isOperation() const { return field.isEmpty(); }
    // The server refused the operation (scope, role, validation), as opposed to a changed record.
    bool isRejection() const { return isOperation() && theirs.isNull(); }
    bool isOpen() const { return resolvedAt.isEmpty(); }
};

} // namespace ud::sync
