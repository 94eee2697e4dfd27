#include "UniqueViolation.h"

namespace ud::server {

bool UniqueViolation::matches(const QSqlError& error, const QString& postgresIndex,
                              const QString& sqliteColumns)
{
    const QString text = error.databaseText();
    if (error.nativeErrorCode() == QLatin1String("23505"))
        return text.contains(QLatin1Char('"') + postgresIndex + QLatin1Char('"'));
    return text.contains(QStringLiteral("UNIQUE constraint failed: ") + sqliteColumns);
}

} // namespace ud::server
