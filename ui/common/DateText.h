#pragma once

#include <QDate>
#include <QString>

namespace ud {

// Dates as clerks type them: 2024-03-05, 2024/3/5, 2024.3.5, 20240305 or 2024年3月5日.
namespace datetext {

QDate parse(const QString& text);
// The ISO form of a recognised date; anything else comes back trimmed but unchanged, so the
// validator can name it.
QString normalise(const QString& text);

} // namespace datetext

} // namespace ud
