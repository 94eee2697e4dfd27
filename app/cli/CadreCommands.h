#pragma once

#include <QStringList>

namespace ud::cli {

class CliContext;

// `cadres add|list|expiring|flagged|end …`
int runCadres(CliContext& context, const QStringList& arguments);

} // namespace ud::cli
