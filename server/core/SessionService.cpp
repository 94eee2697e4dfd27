#include "SessionService.h"

#include "PasswordHasher.h"
#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "ServerTransaction.h"
#include "store/Sql.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <sodium.h>

namespace ud::server {

namespace {

constexpr int TokenBytes = 32;

QString iso(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseIso(const QVariant& value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

// Verifying against this costs an unknown login the same Argon2 work as a known one, so the time
// an answer takes does not tell which logins exist.
const QString& decoyHash()
{
    static const QString hash = [] {
        QString ignored;
        return PasswordHasher::hash(QByteArrayLiteral("uniondesk decoy password"), &ignored);
    }();
    return hash;
}

QString newToken()
{
    unsigned char bytes[TokenBytes];
    randombytes_buf(bytes, sizeof bytes);
    const QByteArray raw(reinterpret_cast<const char*>(bytes), TokenBytes);
    sodium_memzero(bytes, sizeof bytes);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool looksLikeToken(const QString& token)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    return shape.match(token).hasMatch();
}

} // namespace

SessionService::SessionService(ServerDatabase& database, SessionPolicy policy, Clock clock)
    : m_database(database)
    , m_policy(policy)
    , m_clock(clock ? std::move(clock) : Clock(&ud::Clock::nowUtc))
{
}

QDateTime SessionService::now() const
{
    return m_clock().toUTC();
}

QString SessionService::tokenHash(const QString& token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool SessionService::audit(const QString& actor, const QString& action, const QString& recordId,
                           const QString& detail, QString* error)
{
    ServerAuditEntry entry;
    entry.actor = actor;
    entry.action = action;
    entry.entity = QStringLiteral("account");
    entry.recordId = recordId;
    entry.detail = detail;
    return ServerAudit(m_database).append(entry, error);
}

LoginResult SessionService::fail(LoginResult::Status status, const QString& accountId, const QString& actor,
                                 const QString& action, const QString& detail, int retryAfter)
{
    LoginResult result;
    result.status = status;
    result.retryAfterSeconds = retryAfter;
    QString error;
    ServerTransaction transaction(m_database);
    if (!transaction.isActive()) {
        result.status = LoginResult::Status::Error;
        result.error = transaction.error();
        return result;
    }
    if (!audit(actor, action, accountId, detail, &error) || !transaction.commit(&error)) {
        result.status = LoginResult::Status::Error;
        result.error = error;
    }
    return result;
}

LoginResult SessionService::login(const QString& login, const QByteArray& password, const QString& client)
{
    LoginResult result;
    if (!PasswordHasher::initialise()) {
        result.error = tr("libsodium could not be initialised.");
        return result;
    }
    const QString from = client.isEmpty() ? QString() : QStringLiteral(" from ") + client;
    const QDateTime at = now();

    QSqlQuery query(m_database.db());
    if (!sql::execBound(
            query,
            QStringLiteral("SELECT a.id, a.password_hash, a.disabled, a.locked_until, a.organisation_id, "
                           "a.role, o.path, o.name FROM account a JOIN organisation o ON "
                           "o.id = a.organisation_id WHERE a.login = ?"),
            {login}, &result.error))
        return result;
    if (!query.next()) {
        PasswordHasher::verify(decoyHash(), password);
        // The attempted login is not recorded: users type their password into the wrong field.
        return fail(LoginResult::Status::Unauthorized, QString(), QStringLiteral("anonymous"),
                    QStringLiteral("login-failed"), QStringLiteral("unknown login") + from);
    }
    const QString accountId = query.value(0).toString();
    const QString hash = query.value(1).toString();
    const bool disabled = query.value(2).toInt() != 0;
    const QDateTime lockedUntil = parseIso(query.value(3));
    SessionAccount account;
    account.id = accountId;
    account.login = login;
    account.organisationId = query.value(4).toString();
    account.role = query.value(5).toString();
    account.organisationPath = query.value(6).toString();
    const QString organisationName = query.value(7).toString();
    query.finish();

    if (lockedUntil.isValid() && lockedUntil > at) {
        const qint64 ms = at.msecsTo(lockedUntil);
        const int retryAfter = static_cast<int>((ms + 999) / 1000);
        return fail(LoginResult::Status::Throttled, accountId, login, QStringLiteral("login-throttled"),
                    QStringLiteral("locked for %1 s more").arg(retryAfter) + from, retryAfter);
    }

    const bool passwordOk = PasswordHasher::verify(hash, password);
    ServerTransaction transaction(m_database);
    if (!transaction.isActive()) {
        result.error = transaction.error();
        return result;
    }
    QSqlQuery update(m_database.db());
    if (!passwordOk || disabled) {
        QString detail = disabled ? QStringLiteral("disabled account") : QStringLiteral("wrong password");
        if (!passwordOk) {
            // Counted in the database, so that failures spread over several instances add up.
            if (!sql::execBound(
                    update,
                    QStringLiteral("UPDATE account SET failed_logins = failed_logins + 1 WHERE id = ?"),
                    {accountId}, &result.error) ||
                !sql::execBound(update, QStringLiteral("SELECT failed_logins FROM account WHERE id = ?"),
                                {accountId}, &result.error) ||
                !update.next())
                return result;
            const int failures = update.value(0).toInt();
            update.finish();
            detail += QStringLiteral(", failure %1").arg(failures);
            const int beyond = failures - m_policy.failuresBeforeLock;
            if (beyond >= 0) {
                qint64 lock = m_policy.firstLock.count();
                for (int i = 0; i < beyond && lock < m_policy.longestLock.count(); ++i)
                    lock *= 2;
                lock = std::min<qint64>(lock, m_policy.longestLock.count());
                if (!sql::execBound(update,
                                    QStringLiteral("UPDATE account SET locked_until = ? WHERE id = ?"),
                                    {iso(at.addSecs(lock)), accountId}, &result.error))
                    return result;
                detail += QStringLiteral(", locked for %1 s").arg(lock);
            }
        }
        if (!audit(login, QStringLiteral("login-failed"), accountId, detail + from, &result.error) ||
            !transaction.commit(&result.error))
            return result;
        result.status = LoginResult::Status::Unauthorized;
        return result;
    }

    const QString token = newToken();
    const QDateTime absolute = at.addSecs(m_policy.absoluteTimeout.count());
    const QDateTime idle = at.addSecs(m_policy.idleTimeout.count());
    if (!sql::execBound(
            update, QStringLiteral("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = ?"),
            {accountId}, &result.error) ||
        // The account's dead sessions go now, so the table does not grow with every login.
        !sql::execBound(update,
                        QStringLiteral("DELETE FROM session WHERE account_id = ? AND (expires_at <= ? OR "
                                       "last_used_at <= ?)"),
                        {accountId, iso(at), iso(at.addSecs(-m_policy.idleTimeout.count()))},
                        &result.error) ||
        !sql::execBound(
            update,
            QStringLiteral("INSERT INTO session(token_hash, account_id, created_at, last_used_at, "
                           "expires_at) VALUES (?, ?, ?, ?, ?)"),
            {tokenHash(token), accountId, iso(at), iso(at), iso(absolute)}, &result.error) ||
        !audit(login, QStringLiteral("login"), accountId, QStringLiteral("session opened") + from,
               &result.error) ||
        !transaction.commit(&result.error))
        return result;

    result.status = LoginResult::Status::Ok;
    result.token = token;
    result.expiresAt = std::min(absolute, idle);
    result.account = account;
    result.organisationName = organisationName;
    return result;
}

SessionAccount SessionService::authenticate(const QString& token, QString* error)
{
    if (!looksLikeToken(token))
        return {};
    const QString hash = tokenHash(token);
    const QDateTime at = now();
    QSqlQuery query(m_database.db());
    if (!sql::execBound(
            query,
            QStringLiteral("SELECT s.last_used_at, s.expires_at, a.id, a.login, a.organisation_id, a.role, "
                           "a.disabled, o.path FROM session s JOIN account a ON a.id = s.account_id "
                           "JOIN organisation o ON o.id = a.organisation_id WHERE s.token_hash = ?"),
            {hash}, error) ||
        !query.next())
        return {};
    const QDateTime lastUsed = parseIso(query.value(0));
    const QDateTime expires = parseIso(query.value(1));
    const bool disabled = query.value(6).toInt() != 0;
    SessionAccount account;
    account.id = query.value(2).toString();
    account.login = query.value(3).toString();
    account.organisationId = query.value(4).toString();
    account.role = query.value(5).toString();
    account.organisationPath = query.value(7).toString();
    query.finish();

    QSqlQuery update(m_database.db());
    const bool idleTooLong = !lastUsed.isValid() || lastUsed.secsTo(at) >= m_policy.idleTimeout.count();
    if (disabled || !expires.isValid() || at >= expires || idleTooLong) {
        sql::execBound(update, QStringLiteral("DELETE FROM session WHERE token_hash = ?"), {hash}, error);
        return {};
    }
    // Sliding the idle expiry is a write; once a minute (or a tenth of the idle time) is enough.
    const qint64 step = std::min<qint64>(60, m_policy.idleTimeout.count() / 10);
    if (lastUsed.secsTo(at) >= step &&
        !sql::execBound(update, QStringLiteral("UPDATE session SET last_used_at = ? WHERE token_hash = ?"),
                        {iso(at), hash}, error))
        return {};
    return account;
}

bool SessionService::logout(const QString& token, QString* error)
{
    if (!looksLikeToken(token))
        return true;
    const QString hash = tokenHash(token);
    ServerTransaction transaction(m_database);
    if (!transaction.isActive()) {
        if (error)
            *error = transaction.error();
        return false;
    }
    QSqlQuery query(m_database.db());
    if (!sql::execBound(query,
                        QStringLiteral("SELECT a.id, a.login FROM session s JOIN account a ON "
                                       "a.id = s.account_id WHERE s.token_hash = ?"),
                        {hash}, error))
        return false;
    if (!query.next())
        return true;
    const QString accountId = query.value(0).toString();
    const QString login = query.value(1).toString();
    query.finish();
    return sql::execBound(query, QStringLiteral("DELETE FROM session WHERE token_hash = ?"), {hash}, error) &&
           audit(login, QStringLiteral("logout"), accountId, QStringLiteral("session ended"), error) &&
           transaction.commit(error);
}

} // namespace ud::server
