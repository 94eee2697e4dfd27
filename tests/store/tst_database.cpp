// The local store itself: opening and creating the file, its pragmas and schema version, refusing a
// file from a newer UnionDesk, store_meta, transactions, the outbox and the small SQL helpers.
// Every test works on a real SQLite file in a temporary folder.

#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/Outbox.h"
#include "store/Scope.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "store/WhereClause.h"

#include <QFile>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace ud;

namespace {

// One value of a single-row, single-column query, or an invalid QVariant when it fails.
QVariant scalar(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    QSqlQuery q(db);
    QString error;
    if (!sql::execBound(q, statement, values, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return q.next() ? q.value(0) : QVariant();
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs `statements` on a plain connection of our own (not a Database), then closes it.
bool rawExec(const QString& path, const QStringList& statements)
{
    const QString name = QStringLiteral("raw-%1").arg(QUuid::createUuid().toString());
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString& statement : statements) {
            if (!ok)
                break;
            QSqlQuery q(db);
            ok = q.exec(statement);
            if (!ok)
                qWarning("%s: %s", qPrintable(statement), qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QVariant rawScalar(const QString& path, const QString& statement)
{
    const QString name = QStringLiteral("raw-%1").arg(QUuid::createUuid().toString());
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(statement) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void openCreatesTheFile();
    void pragmasAreSet();
    void schemaIsAtTheLatestVersion();
    void migrationsAreNumberedInOrder();
    void reopenKeepsDataAndClientId();
    void twoConnectionsOnOneFile();
    void mustExistRefusesAMissingFile();
    void createsMissingFolders();
    void refusesAFolder();
    void refusesAFileThatIsNotSqlite();
    void refusesANewerSchemaAndLeavesItUntouched();
    void storedVersionIsReadWithoutChangingTheFile();
    void storeMeta();
    void rootOrganisationIsRecordedInMeta();

    void transactionRollsBackOnScopeExit();
    void transactionCommits();
    void transactionExplicitRollback();
    void nestedTransactionIsRefused();
    void commitWithoutTransactionFails();

    void bindableTurnsNullStringIntoEmpty();
    void nullStringIsStoredAsEmptyText();
    void sqlNullIsRefusedByNotNullColumns();
    void execReportsTheStatement();
    void runScriptHandlesTriggers();
    void runScriptStopsAtTheFirstError();
    void escapeLike_data();
    void escapeLike();
    void escapedLikeMatchesLiterally();
    void whereClause();

    void outboxEnqueueAndPending();
    void outboxDiscardRecord();

    void scopeUpperBoundAndContains();
    void scopeRestrictsOrganisations();
    void aFullDiskIsSaidInWords();

private:
    std::unique_ptr<Database> openStore(const QString& file = QStringLiteral("store.sqlite"));
    QString filePath(const QString& file = QStringLiteral("store.sqlite")) const
    {
        return m_dir->filePath(file);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<Database> TestDatabase::openStore(const QString& file)
{
    QString error;
    auto store = Database::open(filePath(file), Database::OpenMode::CreateIfMissing, &error);
    if (!store)
        qWarning("open failed: %s", qPrintable(error));
    return store;
}

void TestDatabase::openCreatesTheFile()
{
    QVERIFY(!QFile::exists(filePath()));
    QString error;
    auto store = Database::open(filePath(), Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(error.isEmpty());
    QVERIFY(QFile::exists(filePath()));
    QCOMPARE(store->path(), QFileInfo(filePath()).absoluteFilePath());
    QVERIFY(store->connection().isOpen());
    // The first page of an SQLite 3 file.
    store.reset();
    QVERIFY(fileBytes(filePath()).startsWith("SQLite format 3"));
}

void TestDatabase::pragmasAreSet()
{
    auto store = openStore();
    QVERIFY(store);
    const QSqlDatabase db = store->connection();
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL

    // Foreign keys are enforced, not merely declared.
    QSqlQuery q(db);
    QString error;
    QVERIFY(!sql::execBound(
        q,
        QStringLiteral("INSERT INTO organisation(id, parent_id, path, level, name, updated_at) "
                       "VALUES('x', 'no-such-parent', 'x/', 'base', 'x', '')"),
        {}, &error));
    QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY"), Qt::CaseInsensitive), qPrintable(error));

    // WAL is persistent: a plain connection sees it too.
    store.reset();
    QCOMPARE(rawScalar(filePath(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestDatabase::schemaIsAtTheLatestVersion()
{
    auto store = openStore();
    QVERIFY(store);
    const QSqlDatabase db = store->connection();
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA user_version")).toInt(), Migrator::latestVersion());
    QCOMPARE(store->schemaVersion(), Migrator::latestVersion());
    QCOMPARE(Migrator::currentVersion(db), Migrator::latestVersion());

    const QStringList tables = {QStringLiteral("store_meta"),   QStringLiteral("organisation"),
                                QStringLiteral("member"),       QStringLiteral("member_event"),
                                QStringLiteral("outbox"),       QStringLiteral("member_name_gram"),
                                QStringLiteral("member_tally"), QStringLiteral("audit_log")};
    for (const QString& table : tables) {
        QVERIFY2(
            scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"),
                   {table})
                    .toInt() == 1,
            qPrintable(table));
    }
    for (const char* trigger : {"member_tally_insert", "member_tally_update", "member_tally_delete",
                                "audit_log_no_update", "audit_log_no_delete"}) {
        QVERIFY2(
            scalar(db,
                   QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?"),
                   {QString::fromLatin1(trigger)})
                    .toInt() == 1,
            trigger);
    }
    // Migrating again is a no-op.
    QString error;
    QVERIFY2(Migrator::migrate(db, Migrator::latestVersion(), &error), qPrintable(error));
    QCOMPARE(store->schemaVersion(), Migrator::latestVersion());
}

void TestDatabase::migrationsAreNumberedInOrder()
{
    const auto& steps = Migrator::migrations();
    QVERIFY(!steps.empty());
    for (size_t i = 0; i < steps.size(); ++i) {
        QCOMPARE(steps.at(i).version, int(i) + 1);
        QVERIFY(steps.at(i).apply);
        QVERIFY(qstrlen(steps.at(i).description) > 0);
    }
    QCOMPARE(Migrator::latestVersion(), int(steps.size()));
}

void TestDatabase::reopenKeepsDataAndClientId()
{
    QString clientId;
    {
        auto store = openStore();
        QVERIFY(store);
        clientId = store->meta(QString::fromLatin1(meta::ClientId));
        QVERIFY(!QUuid::fromString(clientId).isNull());
        QVERIFY(store->setMeta(QStringLiteral("note"), QStringLiteral("第一次")));
    }
    QString error;
    auto again = Database::open(filePath(), Database::OpenMode::MustExist, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->meta(QString::fromLatin1(meta::ClientId)), clientId);
    QCOMPARE(again->meta(QStringLiteral("note")), QStringLiteral("第一次"));
    QCOMPARE(again->schemaVersion(), Migrator::latestVersion());
}

void TestDatabase::twoConnectionsOnOneFile()
{
    auto first = openStore();
    auto second = openStore();
    QVERIFY(first && second);
    QVERIFY(first->connection().connectionName() != second->connection().connectionName());
    QVERIFY(first->setMeta(QStringLiteral("shared"), QStringLiteral("1")));
    QCOMPARE(second->meta(QStringLiteral("shared")), QStringLiteral("1"));
    QCOMPARE(second->meta(QString::fromLatin1(meta::ClientId)),
             first->meta(QString::fromLatin1(meta::ClientId)));
    // Closing one leaves the other usable.
    first.reset();
    QVERIFY(second->setMeta(QStringLiteral("shared"), QStringLiteral("2")));
    QCOMPARE(second->meta(QStringLiteral("shared")), QStringLiteral("2"));
}

void TestDatabase::mustExistRefusesAMissingFile()
{
    QString error;
    auto store =
        Database::open(filePath(QStringLiteral("missing.sqlite")), Database::OpenMode::MustExist, &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("missing.sqlite")), qPrintable(error));
    QVERIFY(!QFile::exists(filePath(QStringLiteral("missing.sqlite"))));
}

void TestDatabase::createsMissingFolders()
{
    auto store = openStore(QStringLiteral("a/b/c/store.sqlite"));
    QVERIFY(store);
    QVERIFY(QFile::exists(filePath(QStringLiteral("a/b/c/store.sqlite"))));
}

void TestDatabase::refusesAFolder()
{
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("folder.sqlite")));
    QString error;
    auto store = Database::open(filePath(QStringLiteral("folder.sqlite")),
                                Database::OpenMode::CreateIfMissing, &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(QStringLiteral("is not a data file")), qPrintable(error));
}

void TestDatabase::refusesAFileThatIsNotSqlite()
{
    const QByteArray junk = QByteArray("姓名,身份证号\n张三,110105194912310021\n").repeated(200);
    {
        QFile file(filePath(QStringLiteral("roster.sqlite")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(junk);
    }
    QString error;
    auto store =
        Database::open(filePath(QStringLiteral("roster.sqlite")), Database::OpenMode::MustExist, &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(QStringLiteral("not a UnionDesk data file")), qPrintable(error));
    QCOMPARE(fileBytes(filePath(QStringLiteral("roster.sqlite"))), junk);
}

void TestDatabase::refusesANewerSchemaAndLeavesItUntouched()
{
    const int newer = Migrator::latestVersion() + 1;
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->setMeta(QStringLiteral("marker"), QStringLiteral("kept")));
    }
    // A later UnionDesk has added a table and moved the version on.
    QVERIFY(rawExec(filePath(), {QStringLiteral("CREATE TABLE future_thing(x INTEGER)"),
                                 QStringLiteral("INSERT INTO future_thing VALUES(42)"),
                                 QStringLiteral("PRAGMA user_version = %1").arg(newer)}));
    const QByteArray before = fileBytes(filePath());
    QVERIFY(!before.isEmpty());

    QString error;
    auto store = Database::open(filePath(), Database::OpenMode::MustExist, &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(QStringLiteral("newer version of UnionDesk")), qPrintable(error));
    QVERIFY2(error.contains(QString::number(newer)), qPrintable(error));
    QVERIFY2(error.contains(QString::number(Migrator::latestVersion())), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("store.sqlite")), qPrintable(error));

    QCOMPARE(fileBytes(filePath()), before);
    QCOMPARE(rawScalar(filePath(), QStringLiteral("PRAGMA user_version")).toInt(), newer);
    QCOMPARE(rawScalar(filePath(), QStringLiteral("SELECT x FROM future_thing")).toInt(), 42);
    QCOMPARE(
        rawScalar(filePath(), QStringLiteral("SELECT value FROM store_meta WHERE key = 'marker'")).toString(),
        QStringLiteral("kept"));

    // Refusing did not leave the connection registered.
    for (const QString& name : QSqlDatabase::connectionNames())
        QVERIFY2(!name.startsWith(QStringLiteral("uniondesk-store-")), qPrintable(name));
}

void TestDatabase::storedVersionIsReadWithoutChangingTheFile()
{
    QCOMPARE(Database::storedSchemaVersion(filePath()), -1);
    QVERIFY(!Database::needsUpgrade(filePath()));
    {
        auto store = openStore();
        QVERIFY(store);
    }
    QCOMPARE(Database::storedSchemaVersion(filePath()), Migrator::latestVersion());
    QVERIFY(!Database::needsUpgrade(filePath()));
    // A file written by the previous version: reported, not touched.
    QVERIFY(
        rawExec(filePath(), {QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() - 1)}));
    const QByteArray before = fileBytes(filePath());
    QCOMPARE(Database::storedSchemaVersion(filePath()), Migrator::latestVersion() - 1);
    QVERIFY(Database::needsUpgrade(filePath()));
    QCOMPARE(fileBytes(filePath()), before);
}

void TestDatabase::storeMeta()
{
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(store->meta(QStringLiteral("no-such-key")), QString());
    QString error;
    QVERIFY2(store->setMeta(QStringLiteral("k"), QStringLiteral("一"), &error), qPrintable(error));
    QCOMPARE(store->meta(QStringLiteral("k")), QStringLiteral("一"));
    QVERIFY(store->setMeta(QStringLiteral("k"), QStringLiteral("二"), &error));
    QCOMPARE(store->meta(QStringLiteral("k")), QStringLiteral("二"));
    QCOMPARE(scalar(store->connection(), QStringLiteral("SELECT count(*) FROM store_meta WHERE key = 'k'"))
                 .toInt(),
             1);
    // A null value is stored as '' (the column is NOT NULL).
    QVERIFY2(store->setMeta(QString::fromLatin1(meta::StoreKind), QString(), &error), qPrintable(error));
    QCOMPARE(scalar(store->connection(), QStringLiteral("SELECT typeof(value) FROM store_meta WHERE key = ?"),
                    {QString::fromLatin1(meta::StoreKind)})
                 .toString(),
             QStringLiteral("text"));
    // The client id is made once, on creation.
    QCOMPARE(scalar(store->connection(), QStringLiteral("SELECT count(*) FROM store_meta WHERE key = ?"),
                    {QString::fromLatin1(meta::ClientId)})
                 .toInt(),
             1);
}

void TestDatabase::rootOrganisationIsRecordedInMeta()
{
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(!OrganisationRepository::rootScope(*store).isValid());
    QString error;
    const auto root = OrganisationRepository::createRoot(
        *store, QStringLiteral("  某区总工会 "), QStringLiteral("district"), QStringLiteral("t"), &error);
    QVERIFY2(root, qPrintable(error));
    QCOMPARE(root->name, QStringLiteral("某区总工会"));
    QCOMPARE(store->meta(QString::fromLatin1(meta::RootOrganisation)), root->id);
    QCOMPARE(root->path, root->id + QLatin1Char('/'));
    const Scope scope = OrganisationRepository::rootScope(*store);
    QVERIFY(scope.isValid());
    QCOMPARE(scope.organisationId(), root->id);
    QCOMPARE(scope.path(), root->path);
    // A second root is refused, and nothing is written for it.
    const qint64 outboxBefore = Outbox(store->connection()).pendingCount();
    QVERIFY(!OrganisationRepository::createRoot(*store, QStringLiteral("另一个"), QStringLiteral("district"),
                                                QStringLiteral("t"), &error));
    QVERIFY(error.contains(QStringLiteral("already has a root")));
    QCOMPARE(Outbox(store->connection()).pendingCount(), outboxBefore);
    QCOMPARE(scalar(store->connection(), QStringLiteral("SELECT count(*) FROM organisation")).toInt(), 1);
}

void TestDatabase::transactionRollsBackOnScopeExit()
{
    auto store = openStore();
    QVERIFY(store);
    const QSqlDatabase db = store->connection();
    {
        Transaction tx(db);
        QVERIFY2(tx.isActive(), qPrintable(tx.error()));
        QVERIFY(store->setMeta(QStringLiteral("uncommitted"), QStringLiteral("1")));
        QCOMPARE(store->meta(QStringLiteral("uncommitted")), QStringLiteral("1")); // visible inside
    }
    QCOMPARE(store->meta(QStringLiteral("uncommitted")), QString());
    // The connection is usable again: no transaction was left open.
    Transaction again(db);
    QVERIFY2(again.isActive(), qPrintable(again.error()));
}

void TestDatabase::transactionCommits()
{
    auto store = openStore();
    auto other = openStore();
    QVERIFY(store && other);
    {
        Transaction tx(store->connection());
        QVERIFY(tx.isActive());
        QVERIFY(store->setMeta(QStringLiteral("committed"), QStringLiteral("yes")));
        QCOMPARE(other->meta(QStringLiteral("committed")), QString()); // not yet visible elsewhere
        QString error;
        QVERIFY2(tx.commit(&error), qPrintable(error));
        QVERIFY(!tx.isActive());
    }
    QCOMPARE(store->meta(QStringLiteral("committed")), QStringLiteral("yes"));
    QCOMPARE(other->meta(QStringLiteral("committed")), QStringLiteral("yes"));
}

void TestDatabase::transactionExplicitRollback()
{
    auto store = openStore();
    QVERIFY(store);
    Transaction tx(store->connection());
    QVERIFY(tx.isActive());
    QVERIFY(store->setMeta(QStringLiteral("rolled"), QStringLiteral("back")));
    tx.rollback();
    QVERIFY(!tx.isActive());
    QCOMPARE(store->meta(QStringLiteral("rolled")), QString());
    QString error;
    QVERIFY(!tx.commit(&error));
    QVERIFY(!error.isEmpty());
}

void TestDatabase::nestedTransactionIsRefused()
{
    auto store = openStore();
    QVERIFY(store);
    Transaction outer(store->connection());
    QVERIFY(outer.isActive());
    QVERIFY(store->setMeta(QStringLiteral("outer"), QStringLiteral("1")));
    {
        Transaction inner(store->connection());
        QVERIFY(!inner.isActive());
        QVERIFY2(inner.error().contains(QStringLiteral("transaction"), Qt::CaseInsensitive),
                 qPrintable(inner.error()));
    }
    // The inner one going out of scope must not have rolled back the outer one.
    QCOMPARE(store->meta(QStringLiteral("outer")), QStringLiteral("1"));
    QVERIFY(outer.commit());
    QCOMPARE(store->meta(QStringLiteral("outer")), QStringLiteral("1"));
}

void TestDatabase::commitWithoutTransactionFails()
{
    auto store = openStore();
    QVERIFY(store);
    Transaction tx(store->connection());
    QVERIFY(tx.commit());
    QString error;
    QVERIFY(!tx.commit(&error));
    QCOMPARE(error, QStringLiteral("no active transaction"));
}

void TestDatabase::bindableTurnsNullStringIntoEmpty()
{
    const QVariant fromNull = sql::bindable(QVariant(QString()));
    QCOMPARE(fromNull.metaType().id(), int(QMetaType::QString));
    QVERIFY(!fromNull.toString().isNull());
    QVERIFY(fromNull.toString().isEmpty());

    QVERIFY(!sql::bindable(sql::null()).isValid());
    QVERIFY(!sql::null().isValid());
    QCOMPARE(sql::bindable(QVariant(QStringLiteral("x"))), QVariant(QStringLiteral("x")));
    QCOMPARE(sql::bindable(QVariant(42)), QVariant(42));
    QCOMPARE(sql::bindable(QVariant(QStringLiteral(""))).toString(), QString());
}

void TestDatabase::nullStringIsStoredAsEmptyText()
{
    auto store = openStore();
    QVERIFY(store);
    const QSqlDatabase db = store->connection();
    QSqlQuery q(db);
    QString error;
    QVERIFY2(sql::execBound(q, QStringLiteral("INSERT INTO store_meta(key, value) VALUES(?, ?)"),
                            {QStringLiteral("empty"), QString()}, &error),
             qPrintable(error));
    QCOMPARE(
        scalar(db,
               QStringLiteral("SELECT typeof(value) || ':' || length(value) FROM store_meta WHERE key = ?"),
               {QStringLiteral("empty")})
            .toString(),
        QStringLiteral("text:0"));
}

void TestDatabase::sqlNullIsRefusedByNotNullColumns()
{
    auto store = openStore();
    QVERIFY(store);
    const QSqlDatabase db = store->connection();
    QSqlQuery q(db);
    QString error;
    QVERIFY(!sql::execBound(q, QStringLiteral("INSERT INTO store_meta(key, value) VALUES(?, ?)"),
                            {QStringLiteral("null"), sql::null()}, &error));
    QVERIFY2(error.contains(QStringLiteral("NOT NULL"), Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM store_meta WHERE key = 'null'")).toInt(), 0);
    // Where a column allows NULL, sql::null() is a real NULL (the root's parent).
    QVERIFY(OrganisationRepository::createRoot(*store, QStringLiteral("根"), QStringLiteral("district"),
                                               QStringLiteral("t"), &error));
    QCOMPARE(scalar(db, QStringLiteral("SELECT typeof(parent_id) FROM organisation")).toString(),
             QStringLiteral("null"));
}

void TestDatabase::execReportsTheStatement()
{
    auto store = openStore();
    QVERIFY(store);
    QString error;
    QVERIFY(!sql::run(store->connection(), QStringLiteral("SELECT * FROM no_such_table"), &error));
    QVERIFY2(error.contains(QStringLiteral("no_such_table")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("[SELECT * FROM no_such_table]")), qPrintable(error));
}

void TestDatabase::runScriptHandlesTriggers()
{
    auto store = openStore();
    QVERIFY(store);
    const QSqlDatabase db = store->connection();
    const QString script = QStringLiteral("CREATE TABLE t1 (a INTEGER NOT NULL);\n"
                                          "\n"
                                          "CREATE TABLE t1_log (a INTEGER NOT NULL);\n"
                                          "CREATE TRIGGER t1_insert AFTER INSERT ON t1\n"
                                          "BEGIN\n"
                                          "    INSERT INTO t1_log(a) VALUES(new.a);\n"
                                          "    INSERT INTO t1_log(a) VALUES(new.a * 10);\n"
                                          "END;\n"
                                          "INSERT INTO t1(a) VALUES(1);\n"
                                          "INSERT INTO t1(a) VALUES(2)");
    QString error;
    QVERIFY2(sql::runScript(db, script, &error), qPrintable(error));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM t1")).toInt(), 2);
    QCOMPARE(scalar(db, QStringLiteral("SELECT group_concat(a, ',') FROM (SELECT a FROM t1_log ORDER BY a)"))
                 .toString(),
             QStringLiteral("1,2,10,20"));
}

void TestDatabase::runScriptStopsAtTheFirstError()
{
    auto store = openStore();
    QVERIFY(store);
    const QSqlDatabase db = store->connection();
    QString error;
    QVERIFY(!sql::runScript(db,
                            QStringLiteral("CREATE TABLE s1 (a INTEGER);\n"
                                           "CREATE TABLE store_meta (x INTEGER);\n"
                                           "CREATE TABLE s2 (a INTEGER);\n"),
                            &error));
    QVERIFY2(error.contains(QStringLiteral("store_meta")), qPrintable(error));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 's1'")).toInt(), 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 's2'")).toInt(), 0);
}

void TestDatabase::escapeLike_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << QStringLiteral("王小明") << QStringLiteral("王小明");
    QTest::newRow("percent") << QStringLiteral("50%") << QStringLiteral("50\\%");
    QTest::newRow("underscore") << QStringLiteral("a_b") << QStringLiteral("a\\_b");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("a\\\\b");
    QTest::newRow("all") << QStringLiteral("%_\\") << QStringLiteral("\\%\\_\\\\");
    QTest::newRow("empty") << QString() << QString();
}

void TestDatabase::escapeLike()
{
    QFETCH(QString, input);
    QFETCH(QString, escaped);
    QCOMPARE(sql::escapeLike(input), escaped);
}

void TestDatabase::escapedLikeMatchesLiterally()
{
    auto store = openStore();
    QVERIFY(store);
    const QSqlDatabase db = store->connection();
    for (const QString& value : {QStringLiteral("100%"), QStringLiteral("100x"), QStringLiteral("a_b"),
                                 QStringLiteral("axb"), QStringLiteral("c\\d")})
        QVERIFY(store->setMeta(QStringLiteral("like:") + value, value));
    auto matches = [&](const QString& fragment) {
        return scalar(db,
                      QStringLiteral(
                          "SELECT count(*) FROM store_meta WHERE key LIKE 'like:%' || ? || '%' ESCAPE '\\'"),
                      {sql::escapeLike(fragment)})
            .toInt();
    };
    QCOMPARE(matches(QStringLiteral("0%")), 1);
    QCOMPARE(matches(QStringLiteral("a_b")), 1);
    QCOMPARE(matches(QStringLiteral("\\")), 1);
    QCOMPARE(matches(QStringLiteral("_")), 1);
}

void TestDatabase::whereClause()
{
    WhereClause empty;
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.sql(), QString());
    QCOMPARE(empty.conditions(), QStringLiteral("1"));
    QVERIFY(empty.values().isEmpty());

    WhereClause where;
    where.add(QStringLiteral("a = ?"), {1});
    where.add(QStringLiteral("b = ? OR c = ?"), {QStringLiteral("x"), QStringLiteral("y")});
    where.add(QStringLiteral("d = 0"));
    QVERIFY(!where.isEmpty());
    QCOMPARE(where.conditions(), QStringLiteral("(a = ?) AND (b = ? OR c = ?) AND (d = 0)"));
    QCOMPARE(where.sql(), QStringLiteral(" WHERE (a = ?) AND (b = ? OR c = ?) AND (d = 0)"));
    QCOMPARE(where.values(), (QVariantList{1, QStringLiteral("x"), QStringLiteral("y")}));
}

void TestDatabase::outboxEnqueueAndPending()
{
    auto store = openStore();
    QVERIFY(store);
    const QSqlDatabase db = store->connection();
    Outbox outbox(db);
    QCOMPARE(outbox.pendingCount(), 0);
    QVERIFY(outbox.pending(10).isEmpty());
    QString error;
    const QJsonObject fields{{QStringLiteral("name"), QStringLiteral("张三")},
                             {QStringLiteral("verified"), true}};
    QVERIFY2(outbox.enqueue(entity::Member, QStringLiteral("m1"), 7, fields, false, &error),
             qPrintable(error));
    QVERIFY(outbox.enqueue(entity::Member, QStringLiteral("m2"), 0, {}, true, &error));
    QVERIFY(outbox.enqueue(entity::Organisation, QStringLiteral("m1"), 0, {}, false, &error));
    QCOMPARE(outbox.pendingCount(), 3);

    const QList<OutboxOperation> ops = outbox.pending(2);
    QCOMPARE(ops.size(), 2);
    QCOMPARE(ops.at(0).entity, entity::Member);
    QCOMPARE(ops.at(0).recordId, QStringLiteral("m1"));
    QCOMPARE(ops.at(0).baseVersion, 7);
    QCOMPARE(ops.at(0).fields, fields);
    QVERIFY(!ops.at(0).isDelete);
    QVERIFY(!QUuid::fromString(ops.at(0).opId).isNull());
    QVERIFY(ops.at(0).seq < ops.at(1).seq);
    QCOMPARE(ops.at(1).recordId, QStringLiteral("m2"));
    QVERIFY(ops.at(1).isDelete);
    QVERIFY(ops.at(0).opId != ops.at(1).opId);
    QVERIFY(QDateTime::fromString(ops.at(0).createdAt, Qt::ISODateWithMs).isValid());
}

void TestDatabase::outboxDiscardRecord()
{
    auto store = openStore();
    QVERIFY(store);
    Outbox outbox(store->connection());
    QString error;
    QVERIFY(outbox.enqueue(entity::Member, QStringLiteral("m1"), 0, {}, false, &error));
    QVERIFY(outbox.enqueue(entity::Member, QStringLiteral("m1"), 0, {}, false, &error));
    QVERIFY(outbox.enqueue(entity::Member, QStringLiteral("m2"), 0, {}, false, &error));
    QVERIFY(outbox.enqueue(entity::MemberEvent, QStringLiteral("m1"), 0, {}, false, &error));
    QVERIFY2(outbox.discardRecord(entity::Member, QStringLiteral("m1"), &error), qPrintable(error));
    const QList<OutboxOperation> left = outbox.pending(10);
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.at(0).recordId, QStringLiteral("m2"));
    QCOMPARE(left.at(1).entity, entity::MemberEvent);
}

void TestDatabase::scopeUpperBoundAndContains()
{
    QCOMPARE(Scope::upperBound(QStringLiteral("a/b/")), QStringLiteral("a/b0"));
    QCOMPARE(Scope::upperBound(QString()), QString());
    const Scope scope(QStringLiteral("b"), QStringLiteral("a/b/"));
    QVERIFY(scope.isValid());
    QVERIFY(scope.contains(QStringLiteral("a/b/")));
    QVERIFY(scope.contains(QStringLiteral("a/b/c/")));
    QVERIFY(!scope.contains(QStringLiteral("a/")));
    QVERIFY(!scope.contains(QStringLiteral("a/bc/")));
    QVERIFY(!Scope().isValid());
    QVERIFY(!Scope().contains(QStringLiteral("a/")));
}

void TestDatabase::scopeRestrictsOrganisations()
{
    auto store = openStore();
    QVERIFY(store);
    QString error;
    const auto root = OrganisationRepository::createRoot(
        *store, QStringLiteral("根"), QStringLiteral("district"), QStringLiteral("t"), &error);
    QVERIFY(root);
    const Scope all = OrganisationRepository::rootScope(*store);
    auto add = [&](const QString& name, const QString& parent) {
        Organisation o;
        o.name = name;
        o.parentId = parent;
        o.level = QStringLiteral("base");
        OrganisationRepository(*store, all).add(o, QStringLiteral("t"), &error);
        return o;
    };
    const Organisation a = add(QStringLiteral("甲"), root->id);
    const Organisation a1 = add(QStringLiteral("甲一"), a.id);
    const Organisation b = add(QStringLiteral("乙"), root->id);
    QVERIFY(!a.id.isEmpty() && !a1.id.isEmpty() && !b.id.isEmpty());
    QCOMPARE(a1.path, root->path + a.id + QLatin1Char('/') + a1.id + QLatin1Char('/'));

    const Scope scopeA = OrganisationRepository::scopeOf(*store, a.id);
    QCOMPARE(scopeA.path(), a.path);
    WhereClause where;
    scopeA.restrictByOrganisationColumn(where, QStringLiteral("o.id"));
    QSqlQuery q(store->connection());
    QVERIFY(sql::execBound(q,
                           QStringLiteral("SELECT o.name FROM organisation o") + where.sql() +
                               QStringLiteral(" ORDER BY o.path"),
                           where.values(), &error));
    QStringList names;
    while (q.next())
        names.append(q.value(0).toString());
    QCOMPARE(names.size(), 2);
    QVERIFY(names.contains(QStringLiteral("甲")) && names.contains(QStringLiteral("甲一")));

    // The whole-store scope adds no condition.
    WhereClause whole;
    all.restrictByOrganisationColumn(whole, QStringLiteral("o.id"));
    QVERIFY(whole.isEmpty());

    OrganisationRepository inA(*store, scopeA);
    QVERIFY(inA.find(a1.id));
    QVERIFY(!inA.find(b.id));
    QVERIFY(!inA.find(root->id));
    QCOMPARE(inA.subtree().size(), 2);
    // Adding under an organisation outside the scope is refused and writes nothing.
    const qint64 before = Outbox(store->connection()).pendingCount();
    Organisation outside;
    outside.name = QStringLiteral("丙");
    outside.parentId = b.id;
    outside.level = QStringLiteral("base");
    QVERIFY(!inA.add(outside, QStringLiteral("t"), &error));
    QVERIFY(error.contains(QStringLiteral("outside your organisation")));
    QCOMPARE(Outbox(store->connection()).pendingCount(), before);
}

void TestDatabase::aFullDiskIsSaidInWords()
{
    // SQLite's "database or disk is full" and the statement reached the clerk; a page limit makes
    // the store as full as a full disk does.
    QString error;
    auto store = Database::open(filePath(), Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(store, qPrintable(error));
    const QSqlDatabase db = store->connection();
    QSqlQuery pages(db);
    QVERIFY(pages.exec(QStringLiteral("PRAGMA page_count")) && pages.next());
    QVERIFY(
        sql::run(db, QStringLiteral("PRAGMA max_page_count = %1").arg(pages.value(0).toInt() + 2), &error));
    QVERIFY(sql::run(db, QStringLiteral("CREATE TABLE filler(t TEXT)"), &error));
    QVERIFY(!sql::run(
        db,
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) "
                       "INSERT INTO filler SELECT hex(randomblob(3000)) FROM n"),
        &error));
    QVERIFY2(error.contains(QStringLiteral("disk that holds the data file is full")) &&
                 !error.contains(QStringLiteral("INSERT")),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
