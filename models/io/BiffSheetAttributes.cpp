#include "io/BiffSheetAttributes.h"

#include "io/TextDecoder.h"
#include "io/ZeroPaddedFormat.h"

#include <QHash>

#include <algorithm>
#include <cstring>

namespace ud {

namespace {

// Record types of [MS-XLS] (also BIFF5's).
constexpr quint16 kBof = 0x0809;
constexpr quint16 kEof = 0x000A;
constexpr quint16 kBoundSheet = 0x0085;
constexpr quint16 kFilePass = 0x002F;
constexpr quint16 kRecalcId = 0x01C1;
constexpr quint16 kRow = 0x0208;
constexpr quint16 kMergedCells = 0x00E5;
constexpr quint16 kColumnInfo = 0x007D;
constexpr quint16 kColumnHiddenFlag = 0x0001; // fHidden
constexpr int kColumnInfoSize = 10;
constexpr quint16 kFormula = 0x0006;
constexpr quint16 kString = 0x0207;
constexpr quint16 kSharedFormula = 0x04BC;
constexpr quint16 kArray = 0x0221;
constexpr quint16 kTable = 0x0236;
constexpr quint16 kCodePage = 0x0042;
constexpr quint16 kFormat = 0x041E;
constexpr quint16 kCellFormat = 0x00E0; // XF
constexpr quint16 kNumber = 0x0203;
constexpr quint16 kRk = 0x027E;
constexpr quint16 kMulRk = 0x00BD;
constexpr int kFormulaSize = 20;        // row, column, format, the 8-byte result, flags, cache
constexpr int kMostResults = 2'000'000; // a sheet's worth of formula cells, and a bound for a hostile one
constexpr int kMostMerges = 100'000;
constexpr qsizetype kMostSheets = 4096;    // far above what a workbook holds; a hostile one may claim more
constexpr quint16 kRowHiddenFlag = 0x0020; // fDyZero
constexpr int kBoundSheetSize = 6;
constexpr int kRowSize = 16;

quint16 le16(const char* p)
{
    return static_cast<quint16>(static_cast<quint8>(p[0]) | (static_cast<quint8>(p[1]) << 8));
}

quint32 le32(const char* p)
{
    return static_cast<quint32>(le16(p)) | (static_cast<quint32>(le16(p + 2)) << 16);
}

struct Record
{
    quint16 type = 0;
    const char* data = nullptr;
    int size = 0;
};

// The record at pos, moving pos past it; false at the end or where a record would run past it.
bool nextRecord(const QByteArray& stream, qsizetype* pos, Record* record)
{
    if (*pos < 0 || *pos + 4 > stream.size())
        return false;
    const char* header = stream.constData() + *pos;
    record->type = le16(header);
    record->size = le16(header + 2);
    if (*pos + 4 + record->size > stream.size())
        return false;
    record->data = header + 4;
    *pos += 4 + record->size;
    return true;
}

bool isBof(quint16 type)
{
    // BIFF8 and BIFF5 write 0x0809; the older BOFs only appear in files FreeXL does not read.
    return type == kBof;
}

// The text of a STRING record: BIFF8's XLUnicodeString (8-bit or UTF-16), or BIFF5's 8-bit text in
// the workbook's code page (936 in Chinese Excel 95).
QString stringResult(const Record& record, bool biff8, int codePage)
{
    if (record.size < 2)
        return {};
    const int count = le16(record.data);
    if (!biff8) {
        const QByteArray bytes(record.data + 2, std::min(count, record.size - 2));
        return codePage == 936 ? TextDecoder::fromGb18030(bytes) : QString::fromLatin1(bytes);
    }
    if (record.size < 3)
        return {};
    const bool wide = static_cast<quint8>(record.data[2]) & 0x01;
    const char* chars = record.data + 3;
    const int available = record.size - 3;
    if (!wide)
        return QString::fromLatin1(chars, std::min(count, available));
    const int units = std::min(count, available / 2);
    QString text(units, Qt::Uninitialized);
    for (int i = 0; i < units; ++i)
        text[i] = QChar(le16(chars + 2 * i));
    return text;
}

// The code of a FORMAT record (its number after the identifier): BIFF8's XLUnicodeString, or BIFF5's
// text of a one-byte length in the workbook's code page.
QString formatCode(const Record& record, bool biff8, int codePage)
{
    if (record.size < 3)
        return {};
    if (biff8)
        return stringResult({record.type, record.data + 2, record.size - 2}, true, codePage);
    const QByteArray bytes(record.data + 3,
                           std::min<int>(static_cast<quint8>(record.data[2]), record.size - 3));
    return codePage == 936 ? TextDecoder::fromGb18030(bytes) : QString::fromLatin1(bytes);
}

// An RK value: a 30-bit integer or the high 30 bits of a double, divided by 100 when flagged.
double rkValue(quint32 rk)
{
    double value = 0;
    if (rk & 0x02) {
        value = static_cast<double>(static_cast<qint32>(rk) >> 2);
    } else {
        const quint64 bits = static_cast<quint64>(rk & 0xFFFFFFFCu) << 32;
        std::memcpy(&value, &bits, sizeof value);
    }
    return (rk & 0x01) ? value / 100 : value;
}

// The result a FORMULA record holds (a STRING record follows for text, read by the caller).
SheetCell formulaValue(const char* result, bool* textFollows)
{
    *textFollows = false;
    if (static_cast<quint8>(result[6]) != 0xFF || static_cast<quint8>(result[7]) != 0xFF) {
        double value = 0;
        std::memcpy(&value, result, sizeof value); // IEEE 754, little-endian as the file
        return SheetCell::fromNumber(value);
    }
    switch (static_cast<quint8>(result[0])) {
    case 0:
        *textFollows = true;
        return {};
    case 1:
        return SheetCell::fromBoolean(result[2] != 0);
    case 2: {
        // As a cell shows them, so that the import names the failed formula (#N/A of a VLOOKUP).
        static const QHash<int, QString> errors{
            {0x00, QStringLiteral("#NULL!")},  {0x07, QStringLiteral("#DIV/0!")},
            {0x0F, QStringLiteral("#VALUE!")}, {0x17, QStringLiteral("#REF!")},
            {0x1D, QStringLiteral("#NAME?")},  {0x24, QStringLiteral("#NUM!")},
            {0x2A, QStringLiteral("#N/A")}};
        return SheetCell::fromText(errors.value(static_cast<quint8>(result[2]), QStringLiteral("#N/A")));
    }
    default: // 3: an empty string, or what xlwt writes for a formula it never calculated (see read())
        return SheetCell::fromUncalculatedFormula();
    }
}

// The rows a sheet's substream marks hidden and the cells it merges, from its BOF to its EOF; charts
// embedded in the sheet are substreams of their own between, with their own BOF and EOF.
void readSheet(const QByteArray& stream, qsizetype pos, int codePage,
               const QHash<int, ZeroPaddedFormat>& paddedFormats, BiffSheetAttributes::Entry* entry)
{
    const auto shown = [&](int row, int column, int xf, double value) {
        const auto padding = paddedFormats.constFind(xf);
        if (padding == paddedFormats.constEnd() || !ZeroPaddedFormat::holdsWhole(value) ||
            entry->shownNumbers.size() >= kMostResults)
            return;
        entry->shownNumbers.append({row, column, SheetCell::fromText(padding->show(value))});
    };
    Record record;
    entry->complete = false;
    if (!nextRecord(stream, &pos, &record) || !isBof(record.type))
        return;
    const bool biff8 = record.size >= 2 && le16(record.data) == 0x0600;
    int depth = 1;
    bool textFollows = false; // the last record was a FORMULA whose text result comes in a STRING
    while (depth > 0 && nextRecord(stream, &pos, &record)) {
        const bool awaitedText = textFollows;
        // A shared formula (SHRFMLA, as Excel writes a formula filled down), an array or a data table
        // comes between a formula and the STRING of its text.
        textFollows =
            textFollows && (record.type == kSharedFormula || record.type == kArray || record.type == kTable);
        if (textFollows)
            continue;
        if (isBof(record.type)) {
            ++depth;
        } else if (record.type == kEof) {
            --depth;
        } else if (depth != 1) {
            continue;
        } else if (record.type == kFormula && record.size >= kFormulaSize &&
                   entry->formulaResults.size() < kMostResults) {
            BiffSheetAttributes::Entry::Result result;
            result.row = le16(record.data);
            result.column = le16(record.data + 2);
            result.value = formulaValue(record.data + 6, &textFollows);
            entry->formulaResults.append(result);
        } else if (!paddedFormats.isEmpty() && record.type == kNumber && record.size >= 14) {
            double value = 0;
            std::memcpy(&value, record.data + 6, sizeof value);
            shown(le16(record.data), le16(record.data + 2), le16(record.data + 4), value);
        } else if (!paddedFormats.isEmpty() && record.type == kRk && record.size >= 10) {
            shown(le16(record.data), le16(record.data + 2), le16(record.data + 4),
                  rkValue(le32(record.data + 6)));
        } else if (!paddedFormats.isEmpty() && record.type == kMulRk && record.size >= 6) {
            const int row = le16(record.data);
            const int first = le16(record.data + 2);
            for (int i = 0; 4 + 6 * (i + 1) <= record.size - 2; ++i) {
                const char* cell = record.data + 4 + 6 * i;
                shown(row, first + i, le16(cell), rkValue(le32(cell + 2)));
            }
        } else if (record.type == kString && awaitedText && !entry->formulaResults.isEmpty()) {
            const QString text = stringResult(record, biff8, codePage);
            if (!text.isEmpty())
                entry->formulaResults.last().value = SheetCell::fromText(text);
        } else if (record.type == kRow && record.size >= kRowSize &&
                   (le16(record.data + 12) & kRowHiddenFlag)) {
            entry->hiddenRows.insert(le16(record.data));
        } else if (record.type == kColumnInfo && record.size >= kColumnInfoSize &&
                   (le16(record.data + 8) & kColumnHiddenFlag)) {
            // A run to the sheet's last column (255) holds no roster beyond its first columns.
            const int first = le16(record.data);
            const int last = std::min<int>(le16(record.data + 2), first + 255);
            for (int c = first; c <= last; ++c)
                entry->hiddenColumns.insert(c);
        } else if (record.type == kMergedCells && record.size >= 2) {
            const int count = std::min<int>(le16(record.data), (record.size - 2) / 8);
            for (int i = 0; i < count && entry->merged.size() < kMostMerges; ++i) {
                const char* ref = record.data + 2 + 8 * i;
                entry->merged.append({le16(ref), le16(ref + 4), le16(ref + 2), le16(ref + 6)});
            }
        }
    }
    entry->complete = depth == 0;
}

} // namespace

QList<BiffSheetAttributes::Entry> BiffSheetAttributes::read(const QByteArray& stream)
{
    qsizetype pos = 0;
    Record record;
    if (!nextRecord(stream, &pos, &record) || !isBof(record.type))
        return {};
    const bool biff8 = record.size >= 2 && le16(record.data) == 0x0600;
    QList<qsizetype> offsets;
    QList<Entry> entries;
    int codePage = 1252;
    bool recalculated = false;
    QHash<int, QString> formatCodes; // FORMAT: identifier → code (the custom formats)
    QList<int> cellFormats;          // XF records in order: the format identifier of each
    while (nextRecord(stream, &pos, &record) && record.type != kEof) {
        if (record.type == kFormat && record.size >= 3)
            formatCodes.insert(le16(record.data), formatCode(record, biff8, codePage));
        if (record.type == kCellFormat && record.size >= 4)
            cellFormats.append(le16(record.data + 2));
        if (record.type == kFilePass)
            return {};
        // RECALCID: the calculation engine that last calculated the workbook (Excel, WPS and
        // LibreOffice write it). A program that only writes formulas (xlwt) leaves it out, with an
        // empty result for every formula.
        if (record.type == kRecalcId)
            recalculated = true;
        if (record.type == kCodePage && record.size >= 2)
            codePage = le16(record.data);
        if (record.type != kBoundSheet || record.size < kBoundSheetSize)
            continue;
        Entry entry;
        entry.hidden = (static_cast<quint8>(record.data[4]) & 0x03) != 0;
        entry.worksheet = static_cast<quint8>(record.data[5]) == 0;
        offsets.append(static_cast<qsizetype>(le32(record.data)));
        entries.append(entry);
        if (entries.size() == kMostSheets)
            break;
    }
    QHash<int, ZeroPaddedFormat> paddedFormats; // XF index → its format of zeros
    for (qsizetype xf = 0; xf < cellFormats.size(); ++xf) {
        const auto code = formatCodes.constFind(cellFormats.at(xf));
        if (code == formatCodes.constEnd())
            continue;
        if (const std::optional<ZeroPaddedFormat> padding = ZeroPaddedFormat::parse(*code))
            paddedFormats.insert(static_cast<int>(xf), *padding);
    }
    // A damaged or hostile directory can point many sheets at one place: each place is read once.
    QHash<qsizetype, qsizetype> readAt; // offset → the entry read there
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries.at(i).worksheet)
            continue;
        const auto earlier = readAt.constFind(offsets.at(i));
        if (earlier != readAt.constEnd()) {
            entries[i].hiddenRows = entries.at(*earlier).hiddenRows;
            entries[i].hiddenColumns = entries.at(*earlier).hiddenColumns;
            entries[i].merged = entries.at(*earlier).merged;
            entries[i].complete = entries.at(*earlier).complete;
            entries[i].formulaResults = entries.at(*earlier).formulaResults;
            entries[i].shownNumbers = entries.at(*earlier).shownNumbers;
            continue;
        }
        readSheet(stream, offsets.at(i), codePage, paddedFormats, &entries[i]);
        readAt.insert(offsets.at(i), i);
    }
    // In a calculated workbook an empty result is the formula's own "" (=IF(A2="","",…)).
    if (recalculated || !biff8) {
        for (Entry& entry : entries) {
            entry.formulaResults.removeIf(
                [](const Entry::Result& result) { return result.value.uncalculatedFormula; });
        }
    }
    return entries;
}

