// The seed corpus of the roster-reader fuzz target, made at run time (see ReaderFuzz.h). Generated
// rather than committed so that it follows the readers' formats and stays small in the repository;
// the committed folder tests/fuzz/corpus holds only what cannot be made here (.xls) and the inputs
// that once crashed a reader.

#include "ReaderFuzz.h"
#include "demo/DemoNames.h"
#include "io/TextDecoder.h"
#include "io/XlsxWriter.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>

#include <cstdio>
#include <random>
#include <utility>
#include <vector>

namespace ud::fuzz {

namespace {

// One member row of the seed rosters, with the damage clerks' files really carry.
struct Person
{
    QString name;
    QString gender;
    QString idNumber; // as written in the file
    QString birth;
    QString mobile;
    QString joined;
    QString notes;
};

std::vector<Person> people()
{
    std::mt19937_64 random(20240601);
    DemoNames names(random);
    // The ID number and the dates in every form the importer accepts, and a few it refuses.
    const QStringList joined = {
        QStringLiteral("2020-1-5"),         QStringLiteral("2020/01/05"), QStringLiteral("2020.1.5"),
        QStringLiteral("2020年1月5日"),     QStringLiteral("20200105"),   QStringLiteral("43835"),
        QStringLiteral("2020/1/5 0:00:00"), QStringLiteral("2020年1月"),  QStringLiteral("去年"),
        QStringLiteral("2021-02-30"),
    };
    std::vector<Person> out;
    for (int i = 0; i < 10; ++i) {
        const bool female = i % 2 == 1;
        const QDate birth = QDate(1970, 1, 1).addDays(977 * i + 13);
        Person p;
        p.name = names.personName(female, QStringLiteral("汉族"));
        p.gender = female ? QStringLiteral("女") : QStringLiteral("男");
        p.idNumber = names.idNumber(birth, female);
        p.birth = birth.toString(QStringLiteral("yyyy.MM"));
        p.mobile = names.mobile();
        p.joined = joined.at(i);
        out.push_back(p);
    }
    out[1].name = QStringLiteral("刘䶮");                  // U+4DAE: GB18030 beyond GBK
    out[2].name = QStringLiteral("\U00020BB7\u4E00");      // 𠮷一: outside the BMP
    out[2].idNumber = out[2].idNumber.toLower();           // a lower-case x, when it has one
    out[3].idNumber = QLatin1Char('\'') + out[3].idNumber; // Excel's text prefix
    out[4].idNumber = QStringLiteral("4.40106E+17");       // already damaged by Excel
    out[5].idNumber = QStringLiteral("=\"%1\"").arg(out[5].idNumber);
    out[6].idNumber.insert(6, QLatin1Char(' ')).insert(15, QLatin1Char(' '));
    QString wide;
    for (const QChar c : out[7].idNumber)
        wide.append(c.isDigit() ? QChar(0xFF10 + c.digitValue()) : c);
    out[7].idNumber = wide;            // full-width digits
    out[8].idNumber = out[0].idNumber; // the same person twice
    out[8].mobile = out[0].mobile;
    out[9].mobile = QStringLiteral("+86 138-1234-567");
    out[0].notes = QStringLiteral("他说\"好\"，\n第二行");
    return out;
}

QString csvField(const QString& text, QChar delimiter)
{
    if (text.contains(delimiter) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')))
        return QLatin1Char('"') + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    return text;
}

// A roster as a Chinese office writes it: title and note rows, the header, members, a blank row,
// totals and signatures.
QString rosterText(QChar delimiter, const QString& lineEnd)
{
    const std::vector<Person> all = people();
    QList<QStringList> rows;
    rows.append({QStringLiteral("XX公司工会会员花名册")});
    rows.append({QStringLiteral("填报单位：XX公司工会"), QString(), QString(),
                 QStringLiteral("填报日期：2024年5月1日")});
    rows.append({QStringLiteral("序号"), QStringLiteral("姓名"), QStringLiteral("性别"),
                 QStringLiteral("民族"), QStringLiteral("身份证号码（必填）"), QStringLiteral("出生年月"),
                 QStringLiteral("手机号码"), QStringLiteral("学历"), QStringLiteral("政治面貌"),
                 QStringLiteral("入会时间"), QStringLiteral("会员证号"), QStringLiteral("备注")});
    int n = 0;
    for (const Person& p : all) {
        ++n;
        rows.append({QString::number(n), p.name, p.gender, QStringLiteral("汉族"), p.idNumber, p.birth,
                     p.mobile, n % 2 ? QStringLiteral("本科") : QStringLiteral("大专"),
                     n % 3 ? QStringLiteral("群众") : QStringLiteral("中共党员"), p.joined,
                     QStringLiteral("GH%1").arg(n, 6, 10, QLatin1Char('0')), p.notes});
    }
    rows.append({QString(), QString(), QString()});
    rows.append({QStringLiteral("合计"), QStringLiteral("共%1人").arg(n)});
    rows.append({QStringLiteral("制表人：张三"), QString(), QStringLiteral("审核人：李四")});
    QString text;
    for (const QStringList& row : std::as_const(rows)) {
        QStringList fields;
        for (const QString& field : row)
            fields.append(csvField(field, delimiter));
        text += fields.join(delimiter) + lineEnd;
    }
    return text;
}

QByteArray utf16(const QString& text, QStringEncoder::Encoding encoding)
{
    QStringEncoder encoder(encoding, QStringEncoder::Flag::WriteBom);
    return encoder.encode(text);
}

// The files of an archive zipped without compression (so that byte mutations reach the XML), the
// first one first (an .ods needs its mimetype there). Empty when the zip tool is missing.
QByteArray zipStored(const std::vector<std::pair<QString, QByteArray>>& files, QString* error)
{
    const QString zip = QStandardPaths::findExecutable(QStringLiteral("zip"));
    if (zip.isEmpty()) {
        *error = QStringLiteral("the zip tool is missing (scripts/setup installs it)");
        return {};
    }
    QTemporaryDir dir;
    QStringList names;
    for (const auto& [name, bytes] : files) {
        const QString path = dir.filePath(name);
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return {};
        }
        // A fixed time in the archive: the same seeds in every run.
        file.flush();
        file.setFileTime(QDateTime(QDate(2024, 6, 1), QTime(12, 0)), QFileDevice::FileModificationTime);
        names.append(name);
    }
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(zip, QStringList{QStringLiteral("-q"), QStringLiteral("-X"), QStringLiteral("-0"),
                                   QStringLiteral("out.zip")} +
                           names);
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        *error = QStringLiteral("zip failed: %1").arg(QString::fromLocal8Bit(process.readAllStandardError()));
        return {};
    }
    QFile out(dir.filePath(QStringLiteral("out.zip")));
    return out.open(QIODevice::ReadOnly) ? out.readAll() : QByteArray();
}

QByteArray xlsxThroughWriter(QString* error)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("roster.xlsx"));
    const std::vector<Person> all = people();
    {
        XlsxWriter book(path);
        book.addSheet(QStringLiteral("说明"));
        book.writeText(0, 0, QStringLiteral("请在“花名册”工作表中填写会员信息。"));
        book.addSheet(QStringLiteral("花名册"));
        book.mergeText(0, 0, 6, QStringLiteral("XX公司工会会员花名册"));
        book.writeText(1, 0, QStringLiteral("填报单位：XX公司工会"));
        const QStringList headers = {QStringLiteral("序号"),     QStringLiteral("姓名"),
                                     QStringLiteral("性别"),     QStringLiteral("公民身份号码"),
                                     QStringLiteral("联系电话"), QStringLiteral("入会日期"),
                                     QStringLiteral("备注")};
        for (int c = 0; c < headers.size(); ++c)
            book.writeText(2, c, headers.at(c), XlsxWriter::Style::Header);
        book.setColumn(3, 3, 22, XlsxWriter::Style::Text);
        int r = 3;
        for (const Person& p : all) {
            book.writeNumber(r, 0, r - 2);
            book.writeText(r, 1, p.name);
            book.writeText(r, 2, p.gender);
            if (r == 4)
                book.writeNumber(r, 3, p.idNumber.toDouble()); // a number cell: digits lost
            else
                book.writeText(r, 3, p.idNumber, XlsxWriter::Style::Text);
            if (r % 2)
                book.writeNumber(r, 4, p.mobile.toDouble());
            else
                book.writeText(r, 4, p.mobile);
            if (r % 3 == 0)
                book.writeDate(r, 5, QDate(2020, 1, 5).addDays(r));
            else if (r % 3 == 1)
                book.writeNumber(r, 5, 43835 + r);
            else
                book.writeText(r, 5, p.joined);
            book.writeText(r, 6, p.notes);
            ++r;
        }
        book.writeText(r + 1, 0, QStringLiteral("合计"));
        book.writeText(r + 2, 0, QStringLiteral("制表人："));
        if (!book.close(error))
            return {};
    }
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// An .xlsx written part by part: shared strings with rich text, inline strings, a formula with its
// cached result, booleans, a built-in and a custom (Chinese) date format, merged cells.
QByteArray xlsxByHand(QString* error)
{
    const std::vector<Person> all = people();
    const QByteArray xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    const QByteArray mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const QByteArray relNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    const QByteArray docRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const QByteArray types =
        xmlHead +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        "<Override PartName=\"/xl/sharedStrings.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        "<Override PartName=\"/xl/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        "</Types>";
    const QByteArray rels = xmlHead + "<Relationships xmlns=\"" + relNs +
                            "\"><Relationship Id=\"rId1\" Type=\"" + docRel +
                            "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    const QByteArray workbook =
        xmlHead + "<workbook xmlns=\"" + mainNs + "\" xmlns:r=\"" + docRel +
        "\"><sheets><sheet name=\"花名册\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    const QByteArray workbookRels =
        xmlHead + "<Relationships xmlns=\"" + relNs + "\"><Relationship Id=\"rId1\" Type=\"" + docRel +
        "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
        "Type=\"" +
        docRel +
        "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship "
        "Id=\"rId3\" Type=\"" +
        docRel + "/styles\" Target=\"styles.xml\"/></Relationships>";
    const QByteArray styles =
        xmlHead + "<styleSheet xmlns=\"" + mainNs +
        "\"><numFmts count=\"1\"><numFmt numFmtId=\"176\" "
        "formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>"
        "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
        "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
        "<borders count=\"1\"><border/></borders>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
        "borderId=\"0\"/></cellStyleXfs>"
        "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"176\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "</cellXfs></styleSheet>";
    QByteArray strings = xmlHead + "<sst xmlns=\"" + mainNs + "\">";
    const QStringList shared = {QStringLiteral("XX公司工会会员花名册"),
                                QStringLiteral("姓名"),
                                QStringLiteral("身份证号"),
                                QStringLiteral("入会日期"),
                                QStringLiteral("手机号"),
                                QStringLiteral("是否农民工")};
    for (const QString& s : shared)
        strings += "<si><t>" + s.toUtf8() + "</t></si>";
    strings += "<si><r><rPr><b/></rPr><t>合</t></r><r><t xml:space=\"preserve\">计 </t></r></si></sst>";
    QByteArray sheet = xmlHead + "<worksheet xmlns=\"" + mainNs +
                       "\"><dimension ref=\"A1:E14\"/><sheetData>" +
                       "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                       "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>2</v></c>"
                       "<c r=\"C2\" t=\"s\"><v>3</v></c><c r=\"D2\" t=\"s\"><v>4</v></c>"
                       "<c r=\"E2\" t=\"s\"><v>5</v></c></row>";
    int r = 3;
    for (const Person& p : all) {
        const QByteArray row = QByteArray::number(r);
        sheet += "<row r=\"" + row + "\"><c r=\"A" + row + "\" t=\"inlineStr\"><is><t>" + p.name.toUtf8() +
                 "</t></is></c>";
        if (r == 4)
            sheet += "<c r=\"B" + row + "\"><v>" + p.idNumber.left(17).toUtf8() + "0</v></c>";
        else
            sheet += "<c r=\"B" + row + "\" s=\"3\" t=\"str\"><f>TRIM(\"" + p.idNumber.toUtf8() +
                     "\")</f><v>" + p.idNumber.toUtf8() + "</v></c>";
        sheet += "<c r=\"C" + row + "\" s=\"" + (r % 2 ? "1" : "2") + "\"><v>" +
                 QByteArray::number(43835 + r) + "</v></c><c r=\"D" + row + "\"><v>" + p.mobile.toUtf8() +
                 "</v></c><c r=\"E" + row + "\" t=\"b\"><v>" + (r % 2 ? "1" : "0") + "</v></c></row>";
        ++r;
    }
    sheet += "<row r=\"" + QByteArray::number(r + 1) + "\"><c r=\"A" + QByteArray::number(r + 1) +
             "\" t=\"s\"><v>6</v></c><c r=\"B" + QByteArray::number(r + 1) + "\"><f>COUNTA(A3:A" +
             QByteArray::number(r - 1) + ")</f><v>" + QByteArray::number(r - 3) +
             "</v></c></row></sheetData><mergeCells count=\"1\"><mergeCell "
             "ref=\"A1:E1\"/></mergeCells></worksheet>";
    return zipStored({{QStringLiteral("[Content_Types].xml"), types},
                      {QStringLiteral("_rels/.rels"), rels},
                      {QStringLiteral("xl/workbook.xml"), workbook},
                      {QStringLiteral("xl/_rels/workbook.xml.rels"), workbookRels},
                      {QStringLiteral("xl/styles.xml"), styles},
                      {QStringLiteral("xl/sharedStrings.xml"), strings},
                      {QStringLiteral("xl/worksheets/sheet1.xml"), sheet}},
                     error);
}

