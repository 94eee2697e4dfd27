#pragma once

#include "SessionAccount.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace ud::server {

class ServerDatabase;

// The sync hub of DESIGN.md ("Sync contract"): applies pushed operations and pages out changes, for
// one account, on one connection. It holds no state between calls, so any number of server
// instances can serve the same clients on one PostgreSQL: applying an operation once, one
// membership per ID number and the order of changes are all kept by the database.
class SyncService
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::SyncService)

public:
    static constexpr int DefaultPullLimit = 1000;
    static constexpr int MaxPullLimit = 5000;
    static constexpr int MaxPushOperations = 1000;

    SyncService(ServerDatabase& database, SessionAccount account);

    // `request` is the body of POST /api/v1/sync/push: {"clientId", "operations": [...]}. Returns
    // the answer body {"results": [...]}, one result per operation in order. Each operation is
    // applied in its own transaction. A malformed request (not an object, no operations array, too
    // many operations) returns false with a reason for a 400 answer; a malformed single operation
    // is only that operation's "rejected".
    bool push(const QJsonObject& request, QJsonObject* answer, QString* error);

    // The body of GET /api/v1/sync/pull?cursor=C&limit=N: {"changes", "cursor", "more"}. A limit
    // outside 1..MaxPullLimit is clamped; a negative cursor is an error (400).
    bool pull(qint64 cursor, int limit, QJsonObject* answer, QString* error);

    // After a false return: whether the request itself was wrong (a 400 for the client to read) or
    // the database failed (a 5xx the client tries again later, without the SQL text).
    bool failedOnRequest() const { return m_requestFault; }

private:
    bool requestFault(QString* error, const QString& reason);

    bool m_requestFault = false;
    ServerDatabase& m_database;
    SessionAccount m_account;
};

} // namespace ud::server
