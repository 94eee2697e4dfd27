#include "TestStore.h"

#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"

namespace ud::test {

TestStore::TestStore(const QString& rootName, const QString& rootLevel)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return;
    }
    m_store = Database::open(m_dir.filePath(QStringLiteral("test.sqlite")),
                             Database::OpenMode::CreateIfMissing, &m_error);
    if (!m_store)
        return;
    if (const auto root =
            OrganisationRepository::createRoot(*m_store, rootName, rootLevel, actor(), &m_error))
        m_root = *root;
    m_scope = OrganisationRepository::rootScope(*m_store);
}

TestStore::~TestStore() = default;

QString TestStore::path() const
{
    return m_store ? m_store->path() : QString();
}

Organisation TestStore::addOrganisation(const QString& name, const QString& parentId, const QString& level)
{
    Organisation o;
    o.parentId = parentId.isEmpty() ? m_root.id : parentId;
    o.name = name;
    o.level = level;
    if (level == QLatin1String("base"))
        o.kind = QStringLiteral("enterprise");
    if (!OrganisationRepository(*m_store, m_scope).add(o, actor(), &m_error))
        return Organisation();
    return o;
}

bool TestStore::addMember(Member& member)
{
    return MemberRepository(*m_store, m_scope).add(member, actor(), &m_error);
}

QStringList TestStore::addMembers(const QString& organisationId, int count, int first)
{
    QStringList ids;
    MemberRepository repository(*m_store, m_scope);
    for (int n = first; n < first + count; ++n) {
        Member m = sampleMember(n, organisationId);
        if (!repository.add(m, actor(), &m_error))
            return {};
        ids.append(m.id);
    }
    return ids;
}

QString TestStore::sampleName(int n)
{
    static const QStringList surnames =
        QStringLiteral("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗").split(QLatin1Char(' '));
    static const QStringList given =
        QStringLiteral("伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 "
                       "刚 桂英 建华 文 华 玉兰 红 志强 海燕")
            .split(QLatin1Char(' '));
    static const QStringList third = QStringLiteral("一 二 三 四 五 六 七 八 九 十").split(QLatin1Char(' '));
    const auto s = static_cast<int>(surnames.size());
    const auto g = static_cast<int>(given.size());
    QString name = surnames.at(n % s) + given.at((n / s) % g);
    if (n >= s * g)
        name += third.at((n / (s * g)) % static_cast<int>(third.size()));
    return name;
}

QDate TestStore::sampleBirthDate(int n)
{
    return QDate(1960, 1, 1).addDays(n);
}

QString TestStore::sampleIdNumber(int n)
{
    // An odd sequence number is a man, an even one a woman.
    return idNumber(QStringLiteral("110105"), sampleBirthDate(n), sampleIsFemale(n) ? 102 : 101);
}

Member TestStore::sampleMember(int n, const QString& organisationId)
{
    static const QStringList forms = {QStringLiteral("employee"), QStringLiteral("courier"),
                                      QStringLiteral("food-delivery"), QStringLiteral("employee"),
                                      QStringLiteral("sanitation")};
    Member m;
    m.organisationId = organisationId;
    m.name = sampleName(n);
    m.idNumber = sampleIdNumber(n);
    m.mobile = QStringLiteral("139%1").arg(10000000 + (n * 7919) % 89999999, 8, 10, QLatin1Char('0'));
    m.ethnicity = QStringLiteral("汉族");
    m.employer = QStringLiteral("示例有限公司");
    m.employmentForm = forms.at(n % forms.size());
    m.household = n % 4 == 0 ? QStringLiteral("rural") : QStringLiteral("urban");
    m.joinDate = sampleBirthDate(n).addYears(22).toString(Qt::ISODate);
    m.cardNumber = QStringLiteral("GH%1").arg(n, 6, 10, QLatin1Char('0'));
    m.verified = n % 3 == 0;
    if (m.verified) {
        m.verifiedMethod = QStringLiteral("in-person");
        m.verifiedAt = QStringLiteral("2024-03-01");
    }
    return m;
}

QChar TestStore::checkCharacter(const QString& first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char codes[] = "10X98765432";
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += first17.at(i).digitValue() * weights[i];
    return QLatin1Char(codes[sum % 11]);
}

QString TestStore::idNumber(const QString& region, const QDate& birth, int sequence)
{
    const QString first17 = region + birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + checkCharacter(first17);
}

} // namespace ud::test
