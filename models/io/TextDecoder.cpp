#include "io/TextDecoder.h"

#include "domain/TextNormaliser.h"

#include <QStringDecoder>
#include <QStringEncoder>

#include <algorithm>
#include <unicode/ucnv.h>

namespace ud {

namespace {

bool isUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (!decoder.hasError())
        return true;
    // A UTF-8 file with a name pasted in from a GBK one: UTF-8 still, so that one cell shows as
    // unreadable (and its row is refused) instead of the whole file turning into nonsense. Text in
    // GB18030 read as UTF-8 breaks at nearly every Chinese character (more breaks than readable characters in
    // every GBK file tried; a pasted name gives a few among many).
    qsizetype replaced = 0;
    qsizetype readable = 0;
    for (const QChar c : text) {
        if (c == QChar::ReplacementCharacter)
            ++replaced;
        else if (c.unicode() >= 0x80)
            ++readable;
    }
    return readable >= 2 * replaced;
}

bool looksUtf16(const QByteArray& bytes, bool littleEndian)
{
    // ASCII text in UTF-16 has a zero in every other byte; Chinese text mostly does not, so only a
    // file with a marked share of zeros in the expected place counts. The other byte is zero only
    // for the characters U+xx00 (一 is U+4E00, 开 U+5F00): a few of them, against many zeros.
    const qsizetype n = std::min<qsizetype>(bytes.size(), 4096) & ~qsizetype(1);
    if (n < 4)
        return false;
    qsizetype zeros = 0;
    qsizetype otherZeros = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        const bool high = bytes.at(littleEndian ? i + 1 : i) == 0;
        const bool low = bytes.at(littleEndian ? i : i + 1) == 0;
        if (high && low)
            return false; // U+0000: no text holds it
        zeros += high ? 1 : 0;
        otherZeros += low ? 1 : 0;
    }
    return zeros * 4 >= n / 2 && otherZeros * 4 <= zeros;
}

QString icuConvert(const char* charset, const QByteArray& bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(charset, &status);
    if (U_FAILURE(status))
        return {};
    QString out(bytes.size() + 1, Qt::Uninitialized);
    const int32_t written =
        ucnv_toUChars(converter, reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()),
                      bytes.constData(), static_cast<int32_t>(bytes.size()), &status);
    ucnv_close(converter);
    if (U_FAILURE(status))
        return {};
    out.truncate(written);
    return out;
}

// Whether bytes [from, to) are UTF-8 with at least one character beyond ASCII.
bool isStrictUtf8(const char* from, const char* to)
{
    bool beyondAscii = false;
    for (const char* p = from; p < to;) {
        const auto b = static_cast<quint8>(*p);
        int more = 0;
        if (b < 0x80) {
            ++p;
            continue;
        }
        if (b >= 0xC2 && b <= 0xDF)
            more = 1;
        else if (b >= 0xE0 && b <= 0xEF)
            more = 2;
        else if (b >= 0xF0 && b <= 0xF4)
            more = 3;
        else
            return false;
        if (to - p <= more)
            return false;
        for (int i = 1; i <= more; ++i) {
            if ((static_cast<quint8>(p[i]) & 0xC0) != 0x80)
                return false;
        }
        beyondAscii = true;
        p += more + 1;
    }
    return beyondAscii;
}

// The share of a GB18030 text's two-byte characters that are among GB2312's 3,755 most common
// (level 1: B0A1–D7F9), and how many two-byte characters it has.
std::pair<double, int> commonShare(const QByteArray& bytes)
{
    int pairs = 0;
    int common = 0;
    for (qsizetype i = 0; i < bytes.size();) {
        const auto b = static_cast<quint8>(bytes.at(i));
        if (b < 0x81 || i + 1 >= bytes.size()) {
            ++i;
            continue;
        }
        const auto next = static_cast<quint8>(bytes.at(i + 1));
        if (next >= 0x30 && next <= 0x39) { // a four-byte character: rare by definition
            ++pairs;
            i += 4;
            continue;
        }
        ++pairs;
        if (b >= 0xB0 && b <= 0xD7 && next >= 0xA1)
            ++common;
        i += 2;
    }
    return {pairs ? double(common) / pairs : 0.0, pairs};
}

