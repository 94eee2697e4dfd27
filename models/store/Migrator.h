#pragma once

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <vector>

namespace ud {

// One forward step of the schema. Steps run in order, each in its own transaction together with
// the new PRAGMA user_version, so a crash mid-upgrade leaves the store at the previous version.
struct Migration
{
    int version;
    const char* description;
    std::function<bool(const QSqlDatabase&, QString*)> apply;
};

class Migrator
{
public:
    static const std::vector<Migration>& migrations();
    static int latestVersion();
    static int currentVersion(const QSqlDatabase& db);
    // Applies every step above the current version up to `target`.
    static bool migrate(const QSqlDatabase& db, int target, QString* error);
};

// The steps themselves, one file each.
bool applySchemaV1(const QSqlDatabase& db, QString* error);
bool applySchemaV2(const QSqlDatabase& db, QString* error);
bool applySchemaV3(const QSqlDatabase& db, QString* error);
bool applySchemaV4(const QSqlDatabase& db, QString* error);
bool applySchemaV5(const QSqlDatabase& db, QString* error);
bool applySchemaV6(const QSqlDatabase& db, QString* error);
bool applySchemaV7(const QSqlDatabase& db, QString* error);
bool applySchemaV8(const QSqlDatabase& db, QString* error);

} // namespace ud
