#pragma once

#include "import/ImportTasks.h"
#include "io/RosterExport.h"
#include "store/Scope.h"

#include <QFuture>
#include <QString>

namespace ud {

struct ExportResult
{
    bool ok = false;
    bool cancelled = false; // nothing was written
    int count = 0;
    QString path;
    QString error;
};

// RosterExport::write on a worker thread of the global pool, with progress reported through the
// future (range = the members to export). The worker opens its own Database on `storePath` (a
// connection belongs to the thread that opened it) and closes it before it returns. Raising
// `cancel` stops it at its next few hundred rows and leaves no file behind.
class ExportTask
{
public:
    static QFuture<ExportResult> run(const QString& storePath, const Scope& scope, const QString& path,
                                     const RosterExport::Options& options, const CancelFlag& cancel);
};

} // namespace ud
