#pragma once

#include <QJsonObject>
#include <QStringList>

namespace ud {
struct ImportProblem;
}

namespace ud::cli {

class CliContext;

// `import PATH [--org ORG] [--sheet NAME] [--dry-run] [--json] [--problems FILE]`
int runImport(CliContext& context, const QStringList& arguments);
// One problem of an import as the --json output gives it: row, column, field, reason (and value).
QJsonObject problemToJson(const ImportProblem& problem, bool withValue);

} // namespace ud::cli
