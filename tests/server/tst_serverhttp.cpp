// The HTTP API of uniondesk-server, against the real program: it is started with
// `--listen 127.0.0.1:0` (the port read from its "listening on" line) on SQLite and on a fresh
// PostgreSQL database, and spoken to with QNetworkAccessManager, over HTTP and over HTTPS with a
// certificate made here with the openssl command.
#include "AccountAdmin.h"
#include "CliRun.h"
#include "ServerDatabase.h"
#include "ServerMigrator.h"
#include "ServerProcess.h"
#include "TestPostgres.h"
#include "domain/IdNumber.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSslCertificate>
#include <QSslError>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace ud::server;

namespace {

const QByteArray Password = "secret-pass";
const QString IdNumberText = QStringLiteral("11010519491231002X");
const QString MemberName = QStringLiteral("张三明");

struct HttpReply
{
    int status = 0; // 0: no HTTP answer (see networkError)
    QByteArray body;
    QJsonObject json;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QString networkError;

    QString error() const { return json.value(QStringLiteral("error")).toString(); }
    QString describe() const
    {
        return QStringLiteral("%1 %2 %3").arg(status).arg(QString::fromUtf8(body.left(300)), networkError);
    }
};

// The server's messages compared here are the English source texts.
QProcessEnvironment englishEnvironment(const QString& folder)
{
    QProcessEnvironment environment = ud::test::isolatedCliEnvironment(folder);
    environment.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
    return environment;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A valid ID number: 17 digits and their check character.
QString validIdNumber(const QString& first17)
{
    return first17 + ud::IdNumber::checkCharacter(first17);
}

QJsonObject memberOperation(const QString& id, qint64 baseVersion, const QJsonObject& fields)
{
    return QJsonObject{
        {QStringLiteral("opId"), newId()},  {QStringLiteral("entity"), QStringLiteral("member")},
        {QStringLiteral("id"), id},         {QStringLiteral("baseVersion"), baseVersion},
        {QStringLiteral("fields"), fields}, {QStringLiteral("delete"), false}};
}

} // namespace

using ud::test::ServerProcess;

class TestServerHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void healthAnswersWithoutAToken();
    void loginGivesAWorkingToken();
    void badCredentialsGetOneAnswer();
    void repeatedFailuresAreThrottled();
    void logoutKillsTheToken();
    void disablingAnAccountKillsItsTokenAtOnce();
    void everyAuthenticatedCallNeedsAValidToken();
    void malformedJsonIsABadRequest();
    void unknownRoutesAndWrongMethods();
    void oversizedBodiesAreRefused();
    void lookupIsMaskedAndLimitedToWriters();
    void syncCallsReachTheSyncService();
    void pushAndPullRoundTrip();
    void accessMatrix();
    void requestLogHoldsNoPersonalData();
    void httpsWithTheGivenCertificate();
    void startupErrorsAreClear();
    void stopsCleanlyOnSigterm();

private:
    bool isPostgres() const { return m_backend == QLatin1String("postgresql"); }
    HttpReply send(const QByteArray& verb, const QString& path, const QByteArray& body = {},
                   const QString& token = {}, const QByteArray& authorization = {});
    HttpReply sendTo(const QString& baseUrl, const QByteArray& verb, const QString& path,
                     const QByteArray& body, const QByteArray& authorization,
                     const QList<QSslError>& expectedSslErrors = {});
    QString login(const QString& who);
    QByteArray loginBody(const QString& who, const QByteArray& password = Password) const;
    QString text(const QString& statement, const QVariant& value = {});
    bool addMember();
    // Pushes one operation and returns its result.
    QJsonObject pushOne(const QString& token, const QJsonObject& operation);
    QStringList pulledIds(const QString& token);

    QString m_backend;
    QString m_url;
    QString m_districtId;
    QString m_otherDistrictId;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<ud::test::TestPostgresDatabase> m_postgres;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<ServerProcess> m_server;
    QNetworkAccessManager m_network;
};

void TestServerHttp::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestServerHttp::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_backend = backend;
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    m_url = QStringLiteral("sqlite:") + m_folder->filePath(QStringLiteral("server.sqlite"));
    if (isPostgres()) {
        m_postgres = std::make_unique<ud::test::TestPostgresDatabase>();
        QVERIFY2(m_postgres->isValid(), qPrintable(m_postgres->error()));
        m_url = m_postgres->url();
    }
    QString error;
    m_db = ServerDatabase::open(m_url, &error);
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
    for (const auto& [login, role] : {std::pair{"root", "administrator"}, std::pair{"alice", "clerk"},
                                      std::pair{"victor", "viewer"}, std::pair{"audrey", "auditor"}}) {
        const QString org = QLatin1String(login) == QLatin1String("root") ? rootId : m_districtId;
        QVERIFY2(admin.addUser(QString::fromLatin1(login), Password, org, QString::fromLatin1(role), &error),
                 qPrintable(error));
    }

    m_server = std::make_unique<ServerProcess>(QStringLiteral(UNIONDESK_CLI_PATH));
    QVERIFY2(m_server->start(m_url, m_folder->filePath(QStringLiteral("server.log")),
                             englishEnvironment(m_folder->path()), &error),
             qPrintable(error));
    QVERIFY(m_server->baseUrl().startsWith(QLatin1String("http://127.0.0.1:")));
    QVERIFY(m_server->port() != 0);
}

