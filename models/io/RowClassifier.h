#pragma once

#include "io/HeaderMap.h"
#include "io/Workbook.h"

namespace ud {

// Tells member rows from the other rows of a roster below its header: blank rows (a 序号 alone
// counts as blank), totals (合计, 总计, 小计, 共N人) and signature or note lines (制表人, 审核人, 填表日期,
// 单位盖章, 注：…) and the header repeated further down. A row with an ID number (many digits, whole
// or damaged) in its column is always a member row; a count there (合计 | 共3人) is not one.
class RowClassifier
{
public:
    enum class Kind
    {
        Member,
        Blank,
        Totals,
        Signature,
        Header,
    };

    static Kind classify(const QList<SheetCell>& row, const HeaderMap& map);
    static bool isTotals(const QString& text);
    static bool isSignature(const QString& text);
    // A block's title, by its form: an ordinal in front (一、 （二） 3. 第四) or a word for a group of
    // people at the end (职工, 人员, 分会, 车间 …). A lone name, however short, is none.
    static bool isSectionTitle(const QString& text);
    // A page number, a print or export line, a table's continuation: never a member's.
    static bool isPageLine(const QString& text);
    // A row holding nothing but such a title, or one text in all its filled cells (a caption merged
    // across the row). Only member rosters have them: an organisation's row may hold no more than
    // its name, 某某分会.
    static bool isSectionRow(const QList<SheetCell>& row);
    // The row official forms put under the header: how to fill each column (（必填）, 下拉选择,
    // 格式：2020-01-01, 如…) or the 栏次 numbers (栏次 1 2 3 …, 甲 乙 1 2 …). Only a whole row of them.
    static bool isHintRow(const QList<SheetCell>& row);
    static bool looksLikeIdNumber(const SheetCell& cell);
};

} // namespace ud
