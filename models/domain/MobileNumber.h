#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QStringView>

namespace ud {

// A mainland China mobile number: 11 digits, 1 then 3..9. Stored without the country code, because
// every other system a union exchanges data with stores it that way.
class MobileNumber
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(ud::MobileNumber)

public:
    enum class Error
    {
        None,
        Empty,
        ScientificNotation,
        NotMainland, // a + prefix other than +86
        BadCharacter,
        BadLength,
        BadPrefix,
    };
    Q_ENUM(Error)

    MobileNumber() = default;

    // Tolerates +86, 0086 or 86 in front, spaces, hyphens, parentheses, full-width digits and a
    // leading apostrophe.
    static MobileNumber parse(QStringView input);

    bool isValid() const { return m_error == Error::None; }
    Error error() const { return m_error; }
    QString errorMessage() const;
    QString value() const { return m_value; } // 11 digits; empty unless valid

    // Valid but probably made up to get past a required field: the last eight digits are one digit
    // repeated or a run (13800000000, 13912345678, 13987654321). A warning, never an error.
    bool looksOdd() const;
    QString warningMessage() const; // empty unless looksOdd()

    // 138****5678; other lengths keep a quarter at each end.
    static QString masked(QStringView number);

private:
    static MobileNumber failure(Error error, const QString& detail = {});
    // The input without separators and without a +86 / 0086 / 86 prefix.
    static QString stripped(QStringView input);

    Error m_error = Error::Empty;
    QString m_detail; // message argument, translated into a sentence only when asked for
    QString m_value;
};

} // namespace ud