// An .ods as LibreOffice writes one: repeated rows and columns, covered (merged) cells, typed values.
QByteArray odsByHand(QString* error)
{
    const std::vector<Person> all = people();
    QByteArray rows;
    auto text = [](const QString& s) -> QByteArray {
        return "<table:table-cell office:value-type=\"string\"><text:p>" + s.toUtf8() +
               "</text:p></table:table-cell>";
    };
    rows +=
        "<table:table-row><table:table-cell table:number-columns-spanned=\"4\" office:value-type=\"string\">"
        "<text:p>XX公司工会会员花名册</text:p></table:table-cell>"
        "<table:covered-table-cell table:number-columns-repeated=\"3\"/></table:table-row>";
    rows += "<table:table-row>" + text(QStringLiteral("姓名")) + text(QStringLiteral("证件号码")) +
            text(QStringLiteral("出生日期")) + text(QStringLiteral("就业形态")) + "</table:table-row>";
    int n = 0;
    for (const Person& p : all) {
        rows += "<table:table-row>" + text(p.name);
        if (++n == 3)
            rows += "<table:table-cell office:value-type=\"float\" office:value=\"" +
                    p.idNumber.left(17).toUtf8() + "0\"><text:p>x</text:p></table:table-cell>";
        else
            rows += text(p.idNumber);
        rows += "<table:table-cell office:value-type=\"date\" office:date-value=\"" +
                QDate(1980, 1, 1).addDays(311 * n).toString(Qt::ISODate).toUtf8() +
                "\"><text:p>x</text:p></table:table-cell>" +
                text(n % 2 ? QStringLiteral("快递员") : QStringLiteral("外卖骑手")) + "</table:table-row>";
    }
    rows += "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell "
            "table:number-columns-repeated=\"4\"/></table:table-row>";
    rows +=
        "<table:table-row>" + text(QStringLiteral("共10人")) +
        "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><text:p>TRUE</text:p>"
        "</table:table-cell><table:table-cell office:value-type=\"percentage\" office:value=\"0.5\">"
        "<text:p>50%</text:p></table:table-cell></table:table-row>";
    const QByteArray content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
        "<office:body><office:spreadsheet><table:table table:name=\"花名册\">"
        "<table:table-column table:number-columns-repeated=\"4\"/>" +
        rows + "</table:table></office:spreadsheet></office:body></office:document-content>";
    const QByteArray manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
        "manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" "
        "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        "</manifest:manifest>";
    return zipStored({{QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"},
                      {QStringLiteral("content.xml"), content},
                      {QStringLiteral("META-INF/manifest.xml"), manifest}},
                     error);
}

} // namespace

