#include "domain/TextNormaliser.h"

#include <QList>

namespace ud {

namespace {

bool isDash(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'-' || (u >= 0x2010 && u <= 0x2015) || u == 0x2212 || u == 0xFE58 || u == 0xFE63;
}

// ASCII ' and the curly quotes Word and WPS substitute for it when a clerk types it.
bool isApostrophe(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\'' || u == 0x2018 || u == 0x2019;
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Advances i over a run of ASCII digits; false if there was none.
bool skipDigits(QStringView s, qsizetype& i)
{
    const qsizetype start = i;
    while (i < s.size() && isAsciiDigit(s.at(i)))
        ++i;
    return i > start;
}

} // namespace

QChar TextNormaliser::toHalfWidth(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0xFF01 && u <= 0xFF5E)
        return QChar(static_cast<char16_t>(u - 0xFEE0));
    if (u == 0x3000)
        return QLatin1Char(' ');
    return c;
}

QString TextNormaliser::toHalfWidth(QStringView text)
{
    QString out;
    out.reserve(text.size());
    // Surrogates are outside both mapped ranges, so characters beyond the BMP pass through intact.
    for (QChar c : text)
        out.append(toHalfWidth(c));
    return out;
}

bool TextNormaliser::isZeroWidth(QChar c)
{
    // U+00AD, the soft hyphen, shows only where a line breaks: in a cell, nowhere.
    const char16_t u = c.unicode();
    return (u >= 0x200B && u <= 0x200D) || u == 0x2060 || u == 0xFEFF || u == 0x00AD;
}

QString TextNormaliser::normalise(QStringView text)
{
    return collapse(text, false);
}

QString TextNormaliser::freeText(QStringView text)
{
    return collapse(text, true);
}

QString TextNormaliser::collapse(QStringView text, bool keepPunctuation)
{
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (QChar c : text) {
        if (isZeroWidth(c))
            continue;
        const QChar half = toHalfWidth(c);
        if (!keepPunctuation || half.isLetterOrNumber() || half.isSpace())
            c = half;
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out.append(QLatin1Char(' '));
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

QString TextNormaliser::withoutSpaces(QStringView text)
{
    QString k = normalise(text);
    k.remove(QLatin1Char(' '));
    return k;
}

QString TextNormaliser::identifier(QStringView text)
{
    const QString normal = normalise(text);
    QString out;
    out.reserve(normal.size());
    for (qsizetype i = 0; i < normal.size(); ++i) {
        const QChar c = normal.at(i);
        if (c.isSpace() || isDash(c))
            continue;
        if (i == 0 && isApostrophe(c))
            continue;
        out.append(c);
    }
    return out;
}

bool TextNormaliser::looksScientific(QStringView text)
{
    // Every ID number cell of an import comes here: without an E (half- or full-width) there is
    // nothing to normalise.
    if (!text.contains(QLatin1Char('E'), Qt::CaseInsensitive) && !text.contains(QChar(0xFF25)) &&
        !text.contains(QChar(0xFF45)))
        return false;
    const QString s = identifier(text);
    qsizetype i = 0;
    if (!skipDigits(s, i))
        return false;
    if (i < s.size() && (s.at(i) == QLatin1Char('.') || s.at(i) == QLatin1Char(','))) {
        ++i;
        if (!skipDigits(s, i))
            return false;
    }
    if (i >= s.size() || (s.at(i) != QLatin1Char('E') && s.at(i) != QLatin1Char('e')))
        return false;
    ++i;
    if (i < s.size() && s.at(i) == QLatin1Char('+'))
        ++i;
    return skipDigits(s, i) && i == s.size();
}

QString TextNormaliser::maskMiddle(QStringView text, int keepHead, int keepTail)
{
    // Counted in code points so a masked name or a damaged value never ends in half a surrogate pair.
    const QList<uint> points = text.toUcs4();
    const qsizetype n = points.size();
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (i < keepHead || i >= n - keepTail) {
            const char32_t c = points.at(i);
            out.append(QString::fromUcs4(&c, 1));
        } else {
            out.append(QLatin1Char('*'));
        }
    }
    return out;
}

char32_t TextNormaliser::standardForPrivateUse(char32_t c)
{
    if (c < 0xE78D || c > 0xE864)
        return 0;
    // The mappings GB18030-2022 changed (the bytes A6D9…A6F3, A8BC, FE51…FEA0).
    static const std::pair<char32_t, char32_t> table[] = {
        {0xE78D, 0xFE10},  {0xE78E, 0xFE12},  {0xE78F, 0xFE11},  {0xE790, 0xFE13},  {0xE791, 0xFE14},
        {0xE792, 0xFE15},  {0xE793, 0xFE16},  {0xE794, 0xFE17},  {0xE795, 0xFE18},  {0xE796, 0xFE19},
        {0xE7C7, 0x1E3F},  {0xE816, 0x20087}, {0xE817, 0x20089}, {0xE818, 0x200CC}, {0xE81E, 0x9FB4},
        {0xE826, 0x9FB5},  {0xE82B, 0x9FB6},  {0xE82C, 0x9FB7},  {0xE831, 0x215D7}, {0xE832, 0x9FB8},
        {0xE83B, 0x2298F}, {0xE843, 0x9FB9},  {0xE854, 0x9FBA},  {0xE855, 0x241FE}, {0xE864, 0x9FBB}};
    for (const auto& [from, to] : table) {
        if (from == c)
            return to;
    }
    return 0;
}

QString TextNormaliser::withStandardCharacters(const QString& text)
{
    const auto privateUse = [](QChar ch) {
        return ch.unicode() >= 0xE78D && ch.unicode() <= 0xE864;
    };
    if (std::none_of(text.cbegin(), text.cend(), privateUse))
        return text;
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar ch : text) {
        if (const char32_t standard = standardForPrivateUse(ch.unicode()); standard != 0)
            out.append(QString::fromUcs4(&standard, 1));
        else
            out.append(ch);
    }
    return out;
}

bool TextNormaliser::isHashFill(QStringView text)
{
    return !text.isEmpty() && text.count(QLatin1Char('#')) == text.size();
}

QString TextNormaliser::visible(char32_t c)
{
    const QString code = QStringLiteral("U+%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')).toUpper();
    // Marks and variation selectors show nothing of their own ("不允许出现 “”" read as a blank).
    const QChar::Category category = QChar::category(c);
    if (!QChar::isPrint(c) || QChar::isSpace(c) || category == QChar::Mark_NonSpacing ||
        category == QChar::Mark_Enclosing || category == QChar::Other_Format)
        return tr("an invisible character (%1)").arg(code);
    const QString quoted = QChar(u'\u201C') + QString::fromUcs4(&c, 1) + QChar(u'\u201D');
    // Greek and Cyrillic letters look like Latin ones (Х for X, О for O): the code tells them apart.
    if (c >= 0x0370 && c <= 0x052F)
        return tr("%1 (a Greek or Cyrillic letter, %2)").arg(quoted, code);
    return quoted;
}

QString TextNormaliser::visibleAt(QStringView text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
        return visible(QChar::surrogateToUcs4(c, text.at(i + 1)));
    return visible(c.unicode());
}

} // namespace ud
