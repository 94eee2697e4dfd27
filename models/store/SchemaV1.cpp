#include "store/Migrator.h"
#include "store/Sql.h"

namespace ud {

// Every synced table carries its UUID key and the sync columns of DESIGN.md: version (the server's
// sequence number of the last change, 0 until synced), updated_at, updated_by and deleted (a
// tombstone; synced rows are never hard-deleted). Text columns are NOT NULL with '' as "unknown" so
// keyset paging can compare (value, key) pairs without NULL special cases. Dates are ISO text.
bool applySchemaV1(const QSqlDatabase& db, QString* error)
{
    static const char* const script = R"sql(
CREATE TABLE store_meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE organisation (
    id TEXT PRIMARY KEY NOT NULL,
    parent_id TEXT REFERENCES organisation(id),
    path TEXT NOT NULL,
    level TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    credit_code TEXT NOT NULL DEFAULT '',
    founded_on TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    industry TEXT NOT NULL DEFAULT '',
    headcount INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'active',
    version INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX organisation_path ON organisation(path);
CREATE INDEX organisation_parent ON organisation(parent_id);
CREATE INDEX organisation_name ON organisation(name);
CREATE TABLE member (
    local_id INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    organisation_id TEXT NOT NULL REFERENCES organisation(id),
    name TEXT NOT NULL,
    gender TEXT NOT NULL DEFAULT '',
    ethnicity TEXT NOT NULL DEFAULT '',
    id_type TEXT NOT NULL DEFAULT 'resident',
    id_number TEXT NOT NULL,
    birth_date TEXT NOT NULL DEFAULT '',
    mobile TEXT NOT NULL DEFAULT '',
    education TEXT NOT NULL DEFAULT '',
    political_status TEXT NOT NULL DEFAULT '',
    employer TEXT NOT NULL DEFAULT '',
    job_title TEXT NOT NULL DEFAULT '',
    industry TEXT NOT NULL DEFAULT '',
    employment_form TEXT NOT NULL DEFAULT '',
    household TEXT NOT NULL DEFAULT '',
    join_date TEXT NOT NULL DEFAULT '',
    card_number TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active',
    verified INTEGER NOT NULL DEFAULT 0,
    verified_method TEXT NOT NULL DEFAULT '',
    verified_at TEXT NOT NULL DEFAULT '',
    labour_model_level TEXT NOT NULL DEFAULT '',
    hardship INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX member_id_number ON member(id_number) WHERE deleted = 0;
CREATE INDEX member_name ON member(name) WHERE deleted = 0;
CREATE INDEX member_organisation ON member(organisation_id, status) WHERE deleted = 0;
CREATE INDEX member_status ON member(status) WHERE deleted = 0;
CREATE INDEX member_mobile ON member(mobile) WHERE deleted = 0;
CREATE INDEX member_card ON member(card_number) WHERE deleted = 0;
CREATE INDEX member_join_date ON member(join_date) WHERE deleted = 0;
CREATE TABLE member_event (
    id TEXT PRIMARY KEY NOT NULL,
    member_id TEXT NOT NULL REFERENCES member(id),
    kind TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    from_status TEXT NOT NULL DEFAULT '',
    to_status TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '{}',
    version INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX member_event_member ON member_event(member_id, occurred_on);
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    fields TEXT NOT NULL,
    is_delete INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
)sql";
    return sql::runScript(db, QString::fromUtf8(script), error);
}

} // namespace ud
