#include "store/Migrator.h"

#include "store/Sql.h"
#include "store/Transaction.h"
#include "util/LogCategories.h"

#include <QSqlQuery>

namespace ud {

const std::vector<Migration>& Migrator::migrations()
{
    static const std::vector<Migration> steps = {
        {1, "organisations, members, member events, outbox", applySchemaV1},
        {2, "member search index (name grams, ID and mobile suffixes)", applySchemaV2},
        {3, "audit log of personal-data access", applySchemaV3},
        {4, "organisation requests, cadres, legal-person registration", applySchemaV4},
        {5, "organisation beside each name piece", applySchemaV5},
        {6, "import batches", applySchemaV6},
        {7, "sync conflicts", applySchemaV7},
        {8, "membership transfers", applySchemaV8},
    };
    return steps;
}

int Migrator::latestVersion()
{
    return migrations().back().version;
}

int Migrator::currentVersion(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

bool Migrator::migrate(const QSqlDatabase& db, int target, QString* error)
{
    for (const Migration& step : migrations()) {
        if (step.version > target)
            break;
        if (step.version <= currentVersion(db))
            continue;
        Transaction transaction(db);
        if (!transaction.isActive()) {
            if (error)
                *error = transaction.error();
            return false;
        }
        // Another connection (a second program on the same file) may have applied the step while
        // this one waited for the write lock: read the version again under the lock.
        if (step.version <= currentVersion(db))
            continue;
        qCInfo(lcStore) << "migrating store to schema" << step.version << step.description;
        if (!step.apply(db, error))
            return false;
        if (!sql::run(db, QStringLiteral("PRAGMA user_version = %1").arg(step.version), error))
            return false;
        if (!transaction.commit(error))
            return false;
    }
    return true;
}

} // namespace ud
