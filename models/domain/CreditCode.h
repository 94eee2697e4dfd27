#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QStringView>

namespace ud {

// A unified social credit code (统一社会信用代码, GB 32100-2015): registration authority, organisation
// category, 6-digit region, 9-character organisation code and a check character, drawn from 31
// characters (digits and capitals without I, O, S, V, Z, which are too easily misread).
class CreditCode
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(ud::CreditCode)

public:
    enum class Error
    {
        None,
        Empty,
        BadCharacter,
        BadLength,
        BadAuthority,
        BadRegion,
        BadCheck,
    };
    Q_ENUM(Error)

    CreditCode() = default;

    // Tolerates lower case, full-width characters, spaces, hyphens and a leading apostrophe.
    static CreditCode parse(QStringView input);

    bool isValid() const { return m_error == Error::None; }
    Error error() const { return m_error; }
    QString errorMessage() const;
    QString value() const { return m_value; } // 18 characters; empty unless valid

    // Registered by the trade-union authority: 81 for base unions, 89 for other unions.
    bool isUnionCode() const;

    // The check character for the first 17 characters, or a null QChar if first17 is not 17
    // characters of the code's alphabet.
    static QChar checkCharacter(QStringView first17);

private:
    static CreditCode failure(Error error, const QString& detail = {}, const QString& detail2 = {});

    Error m_error = Error::Empty;
    // Message arguments, translated into a sentence only when asked for.
    QString m_detail;
    QString m_detail2;
    QString m_value;
};

} // namespace ud
