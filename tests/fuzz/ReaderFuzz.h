#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

// The roster-reader fuzz target (ReaderFuzz.cpp) and its seed corpus (FuzzSeeds.cpp), shared by the
// libFuzzer build (scripts/fuzz) and the bounded driver of the test suite (FuzzDriver.cpp).
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace ud::fuzz {

// Inputs above this size are skipped (libFuzzer's -max_len is set below it).
constexpr size_t kMaxInputSize = 256 * 1024;

// Which reader gets the bytes, by their first bytes: a zip naming the OpenDocument spreadsheet type
// is an .ods, another zip an .xlsx, an OLE2 compound file an .xls, anything else text.
enum class InputKind
{
    Text,
    Xlsx,
    Ods,
    Xls,
};
InputKind kindOf(const QByteArray& bytes);
const char* kindName(InputKind kind);

// A Qt application object, the temporary folder and the empty store the plans are built against.
void initialise();
// Closes the store and removes the temporary folder (the driver's normal exit; libFuzzer never
// returns).
void cleanUp();
int testOneInput(const uint8_t* data, size_t size);

struct Seed
{
    QString name; // a file name with the suffix of its format
    QByteArray bytes;
    bool repeatable = true; // the same bytes in every run (libxlsxwriter's output carries the time)
};

// Rosters as clerks have them, made at run time: CSV in UTF-8 (with and without BOM), GB18030 and
// UTF-16, with title, note, totals and signature rows, quoted fields and damaged ID numbers; an
// .xlsx through XlsxWriter (libxlsxwriter; the one seed that changes from run to run, with the time
// it was made) and one zipped uncompressed, so that byte mutations reach its XML; an .ods (when the zip tool
// is present). `notes` receives what could not be made.
QList<Seed> makeSeeds(QStringList* notes = nullptr);
// makeSeeds() into a folder (created if missing); false with the reason.
bool writeSeeds(const QString& folder, QString* error);

} // namespace ud::fuzz
