#include "io/ClerkDate.h"

#include "domain/TextNormaliser.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTime>

#include <cmath>

namespace ud {

namespace {

constexpr int kChinaOffsetSeconds = 8 * 3600; // UTC+8, all of China, no summer time since 1991

// 二〇二〇年一月五日, as official documents write dates, in digits: 2020年1月5日. Empty when the text
// is not such a date.
QString chineseNumeralsAsDigits(const QString& text)
{
    static const QRegularExpression form(QStringLiteral(
        "^([\\x{3007}\\x{96F6}\\x{25CB}\\x{4E00}\\x{4E8C}\\x{4E09}\\x{56DB}\\x{4E94}\\x{516D}\\x{4E03}"
        "\\x{516B}\\x{4E5D}]{4})\\s*\\x{5E74}\\s*([^\\x{6708}]{1,3})\\s*\\x{6708}\\s*(?:([^\\x{65E5}\\x{53F7}"
        "]{1,3})"
        "\\s*[\\x{65E5}\\x{53F7}])?$"));
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return {};
    static const QString digits =
        QStringLiteral("\u3007\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D");
    auto digit = [](QChar c) {
        if (c == QChar(0x96F6) || c == QChar(0x25CB)) // 零, ○
            return 0;
        return static_cast<int>(digits.indexOf(c));
    };
    // 一 … 九, 十, 十一 … 十九, 二十 … 三十一: a month or a day.
    auto number = [&](const QString& n) {
        const qsizetype ten = n.indexOf(QChar(0x5341)); // 十
        if (ten < 0)
            return n.size() == 1 ? digit(n.at(0)) : -1;
        const int tens = ten == 0 ? 1 : (ten == 1 ? digit(n.at(0)) : -1);
        const int ones = ten + 1 < n.size() ? (ten + 2 == n.size() ? digit(n.at(ten + 1)) : -1) : 0;
        return tens > 0 && ones >= 0 ? tens * 10 + ones : -1;
    };
    QString year;
    for (const QChar c : m.captured(1))
        year += QString::number(digit(c));
    const int month = number(m.captured(2));
    const bool dayGiven = !m.captured(3).isEmpty();
    const int day = dayGiven ? number(m.captured(3)) : 0;
    // A month or day that is no number, or 〇: a date no calendar has, which the caller refuses.
    if (month <= 0 || (dayGiven && day <= 0))
        return QStringLiteral("%1-0-0").arg(year);
    return day > 0 ? QStringLiteral("%1-%2-%3").arg(year).arg(month).arg(day)
                   : QStringLiteral("%1-%2").arg(year).arg(month);
}

} // namespace

QDate ClerkDate::fromSerial(double serial, QDate serialOrigin)
{
    // A 1904 workbook's serial is 1462 days less than the 1900 system's for the same day.
    if (serialOrigin.isValid())
        serial += static_cast<double>(QDate(1899, 12, 30).daysTo(serialOrigin));
    // Excel's serials count from 1899-12-31 and include a 1900-02-29 that never was; from 61 on
    // (1900-03-01) counting from 1899-12-30 is right. Below 3654 (1910) a "serial" is more likely a
    // year or a mistyped number than a roster date, so it is not read as one. A fraction is the time
    // of day (a date and time shown in the General format: 43835.5).
    if (!(serial >= 3654 && serial < 73051))
        return {};
    return QDate(1899, 12, 30).addDays(serialDays(serial));
}

qint64 ClerkDate::serialDays(double serial)
{
    constexpr double kMillisecondsADay = 86'400'000.0;
    return static_cast<qint64>(std::floor(std::round(serial * kMillisecondsADay) / kMillisecondsADay));
}

bool ClerkDate::isTimeOfDay(const SheetCell& cell, QDate serialOrigin)
{
    return cell.type == SheetCell::Type::Date &&
           ((cell.number > 0 && cell.number < 1) || (cell.date.isValid() && cell.date < QDate(1900, 1, 1)) ||
            (serialOrigin == QDate(1904, 1, 1) && cell.date == serialOrigin));
}

namespace {

// 03/18/2014, 18.03.2014, 3-18-2014 (a time after it allowed): the two parts and the year.
QRegularExpressionMatch yearLast(const QString& text)
{
    // Most dates (2014-03-18, 2014年3月18日) have no separator after their first one or two digits.
    const auto separator = [&text](qsizetype at) {
        return at < text.size() &&
               (text.at(at) == u'/' || text.at(at) == u'.' || text.at(at) == u'-' || text.at(at).isSpace());
    };
    if (text.size() < 8 || !(separator(1) || separator(2)))
        return {};
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{1,2})\\s*([-/"
        ".])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[AaPp][Mm])?)?$"));
    return pattern.match(text);
}

} // namespace

