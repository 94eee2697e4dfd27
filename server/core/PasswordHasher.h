#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ud::server {

// Salted slow password hashes: libsodium's Argon2id (crypto_pwhash_str, interactive limits), kept as
// the self-describing "$argon2id$…" string, which carries its own salt and parameters.
class PasswordHasher
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::PasswordHasher)

public:
    // Initialises libsodium once per process; false if it cannot.
    static bool initialise();

    // Empty with `error` set on failure (libsodium unusable, out of memory).
    static QString hash(const QByteArray& password, QString* error);
    static bool verify(const QString& hash, const QByteArray& password);
};

} // namespace ud::server