// A GB18030 file with a line pasted in from a UTF-8 one: that line read as GB18030 turns into rare
// characters (李四 into 鏉庡洓) without any sign of trouble. A line that is valid UTF-8, whose
// characters read as UTF-8 are mostly common ones and read as GB18030 mostly rare ones, is read as
// UTF-8. Text in GB18030 that also happens to be valid UTF-8 reads as common characters in GB18030
// and stays as it is.
QString gb18030WithUtf8Lines(const QByteArray& bytes)
{
    QString out;
    out.reserve(bytes.size());
    qsizetype start = 0;
    QByteArray pending; // GB18030 lines not yet decoded: decoded together
    while (start < bytes.size()) {
        // Lines end in LF, CRLF, or CR alone (old Mac programs); neither byte occurs inside a GB18030
        // character.
        qsizetype end = start;
        while (end < bytes.size() && bytes.at(end) != '\n' && bytes.at(end) != '\r')
            ++end;
        end = std::min(end + 1, bytes.size());
        const char* from = bytes.constData() + start;
        const char* to = bytes.constData() + end;
        bool utf8 = false;
        if (isStrictUtf8(from, to)) {
            const QByteArray line(from, to - from);
            const auto [asGb, gbPairs] = commonShare(line);
            const QString asUtf8 = QString::fromUtf8(line);
            const auto [asText, textPairs] = commonShare(TextDecoder::toGb18030(asUtf8));
            utf8 = gbPairs >= 2 && textPairs >= 1 && asGb <= 0.3 && asText >= 0.6;
            if (utf8) {
                out += TextDecoder::fromGb18030(pending);
                pending.clear();
                out += asUtf8;
            }
        }
        if (!utf8)
            pending.append(from, to - from);
        start = end;
    }
    out += TextDecoder::fromGb18030(pending);
    return out;
}

} // namespace

TextDecoder::Encoding TextDecoder::detect(const QByteArray& bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return Encoding::Utf8Bom;
    if (bytes.startsWith("\xFF\xFE"))
        return Encoding::Utf16LE;
    if (bytes.startsWith("\xFE\xFF"))
        return Encoding::Utf16BE;
    if (looksUtf16(bytes, true))
        return Encoding::Utf16LE;
    if (looksUtf16(bytes, false))
        return Encoding::Utf16BE;
    if (isUtf8(bytes))
        return Encoding::Utf8;
    return Encoding::Gb18030;
}

QString TextDecoder::decode(const QByteArray& bytes, Encoding* encoding)
{
    const Encoding found = detect(bytes);
    if (encoding)
        *encoding = found;
    return decode(bytes, found);
}

QString TextDecoder::decode(const QByteArray& bytes, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QString::fromUtf8(bytes);
    case Encoding::Utf8Bom: {
        // A BOM before GBK text (a tool added it to a file it never re-encoded): its lines are read
        // as GB18030, those that are UTF-8 as UTF-8, as for a file without the mark.
        const QByteArray text = bytes.mid(3);
        return isUtf8(text) ? QString::fromUtf8(text) : gb18030WithUtf8Lines(text);
    }
    case Encoding::Utf16LE: {
        QStringDecoder decoder(QStringDecoder::Utf16LE);
        return decoder.decode(bytes.startsWith("\xFF\xFE") ? bytes.mid(2) : bytes);
    }
    case Encoding::Utf16BE: {
        QStringDecoder decoder(QStringDecoder::Utf16BE);
        return decoder.decode(bytes.startsWith("\xFE\xFF") ? bytes.mid(2) : bytes);
    }
    case Encoding::Gb18030:
        return gb18030WithUtf8Lines(bytes);
    }
    return {};
}

QString TextDecoder::name(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom:
        return QStringLiteral("UTF-8 (BOM)");
    case Encoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case Encoding::Gb18030:
        return QStringLiteral("GB18030");
    }
    return {};
}

QString TextDecoder::fromGb18030(const QByteArray& bytes)
{
    // Debian's ICU decodes by GB18030-2005, in which some characters a 2022 encoder writes (𠂇, 龴,
    // 𡗗, as glibc's iconv and updated Windows do) were private-use code points.
    QStringDecoder decoder("GB18030");
    if (decoder.isValid())
        return TextNormaliser::withStandardCharacters(decoder.decode(bytes));
    return TextNormaliser::withStandardCharacters(icuConvert("GB18030", bytes));
}

QByteArray TextDecoder::toGb18030(const QString& text)
{
    QStringEncoder encoder("GB18030");
    if (encoder.isValid())
        return encoder.encode(text);
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open("GB18030", &status);
    if (U_FAILURE(status))
        return {};
    QByteArray out(text.size() * 4 + 1, Qt::Uninitialized);
    const int32_t written = ucnv_fromUChars(converter, out.data(), static_cast<int32_t>(out.size()),
                                            reinterpret_cast<const UChar*>(text.constData()),
                                            static_cast<int32_t>(text.size()), &status);
    ucnv_close(converter);
    if (U_FAILURE(status))
        return {};
    out.truncate(written);
    return out;
}

} // namespace ud
