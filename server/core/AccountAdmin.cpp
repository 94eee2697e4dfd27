#include "AccountAdmin.h"

#include "ChangeSequence.h"
#include "OrganisationDirectory.h"
#include "PasswordHasher.h"
#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "ServerTransaction.h"
#include "domain/CodeList.h"
#include "store/Sql.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace ud::server {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

const QStringList& AccountAdmin::roles()
{
    static const QStringList list{QStringLiteral("administrator"), QStringLiteral("clerk"),
                                  QStringLiteral("viewer"), QStringLiteral("auditor")};
    return list;
}

AccountAdmin::AccountAdmin(ServerDatabase& database, QString actor)
    : m_database(database)
    , m_actor(std::move(actor))
{
}

QString AccountAdmin::levelKey(const QString& level, QString* error) const
{
    const QString key = codes::organisationLevel().keyFor(level);
    if (key.isEmpty() && error)
        *error = tr("Unknown organisation level \"%1\"; use one of %2.")
                     .arg(level, codes::organisationLevel().keys().join(QStringLiteral(", ")));
    return key;
}

bool AccountAdmin::insertOrganisation(const QString& id, const QString& parentId, const QString& path,
                                      const QString& level, const QString& name, QString* error)
{
    const qint64 version = ChangeSequence(m_database).next(error);
    if (version < 0)
        return false;
    QSqlQuery insert(m_database.db());
    return sql::execBound(
        insert,
        QStringLiteral("INSERT INTO organisation(id, parent_id, path, level, name, version, updated_at, "
                       "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {id, parentId.isEmpty() ? sql::null() : QVariant(parentId), path, level, name, version, now(),
         m_actor},
        error);
}

bool AccountAdmin::audit(const QString& action, const QString& entity, const QString& recordId,
                         const QString& detail, QString* error)
{
    ServerAuditEntry entry;
    entry.actor = m_actor;
    entry.action = action;
    entry.entity = entity;
    entry.recordId = recordId;
    entry.detail = detail;
    return ServerAudit(m_database).append(entry, error);
}

bool AccountAdmin::init(const QString& name, const QString& level, QString* error, QString* id)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("The organisation needs a name.");
        return false;
    }
    const QString key = levelKey(level, error);
    if (key.isEmpty())
        return false;
    ServerTransaction transaction(m_database);
    if (!transaction.begun(error))
        return false;
    QSqlQuery root(m_database.db());
    if (!root.exec(QStringLiteral("SELECT name FROM organisation WHERE parent_id IS NULL"))) {
        *error = root.lastError().text();
        return false;
    }
    if (root.next()) {
        *error = tr("The server already has its root organisation \"%1\".").arg(root.value(0).toString());
        return false;
    }
    const QString newOrg = newId();
    if (!insertOrganisation(newOrg, {}, newOrg + QLatin1Char('/'), key, trimmed, error) ||
        !audit(QStringLiteral("init"), QStringLiteral("organisation"), newOrg,
               QStringLiteral("root organisation \"%1\", level %2").arg(trimmed, key), error) ||
        !transaction.commit(error))
        return false;
    if (id)
        *id = newOrg;
    return true;
}

bool AccountAdmin::findOrganisation(const QString& idOrName, Organisation* found, QString* error) const
{
    OrganisationEntry entry;
    int count = 0;
    const OrganisationDirectory::Match match =
        OrganisationDirectory(m_database).byIdOrName(idOrName, &entry, &count, error);
    if (match == OrganisationDirectory::Match::Found) {
        *found = {entry.id, entry.path};
        return true;
    }
    if (match != OrganisationDirectory::Match::Failed)
        *error = OrganisationDirectory::problem(match, idOrName, count);
    return false;
}

bool AccountAdmin::addOrganisation(const QString& name, const QString& parent, const QString& level,
                                   QString* error, QString* id)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("The organisation needs a name.");
        return false;
    }
    const QString key = levelKey(level, error);
    if (key.isEmpty())
        return false;
    ServerTransaction transaction(m_database);
    if (!transaction.begun(error))
        return false;
    Organisation parentOrg;
    if (!findOrganisation(parent, &parentOrg, error))
        return false;
    const QString newOrg = newId();
    if (!insertOrganisation(newOrg, parentOrg.id, parentOrg.path + newOrg + QLatin1Char('/'), key, trimmed,
                            error) ||
        !audit(QStringLiteral("add-org"), QStringLiteral("organisation"), newOrg,
               QStringLiteral("\"%1\", level %2, under %3").arg(trimmed, key, parentOrg.id), error) ||
        !transaction.commit(error))
        return false;
    if (id)
        *id = newOrg;
    return true;
}

