#include "util/Clock.h"

#include <chrono>

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
    if (g_fixed.isValid())
        return g_fixed.toLocalTime().date();
    // QDate::currentDate() consults the time zone files on every call, which an import of a
    // hundred thousand members noticed; the date read once a second is as good.
    thread_local QDate date;
    thread_local std::chrono::steady_clock::time_point readAt;
    const auto now = std::chrono::steady_clock::now();
    if (!date.isValid() || now - readAt > std::chrono::seconds(1)) {
        date = QDate::currentDate();
        readAt = now;
    }
    return date;
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
