#pragma once

#include "members/RosterFilter.h"

#include <QCoreApplication>
#include <QStringList>

namespace ud {

// A roster filter in words, one condition a line ("Status: Retained", "Search: “王”"), for the
// clerk to check what an export or a print will hold. The organisation is named by the caller.
class RosterFilterText
{
    Q_DECLARE_TR_FUNCTIONS(ud::RosterFilterText)

public:
    // Empty when nothing narrows the roster but the organisation.
    static QStringList conditions(const RosterFilter& filter);
};

} // namespace ud
