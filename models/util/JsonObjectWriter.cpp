#include "util/JsonObjectWriter.h"

namespace ud {

void JsonObjectWriter::add(QLatin1StringView name, QStringView value)
{
    key(name);
    text(value);
}

void JsonObjectWriter::add(QLatin1StringView name, bool value)
{
    key(name);
    m_out.append(value ? "true" : "false");
}

void JsonObjectWriter::addNull(QLatin1StringView name)
{
    key(name);
    m_out.append("null");
}

void JsonObjectWriter::addRaw(QLatin1StringView name, QByteArrayView json)
{
    key(name);
    m_out.append(json);
}

QByteArray JsonObjectWriter::take()
{
    if (m_out.isEmpty())
        m_out.append('{');
    m_out.append('}');
    QByteArray out;
    out.reserve(m_out.capacity());
    out.swap(m_out);
    return out;
}

void JsonObjectWriter::key(QLatin1StringView name)
{
    m_out.append(m_out.isEmpty() ? '{' : ',');
    m_out.append('"');
    m_out.append(name.data(), name.size());
    m_out.append("\":", 2);
}

void JsonObjectWriter::text(QStringView value)
{
    static const char hex[] = "0123456789abcdef";
    m_out.append('"');
    const char16_t* p = value.utf16();
    const char16_t* end = p + value.size();
    while (p < end) {
        char32_t c = *p++;
        if (c < 0x80) {
            switch (c) {
            case '"':
                m_out.append("\\\"", 2);
                break;
            case '\\':
                m_out.append("\\\\", 2);
                break;
            case '\b':
                m_out.append("\\b", 2);
                break;
            case '\f':
                m_out.append("\\f", 2);
                break;
            case '\n':
                m_out.append("\\n", 2);
                break;
            case '\r':
                m_out.append("\\r", 2);
                break;
            case '\t':
                m_out.append("\\t", 2);
                break;
            default:
                if (c < 0x20) {
                    const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                    m_out.append(escaped, 6);
                } else {
                    m_out.append(char(c));
                }
            }
            continue;
        }
        if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p)) {
            c = QChar::surrogateToUcs4(char16_t(c), *p++);
        } else if (QChar::isSurrogate(c)) {
            // Not a character UTF-8 can hold: escaped, as QJsonDocument writes it, so it reads back.
            const char escaped[] = {'\\',       'u', hex[c >> 12], hex[(c >> 8) & 15], hex[(c >> 4) & 15],
                                    hex[c & 15]};
            m_out.append(escaped, 6);
            continue;
        }
        char bytes[4];
        int n;
        if (c < 0x800) {
            bytes[0] = char(0xC0 | (c >> 6));
            bytes[1] = char(0x80 | (c & 0x3F));
            n = 2;
        } else if (c < 0x10000) {
            bytes[0] = char(0xE0 | (c >> 12));
            bytes[1] = char(0x80 | ((c >> 6) & 0x3F));
            bytes[2] = char(0x80 | (c & 0x3F));
            n = 3;
        } else {
            bytes[0] = char(0xF0 | (c >> 18));
            bytes[1] = char(0x80 | ((c >> 12) & 0x3F));
            bytes[2] = char(0x80 | ((c >> 6) & 0x3F));
            bytes[3] = char(0x80 | (c & 0x3F));
            n = 4;
        }
        m_out.append(bytes, n);
    }
    m_out.append('"');
}

} // namespace ud
