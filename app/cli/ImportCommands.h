#pragma once

#include <QStringList>

namespace ud::cli {

class CliContext;

// `import PATH [--org ORG] [--sheet NAME] [--dry-run] [--json] [--problems FILE]`
int runImport(CliContext& context, const QStringList& arguments);

} // namespace ud::cli
