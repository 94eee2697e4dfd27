#include "util/PasswordHash.h"

#include <sodium.h>

namespace ud {

bool PasswordHash::initialise()
{
    // sodium_init is thread-safe and idempotent; the static makes it run once.
    static const bool ok = sodium_init() >= 0;
    return ok;
}

QString PasswordHash::of(QByteArrayView password, Failure* failure)
{
    auto fail = [failure](Failure why) {
        if (failure)
            *failure = why;
        return QString();
    };
    if (!initialise())
        return fail(Failure::NoSodium);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), static_cast<unsigned long long>(password.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(Failure::OutOfMemory);
    if (failure)
        *failure = Failure::None;
    return QString::fromLatin1(out);
}

bool PasswordHash::matches(const QString& hash, QByteArrayView password)
{
    if (!initialise())
        return false;
    const QByteArray stored = hash.toLatin1();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored.constData(), password.data(),
                                    static_cast<unsigned long long>(password.size())) == 0;
}

} // namespace ud
