#include "WriteSavepoint.h"

#include "ServerDatabase.h"

#include <QSqlQuery>

namespace ud::server {

WriteSavepoint::WriteSavepoint(const ServerDatabase& database)
    : m_db(database.db())
{
    if (database.dialect() == ServerDatabase::Dialect::Postgres)
        m_active = QSqlQuery(m_db).exec(QStringLiteral("SAVEPOINT unique_write"));
}

void WriteSavepoint::release()
{
    if (m_active)
        QSqlQuery(m_db).exec(QStringLiteral("RELEASE SAVEPOINT unique_write"));
    m_active = false;
}

void WriteSavepoint::rollback()
{
    if (m_active)
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK TO SAVEPOINT unique_write"));
    m_active = false;
}

} // namespace ud::server
