#pragma once

#include <QSqlDatabase>

namespace ud {

// Holds one read transaction over a run of many small reads (an import plan looks up every row's
// ID number and mobile): outside a transaction SQLite takes and drops its read lock around each
// statement, two system calls that cost more than the look-up itself. Does nothing when the
// connection is already inside a transaction, which covers the reads anyway.
class ReadTransaction
{
public:
    explicit ReadTransaction(const QSqlDatabase& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    QSqlDatabase m_db;
    bool m_began = false;
};

} // namespace ud
