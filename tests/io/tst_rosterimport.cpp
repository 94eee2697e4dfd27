#include "HandMadeWorkbooks.h"
#include "TestStore.h"
#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "io/CellNormaliser.h"
#include "io/ClerkDate.h"
#include "io/CsvReader.h"
#include "io/FileFormat.h"
#include "io/FreeXlReader.h"
#include "io/HeaderMap.h"
#include "io/ImportPlan.h"
#include "io/IsolatedXlsReader.h"
#include "io/OdsContentReader.h"
#include "io/OrcusReader.h"
#include "io/RosterImport.h"
#include "io/RowClassifier.h"
#include "io/SheetReader.h"
#include "io/TextDecoder.h"
#include "io/WorkbookCodec.h"
#include "io/XlsxPackageReader.h"
#include "io/XlsxWriter.h"
#include "io/ZeroPaddedFormat.h"
#include "io/ZipIntegrity.h"
#include "members/MemberRepository.h"
#include "store/Sql.h"
#include "store/Transaction.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace ud;
using namespace ud::test;

class TstRosterImport : public QObject
{
    Q_OBJECT

private slots:
    void decodesEveryEncoding_data();
    void decodesEveryEncoding();
    void parsesCsvQuoting();
    void findsTheDelimiterBelowATitleLine();
    void readsClerkDates_data();
    void readsClerkDates();
    void findsTheHeaderBelowTitles();
    void mapsHeaderSynonyms_data();
    void mapsHeaderSynonyms();
    void classifiesRows();
    void refusesDamagedIdNumbers();
    void normalisesIdNumberCells();
    void takesNoMaskedMobile();
    void detectsUtf16WithoutMark();
    void keepsOneKindOfLineBreak();
    void readsOddTextFiles();
    void warnsOfACardNumberTwice();
    void dropsTheLabelTheColumnRepeats();
    void readsNumberedPhoneColumns();
    void readsDatesWithTheYearLast();
    void planReportsEveryProblemWithExcelRowNumbers();
    void warnsOfTheTwinOfARefusedRow();
    void refusesTheOneCellInAnotherEncoding();
    void duplicatesAgainstTheStore();
    void aRefusedRowKeepsNoWarningOfHowItWouldComeIn();
    void refusesANameSplitIntoTwoColumns();
    void commitWritesEverythingInOneTransaction();
    void failedCommitLeavesTheStoreAsItWas();
    void savepointsOnlyInsideAnOuterThatAllowsThem();
    void readsXlsxWithTitlesNumericIdsAndDates();
    void keepsImpossibleDateSerialsAsNumbers();
    void picksTheSheet();
    void readsOds();
    void refusesUnknownAndBrokenFiles();
    void readsXlsInAProcessOfItsOwn();
    void crashingXlsReaderGivesAMessage();
    void workbookCodecRoundTrip();
    void refusesPartsLargerThanTheFile();
    void readsDatesOfEarly1900();
    void refusesPartsThatFailTheirChecksum();
    void refusesPartsCutShort();
    void refusesTextFilesCutShort();
    void readsInlineStrings();
    void readsTextWrittenAsFormulaResults();
    void readsThe1904DateSystem();
    void skipsHiddenSheets();
    void explainsUnreadableWorkbooks();
    void skipsSectionTitles();
    void warnsOfColumnsLeftBehind();
    void warnsOfConvertedOldIdNumbers();
    void readsWhatLiborcusMisreads_data();
    void readsWhatLiborcusMisreads();
    void treatsPlaceholdersAsEmptyAndErrorsAsErrors();
    void readsTwoRowHeaders();
    void readsWhenLiborcusGivesUp();
    void fillsMergedCells();
    void placesRowsByTheOrganisationColumn();
    void warnsOfHiddenRows();
    void importsTheShownOfTwoColumns();
    void readsWhatMembershipColumnsAndNotesSay();
    void refusesTheTemplatesExampleRow();
    void takesBirthDateAndGenderFromTheIdNumberWhenUnreadable();
    void readsHrSystemsLabelsAndMarks();
    void readsHeadersWithHintsAndTwoWords();
    void skipsTheHintRowUnderTheHeader();
    void keepsEveryNumberOfAPhoneCell();
    void leavesOrdinaryWordsAlone();
    void knowsResidencePermitsByTheirNumber();
    void reportsFormulasWithoutResults();
    void readsYearAndMonth();
    void readsYearsAlone();
    void leavesFormerColumnsAndTakesCurrentOnes();
    void refusedRowsAreNotSaidToComeIn();
    void readsWorkWordsInTheStatusColumn();
    void takesTheMobileFromTheSurerColumn();
    void readsLineBreaksPastedFromWord();
    void keepsTheMobileOfTwoNumbersInACell();
    void readsAUtf8LineInAGbkFile();
    void warnsOfASecondTableBesideTheFirst();
    void takesTheBirthDateOfTheIdNumber();
};

namespace {

// 刘䶮 (U+4DAE, outside GBK) and 𠮷 (U+20BB7, outside the BMP): rare characters that must arrive intact.
const QString kRareName1 = QStringLiteral("刘\u4DAE");
const QString kRareName2 = QString::fromUtf8("\xF0\xA0\xAE\xB7") + QStringLiteral("明");

QString csvText()
{
    const QString id0 = TestStore::sampleIdNumber(0);
    const QString id1 = TestStore::sampleIdNumber(1);
    return QStringLiteral("XX公司工会会员花名册,,,\r\n"
                          "填报单位：XX公司工会,,,\r\n"
                          "序号,姓名,身份证号码,手机号码,入会时间\r\n"
                          "1,%1,%2,13812345679,2020年1月5日\r\n"
                          "2,%3,%4,13900001111,2020/1/5\r\n")
        .arg(kRareName1, id0, kRareName2, id1);
}

Sheet sheetOf(const QStringList& lines)
{
    return CsvReader::parse(lines.join(QLatin1Char('\n')));
}

// A sheet of a header and member lines, each line's %1 the next sample ID number (from the first).
Sheet sheetWithIds(const QString& header, const QStringList& lines)
{
    QStringList all{header};
    for (qsizetype i = 0; i < lines.size(); ++i)
        all.append(lines.at(i).arg(TestStore::sampleIdNumber(int(i) + 1)));
    return sheetOf(all);
}

const ImportProblem* findProblem(const ImportPlan& plan, int row, const QString& field)
{
    for (const ImportProblem& p : plan.problems()) {
        if (p.row == row && p.field == field)
            return &p;
    }
    return nullptr;
}

int memberCount(TestStore& t)
{
    QSqlQuery q(t.store().connection());
    q.exec(QStringLiteral("SELECT COUNT(*) FROM member WHERE deleted = 0"));
    return q.next() ? q.value(0).toInt() : -1;
}

int outboxCount(TestStore& t)
{
    QSqlQuery q(t.store().connection());
    q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    return q.next() ? q.value(0).toInt() : -1;
}

ImportPlan planFor(TestStore& t, const Sheet& sheet)
{
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    if (!map)
        return {};
    return ImportPlan::build(sheet, *map, t.store(), t.root().id);
}

} // namespace

void TstRosterImport::decodesEveryEncoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("encoding");
    const QString text = csvText();
    QStringEncoder le(QStringEncoder::Utf16LE);
    QStringEncoder be(QStringEncoder::Utf16BE);
    QTest::newRow("utf-8") << text.toUtf8() << int(TextDecoder::Encoding::Utf8);
    QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF") + text.toUtf8()
                               << int(TextDecoder::Encoding::Utf8Bom);
    QTest::newRow("gb18030") << TextDecoder::toGb18030(text) << int(TextDecoder::Encoding::Gb18030);
    QTest::newRow("utf-16le bom") << QByteArray("\xFF\xFE") + QByteArray(le.encode(text))
                                  << int(TextDecoder::Encoding::Utf16LE);
    QTest::newRow("utf-16be bom") << QByteArray("\xFE\xFF") + QByteArray(be.encode(text))
                                  << int(TextDecoder::Encoding::Utf16BE);
    QTest::newRow("utf-16le without bom")
        << QByteArray(le.encode(text)) << int(TextDecoder::Encoding::Utf16LE);
}

// One card, one member: a 会员卡号 twice in the file, or one a member of the roster holds, is a warning.
void TstRosterImport::warnsOfACardNumberTwice()
{
    TestStore t;
    QVERIFY(t.isValid());
    const ImportPlan plan =
        planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,会员卡号"),
                            QStringLiteral("张三,%1,A001").arg(TestStore::sampleIdNumber(60)),
                            QStringLiteral("李四,%1,A001").arg(TestStore::sampleIdNumber(61))}));
    QCOMPARE(plan.validCount(), 2);
    const ImportProblem* twice = findProblem(plan, 3, QStringLiteral("cardNumber"));
    QVERIFY(twice && !twice->error);
    QVERIFY2(twice->reason.contains(QStringLiteral("row 2")), qPrintable(twice->reason));
    int imported = 0;
    QString error;
    QVERIFY2(RosterImport::commit(plan, t.store(), t.scope(), TestStore::actor(), &imported, &error),
             qPrintable(error));
    const ImportPlan again =
        planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,会员卡号"),
                            QStringLiteral("王五,%1,A001").arg(TestStore::sampleIdNumber(62)),
                            QStringLiteral("赵六,%1,A002").arg(TestStore::sampleIdNumber(63))}));
    const ImportProblem* held = findProblem(again, 2, QStringLiteral("cardNumber"));
    QVERIFY(held && !held->error);
    QVERIFY2(held->reason.contains(QStringLiteral("张三")), qPrintable(held->reason));
    QVERIFY(!findProblem(again, 3, QStringLiteral("cardNumber")));
    // No card yet (未办理, 待发, 0), or a column too narrow (######): no number, and no duplicate.
    const ImportPlan none =
        planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,会员卡号"),
                            QStringLiteral("钱七,%1,未办理").arg(TestStore::sampleIdNumber(64)),
                            QStringLiteral("孙八,%1,未办理").arg(TestStore::sampleIdNumber(65)),
                            QStringLiteral("周九,%1,######").arg(TestStore::sampleIdNumber(66))}));
    QCOMPARE(none.validCount(), 3);
    QCOMPARE(none.rows().at(1).member.cardNumber, QString());
    QVERIFY(!findProblem(none, 3, QStringLiteral("cardNumber")));
    const ImportProblem* narrow = findProblem(none, 4, QStringLiteral("cardNumber"));
    QVERIFY(narrow && !narrow->error && none.rows().at(2).member.cardNumber.isEmpty());
}

// Beside its column, a reason does not repeat the column's header as its label.
void TstRosterImport::dropsTheLabelTheColumnRepeats()
{
    ImportProblem p{2,         QStringLiteral("name"),           QStringLiteral("姓名"),
                    QString(), QStringLiteral("姓名：未填写。"), true};
    QCOMPARE(p.reasonBesideColumn(), QStringLiteral("未填写。"));
    p.column = QStringLiteral("职工姓名");
    QCOMPARE(p.reasonBesideColumn(), QStringLiteral("姓名：未填写。"));
    p.column = QStringLiteral("Name");
    p.reason = QStringLiteral("Name: nothing was entered.");
    QCOMPARE(p.reasonBesideColumn(), QStringLiteral("nothing was entered."));
}

// Text files other programs write: fields separated by |, a quote that never closes (the rest of the
// file was one cell), a stray control byte (the file was taken for a Word document or an image).
void TstRosterImport::readsOddTextFiles()
{
    const QString id0 = TestStore::sampleIdNumber(0);
    const QString id1 = TestStore::sampleIdNumber(1);
    const Sheet piped = CsvReader::parse(QStringLiteral("姓名|身份证号码|备注\n张三|%1|a,b\n").arg(id0));
    QCOMPARE(piped.rows.size(), 2);
    QCOMPARE(piped.rows.at(1).size(), 3);
    QCOMPARE(piped.rows.at(1).at(2).text, QStringLiteral("a,b"));
    const Sheet open = CsvReader::parse(QStringLiteral("姓名,身份证号码\n\"张三,%1\n李四,%2\n王五,\"%3\"\n")
                                            .arg(id0, id1, TestStore::sampleIdNumber(2)));
    QCOMPARE(open.rows.size(), 4);
    QCOMPARE(open.rows.at(1).at(0).text, QStringLiteral("\"张三"));
    QCOMPARE(open.rows.at(2).at(0).text, QStringLiteral("李四"));
    QCOMPARE(open.rows.at(3).at(1).text, TestStore::sampleIdNumber(2));
    // A quoted cell with a line break that closes is one cell, as before.
    // A quote opened in one row's note and closed at the end of the next: the row between is a row.
    const Sheet swallowed =
        CsvReader::parse(QStringLiteral("姓名,身份证号码,手机号码,备注\n张三,%1,13800001111,\"开始\n"
                                        "李四,%2,13800001112,结束\"\n")
                             .arg(id0, id1));
    QCOMPARE(swallowed.rows.size(), 3);
    QCOMPARE(swallowed.rows.at(2).at(0).text, QStringLiteral("李四"));
    const Sheet closed = CsvReader::parse(QStringLiteral("姓名,备注\n张三,\"一\n二\"\n"));
    QCOMPARE(closed.rows.size(), 2);
    QCOMPARE(closed.rows.at(1).at(1).text, QStringLiteral("一\n二"));
    // A stray byte: no row of its own, and the file is text.
    const Sheet stray = CsvReader::parse(QStringLiteral("姓名,身份证号码\n张三,%1\n\x01").arg(id0));
    QCOMPARE(stray.rows.size(), 3);
    QVERIFY(stray.rows.at(2).isEmpty() || stray.rows.at(2).first().isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("名册.csv"));
    QVERIFY(writeFile(path, QStringLiteral("姓名,身份证号码,备注\r\n张三,%1,备注\r\n李四,%2,备注\r\n\x01")
                                .arg(id0, id1)
                                .toUtf8()));
    QCOMPARE(FileFormat::detect(path), FileFormat::Kind::Text);
}

// A line break in a cell is one LF whoever saved the file (Excel and xlwt keep CR LF, LibreOffice LF,
// an old Mac CR): a roster saved again by another program is the same roster.
void TstRosterImport::keepsOneKindOfLineBreak()
{
    for (const QString& typed : {QStringLiteral("第一行\r\n第二行"), QStringLiteral("第一行\r第二行"),
                                 QStringLiteral("第一行\n第二行")})
        QCOMPARE(CellNormaliser::normalise(QStringLiteral("notes"), SheetCell::fromText(typed)).text,
                 QStringLiteral("第一行\n第二行"));
}

// UTF-16 without a byte-order mark (iconv, .NET's Encoding.Unicode, sqlcmd -u): found by its zeros,
// also when characters such as 一 (U+4E00) and 开 (U+5F00) put a zero in the other byte.
void TstRosterImport::detectsUtf16WithoutMark()
{
    QString text = QStringLiteral("姓名,身份证号码,手机号码,入会时间,所在单位\r\n");
    for (int i = 0; i < 40; ++i)
        text += QStringLiteral("王一%1,%2,138%3,2015-03-%4,开发一部\r\n")
                    .arg(i)
                    .arg(TestStore::sampleIdNumber(i))
                    .arg(10000000 + i)
                    .arg(10 + i % 18);
    QStringEncoder le(QStringEncoder::Utf16LE);
    QStringEncoder be(QStringEncoder::Utf16BE);
    QCOMPARE(TextDecoder::detect(le.encode(text)), TextDecoder::Encoding::Utf16LE);
    QCOMPARE(TextDecoder::detect(be.encode(text)), TextDecoder::Encoding::Utf16BE);
    QCOMPARE(TextDecoder::decode(QByteArray(le.encode(text))), text);
    // Binary zeros are no text: a NUL character, or zeros in both bytes.
    QCOMPARE(TextDecoder::detect(QByteArray(64, '\0')), TextDecoder::Encoding::Utf8);
}

void TstRosterImport::decodesEveryEncoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, encoding);
    const QByteArray gb = TextDecoder::toGb18030(kRareName2);
    QVERIFY(!gb.isEmpty());
    QVERIFY(gb != kRareName2.toUtf8());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("roster.csv"));
    QVERIFY(writeFile(path, bytes));
    CsvReader reader;
    Workbook book;
    QString error;
    QVERIFY2(reader.read(path, &book, &error), qPrintable(error));
    QCOMPARE(int(reader.encoding()), encoding);
    QCOMPARE(book.sheets.size(), 1);
    const Sheet& sheet = book.sheets.first();
    QCOMPARE(sheet.rows.size(), 5);
    QCOMPARE(sheet.rows.at(0).at(0).text, QStringLiteral("XX公司工会会员花名册"));
    QCOMPARE(sheet.rows.at(3).at(1).text, kRareName1);
    QCOMPARE(sheet.rows.at(4).at(1).text, kRareName2);

    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rows().at(1).member.name, kRareName2);
}

void TstRosterImport::parsesCsvQuoting()
{
    const Sheet comma =
        CsvReader::parse(QStringLiteral("姓名,备注\r\n\"张三\",\"一行,\"\"引号\"\"\n第二行\"\r\n李四,\r\n"));
    QCOMPARE(comma.rows.size(), 3);
    QCOMPARE(comma.rows.at(1).at(1).text, QStringLiteral("一行,\"引号\"\n第二行"));
    QCOMPARE(comma.rows.at(2).size(), 2);
    QVERIFY(comma.rows.at(2).at(1).isEmpty());
    const Sheet tabs = CsvReader::parse(QStringLiteral("姓名\t身份证号\n张三\t'110105\n"));
    QCOMPARE(tabs.rows.at(1).at(1).text, QStringLiteral("'110105"));
    QCOMPARE(CsvReader::detectDelimiter(QStringLiteral("a;b;c\n")), QLatin1Char(';'));
    // Found by an acceptance run: the delimiter that splits the lines alike, not the most frequent
    // one. Addresses with commas in a tab-separated file, notes with semicolons in a CSV.
    const QString tabbed = QStringLiteral("姓名\t身份证号码\t家庭住址\t备注\n"
                                          "张三\t1\t广东省,广州市,天河区,XX路\t甲,乙,丙\n"
                                          "李四\t2\t广东省,广州市,越秀区,YY路\t甲,乙\n");
    QCOMPARE(CsvReader::detectDelimiter(tabbed), QLatin1Char('\t'));
    QCOMPARE(CsvReader::parse(tabbed).rows.at(1).at(2).text, QStringLiteral("广东省,广州市,天河区,XX路"));
    QCOMPARE(
        CsvReader::detectDelimiter(QStringLiteral("姓名,身份证号码,备注\n张三,1,a;b;c;d\n李四,2,e;f;g\n")),
        QLatin1Char(','));
}

// Found by the reader fuzz target's seeds (tests/fuzz): the delimiter was taken from the first line
// alone, so a tab-, semicolon- or full-width-comma-separated roster whose first line is a bare title
// read as one column and its header was never found.
void TstRosterImport::findsTheDelimiterBelowATitleLine()
{
    const QString id = TestStore::sampleIdNumber(0);
    for (const QChar delimiter : {QChar(u'\t'), QChar(u';'), QChar(0xFF0C), QChar(u',')}) {
        const QStringList lines = {
            QStringLiteral("XX公司工会会员花名册"), QStringLiteral("填报单位：XX公司工会, 2024年"),
            QStringList{QStringLiteral("姓名"), QStringLiteral("身份证号码"), QStringLiteral("入会时间")}
                .join(delimiter),
            QStringList{QStringLiteral("张三"), id, QStringLiteral("2020-1-5")}.join(delimiter)};
        const QString text = lines.join(QStringLiteral("\r\n"));
        QCOMPARE(CsvReader::detectDelimiter(text), delimiter);
        const Sheet sheet = CsvReader::parse(text);
        const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
        QVERIFY2(map, qPrintable(QString(delimiter)));
        QCOMPARE(map->headerRow(), 2);
        QCOMPARE(sheet.rows.at(3).value(map->columnOf(QStringLiteral("idNumber"))).text, id);
    }
}

void TstRosterImport::readsClerkDates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("monthOnly");
    const QDate d(2020, 1, 5);
    QTest::newRow("iso") << QStringLiteral("2020-01-05") << d << false;
    QTest::newRow("iso, no such day") << QStringLiteral("2020-13-05") << QDate() << false;
    QTest::newRow("iso short") << QStringLiteral("2020-1-5") << d << false;
    QTest::newRow("slashes") << QStringLiteral("2020/01/05") << d << false;
    QTest::newRow("dots") << QStringLiteral("2020.1.5") << d << false;
    QTest::newRow("chinese") << QStringLiteral("2020年1月5日") << d << false;
    QTest::newRow("chinese spaced") << QStringLiteral(" 2020 年 1 月 5 日 ") << d << false;
    QTest::newRow("compact") << QStringLiteral("20200105") << d << false;
    QTest::newRow("with time") << QStringLiteral("2020/1/5 0:00:00") << d << false;
    QTest::newRow("serial") << QStringLiteral("43835") << d << false;
    QTest::newRow("full-width") << QStringLiteral("２０２０－０１－０５") << d << false;
    QTest::newRow("month") << QStringLiteral("2020.01") << QDate(2020, 1, 1) << true;
    QTest::newRow("chinese month") << QStringLiteral("2020年1月") << QDate(2020, 1, 1) << true;
    QTest::newRow("compact month") << QStringLiteral("202001") << QDate(2020, 1, 1) << true;
    QTest::newRow("hao") << QStringLiteral("2020年1月5号") << d << false;
    QTest::newRow("trailing dot") << QStringLiteral("2020.1.5.") << d << false;
    QTest::newRow("six digits, no month") << QStringLiteral("202013") << QDate() << false;
    QTest::newRow("no such day") << QStringLiteral("2020-02-30") << QDate() << false;
    QTest::newRow("words") << QStringLiteral("去年") << QDate() << false;
    QTest::newRow("a year") << QStringLiteral("2020") << QDate(2020, 1, 1) << false;
    QTest::newRow("a year with 年") << QStringLiteral("2020年") << QDate(2020, 1, 1) << false;
    QTest::newRow("no year of ours") << QStringLiteral("1850") << QDate() << false;
    // As official documents write them.
    QTest::newRow("chinese numerals") << QStringLiteral("二〇二〇年一月五日") << d << false;
    QTest::newRow("chinese numerals, 零") << QStringLiteral("二零二零年一月五号") << d << false;
    QTest::newRow("chinese numerals, month")
        << QStringLiteral("二〇一九年十二月") << QDate(2019, 12, 1) << true;
    QTest::newRow("chinese numerals, tens")
        << QStringLiteral("一九九八年十月二十一日") << QDate(1998, 10, 21) << false;
    QTest::newRow("chinese numerals, no such day")
        << QStringLiteral("二〇二〇年二月三十日") << QDate() << false;
    QTest::newRow("chinese numerals, nonsense") << QStringLiteral("二〇二〇年十十月") << QDate() << false;
    QTest::newRow("chinese numerals, day 〇") << QStringLiteral("二〇二〇年一月〇日") << QDate() << false;
    QTest::newRow("chinese numerals, month 〇") << QStringLiteral("二〇二〇年〇月五日") << QDate() << false;
    // Moments with a time zone, as web systems and exceljs write them: the day in China.
    QTest::newRow("zone +08:00") << QStringLiteral("2020-01-05T00:00:00+08:00") << d << false;
    QTest::newRow("zone Z, China's midnight") << QStringLiteral("2020-01-04T16:00:00.000Z") << d << false;
    QTest::newRow("zone Z") << QStringLiteral("2020-01-05T00:00:00Z") << d << false;
    QTest::newRow("zone -05:00") << QStringLiteral("2020-01-04T12:00-05:00") << d << false;
    QTest::newRow("zone, no such day") << QStringLiteral("2020-02-30T00:00:00Z") << QDate() << false;
}

void TstRosterImport::readsClerkDates()
{
    QFETCH(QString, text);
    QFETCH(QDate, date);
    QFETCH(bool, monthOnly);
    const ClerkDate::Result r = ClerkDate::parse(text);
    QCOMPARE(r.date, date);
    QCOMPARE(r.monthOnly, monthOnly);
    QCOMPARE(r.yearOnly, QByteArray(QTest::currentDataTag()).startsWith("a year"));
    QCOMPARE(r.error.isEmpty(), date.isValid());
    if (date.isValid())
        QCOMPARE(ClerkDate::isoText(r.date), date.toString(Qt::ISODate));
    QCOMPARE(ClerkDate::isoText(QDate(987, 3, 4)), QStringLiteral("0987-03-04"));
    QCOMPARE(ClerkDate::isoText(QDate()), QString());
    // The same in cells: a real date cell, an Excel serial in a number cell, 20200105 as a number.
    QCOMPARE(ClerkDate::parse(SheetCell::fromDate(QDate(2020, 1, 5))).date, QDate(2020, 1, 5));
    QCOMPARE(ClerkDate::parse(SheetCell::fromNumber(43835)).date, QDate(2020, 1, 5));
    QCOMPARE(ClerkDate::parse(SheetCell::fromNumber(20200105)).date, QDate(2020, 1, 5));
    // Midnight computed in floating point a hair short of the day, as Excel shows it; an evening stays.
    QCOMPARE(ClerkDate::parse(SheetCell::fromNumber(43834.999999999978)).date, QDate(2020, 1, 5));
    QCOMPARE(ClerkDate::parse(SheetCell::fromNumber(43834.9999)).date, QDate(2020, 1, 4));
}

void TstRosterImport::findsTheHeaderBelowTitles()
{
    const Sheet sheet = sheetOf(
        {QStringLiteral("XX公司工会会员花名册"), QStringLiteral("填报单位：XX公司工会,,填报日期：2024年3月"),
         QStringLiteral("说明：带*为必填项"), QString(),
         QStringLiteral("序号,*姓名,性别,公民身份号码,联系电话,入会日期（必填）,备注")});
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    QVERIFY(map);
    QCOMPARE(map->headerRow(), 4);
    QCOMPARE(map->columnOf(QStringLiteral("name")), 1);
    QCOMPARE(map->columnOf(QStringLiteral("idNumber")), 3);
    QCOMPARE(map->columnOf(QStringLiteral("mobile")), 4);
    QCOMPARE(map->columnOf(QStringLiteral("joinDate")), 5);
    QCOMPARE(map->columnOf(QStringLiteral("notes")), 6);
    QCOMPARE(map->fieldAt(0), QString());
    QCOMPARE(map->headerOf(QStringLiteral("idNumber")), QStringLiteral("公民身份号码"));
    // A header typed over two lines (Alt+Enter) is named on one in messages.
    Sheet wrapped = sheet;
    wrapped.rows[4][5] = SheetCell::fromText(QStringLiteral("入会时间\n（年.月.日）"));
    wrapped.rows[4][6] = SheetCell::fromText(QStringLiteral("Notes\r\nfor the clerk"));
    const std::optional<HeaderMap> wrappedMap = HeaderMap::detect(wrapped);
    QVERIFY(wrappedMap);
    QCOMPARE(wrappedMap->headerOf(QStringLiteral("joinDate")), QStringLiteral("入会时间（年.月.日）"));
    QCOMPARE(wrappedMap->headerAt(6), QStringLiteral("Notes for the clerk"));
    // The clerk corrects the mapping: 备注 is really the employer.
    HeaderMap corrected = *map;
    corrected.setField(6, QStringLiteral("employer"));
    QCOMPARE(corrected.columnOf(QStringLiteral("employer")), 6);
    QCOMPARE(corrected.columnOf(QStringLiteral("notes")), -1);

    QVERIFY(!HeaderMap::detect(sheetOf({QStringLiteral("a,b,c"), QStringLiteral("1,2,3")})));
}

