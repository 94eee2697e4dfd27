#pragma once

#include <QSqlDatabase>

namespace ud::server {

class ServerDatabase;

// A savepoint around one write that a unique index may refuse (PostgreSQL only; SQLite's failed
// statement leaves its transaction usable). Rolling back to it keeps the transaction alive, so the
// refused statement can still be freed and the refusal answered, instead of every later statement
// failing with "current transaction is aborted". Call rollback() before the failed query goes.
class WriteSavepoint
{
public:
    explicit WriteSavepoint(const ServerDatabase& database);
    void release();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace ud::server
