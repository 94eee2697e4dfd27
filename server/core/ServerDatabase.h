#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <map>
#include <memory>

class QSqlQuery;

namespace ud::server {

// One connection to the server's store: `sqlite:PATH` (QSQLITE, WAL, foreign keys on) or
// `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB` (QPSQL). Each instance owns its own uniquely named
// connection, closed and removed when it goes; use it from the thread that opened it.
class ServerDatabase
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::ServerDatabase)

public:
    enum class Dialect
    {
        Sqlite,
        Postgres,
    };

    ~ServerDatabase();
    ServerDatabase(const ServerDatabase&) = delete;
    ServerDatabase& operator=(const ServerDatabase&) = delete;

    // Null with a one-line reason on a malformed URL, a missing driver or an unreachable server.
    static std::unique_ptr<ServerDatabase> open(const QString& url, QString* error);
    // `sqlite:` + server.sqlite in the server's data folder.
    static QString defaultUrl();

    QSqlDatabase db() const { return QSqlDatabase::database(m_connectionName, false); }
    Dialect dialect() const { return m_dialect; }
    QString connectionName() const { return m_connectionName; }

private:
    friend class ReusedQuery;
    struct CachedQuery
    {
        std::unique_ptr<QSqlQuery> query;
        bool leased = false;
    };

    ServerDatabase(QString connectionName, Dialect dialect);

    QString m_connectionName;
    Dialect m_dialect;
    // ReusedQuery's statements, by their text; they go before the connection closes.
    mutable std::map<QString, CachedQuery> m_queries;
};

} // namespace ud::server
