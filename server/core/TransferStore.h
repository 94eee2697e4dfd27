#pragma once

#include "TransferRecord.h"

#include <QList>
#include <QString>

namespace ud::server {

class ServerDatabase;

// Reads and writes transfers inside the caller's transaction. Every write takes a new version,
// records which fields changed and by whom (so a client's older decision conflicts with it) and
// goes into the audit log with the ID number masked.
class TransferStore
{
public:
    // Who writes: the login for updated_by and the audit log, the client for the field versions.
    struct Author
    {
        QString login;
        QString clientId;
    };

    explicit TransferStore(ServerDatabase& database);

    // `record->found()` is false when there is no such transfer.
    bool load(const QString& id, TransferRecord* record, QString* error) const;
    // The member's transfers in `state` (hung, requested), oldest first.
    bool ofMember(const QString& memberId, const QString& state, QList<TransferRecord>* records,
                  QString* error) const;
    // Requests still open that were made before `cutoff` (ISO time, UTC).
    bool requestsOpenSince(const QString& cutoff, QList<TransferRecord>* records, QString* error) const;

    // Writes `after` — a new transfer when `before` was not found — with the next version, which
    // `after` takes, and its audit entry (`action`: create, update, expire …).
    bool save(const TransferRecord& before, TransferRecord* after, const QString& action,
              const Author& author, QString* error);

private:
    bool select(const QString& condition, const QVariantList& values, QList<TransferRecord>* records,
                QString* error) const;

    ServerDatabase& m_database;
};

} // namespace ud::server
