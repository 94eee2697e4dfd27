// A data file begun offline (`uniondesk-cli init`) joins its organisation on the real
// `uniondesk-server` at its first sync, on SQLite and on PostgreSQL: its root takes the server's id
// and path, its records go up, members the server already holds come back as conflicts, and the CLI
// summary keeps its shape. Also the sign-in side: the password's hash kept for offline sign-in, a
// password changed on the server, an account of another organisation, one that may not write.

#include "AccountAdmin.h"
#include "CliRun.h"
#include "ServerDatabase.h"
#include "ServerMigrator.h"
#include "ServerProcess.h"
#include "TestPostgres.h"
#include "TestStore.h"
#include "members/MemberRepository.h"
#include "members/RosterQuery.h"
#include "organisations/OrganisationRepository.h"
#include "store/Outbox.h"
#include "sync/LocalCredential.h"
#include "sync/StoreJoin.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncMeta.h"
#include "sync/SyncRunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ud;
using namespace ud::server;
using ud::test::TestStore;

namespace {

const QByteArray Password = "secret-pass";
const QByteArray NewPassword = "another-pass";

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

} // namespace

class TestSyncJoin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void initStoreJoinsWithTheCli();
    void linkedStoreRefusesAnotherOrganisation();
    void accountThatMayNotWriteCannotJoin();
    void passwordChangedOnTheServer();

private:
    bool isPostgres() const { return m_backend == QLatin1String("postgresql"); }
    sync::SyncReport sync(Database& store, const QString& login, const QByteArray& password);
    // A member the server holds already: added in a store of `login`'s organisation and synced.
    bool seedServerMember(const QString& login, int n, QString* id);
    ud::test::CliRun cli(const QStringList& arguments);
    QString serverText(const QString& statement, const QVariantList& values = {});

    QString m_backend;
    QString m_districtId;
    QString m_districtPath;
    QString m_otherDistrictId;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<ud::test::TestPostgresDatabase> m_postgres;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<ud::test::ServerProcess> m_server;
};

void TestSyncJoin::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestSyncJoin::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_backend = backend;
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    QString url = QStringLiteral("sqlite:") + m_folder->filePath(QStringLiteral("server.sqlite"));
    if (isPostgres()) {
        m_postgres = std::make_unique<ud::test::TestPostgresDatabase>();
        QVERIFY2(m_postgres->isValid(), qPrintable(m_postgres->error()));
        url = m_postgres->url();
    }
    QString error;
    m_db = ServerDatabase::open(url, &error);
    QVERIFY2(m_db, qPrintable(error));
    QVERIFY2(ServerMigrator(*m_db).migrate(&error), qPrintable(error));
    AccountAdmin admin(*m_db, QStringLiteral("test"));
    QString rootId;
    QVERIFY2(admin.init(QStringLiteral("某市总工会"), QStringLiteral("city"), &error, &rootId),
             qPrintable(error));
    QVERIFY2(admin.addOrganisation(QStringLiteral("甲区总工会"), rootId, QStringLiteral("district"), &error,
                                   &m_districtId),
             qPrintable(error));
    QVERIFY2(admin.addOrganisation(QStringLiteral("乙区总工会"), rootId, QStringLiteral("district"), &error,
                                   &m_otherDistrictId),
             qPrintable(error));
    m_districtPath = serverText(QStringLiteral("SELECT path FROM organisation WHERE id = ?"), {m_districtId});
    QCOMPARE(m_districtPath, rootId + QLatin1Char('/') + m_districtId + QLatin1Char('/'));
    for (const auto& [login, organisation, role] :
         {std::tuple{"alice", m_districtId, "clerk"}, std::tuple{"victor", m_districtId, "viewer"},
          std::tuple{"bob", m_otherDistrictId, "clerk"}})
        QVERIFY2(admin.addUser(QString::fromLatin1(login), Password, organisation, QString::fromLatin1(role),
                               &error),
                 qPrintable(error));

    // The reasons compared here are the server's English source texts.
    QProcessEnvironment environment = ud::test::isolatedCliEnvironment(m_folder->path());
    environment.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
    m_server = std::make_unique<ud::test::ServerProcess>(QStringLiteral(UNIONDESK_SERVER_PATH));
    QVERIFY2(m_server->start(url, m_folder->filePath(QStringLiteral("server.log")), environment, &error),
             qPrintable(error));
}