void TstRosterImport::mapsHeaderSynonyms_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("field");
    const QList<std::pair<const char*, const char*>> cases = {
        {"姓名", "name"},
        {"名字", "name"},
        {"身份证号", "idNumber"},
        {"身份证号码", "idNumber"},
        {"证件号码", "idNumber"},
        {"公民身份号码", "idNumber"},
        {"手机", "mobile"},
        {"手机号", "mobile"},
        {"联系电话", "mobile"},
        {"入会时间", "joinDate"},
        {"入会日期", "joinDate"},
        {"性别", "gender"},
        {"文化程度", "education"},
        {"政治面貌", "politicalStatus"},
        {"就业形态", "employmentForm"},
        {"会员证号", "cardNumber"},
        {"出生年月", "birthDate"},
        {"ID number", "idNumber"},
        {"身 份 证 号", "idNumber"},
        {"手机号码（选填）", "mobile"},
        {"职务/职称", "jobTitle"},
        {"工作岗位", "jobTitle"},
        // English rosters beyond our export's own labels.
        {"ID No.", "idNumber"},
        {"ID Card No.", "idNumber"},
        {"Full Name", "name"},
        {"Mobile Phone", "mobile"},
        {"Tel", "mobile"},
        {"Date of Joining", "joinDate"},
        {"Remarks", "notes"},
        {"Company", "employer"},
        {"Position", "jobTitle"},
        {"合计", ""},
    };
    for (const auto& [header, field] : cases)
        QTest::newRow(header) << QString::fromUtf8(header) << QString::fromLatin1(field);
}

void TstRosterImport::mapsHeaderSynonyms()
{
    QFETCH(QString, header);
    QFETCH(QString, field);
    QCOMPARE(HeaderMap::fieldFor(header), field);
}

void TstRosterImport::classifiesRows()
{
    const Sheet sheet =
        sheetOf({QStringLiteral("序号,姓名,身份证号码,手机号码"),
                 QStringLiteral("1,张三,110105196001010011,"), QStringLiteral("2,,,"), QStringLiteral(",,,"),
                 QStringLiteral("合计,,,"), QStringLiteral(",共 25 人,,"), QStringLiteral("总计：25人,,,"),
                 QStringLiteral("制表人：王会计,,审核人：李主席,"), QStringLiteral("填表日期：2024-03-01,,,"),
                 QStringLiteral(",李四,,"), QStringLiteral(",合计,共1人,"), QStringLiteral(",总计,1,"),
                 QStringLiteral(",单位负责人：王五,,联系电话：010-1234567"),
                 QStringLiteral("序号,姓名,身份证号码,手机号码"), QStringLiteral(",合计,4.40106E+17,"),
                 QStringLiteral(",填表人：王某,联系电话：13800000000,"), QStringLiteral(",以上共计12人,,"),
                 QStringLiteral("本页合计,,,"), QStringLiteral(",制表人：王某,电话：010-12345678,"),
                 QStringLiteral(",审核人：李某,手机：13800000000,"),
                 // An Excel table's totals row, as Chinese Excel labels it.
                 QStringLiteral("汇总,6,,"), QStringLiteral(",计数,6,")});
    const HeaderMap map = *HeaderMap::detect(sheet);
    using K = RowClassifier::Kind;
    // A count in the ID number column is not an ID number; a damaged ID number still is one.
    const QList<K> expected{K::Member,    K::Blank,     K::Blank,     K::Totals, K::Totals, K::Totals,
                            K::Signature, K::Signature, K::Member,    K::Totals, K::Totals, K::Signature,
                            K::Header,    K::Member,    K::Signature, K::Totals, K::Totals, K::Signature,
                            K::Signature, K::Totals,    K::Totals};
    for (int r = 1; r < sheet.rows.size(); ++r)
        QCOMPARE(RowClassifier::classify(sheet.rows.at(r), map), expected.at(r - 1));

    // In a member's own columns such words are the member's: a member whose ID number has not come
    // in yet is named as one, not skipped as a signature or a total.
    const Sheet own =
        sheetOf({QStringLiteral("序号,姓名,身份证号码,岗位,备注"), QStringLiteral("1,张三,,负责人,"),
                 QStringLiteral("2,李四,,,注：2023年调入"), QStringLiteral("3,王五,,Total Care专员,"),
                 QStringLiteral("制表人：王某,,,,"), QStringLiteral("合计,,,,")});
    // An HR export's columns that say who is no member: 是否工会会员 否, 员工状态 离职.
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("是否工会会员")), QStringLiteral("unionMember"));
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("员工状态")), QStringLiteral("employeeStatus"));
    using Kind = CellNormaliser::Verdict::Kind;
    const auto kindOf = [](const char* field, const QString& text) {
        return CellNormaliser::verdictOf(QLatin1String(field), SheetCell::fromText(text)).kind;
    };
    QCOMPARE(kindOf("unionMember", QStringLiteral("否")), Kind::NotImported);
    QCOMPARE(kindOf("unionMember", QStringLiteral("无")), Kind::NotImported);
    QCOMPARE(kindOf("unionMember", QStringLiteral("是")), Kind::Member);
    QCOMPARE(CellNormaliser::verdictOf(QStringLiteral("unionMember"), SheetCell()).kind, Kind::Member);
    QCOMPARE(kindOf("unionMember", QStringLiteral("离职")), Kind::NotImported);
    QCOMPARE(kindOf("employeeStatus", QStringLiteral("离职")), Kind::NotImported);
    QCOMPARE(kindOf("employeeStatus", QStringLiteral("试用")), Kind::Member);
    QCOMPARE(kindOf("employeeStatus", QStringLiteral("无")), Kind::Member);
    const CellNormaliser::Verdict retired = CellNormaliser::verdictOf(
        QStringLiteral("employeeStatus"), SheetCell::fromText(QStringLiteral("退休")));
    QCOMPARE(retired.kind, Kind::ImpliesStatus);
    QCOMPARE(retired.status, QStringLiteral("retained"));
    QCOMPARE(kindOf("unionMember", QStringLiteral("退会")), Kind::ImpliesStatus);
    {
        TestStore hr;
        const ImportPlan plan =
            planFor(hr, sheetOf({QStringLiteral("姓名,身份证号码,是否工会会员,员工状态"),
                                 QStringLiteral("甲,%1,是,在职").arg(TestStore::sampleIdNumber(1)),
                                 QStringLiteral("乙,%1,否,在职").arg(TestStore::sampleIdNumber(2)),
                                 QStringLiteral("丙,%1,,离职").arg(TestStore::sampleIdNumber(3))}));
        QCOMPARE(plan.validCount(), 1);
        QCOMPARE(plan.rows().at(1).status, ImportRow::Status::Error);
        QCOMPARE(plan.rows().at(2).status, ImportRow::Status::Error);
    }

    // Page numbers, print lines and a table's continuation, alone in their row, are no members.
    for (const QString& line :
         {QStringLiteral("第1页"), QStringLiteral("第 1 页，共 2 页"), QStringLiteral("第1页/共2页"),
          QStringLiteral("共2页 第1页"), QStringLiteral("1/2"), QStringLiteral("Page 1 of 2"),
          QStringLiteral("- 1 -"), QStringLiteral("打印日期：2024-03-01"), QStringLiteral("打印人：王某"),
          QStringLiteral("导出时间：2024-03-01 10:00"), QStringLiteral("数据来源：人事系统"),
          QStringLiteral("（续表）"), QStringLiteral("续上表"),
          QStringLiteral("某公司工会会员花名册（续）")}) {
        QVERIFY2(RowClassifier::isPageLine(line), qPrintable(line));
        QVERIFY2(RowClassifier::isSectionRow({SheetCell::fromText(line)}), qPrintable(line));
    }
    for (const QString& name : {QStringLiteral("张三"), QStringLiteral("第一车间"), QStringLiteral("续")})
        QVERIFY2(!RowClassifier::isPageLine(name), qPrintable(name));
    const HeaderMap ownMap = *HeaderMap::detect(own);
    const QList<K> ownExpected{K::Member, K::Member, K::Member, K::Signature, K::Totals};
    for (int r = 1; r < own.rows.size(); ++r)
        QCOMPARE(RowClassifier::classify(own.rows.at(r), ownMap), ownExpected.at(r - 1));
}

void TstRosterImport::refusesDamagedIdNumbers()
{
    const QString id = TestStore::sampleIdNumber(7);
    // In a number cell: refused even though this one happens to be whole again.
    CellNormaliser::Value v =
        CellNormaliser::normalise(QStringLiteral("idNumber"), SheetCell::fromNumber(id.toDouble()));
    QVERIFY(v.isError());
    QVERIFY2(v.error.contains(QStringLiteral("text")), qPrintable(v.error));
    QVERIFY(v.text.isEmpty());
    // Written in scientific notation (what Excel saves to CSV).
    v = CellNormaliser::normalise(QStringLiteral("idNumber"),
                                  SheetCell::fromText(QStringLiteral("1.10105E+17")));
    QVERIFY(v.isError());
    v = CellNormaliser::normalise(QStringLiteral("idNumber"),
                                  SheetCell::fromText(QStringLiteral("4,40106e17")));
    QVERIFY(v.isError());
    // Masked, as our export writes it without --unmasked.
    v = CellNormaliser::normalise(QStringLiteral("idNumber"), SheetCell::fromText(IdNumber::masked(id)));
    QVERIFY(v.isError());
    QVERIFY2(v.error.contains(QStringLiteral("masked")), qPrintable(v.error));
    // A foreigner's permanent residence card (since 2023: 18 characters beginning with 9).
    QVERIFY2(IdNumber::parse(u"911840198007071239")
                 .errorMessage()
                 .contains(QStringLiteral("外国人永久居留身份证")),
             qPrintable(IdNumber::parse(u"911840198007071239").errorMessage()));
    // A short card number survives a number cell; a long one does not.
    v = CellNormaliser::normalise(QStringLiteral("cardNumber"), SheetCell::fromNumber(12345));
    QVERIFY(!v.isError());
    QCOMPARE(v.text, QStringLiteral("12345"));
    QVERIFY(
        CellNormaliser::normalise(QStringLiteral("cardNumber"), SheetCell::fromNumber(1.2345678901234567e18))
            .isError());
    // An old 15-digit number keeps every digit in a number cell: stored in its 18-digit form, with a
    // word about the column.
    const QString id15 = id.left(6) + id.mid(8, 9);
    v = CellNormaliser::normalise(QStringLiteral("idNumber"), SheetCell::fromNumber(id15.toDouble()));
    QVERIFY2(!v.isError(), qPrintable(v.error));
    QCOMPARE(v.text, id15);
    QVERIFY2(v.warning.contains(id15) && v.warning.contains(QStringLiteral("number cell")),
             qPrintable(v.warning));
    // Not a fraction, and not 16 or 17 digits.
    QVERIFY(
        CellNormaliser::normalise(QStringLiteral("idNumber"), SheetCell::fromNumber(id15.toDouble() + 0.5))
            .isError());
    QVERIFY(CellNormaliser::normalise(QStringLiteral("idNumber"), SheetCell::fromNumber(id15.toDouble() * 10))
                .isError());
}

// A masked export imported again: the ID number refuses the row and says what to do; the masked
// mobile is no second message there, and elsewhere it is a warning, not "digits only".
void TstRosterImport::takesNoMaskedMobile()
{
    const CellNormaliser::Value v = CellNormaliser::normalise(
        QStringLiteral("mobile"), SheetCell::fromText(QStringLiteral("138****8000")));
    QVERIFY(!v.isError());
    QVERIFY(v.text.isEmpty());
    QVERIFY2(v.warning.contains(QStringLiteral("masked")), qPrintable(v.warning));
    const CellNormaliser::Value narrow = CellNormaliser::normalise(
        QStringLiteral("mobile"), SheetCell::fromText(QStringLiteral("##########")));
    QVERIFY(!narrow.isError() && narrow.text.isEmpty());
    QVERIFY2(narrow.warning.contains(QStringLiteral("too narrow")), qPrintable(narrow.warning));
    TestStore t;
    QVERIFY(t.isValid());
    const QString id = TestStore::sampleIdNumber(40);
    const ImportPlan plan =
        planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,手机号码"),
                            QStringLiteral("张三,%1,138****8000").arg(IdNumber::masked(id)),
                            QStringLiteral("李四,%1,139****1234").arg(TestStore::sampleIdNumber(41))}));
    QCOMPARE(plan.validCount(), 1);
    QVERIFY(findProblem(plan, 2, QStringLiteral("idNumber")));
    QVERIFY(!findProblem(plan, 2, QStringLiteral("mobile")));
    const ImportProblem* mobile = findProblem(plan, 3, QStringLiteral("mobile"));
    QVERIFY(mobile && !mobile->error);
    QVERIFY(plan.rows().at(1).member.mobile.isEmpty());
}

void TstRosterImport::normalisesIdNumberCells()
{
    TestStore t;
    QVERIFY(t.isValid());
    QString id = TestStore::idNumber(QStringLiteral("110105"), QDate(1985, 3, 1), 101);
    if (!id.endsWith(QLatin1Char('X'))) {
        // Find a number ending in X, to type it lower-case.
        for (int seq = 101; seq < 999 && !id.endsWith(QLatin1Char('X')); seq += 2)
            id = TestStore::idNumber(QStringLiteral("110105"), QDate(1985, 3, 1), seq);
    }
    QVERIFY(id.endsWith(QLatin1Char('X')));
    QString fullWidth;
    for (const QChar c : TestStore::sampleIdNumber(2))
        fullWidth.append(QChar(c.unicode() - u'0' + 0xFF10));
    const QString spaced =
        TestStore::sampleIdNumber(3).insert(6, QLatin1Char(' ')).insert(15, QLatin1Char(' '));
    const Sheet sheet = sheetOf({QStringLiteral("姓名,身份证号码"), QStringLiteral("甲,") + id.toLower(),
                                 QStringLiteral("乙,") + fullWidth, QStringLiteral("丙,") + spaced,
                                 QStringLiteral("丁,\t") + TestStore::sampleIdNumber(4),
                                 QStringLiteral("戊,'") + TestStore::sampleIdNumber(5),
                                 QStringLiteral("己,=\"") + TestStore::sampleIdNumber(6) + QLatin1Char('"')});
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.rejectedCount(), 0);
    QCOMPARE(plan.rows().size(), 6);
    QCOMPARE(plan.rows().at(0).member.idNumber, id);
    QCOMPARE(plan.rows().at(1).member.idNumber, TestStore::sampleIdNumber(2));
    QCOMPARE(plan.rows().at(2).member.idNumber, TestStore::sampleIdNumber(3));
    QCOMPARE(plan.rows().at(3).member.idNumber, TestStore::sampleIdNumber(4));
    QCOMPARE(plan.rows().at(4).member.idNumber, TestStore::sampleIdNumber(5));
    QCOMPARE(plan.rows().at(5).member.idNumber, TestStore::sampleIdNumber(6));
}

// Found by an acceptance run: one name pasted from a GBK file into a UTF-8 CSV made the whole file
// read as GB18030, and no header was found.
void TstRosterImport::refusesTheOneCellInAnotherEncoding()
{
    TestStore t;
    QVERIFY(t.isValid());
    const QByteArray bytes =
        QStringLiteral("姓名,身份证号码\r\n张三,%1\r\n").arg(TestStore::sampleIdNumber(30)).toUtf8() +
        TextDecoder::toGb18030(QStringLiteral("李四")) +
        QStringLiteral(",%1\r\n王五,%2\r\n")
            .arg(TestStore::sampleIdNumber(31), TestStore::sampleIdNumber(32))
            .toUtf8();
    QCOMPARE(TextDecoder::detect(bytes), TextDecoder::Encoding::Utf8);
    // A whole GBK file still reads as GB18030.
    QCOMPARE(TextDecoder::detect(TextDecoder::toGb18030(QString::fromUtf8(bytes))),
             TextDecoder::Encoding::Gb18030);
    const Sheet sheet = CsvReader::parse(TextDecoder::decode(bytes));
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 2);
    const ImportProblem* unreadable = findProblem(plan, 3, QStringLiteral("name"));
    QVERIFY(unreadable && unreadable->error);
    QVERIFY2(unreadable->reason.contains(QStringLiteral("encoding")), qPrintable(unreadable->reason));
}

void TstRosterImport::warnsOfTheTwinOfARefusedRow()
{
    TestStore t;
    QVERIFY(t.isValid());
    const QString id = TestStore::sampleIdNumber(20);
    const Sheet sheet = sheetOf({QStringLiteral("姓名,身份证号码,入会时间"),
                                 QStringLiteral("张三,%1,2099-1-1").arg(id),   // row 2: refused
                                 QStringLiteral("张三,%1,2020-1-1").arg(id),   // row 3: the same person
                                 QStringLiteral("张三,%1,2021-1-1").arg(id)}); // row 4: a third time
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 1);
    const ImportProblem* twin = findProblem(plan, 3, QStringLiteral("idNumber"));
    QVERIFY(twin && !twin->error);
    QVERIFY2(twin->reason.contains(QStringLiteral("row 2")), qPrintable(twin->reason));
    const ImportProblem* third = findProblem(plan, 4, QStringLiteral("idNumber"));
    QVERIFY(third && third->error);
    QVERIFY2(third->reason.contains(QStringLiteral("same person")), qPrintable(third->reason));

    // One number under two names: a mistyped number, more likely than a person twice.
    const ImportPlan named =
        planFor(t, sheetOf({QStringLiteral("姓名,身份证号码"), QStringLiteral("张三,%1").arg(id),
                            QStringLiteral("李四,%1").arg(id.toLower())}));
    const ImportProblem* mistyped = findProblem(named, 3, QStringLiteral("idNumber"));
    QVERIFY(mistyped && mistyped->error);
    QVERIFY2(mistyped->reason.contains(QStringLiteral("张三")) &&
                 mistyped->reason.contains(QStringLiteral("李四")) &&
                 mistyped->reason.contains(QStringLiteral("row 2")),
             qPrintable(mistyped->reason));
    QVERIFY2(third->reason.contains(QStringLiteral("row 3")), qPrintable(third->reason));
}

void TstRosterImport::planReportsEveryProblemWithExcelRowNumbers()
{
    TestStore t;
    QVERIFY(t.isValid());
    const QString man = TestStore::sampleIdNumber(10);   // even n: a man
    const QString woman = TestStore::sampleIdNumber(11); // odd n: a woman
    const Sheet sheet = sheetOf({
        QStringLiteral("XX公司工会会员花名册"), // row 1
        QStringLiteral(
            "序号,姓名,性别,身份证号码,手机号码,入会时间,学历,政治面貌,就业形态,会籍状态"), // row 2
        QStringLiteral("1,王一,男,%1,13812345679,2020-1-5,本科,党员,快递员,在会").arg(man), // 3 ok
        QStringLiteral("2,李二,男,%1,13800000000,2020.1.5,大专,群众,外卖骑手,保留会籍")
            .arg(woman),                                                  // 4 warnings
        QStringLiteral("3,张三,男,%1,13912345670,2020/1/5,,,,").arg(man), // 5 dup in file
        QStringLiteral("4,赵四,男,4.40106E+17,13912345671,43835,,,,"),    // 6 damaged
        QStringLiteral("5,钱五,女,%1,13812345679,去年,,,,").arg(TestStore::sampleIdNumber(13)), // 7 bad date
        QStringLiteral("6,孙六,女,%1,12345,2020-01-05,博士后,,,")
            .arg(TestStore::sampleIdNumber(15)),                                          // 8 errors
        QStringLiteral(",,,,,,,,,"),                                                      // 9 blank
        QStringLiteral("7,周七,女,%1,,2020年1月,,,,").arg(TestStore::sampleIdNumber(17)), // 10 month
        QStringLiteral("合计,共7人,,,,,,,,"),                                             // 11
        QStringLiteral("制表人：王会计,,,审核人：李主席,,,,,,"),                          // 12
    });
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.skippedCount(), 3);
    QCOMPARE(plan.rows().size(), 7);
    QCOMPARE(plan.validCount(), 4);
    QCOMPARE(plan.rejectedCount(), 3);

    QCOMPARE(plan.rows().at(0).row, 3);
    QCOMPARE(plan.rows().at(0).status, ImportRow::Status::Ok);
    const Member& first = plan.rows().at(0).member;
    QCOMPARE(first.education, QStringLiteral("bachelor"));
    QCOMPARE(first.politicalStatus, QStringLiteral("cpc"));
    QCOMPARE(first.employmentForm, QStringLiteral("courier"));
    QCOMPARE(first.joinDate, QStringLiteral("2020-01-05"));
    QCOMPARE(plan.rows().at(1).member.status, QStringLiteral("retained"));

    // Row 4: a gender contradicting the ID number and an odd-looking mobile are warnings.
    QCOMPARE(plan.rows().at(1).status, ImportRow::Status::Warning);
    const ImportProblem* gender = findProblem(plan, 4, QStringLiteral("gender"));
    QVERIFY(gender && !gender->error);
    QCOMPARE(gender->column, QStringLiteral("性别"));
    const ImportProblem* odd = findProblem(plan, 4, QStringLiteral("mobile"));
    QVERIFY(odd && !odd->error);

    // Row 5: the same person as row 3; the first stays.
    const ImportProblem* dup = findProblem(plan, 5, QStringLiteral("idNumber"));
    QVERIFY(dup && dup->error);
    QVERIFY2(dup->reason.contains(QStringLiteral("row 3")), qPrintable(dup->reason));

    // Row 6: a damaged ID number, with the value as the file has it.
    const ImportProblem* damaged = findProblem(plan, 6, QStringLiteral("idNumber"));
    QVERIFY(damaged && damaged->error);
    QCOMPARE(damaged->value, QStringLiteral("4.40106E+17"));
    QCOMPARE(damaged->column, QStringLiteral("身份证号码"));
    QCOMPARE(std::count_if(plan.problems().cbegin(), plan.problems().cend(),
                           [](const ImportProblem& p) { return p.row == 6; }),
             1);

    // Row 7: an unreadable date refuses the row; its mobile repeats row 3's (a warning).
    const ImportProblem* date = findProblem(plan, 7, QStringLiteral("joinDate"));
    QVERIFY(date && date->error);
    QCOMPARE(date->value, QStringLiteral("去年"));

    // Row 8: a bad mobile and an unknown education are warnings naming the value; the member comes
    // in without them instead of being refused for fields it can do without.
    const ImportProblem* badMobile = findProblem(plan, 8, QStringLiteral("mobile"));
    QVERIFY(badMobile && !badMobile->error);
    QVERIFY2(badMobile->reason.contains(QStringLiteral("\"12345\"")), qPrintable(badMobile->reason));
    const ImportProblem* unknownEducation = findProblem(plan, 8, QStringLiteral("education"));
    QVERIFY(unknownEducation && !unknownEducation->error);
    const auto row8 =
        std::find_if(plan.rows().cbegin(), plan.rows().cend(), [](const ImportRow& r) { return r.row == 8; });
    QVERIFY(row8 != plan.rows().cend());
    QCOMPARE(row8->status, ImportRow::Status::Warning);
    QVERIFY(row8->member.mobile.isEmpty());
    QVERIFY(row8->member.education.isEmpty());

    // Row 10: only a month: taken as the 1st, said once for the column on the header row (2).
    QCOMPARE(plan.rows().at(6).row, 10);
    QCOMPARE(plan.rows().at(6).member.joinDate, QStringLiteral("2020-01-01"));
    QVERIFY(!findProblem(plan, 10, QStringLiteral("joinDate")));
    const ImportProblem* month = findProblem(plan, 2, QStringLiteral("joinDate"));
    QVERIFY(month && !month->error);
    QVERIFY2(month->reason.contains(QStringLiteral("row 10")), qPrintable(month->reason));

    for (const ImportProblem& p : plan.problems())
        QVERIFY2(!p.reason.isEmpty() && p.row > 0, qPrintable(p.reason));
}

void TstRosterImport::duplicatesAgainstTheStore()
{
    TestStore t;
    QVERIFY(t.isValid());
    Member existing = TestStore::sampleMember(20, t.root().id);
    QVERIFY2(t.addMember(existing), qPrintable(t.error()));
    Member second = TestStore::sampleMember(22, t.root().id);
    QVERIFY2(t.addMember(second), qPrintable(t.error()));
    Member third = TestStore::sampleMember(23, t.root().id);
    QVERIFY2(t.addMember(third), qPrintable(t.error()));
    const Sheet sheet =
        sheetOf({QStringLiteral("姓名,身份证号码,手机号码,工作单位"),
                 QStringLiteral("某人,%1,13700000001,").arg(existing.idNumber),
                 QStringLiteral("另一人,%1,%2,").arg(TestStore::sampleIdNumber(21), existing.mobile),
                 // The same person again: as stored (an empty cell changes nothing), and with a new
                 // mobile and employer.
                 QStringLiteral("%1,%2,%3,").arg(second.name, second.idNumber, second.mobile),
                 QStringLiteral("%1,%2,15900000000,新单位").arg(third.name, third.idNumber)});
    const ImportPlan plan = planFor(t, sheet);
    // Another name on a stored number: a number typed wrong, most likely.
    const ImportProblem* already = findProblem(plan, 2, QStringLiteral("idNumber"));
    QVERIFY(already && already->error);
    QVERIFY2(already->reason.contains(existing.name) && already->reason.contains(QStringLiteral("某人")) &&
                 already->reason.contains(QStringLiteral("mistyped")),
             qPrintable(already->reason));
    const ImportProblem* mobile = findProblem(plan, 3, QStringLiteral("mobile"));
    QVERIFY(mobile && !mobile->error);
    QVERIFY2(mobile->reason.contains(existing.name), qPrintable(mobile->reason));
    const ImportProblem* same = findProblem(plan, 4, QStringLiteral("idNumber"));
    QVERIFY(same && same->error);
    QVERIFY2(same->reason.contains(QStringLiteral("same details")), qPrintable(same->reason));
    const ImportProblem* changed = findProblem(plan, 5, QStringLiteral("idNumber"));
    QVERIFY(changed && changed->error);
    QVERIFY2(changed->reason.contains(MemberValidator::fieldLabel(QStringLiteral("mobile"))) &&
                 changed->reason.contains(MemberValidator::fieldLabel(QStringLiteral("employer"))) &&
                 !changed->reason.contains(MemberValidator::fieldLabel(QStringLiteral("gender"))) &&
                 changed->reason.contains(QStringLiteral("does not change")),
             qPrintable(changed->reason));
    QCOMPARE(plan.validCount(), 1);
    // The two rows of members the roster holds (not the mistyped number) are a file imported again.
    QCOMPARE(plan.alreadyInRosterCount(), 2);
}

