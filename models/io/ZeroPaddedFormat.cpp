#include "io/ZeroPaddedFormat.h"

#include <QRegularExpression>

#include <cmath>

namespace ud {

std::optional<ZeroPaddedFormat> ZeroPaddedFormat::parse(const QString& code)
{
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
