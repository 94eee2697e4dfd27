#pragma once

#include <QByteArray>

namespace ud {

// The shared string table (SST) of a legacy workbook's record stream, where FreeXL 1.0.6 refuses an
// empty string: SheetJS with its "bookSST" option writes a blank 备注 as one, and FreeXL then refuses
// the whole workbook. Each empty string is written as a single space (a cell that reads as blank to
// the import), which makes the table longer: it is written again, split over CONTINUE records as
// BIFF8 asks ([MS-XLS] 2.4.265, 2.5.293), and the sheets' positions in BOUNDSHEET are moved by as
// much. EXTSST, whose positions would now be wrong and which no reader here needs, is skipped.
class BiffSharedStrings
{
public:
    // Mends the stream in place; the number of empty strings mended (0: the stream is as it was,
    // also when the table cannot be read, which FreeXL then explains its own way).
    static int mendEmptyStrings(QByteArray* stream);
};

} // namespace ud
