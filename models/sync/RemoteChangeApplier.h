#pragma once

#include "sync/LocalRecordStore.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncMessages.h"

#include <QCoreApplication>
#include <QSet>

namespace ud {
class Database;
}

namespace ud::sync {

// Writes one pulled page into the store: the whole page and the cursor after it in one
// transaction, so a page is either all there with the cursor moved or not there at all.
//
// The server's values win, except where the clerk's own work waits: a field with a pending outbox
// operation or an open conflict keeps its local value (the pending edit is pushed next, the
// conflict waits for a decision). Tombstones mark records deleted; a record that left the
// account's scope is removed for good. Nothing here enqueues an outbox operation or writes history.
//
// A page may name a record before the one it refers to (a parent edited after its child was
// created comes later, with a higher version), so foreign keys are not checked while a page is
// applied.
//
// The first sync of a new store (no member yet, more pages to come) drops the member and history
// indexes that only serve reading and writes no name pieces; the last page's transaction writes
// the pieces of all members and builds the indexes again (the statements wait in store_meta, so a
// sync stopped half-way builds them when a later run reaches its last page). Until then the
// roster of that store is slower and its name search does not find the members received so far.
class RemoteChangeApplier
{
    Q_DECLARE_TR_FUNCTIONS(ud::sync::RemoteChangeApplier)

public:
    explicit RemoteChangeApplier(Database& store);

    // *applied counts the changes written (unknown entities and stale versions are skipped).
    bool apply(const PullPage& page, qint64* applied, QString* error);

private:
    // What the clerk's own unsent or undecided work holds back from the server's values.
    struct Held
    {
        QSet<QString> fields;
        QSet<QString> conflictFields;
        bool deletion = false;
    };

    bool applyPage(const PullPage& page, bool firstSync, qint64* applied, QString* error);
    // A first sync builds the store's read-only indexes once, after its last page.
    bool deferIndexes(const PullPage& page, QString* error);
    bool restoreIndexes(const PullPage& page, QString* error);
    bool applyChange(const RemoteChange& change, bool checkHeld, bool insertFirst, bool* written,
                     QString* error);
    bool heldFor(const QString& entity, const QString& id, Held* held, QString* error);
    bool hasLocalWork(bool* any, QString* error);
    bool setAsideDuplicate(const QString& memberId, const QJsonObject& fields, QString* error);

    Database& m_store;
    QString m_root;
    LocalRecordStore m_records;
    SyncConflictRepository m_conflicts;
};

} // namespace ud::sync
