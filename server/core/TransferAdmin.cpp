#include "TransferAdmin.h"

#include "ChangeSequence.h"
#include "OrganisationDirectory.h"
#include "ServerAudit.h"
#include "ServerTransaction.h"
#include "TransferRuleStore.h"
#include "TransferRules.h"
#include "TransferStore.h"
#include "util/Clock.h"

namespace ud::server {

TransferAdmin::TransferAdmin(ServerDatabase& database, QString actor)
    : m_database(database)
    , m_actor(std::move(actor))
{
}

bool TransferAdmin::setAutoApproveHung(const QString& organisation, bool yes, QString* error, QString* name)
{
    ServerTransaction transaction(m_database);
    if (!transaction.begun(error))
        return false;
    OrganisationEntry entry;
    int count = 0;
    const OrganisationDirectory::Match match =
        OrganisationDirectory(m_database).byIdOrName(organisation, &entry, &count, error);
    if (match != OrganisationDirectory::Match::Found) {
        if (match != OrganisationDirectory::Match::Failed)
            *error = OrganisationDirectory::problem(match, organisation, count);
        return false;
    }
    ServerAuditEntry audit;
    audit.actor = m_actor;
    audit.action = QStringLiteral("transfer-rule");
    audit.entity = QStringLiteral("organisation");
    audit.recordId = entry.id;
    audit.detail = QStringLiteral("auto-approve requests for hung members: %1")
                       .arg(yes ? QStringLiteral("yes") : QStringLiteral("no"));
    if (!TransferRuleStore(m_database).setAutoApproveHung(entry.id, yes, m_actor, error) ||
        !ServerAudit(m_database).append(audit, error) || !transaction.commit(error))
        return false;
    if (name)
        *name = entry.name;
    return true;
}

bool TransferAdmin::expireRequests(int days, int* expired, QString* error)
{
    *expired = 0;
    ServerTransaction transaction(m_database);
    if (!transaction.begun(error) || !ChangeSequence(m_database).lock(error))
        return false;
    TransferStore store(m_database);
    QList<TransferRecord> open;
    const QString cutoff = Clock::nowUtc().addDays(-days).toString(Qt::ISODateWithMs);
    if (!store.requestsOpenSince(cutoff, &open, error))
        return false;
    const QString reason = tr("Nobody decided this request within %n day(s).", nullptr, days);
    const QString now = Clock::nowIso();
    for (const TransferRecord& before : open) {
        TransferRecord after = before;
        after.set(QStringLiteral("state"), QStringLiteral("expired"));
        after.set(QStringLiteral("decisionReason"), reason);
        after.set(QStringLiteral("decidedAt"), now);
        after.set(QStringLiteral("decidedBy"), TransferRules::serverActor());
        if (!store.save(before, &after, QStringLiteral("expire"), {m_actor, TransferRules::serverClientId()},
                        error))
            return false;
    }
    if (!transaction.commit(error))
        return false;
    *expired = int(open.size());
    return true;
}

} // namespace ud::server
