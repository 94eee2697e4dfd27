#pragma once

#include "io/HeaderMap.h"
#include "io/ImportPlan.h"
#include "io/Workbook.h"
#include "store/Scope.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ud {

class Database;

// The steps of a roster import around the plan: choosing the sheet, and writing the plan.
class RosterImport
{
    Q_DECLARE_TR_FUNCTIONS(ud::RosterImport)

public:
    struct SheetChoice
    {
        int sheet = -1;
        HeaderMap map;
        QStringList otherRosters; // later visible sheets with a header row too, not read
    };

    // The sheet named `sheetName` (spaces, case and full-width forms aside), or, without a name, the
    // first visible sheet with a recognisable header row that is not instructions or an example
    // (填表说明 with a sample 张三); nothing, with the reason in *error, when there is none.
    static std::optional<SheetChoice> chooseSheet(const Workbook& workbook, const QString& sheetName,
                                                  QString* error);

    // Where the rows came from, kept with the import batch so the clerk recognises it later.
    struct Source
    {
        QString fileName; // without its folder
        QString sheetName;
    };
    struct CommitResult
    {
        int imported = 0;
        QString batchId; // the import batch (see ImportBatchRepository); '' when nothing was written
    };

    // Writes every row of the plan without errors (through MemberBulkWriter: the member, history
    // event, search index and outbox, as MemberRepository::add writes them) and records them as one
    // import batch, all inside ONE transaction: either every such row is stored or, on any failure or
    // a cancel from `progress`, none is and the store is as it was. `progress(done, total)` counts
    // the rows and then the last step (the final move, the name pieces, the batch) as a share of
    // `total`, so a bar reaches its end only when the transaction commits. A plan with no row to
    // write writes nothing, not even a batch.
    static bool commit(const ImportPlan& plan, Database& store, const Scope& scope, const QString& actor,
                       const Source& source, CommitResult* result, QString* error,
                       const std::function<bool(int, int)>& progress = {});
    // The same, for a source without a name.
    static bool commit(const ImportPlan& plan, Database& store, const Scope& scope, const QString& actor,
                       int* imported, QString* error, const std::function<bool(int, int)>& progress = {});

    // The plan's problems as a workbook (row, column, value, problem, error or warning) for the clerk
    // to work through before importing the corrected file again.
    static bool writeProblems(const ImportPlan& plan, const QString& path, QString* error);
};

} // namespace ud
