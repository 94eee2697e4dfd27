#include "HandMadeWorkbooks.h"
#include "TestStore.h"
#include "io/BiffDecryption.h"
#include "io/BiffSharedStrings.h"
#include "io/BiffSheetAttributes.h"
#include "io/BiffStreamMends.h"
#include "io/CompoundFile.h"
#include "io/FileFormat.h"
#include "io/FreeXlReader.h"
#include "io/HeaderMap.h"
#include "io/HtmlTableReader.h"
#include "io/ImportPlan.h"
#include "io/Rc4.h"
#include "io/RosterImport.h"
#include "io/SheetReader.h"
#include "io/TextDecoder.h"
#include "io/WorkbookCodec.h"
#include "io/XlsxWriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <QtEndian>

#include <cstring>

using namespace ud;
using namespace ud::test;

// Files whose names say something else than their bytes, as clerks get them from web systems,
// downloads and colleagues: each is read by what it is, or refused with a message that says what it
// is and what to do.
class TstFileFormat : public QObject
{
    Q_OBJECT

private slots:
    void readsFilesByWhatTheyHold_data();
    void readsFilesByWhatTheyHold();
    void refusesWhatIsNoRoster_data();
    void refusesWhatIsNoRoster();
    void readsHtmlTables();
    void readsExcel2003Xml();
    void refusesPasswordProtectedXls();
    void readsXlsEncryptedWithTheBuiltInPassword_data();
    void readsXlsEncryptedWithTheBuiltInPassword();
    void decryptsBiffStreams();
    void readsXlsFreeXlRefuses_data();
    void readsXlsFreeXlRefuses();
    void survivesXlsThatCrashFreeXl();
    void rewritesSharedStringsAcrossRecords();
    void readsHiddenSheetsAndRowsOfXls();
    void readsFormulaResultsOfXls();
    void readsBiffSheetAttributes();
    void refusesOtherOfficeDocuments();
    void readsOdsWithNamedRanges();
    void readsRepeatedOdsRows();
    void readsOdsValuesLiborcusMisses();
    void readsPercentEncodedPartNames();
    void readsPartsNamedWithBackslashes();
    void survivesAWorkbookCutShortWhileRead();
    void readsArrayFormulaResults();
    void leavesOutStruckThroughText();
    void keepsTheLeadingZerosAFormatShows();
};

namespace {

const QString kCorpus = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../fuzz/corpus");

// <sheetData> rows of a hand-made .xlsx: 姓名 and 身份证号码, and one member.
QString headerAndOneMember()
{
    return QStringLiteral("<row r=\"1\">%1%2</row><row r=\"2\">%3%4</row>")
        .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
             inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号码")),
             inlineCell(QStringLiteral("A2"), TestStore::sampleName(1)),
             inlineCell(QStringLiteral("B2"), TestStore::sampleIdNumber(1)));
}

// One roster of two members in several formats, written into `dir`; returns the path.
QString writeRoster(const QDir& dir, const QString& kind)
{
    const QString id1 = TestStore::sampleIdNumber(1);
    const QString id2 = TestStore::sampleIdNumber(2);
    const QString n1 = TestStore::sampleName(1);
    const QString n2 = TestStore::sampleName(2);
    // With a suffix: the zip tool would add .zip to a name without one.
    const QString path = dir.filePath(kind + QStringLiteral(".fixture"));
    if (kind == QLatin1String("xlsx")) {
        XlsxWriter book(path);
        book.addSheet(QStringLiteral("花名册"));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("身份证号码"));
        book.writeText(1, 0, n1);
        book.writeText(1, 1, id1);
        book.writeText(2, 0, n2);
        book.writeText(2, 1, id2);
        QString error;
        return book.close(&error) ? path : QString();
    }
    if (kind == QLatin1String("ods")) {
        QString tables = QStringLiteral("<table:table table:name=\"花名册\">");
        for (const QStringList& row : {QStringList{QStringLiteral("姓名"), QStringLiteral("身份证号码")},
                                       QStringList{n1, id1}, QStringList{n2, id2}}) {
            tables += QStringLiteral("<table:table-row>");
            for (const QString& cell : row)
                tables += QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>%1</text:p>"
                                         "</table:table-cell>")
                              .arg(cell);
            tables += QStringLiteral("</table:table-row>");
        }
        tables += QStringLiteral("</table:table>");
        return writeHandMadeOds(path, tables) ? path : QString();
    }
    if (kind == QLatin1String("gbk-tab")) {
        const QString text = QStringLiteral("姓名\t身份证号码\r\n%1\t%2\r\n%3\t%4\r\n").arg(n1, id1, n2, id2);
        return writeFile(path, TextDecoder::toGb18030(text)) ? path : QString();
    }
    if (kind == QLatin1String("html")) {
        // What web systems export as .xls: GBK bytes, a <meta> naming gb2312, Excel's styles.
        const QString page =
            QStringLiteral("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head><meta "
                           "http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><style>"
                           "td{mso-number-format:\"\\@\";}</style></head><body><table border=1>"
                           "<tr><td colspan=2>会员信息导出</td></tr><tr><th>姓名</th><th>身份证号码</th>"
                           "</tr><tr><td>%1<td>%2</tr><tr><td>%3</td><td>%4</td></tr></table></body>"
                           "</html>")
                .arg(n1, id1, n2, id2);
        return writeFile(path, TextDecoder::toGb18030(page)) ? path : QString();
    }
    if (kind.startsWith(QLatin1String("spreadsheetml"))) {
        QString rows;
        for (const QStringList& row : {QStringList{QStringLiteral("姓名"), QStringLiteral("身份证号码")},
                                       QStringList{n1, id1}, QStringList{n2, id2}}) {
            rows += QStringLiteral("<Row>");
            for (const QString& cell : row)
                rows += QStringLiteral("<Cell><Data ss:Type=\"String\">%1</Data></Cell>").arg(cell);
            rows += QStringLiteral("</Row>");
        }
        // Web systems write it in GBK too, and say so.
        const bool gbk = kind.endsWith(QLatin1String("gbk"));
        // Or in "Unicode": UTF-16 with its mark, as a .NET exporter saves it.
        const bool utf16 = kind.endsWith(QLatin1String("utf16"));
        const QString xml =
            QStringLiteral("<?xml version=\"1.0\"%2?><?mso-application progid=\"Excel.Sheet\"?>"
                           "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
                           "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet "
                           "ss:Name=\"花名册\"><Table>%1</Table></Worksheet></Workbook>")
                .arg(rows, gbk     ? QStringLiteral(" encoding=\"GB2312\"")
                           : utf16 ? QStringLiteral(" encoding=\"utf-16\"")
                                   : QString());
        if (utf16) {
            QByteArray le("\xFF\xFE", 2);
            for (const QChar c : xml)
                le += QByteArray(1, static_cast<char>(c.unicode() & 0xFF)) +
                      QByteArray(1, static_cast<char>(c.unicode() >> 8));
            return writeFile(path, le) ? path : QString();
        }
        return writeFile(path, gbk ? TextDecoder::toGb18030(xml) : xml.toUtf8()) ? path : QString();
    }
    if (kind == QLatin1String("xls")) // LibreOffice's, with other members
        return QFile::copy(kCorpus + QStringLiteral("/roster-libreoffice.xls"), path) ? path : QString();
    return QString();
}

// A zip of the named entries (each holding a few bytes), made with the zip tool.
bool writeZip(const QString& path, const QStringList& entries)
{
    QTemporaryDir dir;
    for (const QString& entry : entries) {
        const QString file = dir.filePath(entry);
        if (!QDir().mkpath(QFileInfo(file).path()) || !writeFile(file, "<x/>"))
            return false;
    }
    return writeHandMadeZip(dir.path(), path, entries);
}

} // namespace

void TstFileFormat::readsFilesByWhatTheyHold_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("format");
    const auto row = [](const char* tag, const char* kind, const char* name, FileFormat::Kind format) {
        QTest::newRow(tag) << QString::fromLatin1(kind) << QString::fromUtf8(name)
                           << static_cast<int>(format);
    };
    row("xlsx as .xlsx", "xlsx", "花名册.xlsx", FileFormat::Kind::Xlsx);
    row("xlsx as .xls", "xlsx", "花名册.xls", FileFormat::Kind::Xlsx);
    row("xlsx as .csv", "xlsx", "花名册.csv", FileFormat::Kind::Xlsx);
    row("xlsx as .et", "xlsx", "花名册.et", FileFormat::Kind::Xlsx);
    row("xlsx named like a lock file", "xlsx", "~$花名册.xlsx", FileFormat::Kind::Xlsx);
    row("ods as .xlsx", "ods", "花名册.xlsx", FileFormat::Kind::Ods);
    row("xls as .xlsx", "xls", "花名册.xlsx", FileFormat::Kind::Xls);
    row("xls as .csv", "xls", "花名册.csv", FileFormat::Kind::Xls);
    row("GBK text as .xls", "gbk-tab", "花名册.xls", FileFormat::Kind::Text);
    row("web page as .xls", "html", "会员导出.xls", FileFormat::Kind::Html);
    row("Excel 2003 XML as .xls", "spreadsheetml", "会员导出.xls", FileFormat::Kind::SpreadsheetMl);
    row("Excel 2003 XML as .xml", "spreadsheetml", "会员导出.xml", FileFormat::Kind::SpreadsheetMl);
    row("Excel 2003 XML in GB2312", "spreadsheetml-gbk", "会员导出.xls", FileFormat::Kind::SpreadsheetMl);
    row("Excel 2003 XML in UTF-16", "spreadsheetml-utf16", "会员导出.xls", FileFormat::Kind::SpreadsheetMl);
}

void TstFileFormat::readsFilesByWhatTheyHold()
{
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(int, format);
    QTemporaryDir dir;
    const QString written = writeRoster(QDir(dir.path()), kind);
    QVERIFY2(!written.isEmpty(), "cannot make the fixture (is the zip tool missing? run scripts/setup)");
    const QString path = dir.filePath(name);
    QVERIFY(QFile::rename(written, path));
    QCOMPARE(static_cast<int>(FileFormat::detect(path)), format);

    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    TestStore t;
    const ImportPlan plan =
        ImportPlan::build(workbook.sheets.at(choice->sheet), choice->map, t.store(), t.root().id);
    if (kind == QLatin1String("xls")) { // the fuzz seed's rows, each with its own fault
        QVERIFY(plan.rows().size() >= 10);
        return;
    }
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rows().at(0).member.name, TestStore::sampleName(1));
    QCOMPARE(plan.rows().at(1).member.idNumber, TestStore::sampleIdNumber(2));
}

