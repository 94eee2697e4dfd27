#pragma once

#include "io/ClerkDate.h"
#include "io/Workbook.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace ud {

class CodeList;

// Turns one cell into the text the member field takes, before the validator sees it. Refuses what a
// spreadsheet has already damaged: an ID number (or a long card number) held in a number cell or
// written in scientific notation has lost digits for good, so it is an error telling the clerk to
// format the column as text and type the number again — never a guess, even when the damaged number
// happens to pass the check digit. Dates in clerks' forms become ISO dates.
class CellNormaliser
{
    Q_DECLARE_TR_FUNCTIONS(ud::CellNormaliser)

public:
    struct Value
    {
        QString text;    // for the Member field ('' when empty or refused)
        QString error;   // the whole message, naming the field; the row is refused
        QString warning; // the whole message, naming the field; the row is kept
        // A date given as year and month only (出生年月 1985.03): the 1st of the month is taken. The
        // import says so once for the column, and a birth date comes from the ID number instead.
        bool monthOnly = false;
        bool yearOnly = false; // a year alone (入会年份 2010): the 1st of January is taken, said likewise
        // What the cell said that the field cannot hold, for the member's notes (停薪留职 in 状态).
        QString note;
        bool masked = false; // a masked number (138****8000), not imported
        bool isError() const { return !error.isEmpty(); }
    };

    // `serialOrigin`: the sheet's date system (Sheet::serialOrigin), for dates typed as numbers.
    // `dayOrder`: how the column writes dates with the year last (ClerkDate::DayOrder).
    static Value normalise(const QString& field, const SheetCell& cell, QDate serialOrigin = {},
                           ClerkDate::DayOrder dayOrder = ClerkDate::DayOrder::Unknown);
    // What a column that only tells (是否工会会员, 员工状态) says of a person an HR export lists.
    struct Verdict
    {
        enum class Kind
        {
            Member,      // nothing there stops the import (是, 在职, an empty cell)
            NotImported, // no member: 是否工会会员 否, 员工状态 离职; `message` says why
            Doubt,       // neither yes nor no (是否工会会员 待定): imported, `message` asks to check
            ImpliesStatus, // a membership status (退休 → retained, 退会 → withdrawn) in `status`, which
                           // the row takes when the file gives none
        };
        Kind kind = Kind::Member;
        QString message;
        QString status;
    };
    static Verdict verdictOf(const QString& field, const SheetCell& cell);
    // Words in a member's notes saying the row is no active member's (已故, 已离职, 作废, 重复 …): the
    // first such word, or empty.
    static QString leavingNote(const QString& notes);
    // A coded word (学历, 政治面貌) as the list knows it, read also in the national standards' labels
    // (大学本科毕业, 研究生（硕士）, 中国民主同盟盟员); the text unchanged when nothing fits.
    static QString codedWord(const CodeList& list, const QString& text);
    // One of the 56 groups by its official name (汉 → 汉族), or left empty with a warning.
    static Value ethnicity(const QString& label, const SheetCell& cell);
    static bool isDateField(const QString& field);
    // "-", "/", "无", "暂无" …: what clerks write for "nothing here"; read as an empty cell.
    static bool isPlaceholder(const QString& text);
    // #N/A, #REF! …: what a cell shows when its formula failed (a VLOOKUP that found nothing).
    static bool isFormulaError(const QString& text);
    // Whole numbers up to 15 digits as plain digits, for number cells in text fields.
    static QString numberText(double value);
    // A mobile cell: a note in brackets after the number dropped; of two numbers the first kept, with
    // a warning naming both.
    static Value mobile(const QString& text);
    // A membership status cell. Clerks' 状态 columns also hold how the member works (停薪留职, 失联,
    // 借调): such a member still belongs to the union, so comes in as active with the word kept in
    // the notes and a warning. A word saying the member has gone (转出, 离职) refuses the row with
    // the reason: importing them as active would count people who are no longer there.
    static Value status(const QString& text);
    // 是/否 (Y/N, √, 1/0 …) as "true"/"false", for a flag such as 困难职工.
    static Value yesOrNo(const QString& label, const SheetCell& cell);
    // ="0123" — how some programs force text into a CSV cell.
    static QString unwrapFormulaText(const QString& text);
};

} // namespace ud
