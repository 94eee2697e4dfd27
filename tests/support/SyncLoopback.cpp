#include "SyncLoopback.h"

#include "TestStore.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

namespace ud::test {

namespace {
const QByteArray Password = "loopback-secret";
} // namespace

SyncLoopback::SyncLoopback(Backend backend, QString serverProgram, QString cliProgram)
    : m_backend(backend)
    , m_serverProgram(std::move(serverProgram))
    , m_cliProgram(std::move(cliProgram))
{
    m_environment = isolatedCliEnvironment(m_folder.path());
    m_environment.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
}

SyncLoopback::~SyncLoopback()
{
    // The servers go before the database they hold open is dropped.
    m_servers.clear();
    if (!m_sqliteConnection.isEmpty()) {
        QSqlDatabase::database(m_sqliteConnection, false).close();
        QSqlDatabase::removeDatabase(m_sqliteConnection);
    }
}

bool SyncLoopback::admin(const QStringList& arguments, QString* id, QString* error)
{
    const CliRun run = CliProcess::run(
        m_serverProgram,
        QStringList{QStringLiteral("--database"), m_databaseUrl, QStringLiteral("admin")} + arguments,
        m_environment, m_folder.path(), 60'000);
    if (run.exitCode != 0) {
        *error = QStringLiteral("admin %1: %2").arg(arguments.join(QLatin1Char(' ')), run.describe());
        return false;
    }
    if (id) {
        static const QRegularExpression uuid(QStringLiteral("\\(([0-9a-f-]{36})\\)"));
        *id = uuid.match(run.out).captured(1);
        if (id->isEmpty()) {
            *error = QStringLiteral("admin %1 printed no id: %2").arg(arguments.first(), run.out);
            return false;
        }
    }
    return true;
}

bool SyncLoopback::setUp(QString* error)
{
    if (!m_folder.isValid()) {
        *error = m_folder.errorString();
        return false;
    }
    if (m_backend == Backend::Postgres) {
        m_postgres = std::make_unique<TestPostgresDatabase>();
        if (!m_postgres->isValid()) {
            *error = m_postgres->error();
            return false;
        }
        m_databaseUrl = m_postgres->url();
    } else {
        m_databaseUrl = QStringLiteral("sqlite:") + m_folder.filePath(QStringLiteral("server.sqlite"));
    }
    const QString passwordFile = m_folder.filePath(QStringLiteral("password"));
    QFile file(passwordFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(Password + '\n') < 0) {
        *error = file.errorString();
        return false;
    }
    file.close();

    QString id;
    if (!admin({QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("某市总工会"),
                QStringLiteral("--level"), QStringLiteral("city")},
               &id, error))
        return false;
    m_orgs.insert(QStringLiteral("city"), id);
    const struct
    {
        const char* key;
        QString name;
        const char* parent;
        const char* level;
    } organisations[] = {
        {"district", QStringLiteral("甲区总工会"), "city", "district"},
        {"a", unionAName(), "district", "base"},
        {"b", unionBName(), "district", "base"},
    };
    for (const auto& o : organisations) {
        if (!admin({QStringLiteral("add-org"), QStringLiteral("--name"), o.name, QStringLiteral("--parent"),
                    m_orgs.value(QLatin1String(o.parent)), QStringLiteral("--level"),
                    QString::fromLatin1(o.level)},
                   &id, error))
            return false;
        m_orgs.insert(QLatin1String(o.key), id);
    }
    for (const auto& [login, org] :
         {std::pair{District, "district"}, std::pair{ClerkA, "a"}, std::pair{ClerkB, "b"}}) {
        const QString organisation = m_orgs.value(QLatin1String(org));
        if (!admin({QStringLiteral("add-user"), QStringLiteral("--login"), login,
                    QStringLiteral("--password-file"), passwordFile, QStringLiteral("--org"), organisation,
                    QStringLiteral("--role"), QStringLiteral("clerk")},
                   nullptr, error))
            return false;
        m_accountOrgs.insert(login, organisation);
    }
    return startServer(0, error);
}

QString SyncLoopback::organisationOf(const QString& login) const
{
    return m_accountOrgs.value(login);
}

bool SyncLoopback::addOrganisation(const QString& key, const QString& name, const QString& parentKey,
                                   const QString& level, QString* error)
{
    QString id;
    if (!admin({QStringLiteral("add-org"), QStringLiteral("--name"), name, QStringLiteral("--parent"),
                m_orgs.value(parentKey), QStringLiteral("--level"), level},
               &id, error))
        return false;
    m_orgs.insert(key, id);
    return true;
}

bool SyncLoopback::addAccount(const QString& login, const QString& organisationKey, QString* error)
{
    const QString organisation = m_orgs.value(organisationKey);
    if (!admin({QStringLiteral("add-user"), QStringLiteral("--login"), login,
                QStringLiteral("--password-file"), m_folder.filePath(QStringLiteral("password")),
                QStringLiteral("--org"), organisation, QStringLiteral("--role"), QStringLiteral("clerk")},
               nullptr, error))
        return false;
    m_accountOrgs.insert(login, organisation);
    return true;
}

ServerProcess& SyncLoopback::server(int i)
{
    while (int(m_servers.size()) <= i)
        m_servers.push_back(std::make_unique<ServerProcess>(m_serverProgram));
    return *m_servers.at(size_t(i));
}

bool SyncLoopback::startServer(int i, QString* error)
{
    ServerProcess& instance = server(i);
    instance.kill();
    return instance.start(m_databaseUrl, m_folder.filePath(QStringLiteral("server-%1.log").arg(i)),
                          m_environment, error);
}

QString SyncLoopback::storePath(const QString& name) const
{
    return m_folder.filePath(name + QStringLiteral(".sqlite"));
}

CliRun SyncLoopback::cli(const QString& store, const QStringList& arguments)
{
    return CliProcess::run(m_cliProgram, QStringList{QStringLiteral("--db"), store} + arguments,
                           m_environment, m_folder.path());
}

QStringList SyncLoopback::syncArguments(const QString& store, const QString& login, const QStringList& extra,
                                        const QString& serverUrl)
{
    return QStringList{QStringLiteral("--db"),
                       store,
                       QStringLiteral("sync"),
                       QStringLiteral("--server"),
                       serverUrl.isEmpty() ? server(0).baseUrl() : serverUrl,
                       QStringLiteral("--user"),
                       login,
                       QStringLiteral("--password-file"),
                       m_folder.filePath(QStringLiteral("password")),
                       QStringLiteral("--json")} +
           extra;
}

CliRun SyncLoopback::sync(const QString& store, const QString& login, const QStringList& extra,
                          const QString& serverUrl)
{
    return CliProcess::run(m_cliProgram, syncArguments(store, login, extra, serverUrl), m_environment,
                           m_folder.path());
}

std::unique_ptr<CliProcess> SyncLoopback::startSync(const QString& store, const QString& login,
                                                    const QStringList& extra, const QString& serverUrl)
{
    auto process = std::make_unique<CliProcess>(m_cliProgram, m_environment, m_folder.path());
    if (!process->start(syncArguments(store, login, extra, serverUrl)))
        return nullptr;
    return process;
}

QString SyncLoopback::addMember(const QString& store, int n, const QString& organisation, QString* error)
{
    const Member m = TestStore::sampleMember(n, QString());
    const CliRun run =
        cli(store, {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--name"), m.name,
                    QStringLiteral("--id-number"), m.idNumber, QStringLiteral("--mobile"), m.mobile,
                    QStringLiteral("--employer"), m.employer, QStringLiteral("--org"), organisation,
                    QStringLiteral("--json")});
    const QString id = run.object().value(QLatin1String("id")).toString();
    if (run.exitCode != 0 || id.isEmpty())
        *error = QStringLiteral("members add %1: %2").arg(n).arg(run.describe());
    return id;
}

bool SyncLoopback::writeRoster(const QString& path, int first, int count, QString* error)
{
    QByteArray text = QStringLiteral("姓名,身份证号码,手机号码\n").toUtf8();
    for (int n = first; n < first + count; ++n) {
        const Member m = TestStore::sampleMember(n, QString());
        text += (m.name + QLatin1Char(',') + m.idNumber + QLatin1Char(',') + m.mobile + QLatin1Char('\n'))
                    .toUtf8();
    }
    QFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(text) == text.size())
        return true;
    *error = file.errorString();
    return false;
}

bool SyncLoopback::removeMember(const QString& store, const QString& memberId, QString* error)
{
    const std::unique_ptr<Database> db = Database::open(store, Database::OpenMode::MustExist, error);
    return db && MemberRepository(*db, OrganisationRepository::rootScope(*db))
                     .remove(memberId, QStringLiteral("test"), error);
}

bool SyncLoopback::moveMember(const QString& store, const QString& memberId, const QString& organisationId,
                              QString* error)
{
    const std::unique_ptr<Database> db = Database::open(store, Database::OpenMode::MustExist, error);
    if (!db)
        return false;
    MemberRepository members(*db, OrganisationRepository::rootScope(*db));
    std::optional<Member> m = members.find(memberId);
    if (!m) {
        *error = QStringLiteral("no member %1 in %2").arg(memberId, store);
        return false;
    }
    m->organisationId = organisationId;
    return members.update(*m, QStringLiteral("test"), error);
}

QString SyncLoopback::Answer::describe() const
{
    return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body.left(400)));
}

