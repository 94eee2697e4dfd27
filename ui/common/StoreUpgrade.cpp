#include "common/StoreUpgrade.h"

#include "store/Database.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace ud {

bool StoreUpgrade::runIfNeeded(const QString& path, QWidget* parent, QString* error)
{
    if (!Database::needsUpgrade(path))
        return true;
    QProgressDialog progress(tr("Upgrading the data file for this version of UnionDesk…\n"
                                "This happens once; with a large roster it can take a minute."),
                             QString(), 0, 0, parent);
    progress.setWindowTitle(tr("UnionDesk"));
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setMinimumDuration(0);
    progress.setCancelButton(nullptr);
    progress.show();

    // The worker opens (and so migrates) the store on its own connection and closes it there.
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([path] {
        QString message;
        const std::unique_ptr<Database> store = Database::open(path, Database::OpenMode::MustExist, &message);
        return store ? QString() : message;
    }));
    if (!watcher.isFinished())
        loop.exec();
    progress.close();
    const QString message = watcher.result();
    if (!message.isEmpty() && error)
        *error = message;
    return message.isEmpty();
}

} // namespace ud