QList<Seed> makeSeeds(QStringList* notes)
{
    QList<Seed> seeds;
    const QString crlf = QStringLiteral("\r\n");
    const QString lf = QStringLiteral("\n");
    const QString comma = rosterText(QLatin1Char(','), crlf);
    seeds.append({QStringLiteral("roster-utf8-bom.csv"), "\xEF\xBB\xBF" + comma.toUtf8()});
    seeds.append({QStringLiteral("roster-utf8.csv"), rosterText(QLatin1Char(','), lf).toUtf8()});
    seeds.append({QStringLiteral("roster-gb18030.csv"), TextDecoder::toGb18030(comma)});
    seeds.append({QStringLiteral("roster-utf16le.txt"),
                  utf16(rosterText(QLatin1Char('\t'), crlf), QStringEncoder::Utf16LE)});
    seeds.append({QStringLiteral("roster-utf16be.csv"),
                  utf16(rosterText(QLatin1Char(';'), lf), QStringEncoder::Utf16BE)});
    seeds.append({QStringLiteral("roster-fullwidth-comma.csv"), rosterText(QChar(0xFF0C), crlf).toUtf8()});
    seeds.append(
        {QStringLiteral("small.csv"), QByteArray("\xE5\xA7\x93\xE5\x90\x8D,\xE8\xBA\xAB\xE4\xBB\xBD\xE8\xAF"
                                                 "\x81\xE5\x8F\xB7\n\"a,\"\"b\",1\r\n")});
    QString error;
    auto add = [&](const QString& name, const QByteArray& bytes) {
        if (!bytes.isEmpty())
            seeds.append({name, bytes});
        else if (notes)
            notes->append(QStringLiteral("%1 not made: %2").arg(name, error));
        error.clear();
    };
    add(QStringLiteral("roster-libxlsxwriter.xlsx"), xlsxThroughWriter(&error));
    if (!seeds.isEmpty() && seeds.last().name.endsWith(QLatin1String("libxlsxwriter.xlsx")))
        seeds.last().repeatable = false;
    add(QStringLiteral("roster-stored.xlsx"), xlsxByHand(&error));
    add(QStringLiteral("roster-stored.ods"), odsByHand(&error));
    return seeds;
}

bool writeSeeds(const QString& folder, QString* error)
{
    QStringList notes;
    const QList<Seed> seeds = makeSeeds(&notes);
    for (const QString& note : std::as_const(notes))
        std::fprintf(stderr, "uniondesk fuzz: %s\n", qPrintable(note));
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create %1").arg(folder);
        return false;
    }
    for (const Seed& seed : seeds) {
        QFile file(QDir(folder).filePath(QStringLiteral("seed-") + seed.name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(seed.bytes) != seed.bytes.size()) {
            *error = QStringLiteral("cannot write %1").arg(file.fileName());
            return false;
        }
    }
    return true;
}

} // namespace ud::fuzz
