#pragma once

#include <QCoreApplication>
#include <QString>

namespace ud {
class Database;
}

namespace ud::sync {

// Joins a data file that began offline (`uniondesk-cli init`, or the desktop's first run) to an
// organisation on the server, at its first sync (DESIGN.md "Sync contract").
//
// Such a file has a root organisation of its own, with an id the server has never seen. Joining
// makes that root the account's organisation: in one transaction the root takes the server's id
// and every reference to it follows (children, paths, members and their name pieces and tallies,
// cadres, requests, import batches, history details, queued operations, conflicts, the store's
// meta), and every path is rewritten under the organisation's path on the server. The root's own
// "create" operation is dropped — the server has the organisation already — while later edits of
// it stay queued and are pushed like any edit (a field changed on the server too becomes a
// conflict). Everything else is then pushed as usual; a member whose ID number the server already
// holds comes back rejected and waits in the conflicts list.
//
// The audit log is append-only and keeps the old id in earlier entries; a "join" entry names both.
class StoreJoin
{
    Q_DECLARE_TR_FUNCTIONS(ud::sync::StoreJoin)

public:
    explicit StoreJoin(Database& store);

    // True for a store with a root organisation that never synced: the root has version 0 and the
    // store names no server, no account organisation and no pull cursor.
    static bool isJoinable(Database& store);

    // Re-keys the root organisation to `organisationId`, whose path on the server is
    // `organisationPath` ("…/organisationId/"). All or nothing; the store's meta then names the
    // organisation as both root and account organisation, so the store is linked from then on.
    bool join(const QString& organisationId, const QString& organisationPath, const QString& actor,
              QString* error);

private:
    bool rekey(const QString& oldId, const QString& oldPath, const QString& newId, const QString& newPath,
               const QString& actor, QString* error);

    Database& m_store;
};

} // namespace ud::sync
