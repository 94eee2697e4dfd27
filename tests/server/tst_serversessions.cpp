// Sessions and member lookups in-process, each against SQLite and a fresh PostgreSQL database:
// SessionService with an injected clock (idle and absolute expiry without sleeping, throttling,
// disabled accounts, the audit trail) and MemberLookup (masking, roles, audit).
#include "AccountAdmin.h"
#include "MemberLookup.h"
#include "ServerDatabase.h"
#include "ServerMigrator.h"
#include "SessionService.h"
#include "TestPostgres.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace ud::server;
using namespace std::chrono_literals;

namespace {
const QByteArray Password = "secret-pass";
const QString IdNumberText = QStringLiteral("11010519491231002X");
} // namespace

class TestServerSessions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void loginGivesARandomTokenStoredOnlyAsItsHash();
    void idleExpirySlidesWithUseAndEnds();
    void absoluteExpiryEndsEvenABusySession();
    void failuresAreThrottledWithDoublingLocks();
    void unknownLoginLooksLikeAWrongPassword();
    void disabledAccountLosesItsSessionsAtOnce();
    void logoutEndsTheSession();
    void malformedTokensAreRefusedWithoutError();
    void namesAreMasked();
    void lookupIsMaskedScopedToWritersAndAudited();

private:
    bool isPostgres() const { return m_backend == QLatin1String("postgresql"); }
    SessionService sessions(SessionPolicy policy = {});
    QString text(const QString& statement, const QVariant& value = {});
    qint64 scalar(const QString& statement, const QVariant& value = {})
    {
        return text(statement, value).toLongLong();
    }
    SessionAccount accountOf(const QString& login);

    QString m_backend;
    QDateTime m_now;
    QString m_rootId;
    QString m_districtId;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<ud::test::TestPostgresDatabase> m_postgres;
    std::unique_ptr<ServerDatabase> m_db;
};

void TestServerSessions::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestServerSessions::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_backend = backend;
    m_now = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
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
    QVERIFY2(admin.init(QStringLiteral("某市总工会"), QStringLiteral("city"), &error, &m_rootId),
             qPrintable(error));
    QVERIFY2(admin.addOrganisation(QStringLiteral("甲区总工会"), m_rootId, QStringLiteral("district"), &error,
                                   &m_districtId),
             qPrintable(error));
    QVERIFY2(admin.addUser(QStringLiteral("alice"), Password, m_districtId, QStringLiteral("clerk"), &error),
             qPrintable(error));
    QVERIFY2(
        admin.addUser(QStringLiteral("victor"), Password, m_districtId, QStringLiteral("viewer"), &error),
        qPrintable(error));
}

void TestServerSessions::cleanup()
{
    m_db.reset();
    m_postgres.reset();
    m_folder.reset();
}

SessionService TestServerSessions::sessions(SessionPolicy policy)
{
    return SessionService(*m_db, policy, [this] { return m_now; });
}

QString TestServerSessions::text(const QString& statement, const QVariant& value)
{
    QSqlQuery query(m_db->db());
    query.prepare(statement);
    if (value.isValid())
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return QStringLiteral("<%1>").arg(query.lastError().text());
    return query.value(0).toString();
}

SessionAccount TestServerSessions::accountOf(const QString& login)
{
    LoginResult result = sessions().login(login, Password);
    return result.account;
}

void TestServerSessions::loginGivesARandomTokenStoredOnlyAsItsHash()
{
    SessionService service = sessions();
    const LoginResult first = service.login(QStringLiteral("alice"), Password, QStringLiteral("127.0.0.1"));
    QCOMPARE(first.status, LoginResult::Status::Ok);
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(first.token).hasMatch(),
             qPrintable(first.token));
    QCOMPARE(QByteArray::fromBase64(first.token.toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);
    // The earlier of the idle (30 min) and the absolute (12 h) expiry.
    QCOMPARE(first.expiresAt, m_now.addSecs(30 * 60));
    QCOMPARE(first.account.login, QStringLiteral("alice"));
    QCOMPARE(first.account.role, QStringLiteral("clerk"));
    QCOMPARE(first.account.organisationId, m_districtId);
    QCOMPARE(first.account.organisationPath, m_rootId + QLatin1Char('/') + m_districtId + QLatin1Char('/'));
    QCOMPARE(first.organisationName, QStringLiteral("甲区总工会"));

    const LoginResult second = service.login(QStringLiteral("alice"), Password);
    QVERIFY(second.token != first.token);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM session")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM session WHERE token_hash = ?"),
                    SessionService::tokenHash(first.token)),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM session WHERE token_hash = ?"), first.token), 0);
    QCOMPARE(SessionService::tokenHash(first.token).size(), 64);

    const SessionAccount account = service.authenticate(first.token);
    QVERIFY(account.isValid());
    QCOMPARE(account.login, QStringLiteral("alice"));
    QVERIFY(account.mayWrite());
    QCOMPARE(text(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'login' ORDER BY seq LIMIT 1")),
             QStringLiteral("session opened from 127.0.0.1"));
}

