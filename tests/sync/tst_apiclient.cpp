// ApiClient's answers to what a network and a server can do (refuse, stay silent, 401, 429, 5xx,
// nonsense), and one SyncRunner run against a scripted server speaking the API, all on loopback.

#include "SyncFixture.h"
#include "TestStore.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "store/Outbox.h"
#include "sync/ApiClient.h"
#include "sync/SyncMeta.h"
#include "sync/SyncRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <functional>

using namespace ud;
using namespace ud::sync;

namespace {

struct Request
{
    QByteArray method;
    QByteArray path;
    QByteArray authorization;
    QJsonObject body;
};

struct Response
{
    int status = 200;
    QByteArray body;
    QByteArray extraHeaders;
    bool silent = false; // never answer
};

// A few lines of HTTP/1.1 on a QTcpServer: enough to answer ApiClient's requests from a script.
class ScriptedServer : public QObject
{
public:
    explicit ScriptedServer(std::function<Response(const Request&)> script)
        : m_script(std::move(script))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { read(socket); });
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    QList<Request> requests;

private:
    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Request request;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        qsizetype length = 0;
        for (const QByteArray& line : lines) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            if (name == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
            else if (name == "authorization")
                request.authorization = line.mid(colon + 1).trimmed();
        }
        if (buffer.size() < end + 4 + length)
            return;
        request.body = QJsonDocument::fromJson(buffer.mid(end + 4, length)).object();
        buffer.remove(0, end + 4 + length);
        requests.append(request);
        const Response response = m_script(request);
        if (response.silent)
            return;
        socket->write("HTTP/1.1 " + QByteArray::number(response.status) +
                      " X\r\nContent-Type: application/json\r\n" + response.extraHeaders +
                      "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n" +
                      response.body);
    }

    std::function<Response(const Request&)> m_script;
    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

// A ScriptedServer on a thread of its own: it answers while the test's thread is busy or blocked.
class ThreadedServer : public QThread
{
public:
    explicit ThreadedServer(std::function<Response(const Request&)> script)
        : m_script(std::move(script))
    {
        start();
        m_ready.acquire();
    }
    ~ThreadedServer() override
    {
        quit();
        wait();
    }
    QString url() const { return m_url; }

protected:
    void run() override
    {
        ScriptedServer server(m_script);
        m_url = server.url();
        m_ready.release();
        exec();
    }

private:
    std::function<Response(const Request&)> m_script;
    QString m_url;
    QSemaphore m_ready;
};

Response json(const QJsonObject& o, int status = 200)
{
    return Response{status, QJsonDocument(o).toJson(QJsonDocument::Compact), {}, false};
}

const QJsonObject SessionAnswer{
    {QStringLiteral("token"), QStringLiteral("T1")},
    {QStringLiteral("expiresAt"), QStringLiteral("2030-01-01T00:00:00Z")},
    {QStringLiteral("account"), QJsonObject{{QStringLiteral("login"), QStringLiteral("clerk")},
                                            {QStringLiteral("organisation"), QStringLiteral("acct")},
                                            {QStringLiteral("role"), QStringLiteral("clerk")}}}};

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void refusedConnectionNamesTheServer();
    void silentServerTimesOut();
    void httpFailuresAreExplained_data();
    void httpFailuresAreExplained();
    void runnerPushesPullsAndResumes();
    void nextPageIsAskedForWhileAPageIsStored();
};

void TestApiClient::refusedConnectionNamesTheServer()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    ApiClient api(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), 5000);
    Session session;
    ApiError error;
    QVERIFY(!api.login(QStringLiteral("a"), QStringLiteral("b"), &session, &error));
    QCOMPARE(error.kind, ApiError::Kind::Network);
    QVERIFY(error.isTransient());
    QVERIFY2(error.message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("refused")), qPrintable(error.message));
}

void TestApiClient::silentServerTimesOut()
{
    ScriptedServer server([](const Request&) { return Response{200, {}, {}, true}; });
    ApiClient api(QUrl(server.url()), 300);
    Session session;
    ApiError error;
    QVERIFY(!api.login(QStringLiteral("a"), QStringLiteral("b"), &session, &error));
    QCOMPARE(error.kind, ApiError::Kind::Timeout);
    QVERIFY2(error.message.contains(server.url().mid(7)), qPrintable(error.message));
}

