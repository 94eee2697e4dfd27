#include "store/Migrator.h"
#include "store/Sql.h"

namespace ud {

// Membership transfers (issue #6). A transfer names organisations this store may not hold (the
// township holding a hung member, the union taking her in), so its organisation columns are plain
// ids with the names beside them, not references; the member may have left the store too.
//
// member_snapshot is this store's own copy (never synced) of what the transfer letter prints about
// the member, taken while she was still here: after the sync that moves her away, the letter can
// still be printed with her full name.
bool applySchemaV8(const QSqlDatabase& db, QString* error)
{
    static const char* const script = R"sql(
CREATE TABLE transfer (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    member_id TEXT NOT NULL DEFAULT '',
    id_number TEXT NOT NULL DEFAULT '',
    member_name TEXT NOT NULL DEFAULT '',
    from_organisation_id TEXT NOT NULL DEFAULT '',
    from_name TEXT NOT NULL DEFAULT '',
    holding_organisation_id TEXT NOT NULL DEFAULT '',
    holding_name TEXT NOT NULL DEFAULT '',
    to_organisation_id TEXT NOT NULL DEFAULT '',
    to_name TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    decision_reason TEXT NOT NULL DEFAULT '',
    requested_at TEXT NOT NULL DEFAULT '',
    requested_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL DEFAULT '',
    member_snapshot TEXT NOT NULL DEFAULT '{}',
    version INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX transfer_member ON transfer(member_id);
CREATE INDEX transfer_id_number ON transfer(id_number);
CREATE INDEX transfer_state ON transfer(state, requested_at) WHERE deleted = 0;
)sql";
    return sql::runScript(db, QString::fromUtf8(script), error);
}

} // namespace ud
