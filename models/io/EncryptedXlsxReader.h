#pragma once

#include "io/SheetReader.h"

namespace ud {

// An .xlsx with a password to open (see OoxmlDecryption): decrypted with the password given, or the
// one Excel uses when it encrypts without asking the clerk for one, into a private temporary folder
// (the plain workbook holds ID numbers: it is there only while it is read, and only its owner may
// read it), and read from there like any workbook.
class EncryptedXlsxReader : public SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ud::EncryptedXlsxReader)

public:
    bool read(const QString& path, Workbook* workbook, QString* error) override;
};

} // namespace ud
