#pragma once

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>

namespace ud {

// One cell as a spreadsheet or text file holds it. The type matters to the importer: an ID number in
// a Number cell has already lost digits, and a Date cell needs no guessing.
struct SheetCell
{
    enum class Type
    {
        Empty,
        Text,
        Number,
        Date,
        Boolean,
    };
    Type type = Type::Empty;
    // An Empty cell holding a formula whose result the file does not keep: written by a program
    // (openpyxl, pandas …) and never calculated. The clerk sees a value in Excel; the import cannot.
    bool uncalculatedFormula = false;
    QString text;      // the text (Text), or the number / date as a clerk would read it
    double number = 0; // Number and Boolean (1 or 0); Date: the Excel serial when known
    QDate date;        // Date

    // An uncalculated formula is not empty: the clerk sees a value there.
    bool isEmpty() const
    {
        return (type == Type::Empty && !uncalculatedFormula) ||
               (type == Type::Text && text.trimmed().isEmpty());
    }

    static SheetCell fromText(const QString& text);
    static SheetCell fromNumber(double value);
    static SheetCell fromDate(const QDate& date);
    static SheetCell fromBoolean(bool value);
    static SheetCell fromUncalculatedFormula();
};

// The rows of one sheet, top to bottom, as the clerk sees them: rows[0] is Excel's row 1. Trailing
// empty cells may be missing from a row.
struct Sheet
{
    QString name;
    QList<QList<SheetCell>> rows;
    bool hidden = false; // hidden in the workbook (Excel's "Hide sheet"); known for .xlsx, .ods and .xls
    // The day a serial number 0 stands for in this workbook: 1899-12-30 (Excel's usual date system,
    // also when null) or 1904-01-01 (old Mac Excel's). A date typed as a plain number in a General
    // cell is read with it.
    QDate serialOrigin;
    // Rows (0-based) the workbook hides, by the clerk's hand or by a filter; known for .xlsx, .ods,
    // .xls, Excel 2003 XML and web pages.
    // They are imported like the others, but the clerk is told.
    QSet<int> hiddenRows;
    // Columns (0-based) the workbook hides (width 0 or "Hide"); known for .xlsx, .ods and .xls. Of
    // two columns with the same header, the one the clerk sees is imported.
    QSet<int> hiddenColumns;
    // A text file's last row (0-based) when it may have been cut short: no line end after it and
    // fewer fields than the row above (the importer compares it with the header too). -1 otherwise.
    int cutRow = -1;
    // Text the clerk struck through (a leaver's row, an old mobile crossed out before the new one),
    // by row and column (0-based): taken out of the cell, which keeps the rest. Known for .xlsx.
    QHash<QPair<int, int>, QString> struck;
};

// A block of merged cells: the clerk sees the first cell's value across all of it.
struct CellRange
{
    int firstRow = 0;
    int firstColumn = 0;
    int lastRow = 0;
    int lastColumn = 0;
};

// Gives every cell of a merged range the value of its first cell, as the clerk sees it: 单位 merged
// down over the five members of a workshop belongs to each of them. Only the rows and columns the
// sheet holds are filled (a whole row merged for a title spans all 16,384 columns), and no more
// cells in all than a large roster has.
void fillMergedCells(Sheet& sheet, const QList<CellRange>& ranges);

struct Workbook
{
    QList<Sheet> sheets;
};

} // namespace ud
