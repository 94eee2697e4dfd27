#pragma once

#include <QChar>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace ud {

// Text typed by clerks or pasted from Excel, WeChat and PDFs arrives with full-width forms, invisible
// characters and stray spaces that make equal values compare unequal. Every validator starts here so
// that they all agree on what "the same text" means.
class TextNormaliser
{
    Q_DECLARE_TR_FUNCTIONS(ud::TextNormaliser)

public:
    // U+FF01..U+FF5E become ASCII and U+3000 (ideographic space) a space; anything else is unchanged.
    static QChar toHalfWidth(QChar c);
    static QString toHalfWidth(QStringView text);

    // U+200B..U+200D, U+2060 and U+FEFF: invisible, so a clerk can neither see nor remove them.
    static bool isZeroWidth(QChar c);
    // ########: what Excel shows, and writes to a CSV, for a number or date too wide for its column;
    // no value at all.
    static bool isHashFill(QStringView text);

    // Half-width, zero-width characters removed, trimmed, every run of whitespace one space.
    static QString normalise(QStringView text);

    // For free text kept as typed (工作单位, 职务, 备注 …): as normalise(), but only full-width letters and
    // digits become ASCII; Chinese punctuation stays, since 某某（北京）有限公司 is how such a name is
    // written, and turning its brackets half-width would change what the clerk sees and prints.
    static QString freeText(QStringView text);

    // normalise(), then without any space: for comparing names clerks pad or split (张　三, 第 二 分会,
    // Sheet1 (2)).
    static QString withoutSpaces(QStringView text);

    // For codes and numbers (ID, mobile, credit code): normalise(), then drop every space, tab and
    // hyphen or dash, and one leading apostrophe (Excel's "this cell is text" prefix).
    static QString identifier(QStringView text);

    // "4.40106E+17", "4,4011e17": what Excel shows, and writes to CSV, for a long number in a numeric
    // cell. Such a value has lost digits for good.
    static bool looksScientific(QStringView text);

    // Keeps keepHead and keepTail code points and replaces the rest with '*', one per code point.
    static QString maskMiddle(QStringView text, int keepHead, int keepTail);

    // A character as it can be quoted in a message: “x”, or U+XXXX when it is invisible.
    static QString visible(char32_t c);
    // The character GB18030-2022 gives to a private-use code point that GB18030-2005 decoders (ICU 72,
    // Qt, older Windows) and input methods of that time use for it: 𠂇 (U+20087) for U+E816, 龴
    // (U+9FB4) for U+E81E, the vertical punctuation for U+E78D … ; 0 for any other character.
    static char32_t standardForPrivateUse(char32_t c);
    // The text with those code points replaced.
    static QString withStandardCharacters(const QString& text);
    // visible() for the character at index i, joining a surrogate pair.
    static QString visibleAt(QStringView text, qsizetype i);

private:
    static QString collapse(QStringView text, bool keepPunctuation);
};

} // namespace ud