void TestServerHttp::cleanup()
{
    m_server.reset();
    m_db.reset();
    m_postgres.reset();
    m_folder.reset();
}

HttpReply TestServerHttp::sendTo(const QString& baseUrl, const QByteArray& verb, const QString& path,
                                 const QByteArray& body, const QByteArray& authorization,
                                 const QList<QSslError>& expectedSslErrors)
{
    QNetworkRequest request(QUrl(baseUrl + path));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!authorization.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), authorization);
    QNetworkReply* reply = m_network.sendCustomRequest(request, verb, body);
    if (!expectedSslErrors.isEmpty())
        reply->ignoreSslErrors(expectedSslErrors);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto& pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);
    if (reply->error() != QNetworkReply::NoError)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

HttpReply TestServerHttp::send(const QByteArray& verb, const QString& path, const QByteArray& body,
                               const QString& token, const QByteArray& authorization)
{
    QByteArray header = authorization;
    if (header.isEmpty() && !token.isEmpty())
        header = QByteArrayLiteral("Bearer ") + token.toLatin1();
    return sendTo(m_server->baseUrl(), verb, path, body, header);
}

QByteArray TestServerHttp::loginBody(const QString& who, const QByteArray& password) const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("login"), who},
                                     {QStringLiteral("password"), QString::fromUtf8(password)}})
        .toJson(QJsonDocument::Compact);
}

QString TestServerHttp::login(const QString& who)
{
    const HttpReply reply = send("POST", QStringLiteral("/api/v1/session"), loginBody(who));
    if (reply.status != 200)
        qWarning("login %s: %s", qPrintable(who), qPrintable(reply.describe()));
    return reply.json.value(QStringLiteral("token")).toString();
}

QString TestServerHttp::text(const QString& statement, const QVariant& value)
{
    QSqlQuery query(m_db->db());
    query.prepare(statement);
    if (value.isValid())
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return QStringLiteral("<%1>").arg(query.lastError().text());
    return query.value(0).toString();
}

// A member of the other district, written straight into the table the lookup reads (schema v2's
// member, whose sync columns are filled when present).
bool TestServerHttp::addMember()
{
    if (!m_db->db().tables().contains(QStringLiteral("member"))) {
        QSqlQuery create(m_db->db());
        if (!create.exec(
                QStringLiteral("CREATE TABLE member (id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL, "
                               "name TEXT NOT NULL, id_number TEXT NOT NULL, join_date TEXT NOT NULL, "
                               "status TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0)")))
            return false;
    }
    const QSqlRecord columns = m_db->db().record(QStringLiteral("member"));
    QStringList names{QStringLiteral("id"),        QStringLiteral("organisation_id"),
                      QStringLiteral("name"),      QStringLiteral("id_number"),
                      QStringLiteral("join_date"), QStringLiteral("status")};
    QVariantList values{QStringLiteral("0b6c1e5e-0000-4000-8000-000000000001"),
                        m_otherDistrictId,
                        MemberName,
                        IdNumberText,
                        QStringLiteral("2015-06-01"),
                        QStringLiteral("active")};
    const QString path =
        text(QStringLiteral("SELECT path FROM organisation WHERE id = ?"), m_otherDistrictId);
    for (const auto& [column, value] :
         {std::pair{QStringLiteral("path"), QVariant(path)},
          std::pair{QStringLiteral("version"), QVariant(1)},
          std::pair{QStringLiteral("updated_at"),
                    QVariant(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))}}) {
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
    if (!insert.exec()) {
        qWarning("%s", qPrintable(insert.lastError().text()));
        return false;
    }
    return true;
}