void TstRosterImport::aRefusedRowKeepsNoWarningOfHowItWouldComeIn()
{
    // "Birth date: … imported with the ID number's date" beside "Not imported" told the clerk two
    // things at once; a row that is refused lists what to correct.
    TestStore t;
    QVERIFY(t.isValid());
    const QString id = TestStore::sampleIdNumber(30);
    const Sheet sheet =
        sheetOf({QStringLiteral("姓名,身份证号码,出生日期,入会时间"),
                 QStringLiteral("某人,%1,1950-01-01,2020-02-30").arg(id),
                 QStringLiteral("某人乙,%1,1950-01-01,2020-02-03").arg(TestStore::sampleIdNumber(31))});
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 1);
    QVERIFY(findProblem(plan, 2, QStringLiteral("joinDate")) &&
            findProblem(plan, 2, QStringLiteral("joinDate"))->error);
    QVERIFY(!findProblem(plan, 2, QStringLiteral("birthDate")));
    // The same warning on a row that comes in stays.
    const ImportProblem* birth = findProblem(plan, 3, QStringLiteral("birthDate"));
    QVERIFY(birth && !birth->error);
}

void TstRosterImport::refusesANameSplitIntoTwoColumns()
{
    // 姓氏 | 名字: 名字 is a word for the name; the given name alone was stored (芳, 娜娜).
    TestStore t;
    QVERIFY(t.isValid());
    const Sheet sheet = sheetOf({QStringLiteral("姓氏,名字,身份证号码"),
                                 QStringLiteral("王,芳,%1").arg(TestStore::sampleIdNumber(40)),
                                 QStringLiteral("欧阳,娜娜,%1").arg(TestStore::sampleIdNumber(41))});
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 0);
    const ImportProblem* split = findProblem(plan, 3, QStringLiteral("name"));
    QVERIFY(split && split->error);
    QVERIFY2(split->reason.contains(QStringLiteral("two columns")) &&
                 split->reason.contains(QStringLiteral("=A2&B2")),
             qPrintable(split->reason));
    // 名字 alone is the name, as before.
    const ImportPlan alone =
        planFor(t, sheetOf({QStringLiteral("名字,身份证号码"),
                            QStringLiteral("王芳,%1").arg(TestStore::sampleIdNumber(42))}));
    QCOMPARE(alone.validCount(), 1);
}

void TstRosterImport::commitWritesEverythingInOneTransaction()
{
    TestStore t;
    QVERIFY(t.isValid());
    const Organisation base = t.addOrganisation(QStringLiteral("甲厂工会"));
    QVERIFY(!base.id.isEmpty());
    QStringList lines{QStringLiteral("姓名,身份证号码,手机号码,入会时间")};
    for (int n = 30; n < 330; ++n)
        lines.append(
            QStringLiteral("%1,%2,,2020-01-05").arg(TestStore::sampleName(n), TestStore::sampleIdNumber(n)));
    lines.append(QStringLiteral("坏行,123,,"));
    const Sheet sheet = sheetOf(lines);
    const ImportPlan plan = ImportPlan::build(sheet, *HeaderMap::detect(sheet), t.store(), base.id);
    QCOMPARE(plan.validCount(), 300);
    QCOMPARE(plan.rejectedCount(), 1);
    const int outboxBefore = outboxCount(t);
    int imported = 0;
    QString error;
    int progressCalls = 0;
    QList<std::pair<int, int>> reported;
    QVERIFY2(RosterImport::commit(plan, t.store(), t.scope(), TestStore::actor(), &imported, &error,
                                  [&](int done, int total) {
                                      reported.append({done, total});
                                      return ++progressCalls > 0;
                                  }),
             qPrintable(error));
    QCOMPARE(imported, 300);
    QVERIFY(progressCalls > 0);
    // The bar reaches its end only at the last step, which counts beyond the rows themselves.
    QCOMPARE(reported.constLast().first, reported.constLast().second);
    QVERIFY(reported.constLast().second > 300);
    for (qsizetype i = 0; i + 1 < reported.size(); ++i)
        QVERIFY(reported.at(i).first < reported.at(i).second);
    QCOMPARE(memberCount(t), 300);
    // Each member: its record and its "joined" event in the outbox, as MemberRepository::add writes them.
    QCOMPARE(outboxCount(t) - outboxBefore, 600);
    const std::optional<Member> m =
        MemberRepository(t.store(), t.scope()).findByIdNumber(TestStore::sampleIdNumber(31));
    QVERIFY(m);
    QCOMPARE(m->organisationId, base.id);
    QCOMPARE(MemberRepository(t.store(), t.scope()).history(m->id).size(), 1);
    // The name pieces were written at the end, all of them: every imported name is found by its surname.
    QSqlQuery pieces(t.store().connection());
    QVERIFY(pieces.exec(QStringLiteral("SELECT count(DISTINCT member_local_id) FROM member_name_gram")));
    QVERIFY(pieces.next());
    QCOMPARE(pieces.value(0).toInt(), 300);
}

void TstRosterImport::failedCommitLeavesTheStoreAsItWas()
{
    TestStore t;
    QVERIFY(t.isValid());
    Member kept = TestStore::sampleMember(40, t.root().id);
    QVERIFY(t.addMember(kept));
    QStringList lines{QStringLiteral("姓名,身份证号码")};
    for (int n = 41; n < 51; ++n)
        lines.append(TestStore::sampleName(n) + QLatin1Char(',') + TestStore::sampleIdNumber(n));
    const Sheet sheet = sheetOf(lines);
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 10);
    // Someone else adds the ninth person between the preview and the import: the import fails as a whole.
    Member late = TestStore::sampleMember(49, t.root().id);
    QVERIFY(t.addMember(late));
    const int members = memberCount(t);
    const int outbox = outboxCount(t);
    int imported = -1;
    QString error;
    QVERIFY(!RosterImport::commit(plan, t.store(), t.scope(), TestStore::actor(), &imported, &error));
    QCOMPARE(imported, 0);
    QVERIFY2(error.contains(QStringLiteral("Row 10")), qPrintable(error));
    // Not "transfer the member": the roster moved on since the check, and the same file again works.
    QVERIFY2(error.contains(late.idNumber) && error.contains(QStringLiteral("after this file was checked")) &&
                 error.contains(QStringLiteral("import the file again")) &&
                 !error.contains(QStringLiteral("transfer")),
             qPrintable(error));
    QCOMPARE(memberCount(t), members);
    QCOMPARE(outboxCount(t), outbox);
    QVERIFY(MemberRepository(t.store(), t.scope()).findByIdNumber(kept.idNumber));

    // Cancelled half-way: nothing either.
    TestStore u;
    QVERIFY(u.isValid());
    QStringList many{QStringLiteral("姓名,身份证号码")};
    for (int n = 100; n < 700; ++n)
        many.append(TestStore::sampleName(n) + QLatin1Char(',') + TestStore::sampleIdNumber(n));
    const ImportPlan big = planFor(u, sheetOf(many));
    QCOMPARE(big.validCount(), 600);
    QVERIFY(!RosterImport::commit(big, u.store(), u.scope(), TestStore::actor(), &imported, &error,
                                  [](int done, int) { return done < 512; }));
    QCOMPARE(memberCount(u), 0);
    // Cancelled at the very last step, after every row was written in the transaction: nothing.
    const int outboxBefore = outboxCount(u);
    QVERIFY(!RosterImport::commit(big, u.store(), u.scope(), TestStore::actor(), &imported, &error,
                                  [](int done, int total) { return done < total; }));
    QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
    QCOMPARE(memberCount(u), 0);
    QCOMPARE(outboxCount(u), outboxBefore);
    // The store still takes writes afterwards (no transaction left open).
    QVERIFY2(RosterImport::commit(big, u.store(), u.scope(), TestStore::actor(), &imported, &error),
             qPrintable(error));
    QCOMPARE(memberCount(u), 600);
}

void TstRosterImport::savepointsOnlyInsideAnOuterThatAllowsThem()
{
    TestStore t;
    QVERIFY(t.isValid());
    const QSqlDatabase db = t.store().connection();
    {
        Transaction plain(db);
        QVERIFY(plain.isActive());
        Transaction refused(db);
        QVERIFY(!refused.isActive());
    }
    {
        Transaction outer(db, Transaction::Nesting::AllowSavepoints);
        QVERIFY(outer.isActive());
        {
            Transaction kept(db);
            QVERIFY(kept.isActive());
            QVERIFY(t.store().setMeta(QStringLiteral("kept"), QStringLiteral("1")));
            QVERIFY(kept.commit());
        }
        {
            Transaction undone(db);
            QVERIFY(undone.isActive());
            QVERIFY(t.store().setMeta(QStringLiteral("undone"), QStringLiteral("1")));
        } // rolled back to its savepoint only
        QCOMPARE(t.store().meta(QStringLiteral("kept")), QStringLiteral("1"));
        QCOMPARE(t.store().meta(QStringLiteral("undone")), QString());
        QVERIFY(outer.commit());
    }
    QCOMPARE(t.store().meta(QStringLiteral("kept")), QStringLiteral("1"));
    {
        Transaction outer(db, Transaction::Nesting::AllowSavepoints);
        Transaction inner(db);
        QVERIFY(t.store().setMeta(QStringLiteral("gone"), QStringLiteral("1")));
        QVERIFY(inner.commit());
    } // the outer one rolls everything back
    QCOMPARE(t.store().meta(QStringLiteral("gone")), QString());
    // Afterwards a plain nested transaction is refused again.
    Transaction again(db);
    QVERIFY(again.isActive());
    Transaction nested(db);
    QVERIFY(!nested.isActive());
}

void TstRosterImport::readsXlsxWithTitlesNumericIdsAndDates()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("花名册.xlsx"));
    {
        XlsxWriter book(path);
        QVERIFY(book.addSheet(QStringLiteral("会员")));
        book.mergeText(0, 0, 5, QStringLiteral("XX公司工会会员花名册"));
        book.mergeText(1, 0, 5, QStringLiteral("填报单位：XX公司工会"), XlsxWriter::Style::Plain);
        const QStringList headers{QStringLiteral("序号"),       QStringLiteral("姓名"),
                                  QStringLiteral("身份证号码"), QStringLiteral("手机号"),
                                  QStringLiteral("入会日期"),   QStringLiteral("出生年月")};
        for (int c = 0; c < headers.size(); ++c)
            book.writeText(2, c, headers.at(c), XlsxWriter::Style::Header);
        // Row 4: text ID, a real date cell, a rare name.
        book.writeNumber(3, 0, 1);
        book.writeText(3, 1, kRareName2);
        book.writeText(3, 2, TestStore::sampleIdNumber(60), XlsxWriter::Style::Text);
        book.writeNumber(3, 3, 13812345679.0);
        book.writeDate(3, 4, QDate(2020, 1, 5));
        // Row 5: the ID number in a number cell; an Excel serial as a plain number.
        book.writeNumber(4, 0, 2);
        book.writeText(4, 1, QStringLiteral("李四"));
        book.writeNumber(4, 2, TestStore::sampleIdNumber(62).toDouble());
        book.writeNumber(4, 4, 43835);
        // Row 6: text dates.
        book.writeNumber(5, 0, 3);
        book.writeText(5, 1, kRareName1);
        book.writeText(5, 2, TestStore::sampleIdNumber(64).toLower());
        book.writeText(5, 4, QStringLiteral("2020年1月5日"));
        book.writeText(5, 5, QStringLiteral("1960.03"));
        book.mergeText(7, 0, 5, QStringLiteral("合计：共3人"), XlsxWriter::Style::Plain);
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 1);
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.name, QStringLiteral("会员"));
    QCOMPARE(sheet.rows.at(0).value(0).text, QStringLiteral("XX公司工会会员花名册"));
    QCOMPARE(sheet.rows.at(3).value(4).type, SheetCell::Type::Date);
    QCOMPARE(sheet.rows.at(3).value(4).date, QDate(2020, 1, 5));
    QCOMPARE(sheet.rows.at(4).value(2).type, SheetCell::Type::Number);

    TestStore t;
    QVERIFY(t.isValid());
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    QCOMPARE(choice->map.headerRow(), 2);
    const ImportPlan plan = ImportPlan::build(sheet, choice->map, t.store(), t.root().id);
    QCOMPARE(plan.rows().size(), 3);
    QCOMPARE(plan.skippedCount(), 2); // the empty row 7 and the totals row 8
    QCOMPARE(plan.rows().at(0).member.name, kRareName2);
    QCOMPARE(plan.rows().at(0).member.mobile, QStringLiteral("13812345679"));
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2020-01-05"));
    QCOMPARE(plan.rows().at(1).status, ImportRow::Status::Error);
    const ImportProblem* damaged = findProblem(plan, 5, QStringLiteral("idNumber"));
    QVERIFY(damaged && damaged->error);
    // As the clerk may see it: General (4.40106E+17) or formatted "0" (15 digits, then zeros).
    const QString id62 = TestStore::sampleIdNumber(62);
    QCOMPARE(damaged->value, QString::number(id62.toDouble(), 'E', 5));
    QVERIFY2(damaged->reason.contains(id62.left(15) + QStringLiteral("000")), qPrintable(damaged->reason));
    QCOMPARE(plan.rows().at(2).member.joinDate, QStringLiteral("2020-01-05"));
    QCOMPARE(plan.rows().at(2).member.idNumber, TestStore::sampleIdNumber(64));
    int imported = 0;
    QVERIFY2(RosterImport::commit(plan, t.store(), t.scope(), TestStore::actor(), &imported, &error),
             qPrintable(error));
    QCOMPARE(imported, 2);
    const auto stored = MemberRepository(t.store(), t.scope()).findByIdNumber(TestStore::sampleIdNumber(60));
    QVERIFY(stored);
    QCOMPARE(stored->name, kRareName2);
}

// Found by scripts/fuzz (UndefinedBehaviorSanitizer): a date-formatted cell holding 1e300 (or NaN)
// was converted to a day count beyond what an integer holds. Such a cell stays a number now, and the
// date field refuses it with a message.
void TstRosterImport::keepsImpossibleDateSerialsAsNumbers()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dates.xlsx"));
    {
        XlsxWriter book(path);
        QVERIFY(book.addSheet(QStringLiteral("会员")));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("身份证号码"));
        book.writeText(0, 2, QStringLiteral("入会日期"));
        const double serials[] = {43835, 1e300, -1e300, -1, 2958466};
        for (int r = 1; r <= 5; ++r) {
            book.writeText(r, 0, TestStore::sampleName(90 + r));
            book.writeText(r, 1, TestStore::sampleIdNumber(90 + r), XlsxWriter::Style::Text);
            book.writeNumber(r, 2, serials[r - 1], XlsxWriter::Style::Date);
        }
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.rows.at(1).value(2).type, SheetCell::Type::Date);
    QCOMPARE(sheet.rows.at(1).value(2).date, QDate(2020, 1, 5));
    for (int r = 2; r <= 5; ++r)
        QCOMPARE(sheet.rows.at(r).value(2).type, SheetCell::Type::Number);

    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.rows().size(), 5);
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2020-01-05"));
    for (int r = 3; r <= 6; ++r) {
        const ImportProblem* p = findProblem(plan, r, QStringLiteral("joinDate"));
        QVERIFY2(p && p->error, qPrintable(QString::number(r)));
    }
}

void TstRosterImport::picksTheSheet()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("two.xlsx"));
    {
        XlsxWriter book(path);
        // Instructions with a sample member under the headers: not the roster.
        QVERIFY(book.addSheet(QStringLiteral("填表说明")));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("身份证号"));
        book.writeText(1, 0, QStringLiteral("张三"));
        book.writeText(1, 1, TestStore::sampleIdNumber(68));
        QVERIFY(book.addSheet(QStringLiteral("一车间")));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("身份证号"));
        book.writeText(1, 0, QStringLiteral("王五"));
        book.writeText(1, 1, TestStore::sampleIdNumber(70));
        QVERIFY(book.addSheet(QStringLiteral("二车间")));
        book.writeText(0, 0, QStringLiteral("名字"));
        book.writeText(0, 1, QStringLiteral("证件号码"));
        book.writeText(1, 0, QStringLiteral("赵六"));
        book.writeText(1, 1, TestStore::sampleIdNumber(72));
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 3);
    auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY(choice);
    QCOMPARE(choice->sheet, 1);
    QCOMPARE(choice->otherRosters, QStringList{QStringLiteral("二车间")}); // said, not read
    choice = RosterImport::chooseSheet(workbook, QStringLiteral("二车间"), &error);
    QVERIFY(choice);
    QCOMPARE(choice->sheet, 2);
    choice = RosterImport::chooseSheet(workbook, QStringLiteral(" 二 车间 "), &error); // typed loosely
    QVERIFY(choice);
    QCOMPARE(choice->sheet, 2);
    QVERIFY(!RosterImport::chooseSheet(workbook, QStringLiteral("三车间"), &error));
    QVERIFY2(error.contains(QStringLiteral("一车间")), qPrintable(error));
    choice = RosterImport::chooseSheet(workbook, QStringLiteral("填表说明"), &error); // named: read
    QVERIFY(choice);
    QCOMPARE(choice->sheet, 0);
    // The instructions are read when no other sheet has a roster.
    workbook.sheets.removeLast();
    workbook.sheets.removeLast();
    choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY(choice);
    QCOMPARE(choice->sheet, 0);
}

void TstRosterImport::readsOds()
{
    QTemporaryDir dir;
    const QString tables =
        QStringLiteral(
            "<table:table table:name=\"花名册\">"
            "<table:table-row><table:table-cell "
            "office:value-type=\"string\"><text:p>姓名</text:p></table:table-cell>"
            "<table:table-cell office:value-type=\"string\"><text:p>身份证号码</text:p></table:table-cell>"
            "<table:table-cell office:value-type=\"string\"><text:p>入会</text:p><text:p>日期</text:p>"
            "</table:table-cell></table:table-row>"
            "<table:table-row><table:table-cell "
            "office:value-type=\"string\"><text:p>%1</text:p></table:table-cell>"
            "<table:table-cell office:value-type=\"string\"><text:p>%2</text:p></table:table-cell>"
            "<table:table-cell office:value-type=\"date\" "
            "office:date-value=\"2020-01-05\"><text:p>2020-01-05</text:p>"
            "</table:table-cell></table:table-row>"
            "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>李</text:p><text:p>四"
            "</text:p><office:annotation><text:p>批注：调入</text:p></office:annotation></table:table-cell>"
            "<table:table-cell office:value-type=\"float\" "
            "office:value=\"%3\"><text:p>%3</text:p></table:table-cell>"
            "</table:table-row>"
            "</table:table>")
            .arg(kRareName1, TestStore::sampleIdNumber(80), TestStore::sampleIdNumber(82));
    // scripts/setup installs zip: without it no .ods fixture can be made, and that must not pass.
    QVERIFY2(writeHandMadeOds(dir.filePath(QStringLiteral("roster.ods")), tables),
             "cannot make the .ods (is the zip tool missing? run scripts/setup)");

    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("roster.ods")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 1);
    QCOMPARE(workbook.sheets.first().name, QStringLiteral("花名册"));
    // Cells of two paragraphs (Alt+Enter), one with a comment: liborcus alone keeps only the last
    // paragraph, or the comment.
    QCOMPARE(workbook.sheets.first().rows.at(0).at(2).text, QStringLiteral("入会\n日期"));
    QCOMPARE(workbook.sheets.first().rows.at(2).at(0).text, QStringLiteral("李\n四"));
    TestStore t;
    QVERIFY(t.isValid());
    const ImportPlan plan = planFor(t, workbook.sheets.first());
    QCOMPARE(plan.rows().size(), 2);
    QCOMPARE(plan.rows().at(0).member.name, kRareName1);
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2020-01-05"));
    QCOMPARE(plan.rows().at(1).status, ImportRow::Status::Error); // the ID number in a number cell
    QCOMPARE(plan.rows().at(1).member.name, QStringLiteral("李四"));

    // Repeated rows and cells count as many as they stand for.
    const QByteArray body =
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
        "<office:spreadsheet><table:table table:name=\"a\"/><table:table table:name=\"b\">"
        "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell/></table:table-row>"
        "<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/>"
        "<table:covered-table-cell/><table:table-cell><text:p>a<text:line-break/>b<text:s "
        "text:c=\"2\"/>c</text:p></table:table-cell><table:table-cell "
        "table:number-columns-repeated=\"2147483647\"><text:p>x</text:p><text:p>y</text:p></table:table-cell>"
        "</table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>";
    const QList<OdsContentReader::Cell> cells = OdsContentReader(body).misreadCells();
    // A repeat beyond the sheet's width stops at its last column.
    QCOMPARE(cells.size(), 1 + 16384 - 4);
    QCOMPARE(cells.first().table, 1);
    QCOMPARE(cells.first().row, 3);
    QCOMPARE(cells.first().column, 3);
    QCOMPARE(cells.first().value.text, QStringLiteral("a\nb  c"));

    // Percentages, amounts of money and times, which liborcus drops: as they show, and a time as one.
    const QByteArray kinds =
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
        "<table:table table:name=\"a\"><table:table-row>"
        "<table:table-cell office:value-type=\"percentage\" office:value=\"0.35\"><text:p>35%</text:p>"
        "</table:table-cell><table:table-cell office:value-type=\"currency\" office:currency=\"CNY\" "
        "office:value=\"120\"><text:p>¥120.00</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"time\" office:time-value=\"PT08H30M00S\"><text:p>08:30:00"
        "</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>";
    const QList<OdsContentReader::Cell> kindCells = OdsContentReader(kinds).misreadCells();
    QCOMPARE(kindCells.size(), 3);
    QCOMPARE(kindCells.at(0).value.text, QStringLiteral("35%"));
    QCOMPARE(kindCells.at(1).value.text, QStringLiteral("¥120.00"));
    const SheetCell time = kindCells.at(2).value;
    QCOMPARE(time.type, SheetCell::Type::Date);
    QCOMPARE(CellNormaliser::normalise(QStringLiteral("notes"), time).text, QStringLiteral("08:30:00"));
    const CellNormaliser::Value joined = CellNormaliser::normalise(QStringLiteral("joinDate"), time);
    QVERIFY2(joined.isError() && joined.error.contains(QStringLiteral("08:30")), qPrintable(joined.error));

    // A card number under a format of zeros, its style in styles.xml (as LibreOffice keeps it): as it
    // shows. Not a number shown otherwise (1,234, 2020-01), nor a fraction, nor where no style pads.
    const QByteArray padded =
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
        "<table:table table:name=\"a\"><table:table-row>"
        "<table:table-cell office:value-type=\"float\" office:value=\"12345\"><text:p>012345</text:p>"
        "</table:table-cell><table:table-cell office:value-type=\"float\" "
        "office:value=\"123\"><text:p>HY00123"
        "</text:p></table:table-cell><table:table-cell office:value-type=\"float\" office:value=\"1234\">"
        "<text:p>1,234</text:p></table:table-cell><table:table-cell office:value-type=\"float\" "
        "office:value=\"1\"><text:p>2020-01</text:p></table:table-cell><table:table-cell "
        "office:value-type=\"float\" office:value=\"0.5\"><text:p>00.5</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"float\" "
        "office:value=\"77\"><text:p>77</text:p></table:table-cell>"
        "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>";
    const QByteArray styles = "<number:number-style style:name=\"N164\"><number:number "
                              "number:min-integer-digits=\"6\"/></number:number-style>";
    const QList<OdsContentReader::Cell> shown = OdsContentReader(padded, styles).misreadCells();
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown.at(0).value.text, QStringLiteral("012345"));
    QCOMPARE(shown.at(0).value.type, SheetCell::Type::Text);
    QVERIFY(shown.at(0).fromValue);
    QCOMPARE(shown.at(1).value.text, QStringLiteral("HY00123"));
    QVERIFY(OdsContentReader(padded).misreadCells().isEmpty());
    QCOMPARE(ZeroPaddedFormat::parse(QStringLiteral("\"HY\"00000"))->show(123), QStringLiteral("HY00123"));
    QVERIFY(!ZeroPaddedFormat::parse(QStringLiteral("000-0000-0000")));
    QCOMPARE(ZeroPaddedFormat::parse(QStringLiteral("00000;-00000"))->show(7), QStringLiteral("00007"));
    QCOMPARE(ZeroPaddedFormat::parse(QStringLiteral("[<=99999]00000;000000"))->show(99),
             QStringLiteral("00099"));
    QCOMPARE(ZeroPaddedFormat::parse(QStringLiteral("000000_ "))->show(88), QStringLiteral("000088"));
    QVERIFY(!ZeroPaddedFormat::parse(QStringLiteral("0")));
}

void TstRosterImport::refusesUnknownAndBrokenFiles()
{
    QTemporaryDir dir;
    Workbook workbook;
    QString error;
    QVERIFY(!SheetReader::readFile(dir.filePath(QStringLiteral("none.csv")), &workbook, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!SheetReader::readFile(dir.path(), &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("folder")), qPrintable(error));
    const QString empty = dir.filePath(QStringLiteral("empty.csv"));
    QVERIFY(writeFile(empty, QByteArray()));
    QVERIFY(!SheetReader::readFile(empty, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("0 bytes")), qPrintable(error));
    const QString doc = dir.filePath(QStringLiteral("roster.docx"));
    QVERIFY(writeFile(doc, QByteArray("\x00\x01\x02\x03\x04\x05", 6)));
    QVERIFY(!SheetReader::readFile(doc, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral(".xlsx")), qPrintable(error));
    for (const char* name : {"broken.xlsx", "broken.ods", "broken.xls"}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QVERIFY(writeFile(path, "PK\x03\x04 this is not a workbook"));
        error.clear();
        QVERIFY2(!SheetReader::readFile(path, &workbook, &error), name);
        QVERIFY2(!error.isEmpty(), name);
    }
}

// Excel's serials before its phantom 1900-02-29 are a day later than a count from 1899-12-30: our
// own export of a member born 1900-01-01 must read back as that day, not as 1899-12-31.
void TstRosterImport::readsDatesOfEarly1900()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("early.xlsx"));
    const QList<QDate> dates{QDate(1900, 1, 1), QDate(1900, 2, 28), QDate(1900, 3, 1), QDate(1985, 6, 12)};
    {
        XlsxWriter book(path);
        QVERIFY(book.addSheet(QStringLiteral("会员")));
        for (int r = 0; r < dates.size(); ++r)
            book.writeDate(r, 0, dates.at(r));
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    for (int r = 0; r < dates.size(); ++r)
        QCOMPARE(workbook.sheets.first().rows.at(r).value(0).date, dates.at(r));
}

