#include "io/FreeXlReader.h"

#include "io/BiffDecryption.h"
#include "io/BiffSharedStrings.h"
#include "io/BiffSheetAttributes.h"
#include "io/BiffStreamMends.h"
#include "io/CompoundFile.h"
#include "util/LogCategories.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <freexl.h>

namespace ud {

namespace {

// Closes the handle whatever happens (FreeXL wants a close even after a failed open).
struct Handle
{
    const void* value = nullptr;
    ~Handle() { close(); }
    void close()
    {
        if (value)
            freexl_close(value);
        value = nullptr;
    }
};

SheetCell cellOf(const FreeXL_CellValue& v)
{
    switch (v.type) {
    case FREEXL_CELL_INT:
        return SheetCell::fromNumber(v.value.int_value);
    case FREEXL_CELL_DOUBLE:
        return SheetCell::fromNumber(v.value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
        return SheetCell::fromText(QString::fromUtf8(v.value.text_value));
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME: {
        const QString text = QString::fromUtf8(v.value.text_value);
        const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
        return date.isValid() ? SheetCell::fromDate(date) : SheetCell::fromText(text);
    }
    case FREEXL_CELL_TIME:
        return SheetCell::fromText(QString::fromUtf8(v.value.text_value));
    default:
        return {};
    }
}

} // namespace

bool FreeXlReader::read(const QString& path, Workbook* workbook, QString* error)
{
    workbook->sheets.clear();
    auto failed = [&](int code) {
        qCDebug(lcIo) << "FreeXL error" << code << "reading" << path;
        if (error)
            *error = tr("%1: this .xls workbook cannot be read; it is damaged, or written in a way the "
                        "reader does not know. Open it in Excel or WPS and save it as .xlsx.")
                         .arg(QFileInfo(path).fileName());
        return false;
    };
    const CompoundFile compound(path);
    const qint64 limit = QFileInfo(path).size();
    QString streamName = QStringLiteral("Workbook");
    QByteArray stream = compound.stream(streamName, limit);
    if (stream.isEmpty()) {
        streamName = QStringLiteral("Book");
        stream = compound.stream(streamName, limit);
    }
    // FreeXL reads only files: a workbook decrypted or mended here is written to a compound file of its
    // own (libgsf's), which goes when reading is done.
    QString openPath = path;
    QTemporaryDir copyDir;
    bool copied = false;
    auto writeCopy = [&] {
        openPath = copyDir.filePath(QStringLiteral("workbook.xls"));
        copied = copyDir.isValid() && CompoundFile::write(openPath, {{streamName, stream}});
        if (!copied && error)
            *error = tr("%1: reading this .xls workbook needs a temporary file, which could not be written "
                        "in %2. Check the free disk space and that folder's permissions, then try again.")
                         .arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(QDir::tempPath()));
        return copied;
    };
    // A workbook Excel encrypted with its built-in password (a protected structure) is decrypted, and
    // one encrypted with the clerk's password when she has given it.
    bool rewrite = false;
    BiffDecryption::Outcome decryption = BiffDecryption::decrypt(&stream, BiffDecryption::builtInPassword());
    if (decryption == BiffDecryption::Outcome::WrongPassword && !password().isEmpty())
        decryption = BiffDecryption::decrypt(&stream, password());
    switch (decryption) {
    case BiffDecryption::Outcome::Plain:
        break;
    case BiffDecryption::Outcome::Decrypted:
        rewrite = true;
        break;
    case BiffDecryption::Outcome::WrongPassword: {
        const QString message =
            passwordRefused(QFileInfo(path).fileName(),
                            password().isEmpty() ? PasswordProblem::Needed : PasswordProblem::Wrong);
        if (error)
            *error = message;
        return false;
    }
    case BiffDecryption::Outcome::UnknownMethod:
        if (error)
            *error =
                tr("%1 is protected with an old kind of password (Excel 95's) that cannot be read here. Open "
                   "it in Excel or WPS, remove the password and save it as .xlsx; then import that file.")
                    .arg(QFileInfo(path).fileName());
        return false;
    }
    rewrite = BiffStreamMends::mend(&stream) > 0 || rewrite;
    rewrite = BiffSharedStrings::mendEmptyStrings(&stream) > 0 || rewrite;
    // A "dual stream" file (Excel 97's "Microsoft Excel 97 & 5.0/95", Gnumeric's excel_dsf) holds the
    // workbook twice, as Excel 97 and Excel 95; FreeXL may read the Excel 95 one, whose Chinese text the
    // writer may have turned into "?". The copy holds the Excel 97 stream, which is read here too.
    rewrite = rewrite || (streamName == QLatin1String("Workbook") && compound.has(QStringLiteral("Book")));
    if (rewrite && !writeCopy())
        return false;
    Handle handle; // closed before the copy goes (Windows cannot remove an open file)
    int rc = freexl_open(QFile::encodeName(openPath).constData(), &handle.value);
    // Some programs lay out the compound file in a way FreeXL misreads (SheetJS's small workbooks,
    // whose stream sits in the "mini stream"): the same records in libgsf's layout are read.
    if ((rc != FREEXL_OK || !handle.value) && !copied && !stream.isEmpty()) {
        handle.close();
        if (!writeCopy())
            return false;
        rc = freexl_open(QFile::encodeName(openPath).constData(), &handle.value);
    }
    // FreeXL "opens" some workbooks it cannot make sense of as nothing at all.
    if (rc != FREEXL_OK || !handle.value)
        return failed(rc);
    // Before any cell is read: a sheet cut short is not worth reading.
    const QList<BiffSheetAttributes::Entry> entries = BiffSheetAttributes::read(stream);
    for (const BiffSheetAttributes::Entry& entry : entries) {
        if (entry.worksheet && !entry.complete) {
            if (error)
                *error =
                    tr("%1: this .xls workbook is damaged: a sheet stops before its end (as after an "
                       "interrupted copy or download), so rows would be missing. Open it in Excel or WPS; "
                       "if it opens, save it as .xlsx and import that, otherwise use another copy.")
                        .arg(QFileInfo(path).fileName());
            return false;
        }
    }
    unsigned int sheetCount = 0;
    rc = freexl_get_info(handle.value, FREEXL_BIFF_SHEET_COUNT, &sheetCount);
    if (rc != FREEXL_OK)
        return failed(rc);
    // FreeXL turns date cells into dates itself; a date typed as a plain number is read with this.
    unsigned int dateMode = FREEXL_BIFF_DATEMODE_1900;
    freexl_get_info(handle.value, FREEXL_BIFF_DATEMODE, &dateMode);
    const QDate serialOrigin =
        dateMode == FREEXL_BIFF_DATEMODE_1904 ? QDate(1904, 1, 1) : QDate(1899, 12, 30);
    for (unsigned int s = 0; s < sheetCount; ++s) {
        const auto index = static_cast<unsigned short>(s);
        Sheet sheet;
        sheet.serialOrigin = serialOrigin;
        const char* name = nullptr;
        if (freexl_get_worksheet_name(handle.value, index, &name) == FREEXL_OK && name)
            sheet.name = QString::fromUtf8(name);
        if ((rc = freexl_select_active_worksheet(handle.value, index)) != FREEXL_OK)
            return failed(rc);
        unsigned int rows = 0;
        unsigned short columns = 0;
        if ((rc = freexl_worksheet_dimensions(handle.value, &rows, &columns)) != FREEXL_OK)
            return failed(rc);
        for (unsigned int r = 0; r < rows; ++r) {
            QList<SheetCell> row;
            for (unsigned short c = 0; c < columns; ++c) {
                FreeXL_CellValue value;
                row.append(freexl_get_cell_value(handle.value, r, c, &value) == FREEXL_OK ? cellOf(value)
                                                                                          : SheetCell());
            }
            while (!row.isEmpty() && row.last().type == SheetCell::Type::Empty)
                row.removeLast();
            sheet.rows.append(row);
        }
        workbook->sheets.append(sheet);
    }
    BiffSheetAttributes::apply(entries, &workbook->sheets);
    return true;
}

} // namespace ud
