#include "store/Migrator.h"
#include "store/Sql.h"

namespace ud {

// Import batches (issue #3): every import is kept as one batch the clerk can look at later and
// undo as a whole.
//
// import_batch records the file, the sheet, who imported it into which organisation and when, and
// whether and when it was undone. It is this desk's own record of its work: the members it brought
// travel to the server through the outbox like any other edit, the batch itself does not (it has
// the sync columns all the same, so a later version can share it without a migration).
// import_batch_member lists the members a batch created.
//
// outbox gains an index by record: undoing a batch that never synced drops the pending operations
// of each of its members, and an import is easily a hundred thousand of them.
bool applySchemaV6(const QSqlDatabase& db, QString* error)
{
    static const char* const script = R"sql(
CREATE TABLE import_batch (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisation(id),
    file_name TEXT NOT NULL DEFAULT '',
    sheet_name TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL DEFAULT '',
    member_count INTEGER NOT NULL DEFAULT 0,
    rejected_count INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT NOT NULL DEFAULT '',
    undone_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX import_batch_organisation ON import_batch(organisation_id, imported_at);
CREATE TABLE import_batch_member (
    batch_id TEXT NOT NULL REFERENCES import_batch(id),
    member_id TEXT NOT NULL,
    PRIMARY KEY (batch_id, member_id)
) WITHOUT ROWID;
CREATE INDEX outbox_record ON outbox(record_id);
)sql";
    return sql::runScript(db, QString::fromUtf8(script), error);
}

} // namespace ud
