#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace ud {

// One line of the audit log: who did what to which record, and when.
struct AuditEntry
{
    qint64 seq = 0;
    QString id;
    QString at;
    QString actor;
    QString action;   // e.g. "unmask", "export"
    QString entity;   // e.g. "member"; empty for a whole roster
    QString recordId; // empty when the action covers many records
    QString detail;   // a short human-readable description
    QString previousHash;
    QString hash;
};

// The local, append-only audit log of personal-data access (unmasking, exports). Each entry carries
// the SHA-256 of its own fields and of the entry before it, so removing or editing a line breaks
// the chain and verify() shows where; triggers refuse UPDATE and DELETE outright.
class AuditLog
{
public:
    explicit AuditLog(const QSqlDatabase& db);

    // Appends in its own transaction, or in the caller's when `inTransaction` is true.
    bool append(AuditEntry entry, QString* error, bool inTransaction = false);
    QList<AuditEntry> entries(int limit = 1000) const;
    qint64 count() const;
    // The seq of the first entry whose hash does not match, or 0 when the chain is whole.
    qint64 firstBrokenEntry() const;

    static QString hashOf(const AuditEntry& entry);

    static inline const QString Unmask = QStringLiteral("unmask");
    static inline const QString Export = QStringLiteral("export");

private:
    QSqlDatabase m_db;
};

} // namespace ud
