#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QStringView>

namespace ud {

// A person's name as on the identity card: Chinese characters of any CJK block (rare characters in
// names are often outside the BMP), the middle dot of minority and transliterated names
// (阿依古丽·买买提), or Latin letters and spaces for foreigners. Lengths count characters, not
// UTF-16 units, so 𠇔 counts once and is never split.
class PersonName
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(ud::PersonName)

public:
    enum class Error
    {
        None,
        Empty,
        BadCharacter,
        Radical, // a CJK radical with no ideograph to stand for it
        DotAtEdge,
        DoubledDot,
        TooLong,
        Note,        // a note in brackets after the name: 李四（已故）
        PrivateUse,  // a character an input method made up (a private-use code point)
        Description, // an ideographic description character: ⿰木乔 for a character not typed
        StandIn,     // "?": what a file saved as GBK text holds for a character GBK lacks (a 生僻字)
    };
    Q_ENUM(Error)

    static constexpr int MaxLength = 30;

    PersonName() = default;

    // Normalises before checking: full-width ASCII, invisible characters, surrounding and repeated
    // spaces, the look-alikes of the middle dot (• ‧ ・ and a full stop between Chinese characters)
    // and the spaces clerks put around it or inside a Chinese name to pad it (张　三); Kangxi radicals
    // that PDFs substitute for ideographs (⽇ for 日) become the ideograph.
    static PersonName parse(QStringView input);

    bool isValid() const { return m_error == Error::None; }
    Error error() const { return m_error; }
    QString errorMessage() const;
    QString value() const { return m_value; } // empty unless valid
    int length() const { return m_length; }   // in characters (code points)
    // Whether spaces between Chinese characters were dropped from a name of more than two characters:
    // "王芳 女" becomes 王芳女, which may hide a note after the name. Padding a two-character name to
    // the width of three (张　三) is what clerks do, and is not counted.
    bool joinedWords() const { return m_joinedWords; }
    // Whether the spaces between the words of a transliterated minority name became middle dots:
    // "阿卜杜 热合曼" is 阿卜杜·热合曼, as the identity card writes it. Said to the clerk, who knows.
    bool spacesAsDots() const { return m_spacesAsDots; }
    // Whether words of two characters or more were joined (王芳 李娜 → 王芳李娜): two people in one
    // cell as likely as one name typed with a space.
    bool mayBeTwoNames() const { return m_mayBeTwoNames; }
    // The Latin words after a Chinese name (陈静 Chen Jing: its pinyin), left out of the name.
    QString droppedLatin() const { return m_droppedLatin; }

    static bool isCjkIdeograph(char32_t c);

    // What a union that does not hold the member may see of her name: 张*明, 欧**明, 李*, *. The
    // family name and (from three characters) the last one stay; characters, not UTF-16 units.
    static QString masked(QStringView name);

private:
    static PersonName failure(Error error, const QString& detail = {});

    Error m_error = Error::Empty;
    QString m_detail; // message argument, translated into a sentence only when asked for
    QString m_value;
    int m_length = 0;
    bool m_joinedWords = false;
    bool m_spacesAsDots = false;
    bool m_mayBeTwoNames = false;
    QString m_droppedLatin;
};

} // namespace ud
