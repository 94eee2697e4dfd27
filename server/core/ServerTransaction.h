#pragma once

#include <QSqlDatabase>
#include <QString>

namespace ud::server {

class ServerDatabase;

// A transaction on a server connection, rolled back unless committed. On SQLite it takes the write
// lock at once (BEGIN IMMEDIATE), so a second writer waits instead of failing at commit.
class ServerTransaction
{
public:
    explicit ServerTransaction(const ServerDatabase& database);
    ~ServerTransaction();
    ServerTransaction(const ServerTransaction&) = delete;
    ServerTransaction& operator=(const ServerTransaction&) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    // isActive(), giving the reason when not.
    bool begun(QString* error) const;
    bool commit(QString* error);

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace ud::server
