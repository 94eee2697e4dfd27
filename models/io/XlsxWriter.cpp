#include "io/XlsxWriter.h"

#include <QFile>

#include <vector>
#include <xlsxwriter.h>

namespace ud {

XlsxWriter::XlsxWriter(const QString& path)
{
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    m_workbook = workbook_new_opt(QFile::encodeName(path).constData(), &options);
    if (!m_workbook)
        return;
    m_formats[static_cast<int>(Style::Plain)] = nullptr;
    lxw_format* title = workbook_add_format(m_workbook);
    format_set_bold(title);
    format_set_font_size(title, 16);
    format_set_align(title, LXW_ALIGN_CENTER);
    format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
    m_formats[static_cast<int>(Style::Title)] = title;
    lxw_format* header = workbook_add_format(m_workbook);
    format_set_bold(header);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_bg_color(header, 0xDDEBF7);
    format_set_num_format(header, "@");
    m_formats[static_cast<int>(Style::Header)] = header;
    lxw_format* text = workbook_add_format(m_workbook);
    format_set_num_format(text, "@");
    m_formats[static_cast<int>(Style::Text)] = text;
    lxw_format* date = workbook_add_format(m_workbook);
    format_set_num_format(date, "yyyy-mm-dd");
    m_formats[static_cast<int>(Style::Date)] = date;
}

XlsxWriter::~XlsxWriter()
{
    if (m_workbook)
        workbook_close(m_workbook);
}

lxw_format* XlsxWriter::format(Style style) const
{
    return m_formats[static_cast<int>(style)];
}

void XlsxWriter::note(int code)
{
    if (code != LXW_NO_ERROR && m_firstError == LXW_NO_ERROR)
        m_firstError = code;
}

bool XlsxWriter::addSheet(const QString& name)
{
    if (!m_workbook)
        return false;
    m_sheet = workbook_add_worksheet(m_workbook, name.isEmpty() ? nullptr : name.toUtf8().constData());
    if (!m_sheet)
        note(LXW_ERROR_SHEETNAME_ALREADY_USED);
    return m_sheet != nullptr;
}

void XlsxWriter::writeText(int row, int column, const QString& text, Style style)
{
    if (!m_sheet)
        return;
    note(worksheet_write_string(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                text.toUtf8().constData(), format(style)));
}

void XlsxWriter::writeNumber(int row, int column, double value, Style style)
{
    if (!m_sheet)
        return;
    note(worksheet_write_number(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), value,
                                format(style)));
}

void XlsxWriter::writeDate(int row, int column, const QDate& date)
{
    if (!m_sheet || !date.isValid())
        return;
    lxw_datetime value{date.year(), date.month(), date.day(), 0, 0, 0};
    note(worksheet_write_datetime(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                  &value, format(Style::Date)));
}

void XlsxWriter::mergeText(int row, int firstColumn, int lastColumn, const QString& text, Style style)
{
    if (!m_sheet)
        return;
    if (lastColumn <= firstColumn) {
        writeText(row, firstColumn, text, style);
        return;
    }
    note(worksheet_merge_range(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(firstColumn),
                               static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(lastColumn),
                               text.toUtf8().constData(), format(style)));
}

void XlsxWriter::setColumn(int first, int last, double width, Style style)
{
    if (!m_sheet)
        return;
    note(worksheet_set_column(m_sheet, static_cast<lxw_col_t>(first), static_cast<lxw_col_t>(last), width,
                              format(style)));
}

void XlsxWriter::freezeRows(int rows)
{
    if (m_sheet)
        worksheet_freeze_panes(m_sheet, static_cast<lxw_row_t>(rows), 0);
}

void XlsxWriter::addList(int firstRow, int lastRow, int column, const QStringList& values)
{
    if (!m_sheet || values.isEmpty())
        return;
    std::vector<QByteArray> utf8;
    std::vector<const char*> pointers;
    for (const QString& v : values)
        utf8.push_back(v.toUtf8());
    for (const QByteArray& b : utf8)
        pointers.push_back(b.constData());
    pointers.push_back(nullptr);
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = const_cast<char**>(pointers.data());
    note(worksheet_data_validation_range(m_sheet, static_cast<lxw_row_t>(firstRow),
                                         static_cast<lxw_col_t>(column), static_cast<lxw_row_t>(lastRow),
                                         static_cast<lxw_col_t>(column), &validation));
}

bool XlsxWriter::close(QString* error)
{
    if (!m_workbook) {
        if (error)
            *error = QStringLiteral("libxlsxwriter: the workbook cannot be created");
        return false;
    }
    const lxw_error result = workbook_close(m_workbook);
    m_workbook = nullptr;
    const int code = m_firstError != LXW_NO_ERROR ? m_firstError : result;
    if (code == LXW_NO_ERROR)
        return true;
    if (error)
        *error = QString::fromUtf8(lxw_strerror(static_cast<lxw_error>(code)));
    return false;
}

} // namespace ud
