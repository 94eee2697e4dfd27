#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ud {

// A zip package's files read whole and written again through libzip, for the readers that hand
// liborcus a mended copy of a package (EncryptedOdsReader, RepackedXlsxReader).
class ZipEntries
{
public:
    using Entries = QList<QPair<QString, QByteArray>>; // name, bytes; in the package's order

    // Every file (not folder) of the package, each checked against its CRC; false when the package,
    // or one of its files, cannot be read whole.
    static bool read(const QString& path, Entries* entries);
    // A new package of `entries`: a "mimetype" file first and uncompressed, as ODF asks, the rest
    // compressed.
    static bool write(const QString& path, const Entries& entries);
    // Whether some file of the package is named with backslashes (xl\worksheets\sheet1.xml), as
    // some Windows programs zip a workbook.
    static bool hasBackslashNames(const QString& path);
};

} // namespace ud
