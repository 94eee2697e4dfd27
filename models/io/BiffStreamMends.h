#pragma once

#include <QByteArray>

namespace ud {

// What FreeXL 1.0.6 refuses in legacy workbooks other programs write and Excel opens, mended in the
// workbook's record stream before FreeXL reads it (FreeXlReader gives it a compound file of its own):
// - a text cell holding the empty string (a LABEL record of no characters, as SheetJS writes a blank
//   备注): FreeXL gives up on the whole workbook. Such a cell is empty, and its record becomes one
//   readers skip, of the same length so that every sheet keeps its place in the stream.
class BiffStreamMends
{
public:
    // The record type a mended record gets, and the one BiffDecryption gives FILEPASS: FreeXL skips
    // records it does not know, and 0x0123 is no record type of BIFF8.
    static constexpr quint16 kSkippedRecord = 0x0123;

    // Mends the stream in place; the number of records mended (0: the stream is as it was).
    static int mend(QByteArray* stream);
};

} // namespace ud
