#include "io/RepackedXlsxReader.h"

#include "io/OrcusReader.h"
#include "io/ZipEntries.h"

namespace ud {

bool RepackedXlsxReader::read(const QString& path, Workbook* workbook, QString* error)
{
    workbook->sheets.clear();
    ZipEntries::Entries entries;
    if (!ZipEntries::read(path, &entries)) {
        // What exactly is damaged, the reader of the file as it is says.
        return OrcusReader(OrcusReader::Format::Xlsx).read(path, workbook, error);
    }
    for (auto& entry : entries)
        entry.first.replace(QLatin1Char('\\'), QLatin1Char('/'));
    return readCopy(
        path, [&entries](const QString& copy) { return ZipEntries::write(copy, entries); },
        [&](const QString& copy) {
            return OrcusReader(OrcusReader::Format::Xlsx).read(copy, workbook, error);
        },
        error);
}

} // namespace ud
