#pragma once

#include "io/SheetReader.h"

namespace ud {

// .xlsx, .ods and Excel 2003 XML through liborcus's spreadsheet model. Cell types are kept: a number in a
// cell whose number format shows a date becomes a Date cell, every other number stays a Number.
class OrcusReader : public SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ud::OrcusReader)

public:
    enum class Format
    {
        Xlsx,
        Ods,
        SpreadsheetMl, // Excel 2003 XML, which web systems export as .xls or .xml
    };
    explicit OrcusReader(Format format)
        : m_format(format)
    {
    }

    bool read(const QString& path, Workbook* workbook, QString* error) override;

    // True for Excel's built-in date and time number formats and any format code that shows a year,
    // month or day (outside quoted text and [colour] brackets).
    static bool isDateFormat(size_t builtinId, const QString& formatCode);
    // False when the zip directory of the file states a part larger than the file could hold
    // (liborcus would reserve that much memory before reading it); true for anything else.
    static bool hasPlausibleSizes(const QString& path);

private:
    // Why the file at `path` cannot be read, for the clerk; `detail` is liborcus's reason, often empty.
    QString unreadableMessage(const QString& path, const QString& detail) const;

    Format m_format;
};

} // namespace ud
