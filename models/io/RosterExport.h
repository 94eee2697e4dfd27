#pragma once

#include "members/RosterFilter.h"
#include "members/RosterQuery.h"
#include "store/Scope.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

namespace ud {

class Database;

// Writes the roster of a scope to .xlsx or .csv: exactly the members the roster shows under a
// filter (organisation subtree, status, employment form, verification, search), in the roster's
// order, with a title row, the header row in the interface language and one row per member. ID
// numbers are text cells in the workbook (Excel cannot turn them into numbers) and carry a leading
// tab in the CSV for the same reason; ID numbers and mobiles are masked unless `unmasked`, and birth
// dates then show the year only (with the masked ID number, a full date would give the number back). The file
// is written aside and put in place only at the end, after the export is in the audit log: when it
// cannot be logged, or the export fails or is cancelled, no file is left behind.
class RosterExport
{
    Q_DECLARE_TR_FUNCTIONS(ud::RosterExport)

public:
    struct Options
    {
        // The roster's filter. Its organisationPath, when empty, falls back to organisationPath.
        RosterFilter filter;
        QString organisationPath; // a subtree inside the scope; empty = the whole scope
        RosterSort sort = RosterSort::Name;
        Qt::SortOrder order = Qt::AscendingOrder;
        QString title; // the organisation's name, for the title row
        bool unmasked = false;
        QString actor;
        QStringList fields; // API field names; empty = columns()
    };
    // Called every few hundred rows with the rows written so far and the total; false cancels.
    using Progress = std::function<bool(int done, int total)>;

    // The columns of an export (and of the import template), in order.
    static QStringList columns();
    // A column's header, in the interface language.
    static QString columnLabel(const QString& field);

    // Chooses the format by the file's suffix (.xlsx or .csv). *count receives the rows written.
    // A cancelled export returns false with an empty error.
    static bool write(const QString& path, Database& store, const Scope& scope, const Options& options,
                      int* count, QString* error, const Progress& progress = {});
    // The filter an export applies: options.filter with the organisation path filled in.
    static RosterFilter effectiveFilter(const Options& options);
    // An empty workbook to fill in: the expected headers, the ID column formatted as text, drop-down
    // lists for the coded fields and a sheet of instructions.
    static bool writeTemplate(const QString& path, QString* error);
};

} // namespace ud
