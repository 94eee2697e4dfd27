#include "domain/MobileNumber.h"

#include "domain/TextNormaliser.h"

namespace ud {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAllDigits(QStringView s)
{
    for (QChar c : s) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

} // namespace

MobileNumber MobileNumber::failure(Error error, const QString& detail)
{
    MobileNumber m;
    m.m_error = error;
    m.m_detail = detail;
    return m;
}

QString MobileNumber::stripped(QStringView input)
{
    QString s = TextNormaliser::identifier(input);
    s.remove(QLatin1Char('('));
    s.remove(QLatin1Char(')'));
    if (s.startsWith(QLatin1String("+86")))
        s.remove(0, 3);
    else if (s.startsWith(QLatin1String("0086")))
        s.remove(0, 4);
    else if (s.size() == 13 && s.startsWith(QLatin1String("86")) && isAllDigits(s))
        s.remove(0, 2); // 86 alone is a prefix only when 11 digits follow
    else if (s.size() == 12 && s.startsWith(QLatin1String("01")) && isAllDigits(s))
        s.remove(0, 1); // the trunk prefix once dialled before a mobile from another city: (0)138…
    return s;
}

MobileNumber MobileNumber::parse(QStringView input)
{
    const QString s = stripped(input);
    if (s.isEmpty())
        return failure(Error::Empty);
    // A narrow numeric column in Excel shows 1.38001E+10, and a CSV saved from it keeps exactly that.
    if (TextNormaliser::looksScientific(s))
        return failure(Error::ScientificNotation, s);
    if (s.startsWith(QLatin1Char('+')))
        return failure(Error::NotMainland);
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (!isAsciiDigit(s.at(i)))
            return failure(Error::BadCharacter, TextNormaliser::visibleAt(s, i));
    }
    if (s.size() != 11)
        return failure(Error::BadLength, QString::number(s.size()));
    if (s.at(0) != QLatin1Char('1') || s.at(1) < QLatin1Char('3'))
        return failure(Error::BadPrefix, s.left(2));

    MobileNumber m;
    m.m_error = Error::None;
    m.m_value = s;
    return m;
}

QString MobileNumber::errorMessage() const
{
    switch (m_error) {
    case Error::None:
        return {};
    case Error::Empty:
        return tr("Mobile: nothing was entered.");
    case Error::ScientificNotation:
        return tr("Mobile: Excel stored it as a number and shows %1, so digits are lost. Retype the "
                  "mobile number as text.")
            .arg(m_detail);
    case Error::NotMainland:
        return tr("Mobile: only mainland China numbers (+86) are accepted.");
    case Error::BadCharacter:
        return tr("Mobile: %1 is not allowed; a mobile number has only digits.").arg(m_detail);
    case Error::BadLength:
        return tr("Mobile: it has %1 digits; it should have 11.").arg(m_detail);
    case Error::BadPrefix:
        return tr("Mobile: a mainland mobile number begins with 13 to 19, not %1.").arg(m_detail);
    }
    return {};
}

bool MobileNumber::looksOdd() const
{
    if (!isValid())
        return false;
    const QStringView tail = QStringView(m_value).right(8);
    bool same = true;
    bool up = true;
    bool down = true;
    for (qsizetype i = 1; i < tail.size(); ++i) {
        const int previous = tail.at(i - 1).unicode() - u'0';
        const int current = tail.at(i).unicode() - u'0';
        same = same && current == previous;
        up = up && current == (previous + 1) % 10;
        down = down && current == (previous + 9) % 10;
    }
    return same || up || down;
}

QString MobileNumber::warningMessage() const
{
    if (!looksOdd())
        return {};
    return tr(
        "Mobile: the number ends in repeated or consecutive digits and may be made up; please check it.");
}

QString MobileNumber::masked(QStringView number)
{
    const QString s = stripped(number);
    const qsizetype n = s.toUcs4().size();
    if (n == 11)
        return TextNormaliser::maskMiddle(s, 3, 4);
    const int keep = static_cast<int>(n / 4);
    return TextNormaliser::maskMiddle(s, keep, keep);
}

} // namespace ud