void TestSyncJoin::cleanup()
{
    m_server.reset();
    m_db.reset();
    m_postgres.reset();
    m_folder.reset();
}

sync::SyncReport TestSyncJoin::sync(Database& store, const QString& login, const QByteArray& password)
{
    sync::SyncOptions options;
    options.serverUrl = m_server->baseUrl();
    options.login = login;
    options.password = QString::fromUtf8(password);
    options.attempts = 1;
    options.timeoutMs = 60'000;
    return sync::SyncRunner(store, options).run();
}

bool TestSyncJoin::seedServerMember(const QString& login, int n, QString* id)
{
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<Database> store = Database::open(dir.filePath(QStringLiteral("seed.sqlite")),
                                                     Database::OpenMode::CreateIfMissing, &error);
    if (!store || !sync(*store, login, Password).ok)
        return false;
    const Scope scope = OrganisationRepository::rootScope(*store);
    Member member = TestStore::sampleMember(n, scope.organisationId());
    if (!MemberRepository(*store, scope).add(member, login, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    *id = member.id;
    const sync::SyncReport report = sync(*store, login, Password);
    if (!report.ok)
        qWarning("%s", qPrintable(report.error));
    return report.ok && Outbox(store->connection()).pendingCount() == 0;
}

ud::test::CliRun TestSyncJoin::cli(const QStringList& arguments)
{
    QStringList all{QStringLiteral("--db"), m_folder->filePath(QStringLiteral("desk.sqlite"))};
    all += arguments;
    return ud::test::runCli(all, ud::test::isolatedCliEnvironment(m_folder->path()), m_folder->path());
}

QString TestSyncJoin::serverText(const QString& statement, const QVariantList& values)
{
    QSqlQuery query(m_db->db());
    query.prepare(statement);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return QStringLiteral("<%1>").arg(query.lastError().text());
    return query.value(0).toString();
}

void TestSyncJoin::initStoreJoinsWithTheCli()
{
    // Already on the server: member 1 in the other district, member 2 in Alice's own.
    QString elsewhere;
    QString ownServerMember;
    QVERIFY(seedServerMember(QStringLiteral("bob"), 1, &elsewhere));
    QVERIFY(seedServerMember(QStringLiteral("alice"), 2, &ownServerMember));

    const QString root = QStringLiteral("某某公司工会");
    const QString workshop = QStringLiteral("一车间分工会");
    ud::test::CliRun run = cli({QStringLiteral("init"), QStringLiteral("--org-name"), root,
                                QStringLiteral("--level"), QStringLiteral("base")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = cli({QStringLiteral("orgs"), QStringLiteral("add"), QStringLiteral("--name"), workshop,
               QStringLiteral("--parent"), root, QStringLiteral("--level"), QStringLiteral("base")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    for (int n : {1, 2, 3, 4, 5}) {
        run = cli({QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--name"),
                   TestStore::sampleName(n), QStringLiteral("--id-number"), TestStore::sampleIdNumber(n),
                   QStringLiteral("--org"), n == 5 ? workshop : root});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    }
    run = cli({QStringLiteral("cadres"), QStringLiteral("add"), QStringLiteral("--member"),
               TestStore::sampleIdNumber(3), QStringLiteral("--org"), root, QStringLiteral("--position"),
               QStringLiteral("chair"), QStringLiteral("--term-start"), QStringLiteral("2024-01-01"),
               QStringLiteral("--term-end"), QStringLiteral("2028-12-31")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

    const QString passwordFile = m_folder->filePath(QStringLiteral("password"));
    QFile file(passwordFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Password + '\n');
    file.close();
    const QStringList syncArguments{QStringLiteral("sync"),
                                    QStringLiteral("--server"),
                                    m_server->baseUrl(),
                                    QStringLiteral("--user"),
                                    QStringLiteral("alice"),
                                    QStringLiteral("--password-file"),
                                    passwordFile,
                                    QStringLiteral("--json")};
    run = cli(syncArguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    // The summary keeps its three counts and nothing else; refused duplicates count as conflicts.
    const QJsonObject summary = run.object();
    QCOMPARE(summary.keys(),
             (QStringList{QStringLiteral("conflicts"), QStringLiteral("pulled"), QStringLiteral("pushed")}));
    QVERIFY2(summary.value(QStringLiteral("conflicts")).toInt() >= 2, qPrintable(run.out));
    QVERIFY2(summary.value(QStringLiteral("pushed")).toInt() >= 8, qPrintable(run.out));

    QString error;
    std::unique_ptr<Database> store = Database::open(m_folder->filePath(QStringLiteral("desk.sqlite")),
                                                     Database::OpenMode::MustExist, &error);
    QVERIFY2(store, qPrintable(error));
    // The root is Alice's district now, with the server's path, and the tree under it.
    QCOMPARE(store->meta(key(ud::meta::RootOrganisation)), m_districtId);
    QCOMPARE(store->meta(key(sync::meta::AccountOrganisation)), m_districtId);
    const Scope scope = OrganisationRepository::rootScope(*store);
    QCOMPARE(scope.path(), m_districtPath);
    OrganisationRepository organisations(*store, scope);
    const std::optional<Organisation> district = organisations.find(m_districtId);
    QVERIFY(district);
    QCOMPARE(district->name, QStringLiteral("甲区总工会")); // the server's record won
    const std::optional<Organisation> local = organisations.resolve(workshop, &error);
    QVERIFY2(local, qPrintable(error));
    QCOMPARE(local->parentId, m_districtId);
    QCOMPARE(local->path, m_districtPath + local->id + QLatin1Char('/'));
    QVERIFY(local->version > 0);
    QCOMPARE(Outbox(store->connection()).pendingCount(), 0);
    // The password's hash is kept for signing in offline.
    QCOMPARE(sync::LocalCredential(*store).verify(QStringLiteral("alice"), QString::fromUtf8(Password)),
             sync::LocalCredential::Check::Accepted);

    // The workshop, members 3 to 5 and the chair are on the server, under Alice's district.
    QCOMPARE(serverText(QStringLiteral("SELECT path FROM organisation WHERE id = ?"), {local->id}),
             local->path);
    MemberRepository members(*store, scope);
    for (int n : {3, 4, 5}) {
        const std::optional<Member> m = members.findByIdNumber(TestStore::sampleIdNumber(n));
        QVERIFY(m);
        QVERIFY(m->version > 0);
        QVERIFY(serverText(QStringLiteral("SELECT path FROM member WHERE id = ?"), {m->id})
                    .startsWith(m_districtPath));
    }
    QCOMPARE(
        serverText(QStringLiteral("SELECT count(*) FROM cadre WHERE organisation_id = ?"), {m_districtId}),
        QStringLiteral("1"));

    // The duplicates are reported: each refused member waits in the conflicts list with the reason.
    const QList<sync::SyncConflict> open = sync::SyncConflictRepository(*store).open();
    const auto refused = [&](const QString& memberId) {
        for (const sync::SyncConflict& c : open) {
            if (c.entity == QLatin1String("member") && c.recordId == memberId && c.isOperation() &&
                c.reason.contains(QLatin1String("already belongs")))
                return true;
        }
        return false;
    };
    {
        const QSqlDatabase db = store->connection();
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("SELECT id, deleted, version FROM member WHERE id_number = ? ORDER BY deleted"));
        // Member 1 belongs to the other district, which Alice does not see: hers stays, unsent.
        q.addBindValue(TestStore::sampleIdNumber(1));
        QVERIFY(q.exec() && q.next());
        const QString localElsewhere = q.value(0).toString();
        QVERIFY(localElsewhere != elsewhere);
        QCOMPARE(q.value(1).toInt(), 0);
        QCOMPARE(q.value(2).toLongLong(), 0);
        QVERIFY(!q.next());
        QVERIFY(refused(localElsewhere));
        // Member 2 is in Alice's district on the server: the server's record arrives, the local one is
        // set aside for the clerk.
        q.addBindValue(TestStore::sampleIdNumber(2));
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), ownServerMember);
        QCOMPARE(q.value(1).toInt(), 0);
        QVERIFY(q.next());
        const QString localOwn = q.value(0).toString();
        QCOMPARE(q.value(1).toInt(), 1);
        QVERIFY(refused(localOwn));
        q.finish();

        // Search by name still finds the joined members.
        RosterFilter filter;
        filter.search = TestStore::sampleName(4);
        const QList<RosterRow> rows = RosterQuery(db, scope, filter).first(10);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().name, TestStore::sampleName(4));
    }
    store.reset();

    // Nothing left to do: the next sync changes nothing.
    run = cli(syncArguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.object().value(QStringLiteral("pushed")).toInt(), 0);
    QCOMPARE(run.object().value(QStringLiteral("conflicts")).toInt(), 0);
}

void TestSyncJoin::linkedStoreRefusesAnotherOrganisation()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    QVERIFY(!t.addMembers(t.root().id, 2).isEmpty());
    sync::SyncReport report = sync(t.store(), QStringLiteral("alice"), Password);
    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY(report.joined);
    QCOMPARE(t.store().meta(key(ud::meta::RootOrganisation)), m_districtId);

    report = sync(t.store(), QStringLiteral("bob"), Password);
    QVERIFY(!report.ok);
    QVERIFY(!report.joined);
    // Both unions by the names the clerk knows, not by their ids.
    QVERIFY2(report.error.contains(QLatin1String("belongs to")), qPrintable(report.error));
    QVERIFY2(report.error.contains(QStringLiteral("甲区总工会")) &&
                 report.error.contains(QStringLiteral("乙区总工会")),
             qPrintable(report.error));
    QCOMPARE(t.store().meta(key(ud::meta::RootOrganisation)), m_districtId);
    QCOMPARE(t.store().meta(key(sync::meta::AccountLogin)), QStringLiteral("alice"));
}

void TestSyncJoin::accountThatMayNotWriteCannotJoin()
{
    TestStore t;
    QVERIFY(!t.addMembers(t.root().id, 1).isEmpty());
    const sync::SyncReport report = sync(t.store(), QStringLiteral("victor"), Password);
    QVERIFY(!report.ok);
    QVERIFY2(report.error.contains(QLatin1String("clerk")), qPrintable(report.error));
    QCOMPARE(t.store().meta(key(ud::meta::RootOrganisation)), t.root().id);
    QVERIFY(sync::StoreJoin::isJoinable(t.store()));
    QVERIFY(!sync::LocalCredential(t.store()).hasCredential());
}

void TestSyncJoin::passwordChangedOnTheServer()
{
    TestStore t;
    sync::SyncReport report = sync(t.store(), QStringLiteral("alice"), Password);
    QVERIFY2(report.ok, qPrintable(report.error));
    sync::LocalCredential credential(t.store());
    QCOMPARE(credential.verify(QStringLiteral("alice"), QString::fromUtf8(Password)),
             sync::LocalCredential::Check::Accepted);

    QString error;
    QVERIFY2(AccountAdmin(*m_db, QStringLiteral("test"))
                 .resetPassword(QStringLiteral("alice"), NewPassword, &error),
             qPrintable(error));
    // The old password: the server refuses it; it still opens the file here, but the refusal shows.
    report = sync(t.store(), QStringLiteral("alice"), Password);
    QVERIFY(!report.ok);
    QVERIFY(report.refused);
    QVERIFY(credential.isRefused());
    QVERIFY(t.store().meta(key(sync::meta::LastSyncError)).contains(QLatin1String("refused")));
    QCOMPARE(credential.verify(QStringLiteral("alice"), QString::fromUtf8(Password)),
             sync::LocalCredential::Check::Accepted);

    // The new one: accepted by the server, it replaces the hash here.
    report = sync(t.store(), QStringLiteral("alice"), NewPassword);
    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY(!report.refused);
    QVERIFY(!credential.isRefused());
    QCOMPARE(credential.verify(QStringLiteral("alice"), QString::fromUtf8(NewPassword)),
             sync::LocalCredential::Check::Accepted);
    QCOMPARE(credential.verify(QStringLiteral("alice"), QString::fromUtf8(Password)),
             sync::LocalCredential::Check::WrongPassword);
}

QTEST_GUILESS_MAIN(TestSyncJoin)
#include "tst_syncjoin.moc"
