#include "io/OrganisationColumn.h"

#include "domain/TextNormaliser.h"
#include "store/Scope.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace ud {

OrganisationColumn::OrganisationColumn(const QSqlDatabase& db, const QString& rootId)
{
    QSqlQuery root(db);
    root.prepare(QStringLiteral("SELECT name, path FROM organisation WHERE id = ?"));
    root.addBindValue(rootId);
    if (!root.exec() || !root.next())
        return;
    m_rootName = root.value(0).toString();
    const QString path = root.value(1).toString();
    const QString upper = Scope::upperBound(path);
    // A union's store holds its own tree (thousands of organisations at most): all of it is read, so
    // that a name outside the import's organisation can be told from a name nobody bears.
    QSqlQuery all(db);
    if (!all.exec(QStringLiteral("SELECT id, parent_id, name, path FROM organisation WHERE deleted = 0")))
        return;
    QList<QString> parents;
    while (all.next()) {
        const QString p = all.value(3).toString();
        const QString name = all.value(2).toString();
        m_byId.insert(all.value(0).toString(), static_cast<int>(m_organisations.size()));
        parents.append(all.value(1).toString());
        m_organisations.append(
            {all.value(0).toString(), -1, TextNormaliser::withoutSpaces(name), name, p >= path && p < upper});
    }
    for (qsizetype i = 0; i < m_organisations.size(); ++i) {
        m_organisations[i].parent = m_byId.value(parents.at(i), -1);
        m_byKey.insert(m_organisations.at(i).key, static_cast<int>(i));
    }
}

OrganisationColumn::Match OrganisationColumn::resolve(const QString& name) const
{
    // The name as it stands first (a name may hold a slash), then as a path of parents.
    const Match whole = resolve(QStringList{TextNormaliser::withoutSpaces(name)});
    if (whole.outcome != Outcome::Unknown)
        return whole;
    static const QRegularExpression separators(QStringLiteral("[/\\\\>]"));
    QStringList keys;
    for (const QString& part : TextNormaliser::normalise(name).split(separators, Qt::SkipEmptyParts)) {
        const QString k = TextNormaliser::withoutSpaces(part);
        if (!k.isEmpty())
            keys.append(k);
    }
    return keys.size() > 1 ? resolve(keys) : whole;
}

OrganisationColumn::Match OrganisationColumn::resolve(const QStringList& keys) const
{
    if (keys.isEmpty() || keys.last().isEmpty())
        return {};
    QList<int> below;
    bool outside = false;
    for (const int candidate : m_byKey.values(keys.last())) {
        if (!endsWith(candidate, keys))
            continue;
        if (m_organisations.at(candidate).below)
            below.append(candidate);
        else
            outside = true;
    }
    if (below.size() == 1)
        return {Outcome::Found, m_organisations.at(below.first()).id};
    if (below.size() > 1)
        return {Outcome::Ambiguous, {}};
    return {outside ? Outcome::Outside : Outcome::Unknown, {}};
}

QString OrganisationColumn::label(const QString& organisationId) const
{
    const int organisation = m_byId.value(organisationId, -1);
    if (organisation < 0)
        return {};
    QStringList keys{m_organisations.at(organisation).key};
    QStringList names{m_organisations.at(organisation).name};
    auto bearers = [&] {
        int count = 0;
        for (const int candidate : m_byKey.values(keys.last()))
            count += endsWith(candidate, keys) ? 1 : 0;
        return count;
    };
    for (int parent = m_organisations.at(organisation).parent; parent >= 0 && bearers() > 1;
         parent = m_organisations.at(parent).parent) {
        keys.prepend(m_organisations.at(parent).key);
        names.prepend(m_organisations.at(parent).name);
    }
    return names.join(QLatin1Char('/'));
}

bool OrganisationColumn::endsWith(int organisation, const QStringList& keys) const
{
    // The organisation's own name is the last key; each key before it names the next parent up.
    for (qsizetype k = keys.size() - 1; k >= 0; --k) {
        if (organisation < 0 || m_organisations.at(organisation).key != keys.at(k))
            return false;
        organisation = m_organisations.at(organisation).parent;
    }
    return true;
}

} // namespace ud
