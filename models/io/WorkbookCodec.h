#pragma once

#include "io/Workbook.h"

#include <QByteArray>

namespace ud {

// A workbook as bytes, for handing it from the process that read a file to the one that imports it
// (see IsolatedXlsReader). Not a file format: both ends are the same build.
class WorkbookCodec
{
public:
    static QByteArray encode(const Workbook& workbook);
    // False when the bytes are not a whole encoded workbook.
    static bool decode(const QByteArray& bytes, Workbook* workbook);
};

} // namespace ud