SyncLoopback::Answer SyncLoopback::call(const QByteArray& verb, const QString& url, const QByteArray& body,
                                        const QString& token)
{
    QNetworkRequest request{QUrl(url)};
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + token.toLatin1());
    QNetworkReply* reply = m_network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.json = QJsonDocument::fromJson(answer.body).object();
    reply->deleteLater();
    return answer;
}

QString SyncLoopback::signIn(const QString& login, const QString& serverUrl)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("login"), login},
                                  {QStringLiteral("password"), QString::fromUtf8(Password)}})
            .toJson(QJsonDocument::Compact);
    const Answer answer = call(
        "POST", (serverUrl.isEmpty() ? server(0).baseUrl() : serverUrl) + QStringLiteral("/api/v1/session"),
        body);
    if (answer.status != 200)
        qWarning("sign-in of %s: %s", qPrintable(login), qPrintable(answer.describe()));
    return answer.json.value(QLatin1String("token")).toString();
}

QString SyncLoopback::password()
{
    return QString::fromUtf8(Password);
}

QSqlDatabase SyncLoopback::serverDatabase()
{
    if (m_postgres)
        return m_postgres->database();
    if (m_sqliteConnection.isEmpty()) {
        m_sqliteConnection = QStringLiteral("syncloopback_") + QUuid::createUuid().toString(QUuid::Id128);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_sqliteConnection);
        db.setDatabaseName(m_databaseUrl.mid(int(qstrlen("sqlite:"))));
        // The servers write; the test only reads, and must wait rather than fail when they hold a lock.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        db.open();
    }
    return QSqlDatabase::database(m_sqliteConnection);
}