void TstFileFormat::refusesWhatIsNoRoster_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // empty: a zip of `entries`
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("says"); // part of the message
    // An .xlsx encrypted with a password to open: an OLE container with an "EncryptedPackage" stream.
    QTemporaryDir ole;
    const QString encryptedPath = ole.filePath(QStringLiteral("encrypted"));
    QVERIFY(
        writeCompoundFile(encryptedPath, {{QStringLiteral("EncryptionInfo"), QByteArray(256, '\x04')},
                                          {QStringLiteral("EncryptedPackage"), QByteArray(5000, '\x5a')}}));
    QFile encryptedFile(encryptedPath);
    QVERIFY(encryptedFile.open(QIODevice::ReadOnly));
    const QByteArray encrypted = encryptedFile.readAll();
    QTest::newRow("password") << QStringLiteral("花名册.xlsx") << encrypted << QStringList()
                              << static_cast<int>(FileFormat::Kind::Encrypted) << QStringLiteral("password");
    QTest::newRow("xlsb") << QStringLiteral("花名册.xlsx") << QByteArray()
                          << QStringList{QStringLiteral("[Content_Types].xml"),
                                         QStringLiteral("xl/workbook.bin")}
                          << static_cast<int>(FileFormat::Kind::Xlsb) << QStringLiteral(".xlsb");
    QTest::newRow("word") << QStringLiteral("花名册.docx") << QByteArray()
                          << QStringList{QStringLiteral("[Content_Types].xml"),
                                         QStringLiteral("word/document.xml")}
                          << static_cast<int>(FileFormat::Kind::OtherZip) << QStringLiteral("Word");
    QTest::newRow("picture") << QStringLiteral("花名册.xlsx")
                             << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
                                           33)
                             << QStringList() << static_cast<int>(FileFormat::Kind::OtherBinary)
                             << QStringLiteral("not a spreadsheet");
    QTest::newRow("lock file") << QStringLiteral("~$花名册.xlsx") << QByteArray(165, '\x05') << QStringList()
                               << static_cast<int>(FileFormat::Kind::LockFile)
                               << QStringLiteral("Choose 花名册.xlsx");
    QTest::newRow("LibreOffice lock")
        << QStringLiteral(".~lock.花名册.xlsx#")
        << QByteArray(",张三,PC-01,张三,28.11.2026 09:12,file:///C:/Users/a;\n") << QStringList()
        << static_cast<int>(FileFormat::Kind::LockFile) << QStringLiteral("Choose 花名册.xlsx");
    QTest::newRow("single-file web page")
        << QStringLiteral("花名册.xls")
        << QByteArray("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"\r\n")
        << QStringList() << static_cast<int>(FileFormat::Kind::WebArchive) << QStringLiteral(".mht");
    QTest::newRow("rich text") << QStringLiteral("花名册.xls") << QByteArray("{\\rtf1\\ansi 姓名 身份证号码}")
                               << QStringList() << static_cast<int>(FileFormat::Kind::OtherBinary)
                               << QStringLiteral("not a spreadsheet");
    // Formats other programs (SheetJS, LibreOffice, Numbers) write, named for what they are.
    QTest::newRow("Excel 2.x") << QStringLiteral("花名册.xls")
                               << QByteArray("\x09\x00\x04\x00\x02\x00\x10\x00\x04\x00\x00\x00", 12)
                               << QStringList() << static_cast<int>(FileFormat::Kind::OldExcel)
                               << QStringLiteral("Excel 4.0 or earlier");
    QTest::newRow("flat ods") << QStringLiteral("花名册.fods")
                              << QByteArray(
                                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document "
                                     "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                                     "office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">")
                              << QStringList() << static_cast<int>(FileFormat::Kind::FlatOds)
                              << QStringLiteral(".fods");
    QTest::newRow("numbers") << QStringLiteral("花名册.numbers") << QByteArray()
                             << QStringList{QStringLiteral("Index/Document.iwa"),
                                            QStringLiteral("Metadata/x.plist")}
                             << static_cast<int>(FileFormat::Kind::Numbers) << QStringLiteral("Numbers");
    QTest::newRow("sylk") << QStringLiteral("花名册.slk")
                          << QByteArray(
                                 "ID;PWXL;N;E\r\nC;Y1;X1;K\"姓名\"\r\nC;Y1;X2;K\"身份证号码\"\r\nE\r\n")
                          << QStringList() << static_cast<int>(FileFormat::Kind::ExchangeText)
                          << QStringLiteral("SYLK");
    QTest::newRow("dif") << QStringLiteral("花名册.dif")
                         << QByteArray("TABLE\r\n0,1\r\n\"sheetjs\"\r\nVECTORS\r\n0,2\r\n\"\"\r\n")
                         << QStringList() << static_cast<int>(FileFormat::Kind::ExchangeText)
                         << QStringLiteral("DIF");
    QByteArray dbf(65 + 20, '\0');
    dbf[0] = '\x03';
    dbf[1] = 124;
    dbf[2] = 11;
    dbf[3] = 28;
    qToLittleEndian<quint16>(65, dbf.data() + 8);
    qToLittleEndian<quint16>(20, dbf.data() + 10);
    dbf.replace(32, 4, "NAME");
    dbf[43] = 'C';
    dbf[64] = '\x0D';
    QTest::newRow("dbase") << QStringLiteral("花名册.dbf") << dbf << QStringList()
                           << static_cast<int>(FileFormat::Kind::Dbase) << QStringLiteral("dBase");
    const QByteArray gzip("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03\xB3\xB1\xAF\xC8\xCD\x51\x00\x00", 18);
    QTest::newRow("gnumeric") << QStringLiteral("花名册.gnumeric") << gzip << QStringList()
                              << static_cast<int>(FileFormat::Kind::Gnumeric) << QStringLiteral("Gnumeric");
    QTest::newRow("gnumeric xml") << QStringLiteral("花名册.xml")
                                  << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gnm:Workbook "
                                                "xmlns:gnm=\"http://www.gnumeric.org/v10.dtd\"><gnm:Sheets>")
                                  << QStringList() << static_cast<int>(FileFormat::Kind::Gnumeric)
                                  << QStringLiteral("Gnumeric");
    QTest::newRow("gzip") << QStringLiteral("花名册.xls") << gzip << QStringList()
                          << static_cast<int>(FileFormat::Kind::OtherBinary)
                          << QStringLiteral("not a spreadsheet");
    // A workbook cut short before its workbook stream: libgsf lists only SheetJS's marker stream.
    const QString cutPath = ole.filePath(QStringLiteral("cut"));
    QVERIFY(writeCompoundFile(cutPath, {{QStringLiteral("\x01Sh33tJ5"), QByteArray(64, '\x01')}}));
    QFile cutFile(cutPath);
    QVERIFY(cutFile.open(QIODevice::ReadOnly));
    QTest::newRow("compound file without its workbook")
        << QStringLiteral("花名册.xls") << cutFile.readAll() << QStringList()
        << static_cast<int>(FileFormat::Kind::Xls) << QStringLiteral("damaged");
    QTest::newRow("broken zip") << QStringLiteral("花名册.xlsx") << QByteArray("PK\x03\x04 not a workbook")
                                << QStringList() << static_cast<int>(FileFormat::Kind::Unknown)
                                << QStringLiteral("damaged");
}

void TstFileFormat::refusesWhatIsNoRoster()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, entries);
    QFETCH(int, format);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QVERIFY(bytes.isEmpty() ? writeZip(path, entries) : writeFile(path, bytes));
    QCOMPARE(static_cast<int>(FileFormat::detect(path)), format);
    Workbook workbook;
    QString error;
    QVERIFY(!SheetReader::readFile(path, &workbook, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
}

// A web page's table as Excel shows it: a title over all columns, a cell spanning rows, line breaks,
// unclosed cells, a layout table around the data.
void TstFileFormat::readsHtmlTables()
{
    const QString page =
        QStringLiteral(
            "<!DOCTYPE html><html><head><title>导出</title><script>var t = '<table>';</script>"
            "</head><body><table><tr><td>页眉</td></tr><tr><td>"
            "<table><thead><tr><th colspan=\"4\">XX公司工会会员花名册</th></tr>"
            "<tr><th>姓名</th><th>身份证号码</th><th>工作单位</th><th>备注</th></tr></thead>"
            "<tbody><tr><td>&nbsp;%1 </td><td>%2</td><td rowspan=\"2\">一车间</td><td>调入<br>2020年"
            "</td></tr><tr><td>%3<td>\n   %4\n</tr></tbody></table></td></tr></table></body></html>")
            .arg(TestStore::sampleName(1), TestStore::sampleIdNumber(1), TestStore::sampleName(2),
                 TestStore::sampleIdNumber(2));
    const Workbook workbook = HtmlTableReader::parse(page.toUtf8());
    QCOMPARE(workbook.sheets.size(), 1); // the data table, not the layout table around it
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.rows.size(), 4);
    QCOMPARE(sheet.rows.at(0).size(), 4);
    QCOMPARE(sheet.rows.at(0).at(3).text, QStringLiteral("XX公司工会会员花名册"));
    QCOMPARE(sheet.rows.at(2).at(3).text, QStringLiteral("调入\n2020年"));
    QCOMPARE(sheet.rows.at(3).at(1).text, TestStore::sampleIdNumber(2));
    QCOMPARE(sheet.rows.at(3).at(2).text, QStringLiteral("一车间"));
    QCOMPARE(sheet.rows.at(1).at(1).type, SheetCell::Type::Text);

    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    QVERIFY(map);
    QCOMPARE(map->headerRow(), 1);
    TestStore t;
    const ImportPlan plan = ImportPlan::build(sheet, *map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rows().at(0).member.name, TestStore::sampleName(1));
    QCOMPARE(plan.rows().at(1).member.employer, QStringLiteral("一车间"));

    // Excel's and LibreOffice's web pages keep a date's serial day beside what they show (here the
    // year and month); a row hidden in the workbook is styled display:none.
    const QString exported =
        QStringLiteral("<table><tr><td>姓名</td><td>身份证号码</td><td>入会时间</td></tr>"
                       "<tr><td>%1</td><td>%2</td><td x:num=\"40315\">2010.05</td></tr>"
                       "<tr style=\"display: none\"><td>%3</td><td>%4</td><td sdval=\"42078\" "
                       "sdnum=\"2052;0;YYYY&quot;年&quot;M&quot;月&quot;\">2015年3月</td></tr>"
                       "<tr><td>%5</td><td>%6</td><td x:num=\"40315\">2011.05</td></tr></table>")
            .arg(TestStore::sampleName(3), TestStore::sampleIdNumber(3), TestStore::sampleName(4),
                 TestStore::sampleIdNumber(4), TestStore::sampleName(5), TestStore::sampleIdNumber(5));
    const Sheet dated = HtmlTableReader::parse(exported.toUtf8()).sheets.first();
    QCOMPARE(dated.rows.at(1).at(2).date, QDate(2010, 5, 17));
    QCOMPARE(dated.rows.at(2).at(2).date, QDate(2015, 3, 15));
    // A serial that disagrees with what the page shows is not taken.
    QCOMPARE(dated.rows.at(3).at(2).type, SheetCell::Type::Text);
    QCOMPARE(dated.hiddenRows, QSet<int>{2});
    // A number shown as it is, a 工号 in the serial range, stays what it shows.
    const Sheet numbered =
        HtmlTableReader::parse(QByteArray("<table><tr><td>工号</td></tr><tr><td x:num=\"43835\">43835</td>"
                                          "</tr><tr><td x:num>1234</td></tr></table>"))
            .sheets.first();
    QCOMPARE(numbered.rows.at(1).at(0).type, SheetCell::Type::Text);
    QCOMPARE(numbered.rows.at(1).at(0).text, QStringLiteral("43835"));
    QCOMPARE(numbered.rows.at(2).at(0).text, QStringLiteral("1234"));
    // Hidden through the page's style sheet, or by the hidden attribute.
    const QString styled =
        QStringLiteral("<html><head><style>td { padding: 2px }\n.x-grid-row-hide, .gone {display : none;}"
                       "</style></head><body><table><tr><td>姓名</td><td>身份证号码</td></tr>"
                       "<tr class=\"row x-grid-row-hide\"><td>甲</td><td>1</td></tr>"
                       "<tr class=\"row\"><td>乙</td><td>2</td></tr><tr hidden><td>丙</td><td>3</td></tr>"
                       "<tr class=\"gone\"><td>丁</td><td>4</td></tr></table></body></html>");
    QCOMPARE(HtmlTableReader::parse(styled.toUtf8()).sheets.first().hiddenRows, (QSet<int>{1, 3, 4}));

    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.xls"));
    QVERIFY(writeFile(empty, "<html><body><p>没有数据</p></body></html>"));
    Workbook none;
    QString error;
    QVERIFY(!SheetReader::readFile(empty, &none, &error));
    QVERIFY2(error.contains(QStringLiteral("without a table")), qPrintable(error));
}

