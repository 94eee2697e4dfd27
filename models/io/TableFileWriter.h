#pragma once

#include <QCoreApplication>
#include <QSaveFile>
#include <QString>
#include <QStringList>

#include <memory>

namespace ud {

class XlsxWriter;

// A titled table written as .xlsx or as .csv (UTF-8 with a byte-order mark, so Excel on Chinese
// Windows reads it right), chosen by the file's suffix: a title row, a header row, then the rows.
// Columns marked as text are text cells in the workbook and carry a leading tab in the CSV, so Excel
// cannot turn long codes into numbers. Nothing is left behind at `path` unless finish() succeeds.
class TableFileWriter
{
    Q_DECLARE_TR_FUNCTIONS(ud::TableFileWriter)

public:
    explicit TableFileWriter(QString path);
    ~TableFileWriter();
    TableFileWriter(const TableFileWriter&) = delete;
    TableFileWriter& operator=(const TableFileWriter&) = delete;

    // Refuses a suffix other than .xlsx and .csv, or a file that cannot be created. `sheetName`
    // names the workbook's sheet (at most 31 characters, none of []:*?/\).
    bool begin(const QString& sheetName, const QString& title, const QStringList& headers,
               const QList<bool>& textColumns, QString* error);
    void writeRow(const QStringList& cells);
    // One CSV field, quoted when it holds a comma, a quote or a line break.
    static QString csvField(const QString& text);
    // A text cell of digits Excel would turn into a number when it opens the CSV (an ID number,
    // which then loses its last digits; a code with leading zeros); such a cell gets a leading tab,
    // which keeps it text in Excel and which the import takes off. Other conversions Excel makes
    // (3-1 into a date) are not guarded: a roster's text columns rarely hold such values.
    static bool looksLikeANumber(const QString& text);
    // True for text a spreadsheet would take for a formula (=, +, - or @ and more).
    static bool startsLikeFormula(const QString& text);
    // Why a file cannot be written at `path` before trying: no file name, a file where a folder
    // should be, a folder that does not exist or cannot be written (the operating system's "no such
    // file or directory" names neither). Empty when the folder is there.
    static QString folderProblem(const QString& path);
    // Writes out what `file` still holds; empty when all of it reached the disk, else why not (a
    // full disk said so in the clerk's words). Ask before commit(), which misses that failure.
    static QString writeProblem(QSaveFile& file);
    bool finish(QString* error);

private:
    QString m_path;
    QList<bool> m_textColumns;
    std::unique_ptr<XlsxWriter> m_book;
    std::unique_ptr<QSaveFile> m_csv;
    int m_row = 0;
};

} // namespace ud
