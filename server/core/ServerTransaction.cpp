#include "ServerTransaction.h"

#include "ServerDatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ud::server {

bool ServerTransaction::begun(QString* error) const
{
    if (!m_active && error)
        *error = m_error;
    return m_active;
}

ServerTransaction::ServerTransaction(const ServerDatabase& database)
    : m_db(database.db())
{
    QSqlQuery query(m_db);
    const QString begin = database.dialect() == ServerDatabase::Dialect::Sqlite
                              ? QStringLiteral("BEGIN IMMEDIATE")
                              : QStringLiteral("BEGIN");
    m_active = query.exec(begin);
    if (!m_active)
        m_error = query.lastError().text();
}

ServerTransaction::~ServerTransaction()
{
    if (m_active) {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("ROLLBACK"));
    }
}

bool ServerTransaction::commit(QString* error)
{
    if (!m_active) {
        if (error)
            *error = m_error.isEmpty() ? QStringLiteral("no active transaction") : m_error;
        return false;
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        m_error = query.lastError().text();
        if (error)
            *error = m_error;
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        m_active = false;
        return false;
    }
    m_active = false;
    return true;
}

} // namespace ud::server
