// uniondesk-server answering several requests at once (its worker threads, each with a connection
// of its own), against the real program on SQLite and on a fresh PostgreSQL database. What is
// compared is the order in which answers come back, never how long they took: a health check comes
// back while slow logins are still being worked on; a pull is answered while a push waits for a
// lock the test holds on the database; four clients syncing at the same moment through
// `uniondesk-cli` end with every record once, one membership per person and a whole audit chain;
// the server holds a connection a thread, however many requests it answers, and none once stopped.
#include "SyncLoopbackTest.h"
#include "TestStore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <memory>
#include <vector>

using ud::test::CliProcess;
using ud::test::CliRun;
using ud::test::SyncCompare;
using ud::test::SyncLoopback;
using ud::test::SyncSnapshot;

namespace {

// Only a bound for a failing test: answers come back in milliseconds. (A QTRY_ macro that fails
// waits for three times as long, to tell how late the answer was.)
constexpr int AnswerTimeoutMs = 30'000;

// One HTTP/1.1 request on a connection of its own, answered while the test's event loop turns, so
// that many can be under way at once (QNetworkAccessManager sends at most six to one server at a
// time and would queue the rest itself). `answeredAs` numbers the answers in the order they came.
class RawCall
{
public:
    RawCall(quint16 port, const QByteArray& method, const QByteArray& path, const QByteArray& content,
            const QString& token, int* answers)
    {
        QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
        if (!content.isEmpty())
            request += "Content-Type: application/json\r\n";
        request += "Content-Length: " + QByteArray::number(content.size()) + "\r\n\r\n" + content;
        QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket,
                         [this, request] { m_socket.write(request); });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this, answers] {
            m_received += m_socket.readAll();
            if (answeredAs == 0 && parse())
                answeredAs = ++*answers;
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool answered() const { return answeredAs > 0; }
    // Sent whole: the server has every byte of it (or will, from the kernel's buffers).
    bool sent() const
    {
        return m_socket.state() == QAbstractSocket::ConnectedState && m_socket.bytesToWrite() == 0;
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString describe() const
    {
        return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body.left(300)));
    }

