#pragma once

#include "io/Workbook.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace ud {

// Reads a whole workbook (or a text file as a one-sheet workbook) into memory. One implementation per
// family of formats; forFile() picks it by the file's name.
class SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ud::SheetReader)

public:
    virtual ~SheetReader() = default;

    // Fills *workbook; on failure returns false with a sentence for the clerk in *error.
    virtual bool read(const QString& path, Workbook* workbook, QString* error) = 0;

    // The reader for .xlsx, .ods, .xls, .csv or .txt; null with the reason in *error otherwise.
    static std::unique_ptr<SheetReader> forFile(const QString& path, QString* error);
    // forFile() and read() in one step.
    static bool readFile(const QString& path, Workbook* workbook, QString* error);
};

} // namespace ud
