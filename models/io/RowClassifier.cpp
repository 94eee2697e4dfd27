#include "io/RowClassifier.h"

#include "domain/TextNormaliser.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ud {

bool RowClassifier::isTotals(const QString& text)
{
    static const QRegularExpression totals(
        // 以上 (本页, 本表, 全部) before it: 以上共计12人.
        QStringLiteral("^(?:\\x{4EE5}\\x{4E0A}|\\x{672C}\\x{9875}|\\x{672C}\\x{8868}|\\x{5168}\\x{90E8})?"
                       "(?:\\x{5408}\\x{8BA1}|\\x{603B}\\x{8BA1}|\\x{5C0F}\\x{8BA1}|\\x{5171}\\x{8BA1}|"
                       "\\x{5171}\\d+\\x{4EBA}|\\x{603B}\\x{4EBA}\\x{6570}|total)"),
        QRegularExpression::CaseInsensitiveOption);
    // The totals row of an Excel table (汇总 in Chinese Excel) and its functions' words, alone.
    static const QRegularExpression tableTotals(
        QStringLiteral("^(?:汇总.*|(?:总数|计数|人数|求和|平均值)(?:[:：].*)?)$"));
    const QString compact = TextNormaliser::withoutSpaces(text);
    return totals.match(compact).hasMatch() || tableTotals.match(compact).hasMatch();
}

bool RowClassifier::isSignature(const QString& text)
{
    // 制表人 制表 审核人 审核 填表人 填表 填报人 (单位)负责人 联系人 经办人 单位盖章 盖章 日期： 注： 说明：
    // 备注： 联系电话：
    static const QRegularExpression signature(
        QStringLiteral("^(?:\\x{5236}\\x{8868}|\\x{5BA1}\\x{6838}|\\x{586B}\\x{8868}|\\x{586B}\\x{62A5}|"
                       "(?:\\x{5355}\\x{4F4D})?\\x{8D1F}\\x{8D23}\\x{4EBA}|\\x{8054}\\x{7CFB}\\x{4EBA}|"
                       "\\x{7ECF}\\x{529E}\\x{4EBA}|\\x{5355}\\x{4F4D}\\x{76D6}\\x{7AE0}|"
                       "\\x{76D6}\\x{7AE0}|\\x{65E5}\\x{671F}[:\\x{FF1A}]|\\x{6CE8}[:\\x{FF1A}]|"
                       "\\x{8BF4}\\x{660E}[:\\x{FF1A}]|\\x{5907}\\x{6CE8}[:\\x{FF1A}]|"
                       "\\x{8054}\\x{7CFB}\\x{7535}\\x{8BDD}[:\\x{FF1A}])"));
    return signature.match(TextNormaliser::withoutSpaces(text)).hasMatch();
}

bool RowClassifier::isSectionTitle(const QString& text)
{
    static const QRegularExpression section(
        QStringLiteral("^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\\d]+[)）]|\\d+[、.．])"
                       "|(?:职工|人员|员工|会员|分会|工会|小组|班组|车间|部门|科室|处室|名单)(?:[（(][^)）]*["
                       ")）])?[:：]?$"
                       // An office or unit by its name (机关, 财务处, 办公室, 第一车队): a word no person's
                       // name ends in, after at least two characters.
                       "|^(?:.*机关|.{2,}(?:处|室|部|厂|所|站|队|中心|公司|委员会))[:：]?$"));
    return section.match(TextNormaliser::withoutSpaces(text)).hasMatch();
}

bool RowClassifier::isPageLine(const QString& text)
{
    // What a printed or exported roster carries besides its rows: page numbers (第1页，共2页, 1/2,
    // Page 1 of 2, - 1 -), print and export lines (打印日期：…, 导出时间：…, 数据来源：…) and the
    // continuation of a table on its next page (（续表）, 续上表, …花名册（续）).
    static const QRegularExpression page(
        QStringLiteral(
            "^(?:第\\d+页.*|共\\d+页.*|\\d+/\\d+|page\\d+(?:(?:of|/)\\d+)?|[-—–]\\d+[-—–]|"
            "(?:打印|导出|生成|制表|填报)(?:日期|时间|人)[:：].*|数据来源[:：].*|.*[（(]续表?[)）]|"
            "续上表|续表)$"),
        QRegularExpression::CaseInsensitiveOption);
    return page.match(TextNormaliser::withoutSpaces(text)).hasMatch();
}

