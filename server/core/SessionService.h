#pragma once

#include "SessionAccount.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <functional>

namespace ud::server {

class ServerDatabase;

// How long a session lives and how hard repeated failures are throttled.
struct SessionPolicy
{
    std::chrono::seconds idleTimeout = std::chrono::minutes(30);
    std::chrono::seconds absoluteTimeout = std::chrono::hours(12);
    // Failures allowed before the account is locked; each further failure doubles the lock.
    int failuresBeforeLock = 5;
    std::chrono::seconds firstLock = std::chrono::seconds(30);
    std::chrono::seconds longestLock = std::chrono::minutes(15);
};

// What login() decided.
struct LoginResult
{
    enum class Status
    {
        Ok,
        Unauthorized, // unknown login, wrong password or disabled account: one answer for all
        Throttled,    // locked after repeated failures; try again in retryAfterSeconds
        Error,        // the database failed; `error` says how
    };

    Status status = Status::Error;
    QString token; // 32 random bytes, base64url without padding; only its SHA-256 is stored
    QDateTime expiresAt;
    SessionAccount account;
    QString organisationName;
    int retryAfterSeconds = 0;
    QString error;
};

// Bearer-token sessions over the account and session tables. Every piece of state (sessions,
// failure counts, locks) lives in the database, so any server instance can answer any request.
// Every login attempt goes to the audit log; no password and no token ever does.
class SessionService
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::SessionService)

public:
    using Clock = std::function<QDateTime()>;

    // `clock` defaults to ud::Clock::nowUtc; tests pass their own to expire sessions without sleeping.
    explicit SessionService(ServerDatabase& database, SessionPolicy policy = {}, Clock clock = {});

    // `client` (an address) is written to the audit entry, to trace an attack back.
    LoginResult login(const QString& login, const QByteArray& password, const QString& client = {});
    // The account of a live session (and the session's idle time starts again), or an invalid one.
    // `error` is set only when the database failed, so that a 500 is not mistaken for a 401.
    SessionAccount authenticate(const QString& token, QString* error = nullptr);
    // Ends the session; true also when it was already gone.
    bool logout(const QString& token, QString* error = nullptr);

    static QString tokenHash(const QString& token);

private:
    QDateTime now() const;
    LoginResult fail(LoginResult::Status status, const QString& accountId, const QString& actor,
                     const QString& action, const QString& detail, int retryAfter = 0);
    bool audit(const QString& actor, const QString& action, const QString& recordId, const QString& detail,
               QString* error);

    ServerDatabase& m_database;
    SessionPolicy m_policy;
    Clock m_clock;
};

} // namespace ud::server
