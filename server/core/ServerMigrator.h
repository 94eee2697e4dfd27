#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ud::server {

class ServerDatabase;

// Brings a server store up to the current schema, one version at a time, each step and its row in
// schema_version in one transaction. The statements are common SQL, valid on SQLite and PostgreSQL;
// the few differences are chosen in one place (columnTypes in the .cpp).
class ServerMigrator
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::ServerMigrator)

public:
    static constexpr int CurrentVersion = 3;

    explicit ServerMigrator(ServerDatabase& database);

    // The version the store is at (0 for an empty one), or -1 with `error` set.
    int version(QString* error) const;
    // Applies every missing step; `applied` gets how many ran (0 when the store was current).
    bool migrate(QString* error, int* applied = nullptr);
    // Stops at `target` (≤ CurrentVersion): a test builds a store as an older server left it.
    bool migrateTo(int target, QString* error, int* applied = nullptr);

private:
    QStringList statementsFor(int version) const;

    ServerDatabase& m_database;
};

} // namespace ud::server