bool RowClassifier::isHintRow(const QList<SheetCell>& row)
{
    static const QSet<QString> words{
        QStringLiteral("文本"),     QStringLiteral("文本格式"),  QStringLiteral("下拉选择"),
        QStringLiteral("下拉"),     QStringLiteral("下拉列表"),  QStringLiteral("数字"),
        QStringLiteral("日期"),     QStringLiteral("必填"),      QStringLiteral("选填"),
        QStringLiteral("可选"),     QStringLiteral("非必填"),    QStringLiteral("选择"),
        QStringLiteral("单选"),     QStringLiteral("多选"),      QStringLiteral("请选择"),
        QStringLiteral("如实填写"), QStringLiteral("不填"),      QStringLiteral("可不填"),
        QStringLiteral("是/否"),    QStringLiteral("是或否"),    QStringLiteral("男/女"),
        QStringLiteral("年月日"),   QStringLiteral("yyyy-mm-dd")};
    // 如2020-01-01, 如：张三: an example after 如 (a name 如意 is none).
    static const QRegularExpression example(QStringLiteral("^如[:：]|^如\\d"));
    // 18位身份证号, 11位手机号: how many digits the column takes.
    static const QRegularExpression digitsWanted(QStringLiteral("^\\d{1,2}位"));
    static const QStringList starts{QStringLiteral("必填"), QStringLiteral("选填"), QStringLiteral("格式"),
                                    QStringLiteral("例"),   QStringLiteral("下拉"), QStringLiteral("请填"),
                                    QStringLiteral("请选"), QStringLiteral("填写")};
    static const QSet<QString> columnMarks{QStringLiteral("栏次"), QStringLiteral("栏号"),
                                           QStringLiteral("甲"),   QStringLiteral("乙"),
                                           QStringLiteral("丙"),   QStringLiteral("丁")};
    int hints = 0;
    int numbers = 0;
    for (const SheetCell& cell : row) {
        if (cell.isEmpty())
            continue;
        if (cell.type != SheetCell::Type::Text && cell.type != SheetCell::Type::Number)
            return false;
        QString text = cell.type == SheetCell::Type::Number && cell.number == std::floor(cell.number)
                           ? QString::number(static_cast<qint64>(cell.number))
                           : TextNormaliser::withoutSpaces(cell.text);
        // 栏次 1 2 3 …: the numbers count up from 1.
        bool isNumber = false;
        const int n = text.toInt(&isNumber);
        if (isNumber && n == numbers + 1 && text.size() <= 3) {
            ++numbers;
            continue;
        }
        if (columnMarks.contains(text))
            continue;
        if (text.size() >= 2 && (text.startsWith(QLatin1Char('(')) || text.startsWith(u'（')) &&
            (text.endsWith(QLatin1Char(')')) || text.endsWith(u'）')))
            text = text.mid(1, text.size() - 2);
        if (words.contains(text) || digitsWanted.match(text).hasMatch() || example.match(text).hasMatch() ||
            std::any_of(starts.cbegin(), starts.cend(),
                        [&text](const QString& s) { return text.startsWith(s); })) {
            ++hints;
            continue;
        }
        return false; // a member's value (an ID number among them)
    }
    return hints >= 2 || numbers >= 3;
}

bool RowClassifier::isSectionRow(const QList<SheetCell>& row)
{
    // One text alone, or one text in every filled cell: a caption merged across the row (its value
    // fills the whole range), which no member row can be — a name is not also an ID number.
    const SheetCell* first = nullptr;
    int filled = 0;
    for (const SheetCell& cell : row) {
        if (cell.isEmpty())
            continue;
        if (cell.type != SheetCell::Type::Text || (first && cell.text != first->text))
            return false;
        first = first ? first : &cell;
        ++filled;
    }
    return filled > 1 || (first && (isSectionTitle(first->text) || isPageLine(first->text)));
}

bool RowClassifier::looksLikeIdNumber(const SheetCell& cell)
{
    // An ID number, whole or damaged (a numeric cell, scientific notation, a digit lost): many
    // digits. A count such as "1" or "共3人" beside 合计 is not one.
    if (cell.type == SheetCell::Type::Number)
        return std::abs(cell.number) >= 1e6;
    if (cell.type != SheetCell::Type::Text)
        return cell.type == SheetCell::Type::Date;
    return std::count_if(cell.text.cbegin(), cell.text.cend(), [](QChar c) { return c.isDigit(); }) >= 6;
}

RowClassifier::Kind RowClassifier::classify(const QList<SheetCell>& row, const HeaderMap& map)
{
    // An ID number in its column makes a member row whatever else the row says.
    const int idColumn = map.columnOf(QStringLiteral("idNumber"));
    // Not a signature line's "电话：138…" written into that column (a label before a colon), nor a
    // count below it. Each is words before the digits: a cell of digits alone (every member row's)
    // needs none of the patterns.
    auto wordsBeforeDigits = [](const SheetCell& cell) {
        static const QRegularExpression labelled(QStringLiteral("^\\p{Han}{1,6}[:\\x{FF1A}]"));
        if (cell.type != SheetCell::Type::Text ||
            std::none_of(cell.text.cbegin(), cell.text.cend(), [](QChar c) { return c.unicode() >= 0x2E80; }))
            return false;
        return isSignature(cell.text) || isTotals(cell.text) ||
               labelled.match(TextNormaliser::withoutSpaces(cell.text)).hasMatch();
    };
    if (idColumn >= 0 && idColumn < row.size() && !row.at(idColumn).isEmpty() &&
        looksLikeIdNumber(row.at(idColumn)) && !wordsBeforeDigits(row.at(idColumn)))
        return Kind::Member;
    bool anyField = false;
    int repeatedHeaders = 0;
    for (int c = 0; c < row.size(); ++c) {
        const SheetCell& cell = row.at(c);
        if (cell.isEmpty())
            continue;
        // Where a signature or a count is written: a column of no field (序号), the name's or the ID
        // number's. In a member's own columns such words are the member's (注：2023年调入 in 备注,
        // 负责人 in 岗位), and the row one of a member without an ID number yet, to be named.
        const QString field = map.fieldAt(c);
        const bool wordsCount =
            field.isEmpty() || field == QLatin1String("name") || field == QLatin1String("idNumber");
        if (cell.type == SheetCell::Type::Text) {
            if (wordsCount && isTotals(cell.text))
                return Kind::Totals;
            if (wordsCount && isSignature(cell.text))
                return Kind::Signature;
            if (!field.isEmpty() &&
                TextNormaliser::withoutSpaces(cell.text) == TextNormaliser::withoutSpaces(map.headerAt(c)))
                ++repeatedHeaders;
        }
        if (!field.isEmpty())
            anyField = true;
    }
    // The header again, as in a roster pasted together from several sections.
    if (repeatedHeaders >= 2)
        return Kind::Header;
    return anyField ? Kind::Member : Kind::Blank;
}

} // namespace ud
