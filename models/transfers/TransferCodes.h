#pragma once

#include "domain/CodeList.h"

namespace ud::codes {

// The kinds of a membership transfer (server/API.md "Transfers"): out (hung at the level above),
// direct (straight to a named union), request (a union asks to take a member in).
const CodeList& transferKind();
// hung, requested, completed, rejected, cancelled, expired.
const CodeList& transferState();
// Why a member leaves: left-job, retired, unemployed, other. The first Chinese word of each is the
// one the transfer letter prints.
const CodeList& transferReason();

} // namespace ud::codes
