#pragma once

#include "sync/SyncRunner.h"

#include <QObject>
#include <QString>

#include <atomic>

namespace ud {

// Runs one sync on the sync thread, with a connection of its own to the data file (a Database is
// used only on the thread that opened it), and reports back through queued signals.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    SyncWorker(QString storePath, const std::atomic_bool* cancel);

    // Call on the worker's thread (QMetaObject::invokeMethod).
    void run(const sync::SyncOptions& options);

signals:
    void progress(int phase, qint64 pushed, qint64 pending, qint64 pulled, const QString& message);
    void finished(bool ok, qint64 pushed, qint64 pulled, qint64 conflicts, const QString& error);

private:
    QString m_storePath;
    const std::atomic_bool* m_cancel;
};

} // namespace ud
