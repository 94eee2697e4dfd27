#pragma once

#include "io/HeaderMap.h"
#include "io/ImportPlan.h"
#include "io/Workbook.h"
#include "store/Scope.h"

#include <QDateTime>
#include <QString>

namespace ud {

// What the pages of the import wizard hand on to each other: the file read, the sheet and mapping
// chosen, the checked plan and what the import wrote. The wizard owns one; each page fills its part.
struct ImportSession
{
    // Fixed when the wizard opens.
    QString storePath; // workers open their own connection on this file
    Scope scope;
    QString actor;

    // The file page.
    QString filePath;
    QDateTime fileModified; // the file is read again when it changed on disk
    qint64 fileSize = -1;
    Workbook workbook;
    QString organisationId;
    QString organisationName;

    // The sheet and mapping pages.
    int sheetIndex = -1;
    HeaderMap map;

    // The preview page.
    ImportPlan plan;
    bool planReady = false;

    // The import page.
    bool importFinished = false;
    bool importSucceeded = false;
    bool importCancelled = false;
    int imported = 0;
    QString batchId; // the batch the import wrote (ImportBatchRepository), for "Undo this import"
    QString importError;

    bool hasWorkbook() const { return sheetIndex >= 0 && sheetIndex < workbook.sheets.size(); }
    const Sheet& sheet() const { return workbook.sheets.at(sheetIndex); }
};

} // namespace ud
