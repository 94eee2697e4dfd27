#pragma once

#include <QDate>
#include <QJsonObject>
#include <QSqlRecord>
#include <QString>

namespace ud {

struct Member;

// A membership transfer (会员组织关系接转) as stored and synced: the member, the union she leaves
// (from), the one holding her meanwhile (holding) and the one taking her in (to), why, and where
// it stands. The organisations may be outside this store, so each comes with its name. Who sets
// which field is server/API.md "Transfers".
struct Transfer
{
    static inline const QString KindOut = QStringLiteral("out");
    static inline const QString KindDirect = QStringLiteral("direct");
    static inline const QString KindRequest = QStringLiteral("request");

    static inline const QString Hung = QStringLiteral("hung");
    static inline const QString Requested = QStringLiteral("requested");
    static inline const QString Completed = QStringLiteral("completed");
    static inline const QString Rejected = QStringLiteral("rejected");
    static inline const QString Cancelled = QStringLiteral("cancelled");
    static inline const QString Expired = QStringLiteral("expired");

    QString id;
    QString kind;
    QString memberId;
    QString idNumber;
    QString memberName; // masked (张*明), set by the server
    QString fromOrganisationId;
    QString fromName;
    QString holdingOrganisationId;
    QString holdingName;
    QString toOrganisationId;
    QString toName;
    QString reason; // codes::transferReason(); empty for a request
    QString note;
    QString state;
    QString decisionReason;
    QString requestedAt;
    QString requestedBy;
    QString decidedAt;
    QString decidedBy;
    // This store's own copy of what the letter prints about the member (see snapshotOf), never
    // synced: the letter can still be printed after she has left the store.
    QJsonObject memberSnapshot;

    qint64 version = 0;
    QString updatedAt;
    QString updatedBy;
    bool deleted = false;

    // Hung or awaiting approval: the member's membership is still in motion.
    bool isOpen() const;
    bool isFinal() const { return !isOpen(); }

    // The first 8 hex digits of the id, upper-case: what a clerk types to find the transfer.
    QString shortCode() const;
    // 工转字〔YYYY〕第XXXXXXXX号: YYYY the year it was requested (local time), XXXXXXXX the short code.
    QString letterNumber() const;
    // The local date it was requested; invalid when unknown.
    QDate requestedOn() const;
    // Whole months from the day it was requested to `today` (0 when unknown or in the future): how
    // long a hung member has been waiting.
    int monthsSinceRequested(const QDate& today) const;

    // Every synced field by its API name, without id and sync columns.
    QJsonObject toFields() const;
    // The fields a client sets when it creates the record (the server fills in the rest).
    QJsonObject creationFields() const;
    // The API names of the fields whose values differ.
    static QStringList changedFields(const Transfer& before, const Transfer& after);
    static Transfer fromRecord(const QSqlRecord& record);

    // What the letter needs of a member: full name, gender, birth date, ID number, join date,
    // employer, the name of her organisation and her status (API field names).
    static QJsonObject snapshotOf(const Member& member, const QString& organisationName);
};

} // namespace ud
