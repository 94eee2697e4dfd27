#pragma once

#include "ApiRequest.h"
#include "SessionAccount.h"
#include "SessionService.h"

#include <QCoreApplication>
#include <QHttpServerResponse>
#include <QString>

namespace ud::server {

class ServerDatabase;
class ThreadDatabases;

// The answer to each call of DESIGN.md's API table. Called on any thread, several at once: each
// call works on its own thread's connection (ThreadDatabases), and nothing is kept between calls:
// the sessions, locks and records are in the database.
class ApiHandlers
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::ApiHandlers)

public:
    ApiHandlers(ThreadDatabases& databases, SessionPolicy policy);

    // The bearer token's account; invalid without a valid token. `error` is set when the database
    // failed instead (an answer of 500, not 401).
    SessionAccount authenticate(const ApiRequest& request, QString* error);

    QHttpServerResponse createSession(const ApiRequest& request);
    QHttpServerResponse deleteSession(const ApiRequest& request);
    QHttpServerResponse push(const ApiRequest& request, const SessionAccount& account);
    QHttpServerResponse pull(const ApiRequest& request, const SessionAccount& account);
    QHttpServerResponse lookup(const ApiRequest& request, const SessionAccount& account);
    QHttpServerResponse health();

    // A 500 that tells the client nothing of the cause; the cause goes to the log (debug level: an
    // SQL error may quote a value).
    static QHttpServerResponse internalError(const QString& cause);

private:
    // The calling thread's connection; null (with the cause logged) when there is none to be had.
    ServerDatabase* database();

    ThreadDatabases& m_databases;
    SessionPolicy m_policy;
};

} // namespace ud::server