void TestServerSessions::idleExpirySlidesWithUseAndEnds()
{
    SessionService service = sessions();
    const QString token = service.login(QStringLiteral("alice"), Password).token;
    for (int i = 0; i < 4; ++i) { // two hours in all, never idle for 30 minutes
        m_now = m_now.addSecs(29 * 60);
        QVERIFY2(service.authenticate(token).isValid(), qPrintable(QString::number(i)));
    }
    m_now = m_now.addSecs(30 * 60);
    QString error;
    QVERIFY(!service.authenticate(token, &error).isValid());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM session")), 0);

    // A shorter idle time from the policy.
    SessionPolicy policy;
    policy.idleTimeout = 5min;
    SessionService shortIdle = sessions(policy);
    const LoginResult result = shortIdle.login(QStringLiteral("alice"), Password);
    QCOMPARE(result.expiresAt, m_now.addSecs(5 * 60));
    m_now = m_now.addSecs(5 * 60 - 1);
    QVERIFY(shortIdle.authenticate(result.token).isValid());
    m_now = m_now.addSecs(5 * 60);
    QVERIFY(!shortIdle.authenticate(result.token).isValid());
}

void TestServerSessions::absoluteExpiryEndsEvenABusySession()
{
    SessionService service = sessions();
    const QString token = service.login(QStringLiteral("alice"), Password).token;
    const QDateTime start = m_now;
    while (m_now.secsTo(start.addSecs(12 * 3600)) > 20 * 60) {
        m_now = m_now.addSecs(20 * 60);
        QVERIFY2(service.authenticate(token).isValid(), qPrintable(m_now.toString(Qt::ISODate)));
    }
    m_now = start.addSecs(12 * 3600);
    QVERIFY(!service.authenticate(token).isValid());

    // A policy whose absolute limit comes before the idle one gives that as expiresAt.
    SessionPolicy policy;
    policy.absoluteTimeout = 10min;
    const LoginResult result = sessions(policy).login(QStringLiteral("alice"), Password);
    QCOMPARE(result.expiresAt, m_now.addSecs(10 * 60));
}

void TestServerSessions::failuresAreThrottledWithDoublingLocks()
{
    SessionService service = sessions();
    for (int i = 1; i <= 5; ++i)
        QCOMPARE(service.login(QStringLiteral("alice"), "wrong-pass").status,
                 LoginResult::Status::Unauthorized);
    QCOMPARE(scalar(QStringLiteral("SELECT failed_logins FROM account WHERE login = 'alice'")), 5);

    // Locked for 30 s: even the right password is refused, without checking it.
    LoginResult locked = service.login(QStringLiteral("alice"), Password);
    QCOMPARE(locked.status, LoginResult::Status::Throttled);
    QCOMPARE(locked.retryAfterSeconds, 30);
    QVERIFY(locked.token.isEmpty());
    m_now = m_now.addSecs(10);
    QCOMPARE(service.login(QStringLiteral("alice"), "wrong-pass").retryAfterSeconds, 20);
    // Another account is not affected.
    QCOMPARE(service.login(QStringLiteral("victor"), Password).status, LoginResult::Status::Ok);

    // After the lock, one more failure locks for twice as long.
    m_now = m_now.addSecs(21);
    QCOMPARE(service.login(QStringLiteral("alice"), "wrong-pass").status, LoginResult::Status::Unauthorized);
    locked = service.login(QStringLiteral("alice"), Password);
    QCOMPARE(locked.status, LoginResult::Status::Throttled);
    QCOMPARE(locked.retryAfterSeconds, 60);
    // ... doubling up to 15 minutes.
    for (int i = 0; i < 8; ++i) {
        m_now = m_now.addSecs(16 * 60);
        QCOMPARE(service.login(QStringLiteral("alice"), "wrong-pass").status,
                 LoginResult::Status::Unauthorized);
    }
    QCOMPARE(service.login(QStringLiteral("alice"), Password).retryAfterSeconds, 15 * 60);

    // A success after the lock resets the count.
    m_now = m_now.addSecs(15 * 60);
    QCOMPARE(service.login(QStringLiteral("alice"), Password).status, LoginResult::Status::Ok);
    QCOMPARE(scalar(QStringLiteral("SELECT failed_logins FROM account WHERE login = 'alice'")), 0);
    QCOMPARE(text(QStringLiteral("SELECT COALESCE(locked_until, 'none') FROM account WHERE login = 'alice'")),
             QStringLiteral("none"));
    QCOMPARE(service.login(QStringLiteral("alice"), "wrong-pass").status, LoginResult::Status::Unauthorized);
    QCOMPARE(service.login(QStringLiteral("alice"), Password).status, LoginResult::Status::Ok);

    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login-throttled'")) >= 4);
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login-failed'")) >= 15);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%pass%' AND action <> "
                                   "'login-failed'")),
             0);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%secret%' OR detail LIKE "
                              "'%wrong-pass%'")),
        0);
}

