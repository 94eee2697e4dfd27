#include "DepartureLog.h"

#include "ChangeSequence.h"
#include "ServerDatabase.h"
#include "store/Sql.h"

#include <QSqlQuery>

namespace ud::server {

DepartureLog::DepartureLog(const ServerDatabase& database)
    : m_database(database)
{
}

bool DepartureLog::record(const QString& entity, const QString& id, const QString& fromPath,
                          QString* error) const
{
    const qint64 seq = ChangeSequence(m_database).next(error);
    if (seq < 0)
        return false;
    QSqlQuery insert(m_database.db());
    return sql::execBound(
        insert,
        QStringLiteral("INSERT INTO departure(seq, entity, record_id, from_path) VALUES (?, ?, ?, ?)"),
        {seq, entity, id, fromPath}, error);
}

} // namespace ud::server