// Excel 2003 XML keeps its cell types: a date cell is a date, an ID number typed as a number has lost
// digits and is refused as such.
void TstFileFormat::readsExcel2003Xml()
{
    const QString xml =
        QStringLiteral(
            "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
            "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Styles><Style "
            "ss:ID=\"d\"><NumberFormat "
            "ss:Format=\"Short Date\"/></Style></Styles><Worksheet ss:Name=\"会员\"><Table>"
            "<Row><Cell><Data ss:Type=\"String\">姓名</Data></Cell><Cell><Data ss:Type=\"String\">身份证号码"
            "</Data></Cell><Cell><Data ss:Type=\"String\">入会日期</Data></Cell></Row>"
            "<Row><Cell><Data ss:Type=\"String\">%1</Data></Cell><Cell><Data ss:Type=\"String\">%2</Data>"
            "</Cell><Cell ss:StyleID=\"d\"><Data ss:Type=\"DateTime\">2020-01-05T00:00:00.000</Data></Cell>"
            "</Row><Row><Cell><Data ss:Type=\"String\">%3</Data></Cell><Cell><Data ss:Type=\"Number\">%4"
            "</Data></Cell></Row><Row><Cell><Data ss:Type=\"String\">%5</Data></Cell><Cell><Data "
            "ss:Type=\"Number\">%6</Data></Cell></Row></Table></Worksheet></Workbook>")
            .arg(TestStore::sampleName(1), TestStore::sampleIdNumber(1), TestStore::sampleName(2),
                 // As Excel 2003 writes an ID number typed into a number cell: digits lost.
                 QString::number(TestStore::sampleIdNumber(2).toDouble(), 'E', 16), TestStore::sampleName(4),
                 // A web exporter's "number" with every digit (and the final X) written out.
                 QStringLiteral("32010219771217002X"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("会员导出.xls"));
    QVERIFY(writeFile(path, xml.toUtf8()));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.first().name, QStringLiteral("会员"));
    const std::optional<HeaderMap> map = HeaderMap::detect(workbook.sheets.first());
    QVERIFY(map);
    TestStore t;
    const ImportPlan plan = ImportPlan::build(workbook.sheets.first(), *map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2020-01-05"));
    QCOMPARE(plan.rows().at(1).status, ImportRow::Status::Error);
    QCOMPARE(plan.rows().at(2).member.idNumber, QStringLiteral("32010219771217002X"));

    // An old list hidden before the roster (<Visible>SheetHidden</Visible>, as Excel 2003 writes it):
    // the visible roster is chosen.
    QString hiddenFirst = xml;
    hiddenFirst.replace(
        QStringLiteral("<Worksheet ss:Name=\"会员\">"),
        QStringLiteral(
            "<Worksheet ss:Name=\"旧名单\"><Table><Row><Cell><Data ss:Type=\"String\">姓名</Data></Cell>"
            "<Cell><Data ss:Type=\"String\">身份证号码</Data></Cell></Row><Row><Cell><Data "
            "ss:Type=\"String\">%1</Data></Cell><Cell><Data ss:Type=\"String\">%2</Data></Cell>"
            "</Row></Table><WorksheetOptions xmlns=\"urn:schemas-microsoft-com:office:excel\">"
            "<Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>"
            "<Worksheet ss:Name=\"会员\">")
            .arg(TestStore::sampleName(3), TestStore::sampleIdNumber(3)));
    QVERIFY(writeFile(path, hiddenFirst.toUtf8()));
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 2);
    QVERIFY(workbook.sheets.at(0).hidden);
    QVERIFY(!workbook.sheets.at(1).hidden);
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    QCOMPARE(choice->sheet, 1);

    // <Date1904/> (a Mac workbook): a date typed as a plain number counts from 1904-01-01; a date
    // cell is ISO text either way.
    for (const bool mac : {true, false}) {
        const QString dates =
            QStringLiteral(
                "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
                "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">%1<Worksheet "
                "ss:Name=\"会员\"><Table>"
                "<Row><Cell><Data ss:Type=\"String\">姓名</Data></Cell><Cell><Data "
                "ss:Type=\"String\">身份证号码"
                "</Data></Cell><Cell><Data ss:Type=\"String\">入会日期</Data></Cell></Row>"
                "<Row><Cell><Data ss:Type=\"String\">%2</Data></Cell><Cell><Data ss:Type=\"String\">%3</Data>"
                "</Cell><Cell><Data "
                "ss:Type=\"Number\">42373</Data></Cell></Row></Table></Worksheet></Workbook>")
                .arg(mac ? QStringLiteral("<ExcelWorkbook xmlns=\"urn:schemas-microsoft-com:office:excel\">"
                                          "<Date1904/></ExcelWorkbook>")
                         : QString(),
                     TestStore::sampleName(1), TestStore::sampleIdNumber(1));
        QVERIFY(writeFile(path, dates.toUtf8()));
        QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
        const std::optional<HeaderMap> dateMap = HeaderMap::detect(workbook.sheets.first());
        QVERIFY(dateMap);
        const ImportPlan datePlan =
            ImportPlan::build(workbook.sheets.first(), *dateMap, t.store(), t.root().id);
        QCOMPARE(datePlan.rows().at(0).member.joinDate,
                 mac ? QStringLiteral("2020-01-05") : QStringLiteral("2016-01-04"));
    }
}

// LibreOffice's .xls protected with the password 123 (fuzz corpus): FreeXL opens it as nothing.
void TstFileFormat::refusesPasswordProtectedXls()
{
    const QString path = kCorpus + QStringLiteral("/roster-password-123.xls");
    QVERIFY(QFile::exists(path));
    QCOMPARE(FileFormat::detect(path), FileFormat::Kind::Xls);
    Workbook workbook;
    QString error;
    QVERIFY(!SheetReader::readFile(path, &workbook, &error)); // through uniondesk-xls-reader
    QVERIFY2(error.contains(QStringLiteral("password")), qPrintable(error));
    error.clear();
    QVERIFY(!FreeXlReader().read(path, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("password")), qPrintable(error));
}

// Excel encrypts a workbook whose structure is protected with its built-in password
// "VelvetSweatshop" and opens it without asking; such forms came back "protected with a password".
// Each corpus file is an encrypted copy of another: LibreOffice's Office 97 RC4 of roster-three-sheets.xls,
// and RC4 CryptoAPI (as Excel 2003 and later write it; LibreOffice reads it as the original) of
// roster-filtered.xls with its hidden rows.
void TstFileFormat::readsXlsEncryptedWithTheBuiltInPassword_data()
{
    QTest::addColumn<QString>("encrypted");
    QTest::addColumn<QString>("original");
    QTest::newRow("rc4") << QStringLiteral("roster-velvetsweatshop-rc4.xls")
                         << QStringLiteral("roster-three-sheets.xls");
    QTest::newRow("cryptoapi") << QStringLiteral("roster-velvetsweatshop-cryptoapi.xls")
                               << QStringLiteral("roster-filtered.xls");
}

void TstFileFormat::readsXlsEncryptedWithTheBuiltInPassword()
{
    QFETCH(QString, encrypted);
    QFETCH(QString, original);
    const QString path = kCorpus + QLatin1Char('/') + encrypted;
    QVERIFY(BiffSheetAttributes::encrypted(CompoundFile(path).stream(QStringLiteral("Workbook"), 1 << 20)));
    Workbook expected;
    Workbook workbook;
    QString error;
    QVERIFY2(FreeXlReader().read(kCorpus + QLatin1Char('/') + original, &expected, &error),
             qPrintable(error));
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error)); // uniondesk-xls-reader
    QCOMPARE(workbook.sheets.size(), expected.sheets.size());
    QCOMPARE(WorkbookCodec::encode(workbook), WorkbookCodec::encode(expected));
    bool hiddenRows = false;
    for (const Sheet& sheet : workbook.sheets)
        hiddenRows = hiddenRows || !sheet.hiddenRows.isEmpty();
    QVERIFY(hiddenRows); // read from the decrypted records too
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    TestStore t;
    const ImportPlan plan =
        ImportPlan::build(workbook.sheets.at(choice->sheet), choice->map, t.store(), t.root().id);
    QVERIFY(plan.validCount() >= 5);
}

// Workbooks SheetJS (JavaScript, behind many web systems' "export to Excel") writes as .xls, which
// Excel and LibreOffice open and FreeXL refused as damaged: a blank 备注 written as an empty text
// cell, and a small workbook laid out in the compound file's "mini stream".
void TstFileFormat::readsXlsFreeXlRefuses_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("members");
    QTest::addColumn<int>("emptyTexts");
    QTest::addColumn<int>("emptyShared"); // empty strings in the shared string table ("bookSST")
    QTest::newRow("blank notes") << QStringLiteral("roster-sheetjs-blank-notes.xls") << 80 << 12 << 0;
    QTest::newRow("small") << QStringLiteral("roster-sheetjs-small.xls") << 3 << 0 << 0;
    QTest::newRow("bookSST") << QStringLiteral("roster-sheetjs-sst-blank-notes.xls") << 3 << 0 << 1;
}

// FreeXL 1.0.6 crashes on some damaged workbooks (tests/fuzz/upstream): read in the helper process,
// such a file is refused with a message and the program goes on.
void TstFileFormat::survivesXlsThatCrashFreeXl()
{
    Workbook workbook;
    QString error;
    const QString path =
        QStringLiteral(QT_TESTCASE_SOURCEDIR "/../fuzz/upstream/freexl-1.0.6-formula-record.xls");
    QVERIFY(!SheetReader::readFile(path, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("freexl-1.0.6-formula-record.xls")) && error.contains(u".xlsx"),
             qPrintable(error));
    QVERIFY(workbook.sheets.isEmpty());
    // With debug logging on, the helper's log lines stay out of the clerk's message.
    QTemporaryDir dir;
    const QString garbage = dir.filePath(QStringLiteral("乱码.xls"));
    QVERIFY(writeCompoundFile(garbage, {{QStringLiteral("Workbook"), QByteArray(600, 'x')}}));
    qputenv("QT_LOGGING_RULES", "uniondesk.io.debug=true");
    const bool read = SheetReader::readFile(garbage, &workbook, &error);
    qunsetenv("QT_LOGGING_RULES");
    QVERIFY(!read);
    QVERIFY2(error.startsWith(QStringLiteral("乱码.xls")) && !error.contains(u"uniondesk.io") &&
                 !error.contains(u'\n'),
             qPrintable(error));
    // Whether this one crashes depends on the stack (AddressSanitizer sees it); it never ends this process.
    SheetReader::readFile(
        QStringLiteral(QT_TESTCASE_SOURCEDIR "/../fuzz/upstream/freexl-1.0.6-font-name.xls"), &workbook,
        &error);
}

void TstFileFormat::readsXlsFreeXlRefuses()
{
    QFETCH(QString, name);
    QFETCH(int, members);
    QFETCH(int, emptyTexts);
    QFETCH(int, emptyShared);
    const QString path = kCorpus + QLatin1Char('/') + name;
    QByteArray stream = CompoundFile(path).stream(QStringLiteral("Workbook"), 1 << 20);
    QVERIFY(!stream.isEmpty());
    QCOMPARE(BiffStreamMends::mend(&stream), emptyTexts);
    QCOMPARE(BiffStreamMends::mend(&stream), 0);
    QCOMPARE(BiffSharedStrings::mendEmptyStrings(&stream), emptyShared);
    QCOMPARE(BiffSharedStrings::mendEmptyStrings(&stream), 0);
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error)); // uniondesk-xls-reader
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    const Sheet& sheet = workbook.sheets.at(choice->sheet);
    TestStore t;
    const ImportPlan plan = ImportPlan::build(sheet, choice->map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), members);
    QCOMPARE(plan.rejectedCount(), 0);
    // The cells beside a blank one are read as they are.
    const int notes = choice->map.columnOf(QStringLiteral("notes"));
    QVERIFY(notes >= 0);
    int blank = 0;
    for (int r = choice->map.headerRow() + 1; r < sheet.rows.size(); ++r) {
        blank += sheet.rows.at(r).value(notes).isEmpty() ? 1 : 0;
        QVERIFY(!sheet.rows.at(r).value(choice->map.columnOf(QStringLiteral("idNumber"))).isEmpty());
    }
    // One empty shared string may stand in several cells.
    QVERIFY(blank >= emptyTexts + emptyShared);
    QCOMPARE(emptyShared > 0, blank > emptyTexts);
}

