#include "store/Migrator.h"
#include "store/Sql.h"

namespace ud {

// The name pieces learn which organisation their member belongs to.
//
// A surname typed while a whole district is selected matches some 70,000 pieces of a
// million-member store; counting them meant visiting every one of those members only to read its
// organisation. With the organisation beside the piece, the count and the page skip the pieces of
// other districts without touching a member row. MemberSearchIndex keeps the column current
// whenever a member's name or organisation changes.
//
// The table is built again in key order rather than altered and updated in place: writing
// millions of rows in order is several times quicker than rewriting each one where it lies.
bool applySchemaV5(const QSqlDatabase& db, QString* error)
{
    static const char* const script = R"sql(
CREATE TABLE member_name_gram_v5 (
    gram TEXT NOT NULL,
    name_key BLOB NOT NULL,
    member_local_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    PRIMARY KEY (gram, name_key, member_local_id)
) WITHOUT ROWID;
INSERT INTO member_name_gram_v5(gram, name_key, member_local_id, name, organisation_id)
    SELECT g.gram, g.name_key, g.member_local_id, g.name, m.organisation_id
    FROM member_name_gram g JOIN member m ON m.local_id = g.member_local_id
    ORDER BY g.gram, g.name_key, g.member_local_id;
DROP TABLE member_name_gram;
ALTER TABLE member_name_gram_v5 RENAME TO member_name_gram;
)sql";
    return sql::runScript(db, QString::fromUtf8(script), error);
}

} // namespace ud
