#pragma once

#include "organisations/Organisation.h"

#include <QCoreApplication>
#include <QString>

namespace ud {

// Normalises an organisation's fields the way clerks type them (level and kind by key, English
// label or Chinese name; the credit code in any width or case) and reports the first problem as
// "Field: reason".
class OrganisationValidator
{
    Q_DECLARE_TR_FUNCTIONS(ud::OrganisationValidator)

public:
    static bool normaliseAndCheck(Organisation& org, QString* error);
};

} // namespace ud
