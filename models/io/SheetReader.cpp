#include "io/SheetReader.h"

#include "io/CsvReader.h"
#include "io/FreeXlReader.h"
#include "io/IsolatedXlsReader.h"
#include "io/OrcusReader.h"
#include "util/LogCategories.h"

#include <QFileInfo>

#include <utility>

namespace ud {

std::unique_ptr<SheetReader> SheetReader::forFile(const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("xlsx") || suffix == QLatin1String("xlsm"))
        return std::make_unique<OrcusReader>(OrcusReader::Format::Xlsx);
    if (suffix == QLatin1String("ods"))
        return std::make_unique<OrcusReader>(OrcusReader::Format::Ods);
    if (suffix == QLatin1String("xls")) {
        // FreeXL in a process of its own where the helper is installed (see IsolatedXlsReader).
        const QString helper = IsolatedXlsReader::helperPath();
        if (!helper.isEmpty())
            return std::make_unique<IsolatedXlsReader>(helper);
        static bool warned = false;
        if (!std::exchange(warned, true))
            qCWarning(lcIo) << "uniondesk-xls-reader not found: reading .xls in this process";
        return std::make_unique<FreeXlReader>();
    }
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt") || suffix == QLatin1String("tsv"))
        return std::make_unique<CsvReader>();
    if (error)
        *error =
            tr("%1: files of this kind cannot be imported; save the roster as .xlsx, .xls, .ods or .csv.")
                .arg(QFileInfo(path).fileName());
    return nullptr;
}

bool SheetReader::readFile(const QString& path, Workbook* workbook, QString* error)
{
    const QFileInfo info(path);
    if (!info.isFile()) {
        if (error)
            *error = info.isDir()
                         ? tr("%1 is a folder, not a file; name the roster file inside it.").arg(path)
                         : tr("%1: the file does not exist.").arg(path);
        return false;
    }
    if (info.size() == 0) {
        if (error)
            *error = tr("%1: the file is empty (0 bytes). Copy or download the roster again.")
                         .arg(info.fileName());
        return false;
    }
    const std::unique_ptr<SheetReader> reader = forFile(path, error);
    return reader && reader->read(path, workbook, error);
}

} // namespace ud
