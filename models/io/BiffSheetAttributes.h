#pragma once

#include "io/Workbook.h"

#include <QByteArray>
#include <QList>
#include <QSet>

namespace ud {

// What FreeXL does not tell about a legacy .xls: which sheets are hidden, which rows, which cells
// are merged, and what formula cells show. All are read
// from the workbook's record stream ("Workbook" in Excel 97–2003, "Book" in Excel 5 and 95): the
// sheet list (BOUNDSHEET records) and the row records (ROW, whose "zero height" flag is how Excel
// stores a row hidden by hand, by a filter or in a collapsed outline). Clerks hide the members who
// left; the importer reads hidden rows like the others and tells the clerk. Damaged records end the
// reading quietly: this only adds warnings to what FreeXL read.
class BiffSheetAttributes
{
public:
    struct Entry
    {
        bool hidden = false;     // hidden or "very hidden" in the workbook
        bool worksheet = true;   // not a chart, macro or module sheet
        QSet<int> hiddenRows;    // 0-based, as Sheet::hiddenRows
        QSet<int> hiddenColumns; // COLINFO's hidden flag, 0-based
        QList<CellRange> merged; // MERGEDCELLS: FreeXL gives a merged range's value to its first cell only
        // The result Excel stored with each formula cell (FORMULA, and STRING for a text result):
        // FreeXL reads formula cells as empty, and rosters fill 姓名 and 身份证号码 by VLOOKUP.
        struct Result
        {
            int row = 0;
            int column = 0;
            SheetCell value;
        };
        QList<Result> formulaResults;
        // Number cells under a format of zeros (000000, "HY"00000), as they show: 012345 for the
        // card number 12345. FreeXL hands on the number alone.
        QList<Result> shownNumbers;
        // The worksheet's records reach its EOF record. A stream cut short (a half-finished download,
        // zeros where the end should be) or a damaged record length leaves it false: FreeXL reads such
        // a sheet as far as it goes without a word.
        bool complete = true;
    };

    // The sheets in the workbook's order; empty for a stream that is not a BIFF5/BIFF8 workbook or is
    // encrypted (FreeXL refuses those with its own message).
    static QList<Entry> read(const QByteArray& stream);
    // Whether the workbook is protected with a password to open (a FILEPASS record among the
    // workbook's first records).
    static bool encrypted(const QByteArray& stream);
    // Gives FreeXL's sheets their attributes (and fills their formula cells, then their merged cells):
    // FreeXL lists the sheets in
    // the workbook's order; when
    // the counts do not agree with either all sheets or the worksheets, nothing is applied.
    static void apply(const QList<Entry>& entries, QList<Sheet>* sheets);
};

} // namespace ud
