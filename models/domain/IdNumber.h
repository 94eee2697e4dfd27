#pragma once

#include "domain/Gender.h"

#include <QCoreApplication>
#include <QDate>
#include <QObject>
#include <QString>
#include <QStringView>

namespace ud {

// A resident identity card number (居民身份证号码, GB 11643-1999): 6 digits of region, 8 of birth
// date, 3 of sequence (odd for men) and an ISO 7064 MOD 11-2 check character. Legacy 15-digit
// numbers are converted to 18 so that one person has one key.
class IdNumber
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(ud::IdNumber)

public:
    // Why a parse failed, for callers that branch on it (imports count them, the API reports them).
    enum class Error
    {
        None,
        Empty,
        ScientificNotation, // Excel showed it as 4.40106E+17: digits are lost
        ZeroedDigits,       // wrong check and ends in 000: Excel stored it as a number
        BadCharacter,
        MisplacedX,
        BadLength,
        BadRegion,
        BadDate,
        FutureDate,
        TooOld,
        BadCheck,
    };
    Q_ENUM(Error)

    IdNumber() = default;

    // Tolerates what clerks and Excel add: full-width digits, a lower-case x, spaces, tabs, hyphens
    // and a leading apostrophe. "Not in the future" is judged against Clock::today().
    static IdNumber parse(QStringView input);
    // A foreigner's permanent residence card (外国人永久居留身份证): since 2023 eighteen characters, 9,
    // the issuing province and the nationality, then an identity card's birth date, order and check
    // character; the 2004 card's three letters and twelve digits are checked for their shape only
    // (no birth date is read from them).
    static IdNumber parseForeignerCard(QStringView input);

    bool isValid() const { return m_error == Error::None; }
    Error error() const { return m_error; }
    // Translated, naming the field and the reason; empty when valid.
    QString errorMessage() const;

    QString value() const { return m_value; }         // 18 characters; empty unless valid
    bool wasConverted() const { return m_converted; } // the input had 15 digits
    QString regionCode() const { return m_value.left(6); }
    QDate birthDate() const { return m_birthDate; }
    Gender gender() const { return m_gender; }

    // Warnings for a record whose other fields disagree with the number; empty when they agree or
    // when either side is unknown.
    QString genderMismatch(Gender declared) const;
    QString birthDateMismatch(QDate declared) const;

    // The check character for 17 digits, or a null QChar if first17 is not 17 ASCII digits.
    static QChar checkCharacter(QStringView first17);
    // 440106********1234 for 18 characters, 440106******123 for 15; other lengths keep less.
    static QString masked(QStringView id);
    static bool looksScientific(QStringView input);

private:
    static IdNumber failure(Error error, const QString& detail = {}, const QString& detail2 = {});
    // The birth date, its range and the check character of 18 characters laid out as GB 11643's.
    static IdNumber withBirthDateAndCheck(const QString& s, IdNumber id);

    Error m_error = Error::Empty;
    // Message arguments, kept raw so that errorMessage() translates into the language current at
    // the time it is shown, not at the time of parsing.
    QString m_detail;
    QString m_detail2;
    QString m_value;
    QDate m_birthDate;
    Gender m_gender = Gender::Unknown;
    bool m_converted = false;
};

} // namespace ud
