#include "store/Transaction.h"

#include "store/Database.h"
#include "store/Sql.h"
#include "util/LogCategories.h"

#include <QHash>

namespace ud {

// Every statement here goes through the statement cache: an import opens a savepoint per member.
namespace {

// Per connection name: how many Transactions are open inside an outer one that allows savepoints
// (a connection is used by one thread only).
QHash<QString, int>& savepointDepths()
{
    thread_local QHash<QString, int> depths;
    return depths;
}

} // namespace

Transaction::Transaction(const QSqlDatabase& db, Nesting nesting)
    : m_db(db)
{
    QHash<QString, int>& depths = savepointDepths();
    const QString name = m_db.connectionName();
    if (const int depth = depths.value(name); depth > 0) {
        m_savepoint = QStringLiteral("ud_savepoint_%1").arg(depth);
        m_active = sql::runCached(m_db, QStringLiteral("SAVEPOINT ") + m_savepoint, &m_error);
        if (m_active)
            depths[name] = depth + 1;
        return;
    }
    // IMMEDIATE takes the write lock now: a second writer waits (busy_timeout) instead of failing
    // at commit time with half of its work done.
    m_active = sql::runCached(m_db, QStringLiteral("BEGIN IMMEDIATE"), &m_error);
    // Still locked after the busy timeout: another program (a second UnionDesk, a backup tool,
    // the sqlite3 shell) is writing to the file.
    if (!m_active && m_error.contains(QLatin1String("database is locked")))
        m_error = Database::tr("The data file is in use by another program that is writing to it; close "
                               "that program (or wait for it to finish) and try again.");
    if (m_active && nesting == Nesting::AllowSavepoints) {
        m_allowsSavepoints = true;
        depths[name] = 1;
    }
}

void Transaction::finished()
{
    m_active = false;
    if (m_savepoint.isEmpty() && !m_allowsSavepoints)
        return;
    QHash<QString, int>& depths = savepointDepths();
    const QString name = m_db.connectionName();
    if (--depths[name] <= 0)
        depths.remove(name);
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
    const QString statement =
        m_savepoint.isEmpty() ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + m_savepoint;
    if (!sql::runCached(m_db, statement, &m_error)) {
        if (error)
            *error = m_error;
        rollback();
        return false;
    }
    finished();
    return true;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    QString ignored;
    if (m_savepoint.isEmpty()) {
        // A failed COMMIT (a full disk) has already rolled back: SQLite ends the transaction itself.
        if (!sql::runCached(m_db, QStringLiteral("ROLLBACK"), &ignored) &&
            !ignored.contains(QLatin1String("no transaction is active")))
            qCWarning(lcStore) << "rollback failed:" << ignored;
    } else if (!sql::runCached(m_db, QStringLiteral("ROLLBACK TO ") + m_savepoint, &ignored) ||
               !sql::runCached(m_db, QStringLiteral("RELEASE ") + m_savepoint, &ignored)) {
        qCWarning(lcStore) << "rollback to a savepoint failed:" << ignored;
    }
    finished();
}

} // namespace ud