// Found by the reader fuzz target: a 7 KB .xlsx whose zip directory claims a 2 GB part made liborcus
// reserve and clear 2 GB before failing. Such a file is refused before liborcus sees it.
void TstRosterImport::refusesPartsLargerThanTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("claims.xlsx"));
    {
        XlsxWriter book(path);
        QVERIFY(book.addSheet(QStringLiteral("会员")));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("身份证号码"));
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    QVERIFY(OrcusReader::hasPlausibleSizes(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    const qsizetype entry = bytes.indexOf(QByteArray("PK\x01\x02"));
    QVERIFY(entry > 0);
    bytes.replace(entry + 20, 4, QByteArray("\x30\x00\x00\x7F", 4)); // compressed size: 2 GB
    QVERIFY(file.seek(0) && file.write(bytes) == bytes.size());
    file.close();

    QVERIFY(!OrcusReader::hasPlausibleSizes(path));
    Workbook workbook;
    QString error;
    QVERIFY(!SheetReader::readFile(path, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
}

// A damaged sector in a sheet's compressed data: liborcus read the rows before it and stopped
// without an error, so a clerk imported the first half of a roster believing it whole.
void TstRosterImport::refusesPartsThatFailTheirChecksum()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flipped.xlsx"));
    {
        XlsxWriter book(path);
        QVERIFY(book.addSheet(QStringLiteral("会员")));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("工号"));
        for (int row = 1; row <= 3000; ++row) {
            book.writeText(row, 0, QStringLiteral("会员%1").arg(row * 7919 % 100003));
            book.writeNumber(row, 1, row * 104729 % 1000003);
        }
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    QVERIFY(ZipIntegrity(path).isIntact());
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    const QByteArray part("xl/worksheets/sheet1.xml");
    qsizetype header = -1;
    for (qsizetype at = bytes.indexOf(QByteArray("PK\x03\x04")); at >= 0;
         at = bytes.indexOf(QByteArray("PK\x03\x04"), at + 4)) {
        if (bytes.mid(at + 30, part.size()) == part) {
            header = at;
            break;
        }
    }
    QVERIFY(header >= 0);
    const auto le = [&](qsizetype at, int width) {
        quint32 value = 0;
        for (int i = width - 1; i >= 0; --i)
            value = value << 8 | static_cast<uchar>(bytes.at(at + i));
        return static_cast<qsizetype>(value);
    };
    const qsizetype data = header + 30 + le(header + 26, 2) + le(header + 28, 2);
    const qsizetype compressed = le(header + 18, 4);
    QVERIFY(compressed > 1000);
    bytes[data + compressed / 2] = static_cast<char>(bytes.at(data + compressed / 2) ^ 0x10);
    QVERIFY(file.seek(0) && file.write(bytes) == bytes.size());
    file.close();

    const ZipIntegrity damaged(path);
    QVERIFY(!damaged.isIntact());
    QCOMPARE(damaged.damagedPart(), QString::fromLatin1(part));
    QVERIFY(!SheetReader::readFile(path, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("flipped.xlsx")) && error.contains(QStringLiteral("damaged")) &&
                 error.contains(QString::fromLatin1(part)),
             qPrintable(error));
}

// A sheet a broken program wrote only half of, zipped whole: the checksums agree, but the XML stops
// after row 10, and liborcus read those ten rows as the whole sheet. Likewise a cell naming a shared
// string the list does not hold.
void TstRosterImport::refusesPartsCutShort()
{
    QTemporaryDir dir;
    QString rows = QStringLiteral("<row r=\"1\">%1%2</row>")
                       .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                            inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号码")));
    for (int r = 2; r <= 21; ++r) {
        const QString n = QString::number(r);
        rows += QStringLiteral("<row r=\"%1\">%2%3</row>")
                    .arg(n, inlineCell(QStringLiteral("A") + n, TestStore::sampleName(r)),
                         inlineCell(QStringLiteral("B") + n, TestStore::sampleIdNumber(r)));
    }
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("whole.xlsx"), {rows}));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("whole.xlsx")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.first().rows.size(), 21);

    const QStringList parts{
        QStringLiteral("[Content_Types].xml"), QStringLiteral("_rels/.rels"),
        QStringLiteral("xl/workbook.xml"),     QStringLiteral("xl/_rels/workbook.xml.rels"),
        QStringLiteral("xl/styles.xml"),       QStringLiteral("xl/worksheets/sheet1.xml")};
    // Packed with bzip2, which liborcus cannot unpack: said so, not "no header".
    const QString bzip2 = dir.filePath(QStringLiteral("bzip2.xlsx"));
    QProcess zip;
    zip.setWorkingDirectory(dir.path());
    zip.start(QStringLiteral("zip"), QStringList{QStringLiteral("-q"), QStringLiteral("-X"),
                                                 QStringLiteral("-Z"), QStringLiteral("bzip2"), bzip2} +
                                         parts);
    QVERIFY(zip.waitForFinished() && zip.exitCode() == 0);
    QCOMPARE(ZipIntegrity(bzip2).damage(), ZipIntegrity::Damage::Compression);
    QVERIFY(!SheetReader::readFile(bzip2, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("compression")), qPrintable(error));

    QFile sheet(dir.filePath(QStringLiteral("xl/worksheets/sheet1.xml")));
    QVERIFY(sheet.open(QIODevice::ReadWrite));
    QByteArray xml = sheet.readAll();
    qsizetype at = -1;
    for (int row = 0; row < 10; ++row)
        at = xml.indexOf("</row>", at + 1);
    QVERIFY(at > 0);
    xml.truncate(at + 6);
    QVERIFY(sheet.resize(0) && sheet.write(xml) == xml.size());
    sheet.close();
    const QString cut = dir.filePath(QStringLiteral("cut.xlsx"));
    QVERIFY(writeHandMadeZip(dir.path(), cut, parts));
    const ZipIntegrity integrity(cut);
    QCOMPARE(integrity.damage(), ZipIntegrity::Damage::Incomplete);
    QCOMPARE(integrity.damagedPart(), QStringLiteral("xl/worksheets/sheet1.xml"));
    QVERIFY(!SheetReader::readFile(cut, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("cut.xlsx")) && error.contains(QStringLiteral("damaged")),
             qPrintable(error));

    // A sheet the workbook names and the package lacks.
    const QString missingSheet = dir.filePath(QStringLiteral("missing.xlsx"));
    QVERIFY(writeHandMadeZip(dir.path(), missingSheet, parts.mid(0, parts.size() - 1)));
    QVERIFY(!SheetReader::readFile(missingSheet, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("missing.xlsx")) && error.contains(QStringLiteral("is missing")),
             qPrintable(error));

    // A web system writing GBK into a sheet declared UTF-8: liborcus read those cells empty.
    QByteArray gbk = xml.left(xml.indexOf("<sheetData>") + 11);
    gbk += QByteArray("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\xD5\xC5\xC8\xFD</t></is></c></row>"
                      "</sheetData></worksheet>");
    QVERIFY(sheet.open(QIODevice::WriteOnly | QIODevice::Truncate) && sheet.write(gbk) == gbk.size());
    sheet.close();
    const QString gbkPath = dir.filePath(QStringLiteral("gbk.xlsx"));
    QVERIFY(writeHandMadeZip(dir.path(), gbkPath, parts));
    QCOMPARE(ZipIntegrity(gbkPath).damage(), ZipIntegrity::Damage::Encoding);
    QVERIFY(!SheetReader::readFile(gbkPath, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("encoding")), qPrintable(error));

    // What counts as whole: the root element's end tag, whatever the prefix, the declaration and the
    // spaces after it; a root element that closes itself.
    QVERIFY(ZipIntegrity::xmlLooksWhole("<?xml version=\"1.0\"?>\r\n<worksheet a=\"1\"><x/>",
                                        "</sheetData></worksheet>\r\n"));
    QVERIFY(ZipIntegrity::xmlLooksWhole("<x:worksheet xmlns:x=\"u\">", "</x:worksheet>"));
    QVERIFY(ZipIntegrity::xmlLooksWhole("<sst count=\"0\"/>", "<sst count=\"0\"/>"));
    QVERIFY(!ZipIntegrity::xmlLooksWhole("<worksheet>", "<row r=\"5\"></row>"));
    QVERIFY(!ZipIntegrity::xmlLooksWhole("<x:worksheet>", "</x:sheetData>"));
    QVERIFY(!ZipIntegrity::xmlLooksWhole("<worksheet>", "<c r=\"A1\"><v>1"));

    // A shared string the list does not hold: the cell would be read empty.
    const QString strings = QStringLiteral("<si><t>姓名</t></si><si><t>身份证号码</t></si>");
    const QString missing =
        QStringLiteral("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v>"
                       "</c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>");
    QDir(dir.path()).removeRecursively();
    QVERIFY(QDir().mkpath(dir.path()));
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("strings.xlsx"), {missing}, QString(), {}, strings));
    QVERIFY(!SheetReader::readFile(dir.filePath(QStringLiteral("strings.xlsx")), &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("sharedStrings")), qPrintable(error));
}

// A CSV copied or downloaded only in part: cut in the middle of a character the file is refused; cut
// in the middle of a row, that row is, and the rows before it come in.
void TstRosterImport::refusesTextFilesCutShort()
{
    QTemporaryDir dir;
    QByteArray text("姓名,身份证号码,工作单位\r\n");
    for (int n = 1; n <= 3; ++n)
        text += (TestStore::sampleName(n) + QLatin1Char(',') + TestStore::sampleIdNumber(n) +
                 QStringLiteral(",第一车间\r\n"))
                    .toUtf8();
    const QString whole = dir.filePath(QStringLiteral("whole.csv"));
    QVERIFY(writeFile(whole, text));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(whole, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.first().cutRow, -1);

    // Zeros after the text: a few after the last line end are a terminator some programs write; a
    // run of them is a save or copy that never finished, refused as damaged (it read as "not a text
    // file", or a phantom last row).
    const QString terminated = dir.filePath(QStringLiteral("terminated.csv"));
    QVERIFY(writeFile(terminated, text + QByteArray(2, '\0')));
    QVERIFY2(SheetReader::readFile(terminated, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.first().rows.size(), 4);
    const QString padded = dir.filePath(QStringLiteral("padded.csv"));
    QVERIFY(writeFile(padded, text + QByteArray(1024, '\0')));
    QVERIFY(!SheetReader::readFile(padded, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("padded.csv")) && error.contains(QStringLiteral("zero bytes")),
             qPrintable(error));

    // In the middle of 间 (three bytes in UTF-8).
    const QString midCharacter = dir.filePath(QStringLiteral("char.csv"));
    QVERIFY(writeFile(midCharacter, text.left(text.size() - 3)));
    QVERIFY(!SheetReader::readFile(midCharacter, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("char.csv")) && error.contains(QStringLiteral("cut short")),
             qPrintable(error));

    // In the middle of the last ID number.
    const QString midRow = dir.filePath(QStringLiteral("row.csv"));
    QVERIFY(writeFile(midRow, text.left(text.lastIndexOf(',', text.size() - 3) - 5)));
    QVERIFY2(SheetReader::readFile(midRow, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.first().cutRow, 3);
    const std::optional<HeaderMap> map = HeaderMap::detect(workbook.sheets.first());
    QVERIFY(map);
    TestStore t;
    const ImportPlan plan = ImportPlan::build(workbook.sheets.first(), *map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rejectedCount(), 1); // the cut ID number refuses the row
    // The row is named as perhaps cut short: a warning, since a file whose last row leaves out its
    // empty columns looks the same (see below).
    const ImportProblem* cutProblem = findProblem(plan, 4, QString());
    QVERIFY(cutProblem && !cutProblem->error);
    QVERIFY2(cutProblem->reason.contains(QStringLiteral("cut short")), qPrintable(cutProblem->reason));

    // Whole last rows without a line end, found by a probe of sound files: one leaving out its empty
    // last column (an editor trimming trailing commas or tabs) comes in with the warning; one as wide
    // as the header below a row with a stray comma comes in without any.
    const QByteArray lines = text.left(text.lastIndexOf("\r\n", text.size() - 3) + 2);
    const QByteArray last =
        (TestStore::sampleName(3) + QLatin1Char(',') + TestStore::sampleIdNumber(3)).toUtf8();
    struct Case
    {
        const char* name;
        QByteArray bytes;
        bool warned;
    };
    const QByteArray wider =
        lines.left(lines.size() - 2) + QByteArray(",已核对\r\n") + last + QByteArray(",第一车间");
    for (const Case& c : {Case{"trimmed.csv", lines + last, true}, Case{"wider.csv", wider, false}}) {
        const QString path = dir.filePath(QString::fromLatin1(c.name));
        QVERIFY(writeFile(path, c.bytes));
        QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
        const std::optional<HeaderMap> header = HeaderMap::detect(workbook.sheets.first());
        QVERIFY(header);
        const ImportPlan complete =
            ImportPlan::build(workbook.sheets.first(), *header, t.store(), t.root().id);
        QCOMPARE(complete.validCount(), 3);
        QCOMPARE(complete.rejectedCount(), 0);
        QCOMPARE(findProblem(complete, 4, QString()) != nullptr, c.warned);
    }

    // Without a line end but whole: nothing is cut.
    const QString noLineEnd = dir.filePath(QStringLiteral("end.csv"));
    QVERIFY(writeFile(noLineEnd, text.left(text.size() - 2)));
    QVERIFY2(SheetReader::readFile(noLineEnd, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.first().cutRow, -1);

    // Ending in DOS's end-of-file mark (Ctrl-Z), after the last line end or instead of it: no row.
    for (const QByteArray& dos : QList<QByteArray>{text + "\x1A", text.left(text.size() - 2) + "\x1A"}) {
        const QString path = dir.filePath(QStringLiteral("dos.csv"));
        QVERIFY(writeFile(path, dos));
        QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
        QCOMPARE(workbook.sheets.first().rows.size(), 4);
        QCOMPARE(workbook.sheets.first().cutRow, -1);
        QCOMPARE(workbook.sheets.first().rows.last().last().text, QStringLiteral("第一车间"));
    }

    // A file of zeros only: what an unfinished copy leaves.
    const QString zeros = dir.filePath(QStringLiteral("zeros.xlsx"));
    QVERIFY(writeFile(zeros, QByteArray(20000, '\0')));
    QVERIFY(!SheetReader::readFile(zeros, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("zero bytes")), qPrintable(error));
}

void TstRosterImport::readsXlsInAProcessOfItsOwn()
{
    // A roster saved as .xls by LibreOffice (the fuzz corpus keeps it: nothing here writes .xls).
    const QString path = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../fuzz/corpus/roster-libreoffice.xls");
    QVERIFY(QFile::exists(path));
    QVERIFY2(!IsolatedXlsReader::helperPath().isEmpty(), "uniondesk-xls-reader is built beside the tests");
    QString error;
    QVERIFY(dynamic_cast<IsolatedXlsReader*>(SheetReader::forFile(path, &error).get()));
    Workbook workbook;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    QVERIFY(!workbook.sheets.isEmpty());
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    QVERIFY(choice->map.columnOf(QStringLiteral("name")) >= 0);
    // The same cells as FreeXL gives in this process.
    Workbook direct;
    QVERIFY2(FreeXlReader().read(path, &direct, &error), qPrintable(error));
    QCOMPARE(WorkbookCodec::encode(workbook), WorkbookCodec::encode(direct));
}

void TstRosterImport::crashingXlsReaderGivesAMessage()
{
    // FreeXL 1.0.6 overflows a buffer on some damaged files; the helper that crashes is stood in for
    // by one that crashes on every file. The importing program carries on with a message.
    QTemporaryDir dir;
    const QString helper = dir.filePath(QStringLiteral("crashing-reader"));
    QVERIFY(writeFile(helper, "#!/bin/sh\nkill -SEGV $$\n"));
    QVERIFY(QFile::setPermissions(helper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QString xls = dir.filePath(QStringLiteral("花名册.xls"));
    // A compound document's signature and nothing readable after it: the .xls reader's to read.
    QVERIFY(writeFile(xls, QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(4096, '\0')));
    qputenv("UNIONDESK_XLS_READER", helper.toLocal8Bit());
    Workbook workbook;
    QString error;
    const bool read = SheetReader::readFile(xls, &workbook, &error);
    qunsetenv("UNIONDESK_XLS_READER");
    QVERIFY(!read);
    QVERIFY2(error.contains(QStringLiteral("花名册.xls")) && error.contains(QStringLiteral(".xlsx")),
             qPrintable(error));
}

void TstRosterImport::workbookCodecRoundTrip()
{
    Workbook workbook;
    Sheet sheet;
    sheet.name = QStringLiteral("花名册");
    sheet.rows = {{SheetCell::fromText(kRareName2), SheetCell::fromNumber(4.40106e17), SheetCell()},
                  {},
                  {SheetCell::fromDate(QDate(2020, 1, 5)), SheetCell::fromBoolean(true)}};
    sheet.serialOrigin = QDate(1904, 1, 1);
    sheet.hiddenRows = {1, 2};
    sheet.hiddenColumns = {3, 0};
    Sheet hidden;
    hidden.name = QStringLiteral("空");
    hidden.hidden = true;
    hidden.rows = {{SheetCell::fromUncalculatedFormula()}};
    workbook.sheets = {sheet, hidden};
    const QByteArray bytes = WorkbookCodec::encode(workbook);
    Workbook back;
    QVERIFY(WorkbookCodec::decode(bytes, &back));
    QCOMPARE(WorkbookCodec::encode(back), bytes);
    QCOMPARE(back.sheets.size(), 2);
    QCOMPARE(back.sheets.at(0).serialOrigin, QDate(1904, 1, 1));
    QVERIFY(!back.sheets.at(0).hidden);
    QVERIFY(back.sheets.at(1).hidden);
    QCOMPARE(back.sheets.at(0).hiddenRows, (QSet<int>{1, 2}));
    QCOMPARE(back.sheets.at(0).hiddenColumns, (QSet<int>{0, 3}));
    QCOMPARE(back.sheets.at(0).rows.at(0).at(0).text, kRareName2);
    QCOMPARE(back.sheets.at(0).rows.at(0).at(1).type, SheetCell::Type::Number);
    QCOMPARE(back.sheets.at(0).rows.at(2).at(0).date, QDate(2020, 1, 5));
    QVERIFY(back.sheets.at(1).rows.at(0).at(0).uncalculatedFormula);
    QVERIFY(!back.sheets.at(0).rows.at(0).at(0).uncalculatedFormula);
    // Cut short or padded: refused, and the workbook is left alone.
    QVERIFY(!WorkbookCodec::decode(bytes.left(bytes.size() - 3), &back));
    QVERIFY(!WorkbookCodec::decode(bytes + "x", &back));
    QVERIFY(!WorkbookCodec::decode(QByteArray("not a workbook"), &back));
    QCOMPARE(back.sheets.size(), 2);
}

// WPS and report tools write text as inline strings, which liborcus 0.17 drops.
void TstRosterImport::readsInlineStrings()
{
    QTemporaryDir dir;
    const QString id = TestStore::sampleIdNumber(84);
    const QString rows =
        QStringLiteral("<row r=\"1\">%1%2</row><row r=\"2\">%3%4<c r=\"C2\"><v>7</v></c></row>"
                       "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><r><t>王</t></r><r><t>五</t></r>"
                       "<rPh sb=\"0\" eb=\"1\"><t>wang</t></rPh></is></c></row>")
            .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                 inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号")),
                 inlineCell(QStringLiteral("A2"), kRareName1), inlineCell(QStringLiteral("B2"), id));
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("inline.xlsx"), {rows}));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("inline.xlsx")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 1);
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.rows.size(), 3);
    QCOMPARE(sheet.rows.at(0).at(0).text, QStringLiteral("姓名"));
    QCOMPARE(sheet.rows.at(1).at(0).type, SheetCell::Type::Text);
    QCOMPARE(sheet.rows.at(1).at(0).text, kRareName1);
    QCOMPARE(sheet.rows.at(1).at(1).text, id);
    QCOMPARE(sheet.rows.at(1).at(2).type, SheetCell::Type::Number); // ordinary cells beside them
    QCOMPARE(sheet.rows.at(2).at(0).text, QStringLiteral("王五"));  // rich runs joined, no phonetics
    TestStore t;
    QVERIFY(t.isValid());
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.rows().size(), 2);
    QCOMPARE(plan.rows().at(0).member.name, kRareName1);
}

// SheetJS (by default) and exceljs's streaming writer store text as a formula's text result with no
// formula (t="str"); liborcus drops those cells, and beside ordinary numbers and shared strings a
// roster lost its names, or its 工作单位 without a word.
void TstRosterImport::readsTextWrittenAsFormulaResults()
{
    QTemporaryDir dir;
    const QString id = TestStore::sampleIdNumber(85);
    const auto str = [](const QString& ref, const QString& text) -> QString {
        return QStringLiteral("<c r=\"%1\" t=\"str\"><v>%2</v></c>").arg(ref, text);
    };
    const QString rows =
        QStringLiteral("<row r=\"1\">%1%2%3<c r=\"D1\" t=\"s\"><v>0</v></c></row>"
                       "<row r=\"2\">%4%5%6<c r=\"D2\"><v>7</v></c></row>"
                       "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>\"王\"&amp;\"五\"</f><v>王五</v></c></row>")
            .arg(str(QStringLiteral("A1"), QStringLiteral("姓名")),
                 str(QStringLiteral("B1"), QStringLiteral("身份证号")),
                 str(QStringLiteral("C1"), QStringLiteral("工作单位")), str(QStringLiteral("A2"), kRareName1),
                 str(QStringLiteral("B2"), id), str(QStringLiteral("C2"), QStringLiteral("XX公司生产部")));
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("str.xlsx"), {rows}, QString(), {},
                              QStringLiteral("<si><t>序号</t></si>")));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("str.xlsx")), &workbook, &error),
             qPrintable(error));
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.rows.size(), 3);
    QCOMPARE(sheet.rows.at(0).at(0).text, QStringLiteral("姓名"));
    QCOMPARE(sheet.rows.at(0).at(3).text, QStringLiteral("序号"));
    QCOMPARE(sheet.rows.at(1).at(0).text, kRareName1);
    QCOMPARE(sheet.rows.at(1).at(1).text, id);
    QCOMPARE(sheet.rows.at(1).at(2).text, QStringLiteral("XX公司生产部"));
    QCOMPARE(sheet.rows.at(1).at(3).type, SheetCell::Type::Number);
    QCOMPARE(sheet.rows.at(2).at(0).text, QStringLiteral("王五")); // a real formula's result, as before
    TestStore t;
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.rows().at(0).member.employer, QStringLiteral("XX公司生产部"));

    // SheetJS with bookSST keeps a formula's text result in the shared strings (t="s" with <f>),
    // which liborcus takes for a formula never calculated. One really never calculated stays so.
    const QString shared = QStringLiteral(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
        "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>6</v></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c>"
        "<c r=\"C2\" t=\"s\"><f>\"XX公司\"&amp;\"生产部\"</f><v>5</v></c><c r=\"D2\"><f>1+1</f></c></row>");
    const QString strings =
        QStringLiteral("<si><t>姓名</t></si><si><t>身份证号</t></si><si><t>工作单位</t></si>"
                       "<si><t>%1</t></si><si><t>%2</t></si><si><t>XX公司生产部</t></si>"
                       "<si><t>备注</t></si>")
            .arg(kRareName1, id);
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("sst.xlsx"), {shared}, QString(), {}, strings));
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("sst.xlsx")), &workbook, &error),
             qPrintable(error));
    const Sheet& sst = workbook.sheets.first();
    QCOMPARE(sst.rows.at(1).at(1).text, id);
    QCOMPARE(sst.rows.at(1).at(2).type, SheetCell::Type::Text);
    QCOMPARE(sst.rows.at(1).at(2).text, QStringLiteral("XX公司生产部"));
    QVERIFY(sst.rows.at(1).at(3).uncalculatedFormula);
    QCOMPARE(planFor(t, sst).rows().at(0).member.employer, QStringLiteral("XX公司生产部"));

    // xlsxwriter (pandas too) caches 0 for every formula it cannot calculate and asks for the workbook
    // to be calculated on opening: that 0 is no result. One it was given (2) is, and without
    // fullCalcOnLoad a 0 is a 0.
    const QString zeros =
        QStringLiteral(
            "<row r=\"1\">%1%2%3%4</row><row r=\"2\">%5%6<c r=\"C2\"><f>\"GH\"&amp;\"0001\"</f><v>0</v></c>"
            "<c r=\"D2\"><f>1+1</f><v>2</v></c></row>")
            .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                 inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号")),
                 inlineCell(QStringLiteral("C1"), QStringLiteral("会员卡号")),
                 inlineCell(QStringLiteral("D1"), QStringLiteral("备注")),
                 inlineCell(QStringLiteral("A2"), kRareName1), inlineCell(QStringLiteral("B2"), id));
    for (const bool calcOnLoad : {true, false}) {
        QTemporaryDir sub;
        QVERIFY(writeHandMadeXlsx(
            sub.path(), QStringLiteral("zeros.xlsx"), {zeros},
            calcOnLoad ? QStringLiteral("<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/>") : QString()));
        QVERIFY2(SheetReader::readFile(sub.filePath(QStringLiteral("zeros.xlsx")), &workbook, &error),
                 qPrintable(error));
        const QList<SheetCell>& row = workbook.sheets.first().rows.at(1);
        QCOMPARE(row.at(2).uncalculatedFormula, calcOnLoad);
        QCOMPARE(row.at(2).type, calcOnLoad ? SheetCell::Type::Empty : SheetCell::Type::Number);
        QCOMPARE(row.at(3).type, SheetCell::Type::Number);
        QCOMPARE(row.at(3).number, 2.0);
        if (calcOnLoad) {
            const ImportPlan zeroPlan = planFor(t, workbook.sheets.first());
            QCOMPARE(zeroPlan.rows().at(0).member.cardNumber, QString());
            QCOMPARE(zeroPlan.rows().at(0).status, ImportRow::Status::Warning); // the clerk is told
            QCOMPARE(zeroPlan.problems().first().field, QStringLiteral("cardNumber"));
        }
    }
}

