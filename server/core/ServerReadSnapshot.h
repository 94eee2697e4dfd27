#pragma once

#include <QSqlDatabase>
#include <QString>

namespace ud::server {

class ServerDatabase;

// A read-only transaction whose statements all see the store as it was when the first one ran
// (REPEATABLE READ on PostgreSQL; a deferred transaction in WAL mode on SQLite), so several
// queries read one consistent state. Ended when it goes.
class ServerReadSnapshot
{
public:
    explicit ServerReadSnapshot(const ServerDatabase& database);
    ~ServerReadSnapshot();
    ServerReadSnapshot(const ServerReadSnapshot&) = delete;
    ServerReadSnapshot& operator=(const ServerReadSnapshot&) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace ud::server
