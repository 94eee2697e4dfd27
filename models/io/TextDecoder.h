#pragma once

#include <QByteArray>
#include <QString>

namespace ud {

// Turns the bytes of a text file into text, finding the encoding the way a Chinese office PC writes
// it: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; else valid UTF-8 is UTF-8; else, UTF-16 without
// a mark when every other byte is zero; else GB18030 (a superset of GBK and GB2312, the default of
// Chinese Excel and WPS), which also carries characters outside the BMP.
class TextDecoder
{
public:
    enum class Encoding
    {
        Utf8,
        Utf8Bom,
        Utf16LE,
        Utf16BE,
        Gb18030,
    };

    static Encoding detect(const QByteArray& bytes);
    // Decodes with the detected encoding (the mark removed); *encoding receives it when asked.
    static QString decode(const QByteArray& bytes, Encoding* encoding = nullptr);
    static QString decode(const QByteArray& bytes, Encoding encoding);
    static QString name(Encoding encoding);

    // GB18030 through Qt when Qt was built with ICU, else through ICU's converter directly.
    static QString fromGb18030(const QByteArray& bytes);
    static QByteArray toGb18030(const QString& text);
};

} // namespace ud