// <workbookPr date1904="1"/>: serial 0 is 1904-01-01, not 1899-12-30 (1462 days apart).
void TstRosterImport::readsThe1904DateSystem()
{
    QTemporaryDir dir;
    const QString rows =
        QStringLiteral("<row r=\"1\">%1%2%3</row><row r=\"2\">%4%5<c r=\"C2\" s=\"1\"><v>42373</v></c></row>")
            .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                 inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号")),
                 inlineCell(QStringLiteral("C1"), QStringLiteral("入会日期")),
                 inlineCell(QStringLiteral("A2"), QStringLiteral("张三")),
                 inlineCell(QStringLiteral("B2"), TestStore::sampleIdNumber(86)));
    // The same day typed as a plain number into a General cell (no style): read as a date by the
    // import, in the workbook's date system too.
    const QString general = QStringLiteral("<row r=\"3\">%1%2<c r=\"C3\"><v>42373</v></c></row>")
                                .arg(inlineCell(QStringLiteral("A3"), QStringLiteral("李四")),
                                     inlineCell(QStringLiteral("B3"), TestStore::sampleIdNumber(87)));
    // Excel 2013 and later also write <x15:workbookPr> among the extensions, which says nothing of
    // the date system.
    const QString extension = QStringLiteral(
        "<extLst><ext uri=\"{140A7094-0E35-4892-8432-C4D2E57EDEB5}\" "
        "xmlns:x15=\"http://schemas.microsoft.com/office/spreadsheetml/2010/11/main\"><x15:workbookPr "
        "chartTrackingRefBase=\"1\"/></ext></extLst>");
    for (const QString& pr : QStringList{
             QStringLiteral("<workbookPr date1904=\"1\"/>"),
             QStringLiteral("<workbookPr date1904=\"true\"/>"),
             QStringLiteral("<workbookPr defaultThemeVersion=\"153222\" date1904=\"1\"/>") + extension,
             QString()}) {
        QTemporaryDir sub;
        QVERIFY(writeHandMadeXlsx(sub.path(), QStringLiteral("dates.xlsx"), {rows + general}, pr));
        Workbook workbook;
        QString error;
        QVERIFY2(SheetReader::readFile(sub.filePath(QStringLiteral("dates.xlsx")), &workbook, &error),
                 qPrintable(error));
        const SheetCell& cell = workbook.sheets.first().rows.at(1).at(2);
        QCOMPARE(cell.type, SheetCell::Type::Date);
        if (pr.isEmpty()) {
            QCOMPARE(cell.date, QDate(2016, 1, 4));
        } else {
            QCOMPARE(cell.date, QDate(2020, 1, 5));
            QCOMPARE(cell.number, 42373.0 + 1462); // the serial as the 1900 date system counts it
        }
        const SheetCell& number = workbook.sheets.first().rows.at(2).at(2);
        QCOMPARE(number.type, SheetCell::Type::Number);
        TestStore t;
        const ImportPlan plan = planFor(t, workbook.sheets.first());
        QCOMPARE(plan.rows().size(), 2);
        const QString day = pr.isEmpty() ? QStringLiteral("2016-01-04") : QStringLiteral("2020-01-05");
        QCOMPARE(plan.rows().at(0).member.joinDate, day);
        QCOMPARE(plan.rows().at(1).member.joinDate, day);
    }
    QCOMPARE(ClerkDate::fromSerial(42373, QDate(1904, 1, 1)), QDate(2020, 1, 5));
    QCOMPARE(ClerkDate::fromSerial(42373, QDate(1899, 12, 30)), QDate(2016, 1, 4));
    // A date and time in the General format: the day counts, the time does not.
    QCOMPARE(ClerkDate::parse(SheetCell::fromNumber(43835.75)).date, QDate(2020, 1, 5));
    QCOMPARE(ClerkDate::parse(QStringLiteral("42373"), QDate(1904, 1, 1)).date, QDate(2020, 1, 5));
    // 202001 typed into a number cell: a month, not a serial.
    QCOMPARE(ClerkDate::parse(SheetCell::fromNumber(202001)).date, QDate(2020, 1, 1));
    QVERIFY(ClerkDate::parse(SheetCell::fromNumber(202001)).monthOnly);
}

// A hidden sheet (an old roster, a lookup list) is not taken when a visible sheet has a header row.
void TstRosterImport::skipsHiddenSheets()
{
    QTemporaryDir dir;
    auto roster = [](const QString& name, int id) {
        return QStringLiteral("<row r=\"1\">%1%2</row><row r=\"2\">%3%4</row>")
            .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                 inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号")),
                 inlineCell(QStringLiteral("A2"), name),
                 inlineCell(QStringLiteral("B2"), TestStore::sampleIdNumber(id)));
    };
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("hidden.xlsx"),
                              {roster(QStringLiteral("旧人"), 88), roster(QStringLiteral("新人"), 90)},
                              QString(), {QStringLiteral("hidden"), QString()}));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("hidden.xlsx")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 2);
    QVERIFY(workbook.sheets.at(0).hidden);
    QVERIFY(!workbook.sheets.at(1).hidden);
    auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY(choice);
    QCOMPARE(choice->sheet, 1);
    // Named with the other rosters the import leaves alone: its members are not imported either.
    QCOMPARE(choice->otherRosters, QStringList{QStringLiteral("Sheet1")});
    // Asked for by name, or the only one with a header: the hidden sheet is still read.
    choice = RosterImport::chooseSheet(workbook, QStringLiteral("Sheet1"), &error);
    QVERIFY(choice);
    QCOMPARE(choice->sheet, 0);
    workbook.sheets[1].rows.clear();
    choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY(choice);
    QCOMPARE(choice->sheet, 0);

    // .ods: the table's style says table:display="false".
    QString tables;
    for (const QString& name : {QStringLiteral("旧表"), QStringLiteral("花名册")}) {
        tables +=
            QStringLiteral("<table:table table:name=\"%1\" table:style-name=\"%2\"><table:table-row>"
                           "<table:table-cell office:value-type=\"string\"><text:p>姓名</text:p>"
                           "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>"
                           "身份证号</text:p></table:table-cell></table:table-row></table:table>")
                .arg(name, name == QStringLiteral("旧表") ? QStringLiteral("ta1") : QStringLiteral("ta2"));
    }
    QTemporaryDir odsDir;
    QVERIFY(writeHandMadeOds(
        odsDir.filePath(QStringLiteral("hidden.ods")), tables,
        QStringLiteral(
            "<style:style style:name=\"ta1\" style:family=\"table\"><style:table-properties "
            "table:display=\"false\"/></style:style><style:style style:name=\"ta2\" "
            "style:family=\"table\"><style:table-properties table:display=\"true\"/></style:style>")));
    QVERIFY2(SheetReader::readFile(odsDir.filePath(QStringLiteral("hidden.ods")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 2);
    QVERIFY(workbook.sheets.at(0).hidden);
    QVERIFY(!workbook.sheets.at(1).hidden);
    choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY(choice);
    QCOMPARE(choice->sheet, 1);
}

// liborcus's archive errors have no text: the message says what is wrong with the file instead.
void TstRosterImport::explainsUnreadableWorkbooks()
{
    QTemporaryDir dir;
    QByteArray truncated;
    {
        const QString good = dir.filePath(QStringLiteral("good.xlsx"));
        XlsxWriter book(good);
        QVERIFY(book.addSheet(QStringLiteral("会员")));
        book.writeText(0, 0, QStringLiteral("姓名"));
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
        QFile file(good);
        QVERIFY(file.open(QIODevice::ReadOnly));
        truncated = file.readAll();
        truncated.truncate(truncated.size() / 2);
    }
    const QList<std::pair<QString, QByteArray>> files = {
        {QStringLiteral("empty.xlsx"), QByteArray()},
        {QStringLiteral("random.xlsx"), QByteArray("\x13\x37\xBE\xEF random bytes, not a zip")},
        {QStringLiteral("old.xlsx"),
         QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(4088, '\0')},
        {QStringLiteral("truncated.xlsx"), truncated},
    };
    for (const auto& [name, bytes] : files) {
        const QString path = dir.filePath(name);
        QVERIFY(writeFile(path, bytes));
        Workbook workbook;
        QString error;
        QVERIFY2(!SheetReader::readFile(path, &workbook, &error), qPrintable(name));
        QVERIFY2(error.startsWith(name), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("()")), qPrintable(error));
        // old.xlsx is read as the .xls it is, by uniondesk-xls-reader, which speaks the language the
        // program's settings name.
        QVERIFY2(error.contains(QStringLiteral("empty")) || error.contains(QStringLiteral("not a")) ||
                     error.contains(QStringLiteral("damaged")) || error.contains(QStringLiteral("已损坏")),
                 qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TstRosterImport)
// A title between two blocks of a roster is neither a member nor a refused row; a name alone is a
// member row without its ID number, refused so that the clerk sees it.
void TstRosterImport::skipsSectionTitles()
{
    const QString id0 = TestStore::sampleIdNumber(0);
    const QString id1 = TestStore::sampleIdNumber(1);
    const Sheet sheet = sheetOf({QStringLiteral("姓名,身份证号码,手机号码"), QStringLiteral("在职职工,,"),
                                 QStringLiteral("张三,%1,").arg(id0), QStringLiteral("退休职工（2人）：,,"),
                                 QStringLiteral("一、机关,,"), QStringLiteral("（二）第二分会,,"),
                                 QStringLiteral("李四,%1,").arg(id1), QStringLiteral("王五,,")});
    for (const QString& title :
         {QStringLiteral("退休职工"), QStringLiteral("一、机关"), QStringLiteral("(3)车间"),
          QStringLiteral("2. 销售部门"), QStringLiteral("第二分会"), QStringLiteral("机关"),
          QStringLiteral("财务处"), QStringLiteral("办公室"), QStringLiteral("第一车队"),
          QStringLiteral("信息中心")})
        QVERIFY2(RowClassifier::isSectionTitle(title), qPrintable(title));
    for (const QString& name :
         {QStringLiteral("王五"), QStringLiteral("第五强"), QStringLiteral("阿卜杜·热合曼"),
          QStringLiteral("王处"), QStringLiteral("李科"), QStringLiteral("张志科")})
        QVERIFY2(!RowClassifier::isSectionTitle(name), qPrintable(name));
    TestStore t;
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rejectedCount(), 1);
    QCOMPARE(plan.skippedCount(), 4);
    QCOMPARE(plan.errors().size(), 1);
    QCOMPARE(plan.errors().first().row, 8);
    QCOMPARE(plan.errors().first().field, QStringLiteral("idNumber"));
}

// Values below no header are not imported; the clerk is told once, on the header row, which column
// and from which row. A second 备注 column is more of the member's notes.
void TstRosterImport::warnsOfColumnsLeftBehind()
{
    const QString id0 = TestStore::sampleIdNumber(0);
    const QString id1 = TestStore::sampleIdNumber(1);
    const Sheet sheet =
        sheetOf({QStringLiteral("花名册,,,,,"), QStringLiteral("姓名,身份证号码,备注,备注,,"),
                 QStringLiteral("张三,%1,党员,,,").arg(id0), QStringLiteral("李四,%1,,调入,,补录").arg(id1),
                 QStringLiteral("合计,,,,2人,")});
    TestStore t;
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 2);
    const QList<ImportProblem> warnings = plan.warnings();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.at(0).row, 2);
    QVERIFY(warnings.at(0).field.isEmpty());
    QVERIFY2(warnings.at(0).column.contains(QLatin1Char('F')), qPrintable(warnings.at(0).column));
    QCOMPARE(plan.rows().at(0).member.notes, QStringLiteral("党员"));
    QCOMPARE(plan.rows().at(1).member.notes, QStringLiteral("调入"));
    const ImportPlan both = planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,备注,备注"),
                                                QStringLiteral("张三,%1,党员,2019年调入").arg(id0)}));
    QVERIFY(both.warnings().isEmpty());
    QVERIFY2(both.rows().at(0).member.notes.startsWith(QStringLiteral("党员")) &&
                 both.rows().at(0).member.notes.endsWith(QStringLiteral("2019年调入")),
             qPrintable(both.rows().at(0).member.notes));
    QCOMPARE(plan.rows().at(0).status, ImportRow::Status::Ok);
    // Column E holds only the totals row's count: nothing of a member's is left behind there.
    for (const ImportProblem& p : warnings)
        QVERIFY2(!p.column.contains(QLatin1Char('E')), qPrintable(p.column));

    // A 备注 spanning the column after it (Gnumeric's web page export of a long note, colspan="2"):
    // the filled copy is not a column of its own left behind.
    Sheet spill = sheetOf({QStringLiteral("姓名,身份证号码,备注"), QStringLiteral("张三,%1,调入").arg(id0),
                           QStringLiteral("李四,%1,原单位：某厂").arg(id1)});
    spill.rows[2].append(spill.rows.at(2).at(2)); // as HtmlTableReader fills colspan="2"
    const ImportPlan spilt = planFor(t, spill);
    QCOMPARE(spilt.validCount(), 2);
    QVERIFY(spilt.warnings().isEmpty());
    QCOMPARE(spilt.rows().at(1).member.notes, QStringLiteral("原单位：某厂"));
    // A value of its own there still is.
    spill.rows[1].append(SheetCell::fromText(QStringLiteral("补录")));
    QCOMPARE(planFor(t, spill).warnings().size(), 1);
}

// An old 15-digit number is stored as 18 digits; the clerk is told which number became which.
void TstRosterImport::warnsOfConvertedOldIdNumbers()
{
    const QString id18 = TestStore::sampleIdNumber(3);
    const QString id15 = id18.left(6) + id18.mid(8, 9);
    const Sheet sheet = sheetOf({QStringLiteral("姓名,身份证号码"), QStringLiteral("张三,%1").arg(id15),
                                 QStringLiteral("李四,%1").arg(TestStore::sampleIdNumber(4))});
    TestStore t;
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rows().at(0).member.idNumber, id18);
    const ImportProblem* p = findProblem(plan, 2, QStringLiteral("idNumber"));
    QVERIFY(p);
    QVERIFY(!p->error);
    QVERIFY2(p->reason.contains(id15) && p->reason.contains(id18), qPrintable(p->reason));
    QCOMPARE(plan.warnings().size(), 1);
}

// Shared strings and parts as exporters other than Excel write them: an empty string (<t/>, Java's
// ""), phonetic runs, _x000D_ escapes, ISO date and error cells, and every part named by its absolute
// path (.NET). liborcus 0.17 misreads or drops each; the package reader puts them right.
void TstRosterImport::readsWhatLiborcusMisreads_data()
{
    QTest::addColumn<bool>("absolute");
    QTest::newRow("relative paths") << false;
    QTest::newRow("absolute paths") << true;
}

void TstRosterImport::readsWhatLiborcusMisreads()
{
    QFETCH(bool, absolute);
    const QString id0 = TestStore::sampleIdNumber(90);
    const QString id1 = TestStore::sampleIdNumber(91);
    const QString strings =
        QStringLiteral(
            "<si><t>姓名</t></si><si><t>身份证号</t></si><si><t>手机</t></si><si><t>入会日期</t></si>"
            "<si><t>甲一</t><rPh sb=\"0\" eb=\"2\"><t>ジャイチ</t></rPh></si><si><t>%1</t></si>"
            "<si><t/></si><si><r><t>欧阳</t></r><r><t xml:space=\"preserve\">_x000D_\n娜娜</t></r></si>"
            "<si><t>%2</t></si><si><t xml:space=\"preserve\"></t></si>")
            .arg(id0, id1);
    auto s = [](const char* ref, int index) {
        return QStringLiteral("<c r=\"%1\" t=\"s\"><v>%2</v></c>").arg(QLatin1String(ref)).arg(index);
    };
    const QString rows =
        QStringLiteral("<row r=\"1\">%1%2%3%4</row>").arg(s("A1", 0), s("B1", 1), s("C1", 2), s("D1", 3)) +
        QStringLiteral("<row r=\"2\">%1%2%3<c r=\"D2\" t=\"d\"><v>2020-01-05T00:00:00</v></c></row>")
            .arg(s("A2", 4), s("B2", 5), s("C2", 6)) +
        QStringLiteral("<row r=\"3\">%1%2%3<c r=\"D3\" t=\"e\"><f>VLOOKUP(A3,X!A:B,2,0)</f>"
                       "<v>#N/A</v></c></row>")
            .arg(s("A3", 7), s("B3", 8), s("C3", 9));
    QTemporaryDir dir;
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("misread.xlsx"), {rows}, QString(), {}, strings,
                              absolute));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("misread.xlsx")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 1);
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.rows.size(), 3);
    QCOMPARE(sheet.rows.at(1).at(0).text, QStringLiteral("甲一")); // no phonetic guide
    QVERIFY(sheet.rows.at(1).at(2).isEmpty());                     // not the ID number before it
    QCOMPARE(sheet.rows.at(1).at(3).type, SheetCell::Type::Date);
    QCOMPARE(sheet.rows.at(1).at(3).date, QDate(2020, 1, 5));
    QCOMPARE(sheet.rows.at(2).at(0).text, QStringLiteral("欧阳\r\n娜娜"));
    QVERIFY(sheet.rows.at(2).at(2).isEmpty());
    QCOMPARE(sheet.rows.at(2).at(3).text, QStringLiteral("#N/A"));

    TestStore t;
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.rows().size(), 2);
    QCOMPARE(plan.rows().at(0).member.name, QStringLiteral("甲一"));
    QVERIFY(plan.rows().at(0).member.mobile.isEmpty());
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2020-01-05"));
    QCOMPARE(plan.rows().at(1).member.name, QStringLiteral("欧阳娜娜"));
    const ImportProblem* formula = findProblem(plan, 3, QStringLiteral("joinDate"));
    QVERIFY(formula);
    QVERIFY(formula->error);
    QVERIFY2(formula->reason.contains(QStringLiteral("#N/A")), qPrintable(formula->reason));
    QCOMPARE(XlsxPackageReader::unescape(QStringLiteral("a_x000D_b_x005F_x0041_c_xZZZZ_")),
             QStringLiteral("a\rb_x0041_c_xZZZZ_"));
}

// "-", "/", "无" say "nothing here"; #N/A and friends are a formula's error, not a value.
void TstRosterImport::treatsPlaceholdersAsEmptyAndErrorsAsErrors()
{
    for (const QString& placeholder : {QStringLiteral("-"), QStringLiteral("—"), QStringLiteral("／"),
                                       QStringLiteral("无"), QStringLiteral(" -- ")}) {
        const CellNormaliser::Value v =
            CellNormaliser::normalise(QStringLiteral("mobile"), SheetCell::fromText(placeholder));
        QVERIFY2(!v.isError() && v.text.isEmpty() && v.warning.isEmpty(), qPrintable(placeholder));
    }
    // 困难职工 as clerks mark it.
    for (const char* yes : {"是", "√", "Y", "1"})
        QCOMPARE(
            CellNormaliser::normalise(QStringLiteral("hardship"), SheetCell::fromText(QString::fromUtf8(yes)))
                .text,
            QStringLiteral("true"));
    QCOMPARE(
        CellNormaliser::normalise(QStringLiteral("hardship"), SheetCell::fromText(QStringLiteral("否"))).text,
        QStringLiteral("false"));
    QVERIFY(CellNormaliser::normalise(QStringLiteral("hardship"), SheetCell::fromText(QStringLiteral("大概")))
                .isError());
    // 1 and 0 typed into number cells (a workbook, unlike a CSV), and TRUE/FALSE cells.
    QCOMPARE(CellNormaliser::normalise(QStringLiteral("hardship"), SheetCell::fromNumber(1)).text,
             QStringLiteral("true"));
    QCOMPARE(CellNormaliser::normalise(QStringLiteral("hardship"), SheetCell::fromNumber(0)).text,
             QStringLiteral("false"));
    QCOMPARE(CellNormaliser::normalise(QStringLiteral("hardship"), SheetCell::fromBoolean(true)).text,
             QStringLiteral("true"));
    QVERIFY(CellNormaliser::normalise(QStringLiteral("hardship"), SheetCell::fromNumber(2)).isError());
    // 1 and 0 shown under a format of zeros (01, 00).
    QCOMPARE(
        CellNormaliser::normalise(QStringLiteral("hardship"), SheetCell::fromText(QStringLiteral("01"))).text,
        QStringLiteral("true"));
    QCOMPARE(
        CellNormaliser::normalise(QStringLiteral("hardship"), SheetCell::fromText(QStringLiteral("00"))).text,
        QStringLiteral("false"));
    // 民族: the official name, the everyday short forms; anything else is left out with a warning (a
    // column shifted by one puts 女 here).
    for (const auto& [typed, group] : {std::pair{"汉", "汉族"},
                                       {"维族", "维吾尔族"},
                                       {"蒙族", "蒙古族"},
                                       {"维吾尔", "维吾尔族"},
                                       {"土家族", "土家族"}}) {
        const CellNormaliser::Value v = CellNormaliser::normalise(
            QStringLiteral("ethnicity"), SheetCell::fromText(QString::fromUtf8(typed)));
        QCOMPARE(v.text, QString::fromUtf8(group));
        QVERIFY(v.warning.isEmpty());
    }
    for (const SheetCell& bad : {SheetCell::fromText(QStringLiteral("女")),
                                 SheetCell::fromText(QStringLiteral("汗族")), SheetCell::fromNumber(1)}) {
        const CellNormaliser::Value v = CellNormaliser::normalise(QStringLiteral("ethnicity"), bad);
        QVERIFY(v.text.isEmpty() && !v.isError());
        QVERIFY2(v.warning.contains(QStringLiteral("56")), qPrintable(v.warning));
    }
    // A time alone in a date column is a date cell on the workbook's day 0: said as a time.
    SheetCell time = SheetCell::fromDate(QDate(1899, 12, 30));
    time.number = 0.5;
    const CellNormaliser::Value joined = CellNormaliser::normalise(QStringLiteral("joinDate"), time);
    QVERIFY2(joined.isError() && joined.error.contains(QStringLiteral("12:00")), qPrintable(joined.error));
    // Mobiles as clerks type them: a note after the number, two numbers in one cell.
    CellNormaliser::Value mobile = CellNormaliser::normalise(
        QStringLiteral("mobile"), SheetCell::fromText(QStringLiteral("13812345613（本人）")));
    QCOMPARE(mobile.text, QStringLiteral("13812345613"));
    QVERIFY(mobile.warning.isEmpty());
    mobile = CellNormaliser::normalise(QStringLiteral("mobile"),
                                       SheetCell::fromText(QStringLiteral("13812345605 / 13912345605")));
    QCOMPARE(mobile.text, QStringLiteral("13812345605"));
    QVERIFY2(mobile.warning.contains(QStringLiteral("13912345605")), qPrintable(mobile.warning));
    mobile = CellNormaliser::normalise(QStringLiteral("mobile"),
                                       SheetCell::fromText(QStringLiteral("138 1234 5678")));
    QVERIFY(mobile.warning.isEmpty()); // one number written in groups
    const CellNormaliser::Value error =
        CellNormaliser::normalise(QStringLiteral("idNumber"), SheetCell::fromText(QStringLiteral("#REF!")));
    QVERIFY(error.isError());
    QVERIFY2(error.error.contains(QStringLiteral("#REF!")), qPrintable(error.error));
    const QString id = TestStore::sampleIdNumber(5);
    const Sheet sheet = sheetOf({QStringLiteral("姓名,性别,身份证号码,手机,民族"),
                                 QStringLiteral("张三,-,%1,/,无").arg(id), QStringLiteral("李四,女,#N/A,,")});
    TestStore t;
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 1);
    QCOMPARE(plan.warnings().size(), 0);
    // "-" is no gender: the ID number's is taken.
    QCOMPARE(plan.rows().at(0).member.gender,
             TestStore::sampleIsFemale(5) ? QStringLiteral("female") : QStringLiteral("male"));
    QCOMPARE(plan.errors().size(), 1);
    QCOMPARE(plan.errors().first().row, 3);
}

// 联系方式 merged over 办公电话 | 手机号码, the other headers merged down over both rows: the mobile
// comes from 手机号码, and the sub-header row is no member.
void TstRosterImport::readsTwoRowHeaders()
{
    const QString id0 = TestStore::sampleIdNumber(0);
    const QString id1 = TestStore::sampleIdNumber(1);
    const Sheet sheet = sheetOf({QStringLiteral("XX公司会员花名册,,,,,"),
                                 QStringLiteral("序号,姓名,身份证号,联系方式,,入会时间"),
                                 QStringLiteral(",,,办公电话,手机号码,"),
                                 QStringLiteral("1,张三,%1,01062345678,13700000001,2020-01-05").arg(id0),
                                 QStringLiteral("2,李四,%1,,13700000002,2020-01-06").arg(id1)});
    // A header wrapped onto two rows: 身份证 over 号码 is 身份证号码, 入会 over 时间 入会时间.
    for (const QString& below :
         {QStringLiteral(",,号码,号码,时间,"), QStringLiteral(",,号码,号码,时间,单位")}) {
        const std::optional<HeaderMap> wrapped =
            HeaderMap::detect(sheetOf({QStringLiteral("序号,姓名,身份证,手机,入会,所在"), below,
                                       QStringLiteral("1,张三,%1,13700000001,2020-01-05,一车间").arg(id0)}));
        QVERIFY(wrapped);
        QCOMPARE(wrapped->headerRow(), 1);
        QCOMPARE(wrapped->columnOf(QStringLiteral("idNumber")), 2);
        QCOMPARE(wrapped->columnOf(QStringLiteral("mobile")), 3);
        QCOMPARE(wrapped->columnOf(QStringLiteral("joinDate")), 4);
        QCOMPARE(wrapped->headerOf(QStringLiteral("idNumber")), QStringLiteral("身份证号码"));
    }
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    QVERIFY(map);
    QCOMPARE(map->headerRow(), 2);
    QCOMPARE(map->columnOf(QStringLiteral("mobile")), 4);
    QCOMPARE(map->columnOf(QStringLiteral("joinDate")), 5);
    QCOMPARE(map->headerOf(QStringLiteral("mobile")), QStringLiteral("手机号码"));
    TestStore t;
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rejectedCount(), 0);
    // The office phone is no member field: its column is named as left behind.
    QCOMPARE(plan.warnings().size(), 1);
    QVERIFY(plan.warnings().first().concernsColumn());
    QVERIFY2(plan.warnings().first().column.contains(QStringLiteral("办公电话")),
             qPrintable(plan.warnings().first().column));
    QCOMPARE(plan.rows().at(0).row, 4);
    QCOMPARE(plan.rows().at(0).member.mobile, QStringLiteral("13700000001"));

    // A first member row of text alone is not taken for sub-headers.
    const Sheet plain = sheetOf({QStringLiteral("姓名,性别,民族"), QStringLiteral("张三,男,汉族")});
    QCOMPARE(HeaderMap::detect(plain)->headerRow(), 0);
}

// liborcus 0.17 throws on a cell in column LOG of row 10: it takes "LOG10" for the function. The
// package reader reads the workbook alone then, dates included.
void TstRosterImport::readsWhenLiborcusGivesUp()
{
    const QString id = TestStore::sampleIdNumber(92);
    const QString rows =
        QStringLiteral("<row r=\"1\">%1%2%3</row><row r=\"2\">%4%5<c r=\"C2\" s=\"1\"><v>43835</v></c>"
                       "</row><row r=\"10\"><c r=\"LOG10\" s=\"1\"/></row>")
            .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                 inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号")),
                 inlineCell(QStringLiteral("C1"), QStringLiteral("入会日期")),
                 inlineCell(QStringLiteral("A2"), QStringLiteral("张三")),
                 inlineCell(QStringLiteral("B2"), id));
    QTemporaryDir dir;
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("log10.xlsx"), {rows}));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("log10.xlsx")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 1);
    TestStore t;
    const ImportPlan plan = planFor(t, workbook.sheets.first());
    QCOMPARE(plan.validCount(), 1);
    QCOMPARE(plan.rows().first().member.idNumber, id);
    QCOMPARE(plan.rows().first().member.joinDate, QStringLiteral("2020-01-05"));
}