ClerkDate::DayOrder ClerkDate::dayOrderOf(const QString& text)
{
    const QRegularExpressionMatch m = yearLast(text.trimmed());
    if (!m.hasMatch())
        return DayOrder::Unknown;
    const int first = m.captured(1).toInt();
    const int second = m.captured(3).toInt();
    if (first > 12 && second >= 1 && second <= 12)
        return DayOrder::DayFirst;
    if (second > 12 && first >= 1 && first <= 12)
        return DayOrder::MonthFirst;
    if (first >= 1 && first <= 12 && second >= 1 && second <= 12 && first != second)
        return DayOrder::Either;
    return DayOrder::Unknown;
}

ClerkDate::Result ClerkDate::parse(const SheetCell& cell, QDate serialOrigin, DayOrder order)
{
    switch (cell.type) {
    case SheetCell::Type::Empty:
        return {};
    case SheetCell::Type::Date: {
        if (!isTimeOfDay(cell, serialOrigin))
            return {cell.date, {}, false};
        const double fraction = cell.number - std::floor(cell.number);
        const QString time =
            fraction > 0 ? QTime::fromMSecsSinceStartOfDay(int(std::lround(fraction * 86400)) % 86400 * 1000)
                               .toString(QStringLiteral("HH:mm"))
                         : cell.text;
        return {QDate(), tr("\"%1\" is a time of day, not a date.").arg(time), false};
    }
    case SheetCell::Type::Number: {
        const double v = cell.number;
        // 1985.03 typed into a number cell (出生年月 the way cadre forms write it): a year and a month.
        // Excel keeps the number, not the digits typed: 1985.10 becomes 1985.1, which could as well
        // be January typed short, so that one is refused rather than guessed.
        const double year = std::floor(v);
        // 2010 in a number cell: a year alone (入会年份), not Excel's day 2010 of 1905.
        if (year >= 1900 && year <= 2099 && v == year)
            return {QDate(static_cast<int>(year), 1, 1), {}, false, false, true};
        if (year >= 1900 && year <= 2099 && v != year) {
            const double hundredths = (v - year) * 100;
            const int h = static_cast<int>(std::lround(hundredths));
            if (std::fabs(hundredths - h) < 1e-6) {
                const int y = static_cast<int>(year);
                if (h == 10)
                    return {
                        QDate(),
                        tr("\"%1\" is a year and month kept as a number: January typed as %2.1, or October "
                           "typed as %2.10, which the spreadsheet shortened. Format the column as text and "
                           "type it again (%2.01 or %2.10).")
                            .arg(cell.text)
                            .arg(y),
                        false, true};
                if (h >= 1 && h <= 12)
                    return {QDate(y, h, 1), {}, true};
                if (h % 10 == 0 && h >= 20 && h <= 90) // 1985.2 … 1985.9: the month typed with one digit
                    return {QDate(y, h / 10, 1), {}, true};
            }
        }
        // 20200105 and 202001 typed into a number cell: the compact forms of a day and a month.
        if (((v >= 19000101 && v <= 20991231) || (v >= 190001 && v <= 209912)) && v == std::floor(v))
            return parse(QString::number(static_cast<qint64>(v)));
        const QDate date = fromSerial(v, serialOrigin);
        if (date.isValid())
            return {date, {}, false};
        return {QDate(), tr("\"%1\" is not a date.").arg(cell.text), false};
    }
    case SheetCell::Type::Boolean:
        return {QDate(), tr("\"%1\" is not a date.").arg(cell.text), false};
    case SheetCell::Type::Text:
        break;
    }
    return parse(cell.text, serialOrigin, order);
}

QString ClerkDate::isoText(QDate date)
{
    if (!date.isValid() || date.year() < 1 || date.year() > 9999)
        return date.toString(Qt::ISODate);
    QString text(10, QLatin1Char('-'));
    auto digits = [&text](int at, int value, int count) {
        for (int i = count - 1; i >= 0; --i, value /= 10)
            text[at + i] = QLatin1Char(char('0' + value % 10));
    };
    digits(0, date.year(), 4);
    digits(5, date.month(), 2);
    digits(8, date.day(), 2);
    return text;
}