void TestApiClient::httpFailuresAreExplained_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("words");
    QTest::newRow("401") << 401 << QByteArray() << QByteArray("{}") << int(ApiError::Kind::Unauthorized)
                         << QStringLiteral("password");
    QTest::newRow("429") << 429 << QByteArray("Retry-After: 17\r\n") << QByteArray("{}")
                         << int(ApiError::Kind::Throttled) << QStringLiteral("17 seconds");
    QTest::newRow("500") << 500 << QByteArray() << QByteArray("oops") << int(ApiError::Kind::Server)
                         << QStringLiteral("HTTP 500");
    QTest::newRow("400") << 400 << QByteArray() << QByteArray(R"({"error":"bad login field"})")
                         << int(ApiError::Kind::Refused) << QStringLiteral("bad login field");
    QTest::newRow("not json") << 200 << QByteArray() << QByteArray("<html>") << int(ApiError::Kind::BadAnswer)
                              << QStringLiteral("not understood");
}

void TestApiClient::httpFailuresAreExplained()
{
    QFETCH(int, status);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, words);
    ScriptedServer server([&](const Request&) { return Response{status, body, headers, false}; });
    ApiClient api(QUrl(server.url()), 5000);
    Session session;
    ApiError error;
    QVERIFY(!api.login(QStringLiteral("a"), QStringLiteral("b"), &session, &error));
    QCOMPARE(int(error.kind), kind);
    QVERIFY2(error.message.contains(words), qPrintable(error.message));
    QVERIFY2(error.message.contains(server.url().mid(7)), qPrintable(error.message));
    if (status == 429)
        QCOMPARE(error.retryAfterSeconds, 17);
}

void TestApiClient::runnerPushesPullsAndResumes()
{
    // The first pull fails with a 503 once (the run retries it), and the first push batch is
    // answered only in part (what is unanswered goes again in the next batch).
    int pulls = 0;
    int pushes = 0;
    QStringList applied;
    const QJsonArray page1{
        ud::test::SyncFixture::organisation(QStringLiteral("acct"), QStringLiteral("top"),
                                            QStringLiteral("top/acct/"), QStringLiteral("测试区总工会"), 1),
        ud::test::SyncFixture::organisation(QStringLiteral("base"), QStringLiteral("acct"),
                                            QStringLiteral("top/acct/base/"), QStringLiteral("甲厂工会"), 2)};
    const QJsonArray page2{ud::test::SyncFixture::member(QStringLiteral("m1"), 1, QStringLiteral("base"), 3)};
    ScriptedServer server([&](const Request& r) {
        if (r.path == "/api/v1/session")
            return r.method == "DELETE" ? Response{204, {}, {}, false} : json(SessionAnswer);
        if (r.authorization != "Bearer T1")
            return json({}, 401);
        if (r.path == "/api/v1/sync/push") {
            ++pushes;
            QJsonArray results;
            const QJsonArray ops = r.body.value(QStringLiteral("operations")).toArray();
            for (qsizetype i = 0; i < ops.size(); ++i) {
                if (pushes == 1 && i == ops.size() - 1)
                    break;
                applied.append(ops.at(i).toObject().value(QStringLiteral("opId")).toString());
                results.append(
                    QJsonObject{{QStringLiteral("opId"), ops.at(i).toObject().value(QStringLiteral("opId"))},
                                {QStringLiteral("status"), QStringLiteral("applied")},
                                {QStringLiteral("version"), 10 + i}});
            }
            return json({{QStringLiteral("results"), results}});
        }
        if (r.path.startsWith("/api/v1/sync/pull")) {
            if (++pulls == 1)
                return json({}, 503);
            if (r.path.contains("cursor=0&"))
                return json({{QStringLiteral("changes"), page1},
                             {QStringLiteral("cursor"), 2},
                             {QStringLiteral("more"), true}});
            return json({{QStringLiteral("changes"), page2},
                         {QStringLiteral("cursor"), 3},
                         {QStringLiteral("more"), false}});
        }
        return json({}, 404);
    });

    QTemporaryDir dir;
    QString error;
    auto store = Database::open(dir.filePath(QStringLiteral("new.sqlite")),
                                Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(store, qPrintable(error));
    // Something to push before the store has even joined: three operations, two per batch.
    for (int i = 0; i < 3; ++i)
        QVERIFY(Outbox(store->connection())
                    .enqueue(QStringLiteral("cadre"), QStringLiteral("c%1").arg(i), 0, {}, false, &error));

    SyncOptions options;
    options.serverUrl = server.url();
    options.login = QStringLiteral("clerk");
    options.password = QStringLiteral("secret");
    options.pushBatch = 2;
    options.backoffMs = 10;
    SyncRunner runner(*store, options);
    QList<SyncProgress::Phase> phases;
    runner.setProgressHandler([&](const SyncProgress& p) { phases.append(p.phase); });
    const SyncReport report = runner.run();
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.pushed, 3);
    QCOMPARE(report.pulled, 3);
    QCOMPARE(report.conflicts, 0);
    QCOMPARE(applied.size(), 3);
    QCOMPARE(Outbox(store->connection()).pendingCount(), 0);
    QVERIFY(phases.contains(SyncProgress::Phase::Waiting));
    QCOMPARE(phases.last(), SyncProgress::Phase::Done);
    QCOMPARE(store->meta(QString::fromLatin1(ud::meta::RootOrganisation)), QStringLiteral("acct"));
    QCOMPARE(store->meta(QString::fromLatin1(sync::meta::Cursor)), QStringLiteral("3"));
    QCOMPARE(store->meta(QString::fromLatin1(sync::meta::AccountRole)), QStringLiteral("clerk"));
    QCOMPARE(store->meta(QString::fromLatin1(sync::meta::LastSyncError)), QString());
    QVERIFY(!store->meta(QString::fromLatin1(sync::meta::LastSyncAt)).isEmpty());
    QVERIFY(OrganisationRepository::rootScope(*store).isValid());
    QCOMPARE(server.requests.last().method, QByteArray("DELETE"));

    // Another account's organisation cannot sync into this file.
    ScriptedServer other([&](const Request&) {
        QJsonObject answer = SessionAnswer;
        answer.insert(QStringLiteral("account"),
                      QJsonObject{{QStringLiteral("login"), QStringLiteral("x")},
                                  {QStringLiteral("organisation"), QStringLiteral("elsewhere")},
                                  {QStringLiteral("role"), QStringLiteral("clerk")}});
        return json(answer);
    });
    options.serverUrl = other.url();
    const SyncReport refused = SyncRunner(*store, options).run();
    QVERIFY(!refused.ok);
    QVERIFY2(refused.error.contains(QStringLiteral("elsewhere")), qPrintable(refused.error));
    QCOMPARE(store->meta(QString::fromLatin1(sync::meta::LastSyncError)), refused.error);
}

