#pragma once

#include "io/HeaderMap.h"
#include "io/ImportPlan.h"
#include "io/Workbook.h"
#include "organisations/Organisation.h"
#include "store/Scope.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace ud {

class Database;

// Reads a list of organisations (工会组织信息表) from a sheet and adds them to the tree, through the
// same readers and header recognition as the roster import. Each row names its parent in the
// parent column, by name or by credit code — another row of the file (in any order) or a union
// already in the store — or, without one, hangs under the default parent. The level comes from the
// level column or, when empty, from the name (…街道总工会 → township). Rows are checked like a
// roster: every problem with its row as the clerk sees it in Excel, the column and the reason; the
// rows under a refused row are refused with it. A union the store already has (the same name under
// the same parent; or, for a row without a parent, the organisation imported into) is left as it
// is, so a list exported from one store, or imported before, can be imported again to add the new
// unions only. Writing is one transaction.
class OrganisationImport
{
    Q_DECLARE_TR_FUNCTIONS(ud::OrganisationImport)

public:
    struct Row
    {
        int row = 0;               // as the clerk sees it in Excel
        Organisation organisation; // parentId set when the parent is already in the store
        int parentRow = -1;        // else the index (into rows()) of the row that is its parent
        bool ok = true;
        // Set when the store already has this union (the same name under the same parent, or the
        // organisation imported into): it is left as it is, and rows under it hang under it.
        QString existingId;
    };

    // The first sheet (or the one named) with a header naming at least the name and one more field.
    static std::optional<std::pair<int, HeaderMap>> chooseSheet(const Workbook& workbook,
                                                                const QString& sheetName, QString* error);
    static OrganisationImport plan(const Sheet& sheet, const HeaderMap& map, Database& store,
                                   const Scope& scope, const QString& defaultParentId);

    const QList<Row>& rows() const { return m_rows; }
    const QList<ImportProblem>& problems() const { return m_problems; }
    QList<ImportProblem> errors() const;
    QList<ImportProblem> warnings() const;
    int validCount() const; // rows to be added
    int rejectedCount() const;
    int existingCount() const;

    // Adds every row without errors, parents first, in one transaction: all of them or none.
    bool commit(Database& store, const Scope& scope, const QString& actor, int* added, QString* error) const;

private:
    void refuse(int index, const QString& field, const QString& value, const QString& reason);
    void resolveParents(Database& store, const Scope& scope, const QString& defaultParentId,
                        const HeaderMap& map);
    void checkAgainstStoreAndFile(Database& store, const Scope& scope, const HeaderMap& map);

    QList<Row> m_rows;
    QList<QString> m_parentText; // per row, as written
    QList<ImportProblem> m_problems;
};

} // namespace ud
