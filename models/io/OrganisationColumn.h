#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace ud {

// The organisation column of a roster (所在工会, as our export writes it): which organisation at or
// below the one an import is made for each name stands for. A name counts when exactly one
// organisation there bears it (spaces and full-width forms aside); several 第一分会 under different
// parents are no answer, and neither is an organisation outside.
class OrganisationColumn
{
public:
    OrganisationColumn(const QSqlDatabase& db, const QString& rootId);

    // The organisation's id, or empty when `name` names none there or several.
    QString resolve(const QString& name) const;
    const QString& rootName() const { return m_rootName; }

private:
    static QString key(const QString& name);

    QString m_rootName;
    QHash<QString, QString> m_ids; // key → id; an empty id for a name several bear
};

} // namespace ud
