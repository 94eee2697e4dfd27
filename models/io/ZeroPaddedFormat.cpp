#include "io/ZeroPaddedFormat.h"

#include <QRegularExpression>

#include <cmath>

namespace ud {

std::optional<ZeroPaddedFormat> ZeroPaddedFormat::parse(const QString& whole)
{
    // The section for positive numbers (00000;-00000), without its condition or colour ([<=99999],
    // [Red]) and without the room a _ leaves for the character after it (000000_ ).
    QString code;
    bool quoted = false;
    for (qsizetype i = 0; i < whole.size(); ++i) {
        const QChar c = whole.at(i);
        if (c == u'"')
            quoted = !quoted;
        if (!quoted && c == u';')
            break;
        if (!quoted && c == u'_') {
            ++i;
            continue;
        }
        if (!quoted && c == u'[') {
            const qsizetype end = whole.indexOf(u']', i);
            if (end < 0)
                return std::nullopt;
            i = end;
            continue;
        }
        code.append(c);
    }
    code = code.trimmed();
    // Literal text in quotes or one escaped character at a time, then two or more zeros.
    static const QRegularExpression zeros(QStringLiteral("^(?:\"([^\"]*)\"|\\\\(.))*(0{2,})$"));
    const QRegularExpressionMatch m = zeros.match(code);
    if (!m.hasMatch())
        return std::nullopt;
    ZeroPaddedFormat format;
    format.m_prefix = code.left(m.capturedStart(3));
    format.m_prefix.remove(QLatin1Char('"')).remove(QLatin1Char('\\'));
    format.m_width = static_cast<int>(m.capturedLength(3));
    return format;
}

bool ZeroPaddedFormat::holdsWhole(double value)
{
    return value >= 0 && value < 1e15 && value == std::floor(value);
}

QString ZeroPaddedFormat::show(double value) const
{
    return m_prefix + QString::number(static_cast<qint64>(value)).rightJustified(m_width, QLatin1Char('0'));
}

} // namespace ud
