#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace ud {
struct ImportProblem;
struct Workbook;
} // namespace ud

namespace ud::cli {

class CliContext;

// `--password-file FILE`, for the commands that read a workbook which may have a password to open.
void addPasswordFileOption(QCommandLineParser& parser);
// Reads the workbook at `path` with the password of --password-file when it is given; on failure
// *error says why (with how to give a password when one is needed) and false is returned. A
// password file that cannot be read has been reported on stderr already.
bool readWorkbook(CliContext& context, const QCommandLineParser& parser, const QString& path,
                  Workbook* workbook, QString* error);

// `import PATH [--org ORG] [--sheet NAME] [--dry-run] [--json] [--problems FILE] [--password-file FILE]`
int runImport(CliContext& context, const QStringList& arguments);
// One problem of an import as the --json output gives it: row, column, field, reason (and value).
QJsonObject problemToJson(const ImportProblem& problem, bool withValue);
// The --json result every import prints: {"imported", "rejected": […], "warnings": […]}.
QJsonObject importReport(int imported, const QList<ImportProblem>& problems);
// The problems one per line: "rejected: Row 4, column 身份证号码: …". A note about a whole column
// (on `headerRow`, 1-based; -1 for none) names the column alone.
void printProblems(QTextStream& out, const QList<ImportProblem>& problems, int headerRow = -1);

} // namespace ud::cli
