#pragma once

#include "sync/SyncEntities.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <optional>

namespace ud {
class NameGramWriter;
}

namespace ud::sync {

// What the store knows of a record before a change is written.
struct LocalRecordState
{
    qint64 version = 0;
    bool deleted = false;
    qint64 localId = 0; // members only: the integer key of the search index
};

// A record as the sync names it.
struct RecordRef
{
    const EntitySpec* spec = nullptr;
    QString id;
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
//
// A first sync writes a million members through here, so the statements of each entity are
// prepared once per instance and kept: an instance lives no longer than its connection.
class LocalRecordStore
{
    Q_DECLARE_TR_FUNCTIONS(ud::sync::LocalRecordStore)

public:
    explicit LocalRecordStore(const QSqlDatabase& db);
    ~LocalRecordStore();

    // With a writer, the name pieces of new members are collected there, for the caller to write in
    // key order before its transaction ends (NameGramWriter::write); without, each is written at
    // once. The writer is written out here before a member is updated or erased, whose pieces are
    // found through the table.
    void setNameGramWriter(NameGramWriter* writer) { m_grams = writer; }
    // New members get no name pieces at all: the caller writes them later for the whole store.
    void setDeferNameGrams(bool defer) { m_deferGrams = defer; }

    // False only on an SQL error; *state is empty when the record is not in the store.
    bool find(const EntitySpec& spec, const QString& id, std::optional<LocalRecordState>* state,
              QString* error);
    // Fields missing from `fields` take the column's default. An organisation may carry "path".
    // With `inserted`, a record the store has already is left as it is and *inserted says which.
    bool insert(const EntitySpec& spec, const QString& id, const QJsonObject& fields, const SyncStamp& stamp,
                bool deleted, QString* error, bool* inserted = nullptr);
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

    // The entity whose records own the records of `spec` for their whole life, and the field that
    // names the owner: a member's history belongs to the member. That field decides the record's
    // scope, names another entity of the catalogue and is set only when the record is created. Null
    // when the records of `spec` stand on their own (a cadre refers to a member but is not hers).
    static const EntitySpec* ownerEntity(const EntitySpec& spec, QString* ownerField = nullptr);
    // The owner of one record as the store holds it; empty when its entity has no owner or the
    // record is not here.
    bool ownerOf(const EntitySpec& spec, const QString& id, QString* owner, QString* error);
    // The records a record owns, of every entity of the catalogue.
    bool dependants(const EntitySpec& spec, const QString& id, QList<RecordRef>* out, QString* error);
    // What else still refers to a record through a foreign key of the store (the records it owns
    // aside): one line per kind of record, empty when nothing does.
    bool referrers(const EntitySpec& spec, const QString& id, QStringList* described, QString* error);

private:
    // The columns and values of `fields`, in catalogue order; *present has bit i set for the
    // catalogue's field i (the statement's shape). A member's name comes with its sort key.
    bool columnsOf(const EntitySpec& spec, const QString& id, const QJsonObject& fields, QStringList* columns,
                   QVariantList* values, quint64* present, QByteArray* nameKey, QString* error) const;
    QString organisationPath(const QString& id, const QJsonObject& fields) const;
    // A statement prepared once per instance.
    QSqlQuery* statement(const QString& text, QString* error);
    bool flushNameGrams(QString* error);

    QSqlDatabase m_db;
    NameGramWriter* m_grams = nullptr;
    bool m_deferGrams = false;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    // Insert statements by entity, shape and whether they may meet the record, so their text is
    // built once.
    QHash<QPair<QString, quint64>, QString> m_insertText;
};

} // namespace ud::sync
