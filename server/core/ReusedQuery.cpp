#include "ReusedQuery.h"

#include "ServerDatabase.h"

namespace ud::server {

namespace {

// An update names the columns it changes, so a long-running server meets ever more statements;
// each one kept costs memory here and in its PostgreSQL backend.
constexpr size_t kMostKept = 256;

} // namespace

ReusedQuery::ReusedQuery(const ServerDatabase& database, const QString& statement)
{
    auto& queries = database.m_queries;
    if (queries.size() >= kMostKept && queries.find(statement) == queries.end()) {
        for (auto it = queries.begin(); it != queries.end();)
            it = it->second.leased ? std::next(it) : queries.erase(it);
    }
    ServerDatabase::CachedQuery& cached = queries[statement];
    if (cached.query && !cached.leased) {
        m_query = cached.query.get();
        m_leased = &cached.leased;
        cached.leased = true;
        m_prepared = true;
        return;
    }
    auto query = std::make_unique<QSqlQuery>(database.db());
    m_prepared = query->prepare(statement);
    m_query = query.get();
    if (m_prepared && !cached.query) {
        // Kept only when it prepared: a statement refused now (say, inside a failed transaction)
        // is prepared afresh next time.
        cached.query = std::move(query);
        cached.leased = true;
        m_leased = &cached.leased;
    } else {
        m_own = std::move(query);
    }
}

ReusedQuery::~ReusedQuery()
{
    m_query->finish();
    if (m_leased)
        *m_leased = false;
}

} // namespace ud::server
