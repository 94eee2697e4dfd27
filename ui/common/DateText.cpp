#include "common/DateText.h"

#include <QRegularExpression>

namespace ud::datetext {

QDate parse(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    static const QRegularExpression separated(QStringLiteral(
        "^(\\d{4})\\s*[-/.\\x{5E74}]\\s*(\\d{1,2})\\s*[-/.\\x{6708}]\\s*(\\d{1,2})\\s*\\x{65E5}?$"));
    if (const auto m = separated.match(t); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    static const QRegularExpression compact(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    if (const auto m = compact.match(t); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return {};
}

QString normalise(const QString& text)
{
    const QDate date = parse(text);
    return date.isValid() ? date.toString(Qt::ISODate) : text.trimmed();
}

} // namespace ud::datetext
