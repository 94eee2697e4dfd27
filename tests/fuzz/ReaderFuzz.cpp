// The libFuzzer entry point for the roster readers: the bytes of one file, whatever they hold, go
// through what an import does with a file before it writes anything. Text goes through TextDecoder
// and CsvReader, and through HtmlTableReader when it may be a web page; a zip (.xlsx, .ods) or an OLE2
// compound file (.xls) is written to a temporary file and read by SheetReader (liborcus, FreeXL), because
// those libraries read files. Every sheet read then goes through header detection (HeaderMap), sheet choice,
// row classification, cell normalisation and ImportPlan::build against an empty store (validation,
// duplicates, store lookups). Nothing is written to the store.
//
// The same function runs under two drivers: real libFuzzer (clang, scripts/fuzz) and
// uniondesk-fuzz-driver (any compiler, in the test suite). Besides crashes, it aborts when a result
// breaks an invariant the importer relies on (a row number outside the sheet, counts that do not add
// up), so a logic error shows up as a crash too.

#include "ReaderFuzz.h"

#include "io/BiffDecryption.h"
#include "io/BiffSharedStrings.h"
#include "io/BiffSheetAttributes.h"
#include "io/BiffStreamMends.h"
#include "io/CellNormaliser.h"
#include "io/ClerkDate.h"
#include "io/CompoundFile.h"
#include "io/CsvReader.h"
#include "io/HeaderMap.h"
#include "io/HtmlTableReader.h"
#include "io/ImportPlan.h"
#include "io/RosterImport.h"
#include "io/RowClassifier.h"
#include "io/SheetReader.h"
#include "io/TextDecoder.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace ud::fuzz {

namespace {

struct State
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Database> store;
    QString organisationId;
    bool formats[4] = {true, true, true, true}; // by InputKind
};

// Never destroyed: libFuzzer leaves through exit() at any moment, and Qt's and SQLite's objects
// must not be torn down under it.
State* state()
{
    static State* s = new State;
    return s;
}

