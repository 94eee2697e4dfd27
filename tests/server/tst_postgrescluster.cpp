// The PostgreSQL cluster every server test relies on, proved on the real thing: QPSQL connects, a
// table takes and gives back UTF-8 Chinese (outside the BMP too), a transaction rolls back, two
// per-test databases do not see each other and are dropped afterwards, and the server is
// PostgreSQL 15 in UTF8. Without a cluster this test fails: scripts/test guarantees one.

#include "TestPostgres.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace ud::test;

namespace {

// Runs a statement, bound to `values` when there are any. QPSQL prepares a statement as a
// server-side PREPARE, which PostgreSQL accepts only for SELECT, INSERT, UPDATE, DELETE and VALUES:
// DDL and SHOW must run unprepared.
bool run(QSqlQuery& q, const QString& statement, const QVariantList& values)
{
    bool ok = false;
    if (values.isEmpty()) {
        ok = q.exec(statement);
    } else if (q.prepare(statement)) {
        for (const QVariant& value : values)
            q.addBindValue(value);
        ok = q.exec();
    }
    if (!ok)
        qWarning("%s: %s", qPrintable(statement), qPrintable(q.lastError().text()));
    return ok;
}

bool exec(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    QSqlQuery q(db);
    return run(q, statement, values);
}

// One value of a single-row, single-column query; an invalid QVariant (and a warning) on failure.
QVariant scalar(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    QSqlQuery q(db);
    if (!run(q, statement, values))
        return {};
    if (!q.next()) {
        qWarning("%s: no row", qPrintable(statement));
        return {};
    }
    return q.value(0);
}

} // namespace

class TestPostgresCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serverIsPostgres15InUtf8();
    void chineseTextRoundTrips();
    void transactionRollsBack();
    void perTestDatabasesAreIsolated();
    void perTestDatabaseIsDroppedAtTheEnd();
    void secondConnectionSeesCommittedRows();
    void badUrlIsRefusedWithAReason();

private:
    QString m_url;
};

void TestPostgresCluster::initTestCase()
{
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
             "the QPSQL driver is missing (Debian: libqt6sql6-psql)");
    QString error;
    m_url = TestPostgres::url(&error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    QVERIFY2(m_url.startsWith(QLatin1String("postgresql://")), qPrintable(m_url));
    {
        QSqlDatabase db = TestPostgres::open(m_url, QStringLiteral("probe"), &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
}

void TestPostgresCluster::serverIsPostgres15InUtf8()
{
    QString error;
    {
        QSqlDatabase db = TestPostgres::open(m_url, QStringLiteral("version"), &error);
        QVERIFY2(db.isValid() && db.isOpen(), qPrintable(error));
        const QString version = scalar(db, QStringLiteral("SHOW server_version")).toString();
        QVERIFY2(version.startsWith(QLatin1String("15.")), qPrintable(version));
        QCOMPARE(scalar(db, QStringLiteral("SHOW server_encoding")).toString(), QStringLiteral("UTF8"));
        // QPSQL asks for UNICODE, PostgreSQL's other name for UTF8.
        const QString client = scalar(db, QStringLiteral("SHOW client_encoding")).toString();
        QVERIFY2(client == QLatin1String("UTF8") || client == QLatin1String("UNICODE"), qPrintable(client));
        // The cluster is for tests only: it must never be reachable from outside the machine.
        QCOMPARE(scalar(db, QStringLiteral("SHOW listen_addresses")).toString(), QStringLiteral("127.0.0.1"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("version"));
}

void TestPostgresCluster::chineseTextRoundTrips()
{
    TestPostgresDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.error()));
    QSqlDatabase db = pg.database();
    QVERIFY2(db.isOpen(), qPrintable(pg.error()));

    QVERIFY(exec(db, QStringLiteral("CREATE TABLE members (id serial PRIMARY KEY, name text NOT NULL, "
                                    "organisation text NOT NULL)")));
    // 䶮 is outside GBK; 𠮷 is outside the BMP (four bytes in UTF-8, a surrogate pair in QString).
    const QStringList names = {QStringLiteral("张三"), QStringLiteral("刘䶮"), QStringLiteral("𠮷野家"),
                               QStringLiteral("欧阳·娜娜")};
    for (const QString& name : names)
        QVERIFY(exec(db, QStringLiteral("INSERT INTO members (name, organisation) VALUES (?, ?)"),
                     {name, QStringLiteral("测试区总工会")}));

    QSqlQuery q(db);
    QVERIFY2(q.exec(QStringLiteral("SELECT name, organisation, char_length(name), octet_length(name) "
                                   "FROM members ORDER BY id")),
             qPrintable(q.lastError().text()));
    QStringList read;
    while (q.next()) {
        const QString name = q.value(0).toString();
        read.append(name);
        QCOMPARE(q.value(1).toString(), QStringLiteral("测试区总工会"));
        QCOMPARE(q.value(2).toInt(), int(name.toUcs4().size()));
        QCOMPARE(q.value(3).toInt(), int(name.toUtf8().size()));
    }
    QCOMPARE(read, names);
    QCOMPARE(scalar(db, QStringLiteral("SELECT char_length(name) FROM members WHERE name = ?"),
                    {QStringLiteral("𠮷野家")})
                 .toInt(),
             3);
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM members WHERE name LIKE ?"), {QStringLiteral("%䶮%")})
            .toInt(),
        1);
}

void TestPostgresCluster::transactionRollsBack()
{
    TestPostgresDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.error()));
    QSqlDatabase db = pg.database();
    QVERIFY2(db.isOpen(), qPrintable(pg.error()));
    QVERIFY(exec(db, QStringLiteral("CREATE TABLE t (name text UNIQUE)")));

    QVERIFY(db.transaction());
    QVERIFY(exec(db, QStringLiteral("INSERT INTO t VALUES (?)"), {QStringLiteral("回滚")}));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);
    QVERIFY(db.rollback());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);

    // A failed statement aborts the whole transaction: rolled back, nothing of it stays.
    QVERIFY(db.transaction());
    QVERIFY(exec(db, QStringLiteral("INSERT INTO t VALUES (?)"), {QStringLiteral("一")}));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("duplicate key")));
    // QPSQL cannot deallocate the failed statement inside the aborted transaction, and says so.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Unable to free statement")));
    QVERIFY(!exec(db, QStringLiteral("INSERT INTO t VALUES (?)"), {QStringLiteral("一")}));
    QVERIFY(db.rollback());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);

    QVERIFY(db.transaction());
    QVERIFY(exec(db, QStringLiteral("INSERT INTO t VALUES (?)"), {QStringLiteral("提交")}));
    QVERIFY(db.commit());
    QCOMPARE(scalar(db, QStringLiteral("SELECT name FROM t")).toString(), QStringLiteral("提交"));
}

