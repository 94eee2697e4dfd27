#include "OrganisationLevelGuess.h"

#include <QRegularExpression>

namespace ud {

QString OrganisationLevelGuess::fromName(const QString& name, const QString& fallback)
{
    // Order matters: "XX市XX区总工会" is a district, "XX区XX街道工会" a township, and a company in a
    // district ("XX区XX有限公司工会") a base union.
    struct Rule
    {
        const char16_t* pattern;
        const char* level;
    };
    static const Rule rules[] = {
        {u"(公司|集团|厂|医院|学校|学院|大学|中学|小学|幼儿园|银行|商店|酒店|中心|研究所|事务所|合作社|"
         u"联合工会|联合基层工会|机关工会)",
         "base"},
        {u"(街道|乡|镇|开发区|园区|工业区|高新区|社区)[^总]*工会(联合会)?$", "township"},
        // Many cities call a street's or a town's federation 街道总工会 / 镇总工会.
        {u"(街道|乡|镇)总工会$", "township"},
        {u"(省|自治区)总工会$", "province"},
        {u"(区|县|旗)总工会$", "district"},
        {u"(市|州|盟)总工会$", "city"},
        {u"工会联合会$", "township"},
    };
    for (const Rule& rule : rules) {
        static_assert(sizeof(char16_t) == sizeof(QChar));
        const QRegularExpression expression(QString::fromUtf16(rule.pattern));
        if (expression.match(name).hasMatch())
            return QString::fromLatin1(rule.level);
    }
    return fallback;
}

} // namespace ud
