#include "export/ExportTask.h"

#include "store/Database.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace ud {

QFuture<ExportResult> ExportTask::run(const QString& storePath, const Scope& scope, const QString& path,
                                      const RosterExport::Options& options, const CancelFlag& cancel)
{
    return QtConcurrent::run([=](QPromise<ExportResult>& promise) {
        ExportResult result;
        result.path = path;
        {
            std::unique_ptr<Database> store =
                Database::open(storePath, Database::OpenMode::MustExist, &result.error);
            if (store) {
                bool ranged = false;
                result.ok = RosterExport::write(path, *store, scope, options, &result.count, &result.error,
                                                [&](int done, int total) {
                                                    if (!ranged) {
                                                        promise.setProgressRange(0, total);
                                                        ranged = true;
                                                    }
                                                    promise.setProgressValue(done);
                                                    return !cancel->load();
                                                });
                result.cancelled = !result.ok && cancel->load() && result.error.isEmpty();
            }
        } // the connection closes here, on the thread that opened it
        promise.addResult(std::move(result));
    });
}

} // namespace ud
