#pragma once

#include <QString>
#include <QStringList>

namespace ud::cli {

class CliContext;

// `sync --server URL --user LOGIN --password-file FILE [--json]`: one sync run with the server.
int runSync(CliContext& context, const QStringList& arguments);
// `conflicts list [--json]` and `conflicts resolve ID --keep mine|theirs`.
int runConflicts(CliContext& context, const QStringList& arguments);
// The lines of the usage text for `sync` and `conflicts`.
QString syncUsage();

} // namespace ud::cli