[[noreturn]] void broken(const char* what)
{
    std::fprintf(stderr, "uniondesk fuzz: invariant broken: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

void check(bool ok, const char* what)
{
    if (!ok)
        broken(what);
}

// What an import does with one sheet, short of writing.
void exerciseSheet(const Sheet& sheet)
{
    const auto rows = static_cast<int>(sheet.rows.size());
    // The date reader on every text cell of the first rows, whatever column it is in.
    int cells = 0;
    for (const QList<SheetCell>& row : sheet.rows) {
        for (const SheetCell& cell : row) {
            if (++cells > 2000)
                break;
            const ClerkDate::Result date = ClerkDate::parse(cell);
            check(!date.date.isValid() || date.error.isEmpty(), "a date with an error");
        }
    }
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    if (!map)
        return;
    check(map->headerRow() >= 0 && map->headerRow() < rows, "header row outside the sheet");
    for (const QString& field : map->fields()) {
        const int column = map->columnOf(field);
        check(column >= 0 && column < map->columnCount(), "mapped column outside the header");
        check(map->fieldAt(column) == field, "column and field disagree");
    }
    int members = 0;
    for (int r = map->headerRow() + 1; r < rows; ++r) {
        const QList<SheetCell>& row = sheet.rows.at(r);
        // A section title (一、机关, a caption merged across the row) is no member either.
        if (RowClassifier::classify(row, *map) != RowClassifier::Kind::Member ||
            RowClassifier::isSectionRow(row))
            continue;
        ++members;
        for (const QString& field : map->fields()) {
            const CellNormaliser::Value value =
                CellNormaliser::normalise(field, row.value(map->columnOf(field)));
            check(!value.isError() || value.text.isEmpty(), "a refused cell with a value");
        }
    }
    State& s = *state();
    if (!s.store)
        return;
    const ImportPlan plan = ImportPlan::build(sheet, *map, *s.store, s.organisationId);
    check(!plan.cancelled(), "a plan cancelled without being asked");
    check(plan.rows().size() == members, "plan rows and member rows differ");
    check(plan.rows().size() + plan.skippedCount() == rows - map->headerRow() - 1, "rows lost by the plan");
    check(plan.validCount() + plan.rejectedCount() == plan.rows().size(), "valid and rejected do not add up");
    int previous = map->headerRow() + 1;
    for (const ImportRow& row : plan.rows()) {
        check(row.row > previous && row.row <= rows, "plan row number outside the sheet");
        previous = row.row;
        if (row.status != ImportRow::Status::Error) {
            check(!row.member.name.isEmpty() || !row.member.idNumber.isEmpty(), "a valid row naming nobody");
            check(row.member.organisationId == s.organisationId, "a row for another organisation");
        }
    }
    for (const ImportProblem& p : plan.problems()) {
        // The header row carries only warnings about whole columns: those the import leaves behind,
        // and dates a column gives as year and month.
        const bool onHeader = p.row == map->headerRow() + 1 && !p.error;
        check(!p.concernsColumn() || onHeader, "a column left behind named on a member's row");
        check(onHeader || (p.row > map->headerRow() + 1 && p.row <= rows), "problem row outside the sheet");
        check(!p.reason.isEmpty(), "a problem without a reason");
    }
}

void exerciseWorkbook(const Workbook& workbook)
{
    for (const Sheet& sheet : workbook.sheets)
        exerciseSheet(sheet);
    QString error;
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    check(choice ? choice->sheet >= 0 && choice->sheet < workbook.sheets.size() : !error.isEmpty(),
          "a sheet choice outside the workbook, or a refusal without a reason");
}

// The record stream of an .xls (the corpus keeps one raw stream, which arrives here as text).
void exerciseBiffStream(const QByteArray& stream)
{
    const QList<BiffSheetAttributes::Entry> entries = BiffSheetAttributes::read(stream);
    for (const BiffSheetAttributes::Entry& entry : entries) {
        for (const int row : entry.hiddenRows)
            check(row >= 0 && row <= 0xFFFF, "a hidden row outside a legacy sheet");
    }
    check(entries.isEmpty() || !BiffSheetAttributes::encrypted(stream),
          "sheets read from an encrypted workbook");
    QList<Sheet> sheets(entries.size());
    BiffSheetAttributes::apply(entries, &sheets);
    // What FreeXlReader does to the stream before FreeXL sees it, here in this process (the .xls
    // itself is read in the helper process, as the programs read it).
    QByteArray decrypted = stream;
    const BiffDecryption::Outcome outcome =
        BiffDecryption::decrypt(&decrypted, BiffDecryption::builtInPassword());
    check(outcome != BiffDecryption::Outcome::Plain || decrypted == stream,
          "a plain stream changed by decryption");
    check(decrypted.size() == stream.size(), "decryption changed the stream's length");
    QByteArray mended = decrypted;
    const int mends = BiffStreamMends::mend(&mended);
    check(mends >= 0 && mended.size() == decrypted.size(), "mending changed the stream's length");
    check(mends > 0 || mended == decrypted, "a stream changed without a mend");
    // The shared strings rewritten: the sheets still where BOUNDSHEET says, nothing to mend a second
    // time.
    QByteArray rewritten = mended;
    const int empty = BiffSharedStrings::mendEmptyStrings(&rewritten);
    check(empty > 0 || rewritten == mended, "a stream changed without an empty shared string");
    if (empty > 0) {
        check(BiffSharedStrings::mendEmptyStrings(&rewritten) == 0, "a rewritten table mended again");
        check(BiffSheetAttributes::read(rewritten).size() == entries.size(), "sheets lost by the rewrite");
    }
}

void exerciseText(const QByteArray& bytes)
{
    exerciseBiffStream(bytes);
    TextDecoder::Encoding encoding = TextDecoder::Encoding::Utf8;
    const QString text = TextDecoder::decode(bytes, &encoding);
    check(TextDecoder::detect(bytes) == encoding, "detection is not repeatable");
    // GB18030 both ways: the decoder of Chinese Excel's CSV files and the encoder of the tests.
    if (encoding != TextDecoder::Encoding::Gb18030)
        TextDecoder::fromGb18030(bytes);
    TextDecoder::toGb18030(text.left(4096));
    Workbook workbook;
    workbook.sheets = {CsvReader::parse(text, QStringLiteral("fuzz"))};
    // Every line break ends at most one row.
    check(workbook.sheets.first().rows.size() <=
              text.count(QLatin1Char('\n')) + text.count(QLatin1Char('\r')) + 1,
          "more rows than lines");
    exerciseWorkbook(workbook);
    // The same bytes as a web page saved as .xls (HtmlTableReader, libxml2's HTML parser).
    if (bytes.contains('<'))
        exerciseWorkbook(HtmlTableReader::parse(bytes));
}

void exerciseFile(const QByteArray& bytes, const char* suffix)
{
    State& s = *state();
    if (!s.dir || !s.dir->isValid())
        return;
    const QString path = s.dir->filePath(QStringLiteral("input.") + QLatin1String(suffix));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        broken("cannot write the temporary input file");
    file.close();
    if (QLatin1String(suffix) == QLatin1String("xls")) {
        const CompoundFile compound(path);
        exerciseBiffStream(compound.stream(QStringLiteral("Workbook"), bytes.size()));
    }
    Workbook workbook;
    QString error;
    if (!SheetReader::readFile(path, &workbook, &error)) {
        check(!error.isEmpty(), "a failed read without a reason");
        return;
    }
    exerciseWorkbook(workbook);
}

} // namespace

InputKind kindOf(const QByteArray& bytes)
{
    if (bytes.startsWith("PK\x03\x04"))
        return bytes.left(256).contains("opendocument.spreadsheet") ? InputKind::Ods : InputKind::Xlsx;
    if (bytes.startsWith("\xD0\xCF\x11\xE0"))
        return InputKind::Xls;
    return InputKind::Text;
}

const char* kindName(InputKind kind)
{
    switch (kind) {
    case InputKind::Text:
        return "text";
    case InputKind::Xlsx:
        return "xlsx";
    case InputKind::Ods:
        return "ods";
    case InputKind::Xls:
        return "xls";
    }
    return "?";
}

void initialise()
{
    State& s = *state();
    if (s.dir)
        return;
    if (!QCoreApplication::instance()) {
        static int argc = 1;
        static char name[] = "uniondesk-fuzz";
        static char* argv[] = {name, nullptr};
        new QCoreApplication(argc, argv); // never deleted, see state()
    }
    // Workbooks are read from a file: keep it in memory when the system has a RAM disk.
    if (QDir(QStringLiteral("/dev/shm")).exists())
        s.dir = std::make_unique<QTemporaryDir>(QStringLiteral("/dev/shm/uniondesk-fuzz-XXXXXX"));
    if (!s.dir || !s.dir->isValid())
        s.dir = std::make_unique<QTemporaryDir>();
    // UNIONDESK_FUZZ_FORMATS=text,xlsx,ods leaves the other readers out (scripts/fuzz: a crash
    // inside a library that cannot be fixed here would otherwise end every run).
    if (const char* formats = std::getenv("UNIONDESK_FUZZ_FORMATS")) {
        const QList<QByteArray> wanted = QByteArray(formats).split(',');
        for (const InputKind kind : {InputKind::Text, InputKind::Xlsx, InputKind::Ods, InputKind::Xls})
            s.formats[static_cast<int>(kind)] = wanted.contains(kindName(kind));
    }
    QString error;
    s.store = Database::open(s.dir->filePath(QStringLiteral("store.sqlite")),
                             Database::OpenMode::CreateIfMissing, &error);
    if (s.store) {
        if (const auto root = OrganisationRepository::createRoot(*s.store, QStringLiteral("测试区总工会"),
                                                                 QStringLiteral("district"),
                                                                 QStringLiteral("fuzz"), &error))
            s.organisationId = root->id;
        else
            s.store.reset();
    }
    if (!s.store)
        std::fprintf(stderr, "uniondesk fuzz: no store (%s); plans are not built\n", qPrintable(error));
}

void cleanUp()
{
    State& s = *state();
    s.store.reset();
    s.dir.reset();
}

int testOneInput(const uint8_t* data, size_t size)
{
    // Larger inputs only slow the search down; the readers' size limits are not what is tested.
    if (size > kMaxInputSize)
        return -1;
    initialise();
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const InputKind kind = kindOf(bytes);
    if (!state()->formats[static_cast<int>(kind)])
        return -1;
    switch (kind) {
    case InputKind::Text:
        exerciseText(bytes);
        break;
    case InputKind::Xlsx:
        exerciseFile(bytes, "xlsx");
        break;
    case InputKind::Ods:
        exerciseFile(bytes, "ods");
        break;
    case InputKind::Xls:
        exerciseFile(bytes, "xls");
        break;
    }
    return 0;
}

} // namespace ud::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    ud::fuzz::initialise();
    // scripts/fuzz asks the fuzzer itself to write the generated seed corpus before it starts.
    if (const char* dir = std::getenv("UNIONDESK_FUZZ_WRITE_SEEDS")) {
        QString error;
        if (!ud::fuzz::writeSeeds(QString::fromLocal8Bit(dir), &error)) {
            std::fprintf(stderr, "uniondesk fuzz: %s\n", qPrintable(error));
            std::exit(1);
        }
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return ud::fuzz::testOneInput(data, size);
}
