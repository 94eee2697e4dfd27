#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace ud {

// A conjunction of SQL conditions with their bound values, kept together so no value is ever
// pasted into SQL text and the placeholders always line up with their values.
class WhereClause
{
public:
    void add(const QString& condition, const QVariantList& values = {});
    bool isEmpty() const { return m_conditions.isEmpty(); }
    // "WHERE a AND b" (or an empty string).
    QString sql() const;
    // "a AND b" (or "1").
    QString conditions() const;
    const QVariantList& values() const { return m_values; }

private:
    QStringList m_conditions;
    QVariantList m_values;
};

} // namespace ud
