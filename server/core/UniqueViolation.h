#pragma once

#include <QSqlError>
#include <QString>

namespace ud::server {

// Recognises which unique index refused a write, on either database, so a rule the database
// enforces (one membership per ID number, one chair, an operation applied once) can be answered as
// that rule rather than as a database error.
class UniqueViolation
{
public:
    // PostgreSQL names the index (`postgresIndex`); SQLite names the table and its columns
    // (`sqliteColumns`, e.g. "member.id_number").
    static bool matches(const QSqlError& error, const QString& postgresIndex, const QString& sqliteColumns);
};

} // namespace ud::server