QString AccountAdmin::hashedPassword(const QByteArray& password, QString* error) const
{
    if (QString::fromUtf8(password).size() < MinimumPasswordLength) {
        *error = tr("The password must have at least %1 characters.").arg(MinimumPasswordLength);
        return {};
    }
    // Hashed before any transaction: Argon2id takes a noticeable moment and needs no lock.
    return PasswordHasher::hash(password, error);
}

bool AccountAdmin::findAccount(const QString& login, QString* id, QString* error) const
{
    QSqlQuery query(m_database.db());
    if (!sql::execBound(query, QStringLiteral("SELECT id FROM account WHERE login = ?"), {login}, error))
        return false;
    if (!query.next()) {
        *error = tr("No account \"%1\" on this server.").arg(login);
        return false;
    }
    *id = query.value(0).toString();
    return true;
}

bool AccountAdmin::addUser(const QString& login, const QByteArray& password, const QString& organisation,
                           const QString& role, QString* error, QString* id)
{
    const bool loginOk =
        !login.isEmpty() && login.size() <= 64 &&
        std::none_of(login.cbegin(), login.cend(), [](QChar c) { return c.isSpace() || !c.isPrint(); });
    if (!loginOk) {
        *error = tr("The login \"%1\" must be 1 to 64 characters without spaces.").arg(login);
        return false;
    }
    if (!roles().contains(role)) {
        *error = tr("Unknown role \"%1\"; use one of %2.").arg(role, roles().join(QStringLiteral(", ")));
        return false;
    }
    const QString hash = hashedPassword(password, error);
    if (hash.isEmpty())
        return false;

    ServerTransaction transaction(m_database);
    if (!transaction.begun(error))
        return false;
    Organisation org;
    if (!findOrganisation(organisation, &org, error))
        return false;
    QSqlQuery existing(m_database.db());
    if (!sql::execBound(existing, QStringLiteral("SELECT 1 FROM account WHERE login = ?"), {login}, error))
        return false;
    if (existing.next()) {
        *error = tr("The login \"%1\" is already taken.").arg(login);
        return false;
    }
    const QString newAccount = newId();
    QSqlQuery insert(m_database.db());
    if (!sql::execBound(
            insert,
            QStringLiteral("INSERT INTO account(id, login, password_hash, organisation_id, role, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)"),
            {newAccount, login, hash, org.id, role, now()}, error) ||
        !audit(QStringLiteral("add-user"), QStringLiteral("account"), newAccount,
               QStringLiteral("login %1, role %2, organisation %3").arg(login, role, org.id), error) ||
        !transaction.commit(error))
        return false;
    if (id)
        *id = newAccount;
    return true;
}

bool AccountAdmin::resetPassword(const QString& login, const QByteArray& password, QString* error)
{
    const QString hash = hashedPassword(password, error);
    if (hash.isEmpty())
        return false;
    ServerTransaction transaction(m_database);
    if (!transaction.begun(error))
        return false;
    QString accountId;
    if (!findAccount(login, &accountId, error))
        return false;
    QSqlQuery update(m_database.db());
    if (!sql::execBound(
            update,
            QStringLiteral("UPDATE account SET password_hash = ?, failed_logins = 0, locked_until = NULL "
                           "WHERE id = ?"),
            {hash, accountId}, error) ||
        !audit(QStringLiteral("reset-password"), QStringLiteral("account"), accountId,
               QStringLiteral("login %1").arg(login), error) ||
        !transaction.commit(error))
        return false;
    return true;
}

bool AccountAdmin::disableUser(const QString& login, QString* error, int* sessionsEnded)
{
    ServerTransaction transaction(m_database);
    if (!transaction.begun(error))
        return false;
    QString accountId;
    if (!findAccount(login, &accountId, error))
        return false;
    QSqlQuery query(m_database.db());
    if (!sql::execBound(query, QStringLiteral("UPDATE account SET disabled = 1 WHERE id = ?"), {accountId},
                        error) ||
        !sql::execBound(query, QStringLiteral("DELETE FROM session WHERE account_id = ?"), {accountId},
                        error))
        return false;
    const int ended = query.numRowsAffected();
    if (!audit(QStringLiteral("disable-user"), QStringLiteral("account"), accountId,
               QStringLiteral("login %1, %2 session(s) ended").arg(login).arg(ended), error) ||
        !transaction.commit(error))
        return false;
    if (sessionsEnded)
        *sessionsEnded = ended;
    return true;
}

bool AccountAdmin::readPasswordFile(const QString& path, QByteArray* password, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the password file %1: %2").arg(path, file.errorString());
        return false;
    }
    QByteArray line = file.readLine(4096);
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    *password = line;
    return true;
}

} // namespace ud::server
