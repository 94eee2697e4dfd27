#pragma once

#include <QStringList>

namespace ud::cli {

class CliContext;

// `export PATH [--org ORG] [--unmasked]` and `export PATH --template`
int runExport(CliContext& context, const QStringList& arguments);

} // namespace ud::cli
