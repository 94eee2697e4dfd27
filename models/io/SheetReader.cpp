#include "io/SheetReader.h"

#include "io/CsvReader.h"
#include "io/EncryptedOdsReader.h"
#include "io/EncryptedXlsxReader.h"
#include "io/FileFormat.h"
#include "io/FreeXlReader.h"
#include "io/HtmlTableReader.h"
#include "io/IsolatedXlsReader.h"
#include "io/OrcusReader.h"
#include "io/RepackedXlsxReader.h"
#include "io/ZipEntries.h"
#include "util/LogCategories.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <utility>

namespace ud {

namespace {

std::unique_ptr<SheetReader> xlsReader()
{
    // FreeXL in a process of its own where the helper is installed (see IsolatedXlsReader).
    const QString helper = IsolatedXlsReader::helperPath();
    if (!helper.isEmpty())
        return std::make_unique<IsolatedXlsReader>(helper);
    static bool warned = false;
    if (!std::exchange(warned, true))
        qCWarning(lcIo) << "uniondesk-xls-reader not found: reading .xls in this process";
    return std::make_unique<FreeXlReader>();
}

} // namespace

std::unique_ptr<SheetReader> SheetReader::forFile(const QString& path, QString* error)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    auto refuse = [&](const QString& message) -> std::unique_ptr<SheetReader> {
        if (error)
            *error = message;
        return nullptr;
    };
    // By what the file holds: its name may say otherwise (see FileFormat).
    switch (FileFormat::detect(path)) {
    case FileFormat::Kind::Xlsx:
        if (ZipEntries::hasBackslashNames(path))
            return std::make_unique<RepackedXlsxReader>();
        return std::make_unique<OrcusReader>(OrcusReader::Format::Xlsx);
    case FileFormat::Kind::Ods:
        if (EncryptedOdsReader::isEncrypted(path))
            return std::make_unique<EncryptedOdsReader>();
        return std::make_unique<OrcusReader>(OrcusReader::Format::Ods);
    case FileFormat::Kind::SpreadsheetMl:
        return std::make_unique<OrcusReader>(OrcusReader::Format::SpreadsheetMl);
    case FileFormat::Kind::Xls:
        return xlsReader();
    case FileFormat::Kind::Html:
        return std::make_unique<HtmlTableReader>();
    case FileFormat::Kind::Text:
        return std::make_unique<CsvReader>();
    case FileFormat::Kind::Xlsb:
        return refuse(tr("%1 is an Excel binary workbook (.xlsb), which cannot be imported. Open it in Excel "
                         "or WPS and save it as .xlsx.")
                          .arg(name));
    case FileFormat::Kind::Encrypted:
        return std::make_unique<EncryptedXlsxReader>();
    case FileFormat::Kind::LockFile:
        return refuse(tr("%1 is not a roster but the small temporary file a spreadsheet program (Excel, WPS, "
                         "LibreOffice) keeps while the workbook %2 is open. Choose %2 itself.")
                          .arg(name, FileFormat::lockedWorkbook(name)));
    case FileFormat::Kind::WebArchive:
        return refuse(tr("%1 is a single-file web page (.mht), which cannot be imported. Open it in Excel or "
                         "WPS and save it as .xlsx.")
                          .arg(name));
    case FileFormat::Kind::OldExcel:
        return refuse(tr("%1 is a workbook of Excel 4.0 or earlier (from before 1995), which cannot be "
                         "imported. Open it in Excel, WPS or LibreOffice and save it as .xlsx.")
                          .arg(name));
    case FileFormat::Kind::FlatOds:
        return refuse(tr("%1 is an OpenDocument spreadsheet saved as a single XML file (.fods), which cannot "
                         "be imported. Open it in LibreOffice or WPS and save it as .ods or .xlsx.")
                          .arg(name));
    case FileFormat::Kind::Numbers:
        return refuse(
            tr("%1 is an Apple Numbers document, which cannot be imported. In Numbers choose File > "
               "Export To > Excel, and import the .xlsx file.")
                .arg(name));
    case FileFormat::Kind::ExchangeText:
        return refuse(tr("%1 is a spreadsheet in an old exchange format (SYLK or DIF), which cannot be "
                         "imported. Open it in Excel, WPS or LibreOffice and save it as .xlsx.")
                          .arg(name));
    case FileFormat::Kind::Dbase:
        return refuse(tr("%1 is a database table (dBase .dbf), which cannot be imported. Open it in Excel, "
                         "WPS or LibreOffice and save it as .xlsx.")
                          .arg(name));
    case FileFormat::Kind::Gnumeric:
        return refuse(tr("%1 is a Gnumeric workbook, which cannot be imported. Open it in Gnumeric or "
                         "LibreOffice and save it as .xlsx (in Gnumeric: File > Save As, Excel 2007 format).")
                          .arg(name));
    case FileFormat::Kind::OtherZip:
    case FileFormat::Kind::OtherBinary:
        return refuse(tr("%1 is not a spreadsheet or text file (a Word document, a picture or an archive, "
                         "say). Choose the roster workbook, or save the roster as .xlsx or .csv.")
                          .arg(name));
    case FileFormat::Kind::Unknown:
        break;
    }
    // Too damaged to tell: the reader the name asks for explains what is wrong.
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("xlsx") || suffix == QLatin1String("xlsm"))
        return std::make_unique<OrcusReader>(OrcusReader::Format::Xlsx);
    if (suffix == QLatin1String("ods"))
        return std::make_unique<OrcusReader>(OrcusReader::Format::Ods);
    if (suffix == QLatin1String("xls"))
        return xlsReader();
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt") || suffix == QLatin1String("tsv"))
        return std::make_unique<CsvReader>();
    return refuse(
        tr("%1: files of this kind cannot be imported; save the roster as .xlsx, .xls, .ods or .csv.")
            .arg(name));
}

