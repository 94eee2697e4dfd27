#pragma once

#include "store/Outbox.h"
#include "sync/SyncConflict.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace ud {
class Database;
}

namespace ud::sync {

// Keeps the conflicts a push brings back and settles them as the clerk decides. Nothing is ever
// overwritten without a decision: keeping mine sends the local value again, based on the server
// version the conflict saw; taking theirs writes the server's value into the local record.
class SyncConflictRepository
{
    Q_DECLARE_TR_FUNCTIONS(ud::sync::SyncConflictRepository)

public:
    enum class Resolution
    {
        KeepMine,
        TakeTheirs,
    };

    explicit SyncConflictRepository(Database& store);

    // In the caller's transaction: one field someone else changed. An open conflict on the same
    // field of the same record takes the new values.
    bool recordField(const QString& entity, const QString& recordId, const QString& field,
                     const QJsonValue& mine, const QJsonValue& theirs, qint64 serverVersion, QString* error);
    // In the caller's transaction: a whole operation refused (theirs null) or in conflict.
    bool recordOperation(const OutboxOperation& op, const QString& reason, const QJsonValue& theirs,
                         qint64 serverVersion, QString* error);

    // In the caller's transaction: a pulled value of a field with an open conflict becomes its
    // "theirs", so taking theirs later takes the newest and keeping mine is based on it.
    bool refreshTheirs(const QString& entity, const QString& recordId, const QString& field,
                       const QJsonValue& theirs, qint64 serverVersion, QString* error);

    QList<SyncConflict> open() const;
    qint64 openCount() const;
    std::optional<SyncConflict> find(const QString& id) const;
    // Settles an open conflict in one transaction with its audit-log entry.
    bool resolve(const QString& id, Resolution resolution, const QString& actor, QString* error);

private:
    bool keepMine(const SyncConflict& conflict, QString* error);
    bool takeTheirs(const SyncConflict& conflict, QString* error);

    Database& m_store;
};

} // namespace ud::sync
