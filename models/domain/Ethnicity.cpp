#include "domain/Ethnicity.h"

#include "domain/TextNormaliser.h"

#include <QSet>

namespace ud {

const QStringList& Ethnicity::names()
{
    static const QStringList list =
        QStringLiteral("汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 "
                       "瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 "
                       "水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 "
                       "毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 "
                       "德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 "
                       "未识别民族 外国血统中国籍人士")
            .split(QLatin1Char(' '));
    return list;
}

QString Ethnicity::normalised(const QString& text)
{
    static const QSet<QString> known(names().cbegin(), names().cend());
    QString value = TextNormaliser::withoutSpaces(text);
    value.replace(u'漢', u'汉'); // typed on a traditional-character input method
    if (value.isEmpty())
        return {};
    if (known.contains(value))
        return value;
    if (known.contains(value + QStringLiteral("族")))
        return value + QStringLiteral("族");
    // The short forms in everyday use; 哈族 is left alone (哈尼族 or 哈萨克族).
    if (value == QStringLiteral("维族"))
        return QStringLiteral("维吾尔族");
    if (value == QStringLiteral("蒙族"))
        return QStringLiteral("蒙古族");
    // Spellings forms use for the groups not yet identified and for naturalised citizens.
    if (value == QStringLiteral("其他") || value == QStringLiteral("其它") ||
        value == QStringLiteral("未识别") || value == QStringLiteral("其他未识别民族") ||
        value == QStringLiteral("穿青人"))
        return QStringLiteral("未识别民族");
    if (value == QStringLiteral("入籍") || value == QStringLiteral("外国血统"))
        return QStringLiteral("外国血统中国籍人士");
    return {};
}

} // namespace ud
