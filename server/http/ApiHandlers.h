#pragma once

#include "SessionAccount.h"
#include "SessionService.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>

#include <memory>

namespace ud::server {

class ServerDatabase;

// The answer to each call of DESIGN.md's API table, on the server's one connection. Nothing is
// kept between calls but that connection: the sessions, locks and records are in the database.
class ApiHandlers
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::ApiHandlers)

public:
    // `databaseUrl` is used to open the connection again when the database went away.
    ApiHandlers(QString databaseUrl, std::unique_ptr<ServerDatabase> database, SessionPolicy policy);
    ~ApiHandlers();

    // The bearer token's account; invalid without a valid token. `error` is set when the database
    // failed instead (an answer of 500, not 401).
    SessionAccount authenticate(const QHttpServerRequest& request, QString* error);

    QHttpServerResponse createSession(const QHttpServerRequest& request);
    QHttpServerResponse deleteSession(const QHttpServerRequest& request);
    QHttpServerResponse push(const QHttpServerRequest& request, const SessionAccount& account);
    QHttpServerResponse pull(const QHttpServerRequest& request, const SessionAccount& account);
    QHttpServerResponse lookup(const QHttpServerRequest& request, const SessionAccount& account);
    QHttpServerResponse health();

    static QString bearerToken(const QHttpServerRequest& request);
    // A 500 that tells the client nothing of the cause; the cause goes to the log (debug level: an
    // SQL error may quote a value).
    static QHttpServerResponse internalError(const QString& cause);

private:
    // Reconnects when the connection no longer answers (PostgreSQL restarted); false if it cannot.
    bool databaseAlive();

    QString m_databaseUrl;
    std::unique_ptr<ServerDatabase> m_database;
    SessionPolicy m_policy;
};

} // namespace ud::server
