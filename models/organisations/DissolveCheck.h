#pragma once

#include "organisations/Organisation.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace ud {

// Why a union cannot be dissolved yet: members still on its roll or the rolls of the unions under
// it (active or retained — they must be transferred, hung or otherwise resolved first), and unions
// under it still in operation. Members are listed by name and masked ID number.
class DissolveCheck
{
    Q_DECLARE_TR_FUNCTIONS(ud::DissolveCheck)

public:
    struct HeldMember
    {
        QString name;
        QString maskedIdNumber;
        QString organisationName;
    };

    // Reads what blocks dissolving `org` (listing at most `listLimit` members).
    static DissolveCheck of(const QSqlDatabase& db, const Organisation& org, int listLimit = 20);

    bool canDissolve() const { return m_ok && m_memberCount == 0 && m_activeUnits.isEmpty(); }
    qint64 memberCount() const { return m_memberCount; }
    const QList<HeldMember>& members() const { return m_members; }
    const QStringList& activeUnits() const { return m_activeUnits; }
    // One sentence for the clerk: why not, and who (empty when it can be dissolved).
    QString message() const;

private:
    bool m_ok = false;
    QString m_organisationName;
    QString m_error;
    qint64 m_memberCount = 0;
    QList<HeldMember> m_members;
    QStringList m_activeUnits;
};

} // namespace ud
