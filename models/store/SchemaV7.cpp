#include "store/Migrator.h"
#include "store/Sql.h"

namespace ud {

// Sync conflicts (issue #5): what the server answered that the clerk must decide.
//
// A field someone else changed since the version an edit was based on comes back from a push with
// the server's value; each such field is one row (field = its API name) holding both values as JSON
// text, until the clerk keeps one. An operation the server refused as a whole (outside the
// account's scope, a role that may not write) is one row with field '' and the operation itself in
// op, so it can be sent again. Rows are never deleted: resolved_at and resolution keep the history.
//
// At most one open row per record and field: a second conflict on the same field replaces the
// values of the first. The open rows of a record are looked up whenever a pulled change arrives
// for it (the fields they name are not overwritten), hence the index by record.
bool applySchemaV7(const QSqlDatabase& db, QString* error)
{
    static const char* const script = R"sql(
CREATE TABLE sync_conflict (
    id TEXT PRIMARY KEY NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL DEFAULT '',
    mine TEXT NOT NULL DEFAULT 'null',
    theirs TEXT NOT NULL DEFAULT 'null',
    server_version INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    op TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    resolved_at TEXT NOT NULL DEFAULT '',
    resolved_by TEXT NOT NULL DEFAULT '',
    resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_conflict_record ON sync_conflict(entity, record_id) WHERE resolved_at = '';
CREATE UNIQUE INDEX sync_conflict_open_field ON sync_conflict(entity, record_id, field)
    WHERE resolved_at = '' AND field <> '';
CREATE INDEX sync_conflict_open ON sync_conflict(created_at) WHERE resolved_at = '';
)sql";
    return sql::runScript(db, QString::fromUtf8(script), error);
}

} // namespace ud
