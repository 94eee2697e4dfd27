#pragma once

#include <QString>

namespace ud {

// Whether every part of a zip package (.xlsx, .ods) is whole, checked through libzip: each part must
// be stored or deflated, inflate to the size the archive states and match its checksum; an XML part
// must end with the end tag of its root element, and a sheet in UTF-8 must be valid UTF-8. liborcus
// reads a damaged part (a bad sector, a copy to a USB stick cut short, a part a broken tool wrote only
// half of) as far as it goes and stops without an error, so a damaged sheet would import its first
// rows as if they were all.
class ZipIntegrity
{
public:
    enum class Damage
    {
        None,
        Checksum,    // the part does not inflate, or not to what was stored
        Incomplete,  // an XML part that stops before its end
        Compression, // packed with a method other than Excel's (deflate) or none, which liborcus cannot read
        Encoding,    // a sheet in UTF-8 with bytes that are not (GBK written into it, say)
    };

    explicit ZipIntegrity(const QString& path);

    // A file libzip cannot open as an archive at all counts as intact here: the reader's own message
    // explains it better.
    bool isIntact() const { return m_damage == Damage::None; }
    Damage damage() const { return m_damage; }
    // The name of the first damaged part (xl/worksheets/sheet1.xml), for the message.
    QString damagedPart() const { return m_damagedPart; }

    // Whether XML that begins with `head` and ends with `tail` ends with its root element's end tag;
    // true when that cannot be told (no root element in `head`, text that is not UTF-8, a comment
    // after the root).
    static bool xmlLooksWhole(const QByteArray& head, const QByteArray& tail);

private:
    Damage m_damage = Damage::None;
    QString m_damagedPart;
};

} // namespace ud
