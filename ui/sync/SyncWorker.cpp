#include "sync/SyncWorker.h"

#include "store/Database.h"

namespace ud {

SyncWorker::SyncWorker(QString storePath, const std::atomic_bool* cancel)
    : m_storePath(std::move(storePath))
    , m_cancel(cancel)
{
}

void SyncWorker::run(const sync::SyncOptions& options)
{
    QString error;
    std::unique_ptr<Database> store = Database::open(m_storePath, Database::OpenMode::MustExist, &error);
    if (!store) {
        emit finished(false, 0, 0, 0, error);
        return;
    }
    sync::SyncRunner runner(*store, options);
    runner.setCancelFlag(m_cancel);
    runner.setProgressHandler([this](const sync::SyncProgress& p) {
        emit progress(int(p.phase), p.pushed, p.pending, p.pulled, p.message);
    });
    const sync::SyncReport report = runner.run();
    emit finished(report.ok, report.pushed, report.pulled, report.conflicts, report.error);
}

} // namespace ud
