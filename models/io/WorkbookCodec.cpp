#include "io/WorkbookCodec.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>

namespace ud {

namespace {
constexpr quint32 kMagic = 0x55445742; // "UDWB"
constexpr quint32 kVersion = 5;
// Set in a cell's type byte: a formula whose result the file does not keep.
constexpr int kUncalculated = 0x40;
} // namespace

QByteArray WorkbookCodec::encode(const Workbook& workbook)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kVersion << static_cast<qint32>(workbook.sheets.size());
    for (const Sheet& sheet : workbook.sheets) {
        out << sheet.name << sheet.hidden << sheet.serialOrigin << static_cast<qint32>(sheet.rows.size());
        for (const QList<SheetCell>& row : sheet.rows) {
            out << static_cast<qint32>(row.size());
            for (const SheetCell& cell : row)
                out << static_cast<qint8>(static_cast<int>(cell.type) |
                                          (cell.uncalculatedFormula ? kUncalculated : 0))
                    << cell.text << cell.number << cell.date;
        }
        // In row order, as QSet writes itself (size, then the values): a set's own order depends on
        // the process's hash seed, and the same workbook must encode to the same bytes.
        QList<int> hiddenRows(sheet.hiddenRows.cbegin(), sheet.hiddenRows.cend());
        std::sort(hiddenRows.begin(), hiddenRows.end());
        out << hiddenRows;
        QList<int> hiddenColumns(sheet.hiddenColumns.cbegin(), sheet.hiddenColumns.cend());
        std::sort(hiddenColumns.begin(), hiddenColumns.end());
        out << hiddenColumns;
    }
    return bytes;
}

bool WorkbookCodec::decode(const QByteArray& bytes, Workbook* workbook)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    qint32 sheets = 0;
    in >> magic >> version >> sheets;
    if (in.status() != QDataStream::Ok || magic != kMagic || version != kVersion || sheets < 0)
        return false;
    Workbook result;
    for (qint32 s = 0; s < sheets && in.status() == QDataStream::Ok; ++s) {
        Sheet sheet;
        qint32 rows = 0;
        in >> sheet.name >> sheet.hidden >> sheet.serialOrigin >> rows;
        for (qint32 r = 0; r < rows && in.status() == QDataStream::Ok; ++r) {
            qint32 cells = 0;
            in >> cells;
            QList<SheetCell> row;
            for (qint32 c = 0; c < cells && in.status() == QDataStream::Ok; ++c) {
                qint8 type = 0;
                SheetCell cell;
                in >> type >> cell.text >> cell.number >> cell.date;
                cell.uncalculatedFormula = (type & kUncalculated) != 0;
                type = static_cast<qint8>(type & ~kUncalculated);
                if (type < 0 || type > static_cast<qint8>(SheetCell::Type::Boolean))
                    return false;
                cell.type = static_cast<SheetCell::Type>(type);
                row.append(cell);
            }
            sheet.rows.append(row);
        }
        in >> sheet.hiddenRows >> sheet.hiddenColumns;
        result.sheets.append(sheet);
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return false;
    *workbook = std::move(result);
    return true;
}

} // namespace ud
