#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace ud {
struct ImportProblem;
}

namespace ud::cli {

class CliContext;

// `import PATH [--org ORG] [--sheet NAME] [--dry-run] [--json] [--problems FILE]`
int runImport(CliContext& context, const QStringList& arguments);
// One problem of an import as the --json output gives it: row, column, field, reason (and value).
QJsonObject problemToJson(const ImportProblem& problem, bool withValue);
// The --json result every import prints: {"imported", "rejected": […], "warnings": […]}.
QJsonObject importReport(int imported, const QList<ImportProblem>& problems);
// The problems one per line: "rejected: Row 4, column 身份证号码: …".
void printProblems(QTextStream& out, const QList<ImportProblem>& problems);

} // namespace ud::cli
