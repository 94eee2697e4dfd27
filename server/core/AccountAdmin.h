#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ud::server {

class ServerDatabase;

// The administration of a migrated server store: its root organisation, the organisations below it
// and the accounts. Each write runs in one transaction with its audit entry; no password and no hash
// ever reaches the audit log. Errors come back as one English sentence (translated through tr()).
class AccountAdmin
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::AccountAdmin)

public:
    static constexpr int MinimumPasswordLength = 8;
    static const QStringList& roles(); // administrator, clerk, viewer, auditor

    // `actor` is recorded in the audit log and in updated_by.
    AccountAdmin(ServerDatabase& database, QString actor);

    // Creates the root organisation; refused when the store already has one. LEVEL is a key or a word
    // of the organisation level code list (province, city, district, township, base; 省, 市 …).
    bool init(const QString& name, const QString& level, QString* error, QString* id = nullptr);
    // `parent`: an organisation's id or its exact name (refused when the name is not unique).
    bool addOrganisation(const QString& name, const QString& parent, const QString& level, QString* error,
                         QString* id = nullptr);
    bool addUser(const QString& login, const QByteArray& password, const QString& organisation,
                 const QString& role, QString* error, QString* id = nullptr);
    bool resetPassword(const QString& login, const QByteArray& password, QString* error);
    // Disables the account and ends its sessions at once.
    bool disableUser(const QString& login, QString* error, int* sessionsEnded = nullptr);

    // The password is the file's first line without its line ending.
    static bool readPasswordFile(const QString& path, QByteArray* password, QString* error);

private:
    struct Organisation
    {
        QString id;
        QString path;
    };
    bool findOrganisation(const QString& idOrName, Organisation* found, QString* error) const;
    bool findAccount(const QString& login, QString* id, QString* error) const;
    // The Argon2id hash of a password long enough; empty, with the reason, otherwise.
    QString hashedPassword(const QByteArray& password, QString* error) const;
    QString levelKey(const QString& level, QString* error) const;
    bool insertOrganisation(const QString& id, const QString& parentId, const QString& path,
                            const QString& level, const QString& name, QString* error);
    bool audit(const QString& action, const QString& entity, const QString& recordId, const QString& detail,
               QString* error);

    ServerDatabase& m_database;
    QString m_actor;
};

} // namespace ud::server
