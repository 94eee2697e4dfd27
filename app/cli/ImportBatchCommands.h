#pragma once

#include <QStringList>

namespace ud::cli {

class CliContext;

// `imports list [--json]` and `imports undo BATCH [--json]`
int runImports(CliContext& context, const QStringList& arguments);

} // namespace ud::cli
