#pragma once

#include <QString>

namespace ud::server {

class ServerDatabase;
struct SyncRecord;

// Moves a member and her history on the server, inside the caller's transaction. The history goes
// wherever the member goes: each event takes the member's new path and a new version, so whoever now
// sees the member pulls all of it, and whoever no longer does pulls it as "gone".
class MemberMove
{
public:
    // Where a transfer takes a member.
    struct Destination
    {
        QString organisationId;
        QString path;
        QString name;
        QString status; // the member's status there: hung, active
    };
    // The transfer that moves her, for her history and the audit log.
    struct Cause
    {
        QString transferId;
        QString fromName;
        QString reason; // the transfer's reason code, kept on the history event
    };

    // `actor` goes into updated_by and the audit log; `clientId` into the member's field versions.
    MemberMove(ServerDatabase& database, QString actor, QString clientId);

    // Moves the live member `member` (as loaded) to `to`: her organisation, status, path and version
    // change (a client's older edit of those fields conflicts), she departs her old path, her history
    // follows, and a "transferred" event with today's date joins it. Audited.
    bool transfer(const SyncRecord& member, const Destination& to, const Cause& cause, QString* error);

    // The history of a member just moved (a new version for each event not yet at `newPath`, and a
    // departure from its old path) or, when `newPath` is empty, deleted (a tombstone for each event).
    bool rewriteHistory(const QString& memberId, const QString& newPath, QString* error);

private:
    bool addTransferredEvent(const SyncRecord& member, const Destination& to, const Cause& cause,
                             QString* eventId, QString* error);

    ServerDatabase& m_database;
    QString m_actor;
    QString m_clientId;
};

} // namespace ud::server
