#pragma once

#include "io/Workbook.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace ud {

// A date as clerks write it into a roster: 2020-1-5, 2020/01/05, 2020.1.5, 2020年1月5日, 20200105,
// "2020/1/5 0:00:00", an Excel serial number (43835), or a real date cell. Year and month alone
// (2020.01, 2020年1月: the usual 出生年月) mean the 1st of that month, a year alone (2010, 2010年:
// 入会年份) the 1st of January, each with a note saying so.
class ClerkDate
{
    Q_DECLARE_TR_FUNCTIONS(ud::ClerkDate)

public:
    struct Result
    {
        QDate date;    // invalid when the cell is empty or unreadable
        QString error; // why an unreadable cell could not be read (without the field name)
        bool monthOnly = false;
        bool advises = false; // the error says how to write the date already
        bool yearOnly = false;
    };

    // The order of a date written with the year last (03/18/2014 as a US-English program writes it,
    // 18/03/2014 as a European one): none of the clerks' own forms.
    enum class DayOrder
    {
        Unknown,
        MonthFirst,
        DayFirst,
        Either, // 05/03/2015: both parts could be the month
    };
    // The order such a date shows by itself (the part above 12 is the day), or Either; Unknown when
    // the text is no such date, or reads the same both ways (05/05/2015).
    static DayOrder dayOrderOf(const QString& text);

    // `serialOrigin` is the day serial 0 stands for (Sheet::serialOrigin; null: 1899-12-30). `order`:
    // how the column writes dates with the year last, found from its other dates; a date that could
    // be read either way is refused without it.
    static Result parse(const SheetCell& cell, QDate serialOrigin = {}, DayOrder order = DayOrder::Unknown);
    static Result parse(const QString& text, QDate serialOrigin = {}, DayOrder order = DayOrder::Unknown);
    // 2020-01-05: the ISO form the store keeps, without QDate::toString's formatting machinery (a
    // hundred thousand rows of dates showed it).
    static QString isoText(QDate date);
    // A date cell holding a time alone (8:30): day 0 of the workbook, 1899-12-30 or 1904-01-01, or
    // a serial below 1.
    static bool isTimeOfDay(const SheetCell& cell, QDate serialOrigin = {});
    // Excel's serial day numbers (43835 → 2020-01-05), for 1910 to 2099; invalid otherwise.
    static QDate fromSerial(double serial, QDate serialOrigin = {});
    // The whole days of a serial, as Excel shows them: it rounds to the millisecond first, and
    // writers that compute dates in floating point leave 23742.999999999978 for midnight of a day.
    static qint64 serialDays(double serial);
};

} // namespace ud
