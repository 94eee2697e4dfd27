#include "ServerMigrator.h"

#include "ServerDatabase.h"
#include "ServerTransaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

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

// Schema 2 (issue #5): the synced records, with the columns of ud::sync::entities() (the client's
// local tables have the same names). Every synced row carries the materialised path of the
// organisation it lies under, so a pull is one range per table, and field_versions, the change and
// the client that last wrote each field ({field: [version, clientId]}), which tells a conflict from
// a client's own second edit. No foreign keys between synced rows: the scope checks of a push
// decide what a record may point at.
QStringList syncTables(const ColumnTypes& types)
{
    const QString syncColumns = QStringLiteral(" path %1 NOT NULL,"
                                               " version BIGINT NOT NULL,"
                                               " updated_at TEXT NOT NULL,"
                                               " updated_by TEXT NOT NULL DEFAULT '',"
                                               " deleted INTEGER NOT NULL DEFAULT 0,"
                                               " field_versions TEXT NOT NULL DEFAULT '{}')")
                                    .arg(types.pathText);
    QStringList statements;
    for (const char* column : {"founded_on", "address", "contact", "industry", "legal_person_number",
                               "legal_person_registered_on"})
        statements.append(QStringLiteral("ALTER TABLE organisation ADD COLUMN %1 TEXT NOT NULL DEFAULT ''")
                              .arg(QLatin1String(column)));
    statements += {
        QStringLiteral("ALTER TABLE organisation ADD COLUMN headcount BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE organisation ADD COLUMN field_versions TEXT NOT NULL DEFAULT '{}'"),
        // The member's defaults are the client's (a resident ID card, an active membership).
        QStringLiteral("CREATE TABLE member ("
                       " id TEXT PRIMARY KEY,"
                       " organisation_id TEXT NOT NULL DEFAULT '',"
                       " name TEXT NOT NULL DEFAULT '',"
                       " gender TEXT NOT NULL DEFAULT '',"
                       " ethnicity TEXT NOT NULL DEFAULT '',"
                       " id_type TEXT NOT NULL DEFAULT 'resident',"
                       " id_number TEXT NOT NULL DEFAULT '',"
                       " birth_date TEXT NOT NULL DEFAULT '',"
                       " mobile TEXT NOT NULL DEFAULT '',"
                       " education TEXT NOT NULL DEFAULT '',"
                       " political_status TEXT NOT NULL DEFAULT '',"
                       " employer TEXT NOT NULL DEFAULT '',"
                       " job_title TEXT NOT NULL DEFAULT '',"
                       " industry TEXT NOT NULL DEFAULT '',"
                       " employment_form TEXT NOT NULL DEFAULT '',"
                       " household TEXT NOT NULL DEFAULT '',"
                       " join_date TEXT NOT NULL DEFAULT '',"
                       " card_number TEXT NOT NULL DEFAULT '',"
                       " status TEXT NOT NULL DEFAULT 'active',"
                       " verified INTEGER NOT NULL DEFAULT 0,"
                       " verified_method TEXT NOT NULL DEFAULT '',"
                       " verified_at TEXT NOT NULL DEFAULT '',"
                       " labour_model_level TEXT NOT NULL DEFAULT '',"
                       " hardship INTEGER NOT NULL DEFAULT 0,"
                       " notes TEXT NOT NULL DEFAULT '',") +
            syncColumns,
        QStringLiteral("CREATE TABLE member_event ("
                       " id TEXT PRIMARY KEY,"
                       " member_id TEXT NOT NULL DEFAULT '',"
                       " kind TEXT NOT NULL DEFAULT '',"
                       " occurred_on TEXT NOT NULL DEFAULT '',"
                       " from_status TEXT NOT NULL DEFAULT '',"
                       " to_status TEXT NOT NULL DEFAULT '',"
                       " reason TEXT NOT NULL DEFAULT '',"
                       " details TEXT NOT NULL DEFAULT '{}',") +
            syncColumns,
        QStringLiteral("CREATE TABLE cadre ("
                       " id TEXT PRIMARY KEY,"
                       " member_id TEXT,"
                       " organisation_id TEXT NOT NULL DEFAULT '',"
                       " name TEXT NOT NULL DEFAULT '',"
                       " position TEXT NOT NULL DEFAULT '',"
                       " full_time INTEGER NOT NULL DEFAULT 0,"
                       " term_start TEXT NOT NULL DEFAULT '',"
                       " term_end TEXT NOT NULL DEFAULT '',"
                       " ended_on TEXT NOT NULL DEFAULT '',"
                       " elected_how TEXT NOT NULL DEFAULT '',") +
            syncColumns,
        QStringLiteral("CREATE TABLE organisation_request ("
                       " id TEXT PRIMARY KEY,"
                       " kind TEXT NOT NULL DEFAULT '',"
                       " organisation_id TEXT NOT NULL DEFAULT '',"
                       " submitted_from TEXT NOT NULL DEFAULT '',"
                       " proposed TEXT NOT NULL DEFAULT '{}',"
                       " state TEXT NOT NULL DEFAULT 'submitted',"
                       " reason TEXT NOT NULL DEFAULT '',"
                       " decision_reason TEXT NOT NULL DEFAULT '',"
                       " created_organisation_id TEXT NOT NULL DEFAULT '',"
                       " submitted_by TEXT NOT NULL DEFAULT '',"
                       " submitted_at TEXT NOT NULL DEFAULT '',"
                       " decided_by TEXT NOT NULL DEFAULT '',"
                       " decided_at TEXT NOT NULL DEFAULT '',") +
            syncColumns,
    };
    for (const char* table : {"member", "member_event", "cadre", "organisation_request"}) {
        const QLatin1String name(table);
        statements.append(QStringLiteral("CREATE INDEX %1_version ON %1(version)").arg(name));
        statements.append(QStringLiteral("CREATE INDEX %1_path ON %1(path)").arg(name));
    }
    statements += {
        // One person, one membership, server-wide: the database itself refuses a second live row,
        // so two server instances cannot both insert one.
        QStringLiteral("CREATE UNIQUE INDEX member_id_number ON member(id_number) WHERE deleted = 0"),
        QStringLiteral("CREATE INDEX member_event_member ON member_event(member_id)"),
        QStringLiteral("CREATE INDEX cadre_member ON cadre(member_id)"),
        QStringLiteral("CREATE UNIQUE INDEX cadre_one_chair ON cadre(organisation_id)"
                       " WHERE position = 'chair' AND ended_on = '' AND deleted = 0"),
        // An operation is applied once, whichever instance receives it (and however often).
        QStringLiteral("CREATE TABLE applied_op ("
                       " op_id TEXT PRIMARY KEY,"
                       " account_id TEXT NOT NULL,"
                       " client_id TEXT NOT NULL,"
                       " entity TEXT NOT NULL,"
                       " record_id TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " result TEXT NOT NULL,"
                       " applied_at TEXT NOT NULL)"),
        // A record that left a path (a member moved to another organisation): accounts that saw it
        // there pull it as "gone". seq is a change_seq value like a version.
        QStringLiteral("CREATE TABLE departure ("
                       " seq BIGINT PRIMARY KEY,"
                       " entity TEXT NOT NULL,"
                       " record_id TEXT NOT NULL,"
                       " from_path %1 NOT NULL)")
            .arg(types.pathText),
        QStringLiteral("CREATE INDEX departure_from_path ON departure(from_path)"),
    };
    return statements;
}

