#pragma once

#include "io/HeaderMap.h"
#include "io/Workbook.h"
#include "members/Member.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace ud {

class Database;
class SqliteStatement;

// One thing the clerk must see before anything is written.
struct ImportProblem
{
    int row = 0;    // as the clerk sees it in Excel: 1-based, title and header rows counted
    QString field;  // API field name; empty when the problem is the whole row
    QString column; // the header text of the column, as in the file
    QString value;  // the cell as the file holds it
    QString reason; // translated, naming the field
    bool error = true;
    QString name =
        {}; // the member's name in that row (normalised), to find the row by; empty for a note about a column

    // A warning about a column the import leaves out (on the header row), not about a member. A
    // warning about a whole member row (hidden in the workbook) names no column.
    bool concernsColumn() const { return !error && field.isEmpty() && !column.isEmpty(); }
    // The reason without its leading field label where that is the column's header as well: beside
    // the column, "未填写。" rather than "姓名：未填写。".
    QString reasonBesideColumn() const
    {
        for (const QString& separator : {QStringLiteral("\uFF1A"), QStringLiteral(": ")}) {
            if (!column.isEmpty() && reason.startsWith(column + separator) &&
                reason.size() > column.size() + separator.size())
                return reason.mid(column.size() + separator.size());
        }
        return reason;
    }
};

// A member row of the file and what became of it.
struct ImportRow
{
    enum class Status
    {
        Ok,
        Warning, // imported, with something for the clerk to look at
        Error,   // not imported
    };
    int row = 0;
    Member member; // normalised; organisationId set
    Status status = Status::Ok;
};

// The preview of an import: every member row of one sheet read, normalised and checked — against the
// validation rules, against the other rows of the file (the same person twice: the first row stays)
// and against the store (already a member; a mobile used by another member is a warning). Nothing
// is written; RosterImport::commit() writes the rows without errors.
class ImportPlan
{
    Q_DECLARE_TR_FUNCTIONS(ud::ImportPlan)

public:
    // Reads rows below map.headerRow() for organisation `organisationId`; a row whose organisation
    // column (所在工会) names one organisation at or below it (see OrganisationColumn) goes to that
    // one, and any other name there is a warning saying why (unknown, ambiguous, outside). `progress` (rows
    // done, rows in all) returns false to cancel; a cancelled plan has cancelled() set and no rows.
    static ImportPlan build(const Sheet& sheet, const HeaderMap& map, Database& store,
                            const QString& organisationId,
                            const std::function<bool(int, int)>& progress = {});

    const QList<ImportRow>& rows() const { return m_rows; }
    const QList<ImportProblem>& problems() const { return m_problems; } // in row order
    QList<ImportProblem> errors() const;
    QList<ImportProblem> warnings() const;
    int validCount() const;                        // rows to be written
    int rejectedCount() const;                     // rows refused
    int skippedCount() const { return m_skipped; } // blank, totals and signature rows
    // Of the rows refused, those whose member the roster holds already (the same ID number and name):
    // a file imported again, not rows to correct.
    int alreadyInRosterCount() const { return m_alreadyInRoster; }
    bool cancelled() const { return m_cancelled; }
    // The organisation the import was made for; a row whose 所在工会 names one below it goes there.
    const QString& organisationId() const { return m_organisationId; }

private:
    // Why a row whose ID number the store holds is not imported: a different name (a number typed
    // wrong, likely), the same person with other values in the file (which an import does not
    // write), or the same person as stored. `stored` is at the member's row of storedMemberQuery().
    // `samePerson`: set to whether the stored member has the row's name.
    static QString alreadyStored(const Member& row, const SqliteStatement& stored, const QStringList& fields,
                                 bool* samePerson = nullptr);
    static const QByteArray& storedMemberQuery();

    QString m_organisationId;
    QList<ImportRow> m_rows;
    QList<ImportProblem> m_problems;
    int m_skipped = 0;
    int m_alreadyInRoster = 0;
    bool m_cancelled = false;
};

} // namespace ud
