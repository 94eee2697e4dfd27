#include "import/ImportTasks.h"

#include "io/RosterImport.h"
#include "io/SheetReader.h"
#include "store/Database.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace ud {

CancelFlag ImportTasks::newCancelFlag()
{
    return std::make_shared<std::atomic_bool>(false);
}

QFuture<WorkbookResult> ImportTasks::readWorkbook(const QString& path, const QString& password)
{
    return QtConcurrent::run([path, password](QPromise<WorkbookResult>& promise) {
        WorkbookResult result;
        result.ok =
            SheetReader::readFile(path, password, &result.workbook, &result.error, &result.passwordProblem);
        promise.addResult(std::move(result));
    });
}

QFuture<PlanResult> ImportTasks::buildPlan(const QString& storePath, const Sheet& sheet, const HeaderMap& map,
                                           const QString& organisationId, const CancelFlag& cancel)
{
    return QtConcurrent::run([=](QPromise<PlanResult>& promise) {
        PlanResult result;
        {
            std::unique_ptr<Database> store =
                Database::open(storePath, Database::OpenMode::MustExist, &result.error);
            if (store) {
                promise.setProgressRange(0, static_cast<int>(sheet.rows.size()));
                result.plan = ImportPlan::build(sheet, map, *store, organisationId, [&](int done, int) {
                    promise.setProgressValue(done);
                    return !cancel->load();
                });
                result.ok = !result.plan.cancelled();
            }
        } // the connection closes here, on the thread that opened it
        promise.addResult(std::move(result));
    });
}

QFuture<QString> ImportTasks::writeProblems(const ImportPlan& plan, const QString& path)
{
    return QtConcurrent::run([plan, path] {
        QString error;
        if (!RosterImport::writeProblems(plan, path, &error) && error.isEmpty())
            error = tr("%1: the file cannot be written.").arg(path);
        return error;
    });
}

QFuture<CommitResult> ImportTasks::commit(const QString& storePath, const ImportPlan& plan,
                                          const Scope& scope, const QString& actor, const QString& fileName,
                                          const QString& sheetName, const CancelFlag& cancel)
{
    return QtConcurrent::run([=](QPromise<CommitResult>& promise) {
        CommitResult result;
        {
            std::unique_ptr<Database> store =
                Database::open(storePath, Database::OpenMode::MustExist, &result.error);
            if (store) {
                promise.setProgressRange(0, plan.validCount());
                RosterImport::CommitResult written;
                result.ok = RosterImport::commit(plan, *store, scope, actor, {fileName, sheetName}, &written,
                                                 &result.error, [&](int done, int total) {
                                                     promise.setProgressRange(0, total);
                                                     promise.setProgressValue(done);
                                                     return !cancel->load();
                                                 });
                result.imported = result.ok ? written.imported : 0;
                result.batchId = result.ok ? written.batchId : QString();
                result.cancelled = !result.ok && cancel->load();
            }
        }
        promise.addResult(std::move(result));
    });
}

QFuture<UndoCheckResult> ImportTasks::checkUndo(const QString& storePath, const Scope& scope,
                                                const QString& batchId)
{
    return QtConcurrent::run([=] {
        UndoCheckResult result;
        std::unique_ptr<Database> store =
            Database::open(storePath, Database::OpenMode::MustExist, &result.error);
        if (store) {
            const ImportBatchRepository batches(*store, scope);
            result.batch = batches.find(batchId);
            if (result.batch && !result.batch->isUndone())
                result.check = batches.checkUndo(batchId);
        }
        return result;
    });
}

QFuture<UndoResult> ImportTasks::undo(const QString& storePath, const Scope& scope, const QString& actor,
                                      const QString& batchId, const CancelFlag& cancel)
{
    return QtConcurrent::run([=](QPromise<UndoResult>& promise) {
        UndoResult result;
        {
            std::unique_ptr<Database> store =
                Database::open(storePath, Database::OpenMode::MustExist, &result.error);
            if (store) {
                bool ranged = false;
                result.ok =
                    ImportBatchRepository(*store, scope)
                        .undo(batchId, actor, &result.removed, &result.error, [&](int done, int total) {
                            if (!ranged) {
                                promise.setProgressRange(0, total);
                                ranged = true;
                            }
                            promise.setProgressValue(done);
                            return !cancel->load();
                        });
                result.cancelled = !result.ok && cancel->load();
            }
        }
        promise.addResult(std::move(result));
    });
}

} // namespace ud
