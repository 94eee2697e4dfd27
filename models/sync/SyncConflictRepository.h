#pragma once

#include "store/Outbox.h"
#include "sync/SyncConflict.h"
#include "sync/SyncEntities.h"

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
//
// A refused operation has no server value: taking theirs (dismissing it) leaves a record the
// server has as it is, and removes for good a record the server never had (version 0) with the
// records it owns, so the store ends as the server is. One refusal row stands for a record and
// what it owns: a later refusal of the same record, or of a record it owns (a member's history),
// joins the row's operation as a follower ("followers" in op), is sent again with it and given up
// with it.
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
    // In the caller's transaction: a refused operation joins the open refusal of its record or of
    // the record that owns it, if there is one (*joined); otherwise nothing is written.
    bool joinRefusal(const OutboxOperation& op, const QString& reason, bool* joined, QString* error);
    // In the caller's transaction: a local record set aside for a server record (the same person
    // entered twice). An open refusal of the record takes the reason beside its own; otherwise a
    // new refusal row keeps `wholeRecord`, every field of it.
    bool recordSetAside(const OutboxOperation& wholeRecord, const QString& reason, QString* error);
    // In the caller's transaction: removes for good a record the server never had, with the records
    // it owns, their pending operations and their open conflicts (but `keepOpen`), which are settled
    // as `resolution` by `actor`. Refuses, saying what, while another record still refers to it.
    bool withdraw(const EntitySpec& spec, const QString& id, const QString& resolution, const QString& actor,
                  const QString& keepOpen, QString* error);
    // The operations a conflict row stands for: its own, then those that joined it.
    static QList<OutboxOperation> operationsOf(const SyncConflict& conflict);

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
    // *removed says whether a record the server never had left the store.
    bool takeTheirs(const SyncConflict& conflict, const QString& outcome, const QString& actor, bool* removed,
                    QString* error);
    // The open refusal row of a record: its id, operation and reason, or an empty id.
    bool openRefusal(const QString& entity, const QString& recordId, QString* id, QJsonObject* op,
                     QString* reason, QString* error) const;
    // Keeping a set-aside member would give one person two memberships here: refused, saying so.
    bool checkRestorable(const EntitySpec& spec, const QString& recordId, QString* error) const;

    Database& m_store;
};

} // namespace ud::sync
