#include "organisations/DissolveCheck.h"

#include "domain/IdNumber.h"
#include "store/Scope.h"
#include "store/Sql.h"

#include <QSqlQuery>

namespace ud {

namespace {
// The statuses of members who still belong to the union's roll.
const QString kHeldStatuses = QStringLiteral("('active', 'retained')");
} // namespace

DissolveCheck DissolveCheck::of(const QSqlDatabase& db, const Organisation& org, int listLimit)
{
    DissolveCheck check;
    check.m_organisationName = org.name;
    const QVariantList range = {org.path, Scope::upperBound(org.path)};
    // The count from the tally, the names from the member rows (only the first few).
    QSqlQuery count(db);
    if (!sql::execBound(
            count,
            QStringLiteral("SELECT coalesce(sum(t.n), 0) FROM organisation o JOIN member_tally t ON "
                           "t.organisation_id = o.id WHERE o.path >= ? AND o.path < ? AND t.status IN ") +
                kHeldStatuses,
            range, &check.m_error) ||
        !count.next())
        return check;
    check.m_memberCount = count.value(0).toLongLong();
    if (check.m_memberCount > 0) {
        QSqlQuery q(db);
        if (!sql::execBound(
                q,
                QStringLiteral("SELECT m.name, m.id_number, o.name FROM organisation o JOIN member m ON "
                               "m.organisation_id = o.id AND m.deleted = 0 AND m.status IN ") +
                    kHeldStatuses +
                    QStringLiteral(" WHERE o.path >= ? AND o.path < ? ORDER BY o.path, m.name_key "
                                   "LIMIT ?"),
                range + QVariantList{listLimit}, &check.m_error))
            return check;
        while (q.next())
            check.m_members.append(
                {q.value(0).toString(), IdNumber::masked(q.value(1).toString()), q.value(2).toString()});
    }
    QSqlQuery units(db);
    if (!sql::execBound(
            units,
            QStringLiteral("SELECT name FROM organisation WHERE path > ? AND path < ? AND deleted = 0 AND "
                           "status = 'active' ORDER BY path LIMIT 20"),
            range, &check.m_error))
        return check;
    while (units.next())
        check.m_activeUnits.append(units.value(0).toString());
    check.m_ok = true;
    return check;
}

QString DissolveCheck::message() const
{
    if (!m_ok)
        return tr("%1 cannot be checked for dissolving: %2").arg(m_organisationName, m_error);
    if (m_memberCount > 0) {
        QStringList listed;
        for (const HeldMember& m : m_members)
            listed.append(tr("%1 (%2, %3)").arg(m.name, m.maskedIdNumber, m.organisationName));
        QString list = listed.join(tr(", "));
        if (m_memberCount > m_members.size())
            list = tr("%1 and %2 more").arg(list).arg(m_memberCount - m_members.size());
        return tr("%1 cannot be dissolved: %2 members still belong to it or to the unions under it; transfer "
                  "them, hang them or change their status first: %3")
            .arg(m_organisationName)
            .arg(m_memberCount)
            .arg(list);
    }
    if (!m_activeUnits.isEmpty())
        return tr("%1 cannot be dissolved: the unions under it are still in operation; dissolve them first: "
                  "%2")
            .arg(m_organisationName, m_activeUnits.join(tr(", ")));
    return {};
}

} // namespace ud
