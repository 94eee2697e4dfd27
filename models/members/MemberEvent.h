#pragma once

#include <QJsonObject>
#include <QSqlRecord>
#include <QString>

namespace ud {

// One step in a member's history: joined, details changed, status changed, transferred.
// `details` holds what changed (field → {"from", "to"}) for an edit.
struct MemberEvent
{
    QString id;
    QString memberId;
    QString kind;
    QString occurredOn; // ISO date the step took effect
    QString fromStatus;
    QString toStatus;
    QString reason;
    QJsonObject details;

    qint64 version = 0;
    QString updatedAt;
    QString updatedBy;
    bool deleted = false;

    QJsonObject toFields() const;
    static MemberEvent fromRecord(const QSqlRecord& record);
};

} // namespace ud
