#include "io/Workbook.h"

#include <algorithm>
#include <cmath>

namespace ud {

SheetCell SheetCell::fromText(const QString& text)
{
    SheetCell c;
    c.type = text.isEmpty() ? Type::Empty : Type::Text;
    c.text = text;
    return c;
}

SheetCell SheetCell::fromNumber(double value)
{
    SheetCell c;
    c.type = Type::Number;
    c.number = value;
    // What Excel's "General" format shows: whole numbers in full up to 11 digits, longer ones
    // (an ID number typed into a number cell) in scientific notation with 6 significant digits.
    if (std::fabs(value) < 1e11 && value == std::floor(value))
        c.text = QString::number(static_cast<qint64>(value));
    else if (std::fabs(value) >= 1e11)
        c.text = QString::number(value, 'E', 5);
    else
        c.text = QString::number(value, 'g', 15);
    return c;
}

SheetCell SheetCell::fromDate(const QDate& date)
{
    SheetCell c;
    c.type = date.isValid() ? Type::Date : Type::Empty;
    c.date = date;
    c.text = date.toString(Qt::ISODate);
    if (date.isValid())
        c.number = static_cast<double>(QDate(1899, 12, 30).daysTo(date));
    return c;
}

SheetCell SheetCell::fromBoolean(bool value)
{
    SheetCell c;
    c.type = Type::Boolean;
    c.number = value ? 1 : 0;
    c.text = value ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    return c;
}

SheetCell SheetCell::fromUncalculatedFormula()
{
    SheetCell c;
    c.uncalculatedFormula = true;
    return c;
}

void fillMergedCells(Sheet& sheet, const QList<CellRange>& ranges)
{
    qint64 width = 0;
    for (const QList<SheetCell>& row : sheet.rows)
        width = std::max<qint64>(width, row.size());
    const qint64 height = sheet.rows.size();
    qint64 budget = 4'000'000;
    for (const CellRange& range : ranges) {
        const qint64 firstRow = range.firstRow;
        const qint64 firstColumn = range.firstColumn;
        const qint64 lastRow = std::min<qint64>(range.lastRow, height - 1);
        const qint64 lastColumn = std::min<qint64>(range.lastColumn, width - 1);
        if (firstRow < 0 || firstColumn < 0 || firstRow > lastRow || firstColumn > lastColumn)
            continue;
        budget -= (lastRow - firstRow + 1) * (lastColumn - firstColumn + 1);
        if (budget < 0)
            return;
        const SheetCell source = sheet.rows.at(firstRow).value(firstColumn);
        if (source.isEmpty())
            continue;
        for (qint64 r = firstRow; r <= lastRow; ++r) {
            QList<SheetCell>& row = sheet.rows[r];
            if (row.size() <= lastColumn)
                row.resize(lastColumn + 1);
            for (qint64 c = firstColumn; c <= lastColumn; ++c) {
                if (row.at(c).isEmpty())
                    row[c] = source;
            }
        }
    }
}

} // namespace ud
