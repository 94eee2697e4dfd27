#include "members/MemberSearchIndex.h"
#include "store/Migrator.h"
#include "store/Sql.h"

namespace ud {

// Search and counting support for rosters of a million members.
//
// Names sort by pinyin: member.name_key holds each name's collation key (see NameSortKey).
//
// Names: SQLite's FTS5 trigram tokenizer matches nothing under three characters, yet clerks type a
// surname and one more character. So every one- and two-character piece of a name is indexed
// together with the name's sort key: the rows of one piece are stored in name order, which makes
// "members whose name contains 王, in name order, the next 128" one range read, and their count
// another. Longer queries read their first two-character piece and confirm with instr().
//
// ID numbers and mobiles are also stored reversed, so "the last four digits" is a prefix range on
// an index instead of a scan.
//
// member_tally keeps, per organisation, how many members there are of each status, employment
// form and verification state. Triggers keep it exact, so a count under any filter without a
// search text, and every subtree count, reads a few thousand tally rows instead of a million
// member rows.
bool applySchemaV2(const QSqlDatabase& db, QString* error)
{
    static const char* const script = R"sql(
CREATE TABLE member_name_gram (
    gram TEXT NOT NULL,
    name_key BLOB NOT NULL,
    member_local_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (gram, name_key, member_local_id)
) WITHOUT ROWID;
ALTER TABLE member ADD COLUMN name_key BLOB NOT NULL DEFAULT x'';
DROP INDEX member_name;
CREATE INDEX member_name_key ON member(name_key) WHERE deleted = 0;
ALTER TABLE member ADD COLUMN id_number_rev TEXT NOT NULL DEFAULT '';
ALTER TABLE member ADD COLUMN mobile_rev TEXT NOT NULL DEFAULT '';
CREATE INDEX member_id_number_rev ON member(id_number_rev) WHERE deleted = 0;
CREATE INDEX member_mobile_rev ON member(mobile_rev) WHERE deleted = 0;
CREATE TABLE member_tally (
    organisation_id TEXT NOT NULL,
    status TEXT NOT NULL,
    employment_form TEXT NOT NULL,
    verified INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, status, employment_form, verified)
) WITHOUT ROWID;
INSERT INTO member_tally(organisation_id, status, employment_form, verified, n)
    SELECT organisation_id, status, employment_form, verified, count(*) FROM member WHERE deleted = 0
    GROUP BY organisation_id, status, employment_form, verified;
CREATE TRIGGER member_tally_insert AFTER INSERT ON member WHEN new.deleted = 0
BEGIN
    INSERT INTO member_tally(organisation_id, status, employment_form, verified, n)
        VALUES(new.organisation_id, new.status, new.employment_form, new.verified, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER member_tally_delete AFTER DELETE ON member WHEN old.deleted = 0
BEGIN
    UPDATE member_tally SET n = n - 1 WHERE organisation_id = old.organisation_id AND status = old.status
        AND employment_form = old.employment_form AND verified = old.verified;
END;
CREATE TRIGGER member_tally_update AFTER UPDATE OF organisation_id, status, employment_form, verified, deleted ON member
BEGIN
    UPDATE member_tally SET n = n - 1 WHERE old.deleted = 0 AND organisation_id = old.organisation_id
        AND status = old.status AND employment_form = old.employment_form AND verified = old.verified;
    INSERT INTO member_tally(organisation_id, status, employment_form, verified, n)
        SELECT new.organisation_id, new.status, new.employment_form, new.verified, 1 WHERE new.deleted = 0
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
)sql";
    // SQLite has no reverse() and no pinyin, so the reversed columns, the sort keys and the name
    // pieces are filled from C++.
    return sql::runScript(db, QString::fromUtf8(script), error) && MemberSearchIndex::rebuild(db, error);
}

} // namespace ud
