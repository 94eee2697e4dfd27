#pragma once

#include <QString>

#include <optional>

namespace ud {

// What the clerk narrowed the roster to. Empty strings mean "any".
struct RosterFilter
{
    QString search;            // a name fragment, ID number (full or last digits), mobile or card number
    QString organisationPath;  // a subtree inside the session's scope; empty = the whole scope
    QString status;            // a key of codes::memberStatus()
    QString employmentForm;    // a key of codes::employmentForm()
    std::optional<bool> verified;

    bool operator==(const RosterFilter&) const = default;
};

} // namespace ud
