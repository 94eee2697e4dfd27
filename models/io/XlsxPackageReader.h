#pragma once

#include "io/Workbook.h"
#include "io/ZipPackage.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace ud {

// The parts of an .xlsx package, read with liborcus's zip reader and QXmlStreamReader, for what
// liborcus 0.17 gets wrong or leaves out of the files clerks have:
// - parts named by absolute paths (Target="/xl/worksheets/sheet1.xml", as .NET exporters write
//   them), which liborcus does not find: no sheet, no strings or no workbook at all;
// - an empty shared string (<si><t/></si>, as Java exporters write for ""), which liborcus reads as
//   the string before it; phonetic runs (<rPh>) it reads into the text; _x000D_ escapes it keeps;
// - inline strings, ISO date cells (t="d"), error cells (t="e") and text cells written as a formula's
//   result without a formula (t="str", SheetJS's and exceljs's way), which it drops;
// - <workbookPr date1904="1"/> and hidden sheets, which it does not report (nor, when it gives up on
//   a sheet, its hidden rows).
// OrcusReader reads with liborcus first and asks this class only for what is missing or wrong.
class XlsxPackageReader
{
public:
    struct SheetEntry
    {
        QString name;
        QString part; // e.g. xl/worksheets/sheet1.xml; empty when the workbook names none
        bool hidden = false;
    };

    // Loads the zip directory and the workbook part; throws std::exception for a broken archive.
    explicit XlsxPackageReader(const QString& path);

    const QList<SheetEntry>& sheets() const { return m_sheets; }
    bool date1904() const { return m_date1904; }
    // <calcPr fullCalcOnLoad="1"/>: the writer asks for every formula to be calculated on opening,
    // its cached results are not to be trusted. xlsxwriter (and pandas through it) caches 0 for every
    // formula it cannot calculate; openpyxl caches nothing.
    bool fullCalcOnLoad() const { return m_fullCalcOnLoad; }
    bool hasSharedStrings() const { return !m_sharedStringsPart.isEmpty(); }
    // The uncompressed part, or empty when the package has none of that name.
    QByteArray part(const QString& name) const { return m_zip.part(name); }

    // Whether the shared strings hold something liborcus reads wrongly (an empty string, a
    // phonetic run, an _xHHHH_ escape); a cheap look at the bytes.
    bool sharedStringsNeedReading() const;
    // The shared string table as Excel shows it.
    // With `struck`: the text of each string's struck-through runs (<strike/>), which the string
    // itself leaves out.
    QStringList sharedStrings(QHash<int, QString>* struck = nullptr) const;
    // The cell formats (indexes of <cellXfs>) whose number format shows a date.
    QSet<int> dateFormats() const;
    // The cell formats whose font strikes the text through (<font><strike/>), which liborcus 0.17
    // does not read.
    QSet<int> struckFormats() const;

    enum class Cells
    {
        All,
        // inline strings, ISO dates, errors, formula-less text results and formulas whose text
        // result is kept in the shared strings (t="s" with <f>, as SheetJS writes with bookSST)
        MissedByLiborcus,
    };
    // Calls `take(row, col, cell, xf)` (0-based) for the cells of a sheet part. `strings` resolves
    // shared-string cells. An error cell becomes the text Excel shows (#N/A …).
    static void readCells(const QByteArray& part, Cells which, const QStringList& strings,
                          const std::function<void(int, int, const SheetCell&, int)>& take);
    // The rows (0-based) a sheet part hides: <row hidden="1">, by hand or by a filter, or ht="0".
    static QSet<int> hiddenRows(const QByteArray& part);
    // The columns (0-based) a sheet part hides: <col min= max= hidden="1"> or width="0".
    static QSet<int> hiddenColumns(const QByteArray& part);
    // The merged ranges of a sheet part (<mergeCell ref="B2:B6"/>), for a sheet liborcus did not read.
    static QList<CellRange> mergedRanges(const QByteArray& part);
    // Excel's escapes of characters XML cannot hold: _x000D_ → carriage return, _x005F_ → _.
    static QString unescape(const QString& text);

private:
    ZipPackage m_zip;
    QList<SheetEntry> m_sheets;
    bool m_date1904 = false;
    bool m_fullCalcOnLoad = false;
    QString m_sharedStringsPart;
    QString m_stylesPart;
    mutable QByteArray m_sharedStringsBytes;
};

} // namespace ud
