#pragma once

#include "TestStore.h"
#include "transfers/Transfer.h"

#include <QJsonObject>

namespace ud::test {

// The data file of the membership-transfer tests: 测试区总工会 → 甲街道工会 (township) → 甲一厂工会
// (base); 测试区总工会 → 乙厂工会 (other), with the members and transfers those tests start from.
class TransferTestStore : public TestStore
{
public:
    TransferTestStore();

    // The store and its three organisations are made; else the reason is in error().
    bool isReady() const { return isValid() && !m_other.id.isEmpty(); }
    const Organisation& township() const { return m_township; }
    const Organisation& base() const { return m_base; }
    const Organisation& other() const { return m_other; }

    using TestStore::addMember;
    // sampleMember(n) of `organisationId`, employed at 甲一厂 since 2015-03-08 (a warning when it
    // cannot be added).
    Member addMember(int n, const QString& organisationId);
    // A transfer as a pull writes it: `version` from the server, no outbox operation.
    Transfer pulled(const QString& id, const QJsonObject& fields, qint64 version = 7);

private:
    Organisation m_township;
    Organisation m_base;
    Organisation m_other;
};

} // namespace ud::test
