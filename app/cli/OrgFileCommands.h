#pragma once

#include <QStringList>

namespace ud::cli {

class CliContext;

// `orgs import PATH [--parent ORG] [--sheet NAME] [--dry-run] [--json]`
int runOrgImport(CliContext& context, const QStringList& arguments);
// `orgs export PATH [--under ORG]`
int runOrgExport(CliContext& context, const QStringList& arguments);

} // namespace ud::cli
