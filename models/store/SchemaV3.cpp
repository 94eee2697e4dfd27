#include "store/Migrator.h"
#include "store/Sql.h"

namespace ud {

// The audit log of personal-data access (see audit/AuditLog.h). Append-only: the triggers make an
// UPDATE or DELETE fail, and the hash chain shows any change made behind SQLite's back.
bool applySchemaV3(const QSqlDatabase& db, QString* error)
{
    static const char* const script = R"sql(
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    record_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    previous_hash TEXT NOT NULL DEFAULT '',
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
)sql";
    return sql::runScript(db, QString::fromUtf8(script), error);
}

} // namespace ud
