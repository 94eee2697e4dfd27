#include "io/FileFormat.h"

#include "io/CompoundFile.h"
#include "io/TextDecoder.h"
#include "io/ZipPackage.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <exception>

namespace ud {

namespace {

// Whether decoded text looks like text: few control characters besides tab and line ends (and the
// Ctrl-Z that DOS programs end a text file with). A vertical tab is what Word's Shift+Enter becomes
// when a cell is pasted from Word into Excel, a form feed a page break: text, however many there are.
bool looksLikeText(QStringView text)
{
    while (text.endsWith(QChar(0x1A)))
        text.chop(1);
    qsizetype controls = 0;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') &&
            c != QLatin1Char('\r') && c != QChar(0x0B) && c != QChar(0x0C))
            ++controls;
    }
    // A stray byte or two (pasted from another program) in a text file of some length is still a text
    // file; a few bytes of anything are not.
    return (controls <= 2 && text.size() >= 64) || controls * 100 <= text.size();
}

FileFormat::Kind zipKind(const QString& path)
{
    try {
        const ZipPackage zip(path);
        if (zip.has(QStringLiteral("xl/workbook.bin")))
            return FileFormat::Kind::Xlsb;
        if (zip.hasFolder(QStringLiteral("xl/")))
            return FileFormat::Kind::Xlsx;
        if (zip.hasFolder(QStringLiteral("Index/")))
            return FileFormat::Kind::Numbers; // Index/Document.iwa and its kin
        if (zip.has(QStringLiteral("content.xml")) &&
            zip.part(QStringLiteral("mimetype")).contains("opendocument.spreadsheet"))
            return FileFormat::Kind::Ods;
        // An Office package with its parts elsewhere, unless it is a Word or PowerPoint file.
        if (zip.has(QStringLiteral("[Content_Types].xml")) && !zip.hasFolder(QStringLiteral("word/")) &&
            !zip.hasFolder(QStringLiteral("ppt/")))
            return FileFormat::Kind::Xlsx;
        return FileFormat::Kind::OtherZip;
    } catch (const std::exception&) {
        return FileFormat::Kind::Unknown; // a damaged archive: the reader the name asks for explains it
    }
}

// A compound document: a legacy workbook, an .xlsx encrypted into one (a password to open), or a
// Word or PowerPoint 97–2003 file, told apart by their streams.
FileFormat::Kind compoundKind(const QString& path)
{
    const CompoundFile file(path);
    if (!file.isOpen())
        return FileFormat::Kind::Xls; // too damaged for libgsf: FreeXL says what is wrong with it
    if (file.has(QStringLiteral("EncryptedPackage")))
        return FileFormat::Kind::Encrypted;
    if (file.has(QStringLiteral("Workbook")) || file.has(QStringLiteral("Book")))
        return FileFormat::Kind::Xls;
    // A workbook whose directory names a workbook stream longer than the file (cut short) has none
    // left to libgsf: under a workbook's name, it is a damaged workbook, not some other document.
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool otherDocument =
        file.has(QStringLiteral("WordDocument")) || file.has(QStringLiteral("PowerPoint Document"));
    if (!otherDocument && (suffix == u"xls" || suffix == u"xlt" || suffix == u"et"))
        return FileFormat::Kind::Xls;
    return FileFormat::Kind::OtherBinary;
}

// An Excel 2.x, 3.0 or 4.0 workbook: a bare record stream starting with its BOF record (BIFF5 and
// later keep theirs inside a compound document).
bool isOldExcel(const QByteArray& head)
{
    if (head.size() < 8)
        return false;
    const quint16 type = qFromLittleEndian<quint16>(head.constData());
    const quint16 size = qFromLittleEndian<quint16>(head.constData() + 2);
    return (type == 0x0009 || type == 0x0209 || type == 0x0409) && size >= 4 && size <= 16;
}

