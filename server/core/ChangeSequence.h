#pragma once

#include <QString>

namespace ud::server {

class ServerDatabase;

// The server-wide change sequence (table change_seq), used inside the caller's transaction. On
// PostgreSQL its one row is locked by the first writer until commit, so writers take their numbers
// one after another and a number becomes visible only after every smaller one: a pull cursor never
// skips a change that commits late. On SQLite the write lock of BEGIN IMMEDIATE does the same.
class ChangeSequence
{
public:
    explicit ChangeSequence(const ServerDatabase& database);

    // Waits for the sequence's lock (PostgreSQL; SQLite's transaction holds it already).
    bool lock(QString* error) const;
    // The next value, or -1 with `error` set.
    qint64 next(QString* error) const;

private:
    const ServerDatabase& m_database;
};

} // namespace ud::server
