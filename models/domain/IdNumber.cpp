#include "domain/IdNumber.h"

#include "domain/TextNormaliser.h"
#include "util/Clock.h"

#include <QRegularExpression>

#include <array>

namespace ud {

namespace {

constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char16_t kCheckCharacters[] = u"10X98765432";

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

int digitsValue(QStringView s, qsizetype from, qsizetype count)
{
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i)
        v = v * 10 + (s.at(i).unicode() - u'0');
    return v;
}

// Provinces, autonomous regions and municipalities (GB/T 2260), plus 71 Taiwan, 81 Hong Kong,
// 82 Macao and 83, the prefix of residence permits issued to Taiwan residents.
bool isProvinceCode(int code)
{
    return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37) ||
           (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65) ||
           code == 71 || code == 81 || code == 82 || code == 83;
}

} // namespace

IdNumber IdNumber::failure(Error error, const QString& detail, const QString& detail2)
{
    IdNumber id;
    id.m_error = error;
    id.m_detail = detail;
    id.m_detail2 = detail2;
    return id;
}

IdNumber IdNumber::parse(QStringView input)
{
    QString s = TextNormaliser::identifier(input);
    if (s.isEmpty())
        return failure(Error::Empty);
    // Before anything else: "4.40106E+17" must never be read as a number that is merely too short.
    if (TextNormaliser::looksScientific(s))
        return failure(Error::ScientificNotation, s);

    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        // The check character X as input methods give it: x, the multiplication sign ×, the Roman
        // numeral Ⅹ; the check that follows tells whether X was meant.
        const bool lastX =
            i == s.size() - 1 && (c == QChar(0x00D7) || c == QChar(0x2169) || c == QChar(0x2179));
        if (c == QLatin1Char('x') || lastX)
            s[i] = QLatin1Char('X');
        else if (!isAsciiDigit(c) && c != QLatin1Char('X'))
            return failure(Error::BadCharacter, TextNormaliser::visibleAt(s, i));
    }
    if (s.size() != 18 && s.size() != 15)
        return failure(Error::BadLength, QString::number(s.size()));
    const qsizetype x = s.indexOf(QLatin1Char('X'));
    if (x >= 0 && (s.size() != 18 || x != 17))
        return failure(Error::MisplacedX);

    IdNumber id;
    if (s.size() == 15) {
        // Legacy numbers omit the century (all were issued to people born in the 1900s) and the
        // check character.
        s = s.left(6) + QLatin1String("19") + s.mid(6);
        s.append(checkCharacter(s));
        id.m_converted = true;
    }

    const int province = digitsValue(s, 0, 2);
    if (!isProvinceCode(province)) {
        // Since 2023 a foreigner's permanent residence card carries 9, the province, the country.
        const bool foreigner =
            s.size() == 18 && s.at(0) == QLatin1Char('9') && isProvinceCode(digitsValue(s, 1, 2));
        return failure(Error::BadRegion, s.left(2), foreigner ? QStringLiteral("foreigner") : QString());
    }
    // Hong Kong, Macao and Taiwan residents' permits carry their region whole: 810000, 820000, 830000.
    if (province >= 81 && s.mid(2, 4) != QLatin1String("0000"))
        return failure(Error::BadRegion, s.left(6), QStringLiteral("permit"));

    return withBirthDateAndCheck(s, id);
}

IdNumber IdNumber::withBirthDateAndCheck(const QString& s, IdNumber id)
{
    const QString shownDate = s.mid(6, 4) + QLatin1Char('-') + s.mid(10, 2) + QLatin1Char('-') + s.mid(12, 2);
    const QDate birth(digitsValue(s, 6, 4), digitsValue(s, 10, 2), digitsValue(s, 12, 2));
    if (!birth.isValid())
        return failure(Error::BadDate, shownDate);
    if (birth < QDate(1900, 1, 1))
        return failure(Error::TooOld, shownDate);
    if (birth > Clock::today())
        return failure(Error::FutureDate, shownDate);

    const QChar expected = checkCharacter(QStringView(s).left(17));
    if (s.at(17) != expected) {
        // Excel keeps 15 significant digits of a number: an ID typed into a numeric cell keeps its
        // region and birth date but ends in 000. Say so rather than suggest a one-character typo.
        if (s.endsWith(QLatin1String("000")))
            return failure(Error::ZeroedDigits);
        return failure(Error::BadCheck, QString(expected), QString(s.at(17)));
    }

    id.m_error = Error::None;
    id.m_value = s;
    id.m_birthDate = birth;
    id.m_gender = (s.at(16).unicode() - u'0') % 2 == 1 ? Gender::Male : Gender::Female;
    return id;
}

