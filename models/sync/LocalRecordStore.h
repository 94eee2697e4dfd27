#pragma once

#include "sync/SyncEntities.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace ud::sync {

// What the store knows of a record before a change is written.
struct LocalRecordState
{
    qint64 version = 0;
    bool deleted = false;
    qint64 localId = 0; // members only: the integer key of the search index
};

// The sync columns a server change brings.
struct SyncStamp
{
    qint64 version = 0;
    QString updatedAt;
    QString updatedBy;
};

// Writes synced records by their wire fields (SyncEntities), for every entity alike, keeping what
// a repository would keep beside a member: its sort key, reversed ID number and mobile, and its name
// pieces (member_tally follows by trigger). It never touches the outbox or the history: what it
// writes came from the server. Runs in the caller's transaction.
class LocalRecordStore
{
    Q_DECLARE_TR_FUNCTIONS(ud::sync::LocalRecordStore)

public:
    explicit LocalRecordStore(const QSqlDatabase& db);

    // False only on an SQL error; *state is empty when the record is not in the store.
    bool find(const EntitySpec& spec, const QString& id, std::optional<LocalRecordState>* state,
              QString* error);
    // Fields missing from `fields` take the column's default. An organisation may carry "path".
    bool insert(const EntitySpec& spec, const QString& id, const QJsonObject& fields, const SyncStamp& stamp,
                bool deleted, QString* error);
    // Writes `fields`; with a stamp also the sync columns, with `deleted` the tombstone flag.
    bool update(const EntitySpec& spec, const QString& id, const LocalRecordState& state,
                const QJsonObject& fields, const SyncStamp* stamp, std::optional<bool> deleted,
                QString* error);
    // Removes the record for good (it left the account's scope); a member takes its name pieces,
    // its history and its import-batch entries with it.
    bool erase(const EntitySpec& spec, const QString& id, QString* error);
    // The wire value of one field; *found is false when the record or the field does not exist.
    bool readField(const EntitySpec& spec, const QString& id, const QString& field, QJsonValue* value,
                   bool* found, QString* error);
    // Every wire field of a record; *found is false when it does not exist.
    bool readFields(const EntitySpec& spec, const QString& id, QJsonObject* fields, bool* found,
                    QString* error);

private:
    bool columnsOf(const EntitySpec& spec, const QString& id, const QJsonObject& fields, QStringList* columns,
                   QVariantList* values, QString* error) const;
    QString organisationPath(const QString& id, const QJsonObject& fields) const;

    QSqlDatabase m_db;
};

} // namespace ud::sync
