#include "ServerReadSnapshot.h"

#include "ServerDatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ud::server {

ServerReadSnapshot::ServerReadSnapshot(const ServerDatabase& database)
    : m_db(database.db())
{
    QSqlQuery query(m_db);
    const QString begin = database.dialect() == ServerDatabase::Dialect::Postgres
                              ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                              : QStringLiteral("BEGIN DEFERRED");
    m_active = query.exec(begin);
    if (!m_active)
        m_error = query.lastError().text();
}

ServerReadSnapshot::~ServerReadSnapshot()
{
    if (m_active) {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("ROLLBACK"));
    }
}

} // namespace ud::server