// 单位 merged down over a workshop's members belongs to each of them; a caption merged across the
// row between two blocks is no member.
void TstRosterImport::fillsMergedCells()
{
    QString rows = QStringLiteral("<row r=\"1\">%1%2%3</row>")
                       .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                            inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号")),
                            inlineCell(QStringLiteral("C1"), QStringLiteral("工作单位")));
    rows += QStringLiteral("<row r=\"2\">%1</row>")
                .arg(inlineCell(QStringLiteral("A2"), QStringLiteral("机关职工")));
    for (int r = 3; r <= 5; ++r) {
        const QString n = QString::number(r);
        rows += QStringLiteral("<row r=\"%1\">%2%3%4</row>")
                    .arg(n, inlineCell(QStringLiteral("A") + n, TestStore::sampleName(r)),
                         inlineCell(QStringLiteral("B") + n, TestStore::sampleIdNumber(r)),
                         r == 3 ? inlineCell(QStringLiteral("C3"), QStringLiteral("一车间")) : QString());
    }
    rows += QStringLiteral(
        "<mergeCells count=\"2\"><mergeCell ref=\"A2:XFD2\"/><mergeCell ref=\"C3:C5\"/></mergeCells>");
    QTemporaryDir dir;
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("merged.xlsx"), {rows}));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("merged.xlsx")), &workbook, &error),
             qPrintable(error));
    // A whole row merged for a caption fills only the columns the sheet uses, not all 16,384.
    QCOMPARE(workbook.sheets.first().rows.at(1).size(), 3);
    TestStore t;
    const ImportPlan plan = planFor(t, workbook.sheets.first());
    QCOMPARE(plan.rows().size(), 3);
    QCOMPARE(plan.validCount(), 3);
    QCOMPARE(plan.skippedCount(), 1);
    for (const ImportRow& row : plan.rows())
        QCOMPARE(row.member.employer, QStringLiteral("一车间"));

    // The same sheet where liborcus gives up (a cell in column LOG of row 10), as with some
    // exporters' inline strings: the package reader's merges.
    QTemporaryDir alone;
    QVERIFY(writeHandMadeXlsx(alone.path(), QStringLiteral("alone.xlsx"),
                              {QString(rows).replace(QStringLiteral("<mergeCells"),
                                                     QStringLiteral("<row r=\"10\"><c r=\"LOG10\"/></row>"
                                                                    "<mergeCells"))}));
    QVERIFY2(SheetReader::readFile(alone.filePath(QStringLiteral("alone.xlsx")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.first().rows.at(4).value(2).text, QStringLiteral("一车间"));

    // An .ods: LibreOffice writes the cells a merge covers as <table:covered-table-cell>, which
    // liborcus skips, so that the cells after them arrived a column too far left (工作单位 got the
    // job title, 岗位 the note).
    auto odsCell = [](const QString& text, const QString& span = QString()) {
        return QStringLiteral("<table:table-cell office:value-type=\"string\"%2><text:p>%1</text:p>"
                              "</table:table-cell>")
            .arg(text, span);
    };
    const QString covered = QStringLiteral("<table:covered-table-cell/>");
    QString table =
        QStringLiteral("<table:table table:name=\"名册\"><table:table-row>%1%2%3%4</table:table-row>")
            .arg(odsCell(QStringLiteral("姓名")), odsCell(QStringLiteral("身份证号")),
                 odsCell(QStringLiteral("工作单位")), odsCell(QStringLiteral("职务")));
    for (int r = 0; r < 3; ++r) {
        table += QStringLiteral("<table:table-row>%1%2%3%4</table:table-row>")
                     .arg(odsCell(TestStore::sampleName(20 + r)), odsCell(TestStore::sampleIdNumber(20 + r)),
                          r == 0 ? odsCell(QStringLiteral("东区分公司"),
                                           QStringLiteral(" table:number-rows-spanned=\"3\""))
                                 : covered,
                          odsCell(QStringList{QStringLiteral("司机"), QStringLiteral("会计"),
                                              QStringLiteral("出纳")}
                                      .at(r)));
    }
    // A caption merged across two columns, then a member whose cells come after covered ones.
    table += QStringLiteral("<table:table-row>%1%2%3%4</table:table-row>")
                 .arg(odsCell(TestStore::sampleName(23)),
                      odsCell(TestStore::sampleIdNumber(23),
                              QStringLiteral(" table:number-columns-spanned=\"2\"")),
                      covered, odsCell(QStringLiteral("工会主席")));
    table += QStringLiteral("</table:table>");
    const QString ods = dir.filePath(QStringLiteral("merged.ods"));
    QVERIFY2(writeHandMadeOds(ods, table), "cannot make the .ods (is the zip tool missing?)");
    QVERIFY2(SheetReader::readFile(ods, &workbook, &error), qPrintable(error));
    const ImportPlan odsPlan = planFor(t, workbook.sheets.first());
    QCOMPARE(odsPlan.validCount(), 4);
    const QStringList titles{QStringLiteral("司机"), QStringLiteral("会计"), QStringLiteral("出纳"),
                             QStringLiteral("工会主席")};
    for (int r = 0; r < 3; ++r) {
        QCOMPARE(odsPlan.rows().at(r).member.employer, QStringLiteral("东区分公司"));
        QCOMPARE(odsPlan.rows().at(r).member.jobTitle, titles.at(r));
    }
    QCOMPARE(odsPlan.rows().at(3).member.jobTitle, titles.at(3));
    QCOMPARE(odsPlan.rows().at(3).member.employer, TestStore::sampleIdNumber(23)); // what the clerk sees

    // A legacy .xls (LibreOffice's, fuzz corpus): FreeXL gives a merged range's value to its first
    // cell only; 工作单位 over rows 2–6 and 7–8, 入会时间 over rows 2–4.
    QVERIFY2(SheetReader::readFile(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../fuzz/corpus/roster-merged.xls"),
                                   &workbook, &error),
             qPrintable(error));
    const Sheet& xls = workbook.sheets.first();
    for (int r = 1; r <= 5; ++r)
        QCOMPARE(xls.rows.at(r).value(1).text, QStringLiteral("某某机械厂"));
    for (int r = 6; r <= 7; ++r)
        QCOMPARE(xls.rows.at(r).value(1).text, QStringLiteral("某某物流公司"));
    for (int r = 1; r <= 3; ++r)
        QCOMPARE(ClerkDate::parse(xls.rows.at(r).value(7)).date, QDate(2015, 1, 1));
}

// 所在工会 sends a row to the organisation of that name at or below the import's; a name several
// bear is written with its parent; a union outside the import's refuses the row; each other name is
// one warning saying why, with its row count.
void TstRosterImport::placesRowsByTheOrganisationColumn()
{
    TestStore t;
    QVERIFY(t.isValid());
    const Organisation east =
        t.addOrganisation(QStringLiteral("东街道工会"), t.root().id, QStringLiteral("township"));
    const Organisation west =
        t.addOrganisation(QStringLiteral("西街道工会"), t.root().id, QStringLiteral("township"));
    const Organisation eastHx = t.addOrganisation(QStringLiteral("华兴机械有限公司工会"), east.id);
    const Organisation westHx = t.addOrganisation(QStringLiteral("华兴机械有限公司工会"), west.id);
    const Organisation dfh = t.addOrganisation(QStringLiteral("东方红（商贸）有限公司工会"), east.id);
    QVERIFY2(!east.id.isEmpty() && !west.id.isEmpty() && !eastHx.id.isEmpty() && !westHx.id.isEmpty() &&
                 !dfh.id.isEmpty(),
             qPrintable(t.error()));
    QStringList lines{QStringLiteral("姓名,身份证号码,所在工会")};
    const QStringList names{QStringLiteral("东方红(商贸)有限公司工会"),
                            QStringLiteral("华兴机械有限公司工会"),
                            QStringLiteral("东街道工会/华兴机械有限公司工会"),
                            QStringLiteral("西街道工会 ＞ 华兴机械有限公司工会"),
                            QStringLiteral("不存在的工会"),
                            QStringLiteral("不存在的工会"),
                            QString(),
                            QStringLiteral("-")};
    for (int i = 0; i < names.size(); ++i)
        lines.append(QStringLiteral("%1,%2,%3")
                         .arg(TestStore::sampleName(i), TestStore::sampleIdNumber(i), names.at(i)));
    const Sheet sheet = sheetOf(lines);
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    QVERIFY(map);
    ImportPlan plan = ImportPlan::build(sheet, *map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 8);
    QCOMPARE(plan.rows().at(0).member.organisationId, dfh.id);
    QCOMPARE(plan.rows().at(1).member.organisationId, t.root().id);
    QCOMPARE(plan.rows().at(2).member.organisationId, eastHx.id);
    QCOMPARE(plan.rows().at(3).member.organisationId, westHx.id);
    QCOMPARE(plan.rows().at(4).member.organisationId, t.root().id);
    QCOMPARE(plan.rows().at(6).member.organisationId, t.root().id);
    QCOMPARE(plan.warnings().size(), 3);
    QCOMPARE(plan.warnings().at(0).row, 3);
    QVERIFY2(plan.warnings().at(0).reason.contains(QStringLiteral("parent")),
             qPrintable(plan.warnings().at(0).reason));
    // Both rows naming the unknown union are listed, each with the count.
    QCOMPARE(plan.warnings().at(1).row, 6);
    QCOMPARE(plan.warnings().at(2).row, 7);
    for (int w = 1; w <= 2; ++w) {
        QVERIFY2(plan.warnings().at(w).reason.contains(QStringLiteral("2 member row")),
                 qPrintable(plan.warnings().at(w).reason));
    }

    // Imported into 东街道工会: 西街道's union is outside it, and its member is not taken in (she would
    // be another union's member, refused there at the next sync).
    plan = ImportPlan::build(sheet, *map, t.store(), east.id);
    QCOMPARE(plan.rows().at(1).member.organisationId, eastHx.id);
    QCOMPARE(plan.rows().at(3).status, ImportRow::Status::Error);
    const ImportProblem* outside = findProblem(plan, 5, QStringLiteral("organisation"));
    QVERIFY(outside);
    QVERIFY(outside->error);
    QVERIFY2(outside->reason.contains(QStringLiteral("not part of")), qPrintable(outside->reason));
    int imported = 0;
    QString error;
    QVERIFY2(RosterImport::commit(plan, t.store(), t.scope(), TestStore::actor(), &imported, &error),
             qPrintable(error));
    QCOMPARE(imported, 7);
}

#include "tst_rosterimport.moc"

// Rows hidden in the workbook (by hand, or by a filter) are imported like the others, and each is a
// warning: a clerk who hid the members who left should not find them imported without a word.
void TstRosterImport::warnsOfHiddenRows()
{
    QString rows = QStringLiteral("<row r=\"1\">%1%2</row>")
                       .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                            inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号")));
    for (int r = 2; r <= 5; ++r) {
        const QString n = QString::number(r);
        rows += QStringLiteral("<row r=\"%1\"%2>%3%4</row>")
                    .arg(n, r == 3 || r == 5 ? QStringLiteral(" hidden=\"1\"") : QString(),
                         inlineCell(QStringLiteral("A") + n, TestStore::sampleName(r)),
                         inlineCell(QStringLiteral("B") + n, TestStore::sampleIdNumber(r)));
    }
    QTemporaryDir dir;
    QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("hidden-rows.xlsx"), {rows}));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("hidden-rows.xlsx")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.first().hiddenRows, (QSet<int>{2, 4}));
    TestStore t;
    const ImportPlan plan = planFor(t, workbook.sheets.first());
    QCOMPARE(plan.validCount(), 4);
    QList<int> warned;
    for (const ImportProblem& p : plan.warnings()) {
        QVERIFY(!p.concernsColumn());
        QVERIFY(p.column.isEmpty());
        warned.append(p.row);
    }
    QCOMPARE(warned, (QList<int>{3, 5}));
    QCOMPARE(plan.rows().at(1).status, ImportRow::Status::Warning);
    QCOMPARE(plan.rows().at(0).status, ImportRow::Status::Ok);

    // A row zero high is hidden too.
    QTemporaryDir zeroHigh;
    QVERIFY(writeHandMadeXlsx(zeroHigh.path(), QStringLiteral("ht0.xlsx"),
                              {QString(rows).replace(QStringLiteral("hidden=\"1\""),
                                                     QStringLiteral("ht=\"0\" customHeight=\"1\""))}));
    QVERIFY2(SheetReader::readFile(zeroHigh.filePath(QStringLiteral("ht0.xlsx")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.first().hiddenRows, (QSet<int>{2, 4}));

    // LibreOffice writes hidden="true", which liborcus does not read.
    QTemporaryDir libreOffice;
    QVERIFY(writeHandMadeXlsx(
        libreOffice.path(), QStringLiteral("true.xlsx"),
        {QString(rows).replace(QStringLiteral("hidden=\"1\""), QStringLiteral("hidden=\"true\""))}));
    QVERIFY2(SheetReader::readFile(libreOffice.filePath(QStringLiteral("true.xlsx")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.first().hiddenRows, (QSet<int>{2, 4}));

    // The same sheet where liborcus gives up (a cell in column LOG of row 10): the package reader's.
    rows += QStringLiteral("<row r=\"10\"><c r=\"LOG10\"/></row>");
    QTemporaryDir alone;
    QVERIFY(writeHandMadeXlsx(alone.path(), QStringLiteral("log10.xlsx"), {rows}));
    QVERIFY2(SheetReader::readFile(alone.filePath(QStringLiteral("log10.xlsx")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.first().hiddenRows, (QSet<int>{2, 4}));

    // .ods: hidden by hand (collapse) or by a filter; a hidden row repeated counts each time.
    QString tables = QStringLiteral(
        "<table:table table:name=\"花名册\"><table:table-row>"
        "<table:table-cell office:value-type=\"string\"><text:p>姓名</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"string\"><text:p>身份证号</text:p></table:table-cell>"
        "</table:table-row>");
    for (int r = 2; r <= 5; ++r) {
        const QString visibility = r == 3   ? QStringLiteral(" table:visibility=\"collapse\"")
                                   : r == 5 ? QStringLiteral(" table:visibility=\"filter\"")
                                            : QString();
        tables += QStringLiteral(
                      "<table:table-row%1><table:table-cell "
                      "office:value-type=\"string\"><text:p>%2</text:p></table:table-cell>"
                      "<table:table-cell "
                      "office:value-type=\"string\"><text:p>%3</text:p></table:table-cell></table:table-row>")
                      .arg(visibility, TestStore::sampleName(r), TestStore::sampleIdNumber(r));
    }
    tables +=
        QStringLiteral("<table:table-row table:visibility=\"collapse\" table:number-rows-repeated=\"3\">"
                       "<table:table-cell/></table:table-row></table:table>");
    QVERIFY(writeHandMadeOds(dir.filePath(QStringLiteral("hidden-rows.ods")), tables));
    QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("hidden-rows.ods")), &workbook, &error),
             qPrintable(error));
    QCOMPARE(workbook.sheets.first().hiddenRows, (QSet<int>{2, 4, 5, 6, 7}));
    const ImportPlan odsPlan = planFor(t, workbook.sheets.first());
    QCOMPARE(odsPlan.validCount(), 4);
    QCOMPARE(odsPlan.warnings().size(), 2);
    QCOMPARE(odsPlan.warnings().at(1).row, 5);
}

// Of two columns with the same header, the one the clerk sees is imported: a hidden one beside it is
// an old copy put out of sight (the old mobiles, hidden when the new ones were typed in), read only
// where the shown one is empty (the new numbers typed for some members). Excel
// hides a column by <col hidden="1"> or by making it zero wide; liborcus 0.17 reports neither for
// an .xlsx. .ods and .xls keep theirs in table-column and COLINFO.
void TstRosterImport::importsTheShownOfTwoColumns()
{
    auto rowOf = [](int r, const QStringList& values) {
        QString cells;
        for (int c = 0; c < values.size(); ++c)
            cells += inlineCell(QString(QChar(u'A' + c)) + QString::number(r), values.at(c));
        return QStringLiteral("<row r=\"%1\">%2</row>").arg(r).arg(cells);
    };
    const QString rows = rowOf(1, {QStringLiteral("姓名"), QStringLiteral("手机号码"),
                                   QStringLiteral("手机号码"), QStringLiteral("身份证号码")}) +
                         rowOf(2, {TestStore::sampleName(2), QStringLiteral("13900000001"),
                                   QStringLiteral("13900000011"), TestStore::sampleIdNumber(2)}) +
                         rowOf(3, {TestStore::sampleName(3), QStringLiteral("13900000003"), QString(),
                                   TestStore::sampleIdNumber(3)});
    TestStore t;
    for (const QString& cols :
         {QStringLiteral("<cols><col min=\"2\" max=\"2\" width=\"12\" hidden=\"1\" "
                         "customWidth=\"1\"/></cols>"),
          QStringLiteral("<cols><col min=\"2\" max=\"2\" width=\"0\" customWidth=\"1\"/>"
                         "<col min=\"3\" max=\"4\" width=\"15\"/></cols>")}) {
        QTemporaryDir dir;
        QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("two-mobiles.xlsx"), {cols + rows}));
        Workbook workbook;
        QString error;
        QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("two-mobiles.xlsx")), &workbook, &error),
                 qPrintable(error));
        QCOMPARE(workbook.sheets.first().hiddenColumns, QSet<int>{1});
        const ImportPlan plan = planFor(t, workbook.sheets.first());
        QCOMPARE(plan.validCount(), 2);
        QCOMPARE(plan.rows().first().member.mobile, QStringLiteral("13900000011"));
        QCOMPARE(plan.rows().at(1).member.mobile, QStringLiteral("13900000003"));
        QVERIFY(plan.warnings().isEmpty());
    }
    // Without the hidden column the first of the two is taken, as before.
    QTemporaryDir shown;
    QVERIFY(writeHandMadeXlsx(shown.path(), QStringLiteral("shown.xlsx"), {rows}));
    Workbook workbook;
    QString error;
    QVERIFY(SheetReader::readFile(shown.filePath(QStringLiteral("shown.xlsx")), &workbook, &error));
    QVERIFY(workbook.sheets.first().hiddenColumns.isEmpty());
    QCOMPARE(planFor(t, workbook.sheets.first()).rows().first().member.mobile, QStringLiteral("13900000001"));

    // .ods: the hidden column collapsed (and an empty run of hidden columns to the right).
    QString table = QStringLiteral(
        "<table:table table:name=\"花名册\"><table:table-column/>"
        "<table:table-column table:visibility=\"collapse\"/>"
        "<table:table-column table:number-columns-repeated=\"2\"/>"
        "<table:table-column table:visibility=\"collapse\" table:number-columns-repeated=\"16380\"/>");
    for (const QStringList& values :
         {QStringList{QStringLiteral("姓名"), QStringLiteral("手机号码"), QStringLiteral("手机号码"),
                      QStringLiteral("身份证号码")},
          QStringList{TestStore::sampleName(2), QStringLiteral("13900000001"), QStringLiteral("13900000011"),
                      TestStore::sampleIdNumber(2)}}) {
        table += QStringLiteral("<table:table-row>");
        for (const QString& v : values)
            table += QStringLiteral("<table:table-cell office:value-type=\"string\"><text:p>%1</text:p>"
                                    "</table:table-cell>")
                         .arg(v);
        table += QStringLiteral("</table:table-row>");
    }
    table += QStringLiteral("</table:table>");
    QTemporaryDir ods;
    QVERIFY(writeHandMadeOds(ods.filePath(QStringLiteral("two-mobiles.ods")), table));
    QVERIFY2(SheetReader::readFile(ods.filePath(QStringLiteral("two-mobiles.ods")), &workbook, &error),
             qPrintable(error));
    QVERIFY(workbook.sheets.first().hiddenColumns.contains(1));
    QVERIFY(!workbook.sheets.first().hiddenColumns.contains(2));
    QCOMPARE(planFor(t, workbook.sheets.first()).rows().first().member.mobile, QStringLiteral("13900000011"));
}

// An HR export's membership column says "not a member" in many words (未入会, 非会员, 拟入会, a
// cross), under many headers (入会情况, 工会会员 …); a word it cannot read is a warning, not a
// silent yes. 员工状态 退休 and 死亡 give the membership status when the file has none, and a
// note saying the person died or left is a warning.
void TstRosterImport::readsWhatMembershipColumnsAndNotesSay()
{
    for (const QString& header : {QStringLiteral("是否工会会员"), QStringLiteral("入会情况"),
                                  QStringLiteral("工会会员"), QStringLiteral("是否参加工会")}) {
        TestStore t;
        const ImportPlan plan =
            planFor(t, sheetWithIds(QStringLiteral("姓名,身份证号码,") + header,
                                    {QStringLiteral("甲,%1,已入会"), QStringLiteral("乙,%1,未入会"),
                                     QStringLiteral("丙,%1,非会员"), QStringLiteral("丁,%1,拟入会"),
                                     QStringLiteral("戊,%1,✗"), QStringLiteral("己,%1,无"),
                                     QStringLiteral("庚,%1,申请中"), QStringLiteral("辛,%1,○"),
                                     QStringLiteral("壬,%1,√")}));
        QCOMPARE(plan.validCount(), 3);
        for (int row = 3; row <= 8; ++row)
            QVERIFY2(findProblem(plan, row, QStringLiteral("unionMember")) &&
                         findProblem(plan, row, QStringLiteral("unionMember"))->error,
                     qPrintable(header + QString::number(row)));
        const ImportProblem* doubt = findProblem(plan, 9, QStringLiteral("unionMember"));
        QVERIFY(doubt && !doubt->error);
        QVERIFY(!findProblem(plan, 2, QStringLiteral("unionMember")));
        QVERIFY(!findProblem(plan, 10, QStringLiteral("unionMember")));
    }
    TestStore t;
    const ImportPlan plan = planFor(
        t, sheetWithIds(QStringLiteral("姓名,身份证号码,员工状态,会籍状态,备注"),
                        {QStringLiteral("甲,%1,退休,,"), QStringLiteral("乙,%1,死亡,,"),
                         QStringLiteral("丙,%1,退休,在会,"), QStringLiteral("丁,%1,在职,,2023年已去世"),
                         QStringLiteral("戊,%1,在职,,作废"), QStringLiteral("己,%1,在职,,2023年调入")}));
    QCOMPARE(plan.validCount(), 6);
    QCOMPARE(plan.rows().at(0).member.status, QStringLiteral("retained"));
    QVERIFY(findProblem(plan, 2, QStringLiteral("employeeStatus")));
    QCOMPARE(plan.rows().at(1).member.status, QStringLiteral("deceased"));
    QCOMPARE(plan.rows().at(2).member.status, QStringLiteral("active")); // the file's own status
    QVERIFY(findProblem(plan, 4, QStringLiteral("employeeStatus")));     // 退休 and 在会 disagree
    QCOMPARE(plan.rows().at(3).member.status, QStringLiteral("active"));
    QVERIFY(findProblem(plan, 5, QStringLiteral("notes")));
    QVERIFY(findProblem(plan, 5, QStringLiteral("notes"))->reason.contains(QStringLiteral("去世")));
    QVERIFY(findProblem(plan, 6, QStringLiteral("notes")));
    QVERIFY(!findProblem(plan, 7, QStringLiteral("notes")));
}

// A template's filled-in example (序号 例, 示例 …, or a note saying so) is refused by name, not stored
// as 张三 with the template's made-up ID number.
void TstRosterImport::refusesTheTemplatesExampleRow()
{
    TestStore t;
    const ImportPlan plan =
        planFor(t, sheetWithIds(QStringLiteral("序号,姓名,身份证号码,备注"),
                                {QStringLiteral("例,张三,%1,"), QStringLiteral("示例：,李四,%1,"),
                                 QStringLiteral("填写示例,王五,%1,"),
                                 QStringLiteral("1,赵六,%1,示例行，导入前请删除"),
                                 QStringLiteral("2,钱七,%1,"), QStringLiteral("3,孙八,%1,例会召集人")}));
    QCOMPARE(plan.validCount(), 2);
    for (int row = 2; row <= 5; ++row) {
        QCOMPARE(plan.rows().at(row - 2).status, ImportRow::Status::Error);
        const ImportProblem* p = findProblem(plan, row, QString());
        QVERIFY2(p && p->error && p->reason.contains(QLatin1String("example")),
                 qPrintable(QString::number(row)));
        QCOMPARE(p->name, plan.rows().at(row - 2).member.name);
    }
    QCOMPARE(plan.rows().at(4).member.name, QStringLiteral("钱七"));
    QCOMPARE(plan.rows().at(5).member.notes, QStringLiteral("例会召集人"));
}

// The birth date and the gender are the ID number's when it states them: a cell the import cannot
// read there (880808, 88年8月, ########, m, 未知, 0) is left out with a warning, not the row.
// Without such a number (a passport) the row is refused as before.
void TstRosterImport::takesBirthDateAndGenderFromTheIdNumberWhenUnreadable()
{
    TestStore t;
    const ImportPlan plan =
        planFor(t, sheetWithIds(QStringLiteral("姓名,身份证号码,出生日期,性别"),
                                {QStringLiteral("甲,%1,880808,"), QStringLiteral("乙,%1,88年8月,"),
                                 QStringLiteral("丙,%1,########,"), QStringLiteral("丁,%1,,m"),
                                 QStringLiteral("戊,%1,,未知"), QStringLiteral("己,%1,,0"),
                                 QStringLiteral("庚,%1,,f")}));
    QCOMPARE(plan.validCount(), 7);
    for (int i = 0; i < 7; ++i) {
        const IdNumber id = IdNumber::parse(TestStore::sampleIdNumber(i + 1));
        const Member& m = plan.rows().at(i).member;
        QCOMPARE(m.birthDate, id.birthDate().toString(Qt::ISODate));
        QCOMPARE(m.gender, id.gender() == Gender::Male ? QStringLiteral("male") : QStringLiteral("female"));
    }
    for (int row = 2; row <= 4; ++row) {
        const ImportProblem* p = findProblem(plan, row, QStringLiteral("birthDate"));
        QVERIFY2(p && !p->error, qPrintable(QString::number(row)));
    }
    for (int row = 6; row <= 7; ++row) {
        const ImportProblem* p = findProblem(plan, row, QStringLiteral("gender"));
        QVERIFY2(p && !p->error, qPrintable(QString::number(row)));
    }
    const ImportPlan passport =
        planFor(t, sheetOf({QStringLiteral("姓名,证件类型,证件号码,出生日期,性别"),
                            QStringLiteral("Anna Smith,护照,E12345678,880808,女"),
                            QStringLiteral("John Smith,护照,E12345679,1988-08-08,m")}));
    QCOMPARE(passport.rows().at(0).status, ImportRow::Status::Error);
    QVERIFY(findProblem(passport, 2, QStringLiteral("birthDate"))->error);
    QCOMPARE(passport.rows().at(1).member.gender, QStringLiteral("male"));
}

