#pragma once

#include <QSqlQuery>
#include <QString>

#include <memory>

namespace ud::server {

class ServerDatabase;

// A statement its connection prepares once and executes again for every use. Qt's PostgreSQL driver
// sends PREPARE, EXECUTE and DEALLOCATE for each prepared QSqlQuery: three round trips where the push
// of one operation needs one, and the round trips are most of what a push costs (bench/README.md,
// "The push"). The query's result is finished when this goes, so it holds no rows or read lock into
// the next statement. A statement whose text is in use already (a nested use) gets a query of its own.
class ReusedQuery
{
public:
    ReusedQuery(const ServerDatabase& database, const QString& statement);
    ~ReusedQuery();
    ReusedQuery(const ReusedQuery&) = delete;
    ReusedQuery& operator=(const ReusedQuery&) = delete;

    // False with lastError() when the statement could not be prepared.
    bool isPrepared() const { return m_prepared; }
    QSqlQuery& query() { return *m_query; }
    QSqlQuery* operator->() { return m_query; }

private:
    QSqlQuery* m_query = nullptr;
    std::unique_ptr<QSqlQuery> m_own; // a nested use's, or a statement that failed to prepare
    bool* m_leased = nullptr;
    bool m_prepared = false;
};

} // namespace ud::server