void TstFileFormat::decryptsBiffStreams()
{
    // RC4 itself, against published test vectors.
    const auto rc4 = [](const char* key, QByteArray text) -> QByteArray {
        Rc4(QByteArrayView(key)).apply(text.data(), text.size());
        return text.toHex();
    };
    QCOMPARE(rc4("Key", "Plaintext"), QByteArray("bbf316e8d940af0ad3"));
    QCOMPARE(rc4("Wiki", "pedia"), QByteArray("1021bf0420"));
    QCOMPARE(rc4("Secret", "Attack at dawn"), QByteArray("45a01f645fc35b383552544b9bf5"));
    QByteArray skipped("Attack at dawn");
    Rc4 cipher{QByteArrayView("Secret")};
    cipher.skip(7);
    cipher.apply(skipped.data() + 7, 7);
    QCOMPARE(skipped.mid(7).toHex(), QByteArray("383552544b9bf5"));

    const auto workbookStream = [](const QString& name) -> QByteArray {
        return CompoundFile(kCorpus + QLatin1Char('/') + name).stream(QStringLiteral("Workbook"), 1 << 20);
    };
    // A password the clerk set (123 in LibreOffice's RC4, "secret" in CryptoAPI): the built-in one
    // does not open it and the stream stays as it was; the right one does.
    for (const auto& [name, password] : {std::pair{"roster-password-123.xls", "123"},
                                         std::pair{"roster-password-secret-cryptoapi.xls", "secret"}}) {
        QByteArray stream = workbookStream(QString::fromLatin1(name));
        QVERIFY(BiffSheetAttributes::encrypted(stream));
        const QByteArray before = stream;
        QCOMPARE(BiffDecryption::decrypt(&stream, BiffDecryption::builtInPassword()),
                 BiffDecryption::Outcome::WrongPassword);
        QCOMPARE(stream, before);
        QCOMPARE(BiffDecryption::decrypt(&stream, QString::fromLatin1(password)),
                 BiffDecryption::Outcome::Decrypted);
        QVERIFY(!BiffSheetAttributes::encrypted(stream));
        const QList<BiffSheetAttributes::Entry> entries = BiffSheetAttributes::read(stream);
        QVERIFY(!entries.isEmpty());
        QVERIFY(entries.first().complete);
        // Once decrypted, there is nothing left to decrypt.
        QCOMPARE(BiffDecryption::decrypt(&stream, QString::fromLatin1(password)),
                 BiffDecryption::Outcome::Plain);
    }
    QByteArray plain = workbookStream(QStringLiteral("roster-libreoffice.xls"));
    const QByteArray plainBefore = plain;
    QCOMPARE(BiffDecryption::decrypt(&plain, BiffDecryption::builtInPassword()),
             BiffDecryption::Outcome::Plain);
    QCOMPARE(plain, plainBefore);
    // XOR obfuscation and a FILEPASS record cut short are not read.
    const auto record = [](quint16 type, const QByteArray& data) -> QByteArray {
        QByteArray bytes(4, '\0');
        qToLittleEndian(type, bytes.data());
        qToLittleEndian(static_cast<quint16>(data.size()), bytes.data() + 2);
        return bytes + data;
    };
    const QByteArray bof = record(0x0809, QByteArray("\x00\x06\x05\x00", 4) + QByteArray(12, '\0'));
    const QByteArray eof = record(0x000A, {});
    QByteArray xorStream = bof + record(0x002F, QByteArray("\x00\x00\x12\x34\x56\x78", 6)) + eof;
    QCOMPARE(BiffDecryption::decrypt(&xorStream, BiffDecryption::builtInPassword()),
             BiffDecryption::Outcome::UnknownMethod);
    QByteArray cutStream = bof + record(0x002F, QByteArray("\x01\x00\x01\x00\x01\x00", 6)) + eof;
    QCOMPARE(BiffDecryption::decrypt(&cutStream, BiffDecryption::builtInPassword()),
             BiffDecryption::Outcome::UnknownMethod);
    QByteArray cutCryptoApi =
        bof + record(0x002F, QByteArray("\x01\x00\x04\x00\x02\x00\x04\x00\x00\x00\xff\xff\x00\x00", 14)) +
        eof;
    QCOMPARE(BiffDecryption::decrypt(&cutCryptoApi, BiffDecryption::builtInPassword()),
             BiffDecryption::Outcome::UnknownMethod);
}

// A print area or title rows repeated on every page are named ranges in an .ods ($花名册.$A$1:.$B$3);
// liborcus resolves them against the sheets it knows, and gave up on the whole file before.
// The packaging standard writes a part named in Chinese percent-encoded in its relationship; the
// sheet was reported missing.
void TstFileFormat::readsPercentEncodedPartNames()
{
    QTemporaryDir dir;
    const QString rows = headerAndOneMember();
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("plain.xlsx"), {rows}));
    QVERIFY(QFile::rename(dir.filePath(QStringLiteral("xl/worksheets/sheet1.xml")),
                          dir.filePath(QStringLiteral("xl/worksheets/花名册.xml"))));
    QFile rels(dir.filePath(QStringLiteral("xl/_rels/workbook.xml.rels")));
    QVERIFY(rels.open(QIODevice::ReadWrite));
    QByteArray xml = rels.readAll();
    QVERIFY(xml.contains("worksheets/sheet1.xml"));
    xml.replace("worksheets/sheet1.xml", "worksheets/%E8%8A%B1%E5%90%8D%E5%86%8C.xml");
    QVERIFY(rels.resize(0) && rels.write(xml) == xml.size());
    rels.close();
    const QString path = dir.filePath(QStringLiteral("encoded.xlsx"));
    QVERIFY(writeHandMadeZip(dir.path(), path,
                             {QStringLiteral("[Content_Types].xml"), QStringLiteral("_rels/.rels"),
                              QStringLiteral("xl/workbook.xml"), QStringLiteral("xl/_rels/workbook.xml.rels"),
                              QStringLiteral("xl/styles.xml"), QStringLiteral("xl/worksheets/花名册.xml")}));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.first().rows.size(), 2);
    QCOMPARE(workbook.sheets.first().rows.at(1).value(1).text, TestStore::sampleIdNumber(1));
}

// Some Windows programs zip an .xlsx with backslashes in the part names (xl\worksheets\sheet1.xml);
// liborcus found no part and the roster read as "no sheet with a header row".
void TstFileFormat::readsPartsNamedWithBackslashes()
{
    QTemporaryDir dir;
    const QString rows = headerAndOneMember();
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("plain.xlsx"), {rows}));
    // The same parts as flat files whose names hold the backslashes, zipped as they are.
    const QDir flat(dir.filePath(QStringLiteral("flat")));
    QVERIFY(QDir().mkpath(flat.path()));
    QStringList names;
    for (const QString& part :
         {QStringLiteral("[Content_Types].xml"), QStringLiteral("_rels/.rels"),
          QStringLiteral("xl/workbook.xml"), QStringLiteral("xl/_rels/workbook.xml.rels"),
          QStringLiteral("xl/styles.xml"), QStringLiteral("xl/worksheets/sheet1.xml")}) {
        const QString name = QString(part).replace(QLatin1Char('/'), QLatin1Char('\\'));
        QVERIFY(QFile::copy(dir.filePath(part), flat.filePath(name)));
        names.append(name);
    }
    const QString path = dir.filePath(QStringLiteral("反斜杠.xlsx"));
    QVERIFY(writeHandMadeZip(flat.path(), path, names));
    QCOMPARE(FileFormat::detect(path), FileFormat::Kind::Xlsx);
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 1);
    QCOMPARE(workbook.sheets.first().rows.size(), 2);
    QCOMPARE(workbook.sheets.first().rows.at(1).value(0).text, TestStore::sampleName(1));
    QCOMPARE(workbook.sheets.first().rows.at(1).value(1).text, TestStore::sampleIdNumber(1));
}

// LibreOffice writes two rows typed alike as one row repeated twice; liborcus filled the first only,
// so the second member row came out empty and was passed over without a word.
// liborcus hands on only the numeric results of .ods formulas, reads a true/false cell as 1 or 0, and
// gives a cell without a style the first automatic style, which SheetJS makes a date style: 3.5 in a
// 备注 column became 1900-01-02, TRUE 1899-12-31, a =VLOOKUP(…) showing 在职 nothing.
void TstFileFormat::readsOdsValuesLiborcusMisses()
{
    const QString styles = QStringLiteral(
        "<number:date-style style:name=\"N37\"><number:year/><number:text>/</number:text><number:month/>"
        "</number:date-style><style:style style:name=\"ce1\" style:family=\"table-cell\" "
        "style:parent-style-name=\"Default\" style:data-style-name=\"N37\"/>");
    const auto text = [](const QString& s) -> QString {
        return QStringLiteral(
                   "<table:table-cell office:value-type=\"string\"><text:p>%1</text:p></table:table-cell>")
            .arg(s);
    };
    QString tables = QStringLiteral("<table:table table:name=\"会员\"><table:table-row>");
    for (const char* header :
         {"姓名", "身份证号码", "民族", "入会日期", "备注", "会员卡号", "工作单位", "岗位"})
        tables += text(QString::fromUtf8(header));
    tables +=
        QStringLiteral("</table:table-row><table:table-row>") + text(TestStore::sampleName(1)) +
        text(TestStore::sampleIdNumber(1)) +
        // SheetJS: a text result as paragraphs only; LibreOffice adds office:string-value.
        QStringLiteral(
            "<table:table-cell table:formula=\"of:=&quot;汉族&quot;\" office:value-type=\"string\">"
            "<text:p>汉族</text:p></table:table-cell>"
            "<table:table-cell table:formula=\"of:=DATE(2020;1;5)\" office:value-type=\"date\" "
            "office:date-value=\"2020-01-05T00:00:00\" table:style-name=\"ce1\"><text:p>2020/1</text:p>"
            "</table:table-cell>"
            "<table:table-cell office:value-type=\"float\" office:value=\"3.5\"><text:p>3.5</text:p>"
            "</table:table-cell>"
            "<table:table-cell office:value-type=\"boolean\" "
            "office:boolean-value=\"true\"><text:p>TRUE</text:p>"
            "</table:table-cell>"
            "<table:table-cell table:formula=\"of:=&quot;XX公司&quot;&amp;&quot;生产部&quot;\" "
            "office:value-type=\"string\" office:string-value=\"XX公司生产部\" calcext:value-type=\"string\">"
            "<text:p>XX公司生产部</text:p></table:table-cell>"
            // Spaces after the first of a run are written as <text:s/>, which liborcus drops.
            "<table:table-cell office:value-type=\"string\"><text:p>甲 <text:s/>乙<text:s text:c=\"2\"/>丙"
            "</text:p></table:table-cell></table:table-row><table:table-row>") +
        text(TestStore::sampleName(2)) + text(TestStore::sampleIdNumber(2)) +
        QStringLiteral(
            "<table:table-cell table:formula=\"of:=VLOOKUP(1;$Z$1:$Z$2;2;0)\" office:value-type=\"string\" "
            "office:string-value=\"\" calcext:value-type=\"error\"><text:p>#N/A</text:p></table:table-cell>"
            "<table:table-cell office:value-type=\"date\" office:date-value=\"2019-06-01\" "
            "table:style-name=\"ce1\"><text:p>2019/6</text:p></table:table-cell>"
            "<table:table-cell table:formula=\"of:=1+1\" office:value-type=\"float\" office:value=\"2\">"
            "<text:p>2</text:p></table:table-cell>"
            "<table:table-cell table:formula=\"of:=1=1\" office:value-type=\"boolean\" "
            "office:boolean-value=\"false\"><text:p>FALSE</text:p></table:table-cell>"
            "</table:table-row></table:table>");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("values.ods"));
    QVERIFY(writeHandMadeOds(path, tables, styles));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.rows.size(), 3);
    const QList<SheetCell>& first = sheet.rows.at(1);
    QCOMPARE(first.at(2).type, SheetCell::Type::Text);
    QCOMPARE(first.at(2).text, QStringLiteral("汉族"));
    QCOMPARE(first.at(3).type, SheetCell::Type::Date);
    QCOMPARE(first.at(3).date, QDate(2020, 1, 5));
    QCOMPARE(first.at(4).type, SheetCell::Type::Number);
    QCOMPARE(first.at(4).number, 3.5);
    QCOMPARE(first.at(5).type, SheetCell::Type::Boolean);
    QCOMPARE(first.at(5).number, 1.0);
    QCOMPARE(first.at(6).text, QStringLiteral("XX公司生产部"));
    QCOMPARE(first.at(7).text, QStringLiteral("甲  乙  丙"));
    const QList<SheetCell>& second = sheet.rows.at(2);
    QCOMPARE(second.at(2).text, QStringLiteral("#N/A")); // as Excel's error cells are read
    QCOMPARE(second.at(3).date, QDate(2019, 6, 1));
    QCOMPARE(second.at(4).type, SheetCell::Type::Number); // a number result, as liborcus reads it
    QCOMPARE(second.at(4).number, 2.0);
    QCOMPARE(second.at(5).type, SheetCell::Type::Boolean);
    QCOMPARE(second.at(5).number, 0.0);

    TestStore t;
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    QVERIFY(map);
    const ImportPlan plan = ImportPlan::build(sheet, *map, t.store(), t.root().id);
    QCOMPARE(plan.rows().size(), 2);
    QCOMPARE(plan.rows().at(0).member.ethnicity, QStringLiteral("汉族"));
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2020-01-05"));
    QCOMPARE(plan.rows().at(0).member.notes, QStringLiteral("3.5"));
    QCOMPARE(plan.rows().at(0).member.employer, QStringLiteral("XX公司生产部"));
    QCOMPARE(plan.rows().at(1).member.joinDate, QStringLiteral("2019-06-01"));
}

