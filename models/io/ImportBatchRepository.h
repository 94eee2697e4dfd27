#pragma once

#include "io/ImportBatch.h"
#include "store/Scope.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace ud {

class Database;

// What undoing an import would do, for the clerk to read before confirming.
struct ImportUndoCheck
{
    int present = 0;          // members of the batch still in the roster, in scope
    int alreadyGone = 0;      // deleted since the import
    int outsideScope = 0;     // moved where this session cannot reach them; they stay
    int synced = 0;           // of `present`: on the server already, so the undo sends deletions
    int changedSince = 0;     // of `present`: edited or given a status since the import
    QStringList changedNames; // the first few of them, to name them where no dialog asks
    // Members who hold a cadre post or whose membership transfer is under way: the undo is refused
    // while they do (one line per member).
    QStringList blockers;
    bool canUndo() const { return blockers.isEmpty() && present > 0; }
};

// The imports made in one scope, and their undo. The batch row and its member list are written by
// RosterImport::commit inside the import's own transaction, so a batch exists exactly when its
// members do.
class ImportBatchRepository
{
    Q_DECLARE_TR_FUNCTIONS(ud::ImportBatchRepository)

public:
    ImportBatchRepository(Database& store, Scope scope);

    // For RosterImport::commit, inside its transaction: the batch row (fills id and importedAt),
    // then the members it created, then the counts.
    bool begin(ImportBatch& batch, QString* error);
    bool addMembers(const QString& batchId, const QStringList& memberIds, QString* error);
    bool finish(const QString& batchId, int members, int rejected, QString* error);

    // The imports into organisations of the scope, newest first.
    QList<ImportBatch> list() const;
    std::optional<ImportBatch> find(const QString& batchId) const;
    ImportUndoCheck checkUndo(const QString& batchId) const;

    // Removes the batch's members that are still present and in scope, in one transaction. A member
    // that never reached the server simply disappears with its history and its pending operations;
    // one the server has becomes a deletion that syncs (a tombstone). Refused when the batch is
    // already undone or a member holds a cadre post. `progress` (done, total) returns false to cancel,
    // which keeps everything as it was.
    bool undo(const QString& batchId, const QString& actor, int* removed, QString* error,
              const std::function<bool(int, int)>& progress = {});

private:
    struct PresentMember
    {
        QString id;
        qint64 localId = 0;
        qint64 version = 0;
        // A cadre term or a transfer of hers the server has: she must stay there as a tombstone.
        bool referencedOnServer = false;
    };
    QList<PresentMember> presentMembers(const QString& batchId) const;
    bool erase(const QString& batchId, const PresentMember& member, QString* error);

    Database& m_store;
    Scope m_scope;
};

} // namespace ud
