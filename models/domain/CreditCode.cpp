#include "domain/CreditCode.h"

#include "domain/TextNormaliser.h"

#include <array>

namespace ud {

namespace {

constexpr QStringView kAlphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// Registration authorities of GB 32100-2015 table 1: 1 organisation establishment, 2 foreign
// affairs, 3 justice, 4 culture, 5 civil affairs, 6 tourism, 7 religion, 8 trade unions, 9 industry
// and commerce, A military, N agriculture, Y others.
constexpr QStringView kAuthorities = u"123456789ANY";

int valueOf(QChar c)
{
    return static_cast<int>(kAlphabet.indexOf(c));
}

} // namespace

CreditCode CreditCode::failure(Error error, const QString& detail, const QString& detail2)
{
    CreditCode code;
    code.m_error = error;
    code.m_detail = detail;
    code.m_detail2 = detail2;
    return code;
}

CreditCode CreditCode::parse(QStringView input)
{
    QString s = TextNormaliser::identifier(input);
    if (s.isEmpty())
        return failure(Error::Empty);
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            s[i] = c.toUpper();
        if (valueOf(s.at(i)) < 0)
            return failure(Error::BadCharacter, TextNormaliser::visibleAt(s, i));
    }
    if (s.size() != 18)
        return failure(Error::BadLength, QString::number(s.size()));
    if (!kAuthorities.contains(s.at(0)))
        return failure(Error::BadAuthority, QString(s.at(0)));
    for (qsizetype i = 2; i < 8; ++i) {
        if (s.at(i) < QLatin1Char('0') || s.at(i) > QLatin1Char('9'))
            return failure(Error::BadRegion, s.mid(2, 6));
    }
    const QChar expected = checkCharacter(QStringView(s).left(17));
    if (s.at(17) != expected)
        return failure(Error::BadCheck, QString(expected), QString(s.at(17)));

    CreditCode code;
    code.m_error = Error::None;
    code.m_value = s;
    return code;
}

QString CreditCode::errorMessage() const
{
    switch (m_error) {
    case Error::None:
        return {};
    case Error::Empty:
        return tr("Unified social credit code: nothing was entered.");
    case Error::BadCharacter:
        return tr("Unified social credit code: %1 is not allowed; the code uses digits and capital letters "
                  "except I, O, S, V and Z.")
            .arg(m_detail);
    case Error::BadLength:
        return tr("Unified social credit code: it has %1 characters; it should have 18.").arg(m_detail);
    case Error::BadAuthority:
        return tr("Unified social credit code: the first character %1 is not a registration authority "
                  "(1–9, A, N or Y).")
            .arg(m_detail);
    case Error::BadRegion:
        return tr("Unified social credit code: characters 3 to 8 (%1) should be a six-digit region code.")
            .arg(m_detail);
    case Error::BadCheck:
        return tr("Unified social credit code: the check character should be %1 but is %2.")
            .arg(m_detail, m_detail2);
    }
    return {};
}

bool CreditCode::isUnionCode() const
{
    return isValid() && (m_value.startsWith(QLatin1String("81")) || m_value.startsWith(QLatin1String("89")));
}

QChar CreditCode::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i) {
        const int v = valueOf(first17.at(i));
        if (v < 0)
            return {};
        sum += v * kWeights[static_cast<size_t>(i)];
    }
    const int check = (31 - sum % 31) % 31;
    return kAlphabet.at(check);
}

} // namespace ud
