#pragma once

#include <QJsonObject>
#include <QSqlRecord>
#include <QString>

namespace ud {

// A request to set up, change or dissolve a union (设立 / 变更 / 注销), submitted by a lower level and
// decided by a level above. Requests are never deleted: together they are the organisation's
// history.
struct OrganisationRequest
{
    QString id;
    QString kind;           // codes::organisationRequestKind(): establish, change, dissolve
    QString organisationId; // the union concerned; for a set-up, the parent it goes under
    QString submittedFrom;  // the organisation that submitted it; only a level above decides
    QJsonObject proposed;   // the fields of the new union, or the changed fields
    QString state = QStringLiteral("submitted"); // codes::organisationRequestState()
    QString reason;                              // the submitter's
    QString decisionReason;                      // the decider's
    QString createdOrganisationId;               // an approved set-up: the union it made
    QString submittedBy;
    QString submittedAt;
    QString decidedBy;
    QString decidedAt;

    qint64 version = 0;
    QString updatedAt;
    QString updatedBy;
    bool deleted = false;

    bool isOpen() const { return state == QLatin1String("submitted"); }
    // The synced fields by their API names (camelCase), without id and sync columns.
    QJsonObject toFields() const;
    // toFields() with the id, for the CLI and the API.
    QJsonObject toJson() const;
    static OrganisationRequest fromRecord(const QSqlRecord& record);
};

} // namespace ud
