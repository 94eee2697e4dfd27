#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ud {
class Database;
}

// The store_meta keys of the local credential, beside those of SyncMeta.h.
namespace ud::sync::meta {
inline constexpr auto CredentialLogin = "credential_login";
inline constexpr auto CredentialHash = "credential_hash";            // "$argon2id$…", salt included
inline constexpr auto CredentialFailures = "credential_failures";    // wrong passwords in a row, here
inline constexpr auto CredentialFailedAt = "credential_failed_at";   // ISO UTC of the last of them
inline constexpr auto CredentialRefusedAt = "credential_refused_at"; // ISO UTC; '' once the server accepts
} // namespace ud::sync::meta

namespace ud::sync {

// Lets the clerk sign in without the network (DESIGN.md "Security"). After the server accepted a
// password, the data file keeps the login and a salted slow hash of the password (libsodium's
// Argon2id with its interactive limits, the same as the server's), never the password itself.
//
// The hash proves only that the clerk knew the password the server last accepted here. When the
// server later refuses a sign-in (the password was changed or the account disabled there), the
// hash stays usable for offline work, but the refusal is kept (refusedAt()) so that nothing claims
// the data file is in step with the server until a sign-in succeeds again and replaces the hash.
//
// Wrong passwords typed here are counted in the data file and, after a few, each further attempt
// waits longer (secondsToWait()), so that guessing at the office PC is slow. Someone who can copy
// the file can try passwords against the hash at leisure: that is what the slow hash is for.
class LocalCredential
{
    Q_DECLARE_TR_FUNCTIONS(ud::sync::LocalCredential)

public:
    enum class Check
    {
        Accepted,
        WrongPassword,
        UnknownLogin, // no password was ever accepted here for this login
        Throttled,    // too many wrong passwords: secondsToWait() before the next attempt
        Failed,       // libsodium or the store failed
    };

    static constexpr int FreeAttempts = 3;
    static constexpr int FirstWaitSeconds = 5;
    static constexpr int LongestWaitSeconds = 300;

    explicit LocalCredential(Database& store);

    bool hasCredential() const;
    QString login() const;

    // After the server accepted `password` for `login`: keeps its hash (a new one only when the
    // stored one does not match already), and forgets wrong attempts and an earlier refusal.
    bool remember(const QString& login, const QString& password, QString* error);
    // Checks a password against the hash without the network. Every answer but Accepted and
    // Failed counts as a wrong attempt.
    Check verify(const QString& login, const QString& password);
    // Seconds before the next attempt is checked at all; 0 when it may be made now.
    int secondsToWait() const;
    int failures() const;

    // The server refused a sign-in of `login`; the hash is left as it is.
    bool markRefused(QString* error);
    // When the server last refused a sign-in; invalid when the last one it answered succeeded.
    QDateTime refusedAt() const;
    bool isRefused() const { return refusedAt().isValid(); }

    bool forget(QString* error);

    // Libsodium's Argon2id string, empty on failure; verifyHash is false for any malformed hash.
    static QString hashPassword(const QString& password, QString* error);
    static bool verifyHash(const QString& hash, const QString& password);

private:
    bool recordFailure();

    Database& m_store;
};

} // namespace ud::sync
