#include "demo/DemoNames.h"

#include "domain/CreditCode.h"
#include "domain/IdNumber.h"

#include <QDate>
#include <QStringList>

#include <array>

namespace ud {

namespace {

// The most common surnames with their approximate share (per mille) of the population.
struct WeightedText
{
    const char* text;
    int weight;
};

const WeightedText kSurnames[] = {
    {"王", 72},  {"李", 71},  {"张", 68}, {"刘", 53}, {"陈", 45}, {"杨", 31}, {"黄", 22},  {"赵", 20},
    {"吴", 20},  {"周", 19},  {"徐", 13}, {"孙", 12}, {"马", 12}, {"朱", 11}, {"胡", 10},  {"郭", 10},
    {"何", 9},   {"高", 9},   {"林", 9},  {"罗", 8},  {"郑", 8},  {"梁", 8},  {"谢", 6},   {"宋", 6},
    {"唐", 6},   {"许", 5},   {"韩", 5},  {"冯", 5},  {"邓", 5},  {"曹", 5},  {"彭", 5},   {"曾", 5},
    {"肖", 5},   {"田", 4},   {"董", 4},  {"袁", 4},  {"潘", 4},  {"于", 4},  {"蒋", 4},   {"蔡", 4},
    {"余", 4},   {"杜", 4},   {"叶", 4},  {"程", 3},  {"苏", 3},  {"魏", 3},  {"吕", 3},   {"丁", 3},
    {"任", 3},   {"沈", 3},   {"姚", 3},  {"卢", 3},  {"姜", 3},  {"崔", 3},  {"钟", 3},   {"谭", 3},
    {"陆", 3},   {"汪", 3},   {"范", 3},  {"金", 3},  {"石", 2},  {"廖", 2},  {"贾", 2},   {"夏", 2},
    {"韦", 2},   {"付", 2},   {"方", 2},  {"白", 2},  {"邹", 2},  {"孟", 2},  {"熊", 2},   {"秦", 2},
    {"邱", 2},   {"江", 2},   {"尹", 2},  {"薛", 2},  {"闫", 2},  {"段", 2},  {"雷", 2},   {"侯", 2},
    {"龙", 2},   {"史", 2},   {"陶", 1},  {"黎", 1},  {"贺", 1},  {"顾", 1},  {"毛", 1},   {"郝", 1},
    {"龚", 1},   {"邵", 1},   {"万", 1},  {"钱", 1},  {"严", 1},  {"覃", 1},  {"欧阳", 1}, {"司马", 1},
    {"诸葛", 1}, {"上官", 1},
};

const char* const kMaleGiven =
    "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志文海峰亮成";
const char* const kFemaleGiven = "芳娜敏静丽艳娟霞秀玲桂英燕红梅琳丹萍婷雪慧莉倩颖洁晶媛佳琪欣怡梦雨月蓉";
const char* const kSharedGiven = "春晓一嘉子思俊永德子晨家安新雅博天瑞诗";
// Characters clerks struggle with: outside GBK, some outside the BMP (𠇔 U+201D4, 𡒄 U+21484,
// 𬱖 U+2CC56), kept here so every path is exercised with them.
const char* const kRareGiven[] = {"䶮", "𠇔", "𡒄", "堃", "犇", "喆", "玥", "珺", "燊", "镕", "𬱖", "昇"};

const char* const kUyghurGiven[] = {"阿依古丽", "买买提", "热依拉", "艾力",
                                    "古丽娜尔", "努尔",   "阿不都", "帕提古丽"};
const char* const kUyghurFamily[] = {"买买提", "吐尔逊", "艾则孜", "阿不力孜", "依明", "热合曼"};

const WeightedText kEthnicities[] = {
    {"汉族", 915}, {"壮族", 25}, {"回族", 9},   {"满族", 8}, {"维吾尔族", 8}, {"苗族", 8}, {"彝族", 7},
    {"土家族", 7}, {"藏族", 5},  {"蒙古族", 5}, {"瑶族", 3}, {"畲族", 2},     {"黎族", 2},
};

// Region codes: Guangzhou's districts first (the platform's home), then where migrant workers
// come from.
const char* const kRegions[] = {
    "440103", "440104", "440105", "440106", "440111", "440112", "440113", "440114", "440115", "440117",
    "440118", "440304", "440305", "440306", "441302", "445102", "450102", "450103", "430102", "430104",
    "360102", "510104", "520102", "420102", "410102", "350102", "530102", "610102", "130102", "370102"};

const char* const kDistricts[] = {"越秀区", "海珠区", "荔湾区", "天河区", "白云区", "黄埔区",
                                  "番禺区", "花都区", "南沙区", "从化区", "增城区"};
const char* const kTownships[] = {"北京街道", "人民街道", "东山街道", "农林街道", "梅花村街道", "华乐街道",
                                  "建设街道", "大塘街道", "珠光街道", "大东街道", "白云街道",   "登峰街道",
                                  "矿泉街道", "流花街道", "洪桥街道", "六榕街道", "五山街道",   "石牌街道",
                                  "太和镇",   "钟落潭镇", "人和镇",   "江高镇",   "石楼镇",     "新造镇"};
const char* const kCompanyPlaces[] = {"广州", "羊城", "珠江", "穗",   "南粤",
                                      "岭南", "华南", "粤海", "白云", "花城"};
const char* const kCompanyCores[] = {"恒达", "信诚", "华盛", "宏图", "明珠", "瑞丰", "金穗",
                                     "长隆", "嘉禾", "新创", "启航", "骏业", "通达", "永安",
                                     "祥和", "鸿运", "盈科", "卓越", "海纳", "致远"};
const char* const kCompanyTrades[] = {"科技",         "物流",     "电子",     "建设工程", "餐饮管理",
                                      "环境卫生服务", "快递",     "汽车服务", "纺织",     "医药",
                                      "食品",         "物业管理", "商贸",     "印刷",     "网络科技"};
const char* const kCompanyForms[] = {"有限公司", "有限公司", "股份有限公司", "集团有限公司"};

template <typename T, size_t N>
const T& pick(const T (&items)[N], std::mt19937_64& random)
{
    return items[std::uniform_int_distribution<size_t>(0, N - 1)(random)];
}

template <size_t N>
const char* pickWeighted(const WeightedText (&items)[N], std::mt19937_64& random)
{
    static const int total = [&items] {
        int sum = 0;
        for (const WeightedText& w : items)
            sum += w.weight;
        return sum;
    }();
    int roll = std::uniform_int_distribution<int>(0, total - 1)(random);
    for (const WeightedText& w : items) {
        if (roll < w.weight)
            return w.text;
        roll -= w.weight;
    }
    return items[0].text;
}

QChar pickChar(const char* utf8, std::mt19937_64& random)
{
    static QHash<const char*, QString> cache;
    auto it = cache.find(utf8);
    if (it == cache.end())
        it = cache.insert(utf8, QString::fromUtf8(utf8));
    return it->at(std::uniform_int_distribution<qsizetype>(0, it->size() - 1)(random));
}

} // namespace

DemoNames::DemoNames(std::mt19937_64& random)
    : m_random(random)
{
}

int DemoNames::uniform(int lowInclusive, int highInclusive)
{
    return std::uniform_int_distribution<int>(lowInclusive, highInclusive)(m_random);
}

double DemoNames::unit()
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
}

