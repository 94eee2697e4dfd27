#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ud {

// The organisation column of a roster (所在工会, as our export writes it): which organisation at or
// below the one an import is made for each name stands for. A name counts when exactly one
// organisation there bears it (spaces and full-width forms aside); "东街道工会/华兴机械有限公司工会"
// names one by its parents when the name alone is borne by several.
class OrganisationColumn
{
public:
    enum class Outcome
    {
        Found,
        Unknown,   // no organisation of the store bears the name
        Ambiguous, // several below the import's organisation do
        Outside,   // only organisations outside the import's organisation do
    };
    struct Match
    {
        Outcome outcome = Outcome::Unknown;
        QString organisationId; // when found
    };

    OrganisationColumn(const QSqlDatabase& db, const QString& rootId);

    Match resolve(const QString& name) const;
    const QString& rootName() const { return m_rootName; }
    // How a roster names the organisation so that resolve() finds it again, wherever the file is
    // imported: its name, preceded by its parents' ("和平街道工会/机关工会") as far as the name alone is
    // borne by several organisations of the store. Empty for an organisation the store does not hold.
    QString label(const QString& organisationId) const;

private:
    struct Organisation
    {
        QString id;
        int parent = -1; // index into m_organisations
        QString key;
        QString name;
        bool below = false; // at or below the import's organisation
    };
    // `keys`: the organisation's name last, its parents' before it.
    Match resolve(const QStringList& keys) const;
    bool endsWith(int organisation, const QStringList& keys) const;

    QString m_rootName;
    QList<Organisation> m_organisations;
    QMultiHash<QString, int> m_byKey;
    QHash<QString, int> m_byId;
};

} // namespace ud
