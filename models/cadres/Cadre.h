#pragma once

#include <QJsonObject>
#include <QSqlRecord>
#include <QString>

namespace ud {

// One post held by one person in one organisation for one term (工会干部). The person is normally a
// member of that union (memberId); name is kept on the record so a cadre who is no member, or whose
// member record has moved on, still reads right. Dates are ISO "YYYY-MM-DD"; termEnd '' is open.
struct Cadre
{
    QString id;
    QString memberId; // '' when the person is no member
    QString organisationId;
    QString name;
    QString position; // codes::cadrePosition()
    bool fullTime = false;
    QString termStart;
    QString termEnd;
    QString endedOn;    // set when the term is ended (early, or at the election of a successor)
    QString electedHow; // codes::cadreAppointment(), or ''

    qint64 version = 0;
    QString updatedAt;
    QString updatedBy;
    bool deleted = false;

    // Read with the record for display; not stored.
    QString organisationName;

    bool inPost() const { return endedOn.isEmpty() && !deleted; }
    // The synced fields by their API names (camelCase), without id and sync columns.
    QJsonObject toFields() const;
    // toFields() with the id and the organisation's name, for the CLI.
    QJsonObject toJson() const;
    static Cadre fromRecord(const QSqlRecord& record);
};

} // namespace ud
