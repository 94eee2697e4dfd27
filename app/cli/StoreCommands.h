#pragma once

#include <QStringList>

namespace ud::cli {

class CliContext;

// `init --org-name NAME [--level LEVEL]`: a new store with its root organisation.
int runInit(CliContext& context, const QStringList& arguments);
// `demo --members N [--seed S]`: generated organisations and members.
int runDemo(CliContext& context, const QStringList& arguments);

} // namespace ud::cli
