#include "io/RepackedXlsxReader.h"

#include "io/OrcusReader.h"
#include "io/ZipEntries.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

namespace ud {

bool RepackedXlsxReader::read(const QString& path, Workbook* workbook, QString* error)
{
    workbook->sheets.clear();
    const QString name = QFileInfo(path).fileName();
    ZipEntries::Entries entries;
    if (!ZipEntries::read(path, &entries)) {
        // What exactly is damaged, the reader of the file as it is says.
        return OrcusReader(OrcusReader::Format::Xlsx).read(path, workbook, error);
    }
    for (auto& entry : entries)
        entry.first.replace(QLatin1Char('\\'), QLatin1Char('/'));
    QTemporaryDir folder;
    const QString plainPath = folder.filePath(name);
    if (!folder.isValid() || !ZipEntries::write(plainPath, entries)) {
        if (error)
            *error = tr("%1: reading this workbook needs a temporary file, which could not be written in %2. "
                        "Check the free disk space and that folder's permissions, then try again.")
                         .arg(name, QDir::toNativeSeparators(QDir::tempPath()));
        return false;
    }
    return OrcusReader(OrcusReader::Format::Xlsx).read(plainPath, workbook, error);
}

} // namespace ud