QString DemoNames::ethnicity()
{
    return QString::fromUtf8(pickWeighted(kEthnicities, m_random));
}

QString DemoNames::personName(bool female, const QString& ethnicity)
{
    if (ethnicity == QStringLiteral("维吾尔族"))
        return QString::fromUtf8(pick(kUyghurGiven, m_random)) + QChar(0x00B7) +
               QString::fromUtf8(pick(kUyghurFamily, m_random));
    QString name = QString::fromUtf8(pickWeighted(kSurnames, m_random));
    const int givenLength = unit() < 0.3 ? 1 : 2;
    for (int i = 0; i < givenLength; ++i) {
        if (unit() < 0.004)
            name += QString::fromUtf8(pick(kRareGiven, m_random));
        else if (unit() < 0.25)
            name += pickChar(kSharedGiven, m_random);
        else
            name += pickChar(female ? kFemaleGiven : kMaleGiven, m_random);
    }
    return name;
}

QString DemoNames::idNumber(const QDate& birth, bool female)
{
    int sequence = uniform(0, 499) * 2 + (female ? 0 : 1);
    const QString first17 = QString::fromLatin1(pick(kRegions, m_random)) +
                            birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + IdNumber::checkCharacter(first17);
}

QString DemoNames::mobile()
{
    static const char* const prefixes[] = {"130", "131", "132", "135", "136", "137", "138", "139",
                                           "150", "151", "152", "155", "156", "157", "158", "159",
                                           "176", "177", "180", "181", "182", "183", "185", "186",
                                           "187", "188", "189", "191", "198", "199"};
    return QString::fromLatin1(pick(prefixes, m_random)) +
           QStringLiteral("%1").arg(uniform(0, 99999999), 8, 10, QLatin1Char('0'));
}

QString DemoNames::companyName()
{
    return QString::fromUtf8(pick(kCompanyPlaces, m_random)) +
           QString::fromUtf8(pick(kCompanyCores, m_random)) +
           QString::fromUtf8(pick(kCompanyTrades, m_random)) +
           QString::fromUtf8(pick(kCompanyForms, m_random));
}

QString DemoNames::districtName(int index)
{
    constexpr int count = static_cast<int>(std::size(kDistricts));
    const QString base = QString::fromUtf8(kDistricts[index % count]);
    return index < count ? base : base + QStringLiteral("第%1片区").arg(index / count + 1);
}

QString DemoNames::townshipName(int index)
{
    constexpr int count = static_cast<int>(std::size(kTownships));
    const QString base = QString::fromUtf8(kTownships[index % count]);
    return index < count ? base : base + QStringLiteral("第%1片区").arg(index / count + 1);
}

QString DemoNames::creditCode(bool union_)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    QString first17 = union_ ? QStringLiteral("81") : QStringLiteral("91");
    first17 += QString::fromLatin1(pick(kRegions, m_random));
    while (first17.size() < 17)
        first17 += alphabet.at(uniform(0, static_cast<int>(alphabet.size()) - 1));
    return first17 + CreditCode::checkCharacter(first17);
}

} // namespace ud