    int status = 0;
    QByteArray body;
    int answeredAs = 0; // 0: no whole answer yet

private:
    // True once a whole answer (head and Content-Length bytes of body) is in.
    bool parse()
    {
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_received.left(end).split('\n');
        qsizetype length = 0;
        for (const QByteArray& line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (m_received.size() < end + 4 + length)
            return false;
        status = lines.first().split(' ').value(1).toInt();
        body = m_received.mid(end + 4, length);
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_received;
};

QByteArray loginBody(const QString& login)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("login"), login},
                                     {QStringLiteral("password"), SyncLoopback::password()}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestServerConcurrency : public ud::test::SyncLoopbackTest
{
    Q_OBJECT

private slots:
    void healthIsAnsweredWhileLoginsAreWorkedOn();
    void pullIsAnsweredWhileAPushWaitsForALock();
    void fourClientsSyncAtOnce();
    void connectionsAreOnePerThreadAndCloseWithTheServer();

private:
    // The connections server `pid` holds to the database: its PostgreSQL sessions, or the file
    // handles it has open on the SQLite file (one a connection); -1 when they cannot be counted.
    int serverConnections(qint64 pid);
    // `uniondesk-server admin verify-audit` on the server's database.
    CliRun verifyAudit();
    // Imports sampleMember(first) … sampleMember(first + count - 1) into `organisation` of `store`.
    void importMembers(const QString& store, const QString& organisation, int first, int count);
};

CliRun TestServerConcurrency::verifyAudit()
{
    return CliProcess::run(QStringLiteral(UNIONDESK_SERVER_PATH),
                           {QStringLiteral("--database"), m_world->databaseUrl(), QStringLiteral("admin"),
                            QStringLiteral("verify-audit")},
                           m_world->environment(), m_world->folder(), 60'000);
}

void TestServerConcurrency::importMembers(const QString& store, const QString& organisation, int first,
                                          int count)
{
    const QString roster = m_world->folder() + QStringLiteral("/roster-%1.csv").arg(first);
    QString error;
    QVERIFY2(m_world->writeRoster(roster, first, count, &error), qPrintable(error));
    CLI_OK(imported, m_world->cli(store, {QStringLiteral("import"), roster, QStringLiteral("--org"),
                                          organisation, QStringLiteral("--json")}));
    QCOMPARE(imported.object().value(QLatin1String("imported")).toInt(), count);
}

// Eight logins (each an Argon2 verification of tens of milliseconds) sent at once, and a health
// check sent as soon as the first of them is answered: a server that worked one request at a time
// would answer the health check after all eight.
void TestServerConcurrency::healthIsAnsweredWhileLoginsAreWorkedOn()
{
    const quint16 port = m_world->server().port();
    int answers = 0;
    std::vector<std::unique_ptr<RawCall>> logins;
    for (int i = 0; i < 8; ++i)
        logins.push_back(std::make_unique<RawCall>(port, "POST", "/api/v1/session",
                                                   loginBody(SyncLoopback::District), QString(), &answers));
    QTRY_VERIFY_WITH_TIMEOUT(answers > 0, AnswerTimeoutMs);
    RawCall health(port, "GET", "/api/v1/health", {}, QString(), &answers);
    QTRY_VERIFY_WITH_TIMEOUT(health.answered(), AnswerTimeoutMs);
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
    int loginsBefore = 0;
    for (const auto& login : logins)
        loginsBefore += login->answered() && login->answeredAs < health.answeredAs ? 1 : 0;
    QVERIFY2(loginsBefore < 8, "the health check waited for every login");

    QTRY_VERIFY_WITH_TIMEOUT(answers == 9, AnswerTimeoutMs);
    QSet<QString> tokens;
    for (const auto& login : logins) {
        QVERIFY2(login->status == 200, qPrintable(login->describe()));
        tokens.insert(login->json().value(QStringLiteral("token")).toString());
    }
    QCOMPARE(tokens.size(), 8);
    qInfo("%d of 8 logins were answered before the health check", loginsBefore);
    QCOMPARE(m_world->serverCount(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login'")),
             qint64(8));
    const CliRun audit = verifyAudit();
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.describe()));
}

// The test holds the lock every write takes first (the change sequence's row on PostgreSQL, the
// write lock of SQLite): a push sent then waits for it inside the server; a pull that writes
// nothing, sent after the push, is answered all the same, and the push goes through once the lock
// is let go. A server that worked one request at a time would not answer the pull before the push.
void TestServerConcurrency::pullIsAnsweredWhileAPushWaitsForALock()
{
    SyncLoopback& w = *m_world;
    const QString token = w.signIn(SyncLoopback::ClerkA);
    QVERIFY(!token.isEmpty());
    const qint64 sequence = w.serverCount(QStringLiteral("SELECT value FROM change_seq"));
    QVERIFY(sequence >= 0);

    QSqlDatabase db = w.serverDatabase();
    QSqlQuery lock(db);
    if (isPostgres()) {
        QVERIFY2(lock.exec(QStringLiteral("BEGIN")), qPrintable(lock.lastError().text()));
        QVERIFY2(lock.exec(QStringLiteral("SELECT value FROM change_seq WHERE id = 1 FOR UPDATE")),
                 qPrintable(lock.lastError().text()));
    } else {
        QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(lock.lastError().text()));
    }
    // Let go of on every way out, or the server's push (and the database's removal) would wait for ever.
    auto release = qScopeGuard([&db] { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); });

    const quint16 port = w.server().port();
    int answers = 0;
    const QString memberId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto m = ud::test::TestStore::sampleMember(9001, QString());
    const QJsonObject operation{
        {QStringLiteral("opId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("entity"), QStringLiteral("member")},
        {QStringLiteral("id"), memberId},
        {QStringLiteral("baseVersion"), 0},
        {QStringLiteral("fields"), QJsonObject{{QStringLiteral("organisation"), w.unionAId()},
                                               {QStringLiteral("name"), m.name},
                                               {QStringLiteral("idNumber"), m.idNumber}}},
        {QStringLiteral("delete"), false}};
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("clientId"), QStringLiteral("concurrency")},
                                  {QStringLiteral("operations"), QJsonArray{operation}}})
            .toJson(QJsonDocument::Compact);
    RawCall push(port, "POST", "/api/v1/sync/push", body, token, &answers);
    // The push is with the server before the pull starts to connect: one request at a time, the
    // server would take it first.
    QTRY_VERIFY_WITH_TIMEOUT(push.sent(), AnswerTimeoutMs);
    if (isPostgres()) {
        // And it is inside the server, waiting for the lock. (Within a transaction PostgreSQL shows
        // the same picture of the other sessions until it is told to take a new one.)
        auto waiting = [&w] {
            QSqlQuery(w.serverDatabase()).exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"));
            return w.serverCount(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = "
                                                "current_database() AND wait_event_type = 'Lock'"));
        };
        QTRY_VERIFY_WITH_TIMEOUT(waiting() == 1, AnswerTimeoutMs);
    }
    RawCall pull(port, "GET", "/api/v1/sync/pull?cursor=" + QByteArray::number(sequence), {}, token,
                 &answers);
    QTRY_VERIFY_WITH_TIMEOUT(pull.answered() || push.answered(), AnswerTimeoutMs);
    const bool pullFirst = pull.answered() && !push.answered();
    release.dismiss();
    QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    QVERIFY2(pullFirst, qPrintable(QStringLiteral("push %1, pull %2").arg(push.describe(), pull.describe())));
    QCOMPARE(pull.status, 200);
    QCOMPARE(pull.json().value(QStringLiteral("changes")).toArray().size(), 0);

    QTRY_VERIFY_WITH_TIMEOUT(push.answered(), AnswerTimeoutMs);
    QVERIFY2(push.status == 200, qPrintable(push.describe()));
    const QJsonObject result = push.json().value(QStringLiteral("results")).toArray().first().toObject();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member WHERE id = '%1'").arg(memberId)),
             qint64(1));
    const CliRun audit = verifyAudit();
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.describe()));
}

