#pragma once

#include <QString>

namespace ud::server {

// The account a request acts as, resolved from its bearer token: who it is, the organisation whose
// subtree it may see, and what it may do there.
struct SessionAccount
{
    QString id;
    QString login;
    QString organisationId;
    QString organisationPath; // materialised path of the organisation ("rootId/…/orgId/")
    QString role;             // administrator, clerk, viewer, auditor

    bool isValid() const { return !id.isEmpty(); }
    // Viewers and auditors read; administrators and clerks also write.
    bool mayWrite() const { return role == QLatin1String("administrator") || role == QLatin1String("clerk"); }
    bool mayManageAccounts() const { return role == QLatin1String("administrator"); }
    // True when `path` lies in this account's subtree.
    bool covers(const QString& path) const
    {
        return !organisationPath.isEmpty() && path.startsWith(organisationPath);
    }
};

} // namespace ud::server