void TestServerHttp::healthAnswersWithoutAToken()
{
    const HttpReply reply = send("GET", QStringLiteral("/api/v1/health"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(reply.json.value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
    QCOMPARE(reply.json.value(QStringLiteral("version")).toString(), QStringLiteral(UNIONDESK_VERSION));
    QVERIFY2(reply.headers.value("content-type").startsWith("application/json"),
             reply.headers.value("content-type"));
}

void TestServerHttp::loginGivesAWorkingToken()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const HttpReply reply =
        send("POST", QStringLiteral("/api/v1/session"), loginBody(QStringLiteral("alice")));
    QCOMPARE(reply.status, 200);
    const QString token = reply.json.value(QStringLiteral("token")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(token).hasMatch(),
             qPrintable(token));
    const QDateTime expires =
        QDateTime::fromString(reply.json.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
    QVERIFY(expires.isValid());
    const qint64 seconds = before.secsTo(expires);
    QVERIFY2(seconds > 29 * 60 && seconds <= 31 * 60, qPrintable(QString::number(seconds)));
    const QJsonObject account = reply.json.value(QStringLiteral("account")).toObject();
    QCOMPARE(account.value(QStringLiteral("login")).toString(), QStringLiteral("alice"));
    QCOMPARE(account.value(QStringLiteral("organisation")).toString(), QStringLiteral("甲区总工会"));
    QCOMPARE(account.value(QStringLiteral("organisationId")).toString(), m_districtId);
    // The path a data file begun offline takes for its tree when it joins.
    const QString path = account.value(QStringLiteral("organisationPath")).toString();
    QCOMPARE(path, text(QStringLiteral("SELECT path FROM organisation WHERE id = ?"), m_districtId));
    QVERIFY2(path.endsWith(m_districtId + QLatin1Char('/')) && path.count(QLatin1Char('/')) == 2,
             qPrintable(path));
    QCOMPARE(account.value(QStringLiteral("role")).toString(), QStringLiteral("clerk"));

    // The token opens the calls behind the bearer check: a bad ID number is a 400, not a 401.
    const HttpReply lookup = send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=12345"), {}, token);
    QCOMPARE(lookup.status, 400);
    QVERIFY(!lookup.error().isEmpty());
    // The header's scheme is case-insensitive.
    QCOMPARE(send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=12345"), {}, {},
                  QByteArrayLiteral("bearer ") + token.toLatin1())
                 .status,
             400);
    QCOMPARE(text(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login'")),
             QStringLiteral("1"));
}

void TestServerHttp::badCredentialsGetOneAnswer()
{
    const HttpReply wrong =
        send("POST", QStringLiteral("/api/v1/session"), loginBody(QStringLiteral("alice"), "wrong-pass"));
    const HttpReply unknown =
        send("POST", QStringLiteral("/api/v1/session"), loginBody(QStringLiteral("nobody")));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.body, wrong.body);
    QCOMPARE(wrong.error(), QStringLiteral("Wrong login or password."));
    QVERIFY(!wrong.json.contains(QStringLiteral("token")));

    for (const QByteArray& body : {QByteArrayLiteral("{}"), QByteArrayLiteral("{\"login\": \"alice\"}"),
                                   QByteArrayLiteral("{\"login\": 1, \"password\": \"x\"}")}) {
        const HttpReply reply = send("POST", QStringLiteral("/api/v1/session"), body);
        QVERIFY2(reply.status == 400, qPrintable(reply.describe()));
    }
}

void TestServerHttp::repeatedFailuresAreThrottled()
{
    for (int i = 0; i < 5; ++i) {
        const HttpReply reply =
            send("POST", QStringLiteral("/api/v1/session"), loginBody(QStringLiteral("alice"), "wrong-pass"));
        QCOMPARE(reply.status, 401);
    }
    // Now even the right password waits.
    const HttpReply throttled =
        send("POST", QStringLiteral("/api/v1/session"), loginBody(QStringLiteral("alice")));
    QCOMPARE(throttled.status, 429);
    const int retryAfter = throttled.headers.value("retry-after").toInt();
    QVERIFY2(retryAfter > 0 && retryAfter <= 30, throttled.headers.value("retry-after"));
    QVERIFY(throttled.error().contains(QLatin1String("Too many failed logins")));
    QVERIFY(!throttled.json.contains(QStringLiteral("token")));
    // Another account of the same office is not locked out.
    QVERIFY(!login(QStringLiteral("victor")).isEmpty());
    QVERIFY(text(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login-throttled'")).toInt() >=
            1);
}

void TestServerHttp::logoutKillsTheToken()
{
    const QString token = login(QStringLiteral("alice"));
    const QString other = login(QStringLiteral("alice"));
    QVERIFY(!token.isEmpty());
    const HttpReply out = send("DELETE", QStringLiteral("/api/v1/session"), {}, token);
    QCOMPARE(out.status, 204);
    QVERIFY(out.body.isEmpty());
    QCOMPARE(send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=1"), {}, token).status, 401);
    QCOMPARE(send("DELETE", QStringLiteral("/api/v1/session"), {}, token).status, 401);
    QCOMPARE(send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=1"), {}, other).status, 400);
}

void TestServerHttp::disablingAnAccountKillsItsTokenAtOnce()
{
    const QString token = login(QStringLiteral("alice"));
    QCOMPARE(send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=1"), {}, token).status, 400);
    const ud::test::CliRun run =
        ud::test::runCli({QStringLiteral("--database"), m_url, QStringLiteral("admin"),
                          QStringLiteral("disable-user"), QStringLiteral("--login"), QStringLiteral("alice")},
                         englishEnvironment(m_folder->path()), m_folder->path(), 60'000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const HttpReply after = send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=1"), {}, token);
    QCOMPARE(after.status, 401);
    QCOMPARE(send("POST", QStringLiteral("/api/v1/session"), loginBody(QStringLiteral("alice"))).status, 401);
}

void TestServerHttp::everyAuthenticatedCallNeedsAValidToken()
{
    const QString token = login(QStringLiteral("alice"));
    send("DELETE", QStringLiteral("/api/v1/session"), {}, token); // a dead token is as good as none
    const QList<QByteArray> authorizations{
        QByteArray(),
        QByteArrayLiteral("Bearer"),
        QByteArrayLiteral("Bearer garbage"),
        QByteArrayLiteral("Bearer ") + QByteArray(43, 'A'),
        QByteArrayLiteral("Bearer ") + token.toLatin1(),
        QByteArrayLiteral("Basic YWxpY2U6c2VjcmV0LXBhc3M="),
    };
    struct Call
    {
        QByteArray verb;
        QString path;
        QByteArray body;
    };
    const QList<Call> calls{
        {"DELETE", QStringLiteral("/api/v1/session"), {}},
        {"POST", QStringLiteral("/api/v1/sync/push"),
         QByteArrayLiteral("{\"clientId\": \"c\", \"operations\": []}")},
        {"GET", QStringLiteral("/api/v1/sync/pull?cursor=0&limit=10"), {}},
        {"GET", QStringLiteral("/api/v1/members/lookup?idNumber=") + IdNumberText, {}},
    };
    for (const Call& call : calls) {
        for (const QByteArray& authorization : authorizations) {
            const HttpReply reply =
                sendTo(m_server->baseUrl(), call.verb, call.path, call.body, authorization);
            const QString what = QString::fromLatin1(call.verb + ' ') + call.path + QLatin1Char(' ') +
                                 QString::fromLatin1(authorization.left(20));
            QVERIFY2(reply.status == 401, qPrintable(what + QLatin1String(": ") + reply.describe()));
            QCOMPARE(reply.error(), QStringLiteral("A valid session token is needed."));
            QCOMPARE(reply.headers.value("www-authenticate"), QByteArrayLiteral("Bearer"));
        }
    }
}

void TestServerHttp::malformedJsonIsABadRequest()
{
    HttpReply reply =
        send("POST", QStringLiteral("/api/v1/session"), QByteArrayLiteral("{\"login\": \"alice\","));
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.error().startsWith(QLatin1String("Malformed JSON")), qPrintable(reply.describe()));
    reply = send("POST", QStringLiteral("/api/v1/session"), QByteArrayLiteral("[1, 2]"));
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.error(), QStringLiteral("The body must be a JSON object."));

    const QString token = login(QStringLiteral("alice"));
    reply =
        send("POST", QStringLiteral("/api/v1/sync/push"), QByteArrayLiteral("{\"operations\": [}"), token);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.error().startsWith(QLatin1String("Malformed JSON")), qPrintable(reply.describe()));
    reply = send("POST", QStringLiteral("/api/v1/sync/push"), QByteArrayLiteral("\"text\""), token);
    QCOMPARE(reply.status, 400);
    reply = send("GET", QStringLiteral("/api/v1/sync/pull?cursor=abc"), {}, token);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.error(), QStringLiteral("The cursor must be a whole number."));
    reply = send("GET", QStringLiteral("/api/v1/members/lookup"), {}, token);
    QCOMPARE(reply.status, 400);
}

void TestServerHttp::unknownRoutesAndWrongMethods()
{
    for (const QString& path :
         {QStringLiteral("/"), QStringLiteral("/api/v1/nope"), QStringLiteral("/api/v2/health"),
          QStringLiteral("/api/v1/health/"), QStringLiteral("/api/v1/members/11010519491231002X")}) {
        const HttpReply reply = send("GET", path);
        QVERIFY2(reply.status == 404, qPrintable(path + QLatin1Char(' ') + reply.describe()));
        QCOMPARE(reply.error(), QStringLiteral("No such API call."));
    }
    struct Case
    {
        QByteArray verb;
        QString path;
        QByteArray allow;
    };
    for (const Case& c : {Case{"GET", QStringLiteral("/api/v1/session"), "POST, DELETE"},
                          Case{"PUT", QStringLiteral("/api/v1/session"), "POST, DELETE"},
                          Case{"GET", QStringLiteral("/api/v1/sync/push"), "POST"},
                          Case{"POST", QStringLiteral("/api/v1/sync/pull"), "GET"},
                          Case{"DELETE", QStringLiteral("/api/v1/health"), "GET"},
                          Case{"POST", QStringLiteral("/api/v1/members/lookup"), "GET"}}) {
        const HttpReply reply =
            send(c.verb, c.path, c.verb == "GET" ? QByteArray() : QByteArrayLiteral("{}"));
        QVERIFY2(reply.status == 405, qPrintable(c.path + QLatin1Char(' ') + reply.describe()));
        QCOMPARE(reply.headers.value("allow"), c.allow);
        QVERIFY(!reply.error().isEmpty());
    }
}

void TestServerHttp::oversizedBodiesAreRefused()
{
    const QString token = login(QStringLiteral("alice"));
    QByteArray body = QByteArrayLiteral("{\"clientId\": \"");
    body += QByteArray(32 * 1024 * 1024, 'x');
    body += QByteArrayLiteral("\", \"operations\": []}");
    const HttpReply reply = send("POST", QStringLiteral("/api/v1/sync/push"), body, token);
    QCOMPARE(reply.status, 413);
    QVERIFY(!reply.error().isEmpty());
    // The server is still there.
    QCOMPARE(send("GET", QStringLiteral("/api/v1/health")).status, 200);
}

void TestServerHttp::lookupIsMaskedAndLimitedToWriters()
{
    QVERIFY(addMember());
    const QString clerk = login(QStringLiteral("alice"));
    // Found anywhere on the server, by the number as typed (lower-case x, spaces).
    HttpReply reply =
        send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=110105%2019491231%20002x"), {}, clerk);
    QVERIFY2(reply.status == 200, qPrintable(reply.describe()));
    QCOMPARE(reply.json.value(QStringLiteral("name")).toString(), QStringLiteral("张*明"));
    QCOMPARE(reply.json.value(QStringLiteral("organisation")).toString(), QStringLiteral("乙区总工会"));
    QCOMPARE(reply.json.value(QStringLiteral("organisationId")).toString(), m_otherDistrictId);
    QCOMPARE(reply.json.value(QStringLiteral("since")).toString(), QStringLiteral("2015-06-01"));
    QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QVERIFY(!reply.body.contains(IdNumberText.toLatin1()));
    QVERIFY(!reply.body.contains(MemberName.toUtf8()));

    reply = send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=110101199003070011"), {}, clerk);
    QVERIFY2(reply.status == 404 || reply.status == 400, qPrintable(reply.describe()));
    reply = send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=11010519491231002Y"), {}, clerk);
    QCOMPARE(reply.status, 400);
    QVERIFY(!reply.error().isEmpty());

    QVERIFY(!login(QStringLiteral("root")).isEmpty());
    QCOMPARE(send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=") + IdNumberText, {},
                  login(QStringLiteral("root")))
                 .status,
             200);
    // Roles that only read are refused, whatever the number.
    for (const QString& who : {QStringLiteral("victor"), QStringLiteral("audrey")}) {
        reply =
            send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=") + IdNumberText, {}, login(who));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("This account may not look members up."));
    }
    QVERIFY(text(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'lookup'")).toInt() >= 2);
}

void TestServerHttp::syncCallsReachTheSyncService()
{
    const QString token = login(QStringLiteral("alice"));
    HttpReply reply = send("GET", QStringLiteral("/api/v1/sync/pull?cursor=0&limit=10"), {}, token);
    QVERIFY2(reply.status == 200, qPrintable(reply.describe()));
    QVERIFY(reply.json.value(QStringLiteral("changes")).isArray());
    QVERIFY(reply.json.contains(QStringLiteral("more")));
    reply = send("POST", QStringLiteral("/api/v1/sync/push"),
                 QByteArrayLiteral("{\"clientId\": \"test-client\", \"operations\": []}"), token);
    QVERIFY2(reply.status == 200, qPrintable(reply.describe()));
    QVERIFY(reply.json.value(QStringLiteral("results")).isArray());
    reply =
        send("POST", QStringLiteral("/api/v1/sync/push"), QByteArrayLiteral("{\"clientId\": \"c\"}"), token);
    QCOMPARE(reply.status, 400);
    QVERIFY(!reply.error().isEmpty());
}

QJsonObject TestServerHttp::pushOne(const QString& token, const QJsonObject& operation)
{
    const QJsonObject body{{QStringLiteral("clientId"), QStringLiteral("test-client")},
                           {QStringLiteral("operations"), QJsonArray{operation}}};
    const HttpReply reply = send("POST", QStringLiteral("/api/v1/sync/push"),
                                 QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    if (reply.status != 200)
        return QJsonObject{{QStringLiteral("httpStatus"), reply.status}};
    return reply.json.value(QStringLiteral("results")).toArray().first().toObject();
}

QStringList TestServerHttp::pulledIds(const QString& token)
{
    QStringList ids;
    qint64 cursor = 0;
    for (int page = 0; page < 100; ++page) {
        const HttpReply reply =
            send("GET", QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=2").arg(cursor), {}, token);
        if (reply.status != 200) {
            qWarning("pull: %s", qPrintable(reply.describe()));
            return {QStringLiteral("<pull failed>")};
        }
        const QJsonArray changes = reply.json.value(QStringLiteral("changes")).toArray();
        for (const QJsonValue& change : changes)
            ids.append(change.toObject().value(QStringLiteral("id")).toString());
        cursor = reply.json.value(QStringLiteral("cursor")).toInteger();
        if (!reply.json.value(QStringLiteral("more")).toBool())
            break;
    }
    return ids;
}

void TestServerHttp::pushAndPullRoundTrip()
{
    const QString token = login(QStringLiteral("alice"));
    const QString id = newId();
    const QJsonObject fields{{QStringLiteral("organisation"), m_districtId},
                             {QStringLiteral("name"), QStringLiteral("李四")},
                             {QStringLiteral("idNumber"), validIdNumber(QStringLiteral("11010519800101001"))},
                             {QStringLiteral("joinDate"), QStringLiteral("2020-01-01")}};
    const QJsonObject create = memberOperation(id, 0, fields);
    QJsonObject result = pushOne(token, create);
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(result.value(QStringLiteral("opId")).toString(),
             create.value(QStringLiteral("opId")).toString());
    const qint64 version = result.value(QStringLiteral("version")).toInteger();
    QVERIFY(version > 0);
    // The same operation again is applied once.
    result = pushOne(token, create);
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));

    // Another client of the same office pulls it, page by page.
    const QString other = login(QStringLiteral("victor"));
    QVERIFY(pulledIds(other).contains(id));
    result = pushOne(token, memberOperation(id, version, {{QStringLiteral("notes"), QStringLiteral("改")}}));
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    const HttpReply pull = send("GET", QStringLiteral("/api/v1/sync/pull?cursor=%1").arg(version), {}, other);
    QCOMPARE(pull.status, 200);
    const QJsonArray changes = pull.json.value(QStringLiteral("changes")).toArray();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(changes.first()
                 .toObject()
                 .value(QStringLiteral("fields"))
                 .toObject()
                 .value(QStringLiteral("notes"))
                 .toString(),
             QStringLiteral("改"));
}

// Every call x every role x a record inside and one outside the account's subtree. All four
// accounts belong to district A; the outside record lies in district B.
void TestServerHttp::accessMatrix()
{
    QString error;
    QVERIFY2(
        AccountAdmin(*m_db, QStringLiteral("test"))
            .addUser(QStringLiteral("ada"), Password, m_districtId, QStringLiteral("administrator"), &error),
        qPrintable(error));
    // The city administrator creates one member on each side.
    const QString root = login(QStringLiteral("root"));
    const QString insideId = newId();
    const QString outsideId = newId();
    const QString outsideNumber = validIdNumber(QStringLiteral("11010519700101002"));
    QJsonObject result = pushOne(
        root,
        memberOperation(insideId, 0,
                        {{QStringLiteral("organisation"), m_districtId},
                         {QStringLiteral("name"), QStringLiteral("王五")},
                         {QStringLiteral("idNumber"), validIdNumber(QStringLiteral("11010519700101001"))}}));
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    qint64 insideVersion = result.value(QStringLiteral("version")).toInteger();
    result = pushOne(root, memberOperation(outsideId, 0,
                                           {{QStringLiteral("organisation"), m_otherDistrictId},
                                            {QStringLiteral("name"), QStringLiteral("赵六")},
                                            {QStringLiteral("idNumber"), outsideNumber}}));
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    const qint64 outsideVersion = result.value(QStringLiteral("version")).toInteger();

    // What an answer says, without the operation's own id.
    auto outcome = [](QJsonObject answer) {
        answer.remove(QStringLiteral("opId"));
        return QJsonDocument(answer).toJson(QJsonDocument::Compact);
    };
    for (const auto& [who, writes] : {std::pair{"ada", true}, std::pair{"alice", true},
                                      std::pair{"victor", false}, std::pair{"audrey", false}}) {
        const QString login = QString::fromLatin1(who);
        // session POST and health: for everyone.
        const HttpReply session = send("POST", QStringLiteral("/api/v1/session"), loginBody(login));
        QVERIFY2(session.status == 200, who);
        const QString token = session.json.value(QStringLiteral("token")).toString();
        QCOMPARE(send("GET", QStringLiteral("/api/v1/health"), {}, token).status, 200);

        // push, inside: writers change it, readers are rejected and change nothing.
        result = pushOne(token, memberOperation(insideId, insideVersion, {{QStringLiteral("notes"), login}}));
        QCOMPARE(result.value(QStringLiteral("status")).toString(),
                 writes ? QStringLiteral("applied") : QStringLiteral("rejected"));
        if (writes)
            insideVersion = result.value(QStringLiteral("version")).toInteger();
        else
            QVERIFY2(!result.value(QStringLiteral("reason")).toString().isEmpty(), who);

        // push, outside: the same answer as for a record that does not exist.
        const QJsonObject outside =
            pushOne(token, memberOperation(outsideId, outsideVersion, {{QStringLiteral("notes"), login}}));
        const QJsonObject unknown =
            pushOne(token, memberOperation(newId(), outsideVersion, {{QStringLiteral("notes"), login}}));
        QCOMPARE(outside.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QVERIFY2(outcome(outside) == outcome(unknown),
                 qPrintable(QString::fromUtf8(outcome(outside) + " vs " + outcome(unknown))));

        // pull: the inside record, never the outside one.
        const QStringList pulled = pulledIds(token);
        QVERIFY2(pulled.contains(insideId), who);
        QVERIFY2(!pulled.contains(outsideId), who);

        // lookup: a masked summary across the server for writers, 403 for readers.
        const HttpReply lookup =
            send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=") + outsideNumber, {}, token);
        QVERIFY2(lookup.status == (writes ? 200 : 403),
                 qPrintable(login + QLatin1Char(' ') + lookup.describe()));
        if (writes)
            QCOMPARE(lookup.json.value(QStringLiteral("name")).toString(), QStringLiteral("赵*"));

        // session DELETE: for everyone; the token is dead afterwards.
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/session"), {}, token).status, 204);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/sync/pull"), {}, token).status, 401);
    }
    // The outside record is as the administrator of the city left it.
    QCOMPARE(text(QStringLiteral("SELECT notes FROM member WHERE id = ?"), outsideId), QString());
    QCOMPARE(text(QStringLiteral("SELECT notes FROM member WHERE id = ?"), insideId),
             QStringLiteral("alice"));
}

void TestServerHttp::requestLogHoldsNoPersonalData()
{
    QVERIFY(addMember());
    send("POST", QStringLiteral("/api/v1/session"), loginBody(QStringLiteral("alice"), "wrong-pass"));
    const QString token = login(QStringLiteral("alice"));
    QVERIFY(!token.isEmpty());
    QCOMPARE(send("GET", QStringLiteral("/api/v1/members/lookup?idNumber=") + IdNumberText, {}, token).status,
             200);
    send("GET", QStringLiteral("/api/v1/members/") + IdNumberText); // a mistyped path
    send("GET", QStringLiteral("/api/v1/sync/pull?cursor=0"), {}, token);
    const QString accountId = text(QStringLiteral("SELECT id FROM account WHERE login = 'alice'"));
    QCOMPARE(m_server->stop(), 0);

    const QByteArray log = m_server->log();
    int lines = 0;
    bool sawAccount = false;
    bool sawLookup = false;
    for (const QByteArray& line : log.split('\n')) {
        if (!line.startsWith('{'))
            continue;
        ++lines;
        QJsonParseError error;
        const QJsonObject entry = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
        for (const char* key : {"time", "method", "path", "status", "ms"})
            QVERIFY2(entry.contains(QLatin1String(key)), line.constData());
        QVERIFY2(!entry.value(QStringLiteral("path")).toString().contains(QLatin1Char('?')),
                 line.constData());
        sawAccount = sawAccount || entry.value(QStringLiteral("account")).toString() == accountId;
        sawLookup = sawLookup || (entry.value(QStringLiteral("path")).toString() ==
                                      QLatin1String("/api/v1/members/lookup") &&
                                  entry.value(QStringLiteral("status")).toInt() == 200);
    }
    QCOMPARE(lines, 5);
    QVERIFY(sawAccount);
    QVERIFY(sawLookup);
    for (const QByteArray& secret :
         {QByteArray(Password), QByteArrayLiteral("wrong-pass"), token.toLatin1(), IdNumberText.toLatin1(),
          QByteArrayLiteral("19491231"), MemberName.toUtf8(), QByteArrayLiteral("张*明"),
          QByteArrayLiteral("alice")})
        QVERIFY2(!log.contains(secret),
                 qPrintable(QString::fromUtf8(secret) + QLatin1String(" in: ") + QString::fromUtf8(log)));
}

void TestServerHttp::httpsWithTheGivenCertificate()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QVERIFY2(!openssl.isEmpty(), "the openssl command is needed (scripts/setup installs it)");
    const QString cert = m_folder->filePath(QStringLiteral("cert.pem"));
    const QString key = m_folder->filePath(QStringLiteral("key.pem"));
    QProcess make;
    make.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                         QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                         QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                         QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY(make.waitForFinished(60'000));
    QVERIFY2(make.exitCode() == 0, make.readAllStandardError().constData());

    ServerProcess tls(QStringLiteral(UNIONDESK_CLI_PATH));
    QString error;
    // With one worker thread: the smallest pool serves as well.
    QVERIFY2(tls.start({QStringLiteral("--database"), m_url, QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"), cert,
                        QStringLiteral("--tls-key"), key, QStringLiteral("--threads"), QStringLiteral("1")},
                       m_folder->filePath(QStringLiteral("tls.log")), englishEnvironment(m_folder->path()),
                       &error),
             qPrintable(error));
    QVERIFY2(tls.baseUrl().startsWith(QLatin1String("https://127.0.0.1:")), qPrintable(tls.baseUrl()));

    QFile certFile(cert);
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(&certFile, QSsl::Pem);
    QVERIFY(!certificate.isNull());
    // Only this certificate's one fault (nobody signed it) is forgiven.
    const QList<QSslError> expected{QSslError(QSslError::SelfSignedCertificate, certificate)};
    HttpReply reply = sendTo(tls.baseUrl(), "GET", QStringLiteral("/api/v1/health"), {}, {}, expected);
    QVERIFY2(reply.status == 200, qPrintable(reply.describe()));
    QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    reply = sendTo(tls.baseUrl(), "POST", QStringLiteral("/api/v1/session"),
                   loginBody(QStringLiteral("alice")), {}, expected);
    QVERIFY2(reply.status == 200, qPrintable(reply.describe()));

    // Without forgiving it, a new connection is refused.
    m_network.clearConnectionCache();
    reply = sendTo(tls.baseUrl(), "GET", QStringLiteral("/api/v1/health"), {}, {});
    QCOMPARE(reply.status, 0);
    QVERIFY(!reply.networkError.isEmpty());
    // Plain HTTP to the TLS port gets no answer.
    QString plain = tls.baseUrl();
    plain.replace(QLatin1String("https://"), QLatin1String("http://"));
    reply = sendTo(plain, "GET", QStringLiteral("/api/v1/health"), {}, {});
    QVERIFY2(reply.status != 200, qPrintable(reply.describe()));
    QCOMPARE(tls.stop(), 0);
}

void TestServerHttp::startupErrorsAreClear()
{
    const QString badCert = m_folder->filePath(QStringLiteral("bad.pem"));
    {
        QFile file(badCert);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
    }
    struct Case
    {
        QStringList arguments;
        int exitCode;
        QString message;
    };
    const QString busy = QStringLiteral("127.0.0.1:%1").arg(m_server->port());
    const QList<Case> cases{
        {{QStringLiteral("--listen"), busy}, 1, QStringLiteral("Cannot listen on 127.0.0.1:")},
        {{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"), badCert,
          QStringLiteral("--tls-key"), badCert},
         1,
         QStringLiteral("holds no PEM certificate")},
        {{QStringLiteral("--tls-cert"), badCert}, 2, QStringLiteral("--tls-cert and --tls-key go together")},
        {{QStringLiteral("--listen"), QStringLiteral("somewhere")},
         2,
         QStringLiteral("--listen needs HOST:PORT")},
        {{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")},
         2,
         QStringLiteral("a port from 0 to 65535")},
        {{QStringLiteral("--listen"), QStringLiteral("example.org:80")}, 2, QStringLiteral("an IP address")},
        {{QStringLiteral("serve"), QStringLiteral("now")}, 2, QStringLiteral("unknown command")},
        {{QStringLiteral("--threads"), QStringLiteral("0")},
         2,
         QStringLiteral("--threads needs a whole number")},
        {{QStringLiteral("--threads"), QStringLiteral("many")},
         2,
         QStringLiteral("--threads needs a whole number from 1 to 256")},
    };
    for (const Case& c : cases) {
        const ud::test::CliRun run =
            ud::test::runCli(QStringList{QStringLiteral("--database"), m_url} + c.arguments,
                             englishEnvironment(m_folder->path()), m_folder->path(), 60'000);
        QVERIFY2(run.exitCode == c.exitCode, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(c.message), qPrintable(run.describe()));
        QVERIFY2(!run.out.contains(QLatin1String("listening on")), qPrintable(run.describe()));
    }
    const ud::test::CliRun noDatabase =
        ud::test::runCli({QStringLiteral("--database"), QStringLiteral("postgresql://u@127.0.0.1:1/db"),
                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")},
                         englishEnvironment(m_folder->path()), m_folder->path(), 60'000);
    QCOMPARE(noDatabase.exitCode, 1);
    QVERIFY2(noDatabase.err.contains(QLatin1String("Cannot connect to PostgreSQL")),
             qPrintable(noDatabase.describe()));
    const ud::test::CliRun help =
        ud::test::runCli({QStringLiteral("--help")}, englishEnvironment(m_folder->path()), m_folder->path());
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QLatin1String("--listen HOST:PORT")));
    QVERIFY(help.out.contains(QLatin1String("--tls-cert FILE")));
}

void TestServerHttp::stopsCleanlyOnSigterm()
{
    QCOMPARE(send("GET", QStringLiteral("/api/v1/health")).status, 200);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(m_server->stop(), 0);
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
    // The port is free again.
    QTcpServer probe;
    QVERIFY2(probe.listen(QHostAddress::LocalHost, m_server->port()), qPrintable(probe.errorString()));
}

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_serverhttp.moc"
