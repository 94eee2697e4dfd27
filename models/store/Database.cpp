#include "store/Database.h"

#include "members/MemberSearchIndex.h"
#include "members/NameSortKey.h"
#include "store/Migrator.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "util/Ids.h"
#include "util/LogCategories.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace ud {

namespace {
QAtomicInteger<quint64> g_connectionCounter;

QString nextConnectionName()
{
    return QStringLiteral("uniondesk-store-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
}
} // namespace

int Database::storedSchemaVersion(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return -1;
    const QString name = nextConnectionName();
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open())
            version = Migrator::currentVersion(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

bool Database::needsUpgrade(const QString& path)
{
    const int version = storedSchemaVersion(path);
    return version > 0 && version < Migrator::latestVersion();
}

std::unique_ptr<Database> Database::open(const QString& path, OpenMode mode, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return std::unique_ptr<Database>();
    };

    const QFileInfo info(path);
    if (mode == OpenMode::MustExist && !info.exists())
        return fail(tr("The data file %1 does not exist. Check the path, or create a data file first "
                       "(uniondesk-cli --db FILE init, or open the desktop program).")
                        .arg(QDir::toNativeSeparators(path)));
    if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath()))
        return fail(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath())));
    if (info.exists() && !info.isFile())
        return fail(tr("%1 is not a data file.").arg(QDir::toNativeSeparators(path)));

    std::unique_ptr<Database> store(new Database(info.absoluteFilePath(), nextConnectionName()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
    db.setDatabaseName(store->m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return fail(tr("Cannot open the data file %1: %2")
                        .arg(QDir::toNativeSeparators(path), db.lastError().text()));

    QString sqlError;
    // A file that is not SQLite fails on its first read: say so plainly instead of "file is not a database".
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema"))) {
        // A store in write-ahead-log mode needs its folder writable, for the files SQLite keeps
        // beside it: one on a read-only share or a write-protected stick cannot be opened, but is
        // intact.
        if (info.exists() && !QFileInfo(info.absolutePath()).isWritable())
            return fail(
                tr("The data file %1 is in a folder that cannot be written to (read-only), and UnionDesk "
                   "keeps working files beside it. The file itself is not damaged: copy it to a folder "
                   "you may write to (such as Documents) and open that copy.")
                    .arg(QDir::toNativeSeparators(path)));
        return fail(
            tr("%1 is not a UnionDesk data file, or it is damaged.").arg(QDir::toNativeSeparators(path)));
    }
    probe.finish();

    for (const auto* pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL",
          "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -65536"}) {
        if (!sql::run(db, QString::fromLatin1(pragma), &sqlError))
            return fail(
                tr("Cannot prepare the data file %1: %2").arg(QDir::toNativeSeparators(path), sqlError));
    }

    const int current = Migrator::currentVersion(db);
    if (current > Migrator::latestVersion())
        return fail(
            tr("The data file %1 was written by a newer version of UnionDesk (schema %2; this version "
               "understands up to %3). Please update UnionDesk.")
                .arg(QDir::toNativeSeparators(path))
                .arg(current)
                .arg(Migrator::latestVersion()));
    if (!Migrator::migrate(db, Migrator::latestVersion(), &sqlError))
        return fail(tr("Cannot upgrade the data file %1: %2").arg(QDir::toNativeSeparators(path), sqlError));

    // Sort keys made by another ICU version may order names differently: make them again.
    if (!MemberSearchIndex::isCollationCurrent(db)) {
        qCInfo(lcStore) << "rebuilding name sort keys for" << NameSortKey::collationVersion();
        Transaction transaction(db);
        if (!transaction.isActive() || !MemberSearchIndex::rebuild(db, &sqlError) ||
            !transaction.commit(&sqlError))
            return fail(tr("Cannot upgrade the data file %1: %2")
                            .arg(QDir::toNativeSeparators(path),
                                 sqlError.isEmpty() ? transaction.error() : sqlError));
    }

    if (store->meta(QString::fromLatin1(meta::ClientId)).isEmpty() &&
        !store->setMeta(QString::fromLatin1(meta::ClientId), newRecordId(), &sqlError))
        return fail(sqlError);
    return store;
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/uniondesk.sqlite");
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    sql::dropCached(m_connectionName);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            // Leaves the planner statistics fresh for the next start; a no-op when nothing changed.
            QSqlQuery(db).exec(QStringLiteral("PRAGMA optimize"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    return Migrator::currentVersion(connection());
}

QString Database::meta(const QString& key) const
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT value FROM store_meta WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

bool Database::setMeta(const QString& key, const QString& value, QString* error)
{
    // Bound through sql::bindable (by execBound), so a null QString is stored as '' and not
    // refused by the NOT NULL column.
    QSqlQuery query(connection());
    return sql::execBound(query,
                          QStringLiteral("INSERT INTO store_meta(key, value) VALUES(?, ?) "
                                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                          {key, value}, error);
}

void Database::optimise()
{
    QString error;
    if (!sql::run(connection(), QStringLiteral("ANALYZE"), &error))
        qCWarning(lcStore) << "ANALYZE failed:" << error;
}

} // namespace ud
