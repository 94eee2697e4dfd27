#include "ServerDatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

namespace ud::server {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("uniondesk-server-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

bool run(QSqlDatabase& db, const QString& statement, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

} // namespace

ServerDatabase::ServerDatabase(QString connectionName, Dialect dialect)
    : m_connectionName(std::move(connectionName))
    , m_dialect(dialect)
{
}

ServerDatabase::~ServerDatabase()
{
    m_queries.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString ServerDatabase::defaultUrl()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QStringLiteral("sqlite:") + QDir(folder).filePath(QStringLiteral("server.sqlite"));
}

std::unique_ptr<ServerDatabase> ServerDatabase::open(const QString& url, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message.simplified();
        return std::unique_ptr<ServerDatabase>();
    };

    const QString sqlitePrefix = QStringLiteral("sqlite:");
    const bool sqlite = url.startsWith(sqlitePrefix);
    const bool postgres =
        url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"));
    if (!sqlite && !postgres)
        return fail(tr("The database URL \"%1\" is neither sqlite:PATH nor postgresql://USER@HOST:PORT/DB.")
                        .arg(url));

    const QString name = nextConnectionName();
    std::unique_ptr<ServerDatabase> result(
        new ServerDatabase(name, sqlite ? Dialect::Sqlite : Dialect::Postgres));

    if (sqlite) {
        const QString path = url.mid(sqlitePrefix.size());
        if (path.isEmpty())
            return fail(tr("The database URL \"%1\" names no file.").arg(url));
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
            return fail(tr("The Qt SQLite driver (QSQLITE) is not installed."));
        const QFileInfo file(path);
        if (!QDir().mkpath(file.absolutePath()))
            return fail(tr("Cannot create the folder %1.").arg(file.absolutePath()));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file.absoluteFilePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            return fail(tr("Cannot open %1: %2").arg(file.absoluteFilePath(), db.lastError().text()));
        QString sqlError;
        if (!run(db, QStringLiteral("PRAGMA journal_mode=WAL"), &sqlError) ||
            !run(db, QStringLiteral("PRAGMA foreign_keys=ON"), &sqlError) ||
            !run(db, QStringLiteral("PRAGMA synchronous=NORMAL"), &sqlError))
            return fail(tr("Cannot prepare %1: %2").arg(file.absoluteFilePath(), sqlError));
        return result;
    }

    const QUrl parsed(url, QUrl::StrictMode);
    const QString database = parsed.path().mid(1);
    if (!parsed.isValid() || parsed.host().isEmpty() || parsed.userName().isEmpty() || database.isEmpty() ||
        database.contains(QLatin1Char('/')))
        return fail(
            tr("The database URL \"%1\" is not of the form postgresql://USER@HOST:PORT/DB.").arg(url));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(tr("The Qt PostgreSQL driver (QPSQL) is not installed."));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(parsed.host());
    db.setPort(parsed.port(5432));
    db.setUserName(parsed.userName());
    if (!parsed.password().isEmpty())
        db.setPassword(parsed.password());
    db.setDatabaseName(database);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open())
        return fail(tr("Cannot connect to PostgreSQL at %1:%2, database %3: %4")
                        .arg(parsed.host())
                        .arg(parsed.port(5432))
                        .arg(database, db.lastError().text()));
    QString sqlError;
    // libpq prints NOTICEs on stderr; the server's output stays its own.
    if (!run(db, QStringLiteral("SET client_encoding TO 'UTF8'"), &sqlError) ||
        !run(db, QStringLiteral("SET client_min_messages TO WARNING"), &sqlError))
        return fail(tr("Cannot prepare the PostgreSQL connection: %1").arg(sqlError));
    return result;
}

} // namespace ud::server
