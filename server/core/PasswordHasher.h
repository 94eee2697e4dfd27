#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ud::server {

// The accounts' password hashes (the core's PasswordHash, as the client's offline sign-in uses it),
// with the server's messages.
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