void TstFileFormat::readsRepeatedOdsRows()
{
    auto row = [](const QStringList& cells, int repeated) -> QString {
        QString xml =
            repeated > 1 ? QStringLiteral("<table:table-row table:number-rows-repeated=\"%1\">").arg(repeated)
                         : QStringLiteral("<table:table-row>");
        for (const QString& cell : cells)
            xml += QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>%1</text:p>"
                                  "</table:table-cell>")
                       .arg(cell);
        return xml + QStringLiteral("</table:table-row>");
    };
    const QString tables =
        QStringLiteral("<table:table table:name=\"花名册\">") +
        row({QStringLiteral("姓名"), QStringLiteral("身份证号码"), QStringLiteral("工作单位")}, 1) +
        row({TestStore::sampleName(1), TestStore::sampleIdNumber(1), QStringLiteral("一车间")}, 1) +
        row({TestStore::sampleName(2), TestStore::sampleIdNumber(2), QStringLiteral("二车间")}, 3) +
        row({TestStore::sampleName(3), TestStore::sampleIdNumber(3), QStringLiteral("三车间")}, 1) +
        // The empty rows LibreOffice repeats to the end of the sheet stay empty.
        QStringLiteral("<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell "
                       "table:number-columns-repeated=\"3\"/></table:table-row></table:table>");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("repeated.ods"));
    QVERIFY2(writeHandMadeOds(path, tables), "cannot make the .ods (is the zip tool missing?)");
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.rows.size(), 6);
    for (int r = 2; r <= 4; ++r) {
        QCOMPARE(sheet.rows.at(r).value(0).text, TestStore::sampleName(2));
        QCOMPARE(sheet.rows.at(r).value(2).text, QStringLiteral("二车间"));
    }
    QCOMPARE(sheet.rows.at(5).value(1).text, TestStore::sampleIdNumber(3));
    // So the importer sees the same person three times: the first is imported, the others reported.
    TestStore t;
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    QVERIFY(map);
    const ImportPlan plan = ImportPlan::build(sheet, *map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 3);
    QCOMPARE(plan.rejectedCount(), 2);
    QCOMPARE(plan.skippedCount(), 0);
}

void TstFileFormat::readsOdsWithNamedRanges()
{
    QString tables = QStringLiteral("<table:table table:name=\"花名册\">");
    for (const QStringList& row : {QStringList{QStringLiteral("姓名"), QStringLiteral("身份证号码")},
                                   QStringList{TestStore::sampleName(1), TestStore::sampleIdNumber(1)}}) {
        tables += QStringLiteral("<table:table-row>");
        for (const QString& cell : row)
            tables += QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>%1</text:p>"
                                     "</table:table-cell>")
                          .arg(cell);
        tables += QStringLiteral("</table:table-row>");
    }
    tables +=
        QStringLiteral("</table:table><table:named-expressions><table:named-range table:name=\"打印区域\" "
                       "table:base-cell-address=\"$花名册.$A$1\" "
                       "table:cell-range-address=\"$花名册.$A$1:.$B$2\" "
                       "table:range-usable-as=\"print-range repeat-row\"/></table:named-expressions>");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("print-area.ods"));
    QVERIFY2(writeHandMadeOds(path, tables), "cannot make the .ods (is the zip tool missing?)");
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.first().rows.size(), 2);
    QCOMPARE(workbook.sheets.first().rows.at(1).at(1).text, TestStore::sampleIdNumber(1));

    // A formula's text result: liborcus does not hand it on, but the file holds it; it is not a
    // formula "never calculated".
    const QString formulas =
        QStringLiteral(
            "<table:table table:name=\"花名册\"><table:table-row>"
            "<table:table-cell office:value-type=\"string\"><text:p>姓名</text:p></table:table-cell>"
            "<table:table-cell office:value-type=\"string\"><text:p>身份证号码</text:p></table:table-cell>"
            "<table:table-cell office:value-type=\"string\"><text:p>民族</text:p></table:table-cell>"
            "</table:table-row><table:table-row>"
            "<table:table-cell office:value-type=\"string\"><text:p>%1</text:p></table:table-cell>"
            "<table:table-cell office:value-type=\"string\"><text:p>%2</text:p></table:table-cell>"
            "<table:table-cell table:formula=\"of:=&quot;汉族&quot;\" office:value-type=\"string\" "
            "office:string-value=\"汉族\"><text:p>汉族</text:p></table:table-cell>"
            "</table:table-row></table:table>")
            .arg(TestStore::sampleName(1), TestStore::sampleIdNumber(1));
    const QString formulaPath = dir.filePath(QStringLiteral("formulas.ods"));
    QVERIFY(writeHandMadeOds(formulaPath, formulas));
    QVERIFY2(SheetReader::readFile(formulaPath, &workbook, &error), qPrintable(error));
    QVERIFY(!workbook.sheets.first().rows.at(1).value(2).uncalculatedFormula);
    TestStore t;
    const std::optional<HeaderMap> map = HeaderMap::detect(workbook.sheets.first());
    QVERIFY(map);
    const ImportPlan plan = ImportPlan::build(workbook.sheets.first(), *map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 1);
    QVERIFY(plan.problems().isEmpty());
}