bool BiffSheetAttributes::encrypted(const QByteArray& stream)
{
    qsizetype pos = 0;
    Record record;
    if (!nextRecord(stream, &pos, &record) || !isBof(record.type))
        return false;
    while (nextRecord(stream, &pos, &record) && record.type != kEof) {
        if (record.type == kFilePass)
            return true;
    }
    return false;
}

namespace {

// Only where FreeXL left the cell empty: it reads no formula cell, but should a later FreeXL read
// some, its value stands.
void fillFormulaResults(Sheet& sheet, const QList<BiffSheetAttributes::Entry::Result>& results)
{
    for (const BiffSheetAttributes::Entry::Result& result : results) {
        if ((result.value.type == SheetCell::Type::Empty && !result.value.uncalculatedFormula) ||
            result.row >= sheet.rows.size())
            continue;
        QList<SheetCell>& row = sheet.rows[result.row];
        if (result.column < row.size() && row.at(result.column).type != SheetCell::Type::Empty)
            continue;
        while (row.size() <= result.column)
            row.append(SheetCell());
        row[result.column] = result.value;
    }
}

// A number FreeXL read, replaced by the text it shows.
void showNumbers(Sheet& sheet, const QList<BiffSheetAttributes::Entry::Result>& shown)
{
    for (const BiffSheetAttributes::Entry::Result& cell : shown) {
        if (cell.row >= sheet.rows.size() || cell.column >= sheet.rows.at(cell.row).size())
            continue;
        SheetCell& read = sheet.rows[cell.row][cell.column];
        if (read.type == SheetCell::Type::Number)
            read = cell.value;
    }
}

} // namespace

void BiffSheetAttributes::apply(const QList<Entry>& entries, QList<Sheet>* sheets)
{
    QList<Entry> matching = entries;
    if (matching.size() != sheets->size()) {
        matching.removeIf([](const Entry& e) { return !e.worksheet; });
        if (matching.size() != sheets->size())
            return;
    }
    for (qsizetype i = 0; i < sheets->size(); ++i) {
        (*sheets)[i].hidden = matching.at(i).hidden;
        (*sheets)[i].hiddenRows = matching.at(i).hiddenRows;
        (*sheets)[i].hiddenColumns = matching.at(i).hiddenColumns;
        fillFormulaResults((*sheets)[i], matching.at(i).formulaResults);
        showNumbers((*sheets)[i], matching.at(i).shownNumbers);
        fillMergedCells((*sheets)[i], matching.at(i).merged);
    }
}

} // namespace ud
