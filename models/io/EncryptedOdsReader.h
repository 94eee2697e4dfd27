#pragma once

#include "io/SheetReader.h"

namespace ud {

// An .ods saved with a password (see OdfDecryption): its parts are decrypted with the password the
// clerk gives and packed, with the rest of the package, into a plain .ods in a private temporary
// folder, which is read like any .ods and removed at once.
class EncryptedOdsReader : public SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ud::EncryptedOdsReader)

public:
    // Whether the .ods at `path` has encrypted parts (its manifest says so).
    static bool isEncrypted(const QString& path);

    bool read(const QString& path, Workbook* workbook, QString* error) override;
};

} // namespace ud
