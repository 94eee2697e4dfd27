#include "OrganisationDirectory.h"

#include "ServerDatabase.h"
#include "store/Sql.h"

#include <QSqlQuery>

namespace ud::server {

OrganisationDirectory::OrganisationDirectory(const ServerDatabase& database)
    : m_database(database)
{
}

OrganisationDirectory::Match OrganisationDirectory::select(const QString& condition, const QString& value,
                                                           OrganisationEntry* entry, int* count,
                                                           QString* error) const
{
    QSqlQuery query(m_database.db());
    if (!sql::execBound(
            query,
            QStringLiteral("SELECT id, COALESCE(parent_id, ''), path, name, status FROM organisation "
                           "WHERE deleted = 0 AND %1 = ? ORDER BY id")
                .arg(condition),
            {value}, error))
        return Match::Failed;
    int matches = 0;
    while (query.next()) {
        if (++matches == 1)
            *entry = {query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                      query.value(3).toString(), query.value(4).toString()};
    }
    if (count)
        *count = matches;
    return matches == 0 ? Match::None : matches == 1 ? Match::Found : Match::Several;
}

OrganisationDirectory::Match OrganisationDirectory::byId(const QString& id, OrganisationEntry* entry,
                                                         QString* error) const
{
    if (id.isEmpty())
        return Match::None;
    return select(QStringLiteral("id"), id, entry, nullptr, error);
}

OrganisationDirectory::Match OrganisationDirectory::byIdOrName(const QString& idOrName,
                                                               OrganisationEntry* entry, int* count,
                                                               QString* error) const
{
    if (count)
        *count = 0;
    const Match byIdMatch = byId(idOrName, entry, error);
    if (byIdMatch != Match::None)
        return byIdMatch;
    const QString name = idOrName.trimmed();
    if (name.isEmpty())
        return Match::None;
    return select(QStringLiteral("name"), name, entry, count, error);
}

QString OrganisationDirectory::problem(Match match, const QString& idOrName, int count)
{
    if (match == Match::Several)
        return tr("%1 organisations are named \"%2\"; give the id instead.").arg(count).arg(idOrName);
    return tr("No organisation \"%1\" on this server.").arg(idOrName);
}

} // namespace ud::server
