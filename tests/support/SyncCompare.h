#pragma once

#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ud::test {

// Every synced record of one side, as the sync sees it: the wire fields of ud::sync::entities()
// (read from the columns both sides share), the version and the tombstone flag.
struct SyncSnapshot
{
    struct Record
    {
        QString entity;
        QString id;
        qint64 version = 0;
        bool deleted = false;
        QJsonObject fields; // an organisation's also carry "path"
    };

    QString side;                  // "client FILE" or "server", for messages
    QMap<QString, Record> records; // by "entity id"
    qint64 pendingOperations = 0;  // client only: outbox rows
    qint64 openConflicts = 0;      // client only: sync_conflict rows waiting for a decision
    // Client only: rows whose foreign key names a record the file does not hold (an event of a
    // member it never had, say), as PRAGMA foreign_key_check lists them: "table id → parent".
    QStringList danglingReferences;

    // Records of an entity, all or only the live ones.
    int count(const QString& entity, bool liveOnly = true) const;
    // A record by entity and id; null when absent.
    const Record* find(const QString& entity, const QString& id) const;
    // The ID numbers held by more than one live member (one person, one membership).
    QStringList duplicateIdNumbers() const;
    // The ID numbers of the live members.
    QStringList liveIdNumbers() const;
};

// Compares a client's data file with the server's records inside the client's account scope, field
// by field, for the end-to-end sync tests: after a complete sync both must hold the same records
// with the same versions. The reports name the first differences in words a failing test can print.
class SyncCompare
{
public:
    // Every synced record of a client data file (an SQLite store), with its outbox and open
    // conflicts counted. The file is opened read-only for the reading and closed again.
    static bool readClient(const QString& storePath, SyncSnapshot* snapshot, QString* error);
    // The server's records under the organisation `scopeId` (its materialised path's subtree), as a
    // pull of an account of that organisation sees them. `db` is an open connection to the server's
    // database (SQLite or PostgreSQL; the tables have the same columns).
    static bool readServer(const QSqlDatabase& db, const QString& scopeId, SyncSnapshot* snapshot,
                           QString* error);

    // The differences between the two, at most `limit` lines (and a last one counting the rest);
    // empty when they agree. A tombstone on the server the client never saw is no difference (a
    // pull does not send one for a record the client never had), and a tombstone's fields are
    // not compared (none travel with it).
    static QStringList differences(const SyncSnapshot& client, const SyncSnapshot& server, int limit = 12);
};

} // namespace ud::test
