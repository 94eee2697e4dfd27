#pragma once

#include <QByteArrayView>
#include <QString>

namespace ud {

// Salted slow password hashes: libsodium's Argon2id with its interactive limits, kept as the
// self-describing "$argon2id$…" string that carries its own salt and parameters. The one definition
// for the server's accounts and the client's offline sign-in, so the two cannot drift apart.
class PasswordHash
{
public:
    enum class Failure
    {
        None,
        NoSodium,    // libsodium could not be initialised
        OutOfMemory, // Argon2 could not have its memory
    };

    // Initialises libsodium once per process; false if it cannot.
    static bool initialise();
    // Empty, with the reason in *failure, when hashing is impossible.
    static QString of(QByteArrayView password, Failure* failure = nullptr);
    static bool matches(const QString& hash, QByteArrayView password);
};

} // namespace ud
