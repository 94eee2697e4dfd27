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
    static bool looksLikeIdNumber(const SheetCell& cell);
};

} // namespace ud
