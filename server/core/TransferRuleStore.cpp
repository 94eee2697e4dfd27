#include "TransferRuleStore.h"

#include "ServerDatabase.h"
#include "store/Sql.h"
#include "util/Clock.h"

#include <QSqlQuery>

namespace ud::server {

TransferRuleStore::TransferRuleStore(const ServerDatabase& database)
    : m_database(database)
{
}

bool TransferRuleStore::autoApprovesHung(const QString& organisationId, bool* yes, QString* error) const
{
    QSqlQuery query(m_database.db());
    if (!sql::execBound(
            query, QStringLiteral("SELECT auto_approve_hung FROM transfer_rule WHERE organisation_id = ?"),
            {organisationId}, error))
        return false;
    *yes = query.next() && query.value(0).toLongLong() != 0;
    return true;
}

bool TransferRuleStore::setAutoApproveHung(const QString& organisationId, bool yes, const QString& actor,
                                           QString* error) const
{
    // ON CONFLICT … DO UPDATE: SQLite (3.24 and later) and PostgreSQL alike.
    QSqlQuery query(m_database.db());
    return sql::execBound(
        query,
        QStringLiteral("INSERT INTO transfer_rule(organisation_id, auto_approve_hung, updated_at, "
                       "updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (organisation_id) DO "
                       "UPDATE SET auto_approve_hung = excluded.auto_approve_hung, "
                       "updated_at = excluded.updated_at, updated_by = excluded.updated_by"),
        {organisationId, yes ? 1 : 0, Clock::nowIso(), actor}, error);
}

} // namespace ud::server
