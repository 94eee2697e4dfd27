#include "domain/CodeList.h"

#include "domain/TextNormaliser.h"

#include <QtGlobal>

namespace ud {

CodeList::CodeList(std::initializer_list<Code> codes)
    : m_codes(codes)
{
    for (const Code& c : m_codes) {
        const QString key = QString::fromLatin1(c.key);
        m_lowerCaseKeys.insert(key.toLower(), key);
        if (!m_lowerCaseKeys.contains(QString::fromLatin1(c.label).toLower()))
            m_lowerCaseKeys.insert(QString::fromLatin1(c.label).toLower(), key);
        for (const QString& alias :
             QString::fromUtf8(c.aliases).split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
            if (!m_aliases.contains(alias))
                m_aliases.insert(alias, key);
        }
    }
}

QStringList CodeList::keys() const
{
    QStringList out;
    out.reserve(size());
    for (const Code& c : m_codes)
        out.append(QString::fromLatin1(c.key));
    return out;
}

bool CodeList::contains(const QString& key) const
{
    for (const Code& c : m_codes) {
        if (key == QLatin1String(c.key))
            return true;
    }
    return false;
}

QString CodeList::label(const QString& key) const
{
    for (const Code& c : m_codes) {
        if (key == QLatin1String(c.key))
            return QCoreApplication::translate("ud::Codes", c.label);
    }
    return key;
}

QStringList CodeList::labels() const
{
    QStringList out;
    for (const Code& c : m_codes)
        out.append(label(QString::fromLatin1(c.key)));
    return out;
}

QString CodeList::keyFor(const QString& text) const
{
    // Most calls pass a key already (a record checked again before it is stored).
    for (const Code& c : m_codes) {
        if (text == QLatin1String(c.key))
            return text;
    }
    // A word as the list writes it (本科, 群众): found without normalising it first.
    if (const auto alias = m_aliases.constFind(text); alias != m_aliases.constEnd())
        return *alias;
    const QString wanted = TextNormaliser::normalise(text);
    if (wanted.isEmpty())
        return {};
    if (const auto alias = m_aliases.constFind(wanted); alias != m_aliases.constEnd())
        return *alias;
    if (const auto key = m_lowerCaseKeys.constFind(wanted.toLower()); key != m_lowerCaseKeys.constEnd())
        return *key;
    // The label in the interface language (a Chinese label that is not among the aliases).
    for (const Code& c : m_codes) {
        const QString key = QString::fromLatin1(c.key);
        if (wanted.compare(key, Qt::CaseInsensitive) == 0 ||
            wanted.compare(QString::fromLatin1(c.label), Qt::CaseInsensitive) == 0
            // Normalised too: the Chinese labels use full-width brackets (乡镇（街道）工会).
            || wanted == TextNormaliser::normalise(QCoreApplication::translate("ud::Codes", c.label)))
            return key;
        const QStringList aliases = QString::fromUtf8(c.aliases).split(QLatin1Char('|'), Qt::SkipEmptyParts);
        if (aliases.contains(wanted))
            return key;
    }
    // Clerks write "underscore" keys too (food_delivery); accept them as the hyphenated key.
    if (wanted.contains(QLatin1Char('_'))) {
        QString hyphenated = wanted;
        hyphenated.replace(QLatin1Char('_'), QLatin1Char('-'));
        return keyFor(hyphenated);
    }
    return {};
}

namespace codes {

const CodeList& memberStatus()
{
    static const CodeList list{
        {"active", QT_TRANSLATE_NOOP("ud::Codes", "Active"),
         "在会|正常|在籍|会员|在册|在职|在岗|正式|正式会员|在会会员"},
        {"retained", QT_TRANSLATE_NOOP("ud::Codes", "Retained"),
         "保留会籍|会籍保留|保留|退休|离退休|退休会员|退休保留会籍|已退休|离休|内退|内部退养|退养|失业|"
         "下岗|下岗失业|失业保留会籍|病退|提前退休|因病退休"},
        {"hung", QT_TRANSLATE_NOOP("ud::Codes", "Hung"), "上挂|挂靠|待接转"},
        {"withdrawn", QT_TRANSLATE_NOOP("ud::Codes", "Withdrawn"),
         "退会|离会|已退会|已离会|自动退会|退出工会"},
        {"stopped", QT_TRANSLATE_NOOP("ud::Codes", "Stopped"), "停止会籍|会籍停止|停止|已停止会籍"},
        {"expelled", QT_TRANSLATE_NOOP("ud::Codes", "Expelled"), "开除会籍|开除|除名"},
        {"deceased", QT_TRANSLATE_NOOP("ud::Codes", "Deceased"), "死亡|已故|去世|已去世|病故|身故"},
    };
    return list;
}

const CodeList& gender()
{
    static const CodeList list{
        {"male", QT_TRANSLATE_NOOP("ud::Codes", "Male"), "男|男性|男士|M|m|1|男的|先生|♂"},
        {"female", QT_TRANSLATE_NOOP("ud::Codes", "Female"), "女|女性|女士|F|f|2|女的|♀"},
    };
    return list;
}

const CodeList& employmentForm()
{
    static const CodeList list{
        {"employee", QT_TRANSLATE_NOOP("ud::Codes", "Employee"),
         "单位就业|在岗职工|职工|在职|正式职工|正式工|合同制|劳动合同制|合同工|劳务派遣|派遣|临时工|外包|"
         "非全日制|非全日制用工|全日制|退休返聘|返聘|聘用|聘用制|劳务工|合同制职工"},
        {"courier", QT_TRANSLATE_NOOP("ud::Codes", "Courier"), "快递员|快递|快递小哥|快件揽投员"},
        {"food-delivery", QT_TRANSLATE_NOOP("ud::Codes", "Food-delivery rider"),
         "外卖送餐员|外卖骑手|外卖员|送餐员|骑手|网约配送员|外卖配送员|配送员"},
        {"ride-hailing", QT_TRANSLATE_NOOP("ud::Codes", "Ride-hailing driver"),
         "网约车司机|网约车|网约车驾驶员"},
        {"truck-driver", QT_TRANSLATE_NOOP("ud::Codes", "Truck driver"), "货车司机|货车|货车驾驶员|卡车司机"},
        {"sanitation", QT_TRANSLATE_NOOP("ud::Codes", "Sanitation worker"), "环卫工人|环卫工|环卫"},
        {"construction", QT_TRANSLATE_NOOP("ud::Codes", "Construction worker"), "建筑工人|建筑工"},
        {"flexible", QT_TRANSLATE_NOOP("ud::Codes", "Flexible employment"), "灵活就业|个体"},
        {"other", QT_TRANSLATE_NOOP("ud::Codes", "Other"), "其他|其它"},
    };
    return list;
}

const CodeList& education()
{
    static const CodeList list{
        {"doctorate", QT_TRANSLATE_NOOP("ud::Codes", "Doctorate"), "博士研究生|博士|博士研究生学历|博士学位"},
        {"master", QT_TRANSLATE_NOOP("ud::Codes", "Master's degree"),
         "硕士研究生|硕士|研究生|研究生学历|硕士研究生学历|在职研究生|硕士学位"},
        {"bachelor", QT_TRANSLATE_NOOP("ud::Codes", "Bachelor's degree"),
         "大学本科|本科|大学|本科学历|大学本科学历|学士|学士学位|函授本科|自考本科|成人本科|网络本科|"
         "电大本科|全日制本科|专升本"},
        {"college", QT_TRANSLATE_NOOP("ud::Codes", "Junior college"),
         "大学专科|大专|专科|高职|专科学历|大专学历|大学专科学历|函授大专|自考大专|成人大专|电大|"
         "电大专科|网络大专|高职高专"},
        {"vocational", QT_TRANSLATE_NOOP("ud::Codes", "Secondary vocational"),
         "中专|中技|技校|中等专业学校|职高|中职|中等专科|中专学历|中专/中技|中专中技|职业高中|"
         "技工学校|中等职业学校"},
        {"high-school", QT_TRANSLATE_NOOP("ud::Codes", "High school"), "高中|普通高中|高中学历"},
        {"junior-high", QT_TRANSLATE_NOOP("ud::Codes", "Junior high school"), "初中|初中学历|初级中学"},
        {"primary", QT_TRANSLATE_NOOP("ud::Codes", "Primary school or below"),
         "小学|小学及以下|文盲|小学学历|小学以下|半文盲"},
    };
    return list;
}

const CodeList& politicalStatus()
{
    static const CodeList list{
        {"cpc", QT_TRANSLATE_NOOP("ud::Codes", "CPC member"),
         "中共党员|党员|中国共产党党员|共产党员|中国共产党员|中共正式党员|正式党员"},
        {"cpc-probationary", QT_TRANSLATE_NOOP("ud::Codes", "CPC probationary member"),
         "中共预备党员|预备党员|中国共产党预备党员|预备党员(中共)"},
        {"cyl", QT_TRANSLATE_NOOP("ud::Codes", "Communist Youth League member"),
         "共青团员|团员|共青团|中国共产主义青年团团员"},
        {"democratic-party", QT_TRANSLATE_NOOP("ud::Codes", "Democratic party member"),
         "民主党派|民主党派成员|民革|民革党员|民盟|民盟盟员|民建|民建会员|民进|民进会员|农工党|农工党党员|"
         "致公党|致公党党员|九三学社|九三学社社员|台盟|台盟盟员|民盟会员|民革会员|民建成员|民进成员|"
         "国民党革命委员会会员|民主同盟盟员|民主建国会会员|民主促进会会员|农工民主党党员|致公党员|"
         "台湾民主自治同盟盟员"},
        {"non-partisan", QT_TRANSLATE_NOOP("ud::Codes", "Non-partisan"), "无党派人士|无党派|无党派民主人士"},
        {"masses", QT_TRANSLATE_NOOP("ud::Codes", "Masses"), "群众"},
    };
    return list;
}

const CodeList& household()
{
    static const CodeList list{
        {"urban", QT_TRANSLATE_NOOP("ud::Codes", "Urban"),
         "城镇|城镇户口|非农业|非农|非农业户口|城镇居民|城镇居民户口|城市|城市户口|本地城镇|外地城镇|"
         "非农业户籍|城镇户籍"},
        {"rural", QT_TRANSLATE_NOOP("ud::Codes", "Rural (migrant worker)"),
         "农村|农村户口|农业|农民工|是|农业户口|农村居民|农业人口|本地农村|外地农村|农业户籍|农村户籍"},
    };
    return list;
}

const CodeList& idType()
{
    static const CodeList list{
        {"resident", QT_TRANSLATE_NOOP("ud::Codes", "Resident identity card"),
         "居民身份证|身份证|二代身份证|第二代居民身份证|居民身份证号码|临时身份证|临时居民身份证|"
         "中华人民共和国居民身份证|大陆居民身份证|内地居民身份证|身份证号"},
        {"passport", QT_TRANSLATE_NOOP("ud::Codes", "Passport"),
         "护照|普通护照|因私护照|因公护照|中国护照|外国护照|外籍护照|外国人护照|外籍人员护照|外国公民护照"},
        {"officer", QT_TRANSLATE_NOOP("ud::Codes", "Military officer card"), "军官证"},
        {"hmt-permit", QT_TRANSLATE_NOOP("ud::Codes", "Hong Kong, Macao and Taiwan residence permit"),
         "港澳台居民居住证|港澳居民居住证|台湾居民居住证|港澳台居住证|香港居民居住证|澳门居民居住证"},
        {"foreigner", QT_TRANSLATE_NOOP("ud::Codes", "Foreigner permanent residence card"),
         "外国人永久居留身份证|外国人永久居留证|永久居留证|永久居留身份证"},
    };
    return list;
}

const CodeList& verificationMethod()
{
    static const CodeList list{
        {"in-person", QT_TRANSLATE_NOOP("ud::Codes", "Checked in person"), "现场核验|现场"},
        {"id-card-reader", QT_TRANSLATE_NOOP("ud::Codes", "ID card reader"), "身份证读卡器|读卡器"},
        {"platform", QT_TRANSLATE_NOOP("ud::Codes", "Online platform"), "线上平台|平台认证|粤工惠"},
    };
    return list;
}

const CodeList& memberEventKind()
{
    static const CodeList list{
        {"joined", QT_TRANSLATE_NOOP("ud::Codes", "Joined"), "入会"},
        {"edited", QT_TRANSLATE_NOOP("ud::Codes", "Details changed"), "修改"},
        {"status-changed", QT_TRANSLATE_NOOP("ud::Codes", "Status changed"), "会籍变更"},
        {"transferred", QT_TRANSLATE_NOOP("ud::Codes", "Transferred"), "转移|接转"},
        {"deleted", QT_TRANSLATE_NOOP("ud::Codes", "Record deleted"), "删除"},
    };
    return list;
}

const CodeList& organisationLevel()
{
    static const CodeList list{
        {"province", QT_TRANSLATE_NOOP("ud::Codes", "Province federation"), "省总工会|省|省级"},
        {"city", QT_TRANSLATE_NOOP("ud::Codes", "City federation"), "市总工会|市|市级"},
        {"district", QT_TRANSLATE_NOOP("ud::Codes", "District/county federation"),
         "县(区)总工会|县区总工会|区总工会|县总工会|区|县"},
        {"township", QT_TRANSLATE_NOOP("ud::Codes", "Township/street union"),
         "乡镇(街道)工会|乡镇街道工会|街道工会|乡镇工会|街道|乡镇"},
        {"base", QT_TRANSLATE_NOOP("ud::Codes", "Base union"), "基层工会|基层"},
    };
    return list;
}

const CodeList& organisationKind()
{
    static const CodeList list{
        {"enterprise", QT_TRANSLATE_NOOP("ud::Codes", "Enterprise union"), "企业工会"},
        {"institution", QT_TRANSLATE_NOOP("ud::Codes", "Public institution union"),
         "事业单位工会|机关事业单位工会"},
        {"joint", QT_TRANSLATE_NOOP("ud::Codes", "Joint base union"), "联合基层工会|联合工会"},
        {"industry-federation", QT_TRANSLATE_NOOP("ud::Codes", "Industry federation"),
         "行业工会联合会|行业工会"},
        {"regional-federation", QT_TRANSLATE_NOOP("ud::Codes", "Regional federation"),
         "区域工会联合会|区域工会"},
        {"township-union", QT_TRANSLATE_NOOP("ud::Codes", "Township/street union"),
         "乡镇(街道)工会|乡镇工会|街道工会|开发区(工业园区)工会"},
        {"district-union", QT_TRANSLATE_NOOP("ud::Codes", "District/county federation of trade unions"),
         "县(区)总工会|区总工会|县总工会"},
        {"city-union", QT_TRANSLATE_NOOP("ud::Codes", "City federation of trade unions"), "市总工会"},
        {"province-union", QT_TRANSLATE_NOOP("ud::Codes", "Province federation of trade unions"), "省总工会"},
    };
    return list;
}

const CodeList& organisationStatus()
{
    static const CodeList list{
        {"active", QT_TRANSLATE_NOOP("ud::Codes", "In operation"), "正常|存续"},
        {"dissolved", QT_TRANSLATE_NOOP("ud::Codes", "Dissolved"), "注销|已注销|撤销"},
    };
    return list;
}

const CodeList& organisationRequestKind()
{
    static const CodeList list{
        {"establish", QT_TRANSLATE_NOOP("ud::Codes", "Set up"), "设立|成立|组建|新建"},
        {"change", QT_TRANSLATE_NOOP("ud::Codes", "Change"), "变更|修改"},
        {"dissolve", QT_TRANSLATE_NOOP("ud::Codes", "Dissolve"), "注销|撤销|解散"},
    };
    return list;
}

const CodeList& organisationRequestState()
{
    static const CodeList list{
        {"submitted", QT_TRANSLATE_NOOP("ud::Codes", "Awaiting decision"), "待审批|已提交|审批中"},
        {"approved", QT_TRANSLATE_NOOP("ud::Codes", "Approved"), "已批准|批准|通过"},
        {"rejected", QT_TRANSLATE_NOOP("ud::Codes", "Rejected"), "已驳回|驳回|不予批准"},
        {"cancelled", QT_TRANSLATE_NOOP("ud::Codes", "Withdrawn by the submitter"), "已撤回|撤回"},
    };
    return list;
}

const CodeList& cadrePosition()
{
    static const CodeList list{
        {"chair", QT_TRANSLATE_NOOP("ud::Codes", "Chair"), "主席|工会主席"},
        {"standing-vice-chair", QT_TRANSLATE_NOOP("ud::Codes", "Standing vice-chair"), "常务副主席"},
        {"vice-chair", QT_TRANSLATE_NOOP("ud::Codes", "Vice-chair"), "副主席|工会副主席"},
        {"committee-member", QT_TRANSLATE_NOOP("ud::Codes", "Committee member"), "委员|工会委员|委员会委员"},
        {"audit-chair", QT_TRANSLATE_NOOP("ud::Codes", "Audit committee chair"),
         "经费审查委员会主任|经审会主任|经审主任"},
        {"audit-member", QT_TRANSLATE_NOOP("ud::Codes", "Audit committee member"),
         "经费审查委员会委员|经审会委员|经审委员"},
        {"women-chair", QT_TRANSLATE_NOOP("ud::Codes", "Women workers' committee chair"),
         "女职工委员会主任|女职委主任|女工主任"},
        {"full-time-worker", QT_TRANSLATE_NOOP("ud::Codes", "Full-time union worker"),
         "专职工会工作者|专职工作人员|专职干部"},
    };
    return list;
}

const CodeList& cadreAppointment()
{
    static const CodeList list{
        {"elected", QT_TRANSLATE_NOOP("ud::Codes", "Elected"), "选举|选举产生|当选"},
        {"by-election", QT_TRANSLATE_NOOP("ud::Codes", "By-election"), "补选"},
        {"appointed", QT_TRANSLATE_NOOP("ud::Codes", "Appointed"), "委派|任命|聘任|指派"},
    };
    return list;
}

} // namespace codes

} // namespace ud
