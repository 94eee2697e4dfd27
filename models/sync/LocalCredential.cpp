#include "sync/LocalCredential.h"

#include "store/Database.h"
#include "store/Transaction.h"
#include "sync/SyncLog.h"
#include "util/Clock.h"
#include "util/PasswordHash.h"

#include <algorithm>
#include <sodium.h>

namespace ud::sync {

namespace {

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

// The UTF-8 bytes of a password, wiped when they go out of scope.
class PasswordBytes
{
public:
    explicit PasswordBytes(const QString& password)
        : m_bytes(password.toUtf8())
    {
    }
    ~PasswordBytes() { sodium_memzero(m_bytes.data(), size_t(m_bytes.size())); }
    PasswordBytes(const PasswordBytes&) = delete;
    PasswordBytes& operator=(const PasswordBytes&) = delete;

    QByteArrayView view() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

} // namespace

LocalCredential::LocalCredential(Database& store)
    : m_store(store)
{
}

QString LocalCredential::hashPassword(const QString& password, QString* error)
{
    const PasswordBytes bytes(password);
    PasswordHash::Failure failure = PasswordHash::Failure::None;
    const QString hashed = PasswordHash::of(bytes.view(), &failure);
    if (hashed.isEmpty() && error)
        *error = failure == PasswordHash::Failure::NoSodium
                     ? tr("The password cannot be kept on this computer: libsodium could not be initialised.")
                     : tr("The password cannot be kept on this computer: not enough memory to hash it.");
    return hashed;
}

bool LocalCredential::verifyHash(const QString& hash, const QString& password)
{
    const PasswordBytes bytes(password);
    return PasswordHash::matches(hash, bytes.view());
}

bool LocalCredential::hasCredential() const
{
    return !m_store.meta(key(meta::CredentialHash)).isEmpty();
}

QString LocalCredential::login() const
{
    return m_store.meta(key(meta::CredentialLogin));
}

bool LocalCredential::remember(const QString& login, const QString& password, QString* error)
{
    const QString name = login.trimmed();
    QString hash = m_store.meta(key(meta::CredentialHash));
    // Hashing costs as much as checking: a password that already matches keeps its hash.
    const bool current = !hash.isEmpty() && this->login() == name && verifyHash(hash, password);
    if (!current) {
        hash = hashPassword(password, error);
        if (hash.isEmpty())
            return false;
    }
    Transaction tx(m_store.connection());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    if (!m_store.setMeta(key(meta::CredentialLogin), name, error) ||
        !m_store.setMeta(key(meta::CredentialHash), hash, error) ||
        !m_store.setMeta(key(meta::CredentialFailures), QStringLiteral("0"), error) ||
        !m_store.setMeta(key(meta::CredentialFailedAt), QString(), error) ||
        !m_store.setMeta(key(meta::CredentialRefusedAt), QString(), error) || !tx.commit(error))
        return false;
    if (!current)
        qCInfo(lcSync) << "kept a new password hash for offline sign-in of" << name;
    return true;
}

LocalCredential::Check LocalCredential::verify(const QString& login, const QString& password)
{
    if (secondsToWait() > 0)
        return Check::Throttled;
    const QString hash = m_store.meta(key(meta::CredentialHash));
    Check check = Check::WrongPassword;
    if (hash.isEmpty() || this->login() != login.trimmed())
        check = Check::UnknownLogin;
    else if (verifyHash(hash, password))
        check = Check::Accepted;
    if (check == Check::Accepted) {
        if (failures() == 0)
            return check;
        QString error;
        if (!m_store.setMeta(key(meta::CredentialFailures), QStringLiteral("0"), &error))
            qCWarning(lcSync) << "cannot reset the count of wrong passwords:" << error;
        return check;
    }
    return recordFailure() ? check : Check::Failed;
}

bool LocalCredential::recordFailure()
{
    QString error;
    Transaction tx(m_store.connection());
    if (!tx.isActive() ||
        !m_store.setMeta(key(meta::CredentialFailures), QString::number(failures() + 1), &error) ||
        !m_store.setMeta(key(meta::CredentialFailedAt), Clock::nowIso(), &error) || !tx.commit(&error)) {
        // Not counting would lift the throttle: refuse to check at all then.
        qCWarning(lcSync) << "cannot count a wrong password:" << (tx.isActive() ? error : tx.error());
        return false;
    }
    return true;
}

int LocalCredential::failures() const
{
    return m_store.meta(key(meta::CredentialFailures)).toInt();
}

int LocalCredential::secondsToWait() const
{
    const int failed = failures();
    if (failed < FreeAttempts)
        return 0;
    const int doublings = std::min(failed - FreeAttempts, 16);
    const qint64 wait = std::min<qint64>(qint64(FirstWaitSeconds) << doublings, LongestWaitSeconds);
    const QDateTime last =
        QDateTime::fromString(m_store.meta(key(meta::CredentialFailedAt)), Qt::ISODateWithMs);
    if (!last.isValid())
        return int(wait);
    // A clock set back must not stretch the wait beyond its length.
    const qint64 elapsed = std::max<qint64>(0, last.secsTo(Clock::nowUtc()));
    return int(std::max<qint64>(0, wait - elapsed));
}

bool LocalCredential::markRefused(QString* error)
{
    return m_store.setMeta(key(meta::CredentialRefusedAt), Clock::nowIso(), error);
}

QDateTime LocalCredential::refusedAt() const
{
    const QString at = m_store.meta(key(meta::CredentialRefusedAt));
    return at.isEmpty() ? QDateTime() : QDateTime::fromString(at, Qt::ISODateWithMs);
}

bool LocalCredential::forget(QString* error)
{
    Transaction tx(m_store.connection());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    for (const char* name : {meta::CredentialLogin, meta::CredentialHash, meta::CredentialFailures,
                             meta::CredentialFailedAt, meta::CredentialRefusedAt}) {
        if (!m_store.setMeta(key(name), QString(), error))
            return false;
    }
    return tx.commit(error);
}

} // namespace ud::sync
