#pragma once

#include <QJsonObject>
#include <QSqlRecord>
#include <QString>

#include <vector>

namespace ud {

// A member record as stored and synced. Coded fields hold the keys of the lists in
// domain/CodeList.h; dates are ISO "YYYY-MM-DD" strings ('' when unknown) so that records move
// through SQLite, JSON and spreadsheets without time-zone surprises.
struct Member
{
    QString id;
    QString organisationId;
    QString name;
    QString gender;
    QString ethnicity;
    QString idType = QStringLiteral("resident");
    QString idNumber;
    QString birthDate;
    QString mobile;
    QString education;
    QString politicalStatus;
    QString employer;
    QString jobTitle;
    QString industry;
    QString employmentForm;
    QString household;
    QString joinDate;
    QString cardNumber;
    QString status = QStringLiteral("active");
    bool verified = false;
    QString verifiedMethod;
    QString verifiedAt;
    QString labourModelLevel;
    bool hardship = false;
    QString notes;

    // Sync columns.
    qint64 version = 0;
    QString updatedAt;
    QString updatedBy;
    bool deleted = false;

    // The synced fields by their API names (camelCase), without id and sync columns.
    QJsonObject toFields() const;
    static Member fromFields(const QString& id, const QJsonObject& fields);
    static Member fromRecord(const QSqlRecord& record);

    // The API names of the fields whose values differ between the two records.
    static QStringList changedFields(const Member& before, const Member& after);
};

// API field name → column name, in schema order, and the Member field that holds it (text or flag).
struct MemberColumn
{
    const char* field;
    const char* column;
    QString Member::*text = nullptr;
    bool Member::*flag = nullptr;
};
const std::vector<MemberColumn>& memberColumns();

} // namespace ud
