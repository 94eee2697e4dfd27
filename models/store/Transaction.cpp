#include "store/Transaction.h"

#include "store/Sql.h"
#include "util/LogCategories.h"

namespace ud {

Transaction::Transaction(const QSqlDatabase& db)
    : m_db(db)
{
    // IMMEDIATE takes the write lock now: a second writer waits (busy_timeout) instead of failing
    // at commit time with half of its work done.
    m_active = sql::run(m_db, QStringLiteral("BEGIN IMMEDIATE"), &m_error);
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

bool Transaction::commit(QString* error)
{
    if (!m_active) {
        if (error)
            *error = m_error.isEmpty() ? QStringLiteral("no active transaction") : m_error;
        return false;
    }
    if (!sql::run(m_db, QStringLiteral("COMMIT"), &m_error)) {
        if (error)
            *error = m_error;
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    QString ignored;
    if (!sql::run(m_db, QStringLiteral("ROLLBACK"), &ignored))
        qCWarning(lcStore) << "rollback failed:" << ignored;
    m_active = false;
}

} // namespace ud
