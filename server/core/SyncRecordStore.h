#pragma once

#include "SyncRecord.h"

#include <QSqlError>
#include <QString>
#include <QStringList>

class QSqlQuery;

namespace ud::server {

class ServerDatabase;

// Reads and writes the rows of one synced table, inside the caller's transaction. Column names
// come from the catalogue (ud::sync::entities()), never from a request.
class SyncRecordStore
{
public:
    // `extraColumns`: columns the server's table has beyond the catalogue's (a transfer's from_path
    // and to_path), read into and written from SyncRecord::columns like the catalogue's.
    SyncRecordStore(const ServerDatabase& database, const sync::EntitySpec& spec,
                    QStringList extraColumns = {});

    // The sync columns then the catalogue's, for a SELECT of this table aliased `alias`.
    QString selectList(const QString& alias = QString()) const;
    // A row read with selectList().
    SyncRecord fromQuery(const QSqlQuery& query) const;

    // `record->found` is false when there is no row with that id (deleted rows are found).
    bool load(const QString& id, SyncRecord* record, QString* error) const;
    // Inserts the record with the catalogue columns it has (the others take their defaults).
    bool insert(const SyncRecord& record, QSqlError* error) const;
    // Writes `changedColumns` and every sync column of the record.
    bool update(const SyncRecord& record, const QStringList& changedColumns, QSqlError* error) const;

private:
    QStringList columnNames() const;

    const ServerDatabase& m_database;
    const sync::EntitySpec& m_spec;
    QStringList m_extraColumns;
};

} // namespace ud::server
