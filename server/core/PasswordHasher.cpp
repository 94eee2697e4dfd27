#include "PasswordHasher.h"

#include <sodium.h>

namespace ud::server {

bool PasswordHasher::initialise()
{
    // sodium_init is thread-safe and idempotent; the static makes it run once.
    static const bool ok = sodium_init() >= 0;
    return ok;
}

QString PasswordHasher::hash(const QByteArray& password, QString* error)
{
    if (!initialise()) {
        if (error)
            *error = tr("libsodium could not be initialised.");
        return {};
    }
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.constData(), static_cast<unsigned long long>(password.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        if (error)
            *error = tr("The password could not be hashed (out of memory).");
        return {};
    }
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString& hash, const QByteArray& password)
{
    if (!initialise())
        return false;
    const QByteArray stored = hash.toLatin1();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored.constData(), password.constData(),
                                    static_cast<unsigned long long>(password.size())) == 0;
}

} // namespace ud::server
