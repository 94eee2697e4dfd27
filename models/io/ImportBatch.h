#pragma once

#include <QJsonObject>
#include <QSqlRecord>
#include <QString>

namespace ud {

// One import as the clerk later finds it in the list of imports: which file and sheet went into
// which organisation, when and by whom, how many members it brought, and whether it was undone.
struct ImportBatch
{
    QString id;
    QString organisationId;
    QString fileName; // the file's name without its folder
    QString sheetName;
    QString importedAt; // ISO date-time, UTC
    QString importedBy;
    int memberCount = 0;
    int rejectedCount = 0;
    QString undoneAt; // '' while the import stands
    QString undoneBy;

    // Read with the record for display; not stored.
    QString organisationName;

    bool isUndone() const { return !undoneAt.isEmpty(); }
    QJsonObject toJson() const;
    static ImportBatch fromRecord(const QSqlRecord& record);
};

} // namespace ud