void TestServerSessions::unknownLoginLooksLikeAWrongPassword()
{
    SessionService service = sessions();
    service.login(QStringLiteral("nobody"), "warm-up"); // the decoy hash is made on first use
    auto timed = [&service](const QString& login) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 3; ++i) {
            if (service.login(login, "bad-password").status != LoginResult::Status::Unauthorized)
                return qint64(-1);
        }
        return timer.elapsed();
    };
    const qint64 unknown = timed(QStringLiteral("nobody"));
    const qint64 known = timed(QStringLiteral("victor"));
    QVERIFY(unknown > 0 && known > 0);
    // Both pay for Argon2id; only a large difference would be an oracle.
    QVERIFY2(unknown * 3 > known && known * 3 > unknown,
             qPrintable(QStringLiteral("%1 ms vs %2 ms").arg(unknown).arg(known)));
    // The attempted login is not in the audit log (it may be a mistyped password).
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'anonymous' AND detail = "
                                   "'unknown login'")),
             4);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%nobody%' OR actor = "
                                   "'nobody'")),
             0);
}

void TestServerSessions::disabledAccountLosesItsSessionsAtOnce()
{
    SessionService service = sessions();
    const QString token = service.login(QStringLiteral("alice"), Password).token;
    QVERIFY(service.authenticate(token).isValid());
    QString error;
    QVERIFY2(AccountAdmin(*m_db, QStringLiteral("test")).disableUser(QStringLiteral("alice"), &error),
             qPrintable(error));
    QVERIFY(!service.authenticate(token).isValid());
    QCOMPARE(service.login(QStringLiteral("alice"), Password).status, LoginResult::Status::Unauthorized);
    // Even a session row left behind (say, written by an older server) is refused.
    QSqlQuery insert(m_db->db());
    insert.prepare(QStringLiteral("INSERT INTO session(token_hash, account_id, created_at, last_used_at, "
                                  "expires_at) SELECT ?, id, ?, ?, ? FROM account WHERE login = 'alice'"));
    const QString iso = m_now.toString(Qt::ISODateWithMs);
    for (const QVariant& v : {QVariant(SessionService::tokenHash(token)), QVariant(iso), QVariant(iso),
                              QVariant(m_now.addDays(1).toString(Qt::ISODateWithMs))})
        insert.addBindValue(v);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    QVERIFY(!service.authenticate(token).isValid());
}

void TestServerSessions::logoutEndsTheSession()
{
    SessionService service = sessions();
    const QString token = service.login(QStringLiteral("alice"), Password).token;
    const QString other = service.login(QStringLiteral("alice"), Password).token;
    QString error;
    QVERIFY2(service.logout(token, &error), qPrintable(error));
    QVERIFY(!service.authenticate(token).isValid());
    QVERIFY(service.authenticate(other).isValid());
    QVERIFY(service.logout(token, &error)); // already gone: still fine
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'logout'")), 1);
}

