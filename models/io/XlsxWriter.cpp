#include "io/XlsxWriter.h"

#include "io/ZipIntegrity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <filesystem>
#include <system_error>
#include <vector>
#include <xlsxwriter.h>
#include <zip.h>

namespace ud {

XlsxWriter::XlsxWriter(const QString& path)
    : m_path(QFileInfo(path).absoluteFilePath())
{
    // The part file's name is taken now, in the target's folder, so that putting it in place at the
    // end is a rename on the same disk.
    const QFileInfo target(m_path);
    QTemporaryFile part(target.absolutePath() + QStringLiteral("/.~") + target.fileName() +
                        QStringLiteral(".XXXXXX"));
    part.setAutoRemove(false);
    if (!part.open()) {
        m_openError =
            tr("%1: no file can be created in the folder %2 (%3).")
                .arg(target.fileName(), QDir::toNativeSeparators(target.absolutePath()), part.errorString());
        return;
    }
    m_partPath = part.fileName();
    part.close();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    m_workbook = workbook_new_opt(QFile::encodeName(m_partPath).constData(), &options);
    if (!m_workbook) {
        QFile::remove(m_partPath);
        m_openError = tr("%1: the file cannot be created.").arg(target.fileName());
        return;
    }
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
    // Never closed: what was written goes, and the file at `path` stays as it was.
    if (m_workbook) {
        workbook_close(m_workbook);
        QFile::remove(m_partPath);
    }
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
    const QByteArray listSheet = tr("Lists").toUtf8();
    if (!m_lists) {
        m_lists = workbook_add_worksheet(m_workbook, listSheet.constData());
        if (!m_lists) {
            note(LXW_ERROR_SHEETNAME_ALREADY_USED);
            return;
        }
        worksheet_hide(m_lists);
    }
    const int listColumn = m_listColumns++;
    for (int i = 0; i < values.size(); ++i)
        note(worksheet_write_string(m_lists, static_cast<lxw_row_t>(i), static_cast<lxw_col_t>(listColumn),
                                    values.at(i).toUtf8().constData(), nullptr));
    char columnName[8] = {};
    lxw_col_to_name(columnName, static_cast<lxw_col_t>(listColumn), LXW_FALSE);
    const QByteArray formula = "='" + listSheet + "'!$" + QByteArray(columnName) + "$1:$" +
                               QByteArray(columnName) + "$" + QByteArray::number(values.size());
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    validation.value_formula = const_cast<char*>(formula.constData());
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
    if (code != LXW_NO_ERROR) {
        QFile::remove(m_partPath);
        if (error)
            *error = describe(code);
        return false;
    }
    // libxlsxwriter does not notice every failed write of its archive (a disk that fills up, a file
    // size limit): it can report success for a workbook cut short. Read it back before it replaces
    // anything.
    if (!isWholeArchive(m_partPath)) {
        QFile::remove(m_partPath);
        if (error)
            *error = describe(LXW_ERROR_ZIP_FILE_OPERATION);
        return false;
    }
    // Replaces the file that was there in one step (also on Windows, where QFile::rename would not).
    std::error_code failure;
    std::filesystem::rename(QFile::encodeName(m_partPath).toStdString(),
                            QFile::encodeName(m_path).toStdString(), failure);
    if (failure) {
        QFile::remove(m_partPath);
        if (error)
            *error = QString::fromLocal8Bit(failure.message().c_str());
        return false;
    }
    return true;
}

bool XlsxWriter::isWholeArchive(const QString& path)
{
    int zipError = 0;
    zip_t* archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &zipError);
    if (!archive)
        return false;
    zip_discard(archive);
    return ZipIntegrity(path).isIntact();
}

QString XlsxWriter::describe(int code)
{
    switch (code) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        return tr("there is not enough memory");
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
        return tr("the file cannot be created: the folder may be read-only, or the disk full");
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        return tr("the workbook could not be written completely; the disk may be full");
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
        return tr("two sheets would have the same name");
    default:
        return tr("the workbook cannot be written (%1)")
            .arg(QString::fromUtf8(lxw_strerror(static_cast<lxw_error>(code))));
    }
}

} // namespace ud