IdNumber IdNumber::parseForeignerCard(QStringView input)
{
    const QString s = TextNormaliser::identifier(input).toUpper();
    if (s.isEmpty())
        return failure(Error::Empty);
    if (TextNormaliser::looksScientific(s))
        return failure(Error::ScientificNotation, s);
    // The 2004 card: three letters of the nationality, then twelve digits (the place, the birth date
    // without its century, the order, a check digit whose rule is not published): its shape only.
    static const QRegularExpression card2004(QStringLiteral("^[A-Z]{3}[0-9]{12}$"));
    if (card2004.match(s).hasMatch()) {
        IdNumber id;
        id.m_error = Error::None;
        id.m_value = s;
        return id;
    }
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (!isAsciiDigit(s.at(i)) && !(s.at(i) == QLatin1Char('X') && i == 17))
            return failure(Error::BadCharacter, TextNormaliser::visibleAt(s, i), QStringLiteral("foreigner"));
    }
    if (s.size() != 18)
        return failure(Error::BadLength, QString::number(s.size()), QStringLiteral("foreigner"));
    // The 2023 card: 9, the province that issued it, three digits of the nationality, then the birth
    // date, order and check character of an identity card (GB 11643).
    if (s.at(0) != QLatin1Char('9') || !isProvinceCode(digitsValue(s, 1, 2)))
        return failure(Error::BadRegion, s.left(3), QStringLiteral("foreigner-card"));
    return withBirthDateAndCheck(s, IdNumber());
}

QString IdNumber::errorMessage() const
{
    switch (m_error) {
    case Error::None:
        return {};
    case Error::Empty:
        return tr("ID number: nothing was entered.");
    case Error::ScientificNotation:
        return tr("ID number: Excel stored it as a number (it shows %1) and kept only 15 significant "
                  "digits, so the rest are lost. Retype the ID number as text.")
            .arg(m_detail);
    case Error::ZeroedDigits:
        return tr("ID number: the check character is wrong and the number ends in 000, which is what Excel "
                  "leaves when it stores an ID number as a number (only 15 significant digits are kept). "
                  "Retype the ID number as text.");
    case Error::BadCharacter:
        if (m_detail2 == QLatin1String("foreigner"))
            return tr("ID number: %1 is not allowed in a foreigner's permanent residence card number: it has "
                      "18 "
                      "digits (the last may be X), or, on the 2004 card, three letters and twelve digits.")
                .arg(m_detail);
        return tr("ID number: %1 is not allowed; only digits and a final X are.").arg(m_detail);
    case Error::MisplacedX:
        return tr("ID number: X may only be the last of 18 characters.");
    case Error::BadLength:
        if (m_detail2 == QLatin1String("foreigner"))
            return tr("ID number: it has %1 characters; a foreigner's permanent residence card number has 18 "
                      "(or, on the 2004 card, three letters and twelve digits).")
                .arg(m_detail);
        return tr("ID number: it has %1 characters; it should have 18 (or 15 for an old-style number).")
            .arg(m_detail);
    case Error::BadRegion:
        if (m_detail2 == QLatin1String("permit"))
            return tr("ID number: %1 is no region: a number of Hong Kong, Macao or Taiwan begins with "
                      "810000, "
                      "820000 or 830000.")
                .arg(m_detail);
        if (m_detail2 == QLatin1String("foreigner-card"))
            return tr("ID number: a foreigner's permanent residence card number begins with 9 and the code "
                      "of "
                      "the province that issued it; %1 does not.")
                .arg(m_detail);
        if (!m_detail2.isEmpty())
            return tr("ID number: %1 (the first two digits) is not a province code. A number beginning with "
                      "9 "
                      "is a foreigner's permanent residence card: give its document type as "
                      "外国人永久居留身份证.")
                .arg(m_detail);
        return tr("ID number: %1 (the first two digits) is not a province code.").arg(m_detail);
    case Error::BadDate:
        return tr("ID number: the birth date %1 is not a real date.").arg(m_detail);
    case Error::FutureDate:
        return tr("ID number: the birth date %1 is in the future.").arg(m_detail);
    case Error::TooOld:
        return tr("ID number: the birth date %1 is before 1900.").arg(m_detail);
    case Error::BadCheck:
        return tr("ID number: the check character should be %1 but is %2.").arg(m_detail, m_detail2);
    }
    return {};
}

QString IdNumber::genderMismatch(Gender declared) const
{
    if (!isValid() || declared == Gender::Unknown || declared == m_gender)
        return {};
    if (m_gender == Gender::Male)
        return tr("ID number: the 17th digit says male, but the gender entered is female; the gender is kept "
                  "as entered, please check which is right.");
    return tr("ID number: the 17th digit says female, but the gender entered is male; the gender is kept as "
              "entered, please check which is right.");
}

QString IdNumber::birthDateMismatch(QDate declared) const
{
    if (!isValid() || !declared.isValid() || declared == m_birthDate)
        return {};
    return tr("ID number: it gives the birth date %1, but %2 was entered.")
        .arg(m_birthDate.toString(Qt::ISODate), declared.toString(Qt::ISODate));
}

QChar IdNumber::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i) {
        const QChar c = first17.at(i);
        if (!isAsciiDigit(c))
            return {};
        sum += (c.unicode() - u'0') * kWeights[static_cast<size_t>(i)];
    }
    return QChar(kCheckCharacters[sum % 11]);
}

QString IdNumber::masked(QStringView id)
{
    const QString s = TextNormaliser::identifier(id).toUpper();
    const qsizetype n = s.toUcs4().size();
    if (n == 18)
        return TextNormaliser::maskMiddle(s, 6, 4);
    if (n == 15)
        return TextNormaliser::maskMiddle(s, 6, 3);
    // Not an ID number's length: keep a quarter at each end, so at least half is hidden.
    const int keep = static_cast<int>(n / 4);
    return TextNormaliser::maskMiddle(s, keep, keep);
}

bool IdNumber::looksScientific(QStringView input)
{
    return TextNormaliser::looksScientific(input);
}

} // namespace ud
