#include "PasswordHasher.h"

#include "util/PasswordHash.h"

namespace ud::server {

bool PasswordHasher::initialise()
{
    return PasswordHash::initialise();
}

QString PasswordHasher::hash(const QByteArray& password, QString* error)
{
    PasswordHash::Failure failure = PasswordHash::Failure::None;
    const QString hashed = PasswordHash::of(password, &failure);
    if (hashed.isEmpty() && error)
        *error = failure == PasswordHash::Failure::NoSodium
                     ? tr("libsodium could not be initialised.")
                     : tr("The password could not be hashed (out of memory).");
    return hashed;
}

bool PasswordHasher::verify(const QString& hash, const QByteArray& password)
{
    return PasswordHash::matches(hash, password);
}

} // namespace ud::server