// Schema 3 (issue #6): membership transfers. A transfer lies under three organisations: `path` is
// the holding organisation's (the generic sync code reads it), from_path and to_path the union the
// member leaves and the one taking her in ('' while unknown); each of the three sees the record.
// transfer_rule holds what an organisation decided once for all requests it holds.
QStringList transferTables(const ColumnTypes& types)
{
    return {
        QStringLiteral("CREATE TABLE transfer ("
                       " id TEXT PRIMARY KEY,"
                       " kind TEXT NOT NULL DEFAULT '',"
                       " member_id TEXT NOT NULL DEFAULT '',"
                       " id_number TEXT NOT NULL DEFAULT '',"
                       " member_name TEXT NOT NULL DEFAULT '',"
                       " from_organisation_id TEXT NOT NULL DEFAULT '',"
                       " from_name TEXT NOT NULL DEFAULT '',"
                       " holding_organisation_id TEXT NOT NULL DEFAULT '',"
                       " holding_name TEXT NOT NULL DEFAULT '',"
                       " to_organisation_id TEXT NOT NULL DEFAULT '',"
                       " to_name TEXT NOT NULL DEFAULT '',"
                       " reason TEXT NOT NULL DEFAULT '',"
                       " note TEXT NOT NULL DEFAULT '',"
                       " state TEXT NOT NULL DEFAULT '',"
                       " decision_reason TEXT NOT NULL DEFAULT '',"
                       " requested_at TEXT NOT NULL DEFAULT '',"
                       " requested_by TEXT NOT NULL DEFAULT '',"
                       " decided_at TEXT NOT NULL DEFAULT '',"
                       " decided_by TEXT NOT NULL DEFAULT '',"
                       " from_path %1 NOT NULL DEFAULT '',"
                       " to_path %1 NOT NULL DEFAULT '',"
                       " path %1 NOT NULL,"
                       " version BIGINT NOT NULL,"
                       " updated_at TEXT NOT NULL,"
                       " updated_by TEXT NOT NULL DEFAULT '',"
                       " deleted INTEGER NOT NULL DEFAULT 0,"
                       " field_versions TEXT NOT NULL DEFAULT '{}')")
            .arg(types.pathText),
        QStringLiteral("CREATE INDEX transfer_version ON transfer(version)"),
        QStringLiteral("CREATE INDEX transfer_path ON transfer(path)"),
        QStringLiteral("CREATE INDEX transfer_from_path ON transfer(from_path)"),
        QStringLiteral("CREATE INDEX transfer_to_path ON transfer(to_path)"),
        QStringLiteral("CREATE INDEX transfer_member ON transfer(member_id)"),
        QStringLiteral("CREATE TABLE transfer_rule ("
                       " organisation_id TEXT PRIMARY KEY,"
                       " auto_approve_hung INTEGER NOT NULL DEFAULT 0,"
                       " updated_at TEXT NOT NULL,"
                       " updated_by TEXT NOT NULL DEFAULT '')"),
    };
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
    if (version == 2)
        return syncTables(types);
    if (version == 3)
        return transferTables(types);
    return {};
}

bool ServerMigrator::migrate(QString* error, int* applied)
{
    return migrateTo(CurrentVersion, error, applied);
}

bool ServerMigrator::migrateTo(int target, QString* error, int* applied)
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
    for (int v = current + 1; v <= std::min(target, int(CurrentVersion)); ++v) {
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
