#pragma once

#include "io/HeaderMap.h"
#include "io/ImportBatchRepository.h"
#include "io/ImportPlan.h"
#include "io/SheetReader.h"
#include "io/Workbook.h"
#include "store/Scope.h"

#include <QCoreApplication>
#include <QFuture>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace ud {

// Raised by the UI thread, polled by a worker between rows. Not QFuture::cancel(): a cancelled
// future drops its result, and the wizard must always learn whether the commit wrote anything.
using CancelFlag = std::shared_ptr<std::atomic_bool>;

struct WorkbookResult
{
    bool ok = false;
    Workbook workbook;
    QString error;
    SheetReader::PasswordProblem passwordProblem = SheetReader::PasswordProblem::None;
};

struct PlanResult
{
    bool ok = false;
    ImportPlan plan;
    QString error;
};

struct CommitResult
{
    bool ok = false;
    bool cancelled = false;
    int imported = 0;
    QString batchId; // the import batch written, for "Undo this import"; '' when nothing was
    QString error;
};

// What undoing an import would do, read on a worker before the clerk is asked.
struct UndoCheckResult
{
    std::optional<ImportBatch> batch; // empty when it is gone or outside the scope
    ImportUndoCheck check;
    QString error; // the store could not be opened
};

struct UndoResult
{
    bool ok = false;
    bool cancelled = false;
    int removed = 0;
    QString error;
};

// The slow steps of an import, each run on a worker thread of the global pool with progress
// reported through the future. A step that needs the store opens its own Database on `storePath`
// (a connection belongs to the thread that opened it) and closes it before it returns.
class ImportTasks
{
    Q_DECLARE_TR_FUNCTIONS(ud::ImportTasks)

public:
    static CancelFlag newCancelFlag();

    // Reads the whole file, with `password` when it has one to open. SheetReader cannot stop
    // half-way: a cancelled read is simply ignored.
    static QFuture<WorkbookResult> readWorkbook(const QString& path, const QString& password = QString());
    // ImportPlan::build on a copy of the sheet (rows shared, not copied, until someone writes).
    static QFuture<PlanResult> buildPlan(const QString& storePath, const Sheet& sheet, const HeaderMap& map,
                                         const QString& organisationId, const CancelFlag& cancel);
    // RosterImport::commit: one transaction, so a cancel or a failure leaves the store as it was.
    // RosterImport::writeProblems; the future holds the error, empty when the file was written.
    static QFuture<QString> writeProblems(const ImportPlan& plan, const QString& path);
    // `fileName` and `sheetName` name the batch in the list of imports.
    static QFuture<CommitResult> commit(const QString& storePath, const ImportPlan& plan, const Scope& scope,
                                        const QString& actor, const QString& fileName,
                                        const QString& sheetName, const CancelFlag& cancel);
    // ImportBatchRepository::find and checkUndo, for the confirmation.
    static QFuture<UndoCheckResult> checkUndo(const QString& storePath, const Scope& scope,
                                              const QString& batchId);
    // ImportBatchRepository::undo: one transaction, so a cancel or a failure changes nothing.
    static QFuture<UndoResult> undo(const QString& storePath, const Scope& scope, const QString& actor,
                                    const QString& batchId, const CancelFlag& cancel);
};

} // namespace ud
