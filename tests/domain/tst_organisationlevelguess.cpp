#include "domain/OrganisationLevelGuess.h"

#include <QTest>

using ud::OrganisationLevelGuess;

class TstOrganisationLevelGuess : public QObject
{
    Q_OBJECT

private slots:
    void fromName_data();
    void fromName();
    void fallbackWhenTheNameSaysNothing();
};

void TstOrganisationLevelGuess::fromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("level");
    QTest::newRow("province") << QStringLiteral("浙江省总工会") << QStringLiteral("province");
    QTest::newRow("autonomous region")
        << QStringLiteral("广西壮族自治区总工会") << QStringLiteral("province");
    QTest::newRow("city") << QStringLiteral("杭州市总工会") << QStringLiteral("city");
    QTest::newRow("prefecture") << QStringLiteral("延边朝鲜族自治州总工会") << QStringLiteral("city");
    QTest::newRow("district in a city") << QStringLiteral("杭州市西湖区总工会") << QStringLiteral("district");
    QTest::newRow("county") << QStringLiteral("安吉县总工会") << QStringLiteral("district");
    QTest::newRow("street") << QStringLiteral("西湖区北山街道工会") << QStringLiteral("township");
    QTest::newRow("street federation") << QStringLiteral("东风街道总工会") << QStringLiteral("township");
    QTest::newRow("town federation") << QStringLiteral("柳城镇总工会") << QStringLiteral("township");
    QTest::newRow("town") << QStringLiteral("安吉县孝丰镇工会") << QStringLiteral("township");
    QTest::newRow("federation") << QStringLiteral("西湖区快递物流行业工会联合会")
                                << QStringLiteral("township");
    QTest::newRow("company") << QStringLiteral("杭州某某科技有限公司工会") << QStringLiteral("base");
    QTest::newRow("company in a district")
        << QStringLiteral("西湖区某某有限公司工会委员会") << QStringLiteral("base");
    QTest::newRow("hospital") << QStringLiteral("安吉县人民医院工会") << QStringLiteral("base");
    QTest::newRow("joint union") << QStringLiteral("北山街道小微企业联合工会") << QStringLiteral("base");
}

void TstOrganisationLevelGuess::fromName()
{
    QFETCH(QString, name);
    QFETCH(QString, level);
    QCOMPARE(OrganisationLevelGuess::fromName(name), level);
}

void TstOrganisationLevelGuess::fallbackWhenTheNameSaysNothing()
{
    QCOMPARE(OrganisationLevelGuess::fromName(QStringLiteral("测试工会")), QStringLiteral("city"));
    QCOMPARE(OrganisationLevelGuess::fromName(QStringLiteral("测试工会"), QStringLiteral("base")),
             QStringLiteral("base"));
}

QTEST_APPLESS_MAIN(TstOrganisationLevelGuess)
#include "tst_organisationlevelguess.moc"
