#include "io/TextDecoder.h"

#include <QStringDecoder>
#include <QStringEncoder>

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
    // file with a marked share of zeros in the expected place counts.
    const qsizetype n = std::min<qsizetype>(bytes.size(), 4096) & ~qsizetype(1);
    if (n < 4)
        return false;
    qsizetype zeros = 0;
    for (qsizetype i = littleEndian ? 1 : 0; i < n; i += 2) {
        if (bytes.at(i) == 0)
            ++zeros;
    }
    for (qsizetype i = littleEndian ? 0 : 1; i < n; i += 2) {
        if (bytes.at(i) == 0)
            return false;
    }
    return zeros * 4 >= n / 2;
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
    case Encoding::Utf8Bom:
        return QString::fromUtf8(bytes.mid(3));
    case Encoding::Utf16LE: {
        QStringDecoder decoder(QStringDecoder::Utf16LE);
        return decoder.decode(bytes.startsWith("\xFF\xFE") ? bytes.mid(2) : bytes);
    }
    case Encoding::Utf16BE: {
        QStringDecoder decoder(QStringDecoder::Utf16BE);
        return decoder.decode(bytes.startsWith("\xFE\xFF") ? bytes.mid(2) : bytes);
    }
    case Encoding::Gb18030:
        return fromGb18030(bytes);
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
    QStringDecoder decoder("GB18030");
    if (decoder.isValid())
        return decoder.decode(bytes);
    return icuConvert("GB18030", bytes);
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