// HR systems export the national standards' labels (GB/T 4658 学历, GB/T 4762 政治面貌) and yes/no
// marks; 是否农民工 is its own column beside 户籍类型 (the store's 农村（农民工） is the migrant
// worker, so 否 never makes it); the hardship files' grades mean yes; four digits typed in a date
// column are a year and a month, not a date serial of the 1920s.
void TstRosterImport::readsHrSystemsLabelsAndMarks()
{
    const QList<std::pair<QString, QString>> education{
        {QStringLiteral("大学本科毕业"), QStringLiteral("bachelor")},
        {QStringLiteral("研究生（硕士）"), QStringLiteral("master")},
        {QStringLiteral("研究生(博士)"), QStringLiteral("doctorate")},
        {QStringLiteral("中专（中技）"), QStringLiteral("vocational")},
        {QStringLiteral("技工学校毕业"), QStringLiteral("vocational")},
        {QStringLiteral("初中及以下"), QStringLiteral("junior-high")}};
    for (const auto& [text, key] : education)
        QCOMPARE(codes::education().keyFor(CellNormaliser::codedWord(codes::education(), text)), key);
    const QList<std::pair<QString, QString>> political{
        {QStringLiteral("中国共产党预备党员"), QStringLiteral("cpc-probationary")},
        {QStringLiteral("中共党员（预备）"), QStringLiteral("cpc-probationary")},
        {QStringLiteral("中 共 党 员"), QStringLiteral("cpc")},
        {QStringLiteral("中国民主同盟盟员"), QStringLiteral("democratic-party")},
        {QStringLiteral("无党派民主人士"), QStringLiteral("non-partisan")}};
    for (const auto& [text, key] : political)
        QCOMPARE(codes::politicalStatus().keyFor(CellNormaliser::codedWord(codes::politicalStatus(), text)),
                 key);
    QCOMPARE(CellNormaliser::codedWord(codes::education(), QStringLiteral("其他")), QStringLiteral("其他"));

    for (const QString& yes : {QStringLiteral("特困"), QStringLiteral("深度困难"), QStringLiteral("有"),
                               QStringLiteral("是（已建档）"), QStringLiteral("✔")})
        QCOMPARE(CellNormaliser::yesOrNo(QString(), SheetCell::fromText(yes)).text, QStringLiteral("true"));
    for (const QString& no : {QStringLiteral("非困难"), QStringLiteral("不困难"), QStringLiteral("✗")})
        QCOMPARE(CellNormaliser::yesOrNo(QString(), SheetCell::fromText(no)).text, QStringLiteral("false"));

    TestStore t;
    const ImportPlan plan = planFor(
        t, sheetWithIds(QStringLiteral("姓名,身份证号码,户籍类型,是否农民工,入会时间"),
                        {QStringLiteral("甲,%1,农业户口,否,2015-06-01"), QStringLiteral("乙,%1,,Y,"),
                         QStringLiteral("丙,%1,非农业户口,N,"), QStringLiteral("丁,%1,非农业户口,是,"),
                         QStringLiteral("戊,%1,农业户口,,"), QStringLiteral("己,%1,,,9807")}));
    QCOMPARE(plan.rows().at(0).member.household, QString());
    QVERIFY(findProblem(plan, 2, QStringLiteral("household")));
    QCOMPARE(plan.rows().at(1).member.household, QStringLiteral("rural"));
    QCOMPARE(codes::household().keyFor(plan.rows().at(2).member.household), QStringLiteral("urban"));
    QCOMPARE(plan.rows().at(3).member.household, QStringLiteral("rural"));
    QVERIFY(findProblem(plan, 5, QStringLiteral("household")));
    QCOMPARE(codes::household().keyFor(plan.rows().at(4).member.household), QStringLiteral("rural"));
    const ImportProblem* serial = findProblem(plan, 7, QStringLiteral("joinDate"));
    QVERIFY(serial && serial->error);
    QVERIFY2(serial->reason.contains(QLatin1String("1998-07")), qPrintable(serial->reason));
    QCOMPARE(ClerkDate::parse(QStringLiteral("43831")).date, QDate(2020, 1, 1)); // five digits: a serial
    QVERIFY(ClerkDate::parse(QStringLiteral("########")).error.contains(QLatin1String("narrow")));
}

// Headers with a hint (姓名⏎必填, 学历-下拉, 会员卡号#, 入会时间⏎例:2020-01-01), two words for one
// field (手机/电话) or whose number it is (本人手机号码) name their field.
void TstRosterImport::readsHeadersWithHintsAndTwoWords()
{
    const QList<std::pair<QString, QString>> headers{
        {QStringLiteral("姓名\n必填"), QStringLiteral("name")},
        {QStringLiteral("身份证号码\n例：110101199001011234"), QStringLiteral("idNumber")},
        {QStringLiteral("手机号码 必填"), QStringLiteral("mobile")},
        {QStringLiteral("入会时间例:2020-01-01"), QStringLiteral("joinDate")},
        {QStringLiteral("学历-下拉"), QStringLiteral("education")},
        {QStringLiteral("会员卡号#"), QStringLiteral("cardNumber")},
        {QStringLiteral("手机/电话"), QStringLiteral("mobile")},
        {QStringLiteral("手机号码或电话"), QStringLiteral("mobile")},
        {QStringLiteral("手机号码、电话"), QStringLiteral("mobile")},
        {QStringLiteral("本人手机号码"), QStringLiteral("mobile")},

        {QStringLiteral("参加工会时间"), QStringLiteral("joinDate")},
        {QStringLiteral("是否为农民工"), QStringLiteral("migrantWorker")},
        {QStringLiteral("户籍"), QStringLiteral("household")},
        {QStringLiteral("入会情况"), QStringLiteral("unionMember")}};
    for (const auto& [header, field] : headers)
        QCOMPARE(HeaderMap::fieldFor(header), field);
    // 姓 | 名: no name column, but the two halves are found for the message.
    const std::optional<HeaderMap> split = HeaderMap::detect(
        sheetOf({QStringLiteral("序号,姓,名,身份证号码,手机号码"), QStringLiteral("1,张,三,,")}));
    QVERIFY(split && split->missingRequiredFields().contains(QStringLiteral("name")));
    QCOMPARE(split->splitName(), std::make_optional(std::make_pair(1, 2)));
    QVERIFY(!HeaderMap::detect(sheetOf({QStringLiteral("姓名,身份证号码,手机号码")}))->splitName());
    // Two words of two fields name neither; a note that the column is old still says so.
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("姓名/手机")), QString());
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("手机号码(旧)")), QString());
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("比例")), QString());
}

// Official forms put a row under the header saying how to fill each column, or the 栏次 numbers: no
// member, and no sub-header either (学历 over 下拉选择 is not 学历下拉选择).
void TstRosterImport::skipsTheHintRowUnderTheHeader()
{
    const QString header = QStringLiteral("序号,姓名,性别,身份证号码,手机号码,学历,入会时间");
    for (const QString& hints :
         {QStringLiteral("栏次,1,2,3,4,5,6"), QStringLiteral(",1,2,3,4,5,6"),
          QStringLiteral("甲,乙,1,2,3,4,5"),
          QStringLiteral(",（必填）,（必填）,（必填，18位）,（必填，11位）,（选填）,（格式：2020-01-01）"),
          QStringLiteral(",文本,下拉选择,文本格式,数字,下拉选择,日期"),
          QStringLiteral(",必填,是/否,18位身份证号,11位手机号,下拉选择,如2020-01-01")}) {
        TestStore t;
        const Sheet sheet =
            sheetWithIds(header, {hints, QStringLiteral("1,周明,,%1,13911112221,本科,2019-05-01")});
        QVERIFY2(RowClassifier::isHintRow(sheet.rows.at(1)), qPrintable(hints));
        const ImportPlan plan = planFor(t, sheet);
        QCOMPARE(plan.validCount(), 1);
        QVERIFY2(plan.problems().isEmpty(), qPrintable(hints + plan.problems().value(0).reason));
        QCOMPARE(plan.rows().first().row, 3);
    }
    // A member's row is none, nor a row of two numbers.
    QVERIFY(!RowClassifier::isHintRow({SheetCell::fromText(QStringLiteral("1")),
                                       SheetCell::fromText(QStringLiteral("如意")),
                                       SheetCell::fromText(TestStore::sampleIdNumber(1))}));
    QVERIFY(!RowClassifier::isHintRow({SheetCell::fromNumber(1), SheetCell::fromNumber(2)}));
}

// No number of a phone cell is lost: a second one in brackets, after an extension or a label, and
// a landline alone (the member form has no place for one) go to the notes, with a warning.
void TstRosterImport::keepsEveryNumberOfAPhoneCell()
{
    const QList<std::tuple<QString, QString, QString>> cases{
        {QStringLiteral("13800000013（13900004444）"), QStringLiteral("13800000013"),
         QStringLiteral("13900004444")},
        {QStringLiteral("13800000014（宅电0571-88885678）"), QStringLiteral("13800000014"),
         QStringLiteral("宅电0571-88885678")},
        {QStringLiteral("13800003333；0571-88885678转8"), QStringLiteral("13800003333"),
         QStringLiteral("0571-88885678转8")},
        {QStringLiteral("13800000016（办）0571-88885679"), QStringLiteral("13800000016"),
         QStringLiteral("0571-88885679")},
        {QStringLiteral("0571-88881234"), QString(), QStringLiteral("0571-88881234")},
        {QStringLiteral("88881234"), QString(), QStringLiteral("88881234")},
        {QStringLiteral("13812345613（本人）"), QStringLiteral("13812345613"), QString()},
        {QStringLiteral("13812345613"), QStringLiteral("13812345613"), QString()}};
    for (const auto& [cell, mobile, other] : cases) {
        const CellNormaliser::Value v = CellNormaliser::mobile(cell);
        QCOMPARE(v.text, mobile);
        if (other.isEmpty()) {
            QVERIFY2(v.note.isEmpty() && v.warning.isEmpty(), qPrintable(cell));
        } else {
            QVERIFY2(v.note.contains(other), qPrintable(cell + QLatin1Char(' ') + v.note));
            QVERIFY2(!v.warning.isEmpty(), qPrintable(cell));
        }
    }
    // Smaller words of HR exports: 民族 as its national code, 其他 said to be 未识别民族, 劳模级别 否 no
    // title, 外国人护照 a passport.
    QCOMPARE(CellNormaliser::ethnicity(QString(), SheetCell::fromText(QStringLiteral("01"))).text,
             QStringLiteral("汉族"));
    QCOMPARE(CellNormaliser::ethnicity(QString(), SheetCell::fromText(QStringLiteral("56"))).text,
             QStringLiteral("基诺族"));
    QVERIFY(CellNormaliser::ethnicity(QString(), SheetCell::fromText(QStringLiteral("60"))).text.isEmpty());
    QVERIFY(CellNormaliser::ethnicity(QString(), SheetCell::fromNumber(35)).text.isEmpty());
    QVERIFY(
        !CellNormaliser::ethnicity(QString(), SheetCell::fromText(QStringLiteral("其他"))).warning.isEmpty());
    QVERIFY(
        CellNormaliser::ethnicity(QString(), SheetCell::fromText(QStringLiteral("汉"))).warning.isEmpty());
    QCOMPARE(CellNormaliser::ethnicity(QString(), SheetCell::fromText(QStringLiteral("漢族"))).text,
             QStringLiteral("汉族"));
    QVERIFY(CellNormaliser::normalise(QStringLiteral("labourModelLevel"),
                                      SheetCell::fromText(QStringLiteral("否")))
                .text.isEmpty());
    QCOMPARE(codes::idType().keyFor(QStringLiteral("外国人护照")), QStringLiteral("passport"));
    // A mobile typed short stays a mobile with its own complaint, not a landline.
    QVERIFY(CellNormaliser::mobile(QStringLiteral("13800000")).note.isEmpty());
    TestStore t;
    const ImportPlan plan = planFor(
        t, sheetWithIds(QStringLiteral("姓名,身份证号码,联系电话"), {QStringLiteral("甲,%1,0571-88881234")}));
    QCOMPARE(plan.validCount(), 1);
    QCOMPARE(plan.rows().first().member.mobile, QString());
    QVERIFY(plan.rows().first().member.notes.contains(QStringLiteral("0571-88881234")));
}

// The rules for HR exports and templates must not misfire on ordinary rosters: a hardship word that
// says no, a member whose answer carries a note, a note about someone else, a department called 举例,
// a header naming a relative, a member named 如意 under the header, a degree still being studied.
void TstRosterImport::leavesOrdinaryWordsAlone()
{
    for (const QString& notYes :
         {QStringLiteral("没有困难"), QStringLiteral("暂无困难"), QStringLiteral("家庭不困难"),
          QStringLiteral("已脱困"), QStringLiteral("困难职工家属")})
        QVERIFY2(CellNormaliser::yesOrNo(QString(), SheetCell::fromText(notYes)).text !=
                     QStringLiteral("true"),
                 qPrintable(notYes));
    for (const QString& member : {QStringLiteral("已入会（2020年申请）"), QStringLiteral("退会后已重新入会")})
        QVERIFY2(CellNormaliser::verdictOf(QStringLiteral("unionMember"), SheetCell::fromText(member)).kind ==
                     CellNormaliser::Verdict::Kind::Member,
                 qPrintable(member));
    for (const QString& unknown :
         {QStringLiteral("不详"), QStringLiteral("待核实"), QStringLiteral("非在编会员")}) {
        const CellNormaliser::Verdict doubt =
            CellNormaliser::verdictOf(QStringLiteral("unionMember"), SheetCell::fromText(unknown));
        QVERIFY2(doubt.kind == CellNormaliser::Verdict::Kind::Doubt, qPrintable(unknown));
        QVERIFY(!doubt.message.isEmpty());
    }
    for (const QString& note : {QStringLiteral("父亲已故"), QStringLiteral("调出后又调回"),
                                QStringLiteral("已核实（非重复）"), QStringLiteral("2024.3退休")})
        QVERIFY2(CellNormaliser::leavingNote(note).isEmpty(), qPrintable(note));
    QCOMPARE(CellNormaliser::leavingNote(QStringLiteral("2023年已去世")), QStringLiteral("已去世"));
    QCOMPARE(CellNormaliser::codedWord(codes::education(), QStringLiteral("本科（在读）")),
             QStringLiteral("本科（在读）"));
    QCOMPARE(CellNormaliser::codedWord(codes::politicalStatus(), QStringLiteral("预备党员（已转正）")),
             QStringLiteral("预备党员（已转正）"));
    for (const QString& header : {QStringLiteral("手机号码（配偶）"), QStringLiteral("姓名(家属)"),
                                  QStringLiteral("联系电话（紧急联系人）")})
        QVERIFY2(HeaderMap::fieldFor(header).isEmpty(), qPrintable(header));
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("身份证号码 18位")), QStringLiteral("idNumber"));
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("联系方式 手机号码")), QStringLiteral("mobile"));
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("会籍情况")), QStringLiteral("status"));
    // Headers on two lines in the cell: a hint below, or a group label above.
    Sheet twoLines;
    twoLines.rows = {{SheetCell::fromText(QStringLiteral("姓名")),
                      SheetCell::fromText(QStringLiteral("身份证号码\n18位")),
                      SheetCell::fromText(QStringLiteral("联系方式\n手机号码"))}};
    const std::optional<HeaderMap> twoLineMap = HeaderMap::detect(twoLines);
    QVERIFY(twoLineMap);
    QCOMPARE(twoLineMap->columnOf(QStringLiteral("idNumber")), 1);
    QCOMPARE(twoLineMap->columnOf(QStringLiteral("mobile")), 2);
    QCOMPARE(CellNormaliser::yesOrNo(QString(), SheetCell::fromText(QStringLiteral("困难（已脱困）"))).text,
             QString());
    QCOMPARE(CellNormaliser::yesOrNo(QString(), SheetCell::fromText(QStringLiteral("否（曾困难）"))).text,
             QStringLiteral("false"));
    // An old or stopped number is not the mobile when the cell has another; alone, it is none.
    QCOMPARE(CellNormaliser::mobile(QStringLiteral("13800138000（已停用）13900139000")).text,
             QStringLiteral("13900139000"));
    QCOMPARE(CellNormaliser::mobile(QStringLiteral("旧号13800138000 新号13900139000")).text,
             QStringLiteral("13900139000"));
    const CellNormaliser::Value dead = CellNormaliser::mobile(QStringLiteral("13800138000（空号）"));
    QVERIFY(dead.text.isEmpty() && !dead.warning.isEmpty() &&
            dead.note.contains(QStringLiteral("13800138000")));
    QVERIFY(CellNormaliser::mobile(QStringLiteral("手机13800138000")).note.isEmpty());

    TestStore t;
    const ImportPlan plan = planFor(
        t, sheetWithIds(QStringLiteral("部门,姓名,身份证号码,工号,会员情况,备注"),
                        {QStringLiteral("举例,如意,%1,例,会员,父亲已故"),
                         QStringLiteral("科室,李四,%1,,死亡,"), QStringLiteral("科室,王五,%1,,退会,")}));
    QCOMPARE(plan.validCount(), 3);
    // The 部门 and 工号 columns left out, and the two statuses said: no row refused, no note doubted.
    QCOMPARE(plan.problems().size(), 4);
    QVERIFY(plan.errors().isEmpty());
    QVERIFY(!findProblem(plan, 2, QStringLiteral("notes")));
    QCOMPARE(plan.rows().at(0).member.name, QStringLiteral("如意"));
    QCOMPARE(plan.rows().at(1).member.status, QStringLiteral("deceased"));
    QCOMPARE(plan.rows().at(2).member.status, QStringLiteral("withdrawn"));
}

// Without a 证件类型 column a residence permit's number (810000…, 820000…, 830000…) is stored as a
// residence permit, not as a resident identity card; under 居民身份证 it is too, with a warning.
void TstRosterImport::knowsResidencePermitsByTheirNumber()
{
    TestStore t;
    ImportPlan plan =
        planFor(t, sheetOf({QStringLiteral("姓名,身份证号"), QStringLiteral("陈美玲,810000198512030041"),
                            QStringLiteral("张三,%1").arg(TestStore::sampleIdNumber(3))}));
    QCOMPARE(plan.validCount(), 2);
    QVERIFY(plan.problems().isEmpty());
    QCOMPARE(plan.rows().at(0).member.idType, QStringLiteral("hmt-permit"));
    QCOMPARE(plan.rows().at(0).member.gender, QStringLiteral("female"));
    QCOMPARE(plan.rows().at(1).member.idType, QStringLiteral("resident"));

    plan = planFor(t, sheetOf({QStringLiteral("姓名,证件类型,身份证号,手机"),
                               QStringLiteral("陈美玲,居民身份证,820000197006150064,12345")}));
    QCOMPARE(plan.validCount(), 1);
    QCOMPARE(plan.rows().at(0).member.idType, QStringLiteral("hmt-permit"));
    // Also when the row is checked a second time without its bad mobile.
    QVERIFY(findProblem(plan, 2, QStringLiteral("idType")));
    QVERIFY(findProblem(plan, 2, QStringLiteral("mobile")));
}

// A workbook written by a program (openpyxl, pandas) keeps formulas without their results: the clerk
// sees values in Excel, the file holds none. Such a cell refuses the row when it names the member,
// and is a warning otherwise; never "nan", never a silent blank.
void TstRosterImport::reportsFormulasWithoutResults()
{
    const QString header = QStringLiteral("<row r=\"1\">%1%2%3%4</row>")
                               .arg(inlineCell(QStringLiteral("A1"), QStringLiteral("姓名")),
                                    inlineCell(QStringLiteral("B1"), QStringLiteral("身份证号")),
                                    inlineCell(QStringLiteral("C1"), QStringLiteral("民族")),
                                    inlineCell(QStringLiteral("D1"), QStringLiteral("工作单位")));
    QString rows = header;
    rows += QStringLiteral("<row r=\"2\"><c r=\"A2\"><f>CONCATENATE(\"张\",\"三\")</f></c>%1</row>")
                .arg(inlineCell(QStringLiteral("B2"), TestStore::sampleIdNumber(2)));
    rows += QStringLiteral("<row r=\"3\">%1%2<c r=\"C3\"><f>IF(ROW()&gt;0,\"汉族\",\"\")</f><v></v></c>"
                           "<c r=\"D3\" t=\"str\"><f>\"\"</f><v></v></c></row>")
                .arg(inlineCell(QStringLiteral("A3"), TestStore::sampleName(3)),
                     inlineCell(QStringLiteral("B3"), TestStore::sampleIdNumber(3)));
    rows += QStringLiteral("<row r=\"4\">%1%2<c r=\"C4\" t=\"str\"><f>A4</f><v>汉族</v></c></row>")
                .arg(inlineCell(QStringLiteral("A4"), TestStore::sampleName(4)),
                     inlineCell(QStringLiteral("B4"), TestStore::sampleIdNumber(4)));
    for (const bool liborcusGivesUp : {false, true}) {
        QTemporaryDir dir;
        const QString sheet =
            liborcusGivesUp ? rows + QStringLiteral("<row r=\"10\"><c r=\"LOG10\"/></row>") : rows;
        QVERIFY(writeHandMadeXlsx(dir.path(), QStringLiteral("formulas.xlsx"), {sheet}));
        Workbook workbook;
        QString error;
        QVERIFY2(SheetReader::readFile(dir.filePath(QStringLiteral("formulas.xlsx")), &workbook, &error),
                 qPrintable(error));
        TestStore t;
        const ImportPlan plan = planFor(t, workbook.sheets.first());
        QCOMPARE(plan.rows().size(), 3);
        const ImportProblem* name = findProblem(plan, 2, QStringLiteral("name"));
        QVERIFY(name && name->error);
        QVERIFY2(name->reason.contains(QStringLiteral("formula")), qPrintable(name->reason));
        const ImportProblem* ethnicity = findProblem(plan, 3, QStringLiteral("ethnicity"));
        QVERIFY(ethnicity && !ethnicity->error);
        QCOMPARE(plan.rows().at(1).status, ImportRow::Status::Warning);
        QCOMPARE(plan.rows().at(1).member.ethnicity, QString());
        // A formula whose result is the empty string is an empty cell.
        QVERIFY(!findProblem(plan, 3, QStringLiteral("employer")));
        QCOMPARE(plan.rows().at(2).member.ethnicity, QStringLiteral("汉族"));
        QCOMPARE(plan.validCount(), 2);
    }
}

// 出生年月 and 入会时间 as year and month (1985.03, typed into number cells as cadre forms do): a birth
// date comes from the ID number, silently when the month agrees; the other dates take the 1st, and
// the clerk is told once for the column, not once a row.
void TstRosterImport::readsYearAndMonth()
{
    ClerkDate::Result month = ClerkDate::parse(SheetCell::fromNumber(1985.03));
    QCOMPARE(month.date, QDate(1985, 3, 1));
    QVERIFY(month.monthOnly);
    QCOMPARE(ClerkDate::parse(SheetCell::fromNumber(1985.12)).date, QDate(1985, 12, 1));
    QCOMPARE(ClerkDate::parse(SheetCell::fromNumber(1985.2)).date, QDate(1985, 2, 1));
    // 1985.1 is January typed short, or 1985.10 shortened by the spreadsheet: not guessed.
    month = ClerkDate::parse(SheetCell::fromNumber(1985.1));
    QVERIFY(!month.date.isValid());
    QVERIFY2(month.error.contains(QStringLiteral("1985.10")), qPrintable(month.error));
    // Its own advice, not the general one that would contradict it.
    const QString refused =
        CellNormaliser::normalise(QStringLiteral("joinDate"), SheetCell::fromNumber(2015.1)).error;
    QVERIFY2(refused.contains(QStringLiteral("2015.10")) && !refused.contains(QStringLiteral("2020-01-05")),
             qPrintable(refused));
    QVERIFY(!ClerkDate::parse(SheetCell::fromNumber(1985.13)).date.isValid());
    QVERIFY(!ClerkDate::parse(SheetCell::fromNumber(1985.125)).date.isValid());

    const IdNumber first = IdNumber::parse(TestStore::sampleIdNumber(5));
    const IdNumber second = IdNumber::parse(TestStore::sampleIdNumber(6));
    QVERIFY(first.isValid() && second.isValid());
    auto yearMonth = [](const QDate& date, int addMonths) {
        const QDate d = date.addMonths(addMonths);
        return SheetCell::fromNumber(d.year() + d.month() / 100.0);
    };
    Sheet sheet;
    sheet.rows = {
        {SheetCell::fromText(QStringLiteral("姓名")), SheetCell::fromText(QStringLiteral("身份证号码")),
         SheetCell::fromText(QStringLiteral("出生年月")), SheetCell::fromText(QStringLiteral("入会时间"))},
        {SheetCell::fromText(TestStore::sampleName(5)), SheetCell::fromText(first.value()),
         yearMonth(first.birthDate(), 0), SheetCell::fromNumber(2010.05)},
        {SheetCell::fromText(TestStore::sampleName(6)), SheetCell::fromText(second.value()),
         yearMonth(second.birthDate(), 2), SheetCell::fromText(QStringLiteral("2015-3"))}};
    TestStore t;
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rows().at(0).member.birthDate, first.birthDate().toString(Qt::ISODate));
    QCOMPARE(plan.rows().at(1).member.birthDate, second.birthDate().toString(Qt::ISODate));
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2010-05-01"));
    QCOMPARE(plan.rows().at(1).member.joinDate, QStringLiteral("2015-03-01"));
    QCOMPARE(plan.rows().at(0).status, ImportRow::Status::Ok);
    // The second's month differs from its ID number's: one warning, the ID number's date kept.
    const ImportProblem* differs = findProblem(plan, 3, QStringLiteral("birthDate"));
    QVERIFY(differs && !differs->error);
    QCOMPARE(plan.warnings().size(), 2);
    const ImportProblem* note = findProblem(plan, 1, QStringLiteral("joinDate"));
    QVERIFY(note && !note->error && !note->concernsColumn());
    QVERIFY2(note->reason.contains(QStringLiteral("2 imported")), qPrintable(note->reason));
}

// 入会年份 and 出生年份 with years alone (2010, typed as text or kept as a number, which was read as
// Excel's day 2010 of 1905 and refused): the 1st of January, said once for the column; a birth year
// takes the ID number's day, with a warning when the years differ.
void TstRosterImport::readsYearsAlone()
{
    const ClerkDate::Result year = ClerkDate::parse(SheetCell::fromNumber(2012));
    QCOMPARE(year.date, QDate(2012, 1, 1));
    QVERIFY(year.yearOnly && !year.monthOnly);
    QVERIFY(!ClerkDate::parse(SheetCell::fromNumber(1899)).date.isValid());
    QCOMPARE(ClerkDate::parse(SheetCell::fromNumber(43835)).date, QDate(2020, 1, 5)); // still a serial

    const IdNumber first = IdNumber::parse(TestStore::sampleIdNumber(7));
    const IdNumber second = IdNumber::parse(TestStore::sampleIdNumber(8));
    QVERIFY(first.isValid() && second.isValid());
    Sheet sheet;
    sheet.rows = {
        {SheetCell::fromText(QStringLiteral("姓名")), SheetCell::fromText(QStringLiteral("身份证号码")),
         SheetCell::fromText(QStringLiteral("出生年份")), SheetCell::fromText(QStringLiteral("入会年份"))},
        {SheetCell::fromText(TestStore::sampleName(7)), SheetCell::fromText(first.value()),
         SheetCell::fromNumber(first.birthDate().year()), SheetCell::fromNumber(2010)},
        {SheetCell::fromText(TestStore::sampleName(8)), SheetCell::fromText(second.value()),
         SheetCell::fromText(QString::number(second.birthDate().year() + 1) + QStringLiteral("年")),
         SheetCell::fromText(QStringLiteral("2015"))}};
    TestStore t;
    const ImportPlan plan = planFor(t, sheet);
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rows().at(0).member.birthDate, first.birthDate().toString(Qt::ISODate));
    QCOMPARE(plan.rows().at(1).member.birthDate, second.birthDate().toString(Qt::ISODate));
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2010-01-01"));
    QCOMPARE(plan.rows().at(1).member.joinDate, QStringLiteral("2015-01-01"));
    QCOMPARE(plan.rows().at(0).status, ImportRow::Status::Ok);
    const ImportProblem* differs = findProblem(plan, 3, QStringLiteral("birthDate"));
    QVERIFY(differs && !differs->error);
    QVERIFY2(differs->reason.contains(QStringLiteral("(a year)")), qPrintable(differs->reason));
    QCOMPARE(plan.warnings().size(), 2);
    const ImportProblem* note = findProblem(plan, 1, QStringLiteral("joinDate"));
    QVERIFY(note && !note->error && !note->concernsColumn());
    QVERIFY2(note->reason.contains(QStringLiteral("1st of January")) &&
                 note->reason.contains(QStringLiteral("2 imported")),
             qPrintable(note->reason));
}

