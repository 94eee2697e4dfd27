#include "io/BiffSheetAttributes.h"

#include <QHash>

#include <algorithm>

namespace ud {

namespace {

// Record types of [MS-XLS] (also BIFF5's).
constexpr quint16 kBof = 0x0809;
constexpr quint16 kEof = 0x000A;
constexpr quint16 kBoundSheet = 0x0085;
constexpr quint16 kFilePass = 0x002F;
constexpr quint16 kRow = 0x0208;
constexpr quint16 kMergedCells = 0x00E5;
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

// The rows a sheet's substream marks hidden and the cells it merges, from its BOF to its EOF; charts
// embedded in the sheet are substreams of their own between, with their own BOF and EOF.
void readSheet(const QByteArray& stream, qsizetype pos, BiffSheetAttributes::Entry* entry)
{
    Record record;
    entry->complete = false;
    if (!nextRecord(stream, &pos, &record) || !isBof(record.type))
        return;
    int depth = 1;
    while (depth > 0 && nextRecord(stream, &pos, &record)) {
        if (isBof(record.type)) {
            ++depth;
        } else if (record.type == kEof) {
            --depth;
        } else if (depth != 1) {
            continue;
        } else if (record.type == kRow && record.size >= kRowSize &&
                   (le16(record.data + 12) & kRowHiddenFlag)) {
            entry->hiddenRows.insert(le16(record.data));
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
    QList<qsizetype> offsets;
    QList<Entry> entries;
    while (nextRecord(stream, &pos, &record) && record.type != kEof) {
        if (record.type == kFilePass)
            return {};
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
    // A damaged or hostile directory can point many sheets at one place: each place is read once.
    QHash<qsizetype, qsizetype> readAt; // offset → the entry read there
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries.at(i).worksheet)
            continue;
        const auto earlier = readAt.constFind(offsets.at(i));
        if (earlier != readAt.constEnd()) {
            entries[i].hiddenRows = entries.at(*earlier).hiddenRows;
            entries[i].merged = entries.at(*earlier).merged;
            entries[i].complete = entries.at(*earlier).complete;
            continue;
        }
        readSheet(stream, offsets.at(i), &entries[i]);
        readAt.insert(offsets.at(i), i);
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
        fillMergedCells((*sheets)[i], matching.at(i).merged);
    }
}

} // namespace ud
