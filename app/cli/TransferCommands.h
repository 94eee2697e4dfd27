#pragma once

#include <QString>
#include <QStringList>

namespace ud::cli {

class CliContext;

// `transfers out|hung|request-in|approve|reject|cancel|list|show|letter …`: membership transfers.
int runTransfers(CliContext& context, const QStringList& arguments);
// The lines of the usage text for `transfers`.
QString transfersUsage();

} // namespace ud::cli
