#pragma once

#include <QStringList>

namespace ud::cli {

class CliContext;

// `members add|find|list|edit|status|history …`
int runMembers(CliContext& context, const QStringList& arguments);

} // namespace ud::cli
