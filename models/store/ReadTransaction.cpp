#include "store/ReadTransaction.h"

#include "store/SqliteStatement.h"

#include <sqlite3.h>

namespace ud {

ReadTransaction::ReadTransaction(const QSqlDatabase& db)
    : m_db(db)
{
    sqlite3* handle = SqliteStatement::handleOf(db);
    if (handle && sqlite3_get_autocommit(handle))
        m_began = sqlite3_exec(handle, "BEGIN DEFERRED", nullptr, nullptr, nullptr) == SQLITE_OK;
}

ReadTransaction::~ReadTransaction()
{
    // Only reads ran inside it: ending it cannot lose anything.
    if (!m_began)
        return;
    sqlite3* handle = SqliteStatement::handleOf(m_db);
    if (handle && sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace ud