QString SheetReader::passwordRefused(const QString& fileName, PasswordProblem problem)
{
    m_passwordProblem = problem;
    if (problem == PasswordProblem::Wrong)
        return tr("The password does not open %1. Passwords tell capital and small letters apart: check "
                  "Caps Lock, and that the input method types half-width characters, then enter it again.")
            .arg(fileName);
    return tr("%1 is protected with a password to open it. Enter that password (the one Excel, WPS or "
              "LibreOffice asks for when the file is opened) to import it.")
        .arg(fileName);
}

bool SheetReader::readCopy(const QString& path, const std::function<bool(const QString& copy)>& write,
                           const std::function<bool(const QString& copy)>& read, QString* error)
{
    const QString name = QFileInfo(path).fileName();
    QTemporaryDir folder; // only its owner may enter it: the copy may hold ID numbers in the clear
    const QString copy = folder.filePath(name);
    if (!folder.isValid() || !write(copy)) {
        if (error)
            *error = tr("%1: reading this workbook needs a temporary file, which could not be written in %2. "
                        "Check the free disk space and that folder's permissions, then try again.")
                         .arg(name, QDir::toNativeSeparators(QDir::tempPath()));
        return false;
    }
    return read(copy);
}

bool SheetReader::readFile(const QString& path, Workbook* workbook, QString* error)
{
    return readFile(path, QString(), workbook, error, nullptr);
}

bool SheetReader::readFile(const QString& path, const QString& password, Workbook* workbook, QString* error,
                           PasswordProblem* problem)
{
    if (problem)
        *problem = PasswordProblem::None;
    if (path.trimmed().isEmpty()) {
        if (error)
            *error = tr("No file was named: give the path of the roster file.");
        return false;
    }
    const QFileInfo info(path);
    if (!info.isFile()) {
        if (error)
            *error = info.isDir()
                         ? tr("%1 is a folder, not a file; name the roster file inside it.").arg(path)
                         : tr("%1: the file does not exist.").arg(path);
        return false;
    }
    if (info.size() == 0) {
        if (error)
            *error = tr("%1: the file is empty (0 bytes). Copy or download the roster again.")
                         .arg(info.fileName());
        return false;
    }
    // Checked here, so that a file nobody may read is not called damaged by the reader of its format.
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly)) {
        if (error)
            *error = !info.isReadable()
                         ? tr("%1: the file cannot be opened: you lack the permission to read it. Copy it "
                              "to your Documents folder, or ask whoever looks after this computer, then "
                              "import it again.")
                               .arg(info.fileName())
                         : tr("%1: the file cannot be opened (%2). If it is open in another program, close "
                              "it there, then import it again.")
                               .arg(info.fileName(), probe.errorString());
        return false;
    }
    // What a copy or download that never finished leaves: the file's size, and zeros.
    const QByteArray head = probe.read(64 * 1024);
    if (head.count('\0') == head.size()) {
        if (error)
            *error = tr("%1: the file holds nothing but zero bytes: it is damaged (a copy or download that "
                        "never finished). Copy or download the roster again.")
                         .arg(info.fileName());
        return false;
    }
    probe.close();
    // Read from a private copy: the workbook readers map the file into memory, and a file cut short
    // or rewritten while it is read (a USB stick pulled out, a network share that drops, Excel
    // saving it again) would end the program instead of giving a message. The copy keeps the
    // file's name, which the messages show. Without room for it the file is read where it is.
    QTemporaryDir folder; // only its owner may enter it: the copy holds ID numbers in the clear
    const QString copy = folder.filePath(info.fileName());
    const bool copied = folder.isValid() && QFile::copy(path, copy);
    if (!copied)
        qCWarning(lcIo) << "reading" << path << "in place: no private copy in" << QDir::tempPath();
    if (copied && (QFileInfo(copy).size() != info.size() || QFileInfo(path).size() != info.size())) {
        if (error)
            *error =
                tr("%1 changed while it was being read (it was saved again, cut short or removed, or the "
                   "drive it is on went away). Nothing was imported: wait until the file is complete, "
                   "or copy it to this computer, and import it again.")
                    .arg(info.fileName());
        return false;
    }
    const QString source = copied ? copy : path;
    const std::unique_ptr<SheetReader> reader = forFile(source, error);
    if (!reader)
        return false;
    reader->setPassword(password);
    const bool read = reader->read(source, workbook, error);
    if (problem)
        *problem = reader->passwordProblem();
    return read;
}

} // namespace ud
