#include "store/Migrator.h"
#include "store/Sql.h"

namespace ud {

// Organisations and cadres (issue #4).
//
// organisation gains the legal-person registration (工会法人资格登记: certificate number and date).
//
// organisation_request keeps every set-up / change / dissolve request (设立 / 变更 / 注销) and its
// decision, never deleted: the history of an organisation is its requests. organisation_id is the
// organisation the request is about (the parent for a set-up); submitted_from is the organisation
// that submitted it, so only a level above that one may decide; proposed holds the submitted fields
// as JSON; created_organisation_id is the union an approved set-up made.
//
// cadre is one post held for one term (工会干部): the person (normally a member of that union), the
// organisation, the position, full-time or not, the term and how the person came to the post.
// ended_on is filled when the term is ended early or closed at the election of a successor.
bool applySchemaV4(const QSqlDatabase& db, QString* error)
{
    static const char* const script = R"sql(
ALTER TABLE organisation ADD COLUMN legal_person_number TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN legal_person_registered_on TEXT NOT NULL DEFAULT '';
CREATE INDEX organisation_credit_code ON organisation(credit_code) WHERE credit_code <> '';
CREATE TABLE organisation_request (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisation(id),
    submitted_from TEXT NOT NULL REFERENCES organisation(id),
    proposed TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT 'submitted',
    reason TEXT NOT NULL DEFAULT '',
    decision_reason TEXT NOT NULL DEFAULT '',
    created_organisation_id TEXT NOT NULL DEFAULT '',
    submitted_by TEXT NOT NULL DEFAULT '',
    submitted_at TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX organisation_request_organisation ON organisation_request(organisation_id, submitted_at);
CREATE INDEX organisation_request_from ON organisation_request(submitted_from, submitted_at);
CREATE INDEX organisation_request_state ON organisation_request(state, submitted_at) WHERE deleted = 0;
CREATE TABLE cadre (
    id TEXT PRIMARY KEY NOT NULL,
    member_id TEXT REFERENCES member(id),
    organisation_id TEXT NOT NULL REFERENCES organisation(id),
    name TEXT NOT NULL,
    position TEXT NOT NULL,
    full_time INTEGER NOT NULL DEFAULT 0,
    term_start TEXT NOT NULL,
    term_end TEXT NOT NULL DEFAULT '',
    ended_on TEXT NOT NULL DEFAULT '',
    elected_how TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cadre_organisation ON cadre(organisation_id, position) WHERE deleted = 0;
CREATE INDEX cadre_member ON cadre(member_id) WHERE deleted = 0;
CREATE INDEX cadre_term_end ON cadre(term_end) WHERE deleted = 0 AND ended_on = '';
)sql";
    return sql::runScript(db, QString::fromUtf8(script), error);
}

} // namespace ud
