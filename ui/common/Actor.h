#pragma once

#include <QString>

namespace ud {

// The name this clerk's edits are signed with in a member's history and in sync: the name set in
// Settings, or else the operating system's user name.
QString currentActor();
QString systemUserName();

} // namespace ud
