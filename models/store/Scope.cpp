#include "store/Scope.h"

namespace ud {

Scope::Scope(QString organisationId, QString path)
    : m_organisationId(std::move(organisationId))
    , m_path(std::move(path))
{
}

Scope Scope::wholeStore(QString rootOrganisationId, QString rootPath)
{
    Scope scope(std::move(rootOrganisationId), std::move(rootPath));
    scope.m_wholeStore = true;
    return scope;
}

QString Scope::upperBound(const QString& path)
{
    // Paths end with '/', and '0' is the character right after '/': every descendant's path starts
    // with `path`, so it sorts below `path` with its final '/' turned into '0'.
    QString upper = path;
    if (!upper.isEmpty())
        upper[upper.size() - 1] = QChar(upper.at(upper.size() - 1).unicode() + 1);
    return upper;
}

void Scope::restrictOrganisations(WhereClause& where, const QString& alias) const
{
    where.add(QStringLiteral("%1.path >= ? AND %1.path < ?").arg(alias), {m_path, upperBound(m_path)});
}

void Scope::restrictByOrganisationColumn(WhereClause& where, const QString& column) const
{
    if (m_wholeStore)
        return;
    where.add(QStringLiteral("%1 IN (SELECT id FROM organisation WHERE path >= ? AND path < ?)").arg(column),
              {m_path, upperBound(m_path)});
}

bool Scope::contains(const QString& path) const
{
    return isValid() && path.startsWith(m_path);
}

} // namespace ud
