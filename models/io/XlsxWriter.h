#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ud {

// A thin wrapper over libxlsxwriter for the workbooks UnionDesk writes (exports, problem lists,
// templates): a few fixed cell styles, Qt strings in, one error message out. The workbook is written
// to a file beside `path` and put in its place only when it is complete, so a full disk or a
// cancelled export never leaves half a workbook, nor destroys the file that was there.
class XlsxWriter
{
    Q_DECLARE_TR_FUNCTIONS(ud::XlsxWriter)

public:
    enum class Style
    {
        Plain,
        Title,  // bold, large, centred: the merged title row
        Header, // bold with a border
        Text,   // number format "@": Excel keeps what is typed as text (ID numbers)
        Date,   // yyyy-mm-dd
    };

    explicit XlsxWriter(const QString& path);
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    bool isValid() const { return m_workbook != nullptr; }
    // Why the workbook could not be started (the folder cannot hold a new file), in the clerk's words.
    QString openError() const { return m_openError; }
    // Adds a sheet and makes it the one written to.
    bool addSheet(const QString& name);

    void writeText(int row, int column, const QString& text, Style style = Style::Plain);
    void writeNumber(int row, int column, double value, Style style = Style::Plain);
    void writeDate(int row, int column, const QDate& date);
    void mergeText(int row, int firstColumn, int lastColumn, const QString& text, Style style = Style::Title);
    // Width in characters; a column style applies to cells a clerk types later.
    void setColumn(int first, int last, double width, Style style = Style::Plain);
    void freezeRows(int rows);
    // A drop-down list of `values` for rows [firstRow, lastRow] of a column. The values are kept on
    // a hidden sheet: a list typed into the rule is cut at its commas and at 255 characters.
    void addList(int firstRow, int lastRow, int column, const QStringList& values);

    // Writes the file; false with the reason when anything failed on the way.
    bool close(QString* error);

    // libxlsxwriter's error in the clerk's words.
    static QString describe(int code);
    // Whether the file at `path` is a zip archive whose every part reads back whole.
    static bool isWholeArchive(const QString& path);

private:
    lxw_format* format(Style style) const;
    void note(int code);

    QString m_path;
    QString m_partPath;
    QString m_openError;
    lxw_workbook* m_workbook = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_worksheet* m_lists = nullptr;
    int m_listColumns = 0;
    lxw_format* m_formats[5] = {};
    int m_firstError = 0;
};

} // namespace ud