void TestPostgresCluster::perTestDatabasesAreIsolated()
{
    TestPostgresDatabase first;
    TestPostgresDatabase second;
    QVERIFY2(first.isValid(), qPrintable(first.error()));
    QVERIFY2(second.isValid(), qPrintable(second.error()));
    QVERIFY(first.name() != second.name());
    QVERIFY(first.url() != second.url());
    QVERIFY(first.url().endsWith(QLatin1Char('/') + first.name()));

    QSqlDatabase a = first.database();
    QSqlDatabase b = second.database();
    QVERIFY2(a.isOpen(), qPrintable(first.error()));
    QVERIFY2(b.isOpen(), qPrintable(second.error()));
    QCOMPARE(scalar(a, QStringLiteral("SELECT current_database()")).toString(), first.name());
    QCOMPARE(scalar(b, QStringLiteral("SELECT current_database()")).toString(), second.name());

    // A fresh database is empty: no table of an earlier test, nor of the other one.
    QCOMPARE(scalar(b, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toInt(),
             0);
    QVERIFY(exec(a, QStringLiteral("CREATE TABLE members (name text)")));
    QVERIFY(exec(a, QStringLiteral("INSERT INTO members VALUES (?)"), {QStringLiteral("只在甲库")}));
    QVERIFY(scalar(b, QStringLiteral("SELECT to_regclass('public.members') IS NULL")).toBool());

    QVERIFY(exec(b, QStringLiteral("CREATE TABLE members (name text)")));
    QCOMPARE(scalar(b, QStringLiteral("SELECT count(*) FROM members")).toInt(), 0);
    QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM members")).toInt(), 1);
}

void TestPostgresCluster::perTestDatabaseIsDroppedAtTheEnd()
{
    QString name;
    {
        TestPostgresDatabase pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.error()));
        name = pg.name();
        QVERIFY(name.startsWith(QLatin1String("ud_test_")));
        // A connection still open at the end (as a server process's would be) does not stop the drop.
        QSqlDatabase db = pg.openConnection();
        QVERIFY2(db.isOpen(), qPrintable(pg.error()));
        QVERIFY(exec(db, QStringLiteral("CREATE TABLE t (x int)")));
    }
    QString error;
    {
        QSqlDatabase admin = TestPostgres::open(m_url, QStringLiteral("admin"), &error);
        QVERIFY2(admin.isOpen(), qPrintable(error));
        QCOMPARE(scalar(admin, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"), {name})
                     .toInt(),
                 0);
        admin.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin"));
}

void TestPostgresCluster::secondConnectionSeesCommittedRows()
{
    TestPostgresDatabase pg;
    QVERIFY2(pg.isValid(), qPrintable(pg.error()));
    QSqlDatabase one = pg.database();
    QSqlDatabase two = pg.openConnection();
    QVERIFY2(one.isOpen() && two.isOpen(), qPrintable(pg.error()));
    QVERIFY(one.connectionName() != two.connectionName());
    QVERIFY(exec(one, QStringLiteral("CREATE TABLE t (name text)")));

    QVERIFY(one.transaction());
    QVERIFY(exec(one, QStringLiteral("INSERT INTO t VALUES (?)"), {QStringLiteral("未提交")}));
    QCOMPARE(scalar(two, QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
    QVERIFY(one.commit());
    QCOMPARE(scalar(two, QStringLiteral("SELECT name FROM t")).toString(), QStringLiteral("未提交"));

    // The URL is enough for another connection (as uniondesk-server --database will take it).
    QString error;
    {
        QSqlDatabase three = TestPostgres::open(pg.url(), QStringLiteral("three"), &error);
        QVERIFY2(three.isOpen(), qPrintable(error));
        QCOMPARE(scalar(three, QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);
        three.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("three"));
}

void TestPostgresCluster::badUrlIsRefusedWithAReason()
{
    QString error;
    QSqlDatabase db = TestPostgres::open(QStringLiteral("sqlite:/tmp/x.db"), QStringLiteral("bad"), &error);
    QVERIFY(!db.isValid());
    QVERIFY2(error.contains(QLatin1String("postgresql://")), qPrintable(error));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("bad")));

    // A database that does not exist: refused by the server, nothing left registered.
    db = TestPostgres::open(TestPostgres::withDatabase(m_url, QStringLiteral("ud_test_missing")),
                            QStringLiteral("missing"), &error);
    QVERIFY(!db.isValid());
    QVERIFY2(error.contains(QLatin1String("ud_test_missing")), qPrintable(error));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("missing")));
}

QTEST_GUILESS_MAIN(TestPostgresCluster)
#include "tst_postgrescluster.moc"