// Four data files (two of 甲厂工会, one of 乙厂工会, one of the district) push and pull at the same
// moment through `uniondesk-cli sync`; ten people were entered both in 甲厂工会 and in 乙厂工会.
// Every record arrives once, each person holds one membership, the refused copies come back as
// conflicts (one a person), and after the clerks take the server's side every file agrees with the
// server record by record.
void TestServerConcurrency::fourClientsSyncAtOnce()
{
    SyncLoopback& w = *m_world;
    struct Client
    {
        QString store;
        QString login;
    };
    const QList<Client> clients{{w.storePath(QStringLiteral("a1")), SyncLoopback::ClerkA},
                                {w.storePath(QStringLiteral("a2")), SyncLoopback::ClerkA},
                                {w.storePath(QStringLiteral("b1")), SyncLoopback::ClerkB},
                                {w.storePath(QStringLiteral("d1")), SyncLoopback::District}};
    for (const Client& c : clients) {
        CLI_OK(joined, w.sync(c.store, c.login));
    }
    constexpr int each = 120;
    constexpr int shared = 10;
    importMembers(clients.at(0).store, SyncLoopback::unionAName(), 1000, each);
    importMembers(clients.at(1).store, SyncLoopback::unionAName(), 2000, each);
    importMembers(clients.at(1).store, SyncLoopback::unionAName(), 5000, shared);
    importMembers(clients.at(2).store, SyncLoopback::unionBName(), 3000, each);
    importMembers(clients.at(2).store, SyncLoopback::unionBName(), 5000, shared);
    importMembers(clients.at(3).store, QStringLiteral("甲区总工会"), 4000, each);
    if (QTest::currentTestFailed())
        return;

    // All four at once, twice: the second round brings each file what the others pushed.
    qint64 pushedInAll = 0;
    qint64 conflictsInAll = 0;
    for (int round = 0; round < 2; ++round) {
        std::vector<std::unique_ptr<CliProcess>> runs;
        for (const Client& c : clients) {
            runs.push_back(
                w.startSync(c.store, c.login, {QStringLiteral("--page-size"), QStringLiteral("50")}));
            QVERIFY(runs.back());
        }
        for (size_t i = 0; i < runs.size(); ++i) {
            QVERIFY(runs.at(i)->waitForFinished());
            const CliRun run = runs.at(i)->result();
            QVERIFY2(run.exitCode == 0,
                     qPrintable(clients.at(int(i)).store + QLatin1Char(' ') + run.describe()));
            pushedInAll += pushed(run);
            conflictsInAll += conflicts(run);
        }
    }
    // A member and its "joined" event each: 4 × 120 + 2 × 10 people.
    QCOMPARE(pushedInAll, qint64(2 * (4 * each + 2 * shared)));
    QCOMPARE(conflictsInAll, qint64(shared));
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member WHERE deleted = 0")),
             qint64(4 * each + shared));
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(DISTINCT id_number) FROM member WHERE deleted = 0")),
             qint64(4 * each + shared));

    // The refused copies: the clerks take the server's member, and sync once more.
    for (const Client& c : clients.mid(1, 2)) {
        CLI_OK(open, w.cli(c.store,
                           {QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json")}));
        for (const QJsonValue& conflict : open.array()) {
            CLI_OK(settled, w.cli(c.store, {QStringLiteral("conflicts"), QStringLiteral("resolve"),
                                            conflict.toObject().value(QLatin1String("id")).toString(),
                                            QStringLiteral("--keep"), QStringLiteral("theirs")}));
        }
    }
    for (const Client& c : clients) {
        CLI_OK(last, w.sync(c.store, c.login));
        QCOMPARE(conflicts(last), 0);
        const QString divergence = w.divergence(c.store, c.login);
        QVERIFY2(divergence.isEmpty(), qPrintable(c.store + QLatin1Char(' ') + divergence));
    }
    SyncSnapshot district;
    QString error;
    QVERIFY2(SyncCompare::readClient(clients.at(3).store, &district, &error), qPrintable(error));
    QCOMPARE(district.count(QStringLiteral("member")), 4 * each + shared);
    QVERIFY2(district.duplicateIdNumbers().isEmpty(),
             qPrintable(district.duplicateIdNumbers().join(QLatin1Char(' '))));

    const CliRun audit = verifyAudit();
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.describe()));
}