// Legacy .xls saved by LibreOffice (fuzz corpus): FreeXL reads the cells, BiffSheetAttributes the
// sheets and rows the clerk hid, which FreeXL does not report.
void TstFileFormat::readsHiddenSheetsAndRowsOfXls()
{
    Workbook workbook;
    QString error;
    // 说明 (hidden), 花名册 with row 6 hidden by hand, 旧名单 (hidden).
    QVERIFY2(SheetReader::readFile(kCorpus + QStringLiteral("/roster-hidden-sheets.xls"), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 3);
    QCOMPARE(workbook.sheets.at(1).name, QStringLiteral("花名册"));
    QVERIFY(workbook.sheets.at(0).hidden);
    QVERIFY(!workbook.sheets.at(1).hidden);
    QVERIFY(workbook.sheets.at(2).hidden);
    QCOMPARE(workbook.sheets.at(1).hiddenRows, (QSet<int>{5}));
    QVERIFY(workbook.sheets.at(2).hiddenRows.isEmpty());
    QString choiceError;
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &choiceError);
    QVERIFY2(choice, qPrintable(choiceError));
    QCOMPARE(choice->sheet, 1); // the visible roster, not the hidden old list beside it
    TestStore t;
    const ImportPlan plan = ImportPlan::build(workbook.sheets.at(1), choice->map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 8);
    QList<int> warned;
    for (const ImportProblem& p : plan.warnings())
        warned.append(p.row);
    QCOMPARE(warned, (QList<int>{6}));

    // Each of three sheets its own hidden rows.
    QVERIFY2(SheetReader::readFile(kCorpus + QStringLiteral("/roster-three-sheets.xls"), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 3);
    QCOMPARE(workbook.sheets.at(0).hiddenRows, (QSet<int>{3}));
    QCOMPARE(workbook.sheets.at(1).hiddenRows, (QSet<int>{2, 7, 9}));
    QCOMPARE(workbook.sheets.at(2).hiddenRows, (QSet<int>{5, 6}));
    // An AutoFilter showing only 男: the 女 rows are stored hidden.
    QVERIFY2(SheetReader::readFile(kCorpus + QStringLiteral("/roster-filtered.xls"), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.first().hiddenRows, (QSet<int>{3, 4, 6, 8}));
    for (const int row : workbook.sheets.first().hiddenRows)
        QCOMPARE(workbook.sheets.first().rows.at(row).at(2).text, QStringLiteral("女"));
    // Excel 95 (BIFF5): the stream is called "Book".
    QCOMPARE(CompoundFile(kCorpus + QStringLiteral("/roster-excel95.xls")).streamNames(),
             QStringList{QStringLiteral("Book")});
    QVERIFY2(SheetReader::readFile(kCorpus + QStringLiteral("/roster-excel95.xls"), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.first().name, QStringLiteral("花名册"));
    QCOMPARE(workbook.sheets.first().hiddenRows, (QSet<int>{4, 6}));

    QFile raw(kCorpus + QStringLiteral("/roster-hidden-sheets.biff"));
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QByteArray stream = raw.readAll();
    QTemporaryDir dir;
    // "Microsoft Excel 97 & 5.0/95" (and Gnumeric's excel_dsf) keep the workbook twice: the Excel 97
    // stream is read, the one whose cells the hidden rows come from, not the Excel 95 one (in which
    // Gnumeric writes Chinese as "?").
    const QByteArray book =
        CompoundFile(kCorpus + QStringLiteral("/roster-excel95.xls")).stream(QStringLiteral("Book"), 1 << 20);
    QVERIFY(!book.isEmpty());
    const QString dual = dir.filePath(QStringLiteral("双格式.xls"));
    for (const bool bookFirst : {true, false}) {
        QList<QPair<QString, QByteArray>> streams{{QStringLiteral("Workbook"), stream}};
        streams.insert(bookFirst ? 0 : 1, {QStringLiteral("Book"), book});
        QVERIFY(writeCompoundFile(dual, streams));
        QVERIFY2(SheetReader::readFile(dual, &workbook, &error), qPrintable(error));
        QCOMPARE(workbook.sheets.size(), 3);
        QCOMPARE(workbook.sheets.at(1).name, QStringLiteral("花名册"));
        QCOMPARE(workbook.sheets.at(2).name, QStringLiteral("旧名单"));
    }

    // A half-finished download: the end of the workbook stream is zeros. FreeXL read the rows before
    // them as if they were all; the sheet's missing end says it is damaged.
    QVERIFY(BiffSheetAttributes::read(stream).at(1).complete);
    stream.replace(stream.size() * 6 / 10, stream.size() - stream.size() * 6 / 10,
                   QByteArray(stream.size() - stream.size() * 6 / 10, '\0'));
    const QString cut = dir.filePath(QStringLiteral("花名册.xls"));
    QVERIFY(writeCompoundFile(cut, {{QStringLiteral("Workbook"), stream}}));
    QVERIFY(!SheetReader::readFile(cut, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("花名册.xls")) && error.contains(QStringLiteral("damaged")),
             qPrintable(error));
}

namespace {

QByteArray le16(int value)
{
    return QByteArray(1, static_cast<char>(value & 0xFF)) +
           QByteArray(1, static_cast<char>((value >> 8) & 0xFF));
}

QByteArray le32(quint32 value)
{
    QByteArray b(4, Qt::Uninitialized);
    qToLittleEndian(value, b.data());
    return b;
}

QByteArray record(int type, const QByteArray& data)
{
    return le16(type) + le16(static_cast<int>(data.size())) + data;
}

QByteArray bof()
{
    return record(0x0809, le16(0x0600) + le16(0x0010) + QByteArray(12, '\0'));
}

// A ROW record: row, first and last column, height (twips), two reserved words, option flags, format.
QByteArray row(int index, int flags)
{
    return record(0x0208,
                  le16(index) + le16(0) + le16(6) + le16(300) + le16(0) + le16(0) + le16(flags) + le16(0x0F));
}

QByteArray boundSheet(qsizetype offset, int state, int type)
{
    const auto o = static_cast<int>(offset);
    return record(0x0085, le16(o & 0xFFFF) + le16(o >> 16) + QByteArray(1, static_cast<char>(state)) +
                              QByteArray(1, static_cast<char>(type)) + QByteArray("\x01\x00S", 3));
}

} // namespace

// The record stream itself: sheet states, charts between the sheets and inside one, hidden rows,
// encryption and damage.
void TstFileFormat::readsBiffSheetAttributes()
{
    const QByteArray eof = record(0x000A, {});
    // A worksheet with rows 5 and 8 hidden (0x20, also with the outline level bits), a chart embedded
    // in it whose records are not the sheet's; a chart sheet; a "very hidden" worksheet.
    // B3:B5 merged (MERGEDCELLS: first row, last row, first column, last column).
    const QByteArray merged = record(0x00E5, le16(1) + le16(2) + le16(4) + le16(1) + le16(1));
    // Columns C:D hidden, E shown (COLINFO: first and last column, width, format, flags, reserved).
    const QByteArray columns =
        record(0x007D, le16(2) + le16(3) + le16(2000) + le16(0x0F) + le16(1) + le16(0)) +
        record(0x007D, le16(4) + le16(4) + le16(2000) + le16(0x0F) + le16(0) + le16(0));
    const QByteArray worksheet = bof() + columns + row(4, 0x20) + row(5, 0x00) + bof() + row(9, 0x20) + eof +
                                 row(7, 0x121) + merged + eof;
    const QByteArray chart = bof() + eof;
    const QByteArray veryHidden = bof() + row(0, 0x20) + eof;
    const qsizetype globalsSize = bof().size() + 3 * boundSheet(0, 0, 0).size() + eof.size();
    const qsizetype a = globalsSize;
    const qsizetype b = a + worksheet.size();
    const qsizetype c = b + chart.size();
    const QByteArray globals = bof() + boundSheet(a, 0, 0) + boundSheet(b, 1, 2) + boundSheet(c, 2, 0) + eof;
    QCOMPARE(globals.size(), globalsSize);
    const QByteArray stream = globals + worksheet + chart + veryHidden;

    const QList<BiffSheetAttributes::Entry> entries = BiffSheetAttributes::read(stream);
    QCOMPARE(entries.size(), 3);
    QVERIFY(!entries.at(0).hidden && entries.at(0).worksheet);
    QCOMPARE(entries.at(0).hiddenRows, (QSet<int>{4, 7}));
    QCOMPARE(entries.at(0).hiddenColumns, (QSet<int>{2, 3}));
    QVERIFY(entries.at(2).hiddenColumns.isEmpty());
    QCOMPARE(entries.at(0).merged.size(), 1);
    QCOMPARE(entries.at(0).merged.first().firstRow, 2);
    QCOMPARE(entries.at(0).merged.first().lastRow, 4);
    QCOMPARE(entries.at(0).merged.first().firstColumn, 1);
    QCOMPARE(entries.at(0).merged.first().lastColumn, 1);
    QVERIFY(entries.at(1).hidden && !entries.at(1).worksheet);
    QVERIFY(entries.at(2).hidden && entries.at(2).worksheet);
    QCOMPARE(entries.at(2).hiddenRows, (QSet<int>{0}));
    QVERIFY(!BiffSheetAttributes::encrypted(stream));

    // FreeXL listing every sheet, or the worksheets only: either way each gets its own.
    QList<Sheet> all(3);
    BiffSheetAttributes::apply(entries, &all);
    QCOMPARE(all.at(0).hiddenRows, (QSet<int>{4, 7}));
    QCOMPARE(all.at(0).hiddenColumns, (QSet<int>{2, 3}));
    QVERIFY(all.at(1).hidden);
    QList<Sheet> worksheets(2);
    BiffSheetAttributes::apply(entries, &worksheets);
    QCOMPARE(worksheets.at(0).hiddenRows, (QSet<int>{4, 7}));
    QVERIFY(worksheets.at(1).hidden);
    QCOMPARE(worksheets.at(1).hiddenRows, (QSet<int>{0}));
    // A count that fits neither: nothing is guessed.
    QList<Sheet> one(1);
    BiffSheetAttributes::apply(entries, &one);
    QVERIFY(one.first().hiddenRows.isEmpty() && !one.first().hidden);

    // Cut short inside the first sheet's third row: what came before is kept, nothing is read past the end.
    const QByteArray cut = stream.left(a + bof().size() + columns.size() + 2 * row(0, 0).size() + 7);
    const QList<BiffSheetAttributes::Entry> partial = BiffSheetAttributes::read(cut);
    QCOMPARE(partial.size(), 3);
    QCOMPARE(partial.at(0).hiddenRows, (QSet<int>{4}));
    QVERIFY(!partial.at(0).complete);
    QVERIFY(entries.at(0).complete && entries.at(2).complete);
    QVERIFY(partial.at(2).hiddenRows.isEmpty());
    // Not a workbook stream at all, or one protected with a password (FILEPASS after the BOF).
    QVERIFY(BiffSheetAttributes::read(QByteArray("PK\x03\x04 not biff")).isEmpty());
    QVERIFY(BiffSheetAttributes::read({}).isEmpty());
    const QByteArray encrypted = bof() + record(0x002F, QByteArray(54, '\x01')) + globals.mid(bof().size());
    QVERIFY(BiffSheetAttributes::encrypted(encrypted));
    QVERIFY(BiffSheetAttributes::read(encrypted).isEmpty());
    // A damaged directory pointing 10,000 sheets at one place: each gets that sheet's rows (read once),
    // and no more sheets than any workbook has are listed.
    QByteArray many = bof();
    const qsizetype manyGlobals = bof().size() + 10000 * boundSheet(0, 0, 0).size() + eof.size();
    for (int i = 0; i < 10000; ++i)
        many += boundSheet(manyGlobals, 0, 0);
    many += eof + worksheet;
    const QList<BiffSheetAttributes::Entry> repeated = BiffSheetAttributes::read(many);
    QCOMPARE(repeated.size(), 4096);
    QCOMPARE(repeated.last().hiddenRows, (QSet<int>{4, 7}));
    QCOMPARE(repeated.last().merged.size(), 1);
    // Card numbers under formats of zeros (FORMAT 164 "000000", 165 "HY"00000; XF 1 and 2 use them) in
    // NUMBER, RK and MULRK records: as they show. Not a fraction, nor a cell of the plain format (XF 0).
    const auto format = [](int id, const QByteArray& code) {
        return record(0x041E, le16(id) + le16(static_cast<int>(code.size())) + QByteArray(1, '\0') + code);
    };
    const auto xf = [](int numberFormat) {
        return record(0x00E0, le16(0) + le16(numberFormat) + QByteArray(16, '\0'));
    };
    const auto number = [](int r, int column, int x, double value) {
        QByteArray bytes(8, Qt::Uninitialized);
        std::memcpy(bytes.data(), &value, 8);
        return record(0x0203, le16(r) + le16(column) + le16(x) + bytes);
    };
    const auto rk = [](int value) {
        return le32((static_cast<quint32>(value) << 2) | 0x02);
    };
    const QByteArray cards =
        bof() + number(1, 0, 1, 12345) + record(0x027E, le16(1) + le16(1) + le16(2) + rk(123)) +
        record(0x00BD, le16(2) + le16(0) + le16(1) + rk(77) + le16(0) + rk(5) + le16(1)) +
        number(3, 0, 1, 12.5) + eof;
    const QByteArray cardGlobalsTail =
        format(164, "000000") + format(165, "\"HY\"00000") + xf(0) + xf(164) + xf(165);
    const qsizetype cardsAt = bof().size() + cardGlobalsTail.size() + boundSheet(0, 0, 0).size() + eof.size();
    const QList<BiffSheetAttributes::Entry> formatted =
        BiffSheetAttributes::read(bof() + cardGlobalsTail + boundSheet(cardsAt, 0, 0) + eof + cards);
    QCOMPARE(formatted.size(), 1);
    QCOMPARE(formatted.first().shownNumbers.size(), 3);
    QList<Sheet> cardSheet(1);
    cardSheet[0].rows = {{},
                         {SheetCell::fromNumber(12345), SheetCell::fromNumber(123)},
                         {SheetCell::fromNumber(77), SheetCell::fromNumber(5)},
                         {SheetCell::fromNumber(12.5)}};
    BiffSheetAttributes::apply(formatted, &cardSheet);
    QCOMPARE(cardSheet.first().rows.at(1).at(0).text, QStringLiteral("012345"));
    QCOMPARE(cardSheet.first().rows.at(1).at(0).type, SheetCell::Type::Text);
    QCOMPARE(cardSheet.first().rows.at(1).at(1).text, QStringLiteral("HY00123"));
    QCOMPARE(cardSheet.first().rows.at(2).at(0).text, QStringLiteral("000077"));
    QCOMPARE(cardSheet.first().rows.at(2).at(1).type, SheetCell::Type::Number);
    QCOMPARE(cardSheet.first().rows.at(3).at(0).type, SheetCell::Type::Number);
    // The corpus keeps a real stream (LibreOffice's, three sheets) for the fuzz target.
    QFile raw(kCorpus + QStringLiteral("/roster-hidden-sheets.biff"));
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QList<BiffSheetAttributes::Entry> real = BiffSheetAttributes::read(raw.readAll());
    QCOMPARE(real.size(), 3);
    QCOMPARE(real.at(1).hiddenRows, (QSet<int>{5}));
}

// Word and PowerPoint 97–2003 files are compound documents too; under an .xls name they were taken
// for a damaged workbook.
void TstFileFormat::refusesOtherOfficeDocuments()
{
    QTemporaryDir dir;
    const QString renamed = dir.filePath(QStringLiteral("花名册.xls"));
    QVERIFY(QFile::copy(kCorpus + QStringLiteral("/notice-word97.doc"), renamed));
    QVERIFY(CompoundFile(renamed).has(QStringLiteral("worddocument")));
    QCOMPARE(FileFormat::detect(renamed), FileFormat::Kind::OtherBinary);
    Workbook workbook;
    QString error;
    QVERIFY(!SheetReader::readFile(renamed, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("Word")), qPrintable(error));
    QCOMPARE(FileFormat::detect(kCorpus + QStringLiteral("/roster-libreoffice.xls")), FileFormat::Kind::Xls);
    // A compound document too damaged to open is left to FreeXL, which says it is damaged.
    const QString damaged = dir.filePath(QStringLiteral("damaged.xls"));
    QVERIFY(writeFile(damaged, QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(600, '\x07')));
    QVERIFY(!CompoundFile(damaged).isOpen());
    QCOMPARE(FileFormat::detect(damaged), FileFormat::Kind::Xls);
}

// A shared string table larger than one record, its records full, with empty strings among long
// Chinese ones: written again one byte longer per empty string, it is split anew over CONTINUE
// records (characters split between records, each continuation with its flags byte), and the sheet
// behind it is found where it moved to. FreeXL reads every cell of the mended workbook.
void TstFileFormat::rewritesSharedStringsAcrossRecords()
{
    QStringList strings;
    for (int i = 0; i < 90; ++i) {
        if (i % 7 == 3)
            strings.append(QString());
        else if (i % 5 == 0)
            strings.append(QStringLiteral("Member %1 of the roster").arg(i)); // one byte a character
        else
            strings.append(QString(97, QChar(0x4E00 + i)) + QString::number(i)); // 99 characters of two bytes
    }
    // The table as a writer that splits only between strings lays it out, each record filled as far
    // as whole strings go.
    auto stringBytes = [](const QString& text) {
        bool wide = false;
        for (const QChar c : text)
            wide = wide || c.unicode() > 0xFF;
        QByteArray b = le16(int(text.size())) + QByteArray(1, wide ? '\x01' : '\x00');
        for (const QChar c : text) {
            b.append(char(c.unicode() & 0xFF));
            if (wide)
                b.append(char(c.unicode() >> 8));
        }
        return b;
    };
    QList<QByteArray> bodies{le32(quint32(strings.size())) + le32(quint32(strings.size()))};
    for (const QString& text : std::as_const(strings)) {
        const QByteArray b = stringBytes(text);
        if (bodies.last().size() + b.size() > 8224)
            bodies.append(QByteArray());
        bodies.last().append(b);
    }
    QVERIFY(bodies.size() >= 2);
    QByteArray table;
    for (qsizetype i = 0; i < bodies.size(); ++i)
        table += record(i == 0 ? 0x00FC : 0x003C, bodies.at(i));
    const QByteArray extSst = record(0x00FF, le16(8) + QByteArray(8, '\0'));

    const QByteArray eof = record(0x000A, {});
    auto bofOf = [](int type) {
        return record(0x0809, le16(0x0600) + le16(type) + QByteArray(12, '\0'));
    };
    QByteArray cells;
    for (int i = 0; i < strings.size(); ++i)
        cells += record(0x00FD, le16(i) + le16(0) + le16(0) + le32(quint32(i)));
    const QByteArray sheet =
        bofOf(0x0010) +
        record(0x0200, le32(0) + le32(quint32(strings.size())) + le16(0) + le16(1) + le16(0)) + cells + eof;
    const QByteArray codePage = record(0x0042, le16(1200));
    const qsizetype sheetAt = bofOf(0x0005).size() + codePage.size() + boundSheet(0, 0, 0).size() +
                              table.size() + extSst.size() + eof.size();
    const QByteArray stream =
        bofOf(0x0005) + codePage + boundSheet(sheetAt, 0, 0) + table + extSst + eof + sheet;

    QByteArray mended = stream;
    const int empty = int(strings.count(QString()));
    QCOMPARE(BiffSharedStrings::mendEmptyStrings(&mended), empty);
    QCOMPARE(BiffSharedStrings::mendEmptyStrings(&mended), 0);
    // Every record within BIFF8's limit; CONTINUE records that go on with characters start with flags.
    const QList<BiffSheetAttributes::Entry> entries = BiffSheetAttributes::read(mended);
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries.first().complete && entries.first().worksheet);
    for (qsizetype pos = 0; pos + 4 <= mended.size();) {
        const int size = qFromLittleEndian<quint16>(mended.constData() + pos + 2);
        QVERIFY(size <= 8224);
        pos += 4 + size;
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sst.xls"));
    QVERIFY(writeCompoundFile(path, {{QStringLiteral("Workbook"), stream}}));
    Workbook workbook;
    QString error;
    QVERIFY2(FreeXlReader().read(path, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 1);
    const Sheet& read = workbook.sheets.first();
    QCOMPARE(read.rows.size(), strings.size());
    for (int i = 0; i < strings.size(); ++i) {
        const SheetCell cell = read.rows.at(i).value(0);
        if (strings.at(i).isEmpty())
            QVERIFY2(cell.isEmpty(), qPrintable(QString::number(i)));
        else
            QCOMPARE(cell.text, strings.at(i));
    }
    // A count that leaves strings out would lose them: not mended.
    QByteArray short_ = stream;
    const qsizetype countAt = short_.indexOf(bodies.first().left(8));
    QVERIFY(countAt > 0);
    qToLittleEndian(quint32(strings.size() - 1), short_.data() + countAt + 4);
    QCOMPARE(BiffSharedStrings::mendEmptyStrings(&short_), 0);
}

namespace {

// A FORMULA record of row r, column c: `result` its 8 cached bytes, the parsed formula left empty.
QByteArray formulaRecord(int r, int c, const QByteArray& result)
{
    return record(0x0006, le16(r) + le16(c) + le16(15) + result + QByteArray(6, '\0') + le16(0));
}

// The cached bytes of a result that is not a number: its kind in the first byte, 0xFFFF at the end.
QByteArray specialResult(char kind, char value = 0)
{
    QByteArray result(8, '\0');
    result[0] = kind;
    result[2] = value;
    result[6] = result[7] = '\xff';
    return result;
}

// A workbook stream of one sheet: version 0x0600 (BIFF8) or 0x0500 (BIFF5), with the cells' records.
// `globals`: more records of the workbook globals (RECALCID …).
QByteArray biffWorkbook(int version, int codePage, const QByteArray& cells, const QByteArray& globals = {})
{
    auto bofOf = [version](int type) {
        return record(0x0809, le16(version) + le16(type) + QByteArray(12, '\0'));
    };
    const QByteArray eof = record(0x000A, {});
    const QByteArray codePageRecord = record(0x0042, le16(codePage)) + globals;
    const qsizetype sheetAt =
        bofOf(0x0005).size() + codePageRecord.size() + boundSheet(0, 0, 0).size() + eof.size();
    return bofOf(0x0005) + codePageRecord + boundSheet(sheetAt, 0, 0) + eof + bofOf(0x0010) + cells + eof;
}

} // namespace

// FreeXL reads formula cells as empty; rosters fill 姓名 and 身份证号码 by VLOOKUP from another sheet.
// Excel stores each formula's last result with it, which is read instead: numbers (a date's serial),
// text in the STRING record after the formula (UTF-16 or 8-bit in BIFF8, the code page in BIFF5),
// true/false, and errors as the cell shows them.
void TstFileFormat::readsFormulaResultsOfXls()
{
    double serial = 43835; // 2020-01-05
    QByteArray number(8, '\0');
    std::memcpy(number.data(), &serial, sizeof serial);
    const QString name = QStringLiteral("张三𠮷");
    QByteArray utf16;
    for (const QChar ch : name)
        utf16 += le16(ch.unicode());
    const QByteArray error = specialResult(2, 0x2A); // #N/A
    const QByteArray boolean = specialResult(1, 1);
    const QByteArray emptyText = specialResult(3);
    const QByteArray cells8 = formulaRecord(1, 0, specialResult(0)) +
                              record(0x0207, le16(int(name.size())) + QByteArray(1, '\x01') + utf16) +
                              formulaRecord(1, 1, specialResult(0)) +
                              record(0x04BC, QByteArray(10, '\0')) + // a formula filled down: SHRFMLA
                              record(0x0207, le16(3) + QByteArray(1, '\0') + "abc") +
                              formulaRecord(1, 2, number) + formulaRecord(1, 3, error) +
                              formulaRecord(1, 4, boolean) + formulaRecord(1, 5, emptyText);
    const QList<BiffSheetAttributes::Entry> entries =
        BiffSheetAttributes::read(biffWorkbook(0x0600, 1200, cells8));
    QCOMPARE(entries.size(), 1);
    const QList<BiffSheetAttributes::Entry::Result>& results = entries.first().formulaResults;
    QCOMPARE(results.size(), 6);
    QCOMPARE(results.at(0).value.text, name);
    QCOMPARE(results.at(1).value.text, QStringLiteral("abc"));
    QCOMPARE(results.at(2).value.type, SheetCell::Type::Number);
    QCOMPARE(results.at(2).value.number, serial);
    QCOMPARE(results.at(3).value.text, QStringLiteral("#N/A"));
    QCOMPARE(results.at(4).value.type, SheetCell::Type::Boolean);
    QCOMPARE(results.at(5).value.type, SheetCell::Type::Empty);
    // Never calculated (no RECALCID: xlwt writes formulas with empty results and no engine): the
    // import says so instead of reading the cell as empty …
    QVERIFY(results.at(5).value.uncalculatedFormula);
    // … while in a workbook Excel, WPS or LibreOffice calculated, an empty result is the formula's "".
    const QList<BiffSheetAttributes::Entry> calculated = BiffSheetAttributes::read(
        biffWorkbook(0x0600, 1200, cells8, record(0x01C1, le16(0x01C1) + le16(0) + QByteArray(4, '\0'))));
    QCOMPARE(calculated.first().formulaResults.size(), 5);
    QCOMPARE(results.at(2).row, 1);
    QCOMPARE(results.at(2).column, 2);

    // Excel 95: the text in the workbook's code page (936, GBK).
    const QByteArray gbk = TextDecoder::toGb18030(QStringLiteral("李四"));
    const QList<BiffSheetAttributes::Entry> entries5 = BiffSheetAttributes::read(biffWorkbook(
        0x0500, 936, formulaRecord(2, 1, specialResult(0)) + record(0x0207, le16(int(gbk.size())) + gbk)));
    QCOMPARE(entries5.size(), 1);
    QCOMPARE(entries5.first().formulaResults.size(), 1);
    QCOMPARE(entries5.first().formulaResults.first().value.text, QStringLiteral("李四"));

    // Filled where FreeXL left the cell empty, and nowhere else.
    Sheet sheet;
    sheet.rows = {{}, {SheetCell(), SheetCell::fromText(QStringLiteral("kept"))}};
    QList<Sheet> sheets{sheet};
    BiffSheetAttributes::apply(entries, &sheets);
    QCOMPARE(sheets.first().rows.at(1).at(0).text, name);
    QCOMPARE(sheets.first().rows.at(1).at(1).text, QStringLiteral("kept"));
    QCOMPARE(sheets.first().rows.at(1).at(3).text, QStringLiteral("#N/A"));

    // LibreOffice's .xls: 姓名 and 身份证号码 by VLOOKUP from a second sheet (底册), and a sheet of a
    // DATE(), a sum and a joined text.
    Workbook workbook;
    QString readError;
    QVERIFY2(SheetReader::readFile(kCorpus + QStringLiteral("/roster-formulas-vlookup.xls"), &workbook,
                                   &readError),
             qPrintable(readError));
    QString choiceError;
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &choiceError);
    QVERIFY2(choice, qPrintable(choiceError));
    QCOMPARE(workbook.sheets.at(choice->sheet).name, QStringLiteral("花名册"));
    TestStore t;
    const ImportPlan plan =
        ImportPlan::build(workbook.sheets.at(choice->sheet), choice->map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 3);
    QCOMPARE(plan.rows().first().member.name, QStringLiteral("甲某"));
    QCOMPARE(plan.rows().first().member.idNumber, QStringLiteral("320102197001019315"));
    QVERIFY2(
        SheetReader::readFile(kCorpus + QStringLiteral("/roster-formula-results.xls"), &workbook, &readError),
        qPrintable(readError));
    const auto results2 = RosterImport::chooseSheet(workbook, QString(), &choiceError);
    QVERIFY2(results2, qPrintable(choiceError));
    const ImportPlan plan2 =
        ImportPlan::build(workbook.sheets.at(results2->sheet), results2->map, t.store(), t.root().id);
    QCOMPARE(plan2.validCount(), 1);
    const Member& m = plan2.rows().first().member;
    QCOMPARE(m.joinDate, QStringLiteral("2020-01-05"));
    QCOMPARE(m.mobile, QStringLiteral("13800000003"));
    QCOMPARE(m.notes, QStringLiteral("备注文字"));
}

QTEST_GUILESS_MAIN(TstFileFormat)
void TstFileFormat::survivesAWorkbookCutShortWhileRead()
{
    // A USB stick pulled out, a share that drops, Excel saving the file again: the file shrinks
    // while it is read. Readers that map it into memory (libzip, liborcus) would die of SIGBUS —
    // the whole program, the desktop client's wizard included; a message is what the clerk should
    // get. The file is cut at ten moments spread over the time a whole read takes.
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("原件.xlsx"));
    {
        XlsxWriter book(original);
        book.addSheet(QStringLiteral("花名册"));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("身份证号码"));
        book.writeText(0, 2, QStringLiteral("备注"));
        for (int r = 1; r <= 30000; ++r) {
            book.writeText(r, 0, TestStore::sampleName(r));
            book.writeText(r, 1, TestStore::sampleIdNumber(r));
            book.writeText(r, 2, QStringLiteral("第%1行的备注，写得长一些以便文件够大").arg(r));
        }
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    const QString path = dir.filePath(QStringLiteral("大花名册.xlsx"));
    QElapsedTimer timer;
    qint64 wholeRead = 0;
    for (int moment = -1; moment < 10; ++moment) {
        QFile::remove(path);
        QVERIFY(QFile::copy(original, path));
        Workbook workbook;
        QString error;
        timer.start();
        QFuture<bool> read =
            QtConcurrent::run([&] { return SheetReader::readFile(path, &workbook, &error); });
        if (moment >= 0) {
            QThread::msleep(static_cast<unsigned long>(wholeRead * moment / 10));
            QVERIFY(QFile::resize(path, 0));
        }
        // Whatever the moment: the whole file read, or a message; never a crash.
        if (read.result())
            QCOMPARE(workbook.sheets.value(0).rows.size(), 30001);
        else
            QVERIFY2(moment >= 0 && !error.isEmpty(), qPrintable(error));
        if (moment < 0)
            wholeRead = timer.elapsed();
    }
}

// An array formula ({=SUM(1/COUNTIF(…))} counting the roster beside it, or one building the ID
// numbers) ended the program inside liborcus, which uses an interface it does not check for.
void TstFileFormat::readsArrayFormulaResults()
{
    QTemporaryDir dir;
    const QString id1 = TestStore::sampleIdNumber(1);
    const QString id2 = TestStore::sampleIdNumber(2);
    const QString rows =
        QStringLiteral(
            "<row r=\"1\">%1%2%3</row>"
            "<row r=\"2\">%4<c r=\"B2\" t=\"str\"><f t=\"array\" ref=\"B2\">TRIM(\"%5\")</f><v>%5</v></c>"
            "<c r=\"C2\"><f t=\"array\" ref=\"C2:C3\">SUM(1/COUNTIF(B2:B3,B2:B3))</f><v>2</v></c></row>"
            "<row r=\"3\">%6%7<c r=\"C3\"><v>2</v></c></row>")
            .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                 inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号码")),
                 inlineCell(QStringLiteral("C1"), QStringLiteral("人数")),
                 inlineCell(QStringLiteral("A2"), TestStore::sampleName(1)), id1,
                 inlineCell(QStringLiteral("A3"), TestStore::sampleName(2)),
                 inlineCell(QStringLiteral("B3"), id2));
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("array.xlsx"), {rows}));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("array.xlsx")), &workbook, &error),
             qPrintable(error));
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.rows.size(), 3);
    QCOMPARE(sheet.rows.at(1).value(1).text, id1);
    QCOMPARE(sheet.rows.at(2).value(1).text, id2);
    QCOMPARE(sheet.rows.at(0).value(0).text, QStringLiteral("姓名"));
    QCOMPARE(sheet.rows.at(1).value(2).number, 2.0);
}

