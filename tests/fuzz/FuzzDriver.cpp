// uniondesk-fuzz-driver: the roster-reader fuzz target (ReaderFuzz.cpp) run without libFuzzer, so
// that any compiler builds it and the test suite runs it briefly: the generated seeds, the committed
// inputs (tests/fuzz/corpus: the .xls seed and every input that once crashed a reader), then
// deterministic mutations of them for a bounded number of iterations or seconds, whichever ends
// first. The same run is repeatable from its --seed (the libxlsxwriter seed, which carries the time
// it was made, is run but not mutated). scripts/fuzz runs the real libFuzzer for longer.
//
//   uniondesk-fuzz-driver [--iterations N] [--seconds S] [--seed X] [--corpus DIR]... [FILE]...
//   uniondesk-fuzz-driver --write-seeds DIR
//
// A crash or a broken invariant aborts the run; the input that did it is saved first as
// fuzz-crash-<iteration>.bin in the working directory, to be replayed with
// `uniondesk-fuzz-driver --iterations 0 FILE`.

#include "ReaderFuzz.h"
#include "io/RosterImport.h"
#include "io/SheetReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string_view>
#include <unistd.h>

using namespace ud::fuzz;

namespace {

// The input being run, for the crash handler.
const char* g_input = nullptr;
size_t g_inputSize = 0;
char g_crashPath[64] = "fuzz-crash.bin";

extern "C" void saveCrashingInput(int signal)
{
    // Only async-signal-safe calls here.
    const int fd = ::open(g_crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        size_t done = 0;
        while (g_input && done < g_inputSize) {
            const ssize_t n = ::write(fd, g_input + done, g_inputSize - done);
            if (n <= 0)
                break;
            done += static_cast<size_t>(n);
        }
        ::close(fd);
    }
    static const char message[] = "uniondesk-fuzz-driver: crashed; the input is saved as ";
    [[maybe_unused]] ssize_t ignored = ::write(2, message, sizeof message - 1);
    ignored = ::write(2, g_crashPath, std::strlen(g_crashPath));
    ignored = ::write(2, "\n", 1);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Pieces that mean something to one of the readers: delimiters, quotes, line ends and byte-order
// marks; GB18030 four-byte and UTF-8 supplementary sequences and broken ones; the words of header,
// totals and signature rows; damaged numbers and dates; and the XML of workbook cells.
const std::string_view kTokens[] = {
    ",",
    "\"",
    "\"\"",
    "\r\n",
    "\n",
    "\r",
    "\t",
    ";",
    "\xEF\xBC\x8C",
    "\xEF\xBB\xBF",
    "\xFF\xFE",
    "\xFE\xFF",
    std::string_view("\0", 1),
    "\x81\x30\x81\x30",
    "\x95\x32\x82\x36",
    "\xF0\xA0\xAE\xB7",
    "\xED\xA0\x80",
    "\xC0\xAF",
    "\xE5\xA7\x93\xE5\x90\x8D" /* 姓名 */,
    "\xE8\xBA\xAB\xE4\xBB\xBD\xE8\xAF\x81\xE5\x8F\xB7" /* 身份证号 */,
    "\xE5\x90\x88\xE8\xAE\xA1" /* 合计 */,
    "\xE5\x85\xB1"
    "3"
    "\xE4\xBA\xBA" /* 共3人 */,
    "\xE5\x88\xB6\xE8\xA1\xA8\xE4\xBA\xBA\xEF\xBC\x9A" /* 制表人： */,
    "1e308",
    "-1e308",
    "4.40106E+17",
    "99999999999999999999",
    "-1",
    "0",
    "43835",
    "20201301",
    "2020\xE5\xB9\xB4"
    "13\xE6\x9C\x88",
    "=\"",
    "'",
    "nan",
    "inf",
    "<",
    ">",
    "&amp;",
    "&#0;",
    "&#x10FFFF;",
    "\"/>",
    "</c>",
    "r=\"XFD1048576\"",
    "r=\"A0\"",
    "r=\"ZZZZ99999999\"",
    "t=\"s\"",
    "t=\"inlineStr\"",
    "t=\"b\"",
    "t=\"e\"",
    "s=\"999\"",
    "<v>1e308</v>",
    "<v>-1</v>",
    "<v>4294967296</v>",
    "numFmtId=\"14\"",
    "table:number-rows-repeated=\"1048576\"",
    "table:number-columns-repeated=\"16384\"",
    "table:number-columns-spanned=\"100000\"",
    "office:value=\"1e308\"",
    "office:date-value=\"9999-99-99\"",
    "office:date-value=\"-4713-01-01\"",
};

QByteArray tokenAt(std::mt19937_64& random)
{
    const std::string_view token = kTokens[random() % std::size(kTokens)];
    return QByteArray(token.data(), static_cast<qsizetype>(token.size()));
}

// Same-length changes keep a zip's directory right, so that they reach the XML of a stored entry;
// other kinds insert, delete, repeat and splice.
QByteArray mutate(QByteArray input, std::mt19937_64& random, const QList<Seed>& pool)
{
    auto below = [&](qsizetype n) {
        return n <= 0 ? qsizetype(0) : static_cast<qsizetype>(random() % quint64(n));
    };
    const bool zip = kindOf(input) != InputKind::Text;
    const int rounds = 1 + static_cast<int>(random() % 4);
    for (int round = 0; round < rounds; ++round) {
        const int choice = static_cast<int>(random() % (zip ? 4 : 10));
        const qsizetype at = below(input.size());
        switch (choice) {
        case 0: // flip a bit
            if (!input.isEmpty())
                input[at] = static_cast<char>(input.at(at) ^ (1 << (random() % 8)));
            break;
        case 1: // an interesting byte
            if (!input.isEmpty()) {
                static const char bytes[] = {0, '\x7F', '\x80', '\xFF', '"', ',', '\n', '<', '9', '-'};
                input[at] = bytes[random() % sizeof bytes];
            }
            break;
        case 2:
        case 3: { // overwrite with a token (same length)
            const QByteArray token = tokenAt(random);
            if (input.size() >= token.size())
                input.replace(below(input.size() - token.size() + 1), token.size(), token);
            break;
        }
        case 4:
        case 5: // insert a token
            input.insert(at, tokenAt(random));
            break;
        case 6: // delete a range
            input.remove(at, 1 + below(std::min<qsizetype>(64, input.size() - at)));
            break;
        case 7: { // repeat a range: long fields, many columns, many rows
            const qsizetype length = 1 + below(std::min<qsizetype>(32, input.size() - at));
            const QByteArray piece = input.mid(at, length);
            const int times = 1 + static_cast<int>(random() % 64);
            input.insert(at, piece.repeated(times));
            break;
        }
        case 8: // cut the end off
            input.truncate(at);
            break;
        case 9: { // splice with another seed of the same family
            const Seed& other = pool.at(below(pool.size()));
            if (kindOf(other.bytes) == InputKind::Text)
                input = input.left(at) + other.bytes.mid(below(other.bytes.size()));
            break;
        }
        }
    }
    return input.left(static_cast<qsizetype>(kMaxInputSize));
}

// Every generated seed must read and show its header: seeds the readers refuse would leave the
// mutations nothing to start from.
bool checkSeeds(const QList<Seed>& seeds, int count)
{
    QTemporaryDir dir;
    bool ok = true;
    for (int i = 0; i < count; ++i) {
        const Seed& seed = seeds.at(i);
        const QString path = dir.filePath(seed.name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(seed.bytes) != seed.bytes.size())
            return false;
        file.close();
        ud::Workbook workbook;
        QString error;
        const bool read = ud::SheetReader::readFile(path, &workbook, &error);
        const auto choice = read ? ud::RosterImport::chooseSheet(workbook, QString(), &error) : std::nullopt;
        if (!choice) {
            std::printf("seed %s: %s\n", qPrintable(seed.name), qPrintable(error));
            ok = false;
            continue;
        }
        const ud::Sheet& sheet = workbook.sheets.at(choice->sheet);
        std::printf(
            "seed %-28s %6lld bytes: sheet %d of %lld, %lld rows, header in row %d naming %lld fields\n",
            qPrintable(seed.name), static_cast<long long>(seed.bytes.size()), choice->sheet + 1,
            static_cast<long long>(workbook.sheets.size()), static_cast<long long>(sheet.rows.size()),
            choice->map.headerRow() + 1, static_cast<long long>(choice->map.fields().size()));
    }
    return ok;
}

bool run(const QByteArray& input)
{
    g_input = input.constData();
    g_inputSize = static_cast<size_t>(input.size());
    const int rc = LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()), g_inputSize);
    g_input = nullptr;
    return rc == 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs the roster-reader fuzz target without libFuzzer."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Inputs to run first."));
    parser.addOption({QStringLiteral("iterations"), QStringLiteral("Mutated inputs to run (default 4000)."),
                      QStringLiteral("N"), QStringLiteral("4000")});
    parser.addOption({QStringLiteral("seconds"),
                      QStringLiteral("Stop mutating after S seconds (default 15)."), QStringLiteral("S"),
                      QStringLiteral("15")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("The mutations' random seed (default 1)."),
                      QStringLiteral("X"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("corpus"), QStringLiteral("A folder of inputs to run and mutate."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("write-seeds"),
                      QStringLiteral("Write the generated seeds into DIR and stop."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("slowest"), QStringLiteral("Save the slowest mutated input as FILE."),
                      QStringLiteral("FILE")});
    parser.process(app);

    if (parser.isSet(QStringLiteral("write-seeds"))) {
        QString error;
        if (!writeSeeds(parser.value(QStringLiteral("write-seeds")), &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        return 0;
    }

    int fakeArgc = 0;
    char** fakeArgv = nullptr;
    LLVMFuzzerInitialize(&fakeArgc, &fakeArgv);
    std::signal(SIGSEGV, saveCrashingInput);
    std::signal(SIGABRT, saveCrashingInput);
    std::signal(SIGBUS, saveCrashingInput);
    std::signal(SIGFPE, saveCrashingInput);
    std::signal(SIGILL, saveCrashingInput);

    QStringList notes;
    QList<Seed> pool = makeSeeds(&notes);
    for (const QString& note : std::as_const(notes))
        std::printf("note: %s\n", qPrintable(note));
    const int generated = static_cast<int>(pool.size());
    if (!checkSeeds(pool, generated))
        return 1;
    QStringList files = parser.positionalArguments();
    for (const QString& folder : parser.values(QStringLiteral("corpus"))) {
        const QDir dir(folder);
        if (!dir.exists())
            std::printf("note: no folder %s\n", qPrintable(folder));
        for (const QFileInfo& info : dir.entryInfoList(QDir::Files, QDir::Name))
            files.append(info.filePath());
    }
    for (const QString& path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 1;
        }
        pool.append({QFileInfo(path).fileName(), file.readAll()});
    }

    int counts[4] = {0, 0, 0, 0};
    QElapsedTimer timer;
    timer.start();
    for (const Seed& seed : std::as_const(pool)) {
        std::snprintf(g_crashPath, sizeof g_crashPath, "fuzz-crash-seed.bin");
        run(seed.bytes);
        ++counts[static_cast<int>(kindOf(seed.bytes))];
    }
    const double seedSeconds = double(timer.nsecsElapsed()) / 1e9;

    // Only inputs that are the same in every run are mutated, so that a run repeats from its seed.
    QList<Seed> parents;
    for (const Seed& seed : std::as_const(pool)) {
        if (seed.repeatable)
            parents.append(seed);
    }
    const qint64 iterations = parser.value(QStringLiteral("iterations")).toLongLong();
    const double seconds = parser.value(QStringLiteral("seconds")).toDouble();
    std::mt19937_64 random(parser.value(QStringLiteral("seed")).toULongLong());
    qint64 done = 0;
    double slowest = 0;
    QByteArray slowestInput;
    timer.restart();
    while (done < iterations && !parents.isEmpty() && double(timer.elapsed()) / 1000 < seconds) {
        const QByteArray input = mutate(
            parents.at(static_cast<qsizetype>(random() % quint64(parents.size()))).bytes, random, parents);
        std::snprintf(g_crashPath, sizeof g_crashPath, "fuzz-crash-%lld.bin", static_cast<long long>(done));
        QElapsedTimer one;
        one.start();
        run(input);
        const double ms = double(one.nsecsElapsed()) / 1e6;
        if (ms > slowest) {
            slowest = ms;
            slowestInput = input;
        }
        ++counts[static_cast<int>(kindOf(input))];
        ++done;
    }
    const double mutationSeconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("uniondesk-fuzz-driver: %lld inputs (%d generated seeds, %lld files, %lld mutations) in "
                "%.1f s + %.1f s; text %d, xlsx %d, ods %d, xls %d; slowest input %.1f ms (%s, %lld bytes)\n",
                static_cast<long long>(pool.size() + done), generated, static_cast<long long>(files.size()),
                static_cast<long long>(done), seedSeconds, mutationSeconds, counts[0], counts[1], counts[2],
                counts[3], slowest, kindName(kindOf(slowestInput)),
                static_cast<long long>(slowestInput.size()));
    if (parser.isSet(QStringLiteral("slowest"))) {
        QFile file(parser.value(QStringLiteral("slowest")));
        if (!file.open(QIODevice::WriteOnly) || file.write(slowestInput) != slowestInput.size())
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
    }
    cleanUp();
    return 0;
}
