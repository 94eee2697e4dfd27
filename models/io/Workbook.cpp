#include "io/Workbook.h"

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

} // namespace ud