// Clerks strike a leaver's row through, and an old value before the new one in a cell. The row was
// imported as an active member, and 王芳王小芳 stored as one name.
void TstFileFormat::leavesOutStruckThroughText()
{
    QTemporaryDir dir;
    auto struck = [](const QString& ref, const QString& text) {
        return inlineCell(ref, text).replace(QStringLiteral("t=\"inlineStr\""),
                                             QStringLiteral("s=\"2\" t=\"inlineStr\""));
    };
    const QString rows =
        QStringLiteral("<row r=\"1\">%1%2%3</row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c>%4%5</row>"
                       "<row r=\"3\">%6%7%8</row><row r=\"4\">%9%10%11</row>")
            .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                 inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号码")),
                 inlineCell(QStringLiteral("C1"), QStringLiteral("手机号码")),
                 inlineCell(QStringLiteral("B2"), TestStore::sampleIdNumber(1)),
                 inlineCell(QStringLiteral("C2"), QStringLiteral("13900000001")),
                 struck(QStringLiteral("A3"), TestStore::sampleName(2)),
                 struck(QStringLiteral("B3"), TestStore::sampleIdNumber(2)),
                 struck(QStringLiteral("C3"), QStringLiteral("13900000002")),
                 inlineCell(QStringLiteral("A4"), TestStore::sampleName(3)),
                 inlineCell(QStringLiteral("B4"), TestStore::sampleIdNumber(3)))
            .arg(struck(QStringLiteral("C4"), QStringLiteral("13900000003")));
    QVERIFY(writeHandMadeXlsx(
        dir.path(), QStringLiteral("unused.xlsx"), {rows}, QString(), {},
        QStringLiteral("<si><r><rPr><strike/></rPr><t>王芳</t></r><r><t>王小芳</t></r></si>")));
    // A second font, struck through, and a third cell format using it.
    QFile styles(dir.filePath(QStringLiteral("xl/styles.xml")));
    QVERIFY(styles.open(QIODevice::ReadWrite));
    QByteArray xml = styles.readAll();
    QVERIFY(xml.contains("<fonts count=\"1\"><font/></fonts>") && xml.contains("</cellXfs>"));
    xml.replace("<fonts count=\"1\"><font/></fonts>",
                "<fonts count=\"2\"><font/><font><strike/></font></fonts>");
    xml.replace("</cellXfs>", "<xf numFmtId=\"0\" fontId=\"1\" xfId=\"0\" applyFont=\"1\"/></cellXfs>");
    QVERIFY(styles.resize(0) && styles.write(xml) == xml.size());
    styles.close();
    const QString path = dir.filePath(QStringLiteral("struck.xlsx"));
    QVERIFY(writeHandMadeZip(dir.path(), path,
                             {QStringLiteral("[Content_Types].xml"), QStringLiteral("_rels/.rels"),
                              QStringLiteral("xl/workbook.xml"), QStringLiteral("xl/_rels/workbook.xml.rels"),
                              QStringLiteral("xl/styles.xml"), QStringLiteral("xl/sharedStrings.xml"),
                              QStringLiteral("xl/worksheets/sheet1.xml")}));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.rows.at(1).value(0).text, QStringLiteral("王小芳"));
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    QVERIFY(map);
    TestStore t;
    const ImportPlan plan = ImportPlan::build(sheet, *map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rejectedCount(), 1);
    auto problemAt = [&plan](int row, const QString& field) -> const ImportProblem* {
        for (const ImportProblem& p : plan.problems()) {
            if (p.row == row && p.field == field)
                return &p;
        }
        return nullptr;
    };
    // The old name left out, and said.
    const ImportProblem* renamed = problemAt(2, QStringLiteral("name"));
    QVERIFY(renamed && !renamed->error && renamed->reason.contains(QStringLiteral("王芳")));
    // The leaver's row refused, by name.
    const ImportProblem* leaver = problemAt(3, QStringLiteral("name"));
    QVERIFY(leaver && leaver->error && leaver->reason.contains(TestStore::sampleName(2)) &&
            leaver->reason.contains(QStringLiteral("struck through")));
    // A mobile crossed out: the member comes in without it.
    const ImportProblem* mobile = problemAt(4, QStringLiteral("mobile"));
    QVERIFY(mobile && !mobile->error && mobile->reason.contains(QStringLiteral("13900000003")));
    for (const ImportRow& row : plan.rows()) {
        if (row.row == 4)
            QVERIFY(row.member.mobile.isEmpty());
        if (row.row == 2)
            QCOMPARE(row.member.name, QStringLiteral("王小芳"));
    }
}

