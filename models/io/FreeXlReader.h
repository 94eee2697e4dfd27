#pragma once

#include "io/SheetReader.h"

namespace ud {

// Legacy Excel 97–2003 workbooks (.xls, BIFF8) through FreeXL. FreeXL tells date cells apart itself;
// hidden sheets and rows, which it does not report, come from BiffSheetAttributes. A workbook Excel
// encrypted with its built-in password is decrypted first (BiffDecryption).
class FreeXlReader : public SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ud::FreeXlReader)

public:
    bool read(const QString& path, Workbook* workbook, QString* error) override;
};

} // namespace ud
