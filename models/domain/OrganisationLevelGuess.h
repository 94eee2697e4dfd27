#pragma once

#include <QString>

namespace ud {

// Guesses an organisation's level (province, city, district, township or base) from its Chinese
// name, the way a clerk reads it: "…省总工会" is a province, "…市总工会" a city, "…区/县总工会" a
// district, a street, town or industrial park union a township, and a company or institution's
// union a base union. Used where nobody chose a level, e.g. `uniondesk-cli init`.
class OrganisationLevelGuess
{
public:
    // `fallback` when the name says nothing about the level.
    static QString fromName(const QString& name, const QString& fallback = QStringLiteral("city"));
};

} // namespace ud