// A card number kept as the number 123 and shown as 00000123 (or GH000123) by its format: stored as
// 123 before. The 18-digit ID number in a cell formatted so stays a number, and refused. A percentage
// in 备注 is the 35% the clerk sees, not 0.35.
void TstFileFormat::keepsTheLeadingZerosAFormatShows()
{
    QTemporaryDir dir;
    const QString rows =
        QStringLiteral(
            "<row r=\"1\">%1%2%3%9</row><row r=\"2\">%4%5<c r=\"C2\" s=\"2\"><v>123</v></c>"
            "<c r=\"D2\" s=\"5\"><v>0.35</v></c></row>"
            "<row r=\"3\">%6%7<c r=\"C3\" s=\"3\"><v>4567</v></c><c r=\"D3\" s=\"6\"><v>0.125</v></c></row>"
            "<row r=\"4\">%8<c r=\"B4\" s=\"4\"><v>320102198501011000</v></c><c r=\"C4\" s=\"2\"><v>9</v></c>"
            "</row>")
            .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                 inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号码")),
                 inlineCell(QStringLiteral("C1"), QStringLiteral("会员证号")),
                 inlineCell(QStringLiteral("A2"), TestStore::sampleName(1)),
                 inlineCell(QStringLiteral("B2"), TestStore::sampleIdNumber(1)),
                 inlineCell(QStringLiteral("A3"), TestStore::sampleName(2)),
                 inlineCell(QStringLiteral("B3"), TestStore::sampleIdNumber(2)),
                 inlineCell(QStringLiteral("A4"), TestStore::sampleName(3)),
                 inlineCell(QStringLiteral("D1"), QStringLiteral("备注")));
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("unused.xlsx"), {rows}));
    QFile styles(dir.filePath(QStringLiteral("xl/styles.xml")));
    QVERIFY(styles.open(QIODevice::ReadWrite));
    QByteArray xml = styles.readAll();
    QVERIFY(xml.contains("<fonts") && xml.contains("</cellXfs>"));
    xml.replace("<fonts", "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"00000000\"/><numFmt "
                          "numFmtId=\"165\" formatCode=\"&quot;GH&quot;000000\"/><numFmt numFmtId=\"166\" "
                          "formatCode=\"000000000000000000\"/><numFmt numFmtId=\"167\" formatCode=\"0.0%\"/>"
                          "</numFmts><fonts");
    xml.replace("</cellXfs>",
                "<xf numFmtId=\"164\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"165\" "
                "xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"166\" xfId=\"0\" "
                "applyNumberFormat=\"1\"/><xf numFmtId=\"9\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                "<xf numFmtId=\"167\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>");
    QVERIFY(styles.resize(0) && styles.write(xml) == xml.size());
    styles.close();
    const QString path = dir.filePath(QStringLiteral("zeros.xlsx"));
    QVERIFY(writeHandMadeZip(dir.path(), path,
                             {QStringLiteral("[Content_Types].xml"), QStringLiteral("_rels/.rels"),
                              QStringLiteral("xl/workbook.xml"), QStringLiteral("xl/_rels/workbook.xml.rels"),
                              QStringLiteral("xl/styles.xml"), QStringLiteral("xl/worksheets/sheet1.xml")}));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const Sheet& sheet = workbook.sheets.first();
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    QVERIFY(map);
    TestStore t;
    const ImportPlan plan = ImportPlan::build(sheet, *map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rows().at(0).member.cardNumber, QStringLiteral("00000123"));
    QCOMPARE(plan.rows().at(1).member.cardNumber, QStringLiteral("GH004567"));
    QCOMPARE(plan.rows().at(2).status, ImportRow::Status::Error);
    QCOMPARE(plan.rows().at(0).member.notes, QStringLiteral("35%"));
    QCOMPARE(plan.rows().at(1).member.notes, QStringLiteral("12.5%"));
}

#include "tst_fileformat.moc"
