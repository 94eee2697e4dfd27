#include "ChangeSequence.h"

#include "ServerDatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ud::server {

ChangeSequence::ChangeSequence(const ServerDatabase& database)
    : m_database(database)
{
}

bool ChangeSequence::lock(QString* error) const
{
    if (m_database.dialect() != ServerDatabase::Dialect::Postgres)
        return true;
    QSqlQuery query(m_database.db());
    if (query.exec(QStringLiteral("SELECT value FROM change_seq WHERE id = 1 FOR UPDATE")))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

qint64 ChangeSequence::next(QString* error) const
{
    QSqlQuery query(m_database.db());
    if (!query.exec(QStringLiteral("UPDATE change_seq SET value = value + 1 WHERE id = 1 RETURNING value")) ||
        !query.next()) {
        if (error)
            *error = query.lastError().text().isEmpty() ? QStringLiteral("change_seq has no row")
                                                        : query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

} // namespace ud::server
