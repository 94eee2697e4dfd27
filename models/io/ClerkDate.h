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

    // `serialOrigin` is the day serial 0 stands for (Sheet::serialOrigin; null: 1899-12-30).
    static Result parse(const SheetCell& cell, QDate serialOrigin = {});
    static Result parse(const QString& text, QDate serialOrigin = {});
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
