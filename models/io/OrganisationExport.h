#pragma once

#include "store/Scope.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ud {

class Database;
struct Organisation;

// Writes an organisation and everything under it (inside the scope) to .xlsx or .csv, parents
// before children, one row per union with the columns OrganisationImport reads back — the parent
// named by its name, or by its credit code when the name alone would not tell it apart — and the
// active members of each subtree for reading (not imported).
class OrganisationExport
{
    Q_DECLARE_TR_FUNCTIONS(ud::OrganisationExport)

public:
    // The fields written, in column order (before the member count).
    static QStringList fields();
    static bool write(const QString& path, Database& store, const Scope& scope, const Organisation& top,
                      int* count, QString* error);
};

} // namespace ud