// A dBase III/IV or FoxPro table: a version byte, the date of its last change, and a header of
// 32-byte field descriptors ending in 0x0D.
bool isDbase(const QByteArray& head)
{
    static const QByteArray versions("\x02\x03\x04\x05\x30\x31\x32\x43\x63\x83\x8B\x8E\xCB\xF5\xFB", 15);
    if (head.size() < 65 || !versions.contains(head.at(0)))
        return false;
    const int month = static_cast<quint8>(head.at(2));
    const int day = static_cast<quint8>(head.at(3));
    const quint16 headerSize = qFromLittleEndian<quint16>(head.constData() + 8);
    const quint16 recordSize = qFromLittleEndian<quint16>(head.constData() + 10);
    if (month < 1 || month > 12 || day < 1 || day > 31 || recordSize == 0 || headerSize < 65 ||
        headerSize > head.size())
        return false;
    // The descriptors end with 0x0D; FoxPro keeps 263 more bytes after it.
    for (qsizetype end = 64; end < headerSize; end += 32) {
        if (head.at(end) == '\x0D')
            return true;
    }
    return false;
}

} // namespace

FileFormat::Kind FileFormat::detect(const QString& path)
{
    const QFileInfo info(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Kind::Unknown;
    const QByteArray head = file.read(64 * 1024);
    const bool zip = head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06");
    const bool compound = head.startsWith(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
    // Excel's owner file ("~$" and the workbook's name, 165 bytes; WPS's is as small) and
    // LibreOffice's lock file: small, and neither a zip nor a compound document.
    if (!lockedWorkbook(info.fileName()).isEmpty() && file.size() <= 4096 && !zip && !compound)
        return Kind::LockFile;
    if (zip)
        return zipKind(path);
    if (compound)
        return compoundKind(path);
    if (isOldExcel(head))
        return Kind::OldExcel;
    if (isDbase(head))
        return Kind::Dbase;
    // Gnumeric packs its XML with gzip; what else is packed so is no roster either (the message for
    // an archive fits it).
    if (head.startsWith("\x1F\x8B"))
        return info.suffix().compare(QLatin1String("gnumeric"), Qt::CaseInsensitive) == 0 ? Kind::Gnumeric
                                                                                          : Kind::OtherBinary;
    QString text = TextDecoder::decode(head);
    // Zeros where the end of a text should be (a save or copy that never finished): still a text
    // file, which its reader refuses as damaged.
    while (text.endsWith(QChar(0)))
        text.chop(1);
    if (!looksLikeText(text))
        return Kind::OtherBinary;
    const QString start = text.left(4096).trimmed().toLower();
    if (start.startsWith(QLatin1String("{\\rtf")))
        return Kind::OtherBinary; // a Word document in rich text
    if (start.startsWith(QLatin1String("mime-version:")) &&
        start.contains(QLatin1String("multipart/related")))
        return Kind::WebArchive;
    if (start.startsWith(QLatin1String("id;p")))
        return Kind::ExchangeText; // SYLK
    if (start.startsWith(QLatin1String("table\r\n0,1")) || start.startsWith(QLatin1String("table\n0,1")))
        return Kind::ExchangeText; // DIF
    if (start.startsWith(QLatin1Char('<'))) {
        if (start.contains(QLatin1String("<office:document")) &&
            start.contains(QLatin1String("opendocument.spreadsheet")))
            return Kind::FlatOds;
        if (start.contains(QLatin1String("http://www.gnumeric.org/v10.dtd")) ||
            start.contains(QLatin1String("<gnm:workbook")))
            return Kind::Gnumeric;
        if (start.contains(QLatin1String("urn:schemas-microsoft-com:office:spreadsheet")) &&
            start.contains(QLatin1String("<workbook")))
            return Kind::SpreadsheetMl;
        if (start.startsWith(QLatin1String("<!doctype html")) || start.contains(QLatin1String("<html")) ||
            text.contains(QLatin1String("<table"), Qt::CaseInsensitive))
            return Kind::Html;
    }
    return Kind::Text;
}

QString FileFormat::lockedWorkbook(const QString& fileName)
{
    if (fileName.startsWith(QLatin1String("~$")) && fileName.size() > 2)
        return fileName.mid(2);
    if (fileName.startsWith(QLatin1String(".~lock.")) && fileName.endsWith(QLatin1Char('#')))
        return fileName.mid(7, fileName.size() - 8);
    return {};
}

} // namespace ud
