// The server's store and its administration: every `uniondesk-server admin` command run as a real
// process, and the core classes (ServerDatabase, ServerMigrator, PasswordHasher, ServerAudit,
// AccountAdmin) called directly, each against SQLite and against a fresh PostgreSQL database.
#include "AccountAdmin.h"
#include "CliRun.h"
#include "PasswordHasher.h"
#include "ReusedQuery.h"
#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "ServerMigrator.h"
#include "TestPostgres.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ud::server;
using ud::test::CliRun;

namespace {
// The messages the tests compare are the English source texts: the tool speaks Chinese under any
// other locale (see speaksChineseByDefault).
QProcessEnvironment englishEnvironment(const QString& folder)
{
    QProcessEnvironment environment = ud::test::isolatedCliEnvironment(folder);
    environment.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
    return environment;
}
} // namespace

class TestServerAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void speaksChineseByDefault();
    void init();
    void cleanup();

    void migrationOnEmptyStoreAndReopenIsNoOp();
    void badDatabaseUrlsAreRefused();
    void initTwiceIsRefused();
    void addOrgFindsParentByNameOrId();
    void addUserRefusesBadInput();
    void storedHashVerifiesAndIsNotThePassword();
    void resetPasswordChangesTheHash();
    void disableUserEndsItsSessionsAtOnce();
    void auditChainVerifiesAndShowsTampering();
    void coreAdminWritesAreAtomicWithTheirAuditEntry();
    void defaultDatabaseIsInTheDataFolder();
    void reusedQueriesAnswerForTheirOwnValues();

private:
    bool isPostgres() const { return m_backend == QLatin1String("postgresql"); }
    CliRun server(const QStringList& arguments);
    QString writeFile(const QString& name, const QByteArray& content);
    std::unique_ptr<ServerDatabase> openStore();
    qint64 scalar(const QString& statement, const QVariant& value = {});
    QString text(const QString& statement, const QVariant& value = {});
    bool exec(const QString& statement);
    void setUpTree(); // root "某市总工会", child "甲区总工会", clerk alice with password secret-pass

    QString m_backend;
    QString m_url;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<ud::test::TestPostgresDatabase> m_postgres;
    std::unique_ptr<ServerDatabase> m_inspect; // the test's own connection, for SQL checks
};

void TestServerAdmin::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestServerAdmin::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_backend = backend;
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    if (isPostgres()) {
        m_postgres = std::make_unique<ud::test::TestPostgresDatabase>();
        QVERIFY2(m_postgres->isValid(), qPrintable(m_postgres->error()));
        m_url = m_postgres->url();
    } else {
        m_url = QStringLiteral("sqlite:") + m_folder->filePath(QStringLiteral("server.sqlite"));
    }
}

void TestServerAdmin::cleanup()
{
    m_inspect.reset();
    m_postgres.reset(); // drops the database
    m_folder.reset();
}

