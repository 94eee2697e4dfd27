#pragma once

#include <QString>

namespace ud {

class Database;

// Times the subtree counts of uniondesk-bench: the counts of every organisation (the tree's
// second column, SubtreeCounter::all and OrganisationTreeModel::reload), of the largest district
// and of a base union (SubtreeCounter::of), each `repeats` times; with `sqlite3` set, the same
// tally SQL in the sqlite3 shell and the count a developer would write over the member rows,
// which also checks our totals. Returns the report's lines.
QString benchSubtreeCounts(Database& db, const QString& path, const QString& sqlite3, int repeats);

} // namespace ud