qint64 SyncLoopback::serverCount(const QString& statement)
{
    QSqlQuery query(serverDatabase());
    if (!query.exec(statement) || !query.next()) {
        qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        return -1;
    }
    return query.value(0).toLongLong();
}

bool SyncLoopback::snapshots(const QString& store, const QString& login, SyncSnapshot* client,
                             SyncSnapshot* server, QString* error)
{
    return SyncCompare::readClient(store, client, error) &&
           SyncCompare::readServer(serverDatabase(), organisationOf(login), server, error);
}

QString SyncLoopback::divergence(const QString& store, const QString& login)
{
    SyncSnapshot client;
    SyncSnapshot server;
    QString error;
    if (!snapshots(store, login, &client, &server, &error))
        return error;
    QStringList problems = SyncCompare::differences(client, server);
    if (client.pendingOperations != 0)
        problems.append(QStringLiteral("%1 operations still in the outbox").arg(client.pendingOperations));
    if (!client.danglingReferences.isEmpty())
        problems.append(QStringLiteral("rows refer to records the file does not hold: %1")
                            .arg(client.danglingReferences.join(QLatin1String(", "))));
    if (client.openConflicts != 0)
        problems.append(QStringLiteral("%1 conflicts still open").arg(client.openConflicts));
    if (problems.isEmpty())
        return QString();
    return QStringLiteral("%1 (%2) and the server differ:\n  %3")
        .arg(QDir(m_folder.path()).relativeFilePath(store), login, problems.join(QLatin1String("\n  ")));
}

} // namespace ud::test
