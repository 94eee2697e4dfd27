#include "io/HeaderVocabulary.h"

#include "domain/TextNormaliser.h"
#include "members/MemberValidator.h"
#include "organisations/OrganisationValidator.h"

#include <QRegularExpression>
#include <QSet>

namespace ud {

HeaderVocabulary::HeaderVocabulary(QList<Entry> entries, QStringList identifying,
                                   std::function<QString(const QString&)> label)
    : m_identifying(std::move(identifying))
    , m_label(std::move(label))
{
    for (const Entry& e : entries) {
        const QString field = QString::fromLatin1(e.field);
        m_fields.append(field);
        for (const QString& word : QString::fromUtf8(e.words).split(QLatin1Char('|')))
            m_index.insert(key(word), field);
    }
}

QString HeaderVocabulary::key(const QString& header)
{
    QString k = TextNormaliser::normalise(header).toLower();
    static const QRegularExpression noise(QStringLiteral("[\\s*:\\x{FF0A}\\x{FF1A}'\"]"));
    k.remove(noise);
    return k;
}

namespace {

// The words that mark a column as no longer true (before the header, or as its bracketed note) and
// as the current one.
const QStringList& formerMarks()
{
    static const QStringList marks{QStringLiteral("曾用"), QStringLiteral("以前"), QStringLiteral("之前"),
                                   QStringLiteral("原"),   QStringLiteral("旧"),   QStringLiteral("老"),
                                   QStringLiteral("作废"), QStringLiteral("停用"), QStringLiteral("已停用")};
    return marks;
}

const QStringList& currentMarks()
{
    static const QStringList marks{QStringLiteral("最新"), QStringLiteral("目前"), QStringLiteral("当前"),
                                   QStringLiteral("现"),   QStringLiteral("新"),   QStringLiteral("现用"),
                                   QStringLiteral("在用")};
    return marks;
}

// "身份证号码（必填）", "手机号(旧)": the words before a bracketed note, and the note.
bool splitNote(const QString& key, QString* words, QString* note)
{
    static const QRegularExpression bracketed(
        QStringLiteral("^([^(\\[\\x{3010}]+)[(\\[\\x{3010}]([^)\\]\\x{3011}]*)[)\\]\\x{3011}]?.*$"));
    const QRegularExpressionMatch m = bracketed.match(key);
    if (!m.hasMatch())
        return false;
    *words = m.captured(1);
    *note = m.captured(2);
    return true;
}

// The mark `key` begins with, from `marks`, or empty.
QString leadingMark(const QString& key, const QStringList& marks)
{
    QString found;
    for (const QString& mark : marks) {
        if (key.startsWith(mark) && key.size() > mark.size() + 1 && mark.size() > found.size())
            found = mark;
    }
    return found;
}

} // namespace

bool HeaderVocabulary::isCurrent(const QString& header)
{
    const QString k = key(header);
    QString words;
    QString note;
    if (splitNote(k, &words, &note) && currentMarks().contains(note))
        return true;
    return !leadingMark(k, currentMarks()).isEmpty();
}

namespace {

// The words of a phone header and the number after them (手机号码2 → 手机号码, 2); 0 without one.
int splitNumber(const QString& key, QString* words)
{
    static const QRegularExpression numbered(QStringLiteral("^(.*?\\D)\\(?([1-9])\\)?$"));
    const QRegularExpressionMatch m = numbered.match(key);
    if (!m.hasMatch())
        return 0;
    *words = m.captured(1);
    return m.captured(2).toInt();
}

} // namespace

bool HeaderVocabulary::namesSomeoneElse(const QString& text)
{
    static const QStringList others{
        QStringLiteral("配偶"),     QStringLiteral("家属"),   QStringLiteral("爱人"),
        QStringLiteral("丈夫"),     QStringLiteral("妻子"),   QStringLiteral("父亲"),
        QStringLiteral("母亲"),     QStringLiteral("子女"),   QStringLiteral("亲属"),
        QStringLiteral("紧急联系"), QStringLiteral("联系人"), QStringLiteral("监护人"),
        QStringLiteral("家庭成员"), QStringLiteral("父母"),   QStringLiteral("亲友")};
    const QString k = key(text);
    return std::any_of(others.cbegin(), others.cend(), [&k](const QString& o) { return k.startsWith(o); });
}

int HeaderVocabulary::numberOf(const QString& header)
{
    QString words;
    const int number = splitNumber(key(header), &words);
    return number > 0 && members().m_index.value(words) == QLatin1String("mobile") ? number : 0;
}

bool HeaderVocabulary::isVague(const QString& header)
{
    static const QSet<QString> vague{QStringLiteral("联系电话"), QStringLiteral("联系方式"),
                                     QStringLiteral("电话"), QStringLiteral("电话号码"),
                                     QStringLiteral("联系电话号码")};
    QString k = key(header);
    QString words;
    QString note;
    if (splitNote(k, &words, &note))
        k = words;
    if (numberOf(header) > 0) // 联系电话1
        splitNumber(k, &k);
    return vague.contains(k);
}

QString HeaderVocabulary::fieldFor(const QString& header) const
{
    const QString k = key(header);
    if (k.isEmpty())
        return {};
    if (const auto it = m_index.constFind(k); it != m_index.constEnd())
        return *it;
    QString words;
    QString note;
    if (splitNote(k, &words, &note)) {
        // 手机号码（配偶）, 姓名（家属）: another person's.
        if (formerMarks().contains(note) || namesSomeoneElse(note))
            return {};
        if (const auto it = m_index.constFind(words); it != m_index.constEnd())
            return *it;
    }
    // 原工作单位 names no field; 现工作单位 names the employer.
    if (!leadingMark(k, formerMarks()).isEmpty() &&
        m_index.contains(k.mid(leadingMark(k, formerMarks()).size())))
        return {};
    if (const QString mark = leadingMark(k, currentMarks()); !mark.isEmpty()) {
        if (const auto it = m_index.constFind(k.mid(mark.size())); it != m_index.constEnd())
            return *it;
    }
    for (const QString& field : m_fields) {
        if (key(m_label(field)) == k)
            return field;
    }
    return fieldForHinted(header, k);
}

QString HeaderVocabulary::fieldForHinted(const QString& header, const QString& k) const
{
    // Words apart: 手机号码 必填 names its first, 联系方式 手机号码 (a group label before it) its last.
    // (A header on two lines in its cell is taken apart by HeaderMap::detect.)
    const QStringList lines = header.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (lines.size() >= 2) {
        if (const QString field = fieldFor(lines.first()); !field.isEmpty())
            return field;
        return fieldFor(lines.last());
    }
    auto known = [this](const QString& words) {
        return m_index.value(words);
    };
    // A phone header numbered: 手机号码1, 联系电话2 (HeaderMap reads the second as more numbers).
    if (QString words; splitNumber(k, &words) > 0 && known(words) == QLatin1String("mobile"))
        return known(words);
    // A hint after the words: 手机号码必填, 学历-下拉, 会员卡号#, 入会时间例2020-01-01.
    static const QStringList hints{
        QStringLiteral("必填"),   QStringLiteral("选填"), QStringLiteral("下拉选择"), QStringLiteral("下拉"),
        QStringLiteral("请选择"), QStringLiteral("可选"), QStringLiteral("#")};
    for (const QString& hint : hints) {
        if (k.endsWith(hint) && k.size() > hint.size()) {
            QString words = k.left(k.size() - hint.size());
            while (words.endsWith(QLatin1Char('-')) || words.endsWith(QLatin1Char('_')))
                words.chop(1);
            if (const QString field = known(words); !field.isEmpty())
                return field;
        }
    }
    for (const QString& start : {QStringLiteral("例"), QStringLiteral("格式")}) {
        if (const qsizetype at = k.indexOf(start); at >= 2) {
            if (const QString field = known(k.left(at)); !field.isEmpty())
                return field;
        }
    }
    // Two words for one field: 手机/电话, 联系电话/手机, 手机号码或电话.
    static const QRegularExpression joiners(QStringLiteral("[/\\x{3001}|]|或"));
    const QStringList parts = k.split(joiners, Qt::SkipEmptyParts);
    if (parts.size() >= 2) {
        QString field;
        for (const QString& part : parts) {
            const QString partField = known(part);
            if (partField.isEmpty() || (!field.isEmpty() && partField != field))
                return {};
            field = partField;
        }
        return field;
    }
    // Whose number it is: 本人手机号码, 个人手机, 常用手机号, 联系手机.
    for (const QString& owner :
         {QStringLiteral("本人"), QStringLiteral("个人"), QStringLiteral("常用"), QStringLiteral("联系")}) {
        if (k.startsWith(owner) && k.size() > owner.size()) {
            if (const QString field = known(k.mid(owner.size())); !field.isEmpty())
                return field;
        }
    }
    return {};
}

bool HeaderVocabulary::identifies(const QStringList& fields) const
{
    for (const QString& field : m_identifying) {
        if (fields.contains(field))
            return true;
    }
    return false;
}

const HeaderVocabulary& HeaderVocabulary::members()
{
    // English source labels come first (they are what the English export writes), then the words
    // of Chinese rosters and of the national member template.
    static const HeaderVocabulary vocabulary(
        {
            {"name", "name|fullname|姓名|名字|会员姓名|职工姓名|员工姓名|人员姓名|工会会员姓名|姓名(必填)"},
            {"gender", "gender|sex|性别"},
            {"ethnicity", "ethnicity|民族|族别"},
            {"idType", "iddocumenttype|证件类型|证件类别|证件种类"},
            {"idNumber", "idnumber|idno|idno.|idcardno|idcardno.|idcardnumber|idcard|身份证号|身份证号码|"
                         "证件号码|证件号|公民身份号码|公民身份证号码|"
                         "居民身份证号码|居民身份证号|身份号码|身份证|身份证件号码|身份证号码(18位)"},
            {"birthDate", "birthdate|dateofbirth|birthday|出生日期|出生年月|出生年月日|出生年份|生日"},
            {"mobile", "mobile|mobilenumber|mobilephone|cellphone|phone|tel|tel.|telephone|手机|手机号|"
                       "手机号码|联系电话|联系方式|电话|电话号码|移动电话"},
            {"education", "education|学历|文化程度|最高学历|学历学位|学历(学位)"},
            {"politicalStatus", "politicalstatus|政治面貌|政治面目|政治身份|党派"},
            {"employer", "employer|company|workunit|工作单位|单位|所在单位|单位名称|就业单位"},
            {"jobTitle",
             "job|jobtitle|position|post|职务|岗位|职务(岗位)|职务岗位|工种|职业|现任职务|职务/职称|职务职称|"
             "工作岗位|岗位/职务|职务/岗位|职位|所在岗位"},
            {"industry", "industry|行业|所属行业|行业类别"},
            {"employmentForm", "employmentform|就业形态|用工形式|就业形式|用工性质|就业类型"},
            {"household", "householdregistration|household|户籍类型|户口性质|户籍性质|户口类型|户籍|户口"},
            {"joinDate", "joindate|dateofjoining|joiningdate|joinedon|入会时间|入会日期|入会年月|入会年份|"
                         "加入工会时间|加入工会日期|入会年月日|参加工会时间|参加工会日期|入会时间(年月)"},
            {"cardNumber",
             "membercardnumber|cardnumber|会员证号|会员卡号|会员证号码|会员证编号|会员编号|工会会员证号|"
             "工会会员卡号|会员证"},
            {"status", "membershipstatus|status|会籍状态|会员状态|状态|会籍|会籍情况|工会会籍状态|工会会籍"},
            {"labourModelLevel", "labourmodellevel|劳模级别|劳动模范级别|劳模等级|劳模称号|劳模荣誉"},
            {"hardship",
             "hardshipworker|hardship|困难职工|是否困难职工|困难职工标识|困难会员|是否困难会员|是否困难"},
            {"notes", "notes|note|remarks|remark|comments|备注|说明"},
            // Columns of HR exports that are not kept but say who is not to be imported.
            {"unionMember",
             "unionmember|是否工会会员|是否会员|是否入会|是否加入工会|是否为工会会员|是否工会成员|入会情况|"
             "会员情况|工会会员|是否参加工会|是否参加工会组织|是否加入工会组织|会员身份|是否是工会会员|"
             "是否是会员|"
             "是否已入会"},
            // 是否农民工: a yes or no, which becomes 户籍类型 农村（农民工） — the store keeps the two as
            // one.
            {"migrantWorker",
             "migrantworker|是否农民工|是否农民工会员|是否为农民工|农民工|是否是农民工|农民工会员"},
            {"employeeStatus", "employeestatus|员工状态|在职状态|人员状态|在职情况|用工状态|在岗状态"},
            {"organisation",
             "organisation|所在工会|所属工会|工会|工会名称|基层工会|基层工会名称|会籍所在工会|"
             "所在基层工会|会员所在工会|所属基层工会|所在工会名称|所属工会名称|工会组织"},
        },
        {QStringLiteral("name"), QStringLiteral("idNumber")}, &MemberValidator::fieldLabel);
    return vocabulary;
}

const HeaderVocabulary& HeaderVocabulary::organisations()
{
    // The words of the organisation lists the platform and the federations' templates use
    // (工会组织信息表, 基层工会名册).
    static const HeaderVocabulary vocabulary(
        {
            {"name", "organisationname|name|工会名称|组织名称|工会组织名称|基层工会名称|名称|单位工会名称"},
            {"parent", "parent|parentorganisation|上级工会|上级工会名称|上级组织|上级组织名称|隶属工会|"
                       "主管工会|所属上级工会"},
            {"level", "organisationlevel|level|层级|级别|组织层级|工会层级|工会级别"},
            {"kind", "organisationkind|kind|类型|工会类型|组织类型|工会组织类型|建会类型"},
            {"creditCode", "unifiedsocialcreditcode|creditcode|统一社会信用代码|社会信用代码|信用代码|"
                           "工会统一社会信用代码|工会法人统一社会信用代码"},
            {"legalPersonNumber", "legal-personcertificatenumber|法人资格证书号|法人资格证号|法人证书编号|"
                                  "法人资格证书编号|工会法人资格证书号"},
            {"legalPersonRegisteredOn", "legal-personregistrationdate|法人登记日期|法人资格登记日期|"
                                        "法人资格取得日期|法人登记时间"},
            {"foundedOn", "datefounded|foundedon|成立日期|成立时间|建会时间|建会日期|组建时间"},
            {"address", "address|地址|通讯地址|办公地址|单位地址"},
            {"contact", "contact|联系人|联系方式|联系电话|联系人及电话|工会联系人"},
            {"industry", "industry|行业|所属行业|行业类别"},
            {"headcount", "headcount|职工人数|职工数|在岗职工人数|职工总数|人数"},
            {"status", "organisationstatus|status|状态|组织状态|工会状态"},
        },
        {QStringLiteral("name")}, [](const QString& field) {
            return field == QLatin1String("parent") ? tr("Parent organisation")
                                                    : OrganisationValidator::fieldLabel(field);
        });
    return vocabulary;
}

} // namespace ud
