#include "io/HeaderMap.h"

#include "domain/TextNormaliser.h"
#include "members/MemberValidator.h"

#include <QRegularExpression>

namespace ud {

namespace {

struct Synonyms
{
    const char* field;
    const char* words; // '|'-separated, compared after key()
};

// English source labels come first (they are what the English export writes), then the words of
// Chinese rosters and of the national member template.
const Synonyms kSynonyms[] = {
    {"name", "name|姓名|名字|会员姓名|职工姓名|姓名(必填)"},
    {"gender", "gender|sex|性别"},
    {"ethnicity", "ethnicity|民族"},
    {"idType", "iddocumenttype|证件类型|证件类别|证件种类"},
    {"idNumber", "idnumber|身份证号|身份证号码|证件号码|证件号|公民身份号码|公民身份证号码|居民身份证号码|"
                 "身份证|身份证件号码|身份证号码(18位)"},
    {"birthDate", "birthdate|dateofbirth|出生日期|出生年月|出生年月日|生日"},
    {"mobile", "mobile|mobilenumber|手机|手机号|手机号码|联系电话|联系方式|电话|电话号码|移动电话"},
    {"education", "education|学历|文化程度|最高学历"},
    {"politicalStatus", "politicalstatus|政治面貌"},
    {"employer", "employer|工作单位|单位|所在单位|单位名称|就业单位"},
    {"jobTitle", "job|jobtitle|职务|岗位|职务(岗位)|职务岗位|工种|职业"},
    {"industry", "industry|行业|所属行业|行业类别"},
    {"employmentForm", "employmentform|就业形态|用工形式|就业形式|用工性质|就业类型"},
    {"household", "householdregistration|household|户籍类型|户口性质|户籍性质|户口类型|是否农民工|"
                  "是否农民工会员"},
    {"joinDate", "joindate|入会时间|入会日期|入会年月"},
    {"cardNumber", "membercardnumber|cardnumber|会员证号|会员卡号|会员证号码|会员证编号|会员编号"},
    {"status", "membershipstatus|status|会籍状态|会员状态|状态|会籍"},
    {"labourModelLevel", "labourmodellevel|劳模级别|劳动模范级别|劳模等级"},
    {"notes", "notes|备注|说明"},
};

// Headers compare without spaces, stars (required-field marks), colons and case.
QString key(const QString& header)
{
    QString k = TextNormaliser::normalise(header).toLower();
    static const QRegularExpression noise(QStringLiteral("[\\s*:\\x{FF0A}\\x{FF1A}'\"]"));
    k.remove(noise);
    return k;
}

QHash<QString, QString> buildIndex()
{
    QHash<QString, QString> index;
    for (const Synonyms& s : kSynonyms) {
        const QString field = QString::fromLatin1(s.field);
        for (const QString& word : QString::fromUtf8(s.words).split(QLatin1Char('|')))
            index.insert(key(word), field);
    }
    return index;
}

} // namespace

QStringList HeaderMap::importableFields()
{
    QStringList fields;
    for (const Synonyms& s : kSynonyms)
        fields.append(QString::fromLatin1(s.field));
    return fields;
}

QString HeaderMap::fieldFor(const QString& header)
{
    static const QHash<QString, QString> index = buildIndex();
    const QString k = key(header);
    if (k.isEmpty())
        return {};
    if (const auto it = index.constFind(k); it != index.constEnd())
        return *it;
    // "身份证号码（必填）", "手机号(选填)": the words before a bracketed note.
    static const QRegularExpression note(QStringLiteral("^([^(\\[\\x{3010}]+)[(\\[\\x{3010}].*$"));
    const QRegularExpressionMatch m = note.match(k);
    if (m.hasMatch()) {
        if (const auto it = index.constFind(m.captured(1)); it != index.constEnd())
            return *it;
    }
    // The labels of the interface language (a roster exported in Chinese reads back in Chinese).
    for (const QString& field : importableFields()) {
        if (key(MemberValidator::fieldLabel(field)) == k)
            return field;
    }
    return {};
}

std::optional<HeaderMap> HeaderMap::detect(const Sheet& sheet, int searchRows)
{
    std::optional<HeaderMap> best;
    int bestScore = 1;
    const int rows = std::min(searchRows, static_cast<int>(sheet.rows.size()));
    for (int r = 0; r < rows; ++r) {
        HeaderMap map;
        map.m_headerRow = r;
        const QList<SheetCell>& row = sheet.rows.at(r);
        for (int c = 0; c < row.size(); ++c) {
            const QString text =
                row.at(c).type == SheetCell::Type::Text ? row.at(c).text.trimmed() : QString();
            map.m_headers.append(text);
            const QString field = fieldFor(text);
            if (!field.isEmpty() && !map.m_columns.contains(field))
                map.m_columns.insert(field, c);
        }
        const int score = static_cast<int>(map.m_columns.size());
        const bool identifies = map.m_columns.contains(QStringLiteral("name")) ||
                                map.m_columns.contains(QStringLiteral("idNumber"));
        if (identifies && score > bestScore) {
            bestScore = score;
            best = map;
        }
    }
    return best;
}

QString HeaderMap::fieldAt(int column) const
{
    for (auto it = m_columns.constBegin(); it != m_columns.constEnd(); ++it) {
        if (it.value() == column)
            return it.key();
    }
    return {};
}

QString HeaderMap::headerOf(const QString& field) const
{
    const int column = columnOf(field);
    const QString header = column >= 0 ? m_headers.value(column) : QString();
    return header.isEmpty() ? MemberValidator::fieldLabel(field) : header;
}

void HeaderMap::setField(int column, const QString& field)
{
    const QString previous = fieldAt(column);
    if (!previous.isEmpty())
        m_columns.remove(previous);
    if (!field.isEmpty())
        m_columns.insert(field, column);
    while (m_headers.size() <= column)
        m_headers.append(QString());
}

} // namespace ud