CliRun TestServerAdmin::server(const QStringList& arguments)
{
    return ud::test::runCli(QStringList{QStringLiteral("--database"), m_url} + arguments,
                            englishEnvironment(m_folder->path()), m_folder->path(), 60'000);
}

QString TestServerAdmin::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_folder->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

std::unique_ptr<ServerDatabase> TestServerAdmin::openStore()
{
    QString error;
    std::unique_ptr<ServerDatabase> db = ServerDatabase::open(m_url, &error);
    if (!db)
        qWarning("%s", qPrintable(error));
    return db;
}

qint64 TestServerAdmin::scalar(const QString& statement, const QVariant& value)
{
    return text(statement, value).toLongLong();
}

QString TestServerAdmin::text(const QString& statement, const QVariant& value)
{
    if (!m_inspect)
        m_inspect = openStore();
    if (!m_inspect)
        return QStringLiteral("<no connection>");
    QSqlQuery query(m_inspect->db());
    query.prepare(statement);
    if (value.isValid())
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return QStringLiteral("<%1>").arg(query.lastError().text());
    return query.value(0).toString();
}

bool TestServerAdmin::exec(const QString& statement)
{
    if (!m_inspect)
        m_inspect = openStore();
    QSqlQuery query(m_inspect->db());
    if (query.exec(statement))
        return true;
    qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
    return false;
}

void TestServerAdmin::setUpTree()
{
    const QString pw = writeFile(QStringLiteral("pw"), "secret-pass\n");
    CliRun r = server({QStringLiteral("admin"), QStringLiteral("init"), QStringLiteral("--org-name"),
                       QStringLiteral("某市总工会"), QStringLiteral("--level"), QStringLiteral("city")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = server({QStringLiteral("admin"), QStringLiteral("add-org"), QStringLiteral("--name"),
                QStringLiteral("甲区总工会"), QStringLiteral("--parent"), QStringLiteral("某市总工会"),
                QStringLiteral("--level"), QStringLiteral("district")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = server({QStringLiteral("admin"), QStringLiteral("add-user"), QStringLiteral("--login"),
                QStringLiteral("alice"), QStringLiteral("--password-file"), pw, QStringLiteral("--org"),
                QStringLiteral("甲区总工会"), QStringLiteral("--role"), QStringLiteral("clerk")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
}

void TestServerAdmin::migrationOnEmptyStoreAndReopenIsNoOp()
{
    QString error;
    {
        std::unique_ptr<ServerDatabase> db = openStore();
        QVERIFY(db);
        QCOMPARE(db->dialect(),
                 isPostgres() ? ServerDatabase::Dialect::Postgres : ServerDatabase::Dialect::Sqlite);
        ServerMigrator migrator(*db);
        QCOMPARE(migrator.version(&error), 0);
        int applied = -1;
        QVERIFY2(migrator.migrate(&error, &applied), qPrintable(error));
        QCOMPARE(applied, ServerMigrator::CurrentVersion);
        QCOMPARE(migrator.version(&error), ServerMigrator::CurrentVersion);
        const QStringList tables = db->db().tables();
        for (const char* table :
             {"schema_version", "organisation", "account", "session", "audit_log", "change_seq"})
            QVERIFY2(tables.contains(QString::fromLatin1(table)), table);
    }
    {
        std::unique_ptr<ServerDatabase> db = openStore();
        QVERIFY(db);
        ServerMigrator migrator(*db);
        int applied = -1;
        QVERIFY2(migrator.migrate(&error, &applied), qPrintable(error));
        QCOMPARE(applied, 0);
        QCOMPARE(migrator.version(&error), ServerMigrator::CurrentVersion);
    }
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")), ServerMigrator::CurrentVersion);
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM change_seq WHERE id = 1")), 0);
    // The role is checked by the database too.
    QVERIFY(exec(QStringLiteral("INSERT INTO organisation(id, path, level, name, updated_at, updated_by) "
                                "VALUES ('o', 'o/', 'city', 'x', 'now', 'test')")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("INSERT INTO account")));
    QVERIFY(!exec(
        QStringLiteral("INSERT INTO account(id, login, password_hash, organisation_id, role, created_at) "
                       "VALUES ('a', 'x', 'h', 'o', 'boss', 'now')")));
}

void TestServerAdmin::badDatabaseUrlsAreRefused()
{
    for (const char* url : {"mysql://root@localhost/x", "sqlite:", "postgresql://localhost/db",
                            "postgresql://u@127.0.0.1:1/db", "postgresql://u@127.0.0.1:5432/"}) {
        QString error;
        QVERIFY2(!ServerDatabase::open(QString::fromLatin1(url), &error), url);
        QVERIFY2(!error.isEmpty() && !error.contains(QLatin1Char('\n')), qPrintable(error));
    }
    const CliRun r =
        ud::test::runCli({QStringLiteral("--database"), QStringLiteral("postgresql://u@127.0.0.1:1/db"),
                          QStringLiteral("admin"), QStringLiteral("verify-audit")},
                         englishEnvironment(m_folder->path()), m_folder->path());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QLatin1String("Cannot connect to PostgreSQL")), qPrintable(r.describe()));
}

void TestServerAdmin::speaksChineseByDefault()
{
    // Under the neutral C.UTF-8 locale, as on a Chinese office server, the messages are Chinese.
    const CliRun r = ud::test::runCli({QStringLiteral("admin"), QStringLiteral("frobnicate")},
                                      ud::test::isolatedCliEnvironment(m_folder->path()), m_folder->path());
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))),
             qPrintable(r.describe()));
}

void TestServerAdmin::initTwiceIsRefused()
{
    CliRun r = server({QStringLiteral("admin"), QStringLiteral("init"), QStringLiteral("--org-name"),
                       QStringLiteral("某市总工会"), QStringLiteral("--level"), QStringLiteral("市")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(text(QStringLiteral("SELECT level FROM organisation WHERE parent_id IS NULL")),
             QStringLiteral("city"));
    r = server({QStringLiteral("admin"), QStringLiteral("init"), QStringLiteral("--org-name"),
                QStringLiteral("另一个"), QStringLiteral("--level"), QStringLiteral("city")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines(), QStringList{QStringLiteral(
                               "error: The server already has its root organisation \"某市总工会\".")});
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM organisation")), 1);
    // A missing option and an unknown level are refused too.
    r = server(
        {QStringLiteral("admin"), QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("x")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errLines().size(), 1);
    r = server({QStringLiteral("admin"), QStringLiteral("frobnicate")});
    QCOMPARE(r.exitCode, 2);
}

void TestServerAdmin::addOrgFindsParentByNameOrId()
{
    setUpTree();
    const QString rootId = text(QStringLiteral("SELECT id FROM organisation WHERE parent_id IS NULL"));
    const QString districtId =
        text(QStringLiteral("SELECT id FROM organisation WHERE name = ?"), QStringLiteral("甲区总工会"));
    QCOMPARE(text(QStringLiteral("SELECT parent_id FROM organisation WHERE id = ?"), districtId), rootId);
    QCOMPARE(text(QStringLiteral("SELECT path FROM organisation WHERE id = ?"), districtId),
             rootId + QLatin1Char('/') + districtId + QLatin1Char('/'));
    QCOMPARE(text(QStringLiteral("SELECT level FROM organisation WHERE id = ?"), districtId),
             QStringLiteral("district"));
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM organisation WHERE id = ?"), districtId), 2);

    // By id, with a Chinese level word.
    CliRun r = server({QStringLiteral("admin"), QStringLiteral("add-org"), QStringLiteral("--name"),
                       QStringLiteral("乙街道工会"), QStringLiteral("--parent"), districtId,
                       QStringLiteral("--level"), QStringLiteral("街道")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(
        text(QStringLiteral("SELECT path FROM organisation WHERE name = ?"), QStringLiteral("乙街道工会"))
            .left(rootId.size() + districtId.size() + 2),
        rootId + QLatin1Char('/') + districtId + QLatin1Char('/'));

    r = server({QStringLiteral("admin"), QStringLiteral("add-org"), QStringLiteral("--name"),
                QStringLiteral("丙"), QStringLiteral("--parent"), QStringLiteral("没有这个"),
                QStringLiteral("--level"), QStringLiteral("base")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines(),
             QStringList{QStringLiteral("error: No organisation \"没有这个\" on this server.")});
    r = server({QStringLiteral("admin"), QStringLiteral("add-org"), QStringLiteral("--name"),
                QStringLiteral("丙"), QStringLiteral("--parent"), QStringLiteral("某市总工会"),
                QStringLiteral("--level"), QStringLiteral("galaxy")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("Unknown organisation level")), qPrintable(r.describe()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM organisation")), 3);
}

void TestServerAdmin::addUserRefusesBadInput()
{
    setUpTree();
    const QString pw = m_folder->filePath(QStringLiteral("pw"));
    const QString shortPw = writeFile(QStringLiteral("short"), "1234567\n");
    auto addUser = [this](const QString& login, const QString& file, const QString& org,
                          const QString& role) {
        return server({QStringLiteral("admin"), QStringLiteral("add-user"), QStringLiteral("--login"), login,
                       QStringLiteral("--password-file"), file, QStringLiteral("--org"), org,
                       QStringLiteral("--role"), role});
    };
    CliRun r = addUser(QStringLiteral("alice"), pw, QStringLiteral("某市总工会"), QStringLiteral("viewer"));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines(), QStringList{QStringLiteral("error: The login \"alice\" is already taken.")});

    r = addUser(QStringLiteral("bob"), pw, QStringLiteral("某市总工会"), QStringLiteral("boss"));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QLatin1String("Unknown role \"boss\"")), qPrintable(r.describe()));

    r = addUser(QStringLiteral("bob"), shortPw, QStringLiteral("某市总工会"), QStringLiteral("viewer"));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines(),
             QStringList{QStringLiteral("error: The password must have at least 8 characters.")});

    r = addUser(QStringLiteral("bob"), m_folder->filePath(QStringLiteral("no-such-file")),
                QStringLiteral("某市总工会"), QStringLiteral("viewer"));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QLatin1String("Cannot read the password file")), qPrintable(r.describe()));

    r = addUser(QStringLiteral("bob"), pw, QStringLiteral("无名"), QStringLiteral("viewer"));
    QCOMPARE(r.exitCode, 1);
    r = addUser(QStringLiteral("bob smith"), pw, QStringLiteral("某市总工会"), QStringLiteral("viewer"));
    QCOMPARE(r.exitCode, 1);

    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM account")), 1);
    // Eight characters, Chinese ones counted as one each, are enough.
    const QString chinesePw = writeFile(QStringLiteral("cn"), "工会工会工会工会");
    r = addUser(QStringLiteral("bob"), chinesePw, QStringLiteral("某市总工会"), QStringLiteral("auditor"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM account")), 2);
}

void TestServerAdmin::storedHashVerifiesAndIsNotThePassword()
{
    setUpTree();
    const QString hash =
        text(QStringLiteral("SELECT password_hash FROM account WHERE login = ?"), QStringLiteral("alice"));
    QVERIFY2(hash.startsWith(QLatin1String("$argon2id$")), qPrintable(hash));
    QVERIFY(!hash.contains(QLatin1String("secret-pass")));
    QVERIFY(PasswordHasher::verify(hash, "secret-pass"));
    QVERIFY(!PasswordHasher::verify(hash, "secret-pass\n")); // the line ending is not part of it
    QVERIFY(!PasswordHasher::verify(hash, "Secret-pass"));
    QVERIFY(!PasswordHasher::verify(QString(), "secret-pass"));
    // Salted: the same password hashes differently each time.
    QString error;
    QVERIFY(PasswordHasher::hash("secret-pass", &error) != PasswordHasher::hash("secret-pass", &error));
    QCOMPARE(text(QStringLiteral("SELECT role FROM account WHERE login = ?"), QStringLiteral("alice")),
             QStringLiteral("clerk"));
    QCOMPARE(scalar(QStringLiteral("SELECT disabled FROM account WHERE login = ?"), QStringLiteral("alice")),
             0);
}

void TestServerAdmin::resetPasswordChangesTheHash()
{
    setUpTree();
    const QString before =
        text(QStringLiteral("SELECT password_hash FROM account WHERE login = ?"), QStringLiteral("alice"));
    const QString newPw = writeFile(QStringLiteral("new"), "another-passphrase\r\nignored second line\n");
    CliRun r = server({QStringLiteral("admin"), QStringLiteral("reset-password"), QStringLiteral("--login"),
                       QStringLiteral("alice"), QStringLiteral("--password-file"), newPw});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString after =
        text(QStringLiteral("SELECT password_hash FROM account WHERE login = ?"), QStringLiteral("alice"));
    QVERIFY(after != before);
    QVERIFY(PasswordHasher::verify(after, "another-passphrase"));
    QVERIFY(!PasswordHasher::verify(after, "secret-pass"));

    r = server({QStringLiteral("admin"), QStringLiteral("reset-password"), QStringLiteral("--login"),
                QStringLiteral("nobody"), QStringLiteral("--password-file"), newPw});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines(), QStringList{QStringLiteral("error: No account \"nobody\" on this server.")});
    const QString shortPw = writeFile(QStringLiteral("short"), "short\n");
    r = server({QStringLiteral("admin"), QStringLiteral("reset-password"), QStringLiteral("--login"),
                QStringLiteral("alice"), QStringLiteral("--password-file"), shortPw});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(
        text(QStringLiteral("SELECT password_hash FROM account WHERE login = ?"), QStringLiteral("alice")),
        after);
}

void TestServerAdmin::disableUserEndsItsSessionsAtOnce()
{
    setUpTree();
    CliRun r = server({QStringLiteral("admin"), QStringLiteral("add-user"), QStringLiteral("--login"),
                       QStringLiteral("carol"), QStringLiteral("--password-file"),
                       m_folder->filePath(QStringLiteral("pw")), QStringLiteral("--org"),
                       QStringLiteral("某市总工会"), QStringLiteral("--role"), QStringLiteral("viewer")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(exec(
        QStringLiteral("INSERT INTO session(token_hash, account_id, created_at, last_used_at, expires_at) "
                       "SELECT 'h1', id, 'a', 'b', 'c' FROM account WHERE login = 'alice'")));
    QVERIFY(exec(
        QStringLiteral("INSERT INTO session(token_hash, account_id, created_at, last_used_at, expires_at) "
                       "SELECT 'h2', id, 'a', 'b', 'c' FROM account WHERE login = 'alice'")));
    QVERIFY(exec(
        QStringLiteral("INSERT INTO session(token_hash, account_id, created_at, last_used_at, expires_at) "
                       "SELECT 'h3', id, 'a', 'b', 'c' FROM account WHERE login = 'carol'")));
    m_inspect.reset(); // SQLite: let the server process write without waiting on our connection

    r = server({QStringLiteral("admin"), QStringLiteral("disable-user"), QStringLiteral("--login"),
                QStringLiteral("alice")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(QLatin1String("2 session(s) ended")), qPrintable(r.describe()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM session WHERE account_id = "
                                   "(SELECT id FROM account WHERE login = 'alice')")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM session")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT disabled FROM account WHERE login = ?"), QStringLiteral("alice")),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT disabled FROM account WHERE login = ?"), QStringLiteral("carol")),
             0);

    r = server({QStringLiteral("admin"), QStringLiteral("disable-user"), QStringLiteral("--login"),
                QStringLiteral("nobody")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
}

void TestServerAdmin::auditChainVerifiesAndShowsTampering()
{
    setUpTree();
    CliRun r = server({QStringLiteral("admin"), QStringLiteral("reset-password"), QStringLiteral("--login"),
                       QStringLiteral("alice"), QStringLiteral("--password-file"),
                       writeFile(QStringLiteral("new"), "third-password\n")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = server({QStringLiteral("admin"), QStringLiteral("disable-user"), QStringLiteral("--login"),
                QStringLiteral("alice")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = server({QStringLiteral("admin"), QStringLiteral("verify-audit")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out, QStringLiteral("ok 5 entries\n"));

    // Neither a password nor its hash is in the log.
    const QString hash =
        text(QStringLiteral("SELECT password_hash FROM account WHERE login = ?"), QStringLiteral("alice"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%secret-pass%' "
                                   "OR detail LIKE '%third-password%' OR detail LIKE '%argon2%'")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE detail = ?"), hash), 0);
    QCOMPARE(text(QStringLiteral("SELECT action FROM audit_log WHERE seq = 3")), QStringLiteral("add-user"));
    QCOMPARE(text(QStringLiteral("SELECT actor FROM audit_log WHERE seq = 3")),
             QStringLiteral("server-admin:tester"));

    QVERIFY(exec(
        QStringLiteral("UPDATE audit_log SET detail = 'login alice, role administrator' WHERE seq = 3")));
    m_inspect.reset();
    r = server({QStringLiteral("admin"), QStringLiteral("verify-audit")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines(),
             QStringList{QStringLiteral(
                 "error: The audit log is broken at entry 3: its content does not match its hash.")});
}

void TestServerAdmin::coreAdminWritesAreAtomicWithTheirAuditEntry()
{
    std::unique_ptr<ServerDatabase> db = openStore();
    QVERIFY(db);
    QString error;
    QVERIFY2(ServerMigrator(*db).migrate(&error), qPrintable(error));
    AccountAdmin admin(*db, QStringLiteral("test"));
    QString rootId;
    QString orgId;
    QString accountId;
    QVERIFY2(admin.init(QStringLiteral("某省总工会"), QStringLiteral("province"), &error, &rootId),
             qPrintable(error));
    QVERIFY(!admin.init(QStringLiteral("again"), QStringLiteral("province"), &error));
    QVERIFY2(
        admin.addOrganisation(QStringLiteral("某市总工会"), rootId, QStringLiteral("city"), &error, &orgId),
        qPrintable(error));
    // Two organisations of one name: a name is then ambiguous, the id is not.
    QVERIFY2(admin.addOrganisation(QStringLiteral("某市总工会"), rootId, QStringLiteral("city"), &error),
             qPrintable(error));
    QVERIFY(!admin.addOrganisation(QStringLiteral("x"), QStringLiteral("某市总工会"), QStringLiteral("base"),
                                   &error));
    QVERIFY2(error.contains(QLatin1String("give the id")), qPrintable(error));
    QVERIFY2(admin.addUser(QStringLiteral("dave"), "long-enough", orgId, QStringLiteral("administrator"),
                           &error, &accountId),
             qPrintable(error));
    QVERIFY(!admin.addUser(QStringLiteral("dave"), "long-enough", orgId, QStringLiteral("viewer"), &error));
    QVERIFY(!admin.addUser(QStringLiteral("erin"), "long-enough", orgId, QStringLiteral("root"), &error));
    QVERIFY(!admin.addUser(QStringLiteral("erin"), "short", orgId, QStringLiteral("viewer"), &error));
    QVERIFY2(admin.resetPassword(QStringLiteral("dave"), "changed-password", &error), qPrintable(error));
    int ended = -1;
    QVERIFY2(admin.disableUser(QStringLiteral("dave"), &error, &ended), qPrintable(error));
    QCOMPARE(ended, 0);

    // Six successful writes, six entries; the refused ones left nothing, not even half.
    const AuditVerification verification = ServerAudit(*db).verify();
    QVERIFY2(verification.ok, qPrintable(verification.reason + verification.error));
    QCOMPARE(verification.entries, 6);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM organisation")), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM account")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM change_seq WHERE id = 1")), 3);

    // A removed entry in the middle is found as well.
    QVERIFY(exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 4")));
    const AuditVerification broken = ServerAudit(*db).verify();
    QVERIFY(!broken.ok);
    QCOMPARE(broken.brokenSeq, 4);

    QByteArray password;
    QVERIFY(
        AccountAdmin::readPasswordFile(writeFile(QStringLiteral("p"), "abc defgh\nxyz"), &password, &error));
    QCOMPARE(password, QByteArray("abc defgh"));
    QVERIFY(AccountAdmin::readPasswordFile(writeFile(QStringLiteral("e"), ""), &password, &error));
    QVERIFY(password.isEmpty());
}

void TestServerAdmin::defaultDatabaseIsInTheDataFolder()
{
    const QString defaultFile =
        m_folder->filePath(QStringLiteral("xdg_data_home/UnionDesk/uniondesk-server/server.sqlite"));
    if (isPostgres()) {
        // The default is an SQLite file; named with --database, PostgreSQL is used and the data
        // folder is left alone.
        const CliRun r =
            server({QStringLiteral("admin"), QStringLiteral("init"), QStringLiteral("--org-name"),
                    QStringLiteral("某市总工会"), QStringLiteral("--level"), QStringLiteral("city")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM organisation")), 1);
        QVERIFY(!QFile::exists(defaultFile));
        return;
    }
    const QProcessEnvironment environment = englishEnvironment(m_folder->path());
    const CliRun r =
        ud::test::runCli({QStringLiteral("admin"), QStringLiteral("init"), QStringLiteral("--org-name"),
                          QStringLiteral("某市总工会"), QStringLiteral("--level"), QStringLiteral("city")},
                         environment, m_folder->path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(QFile::exists(defaultFile));
}

// The push's statements stay prepared on their connection (ReusedQuery): a second use runs the same
// prepared query with its own values, a nested use of the same text gets a query of its own, and
// many distinct statements (updates name the columns they change) still answer.
void TestServerAdmin::reusedQueriesAnswerForTheirOwnValues()
{
    std::unique_ptr<ServerDatabase> db = openStore();
    QVERIFY(db);
    const QString statement = QStringLiteral("SELECT CAST(? AS TEXT)");
    const auto answer = [&](ReusedQuery& reused, const QString& value) -> QString {
        reused.query().bindValue(0, value);
        if (!reused.isPrepared() || !reused.query().exec() || !reused.query().next())
            return QStringLiteral("failed: ") + reused.query().lastError().text();
        return reused.query().value(0).toString();
    };
    const QSqlQuery* first = nullptr;
    {
        ReusedQuery reused(*db, statement);
        first = &reused.query();
        QCOMPARE(answer(reused, QStringLiteral("甲")), QStringLiteral("甲"));
    }
    {
        ReusedQuery again(*db, statement);
        QCOMPARE(&again.query(), first);
        QCOMPARE(answer(again, QStringLiteral("乙")), QStringLiteral("乙"));
        ReusedQuery nested(*db, statement);
        QVERIFY(&nested.query() != first);
        QCOMPARE(answer(nested, QStringLiteral("丙")), QStringLiteral("丙"));
        QCOMPARE(again.query().value(0).toString(), QStringLiteral("乙"));
    }
    for (int i = 0; i < 600; ++i) {
        ReusedQuery distinct(*db, QStringLiteral("SELECT CAST(? AS TEXT) AS c%1").arg(i % 300));
        QCOMPARE(answer(distinct, QString::number(i)), QString::number(i));
    }
    ReusedQuery broken(*db, QStringLiteral("SELECT FROM WHERE"));
    QVERIFY(!broken.isPrepared());
}

QTEST_GUILESS_MAIN(TestServerAdmin)
#include "tst_serveradmin.moc"
