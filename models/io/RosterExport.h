#pragma once

#include "store/Scope.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ud {

class Database;

// Writes the roster of a scope (or of one organisation's subtree) to .xlsx or .csv: a title row,
// the header row in the interface language, one row per member. ID numbers are text cells in the
// workbook (Excel cannot turn them into numbers) and carry a leading tab in the CSV for the same
// reason; ID numbers and mobiles are masked unless `unmasked`. Every export is written to the
// audit log first: when it cannot be logged, nothing is written.
class RosterExport
{
    Q_DECLARE_TR_FUNCTIONS(ud::RosterExport)

public:
    struct Options
    {
        QString organisationPath; // a subtree inside the scope; empty = the whole scope
        QString title;            // the organisation's name, for the title row
        bool unmasked = false;
        QString actor;
        QStringList fields; // API field names; empty = columns()
    };

    // The columns of an export (and of the import template), in order.
    static QStringList columns();

    // Chooses the format by the file's suffix (.xlsx or .csv). *count receives the rows written.
    static bool write(const QString& path, Database& store, const Scope& scope, const Options& options,
                      int* count, QString* error);
    // An empty workbook to fill in: the expected headers, the ID column formatted as text, drop-down
    // lists for the coded fields and a sheet of instructions.
    static bool writeTemplate(const QString& path, QString* error);
};

} // namespace ud