void TestServerSessions::malformedTokensAreRefusedWithoutError()
{
    SessionService service = sessions();
    for (const QString& token : {QString(), QStringLiteral("abc"), QStringLiteral("' OR 1=1 --"),
                                 QString(43, QLatin1Char('A')), QString(44, QLatin1Char('A'))}) {
        QString error;
        QVERIFY(!service.authenticate(token, &error).isValid());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

void TestServerSessions::namesAreMasked()
{
    QCOMPARE(MemberLookup::maskedName(QStringLiteral("张三明")), QStringLiteral("张*明"));
    QCOMPARE(MemberLookup::maskedName(QStringLiteral("李四")), QStringLiteral("李*"));
    QCOMPARE(MemberLookup::maskedName(QStringLiteral("欧阳小明")), QStringLiteral("欧**明"));
    QCOMPARE(MemberLookup::maskedName(QStringLiteral("王")), QStringLiteral("*"));
    QCOMPARE(MemberLookup::maskedName(QString()), QStringLiteral("*"));
    // Characters outside the BMP count as one.
    QCOMPARE(MemberLookup::maskedName(QStringLiteral("刘\U0002A6A5明")), QStringLiteral("刘*明"));
}

void TestServerSessions::lookupIsMaskedScopedToWritersAndAudited()
{
    // The member table is schema v2's; until it lands this test makes the columns it reads.
    if (!m_db->db().tables().contains(QStringLiteral("member"))) {
        QSqlQuery create(m_db->db());
        QVERIFY2(create.exec(
                     QStringLiteral("CREATE TABLE member (id TEXT PRIMARY KEY, organisation_id TEXT NOT "
                                    "NULL, name TEXT NOT NULL, id_number TEXT NOT NULL, join_date TEXT "
                                    "NOT NULL, status TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0)")),
                 qPrintable(create.lastError().text()));
    }
    QString error;
    QString otherDistrict;
    QVERIFY2(AccountAdmin(*m_db, QStringLiteral("test"))
                 .addOrganisation(QStringLiteral("乙区总工会"), m_rootId, QStringLiteral("district"), &error,
                                  &otherDistrict),
             qPrintable(error));
    // Schema v2 adds the sync columns (path, version, updated_at …); fill them when they are there.
    const QSqlRecord columns = m_db->db().record(QStringLiteral("member"));
    QStringList names{QStringLiteral("id"),        QStringLiteral("organisation_id"),
                      QStringLiteral("name"),      QStringLiteral("id_number"),
                      QStringLiteral("join_date"), QStringLiteral("status")};
    QVariantList values{QStringLiteral("m-1"),        otherDistrict,
                        QStringLiteral("张三明"),     IdNumberText,
                        QStringLiteral("2015-06-01"), QStringLiteral("hung")};
    const QString path = text(QStringLiteral("SELECT path FROM organisation WHERE id = ?"), otherDistrict);
    for (const auto& [column, value] :
         {std::pair{QStringLiteral("path"), QVariant(path)},
          std::pair{QStringLiteral("version"), QVariant(1)},
          std::pair{QStringLiteral("updated_at"), QVariant(m_now.toString(Qt::ISODateWithMs))}}) {
        if (columns.contains(column)) {
            names.append(column);
            values.append(value);
        }
    }
    QSqlQuery insert(m_db->db());
    insert.prepare(QStringLiteral("INSERT INTO member(%1) VALUES (%2)")
                       .arg(names.join(QStringLiteral(", ")),
                            QStringList(names.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
    for (const QVariant& value : values)
        insert.addBindValue(value);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

    const SessionAccount alice = accountOf(QStringLiteral("alice"));
    // Found outside alice's own subtree, by the number as clerks type it (lower-case x, spaces).
    MemberLookupResult result = MemberLookup(*m_db, alice).lookup(QStringLiteral("110105 19491231 002x"));
    QCOMPARE(result.status, MemberLookupResult::Status::Found);
    QCOMPARE(result.summary.value(QStringLiteral("name")).toString(), QStringLiteral("张*明"));
    QCOMPARE(result.summary.value(QStringLiteral("organisation")).toString(), QStringLiteral("乙区总工会"));
    QCOMPARE(result.summary.value(QStringLiteral("organisationId")).toString(), otherDistrict);
    QCOMPARE(result.summary.value(QStringLiteral("since")).toString(), QStringLiteral("2015-06-01"));
    QCOMPARE(result.summary.value(QStringLiteral("status")).toString(), QStringLiteral("hung"));
    QVERIFY(!result.summary.contains(QStringLiteral("idNumber")));

    result = MemberLookup(*m_db, alice).lookup(QStringLiteral("110105194912310011"));
    QVERIFY2(result.status == MemberLookupResult::Status::NotFound ||
                 result.status == MemberLookupResult::Status::InvalidIdNumber,
             qPrintable(result.error));
    result = MemberLookup(*m_db, alice).lookup(QStringLiteral("12345"));
    QCOMPARE(result.status, MemberLookupResult::Status::InvalidIdNumber);
    QVERIFY(!result.error.isEmpty());
    result = MemberLookup(*m_db, accountOf(QStringLiteral("victor"))).lookup(IdNumberText);
    QCOMPARE(result.status, MemberLookupResult::Status::NotAllowed);

    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'lookup'")), 2);
    QCOMPARE(
        text(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'lookup' ORDER BY seq LIMIT 1")),
        QStringLiteral("id number 110105********002X, found"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE detail LIKE ?"),
                    QStringLiteral("%19491231%")),
             0);
    // A deleted member is not found.
    QSqlQuery remove(m_db->db());
    QVERIFY(remove.exec(QStringLiteral("UPDATE member SET deleted = 1")));
    QCOMPARE(MemberLookup(*m_db, alice).lookup(IdNumberText).status, MemberLookupResult::Status::NotFound);
}

QTEST_GUILESS_MAIN(TestServerSessions)
#include "tst_serversessions.moc"