ClerkDate::Result ClerkDate::parse(const QString& input, QDate serialOrigin, DayOrder order)
{
    // The store's own form (our export, a date cell's text): read without the patterns below.
    if (input.size() == 10 && input.at(4) == QLatin1Char('-') && input.at(7) == QLatin1Char('-')) {
        bool digitsOnly = true;
        for (const int i : {0, 1, 2, 3, 5, 6, 8, 9})
            digitsOnly = digitsOnly && input.at(i) >= QLatin1Char('0') && input.at(i) <= QLatin1Char('9');
        if (digitsOnly) {
            const QDate date(input.left(4).toInt(), input.mid(5, 2).toInt(), input.right(2).toInt());
            if (date.isValid())
                return {date, {}, false};
        }
    }
    QString text = TextNormaliser::normalise(input);
    if (text.startsWith(QLatin1Char('\'')))
        text.remove(0, 1);
    text = text.trimmed();
    if (text.isEmpty())
        return {};
    static const QRegularExpression full(
        QStringLiteral("^(\\d{4})\\s*[-/.\\x{5E74}]\\s*(\\d{1,2})\\s*[-/"
                       ".\\x{6708}]\\s*(\\d{1,2})\\s*[\\x{65E5}\\x{53F7}]?[.\\x{3002}]?(?:[ "
                       "T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?$"));
    static const QRegularExpression compact(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    static const QRegularExpression month(
        QStringLiteral("^(\\d{4})\\s*[-/.\\x{5E74}]\\s*(\\d{1,2})\\s*\\x{6708}?[.\\x{3002}]?$"));
    static const QRegularExpression compactMonth(QStringLiteral("^((?:19|20)\\d{2})(0[1-9]|1[0-2])$"));
    static const QRegularExpression yearAlone(QStringLiteral("^((?:19|20)\\d{2})\\s*\\x{5E74}?$"));
    // Five digits: a date cell's serial that reached a text cell (a CSV) since 1927. Four digits typed
    // as text are a year and a month (8506) far more often than a day of the 1910s.
    static const QRegularExpression serial(QStringLiteral("^\\d{5}(?:\\.0+)?$"));
    static const QRegularExpression shortYearMonth(QStringLiteral("^(\\d{2})(0[1-9]|1[0-2])$"));
    const auto bad = [&input, &text] {
        if (TextNormaliser::isHashFill(text))
            return tr("\"%1\" is what Excel shows when a column is too narrow for its dates; the file holds "
                      "no date here. Widen the column in Excel and save the file again.")
                .arg(input.trimmed());
        if (const QRegularExpressionMatch yy = shortYearMonth.match(text); yy.hasMatch()) {
            const int twoDigits = yy.captured(1).toInt();
            const int year = twoDigits + (twoDigits <= QDate::currentDate().year() % 100 ? 2000 : 1900);
            return tr("\"%1\" is not a date. If it means a year and a month, write the year in four digits "
                      "(%2-%3).")
                .arg(input.trimmed(), QString::number(year), yy.captured(2));
        }
        return tr("\"%1\" is not a date.").arg(input.trimmed());
    };
    const QString digitForm = chineseNumeralsAsDigits(text);
    if (!digitForm.isEmpty()) {
        Result result = parse(digitForm, serialOrigin);
        if (!result.date.isValid())
            result.error = tr("\"%1\" is not a day of the calendar.").arg(input.trimmed());
        return result;
    }
    // A moment with its time zone (1965-01-01T00:00:00+08:00, or JavaScript's 1964-12-31T16:00:00.000Z
    // for the same midnight in China), as web systems and exceljs write dates: the day in China.
    static const QRegularExpression zoned(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})$"));
    if (zoned.match(text).hasMatch()) {
        const QDateTime moment = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (moment.isValid())
            return {moment.toOffsetFromUtc(kChinaOffsetSeconds).date(), {}, false};
        return {QDate(), tr("\"%1\" is not a day of the calendar.").arg(input.trimmed()), false};
    }
    QRegularExpressionMatch m = full.match(text);
    if (!m.hasMatch())
        m = compact.match(text);
    if (m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!date.isValid())
            return {QDate(), tr("\"%1\" is not a day of the calendar.").arg(input.trimmed()), false};
        return {date, {}, false};
    }
    if (m = yearLast(text); m.hasMatch()) {
        const int first = m.captured(1).toInt();
        const int second = m.captured(3).toInt();
        const int year = m.captured(4).toInt();
        if (order == DayOrder::Unknown || order == DayOrder::Either || first > 12 || second > 12)
            order = dayOrderOf(text);
        if (order == DayOrder::Either) {
            const QDate monthFirst(year, first, second);
            const QDate dayFirst(year, second, first);
            if (monthFirst.isValid() && dayFirst.isValid())
                return {QDate(),
                        tr("\"%1\" could be %2 or %3 (month/day/year or day/month/year). Write it with the "
                           "year first, as %2.")
                            .arg(input.trimmed(), isoText(monthFirst), isoText(dayFirst)),
                        false, true};
        }
        const QDate date =
            order == DayOrder::DayFirst ? QDate(year, second, first) : QDate(year, first, second);
        if (!date.isValid())
            return {QDate(), tr("\"%1\" is not a day of the calendar.").arg(input.trimmed()), false};
        return {date, {}, false};
    }
    m = month.match(text);
    if (!m.hasMatch())
        m = compactMonth.match(text); // 202001: 出生年月 typed without a separator
    if (m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), 1);
        if (!date.isValid())
            return {QDate(), bad(), false};
        return {date, {}, true};
    }
    m = yearAlone.match(text);
    if (m.hasMatch())
        return {QDate(m.captured(1).toInt(), 1, 1), {}, false, false, true};
    if (serial.match(text).hasMatch()) {
        const QDate date = fromSerial(text.toDouble(), serialOrigin);
        if (date.isValid())
            return {date, {}, false};
    }
    // ######## and 8506 come with their own advice; "write it as 2020-01-05" would contradict it.
    const bool advised = TextNormaliser::isHashFill(text) || shortYearMonth.match(text).hasMatch();
    return {QDate(), bad(), false, advised};
}

} // namespace ud
