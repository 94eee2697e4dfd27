#include "ServerMigrator.h"

#include "ServerDatabase.h"
#include "ServerTransaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace ud::server {

namespace {

bool exec(const QSqlDatabase& db, const QString& statement, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    if (error)
        *error = query.lastError().text() + QStringLiteral(" [") + statement.simplified().left(80) +
                 QStringLiteral("]");
    return false;
}

// The one place where the dialects differ. Materialised paths compare byte by byte on both (so a
// subtree is the range [path, path + '0') whatever the server's locale).
struct ColumnTypes
{
    QString pathText;
};

ColumnTypes columnTypes(ServerDatabase::Dialect dialect)
{
    if (dialect == ServerDatabase::Dialect::Postgres)
        return {QStringLiteral("TEXT COLLATE \"C\"")};
    return {QStringLiteral("TEXT")};
}

} // namespace

ServerMigrator::ServerMigrator(ServerDatabase& database)
    : m_database(database)
{
}

int ServerMigrator::version(QString* error) const
{
    const QSqlDatabase db = m_database.db();
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) ||
        !query.next()) {
        if (error)
            *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

QStringList ServerMigrator::statementsFor(int version) const
{
    const ColumnTypes types = columnTypes(m_database.dialect());
    if (version == 1) {
        return {
            // Booleans are INTEGER 0/1 and timestamps ISO-8601 UTC text on both databases.
            QStringLiteral("CREATE TABLE organisation ("
                           " id TEXT PRIMARY KEY,"
                           " parent_id TEXT REFERENCES organisation(id),"
                           " path %1 NOT NULL UNIQUE,"
                           " level TEXT NOT NULL,"
                           " kind TEXT NOT NULL DEFAULT '',"
                           " name TEXT NOT NULL,"
                           " credit_code TEXT NOT NULL DEFAULT '',"
                           " status TEXT NOT NULL DEFAULT 'active',"
                           " version BIGINT NOT NULL DEFAULT 0,"
                           " updated_at TEXT NOT NULL,"
                           " updated_by TEXT NOT NULL,"
                           " deleted INTEGER NOT NULL DEFAULT 0)")
                .arg(types.pathText),
            QStringLiteral("CREATE INDEX organisation_parent ON organisation(parent_id)"),
            QStringLiteral("CREATE INDEX organisation_name ON organisation(name)"),
            QStringLiteral("CREATE INDEX organisation_version ON organisation(version)"),
            QStringLiteral(
                "CREATE TABLE account ("
                " id TEXT PRIMARY KEY,"
                " login TEXT NOT NULL UNIQUE,"
                " name TEXT NOT NULL DEFAULT '',"
                " password_hash TEXT NOT NULL,"
                " organisation_id TEXT NOT NULL REFERENCES organisation(id),"
                " role TEXT NOT NULL CHECK (role IN ('administrator', 'clerk', 'viewer', 'auditor')),"
                " disabled INTEGER NOT NULL DEFAULT 0,"
                " failed_logins INTEGER NOT NULL DEFAULT 0,"
                " locked_until TEXT,"
                " created_at TEXT NOT NULL)"),
            // Only a SHA-256 of each token is kept: a copy of the database opens no session.
            QStringLiteral("CREATE TABLE session ("
                           " token_hash TEXT PRIMARY KEY,"
                           " account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
                           " created_at TEXT NOT NULL,"
                           " last_used_at TEXT NOT NULL,"
                           " expires_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX session_account ON session(account_id)"),
            QStringLiteral("CREATE TABLE audit_log ("
                           " seq BIGINT PRIMARY KEY,"
                           " at TEXT NOT NULL,"
                           " actor TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " entity TEXT NOT NULL,"
                           " record_id TEXT NOT NULL,"
                           " detail TEXT NOT NULL,"
                           " prev_hash TEXT NOT NULL,"
                           " hash TEXT NOT NULL)"),
            // The server-wide change sequence: one row, bumped (and so locked) by every change.
            QStringLiteral("CREATE TABLE change_seq ("
                           " id INTEGER PRIMARY KEY CHECK (id = 1),"
                           " value BIGINT NOT NULL)"),
            QStringLiteral("INSERT INTO change_seq(id, value) VALUES (1, 0)"),
        };
    }
    return {};
}

bool ServerMigrator::migrate(QString* error, int* applied)
{
    if (applied)
        *applied = 0;
    const QSqlDatabase db = m_database.db();
    if (!db.tables().contains(QStringLiteral("schema_version")) &&
        !exec(db,
              QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                             " version BIGINT PRIMARY KEY,"
                             " applied_at TEXT NOT NULL)"),
              error))
        return false;

    ServerTransaction transaction(m_database);
    if (!transaction.isActive()) {
        if (error)
            *error = transaction.error();
        return false;
    }
    // Two servers starting together on one PostgreSQL: the second waits here, then finds the work done.
    if (m_database.dialect() == ServerDatabase::Dialect::Postgres &&
        !exec(db, QStringLiteral("LOCK TABLE schema_version IN EXCLUSIVE MODE"), error))
        return false;

    const int current = version(error);
    if (current < 0)
        return false;
    if (current > CurrentVersion) {
        if (error)
            *error = tr("The database is at schema version %1, newer than this server (%2).")
                         .arg(current)
                         .arg(CurrentVersion);
        return false;
    }
    int count = 0;
    for (int v = current + 1; v <= CurrentVersion; ++v) {
        for (const QString& statement : statementsFor(v)) {
            if (!exec(db, statement, error))
                return false;
        }
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)"));
        insert.addBindValue(v);
        insert.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (!insert.exec()) {
            if (error)
                *error = insert.lastError().text();
            return false;
        }
        ++count;
    }
    if (!transaction.commit(error))
        return false;
    if (applied)
        *applied = count;
    return true;
}

} // namespace ud::server
