#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QRawFont>
#include <QString>

namespace ud {

// Puts right the text layer of a PDF made by Qt's PDF writer, so that copying and searching give
// back exactly the characters printed. Qt writes each glyph's Unicode value (the font's ToUnicode
// CMap) as the lowest code point below U+10000 that the font maps to that glyph. That loses every
// character outside the Basic Multilingual Plane (rare name characters such as 𠇔), turns a space
// into a tab (U+0009 shares its glyph), and with some fonts turns 工 into the Kangxi radical ⼯.
//
// Knowing the characters that were printed with the font, in the order they were drawn, this
// rewrites the CMap: a glyph mapped to a code point that was never printed is mapped to the
// printed character that has that glyph, and the glyphs left without a mapping (Qt numbers glyphs
// in the order it first draws them) are given the printed characters beyond U+FFFF in that
// order. The new CMap is appended as an incremental update, so nothing Qt wrote moves.
class PdfTextLayer
{
    Q_DECLARE_TR_FUNCTIONS(ud::PdfTextLayer)

public:
    // `printed`: every text drawn with `font`, in drawing order. False, with a reason, when the
    // PDF is not laid out as Qt writes it or the glyphs cannot be matched to the printed text.
    static bool repair(QByteArray& pdf, const QRawFont& font, const QString& printed, QString* error);
};

} // namespace ud