int TestServerConcurrency::serverConnections(qint64 pid)
{
    if (isPostgres()) {
        // The test's own connection is the only other one to this database.
        QSqlQuery(m_world->serverDatabase()).exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"));
        return int(
            m_world->serverCount(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = "
                                                "current_database() AND pid <> pg_backend_pid()")));
    }
    if (pid <= 0)
        return 0;
    const QString file = QFileInfo(m_world->databaseUrl().mid(int(qstrlen("sqlite:")))).canonicalFilePath();
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    if (!fds.exists())
        return -1;
    int count = 0;
    for (const QFileInfo& fd : fds.entryInfoList(QDir::Files | QDir::System | QDir::NoDotAndDotDot))
        count += fd.symLinkTarget() == file ? 1 : 0;
    return count;
}

// A server of three workers, sent twelve pulls and a health check at once, holds at most four
// connections (one a worker, one for the health check's thread), however many requests it has
// answered; when it stops, none is left.
void TestServerConcurrency::connectionsAreOnePerThreadAndCloseWithTheServer()
{
    SyncLoopback& w = *m_world;
    const QString token = w.signIn(SyncLoopback::ClerkA);
    QVERIFY(!token.isEmpty());
    QCOMPARE(w.server(0).stop(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(serverConnections(0), 0, AnswerTimeoutMs);

    ud::test::ServerProcess server(QStringLiteral(UNIONDESK_SERVER_PATH));
    QString error;
    QVERIFY2(server.start({QStringLiteral("--database"), w.databaseUrl(), QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:0"), QStringLiteral("--threads"), QStringLiteral("3")},
                          w.folder() + QStringLiteral("/three.log"), w.environment(), &error),
             qPrintable(error));
    // Started, migrated, listening: it has let go of the connection it migrated with.
    QCOMPARE(serverConnections(server.processId()), 0);
    int answers = 0;
    for (int round = 0; round < 2; ++round) {
        std::vector<std::unique_ptr<RawCall>> calls;
        for (int i = 0; i < 12; ++i)
            calls.push_back(std::make_unique<RawCall>(server.port(), "GET", "/api/v1/sync/pull?cursor=0",
                                                      QByteArray(), token, &answers));
        calls.push_back(std::make_unique<RawCall>(server.port(), "GET", "/api/v1/health", QByteArray(),
                                                  QString(), &answers));
        QTRY_COMPARE_WITH_TIMEOUT(answers, 13 * (round + 1), AnswerTimeoutMs);
        for (const auto& call : calls)
            QVERIFY2(call->status == 200, qPrintable(call->describe()));
        const int open = serverConnections(server.processId());
        QVERIFY2(open >= 2 && open <= 4, qPrintable(QString::number(open)));
    }
    const qint64 pid = server.processId();
    QCOMPARE(server.stop(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(serverConnections(pid), isPostgres() ? 0 : -1, AnswerTimeoutMs);
}

QTEST_GUILESS_MAIN(TestServerConcurrency)
#include "tst_serverconcurrency.moc"
