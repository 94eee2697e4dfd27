#pragma once

#include <QString>

namespace ud {

// Whether every part of a zip package (.xlsx, .ods) reads back as it was written, checked through
// libzip against the checksums the archive keeps. liborcus reads a part whose compressed data was
// damaged (a bad sector, an interrupted copy to a USB stick) as far as it inflates and stops without
// an error, so a damaged sheet would import its first rows as if they were all.
class ZipIntegrity
{
public:
    explicit ZipIntegrity(const QString& path);

    // False when a part does not inflate or does not match its checksum. A file libzip cannot open
    // as an archive at all counts as intact here: the reader's own message explains it better.
    bool isIntact() const { return m_damagedPart.isEmpty(); }
    // The name of the first damaged part (xl/worksheets/sheet1.xml), for the message.
    QString damagedPart() const { return m_damagedPart; }

private:
    QString m_damagedPart;
};

} // namespace ud
