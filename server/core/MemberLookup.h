#pragma once

#include "SessionAccount.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace ud::server {

class ServerDatabase;

// What a lookup found.
struct MemberLookupResult
{
    enum class Status
    {
        Found,
        NotFound,
        InvalidIdNumber, // `error` names the reason (a 400)
        NotAllowed,      // the account's role may not look members up (a 403)
        Error,           // the database failed
    };

    Status status = Status::Error;
    // {"id", "name" (masked), "organisation", "organisationId", "since", "status"}
    QJsonObject summary;
    QString error;
};

// GET /api/v1/members/lookup: a union taking a member in finds them anywhere on the server by the
// exact ID number, and sees only a masked summary. Only roles that write (administrator, clerk) may
// look up; every lookup, found or not, is in the audit log with the ID number masked.
class MemberLookup
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::MemberLookup)

public:
    MemberLookup(ServerDatabase& database, SessionAccount account);

    MemberLookupResult lookup(const QString& idNumber);

    // 张*明, 欧**明, 李*, *: the family name and (from three characters) the last one stay.
    static QString maskedName(const QString& name);
    // The audit entry of a look-up by `actor` of the (valid, normalised) `idNumber`, found as
    // `memberId` or not found (empty), inside the caller's transaction; `purpose` adds why, when the
    // look-up is part of something else (a request for a transfer in).
    static bool audit(ServerDatabase& database, const QString& actor, const QString& idNumber,
                      const QString& memberId, const QString& purpose, QString* error);

private:
    ServerDatabase& m_database;
    SessionAccount m_account;
};

} // namespace ud::server
