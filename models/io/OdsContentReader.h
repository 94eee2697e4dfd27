#pragma once

#include "io/Workbook.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace ud {

// What liborcus 0.17 does not say about an .ods, read from its content.xml with QXmlStreamReader:
// which tables are hidden (table:display="false" in their style), and the text of cells liborcus
// misreads: of a cell with more than one paragraph (a line break typed with Alt+Enter) it keeps only
// the last, so "欧阳⏎娜娜" would become 娜娜 and a header "身份证⏎号码" would not be found; of a cell
// with a comment it keeps the comment's text instead of the cell's; spaces written as <text:s/> and
// tabs it drops. Nor does it report hidden rows,
// or fill a row written once for several identical ones (table:number-rows-repeated) beyond the first.
// Of a formula it hands on numeric results only: ="在"&"职" or =VLOOKUP(…) showing text, a date or
// TRUE is read as nothing, and a true/false cell as the number 1 or 0.
class OdsContentReader
{
public:
    struct Cell
    {
        int table = 0;
        int row = 0; // 0-based, repeated rows counted
        int column = 0;
        SheetCell value; // the paragraphs, one per line; or the date, true/false or text a value says
        // Read from the cell's value (a formula's result, true/false), not from its paragraphs: what
        // liborcus made of the cell, a number or nothing, is wrong.
        bool fromValue = false;
    };

    // A merged range: the cell at (row, column) spans `rows` × `columns` cells of its table.
    struct Merge
    {
        int table = 0;
        int row = 0;
        int column = 0;
        int rows = 1;
        int columns = 1;
    };
    // The cells a merge covers (<table:covered-table-cell>), which liborcus 0.17 does not count: the
    // cells after one in its row arrive a column too far left. table index → row → covered columns,
    // ascending.
    struct Layout
    {
        QList<Merge> merges;
        QHash<int, QHash<int, QList<int>>> covered;
    };
    // A row with content that stands for `count` identical rows, from `row` on (LibreOffice writes
    // two members typed alike, or a run of rows filled down, that way).
    struct RepeatedRow
    {
        int table = 0;
        int row = 0;
        int count = 1;
    };

    // `styles`: the package's styles.xml, where LibreOffice keeps the number formats of cells.
    explicit OdsContentReader(QByteArray content, QByteArray styles = {})
        : m_content(std::move(content))
        , m_styles(std::move(styles))
    {
    }

    // Indexes of the hidden tables, in document order.
    QSet<int> hiddenTables() const;
    // table index → its rows (0-based) hidden by hand (table:visibility="collapse") or by a filter
    // ("filter"); empty when the file hides none (found without parsing the body).
    QHash<int, QSet<int>> hiddenRows() const;
    // table index → its columns (0-based) hidden (table:visibility="collapse" on a table-column).
    QHash<int, QSet<int>> hiddenColumns() const;
    // The cells with two or more paragraphs, a line break, <text:s/>, a tab or a comment, the formulas with a
    // text, date or true/false result, the true/false cells, and the whole numbers a format of zeros
    // shows with leading zeros or a prefix (012345, HY00123 for a card number), as text; none when the file
    // has no such cell (found without parsing the body).
    QList<Cell> misreadCells() const;
    // The merged ranges and the cells they cover; empty when the file merges no cells (found without
    // parsing the body).
    Layout layout() const;
    // The repeated rows that hold something; empty when no repeated row holds a value or a paragraph
    // (found without parsing the body: the repeated empty rows below the data are no reason to).
    QList<RepeatedRow> repeatedRows() const;

private:
    bool mayHoldMisreadCells() const;
    bool mayShowZeros() const;
    bool mayHoldRepeatedContent() const;

    QByteArray m_content;
    QByteArray m_styles;
};

} // namespace ud
