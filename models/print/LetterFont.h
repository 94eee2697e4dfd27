#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QString>

namespace ud {

// The typeface printed letters use, chosen so that the PDF text layer reads back exactly what was
// printed. Qt's PDF writer maps each glyph back to the lowest code point that uses it, so a font
// sharing glyphs between Kangxi radicals and ideographs (Noto Sans CJK: 工 → ⼯) breaks copying and
// searching. AR PL UMing (a Ming face, the official-document look) and WenQuanYi Micro Hei do not.
// Font merging is switched off, so Qt never borrows a missing character from another font: a text
// the face cannot draw is refused up front (missingCharacter) instead of being printed wrongly.
class LetterFont
{
    Q_DECLARE_TR_FUNCTIONS(ud::LetterFont)

public:
    struct Candidate
    {
        QString family;
        QString file;    // registered with the application when the system does not know the family
        QString package; // the Debian package that installs it, for the error message
    };

    // AR PL UMing CN, then WenQuanYi Micro Hei.
    static QList<Candidate> defaultCandidates();
    // The first candidate that is available; an invalid LetterFont with error() when none is (or
    // when there is no QGuiApplication, without which Qt has no fonts at all).
    static LetterFont find(const QList<Candidate>& candidates = defaultCandidates());

    bool isValid() const { return !m_family.isEmpty(); }
    QString family() const { return m_family; }
    QString error() const { return m_error; }

    // The face at a size in points, font merging off; Qt's default font when there is no face.
    QFont font(qreal pointSize) const;
    // The first code point in `text` the face has no glyph for (whitespace aside), or 0 (also when
    // there is no face).
    char32_t missingCharacter(const QString& text) const;

private:
    QString m_family;
    QString m_error;
};

} // namespace ud
