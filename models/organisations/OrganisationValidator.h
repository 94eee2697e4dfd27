#pragma once

#include "organisations/Organisation.h"

#include <QCoreApplication>
#include <QJsonValue>
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
    // The label of a field by its API name (Organisation::toFields()), for summaries of a change.
    static QString fieldLabel(const QString& field);
    // A proposed field's value as a clerk reads it (level and kind by their labels).
    static QString displayValue(const QString& field, const QJsonValue& value);
};

} // namespace ud
