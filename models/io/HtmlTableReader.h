#pragma once

#include "io/SheetReader.h"

#include <QByteArray>

namespace ud {

// Reads the tables of a web page as sheets: what many web systems export as ".xls" (Excel opens an
// HTML table and shows it as a sheet). libxml2's HTML parser takes the page as browsers do,
// unclosed cells and all. Each table that holds no other table is a sheet; a cell spanning rows or
// columns gives its text to each cell it covers, as a merged cell does. Every cell is text, as the
// page shows it: an ID number there has lost nothing.
class HtmlTableReader : public SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ud::HtmlTableReader)

public:
    bool read(const QString& path, Workbook* workbook, QString* error) override;
    // The tables of a page given as bytes (encoding found by TextDecoder, whatever the page's
    // <meta charset> says).
    static Workbook parse(const QByteArray& page);
};

} // namespace ud
