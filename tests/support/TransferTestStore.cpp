#include "TransferTestStore.h"

#include "sync/LocalRecordStore.h"
#include "sync/SyncEntities.h"
#include "transfers/TransferRepository.h"
#include "util/Clock.h"

namespace ud::test {

TransferTestStore::TransferTestStore()
{
    if (!isValid())
        return;
    m_township = addOrganisation(QStringLiteral("甲街道工会"), QString(), QStringLiteral("township"));
    m_base = addOrganisation(QStringLiteral("甲一厂工会"), m_township.id);
    m_other = addOrganisation(QStringLiteral("乙厂工会"));
}

Member TransferTestStore::addMember(int n, const QString& organisationId)
{
    Member m = sampleMember(n, organisationId);
    m.employer = QStringLiteral("甲一厂");
    m.joinDate = QStringLiteral("2015-03-08");
    if (!addMember(m))
        qWarning("%s", qPrintable(error()));
    return m;
}

Transfer TransferTestStore::pulled(const QString& id, const QJsonObject& fields, qint64 version)
{
    sync::LocalRecordStore records(store().connection());
    QString error;
    if (!records.insert(*sync::entity(QStringLiteral("transfer")), id, fields,
                        sync::SyncStamp{version, Clock::nowIso(), QStringLiteral("server")}, false, &error))
        qWarning("%s", qPrintable(error));
    return TransferRepository(store(), scope()).find(id).value_or(Transfer());
}

} // namespace ud::test