// The runner asks for page 2 before page 1 is in the store: the server, on a thread of its own,
// holds the store's write lock from its answer of page 1 until the request for page 2 arrives. A
// runner that asked only after storing page 1 would wait on that lock until its busy timeout, and
// fail. Run with the defaults (no page size given), it asks for 5000 changes a page.
void TestApiClient::nextPageIsAskedForWhileAPageIsStored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    const QJsonArray page1{
        ud::test::SyncFixture::organisation(QStringLiteral("acct"), QStringLiteral("top"),
                                            QStringLiteral("top/acct/"), QStringLiteral("测试区总工会"), 1),
        ud::test::SyncFixture::organisation(QStringLiteral("base"), QStringLiteral("acct"),
                                            QStringLiteral("top/acct/base/"), QStringLiteral("甲厂工会"), 2)};
    const QJsonArray page2{ud::test::SyncFixture::member(QStringLiteral("m1"), 1, QStringLiteral("base"), 3)};
    // Written on the server's thread, read after it has ended.
    QList<QByteArray> pulls;
    bool lockHeldWhenPage2WasAskedFor = false;
    QString lockError;
    {
        const QString connection = QStringLiteral("store-lock");
        ThreadedServer server([&](const Request& r) {
            if (r.path == "/api/v1/session")
                return r.method == "DELETE" ? Response{204, {}, {}, false} : json(SessionAnswer);
            if (!r.path.startsWith("/api/v1/sync/pull"))
                return json({{QStringLiteral("results"), QJsonArray()}});
            pulls.append(r.path);
            if (r.path.contains("cursor=0&")) {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(path);
                if (!db.open() || !QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE")))
                    lockError = QStringLiteral("cannot lock the store");
                return json({{QStringLiteral("changes"), page1},
                             {QStringLiteral("cursor"), 2},
                             {QStringLiteral("more"), true}});
            }
            {
                QSqlDatabase db = QSqlDatabase::database(connection, false);
                lockHeldWhenPage2WasAskedFor = db.isOpen();
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                db.close();
            }
            QSqlDatabase::removeDatabase(connection);
            return json({{QStringLiteral("changes"), page2},
                         {QStringLiteral("cursor"), 3},
                         {QStringLiteral("more"), false}});
        });

        QString error;
        auto store = Database::open(path, Database::OpenMode::CreateIfMissing, &error);
        QVERIFY2(store, qPrintable(error));
        SyncOptions options;
        options.serverUrl = server.url();
        options.login = QStringLiteral("clerk");
        options.password = QStringLiteral("secret");
        const SyncReport report = SyncRunner(*store, options).run();
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.pulled, 3);
        QCOMPARE(store->meta(QString::fromLatin1(sync::meta::Cursor)), QStringLiteral("3"));
    }
    QVERIFY2(lockError.isEmpty(), qPrintable(lockError));
    QCOMPARE(pulls.size(), 2);
    QVERIFY2(pulls.at(0).endsWith("cursor=0&limit=5000"), pulls.at(0).constData());
    QVERIFY2(pulls.at(1).endsWith("cursor=2&limit=5000"), pulls.at(1).constData());
    QVERIFY(lockHeldWhenPage2WasAskedFor);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
