#include "store/WhereClause.h"

namespace ud {

void WhereClause::add(const QString& condition, const QVariantList& values)
{
    m_conditions.append(QLatin1Char('(') + condition + QLatin1Char(')'));
    m_values.append(values);
}

QString WhereClause::sql() const
{
    return isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions();
}

QString WhereClause::conditions() const
{
    return isEmpty() ? QStringLiteral("1") : m_conditions.join(QStringLiteral(" AND "));
}

} // namespace ud
