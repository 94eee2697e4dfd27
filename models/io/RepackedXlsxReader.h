#pragma once

#include "io/SheetReader.h"

namespace ud {

// An .xlsx whose parts are named with backslashes (xl\worksheets\sheet1.xml): some Windows programs
// zip a workbook that way, and liborcus then finds no part at all, so the roster read as a workbook
// without sheets. The package is written again with the names as the format has them (forward
// slashes) into a private temporary folder, and read from there.
class RepackedXlsxReader : public SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ud::RepackedXlsxReader)

public:
    bool read(const QString& path, Workbook* workbook, QString* error) override;
};

} // namespace ud
