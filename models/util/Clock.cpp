#include "util/Clock.h"

namespace ud {

namespace {
QDateTime g_fixed;
}

QDateTime Clock::nowUtc()
{
    return g_fixed.isValid() ? g_fixed : QDateTime::currentDateTimeUtc();
}

QDate Clock::today()
{
    return g_fixed.isValid() ? g_fixed.toLocalTime().date() : QDate::currentDate();
}

QString Clock::nowIso()
{
    return nowUtc().toString(Qt::ISODateWithMs);
}

void Clock::setFixed(const QDateTime& instant)
{
    g_fixed = instant;
}

void Clock::reset()
{
    g_fixed = QDateTime();
}

} // namespace ud