// Dates with the year last, as a program set to US English (month first) or a European one (day first)
// writes them: a part above 12 shows the order, and the column (or the file's other date columns, or
// birth dates the ID number confirms) decides the rest; a date that could be either is refused.
void TstRosterImport::readsDatesWithTheYearLast()
{
    using Order = ClerkDate::DayOrder;
    QCOMPARE(ClerkDate::dayOrderOf(QStringLiteral("03/18/2014")), Order::MonthFirst);
    QCOMPARE(ClerkDate::dayOrderOf(QStringLiteral("18.03.2014")), Order::DayFirst);
    QCOMPARE(ClerkDate::dayOrderOf(QStringLiteral("05/03/2015")), Order::Either);
    QCOMPARE(ClerkDate::dayOrderOf(QStringLiteral("05/05/2015")), Order::Unknown);
    QCOMPARE(ClerkDate::dayOrderOf(QStringLiteral("2015/05/03")), Order::Unknown);
    QCOMPARE(ClerkDate::dayOrderOf(QStringLiteral("13/13/2015")), Order::Unknown);
    QCOMPARE(ClerkDate::parse(QStringLiteral("3/18/2014 0:00:00")).date, QDate(2014, 3, 18));
    QCOMPARE(ClerkDate::parse(QStringLiteral("05/05/2015")).date, QDate(2015, 5, 5));
    const ClerkDate::Result either = ClerkDate::parse(QStringLiteral("05/03/2015"));
    QVERIFY(!either.date.isValid());
    QVERIFY2(either.error.contains(QStringLiteral("2015-05-03")) &&
                 either.error.contains(QStringLiteral("2015-03-05")),
             qPrintable(either.error));
    QCOMPARE(ClerkDate::parse(QStringLiteral("05/03/2015"), {}, Order::DayFirst).date, QDate(2015, 3, 5));
    QCOMPARE(ClerkDate::parse(QStringLiteral("05/03/2015"), {}, Order::MonthFirst).date, QDate(2015, 5, 3));
    // The date itself outweighs the column: 18 is no month.
    QCOMPARE(ClerkDate::parse(QStringLiteral("18/03/2015"), {}, Order::MonthFirst).date, QDate(2015, 3, 18));
    QVERIFY(!ClerkDate::parse(QStringLiteral("13/13/2015")).date.isValid());

    TestStore t;
    const QString id0 = TestStore::idNumber(QStringLiteral("110105"), QDate(1970, 4, 8), 11);
    const QString id1 = TestStore::idNumber(QStringLiteral("110105"), QDate(1990, 3, 7), 12);
    // 入会时间 shows month first (03/18/2014); 出生日期 only ambiguous dates, which the ID numbers confirm.
    ImportPlan plan = planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,出生日期,入会时间"),
                                          QStringLiteral("张三,%1,04/08/1970,03/18/2014").arg(id0),
                                          QStringLiteral("李四,%1,03/07/1990,05/03/2015").arg(id1)}));
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2014-03-18"));
    QCOMPARE(plan.rows().at(1).member.joinDate, QStringLiteral("2015-05-03"));
    QCOMPARE(plan.rows().at(1).member.birthDate, QStringLiteral("1990-03-07"));
    QCOMPARE(plan.warnings().size(), 2); // one note a column
    const ImportProblem* note = findProblem(plan, 1, QStringLiteral("joinDate"));
    QVERIFY(note && !note->error);
    QVERIFY2(note->reason.contains(QStringLiteral("03/18/2014")) &&
                 note->reason.contains(QStringLiteral("row 2")),
             qPrintable(note->reason));
    // An old 15-digit ID number confirms a birth date too.
    const QString id15 = id1.left(6) + id1.mid(8, 9);
    plan = planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,出生日期,入会时间"),
                               QStringLiteral("李四,%1,03/07/1990,05/03/2015").arg(id15)}));
    QCOMPARE(plan.validCount(), 1);
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2015-05-03"));
    // A column of ambiguous dates beside one of day-first dates reads day first.
    const QString id2 = TestStore::idNumber(QStringLiteral("110105"), QDate(1970, 4, 18), 13);
    plan = planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,入会时间,出生日期"),
                               QStringLiteral("张三,%1,05/03/2015,18.04.1970").arg(id2)}));
    QCOMPARE(plan.validCount(), 1);
    QCOMPARE(plan.rows().at(0).member.joinDate, QStringLiteral("2015-03-05"));
    // A date column written otherwise (2015-05-03) needs no order, and gets no note.
    plan = planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,入会时间,出生日期"),
                               QStringLiteral("张三,%1,2015-05-03,18.04.1970").arg(id2)}));
    QCOMPARE(plan.warnings().size(), 1);
    QVERIFY(!findProblem(plan, 1, QStringLiteral("joinDate")));
    // Nothing shows the order: refused, naming both readings.
    plan = planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,入会时间"),
                               QStringLiteral("张三,%1,05/03/2015").arg(id0)}));
    QCOMPARE(plan.validCount(), 0);
    const ImportProblem* refused = findProblem(plan, 2, QStringLiteral("joinDate"));
    QVERIFY(refused && refused->error);
    // Both orders in one column: each date that shows its own is read, the others refused.
    plan = planFor(
        t, sheetOf({QStringLiteral("姓名,身份证号码,入会时间"), QStringLiteral("张三,%1,03/18/2014").arg(id0),
                    QStringLiteral("李四,%1,18/03/2014").arg(id1),
                    QStringLiteral("王五,%1,05/03/2015").arg(TestStore::sampleIdNumber(7))}));
    QCOMPARE(plan.validCount(), 2);
    QVERIFY(findProblem(plan, 4, QStringLiteral("joinDate")));
}

// 手机号码1 | 手机号码2, as HR systems export a member's numbers: the first is the mobile, the second
// stands in where it is empty and is kept in the notes where it is not; a 栏次 row under them stays
// a row to skip, not sub-headers (手机号码 + "1").
void TstRosterImport::readsNumberedPhoneColumns()
{
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("手机号码1")), QStringLiteral("mobile"));
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("联系电话（2）")), QStringLiteral("mobile"));
    QCOMPARE(HeaderVocabulary::numberOf(QStringLiteral("手机2")), 2);
    QCOMPARE(HeaderVocabulary::numberOf(QStringLiteral("手机号码（2）")), 2);
    QCOMPARE(HeaderVocabulary::numberOf(QStringLiteral("手机号码")), 0);
    QCOMPARE(HeaderVocabulary::numberOf(QStringLiteral("备注1")), 0);
    QVERIFY(HeaderVocabulary::isVague(QStringLiteral("联系电话1")));
    TestStore t;
    const ImportPlan plan = planFor(
        t,
        sheetOf({QStringLiteral("姓名,身份证号码,手机号码1,手机号码2,备注"), QStringLiteral("栏次,1,2,3,4"),
                 QStringLiteral("张三,%1,13700000001,13900000001,").arg(TestStore::sampleIdNumber(4)),
                 QStringLiteral("李四,%1,,13900000002,夫妻").arg(TestStore::sampleIdNumber(5)),
                 QStringLiteral("王五,%1,13700000003,13700000003,").arg(TestStore::sampleIdNumber(6))}));
    QCOMPARE(plan.validCount(), 3);
    QCOMPARE(plan.rejectedCount(), 0);
    QVERIFY(plan.warnings().isEmpty());
    QCOMPARE(plan.rows().at(0).member.mobile, QStringLiteral("13700000001"));
    QVERIFY2(plan.rows().at(0).member.notes.contains(QStringLiteral("13900000001")),
             qPrintable(plan.rows().at(0).member.notes));
    QCOMPARE(plan.rows().at(1).member.mobile, QStringLiteral("13900000002"));
    QCOMPARE(plan.rows().at(1).member.notes, QStringLiteral("夫妻"));
    QCOMPARE(plan.rows().at(2).member.notes, QString());
    // Beside a surer mobile column, numbered desk phones are columns left behind, as before.
    const std::optional<HeaderMap> map =
        HeaderMap::detect(sheetOf({QStringLiteral("姓名,身份证号码,联系电话1,联系电话2,手机号码")}));
    QVERIFY(map);
    QCOMPARE(map->columnOf(QStringLiteral("mobile")), 4);
    QVERIFY(map->moreValuesOf(QStringLiteral("mobile")).isEmpty());
    QCOMPARE(map->fallbackOf(QStringLiteral("mobile")), -1);

    // 电话1 an office landline, 电话2 the mobile: the mobile is the member's, the landline a note.
    const ImportPlan office = planFor(
        t, sheetOf({QStringLiteral("姓名,身份证号码,电话1,电话2,电话3"),
                    QStringLiteral("张三,%1,0571-88881234,13900000011,").arg(TestStore::sampleIdNumber(4)),
                    QStringLiteral("李四,%1,无,,13900000012").arg(TestStore::sampleIdNumber(5))}));
    QCOMPARE(office.rows().at(0).member.mobile, QStringLiteral("13900000011"));
    QVERIFY2(office.rows().at(0).member.notes.contains(QStringLiteral("0571-88881234")),
             qPrintable(office.rows().at(0).member.notes));
    QCOMPARE(office.rows().at(1).member.mobile, QStringLiteral("13900000012"));
    // Other people's numbers: 电话1 under 家庭成员 (a header on two rows), and 姓名1 | 电话1 lists.
    const std::optional<HeaderMap> family = HeaderMap::detect(sheetOf(
        {QStringLiteral("姓名,身份证号码,手机号码,家庭成员,家庭成员"), QStringLiteral(",,,姓名1,电话1")}));
    QVERIFY(family);
    QCOMPARE(family->columnOf(QStringLiteral("mobile")), 2);
    QVERIFY(family->moreValuesOf(QStringLiteral("mobile")).isEmpty());
    QCOMPARE(family->fieldAt(4), QString());
    const std::optional<HeaderMap> listed =
        HeaderMap::detect(sheetOf({QStringLiteral("姓名,身份证号码,姓名1,电话1,姓名2,电话2")}));
    QVERIFY(listed);
    QCOMPARE(listed->columnOf(QStringLiteral("mobile")), -1);
}

// 手机号码(旧) beside 手机号码, 原手机号 beside 现手机号: the current column is imported, the former one
// is named as left behind, like every column whose header names no field (工号) but a serial number.
void TstRosterImport::leavesFormerColumnsAndTakesCurrentOnes()
{
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("手机号码(旧)")), QString());
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("手机号码（原）")), QString());
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("原工作单位")), QString());
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("现工作单位")), QStringLiteral("employer"));
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("手机号码(新)")), QStringLiteral("mobile"));
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("政治面目")), QStringLiteral("politicalStatus"));
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("族别")), QStringLiteral("ethnicity"));
    QCOMPARE(HeaderMap::fieldFor(QStringLiteral("新疆")), QString());

    const QString id = TestStore::sampleIdNumber(4);
    TestStore t;
    ImportPlan plan = planFor(t, sheetOf({QStringLiteral("序号,姓名,身份证号码,手机号码(旧),手机号码,工号"),
                                          QStringLiteral("1,张三,%1,13900000001,13700000001,A-17").arg(id)}));
    QCOMPARE(plan.validCount(), 1);
    QCOMPARE(plan.rows().first().member.mobile, QStringLiteral("13700000001"));
    QStringList left;
    for (const ImportProblem& p : plan.warnings()) {
        QVERIFY(p.concernsColumn());
        left.append(p.column);
    }
    QCOMPARE(left.size(), 2); // 手机号码(旧) and 工号; not 序号
    QVERIFY2(left.first().contains(QStringLiteral("手机号码(旧)")), qPrintable(left.join(QLatin1Char('|'))));

    // The new number where there is one, else the plain column's: a roster fills 新手机号码 only for
    // those whose number changed.
    plan = planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,手机号码,新手机号码"),
                               QStringLiteral("张三,%1,13900000001,13700000001").arg(id),
                               QStringLiteral("李四,%1,13900000002,").arg(TestStore::sampleIdNumber(5))}));
    QCOMPARE(plan.rows().at(0).member.mobile, QStringLiteral("13700000001"));
    QCOMPARE(plan.rows().at(1).member.mobile, QStringLiteral("13900000002"));
    QVERIFY(plan.warnings().isEmpty());
    const std::optional<HeaderMap> map =
        HeaderMap::detect(sheetOf({QStringLiteral("姓名,身份证号码,现工作单位,工作单位")}));
    QVERIFY(map);
    QCOMPARE(map->columnOf(QStringLiteral("employer")), 2);
    QCOMPARE(map->fallbackOf(QStringLiteral("employer")), 3);
    // The window unmaps every column and maps them again (a remembered mapping): the fallback holds.
    HeaderMap remapped = *map;
    for (int c = 0; c < remapped.columnCount(); ++c)
        remapped.setField(c, QString());
    remapped.setField(0, QStringLiteral("name"));
    remapped.setField(1, QStringLiteral("idNumber"));
    remapped.setField(2, QStringLiteral("employer"));
    QCOMPARE(remapped.fallbackOf(QStringLiteral("employer")), 3);
    // The clerk leaves the current column out: no fallback, and no warning about her choice.
    remapped.setField(2, QString());
    QCOMPARE(remapped.fallbackOf(QStringLiteral("employer")), -1);
    const Sheet chosen = sheetOf({QStringLiteral("姓名,身份证号码,现工作单位,工作单位"),
                                  QStringLiteral("张三,%1,甲公司,乙公司").arg(id)});
    const ImportPlan withoutEmployer = ImportPlan::build(chosen, remapped, t.store(), t.root().id);
    QCOMPARE(withoutEmployer.rows().first().member.employer, QString());
    QVERIFY(withoutEmployer.warnings().isEmpty());
}

// A value the member can do without is a warning that the member comes in without it; when the row
// is refused after all (a bad ID number, the same person twice), the warning says only what is wrong.
void TstRosterImport::refusedRowsAreNotSaidToComeIn()
{
    const QString id = TestStore::sampleIdNumber(7);
    QString badId = id;
    badId[17] = badId.at(17) == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    TestStore t;
    const ImportPlan plan = planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,手机号码,学历"),
                                                QStringLiteral("张三,%1,12345,本科").arg(id),
                                                QStringLiteral("李四,%1,12345,本科").arg(badId),
                                                QStringLiteral("张三,%1,67890,博士后").arg(id)}));
    QCOMPARE(plan.validCount(), 1);
    const ImportProblem* kept = findProblem(plan, 2, QStringLiteral("mobile"));
    QVERIFY(kept && kept->reason.contains(QStringLiteral("imported without")));
    for (const int row : {3, 4}) {
        QVERIFY(findProblem(plan, row, QStringLiteral("idNumber"))->error);
        for (const ImportProblem& p : plan.problems()) {
            if (p.row == row)
                QVERIFY2(!p.reason.contains(QStringLiteral("imported")) || p.error, qPrintable(p.reason));
        }
    }
    QVERIFY(findProblem(plan, 4, QStringLiteral("education")));
}

// A 状态 column says how members work as often as what their membership is: 停薪留职 and 失联 are
// members (active, the word kept in the notes, a warning); 转出 and 离职 have gone and are refused with
// that reason; a word that is neither is refused as before.
void TstRosterImport::readsWorkWordsInTheStatusColumn()
{
    TestStore t;
    const ImportPlan plan =
        planFor(t, sheetWithIds(QStringLiteral("姓名,身份证号码,状态,备注"),
                                {QStringLiteral("张一,%1,停薪留职,"), QStringLiteral("张二,%1,失 联,在外地"),
                                 QStringLiteral("张三,%1,已转出,"), QStringLiteral("张四,%1,离职,"),
                                 QStringLiteral("张五,%1,在岗,"), QStringLiteral("张六,%1,保留会籍,"),
                                 QStringLiteral("张七,%1,开小差,")}));
    QCOMPARE(plan.validCount(), 4);
    QCOMPARE(plan.rejectedCount(), 3);
    const QList<ImportRow>& rows = plan.rows();
    QCOMPARE(rows.at(0).member.status, QStringLiteral("active"));
    QVERIFY2(rows.at(0).member.notes.startsWith(QStringLiteral("停薪留职")),
             qPrintable(rows.at(0).member.notes));
    QCOMPARE(rows.at(1).member.status, QStringLiteral("active"));
    QVERIFY2(rows.at(1).member.notes.startsWith(QStringLiteral("在外地")) &&
                 rows.at(1).member.notes.contains(QStringLiteral("失联")),
             qPrintable(rows.at(1).member.notes));
    for (const int row : {2, 3}) {
        const ImportProblem* p = findProblem(plan, row, QStringLiteral("status"));
        QVERIFY(p && !p->error);
        QVERIFY2(p->reason.contains(QStringLiteral("kept in the notes")), qPrintable(p->reason));
    }
    for (const int row : {4, 5}) {
        const ImportProblem* p = findProblem(plan, row, QStringLiteral("status"));
        QVERIFY(p && p->error);
        QVERIFY2(p->reason.contains(QStringLiteral("has left")), qPrintable(p->reason));
    }
    QCOMPARE(rows.at(4).member.status, QStringLiteral("active"));
    QVERIFY(rows.at(4).member.notes.isEmpty());
    QVERIFY(!findProblem(plan, 6, QStringLiteral("status")));
    QCOMPARE(rows.at(5).member.status, QStringLiteral("retained"));
    const ImportProblem* unknown = findProblem(plan, 8, QStringLiteral("status"));
    QVERIFY(unknown && unknown->error);
    QVERIFY2(unknown->reason.contains(QStringLiteral("not one of the allowed values")),
             qPrintable(unknown->reason));
}

// 联系电话 before 手机号码: the desk phone must not become the mobile while the mobile is left out;
// the surer header takes the field wherever it stands, and the other column is named as left behind.
void TstRosterImport::takesTheMobileFromTheSurerColumn()
{
    const QString id = TestStore::sampleIdNumber(3);
    TestStore t;
    const ImportPlan plan =
        planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,联系电话,手机号码"),
                            QStringLiteral("张三,%1,0755-12345678,13800138000").arg(id)}));
    QCOMPARE(plan.validCount(), 1);
    QCOMPARE(plan.rows().first().member.mobile, QStringLiteral("13800138000"));
    const ImportProblem* left = findProblem(plan, 1, QString());
    bool named = false;
    for (const ImportProblem& p : plan.problems())
        named = named || (p.row == 1 && p.column.contains(QStringLiteral("联系电话")));
    QVERIFY2(named || left, "the desk phone column is named as left behind");

    // Alone, or first among equals, 联系电话 is the mobile as before.
    const ImportPlan alone = planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,联系电话"),
                                                 QStringLiteral("张三,%1,13900001111").arg(id)}));
    QCOMPARE(alone.rows().first().member.mobile, QStringLiteral("13900001111"));
    const ImportPlan twoSure =
        planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,手机,手机号码"),
                            QStringLiteral("张三,%1,13900001111,13800138000").arg(id)}));
    QCOMPARE(twoSure.rows().first().member.mobile, QStringLiteral("13900001111"));
}

// A cell pasted from Word keeps Shift+Enter as a vertical tab: a CSV with one in every row is still a
// text file (it was refused as "not a table or text file"), and the tab is the line break it was.
void TstRosterImport::readsLineBreaksPastedFromWord()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("花名册.csv"));
    QByteArray text = "姓名,身份证号码,备注\r\n";
    for (int i = 0; i < 50; ++i)
        text += QStringLiteral("张%1,%2,\"第一行\x0b第二行\"\r\n")
                    .arg(QString(QChar(0x4E00 + i)), TestStore::sampleIdNumber(i))
                    .toUtf8();
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    TestStore t;
    const ImportPlan plan = planFor(t, workbook.sheets.first());
    QCOMPARE(plan.validCount(), 50);
    QCOMPARE(plan.rows().first().member.notes, QStringLiteral("第一行\n第二行"));
}

// A cell with the mobile and a desk phone (13912345678/010-12345678) or two mobiles: the first mobile
// is the member's, the other numbers are kept in the notes, and a warning names them all. One number
// written with +86 or spaces stays one number.
void TstRosterImport::keepsTheMobileOfTwoNumbersInACell()
{
    TestStore t;
    const ImportPlan plan = planFor(t, sheetWithIds(QStringLiteral("姓名,身份证号码,手机号码,备注"),
                                                    {QStringLiteral("张一,%1,13912345678/010-12345678,"),
                                                     QStringLiteral("张二,%1,010-12345678、13912345670,夜班"),
                                                     QStringLiteral("张三,%1,13912345671；13800138000,"),
                                                     QStringLiteral("张四,%1,+86 13912345672,"),
                                                     QStringLiteral("张五,%1,139 1234 5673,")}));
    QCOMPARE(plan.validCount(), 5);
    const QList<ImportRow>& rows = plan.rows();
    QCOMPARE(rows.at(0).member.mobile, QStringLiteral("13912345678"));
    QVERIFY2(rows.at(0).member.notes.contains(QStringLiteral("010-12345678")),
             qPrintable(rows.at(0).member.notes));
    QCOMPARE(rows.at(1).member.mobile, QStringLiteral("13912345670"));
    QVERIFY2(rows.at(1).member.notes.startsWith(QStringLiteral("夜班")) &&
                 rows.at(1).member.notes.contains(QStringLiteral("010-12345678")),
             qPrintable(rows.at(1).member.notes));
    QCOMPARE(rows.at(2).member.mobile, QStringLiteral("13912345671"));
    QVERIFY(rows.at(2).member.notes.contains(QStringLiteral("13800138000")));
    for (const int row : {2, 3, 4}) {
        const ImportProblem* p = findProblem(plan, row, QStringLiteral("mobile"));
        QVERIFY(p && !p->error);
        QVERIFY2(p->reason.contains(QStringLiteral("kept in the notes")), qPrintable(p->reason));
    }
    QCOMPARE(rows.at(3).member.mobile, QStringLiteral("13912345672"));
    QCOMPARE(rows.at(4).member.mobile, QStringLiteral("13912345673"));
    QVERIFY(rows.at(3).member.notes.isEmpty() && rows.at(4).member.notes.isEmpty());
}

// A GBK file with a row pasted in from a UTF-8 one: that row read as GBK is rare characters (李四 as
// 鏉庡洓) with nothing to show it; it is read as UTF-8. GBK rows of common characters whose bytes
// happen to be valid UTF-8 too (压萍, 小醛 and 女 are) stay GBK.
void TstRosterImport::readsAUtf8LineInAGbkFile()
{
    const QStringList gbkLines{QStringLiteral("姓名,身份证号码,性别"), QStringLiteral("张三,%1,男"),
                               QStringLiteral("压萍,%1,女"), QStringLiteral("小醛,%1,女"),
                               QStringLiteral("夜通,%1,女")};
    QByteArray bytes;
    QStringList expected;
    for (int i = 0; i < gbkLines.size(); ++i) {
        const QString line = i == 0 ? gbkLines.at(i) : gbkLines.at(i).arg(TestStore::sampleIdNumber(i));
        bytes += TextDecoder::toGb18030(line) + "\r\n";
        expected.append(line);
        if (i == 2) {
            const QString pasted = QStringLiteral("李四,%1,女").arg(TestStore::sampleIdNumber(9));
            bytes += pasted.toUtf8() + "\r\n";
            expected.append(pasted);
        }
    }
    TextDecoder::Encoding encoding;
    const QString text = TextDecoder::decode(bytes, &encoding);
    QCOMPARE(encoding, TextDecoder::Encoding::Gb18030);
    QCOMPARE(text, expected.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n"));
    // Written by a GB18030-2022 encoder (glibc's iconv, updated Windows): 𠂇 as FE51, 龴 as FE59, read
    // as those characters, not as GB18030-2005's private-use stand-ins.
    QCOMPARE(TextDecoder::fromGb18030(QByteArray("\xD5\xC5\xFE\x51,\xC0\xEE\xFE\x59")),
             QStringLiteral("张\U00020087,李\u9FB4"));
    // Old Mac programs end lines with CR alone.
    QByteArray crOnly = bytes;
    crOnly.replace("\r\n", "\r");
    QCOMPARE(TextDecoder::decode(crOnly), expected.join(QLatin1Char('\r')) + QLatin1Char('\r'));
    // A UTF-8 byte-order mark in front of GBK text (a tool added it without re-encoding): read the
    // same way, not as UTF-8 full of replacement characters.
    QCOMPARE(TextDecoder::decode("\xEF\xBB\xBF" + bytes, &encoding),
             expected.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n"));
    QCOMPARE(encoding, TextDecoder::Encoding::Utf8Bom);
}

// Two rosters side by side on one sheet: the right one's people are not imported, and one warning
// says how many, beside the warnings for each of its columns.
void TstRosterImport::warnsOfASecondTableBesideTheFirst()
{
    TestStore t;
    const ImportPlan plan =
        planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,,姓名,身份证号码"),
                            QStringLiteral("左甲,%1,,右甲,%2")
                                .arg(TestStore::sampleIdNumber(1), TestStore::sampleIdNumber(2)),
                            QStringLiteral("左乙,%1,,右乙,%2")
                                .arg(TestStore::sampleIdNumber(3), TestStore::sampleIdNumber(4))}));
    QCOMPARE(plan.validCount(), 2);
    const ImportProblem& first = plan.problems().first();
    QVERIFY(!first.error);
    QCOMPARE(first.row, 1);
    QVERIFY2(first.reason.contains(QStringLiteral("second table")) &&
                 first.reason.contains(QStringLiteral("2 member")),
             qPrintable(first.reason));
    // One roster with a second 姓名 column only (a former name, say) is not a second table.
    const ImportPlan single =
        planFor(t, sheetOf({QStringLiteral("姓名,身份证号码,姓名"),
                            QStringLiteral("左丙,%1,右丙").arg(TestStore::sampleIdNumber(5))}));
    for (const ImportProblem& p : single.problems())
        QVERIFY2(!p.reason.contains(QStringLiteral("second table")), qPrintable(p.reason));
}

// A whole 出生日期 that differs from the ID number's: the number's date is stored (the store keeps one
// birth date that agrees with the member's number), and the clerk is warned with both.
void TstRosterImport::takesTheBirthDateOfTheIdNumber()
{
    const IdNumber id = IdNumber::parse(TestStore::sampleIdNumber(1));
    QVERIFY(id.isValid());
    const QString typed = id.birthDate().addDays(400).toString(QStringLiteral("yyyy/M/d"));
    TestStore t;
    const ImportPlan plan = planFor(
        t, sheetWithIds(QStringLiteral("姓名,身份证号码,出生日期"), {QStringLiteral("张一,%1,") + typed}));
    QCOMPARE(plan.validCount(), 1);
    QCOMPARE(plan.rows().first().member.birthDate, id.birthDate().toString(Qt::ISODate));
    const QList<ImportProblem> warnings = plan.warnings();
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().reason.contains(typed) &&
                 warnings.first().reason.contains(QStringLiteral("imported")),
             qPrintable(warnings.first().reason));
}
