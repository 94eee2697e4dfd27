#pragma once

#include <QString>
#include <QStringList>

namespace ud::cli {

class CliContext;

// `orgs add|list|show|requests|request establish|change|dissolve|approve|reject|cancel …`
int runOrgs(CliContext& context, const QStringList& arguments);
// The lines of the usage text for `orgs` and `cadres`.
QString orgsAndCadresUsage();

} // namespace ud::cli
