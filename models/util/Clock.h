#pragma once

#include <QDate>
#include <QDateTime>

#include <functional>

namespace ud {

// The one place the core asks for the time, so tests can pin "now" (a term that ends in 30 days,
// a birth date in the future) without waiting for the calendar.
class Clock
{
public:
    static QDateTime nowUtc();
    static QDate today();
    static QString nowIso(); // UTC, millisecond precision, for updated_at columns

    // Tests only: a fixed instant until reset() is called.
    static void setFixed(const QDateTime& instant);
    static void reset();
};

} // namespace ud
