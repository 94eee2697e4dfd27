#pragma once

#include <QString>

namespace ud {

// What a file handed to the importer really is, by its bytes rather than its name. Clerks' files are
// often not what their names say: web systems export an HTML table or Excel 2003 XML as ".xls", a
// download renamed .xlsx is an old .xls or an .ods, a CSV ends in .xls because Excel opens it. The
// readers follow the bytes; the name only decides when the bytes say nothing (a damaged archive).
class FileFormat
{
public:
    enum class Kind
    {
        Unknown, // too damaged to tell: the name decides
        Xlsx,
        Ods,
        Xls,
        SpreadsheetMl, // Excel 2003 XML (<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">)
        Html,          // a web page holding a <table>
        Text,          // CSV, tab-separated or other text
        Xlsb,          // Excel's binary workbook, which no library here reads
        Encrypted,     // an .xlsx protected by a password to open (an OLE container)
        OtherZip,      // a Word document, a zip of files …
        OtherBinary,   // a picture, a PDF …
        LockFile,      // ~$name.xlsx (Excel, WPS), .~lock.name# (LibreOffice): kept while a workbook is open
        WebArchive,    // a single-file web page (.mht, MIME), as Excel saves one
        OldExcel,      // an Excel 2.x–4.0 workbook (a bare BIFF2–4 record stream), from before 1995
        FlatOds,       // an OpenDocument spreadsheet as one XML file (.fods)
        Numbers,       // an Apple Numbers document
        ExchangeText,  // SYLK or DIF, the old exchange formats spreadsheet programs still write
        Dbase,         // a dBase table (.dbf)
        Gnumeric,      // a Gnumeric workbook (gzip-packed XML, or the XML itself)
    };

    static Kind detect(const QString& path);
    // The workbook a lock file stands beside: ~$花名册.xlsx → 花名册.xlsx.
    static QString lockedWorkbook(const QString& fileName);
};

} // namespace ud
