#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace ud::server {

class ServerDatabase;

// An entry's detail (and any stored JSON) as one compact line.
QString compactJson(const QJsonObject& object);

// One entry of the server's audit log.
struct ServerAuditEntry
{
    qint64 seq = 0;
    QString at;
    QString actor;
    QString action;   // e.g. "init", "add-user", "disable-user"
    QString entity;   // e.g. "account", "organisation"
    QString recordId; // the record's id
    QString detail;   // short, never a password or a hash of one
    QString prevHash; // the hash of the entry before; empty for the first
    QString hash;
};

// What verify() found.
struct AuditVerification
{
    bool ok = false;      // the chain is whole
    qint64 entries = 0;   // how many entries were read
    qint64 brokenSeq = 0; // the first entry that does not fit, when !ok and error is empty
    QString reason;       // why it does not fit
    QString error;        // the log could not be read at all
};

// The server's append-only audit log. Each entry carries the SHA-256 of its own fields and of the
// entry before it, so editing, removing or inserting a row breaks the chain and verify() names the
// first entry that no longer fits.
class ServerAudit
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::ServerAudit)

public:
    explicit ServerAudit(ServerDatabase& database);

    // Appends inside the caller's transaction (the change it records commits with it or not at all).
    // `at` and `seq` are filled in here.
    bool append(ServerAuditEntry entry, QString* error);
    AuditVerification verify() const;

    static QString hashOf(const ServerAuditEntry& entry);

private:
    ServerDatabase& m_database;
};

} // namespace ud::server
