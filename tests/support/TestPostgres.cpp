#include "TestPostgres.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <atomic>

#ifndef UD_TEST_POSTGRES_SCRIPT
#error "UD_TEST_POSTGRES_SCRIPT must name scripts/test-postgres"
#endif

namespace ud::test {

namespace {

// A cluster this process started itself, when UNIONDESK_TEST_POSTGRES was not given.
struct PrivateCluster
{
    QString url;
    QString error;
    QString statePath;
};

QProcessEnvironment scriptEnvironment(const QString& statePath)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("UNIONDESK_PG_STATE"), statePath);
    env.insert(QStringLiteral("UNIONDESK_PG_WATCH_PID"), QString::number(QCoreApplication::applicationPid()));
    return env;
}

// Runs scripts/test-postgres COMMAND; false with the reason when it fails.
bool runScript(const QString& command, const QString& statePath, QString* out, QString* error)
{
    QProcess process;
    process.setProcessEnvironment(scriptEnvironment(statePath));
    process.start(QStringLiteral("bash"), {QStringLiteral(UD_TEST_POSTGRES_SCRIPT), command});
    if (!process.waitForStarted(30'000) || !process.waitForFinished(180'000)) {
        process.kill();
        process.waitForFinished(5'000);
        *error =
            QStringLiteral("scripts/test-postgres %1 did not run: %2").arg(command, process.errorString());
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("scripts/test-postgres %1 failed: %2")
                     .arg(command, QString::fromUtf8(process.readAllStandardError()).trimmed());
        return false;
    }
    *out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return true;
}

PrivateCluster* g_cluster = nullptr;

void stopPrivateCluster()
{
    if (g_cluster == nullptr || g_cluster->url.isEmpty())
        return;
    QString out;
    QString error;
    if (!runScript(QStringLiteral("stop"), g_cluster->statePath, &out, &error))
        qWarning("%s", qPrintable(error));
    g_cluster->url.clear();
}

const PrivateCluster& privateCluster()
{
    static PrivateCluster cluster = [] {
        PrivateCluster c;
        c.statePath = QDir(QDir::tempPath())
                          .filePath(QStringLiteral("uniondesk-pg-test-%1-%2.state")
                                        .arg(QCoreApplication::applicationPid())
                                        .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)));
        QString out;
        if (!runScript(QStringLiteral("start"), c.statePath, &out, &c.error) ||
            !runScript(QStringLiteral("url"), c.statePath, &c.url, &c.error)) {
            c.url.clear();
            QString ignored;
            runScript(QStringLiteral("stop"), c.statePath, &out, &ignored); // the lock file, at least
        }
        return c;
    }();
    if (g_cluster == nullptr) {
        g_cluster = &cluster;
        // Stopped when the QCoreApplication goes; scripts/test-postgres's watcher stops it should
        // the program end any other way.
        qAddPostRoutine(stopPrivateCluster);
    }
    return cluster;
}

// Runs one statement on the cluster's own test database (not one of the per-test ones).
bool runAdmin(const QString& statement, QString* error)
{
    static std::atomic<int> counter{0};
    const QString base = TestPostgres::url(error);
    if (base.isEmpty())
        return false;
    const QString connection = QStringLiteral("ud_test_admin_%1").arg(counter++);
    bool ok = false;
    {
        QSqlDatabase db = TestPostgres::open(base, connection, error);
        if (db.isValid()) {
            QSqlQuery query(db);
            ok = query.exec(statement);
            if (!ok)
                *error = QStringLiteral("%1: %2").arg(statement, query.lastError().text());
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QString quotedIdentifier(const QString& name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString TestPostgres::url(QString* error)
{
    const QString given = qEnvironmentVariable("UNIONDESK_TEST_POSTGRES").trimmed();
    if (!given.isEmpty())
        return given;
    const PrivateCluster& cluster = privateCluster();
    if (cluster.url.isEmpty() && error != nullptr)
        *error =
            QStringLiteral("UNIONDESK_TEST_POSTGRES is not set and no private cluster could be started: %1")
                .arg(cluster.error);
    return cluster.url;
}

QSqlDatabase TestPostgres::open(const QString& url, const QString& connectionName, QString* error)
{
    const QUrl parsed(url);
    QString reason;
    if (!parsed.isValid() ||
        (parsed.scheme() != QLatin1String("postgresql") && parsed.scheme() != QLatin1String("postgres")) ||
        parsed.host().isEmpty() || parsed.path().size() < 2) {
        reason = QStringLiteral("not a postgresql://USER@HOST:PORT/DATABASE URL: %1").arg(url);
    } else if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        reason = QStringLiteral("the QPSQL driver is missing (Debian: libqt6sql6-psql)");
    } else {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(parsed.host());
        db.setPort(parsed.port(5432));
        db.setUserName(parsed.userName());
        db.setPassword(parsed.password());
        db.setDatabaseName(parsed.path().mid(1));
        if (db.open())
            return db;
        reason = QStringLiteral("cannot connect to %1: %2").arg(url, db.lastError().text());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
    }
    if (error != nullptr)
        *error = reason;
    return {};
}

QString TestPostgres::withDatabase(const QString& url, const QString& database)
{
    QUrl parsed(url);
    parsed.setPath(QLatin1Char('/') + database);
    return parsed.toString();
}

TestPostgresDatabase::TestPostgresDatabase()
{
    const QString name = QStringLiteral("ud_test_%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    if (!runAdmin(QStringLiteral("CREATE DATABASE %1").arg(quotedIdentifier(name)), &m_error))
        return;
    m_name = name;
    m_url = TestPostgres::withDatabase(TestPostgres::url(), name);
}

TestPostgresDatabase::~TestPostgresDatabase()
{
    for (const QString& connection : std::as_const(m_connections)) {
        QSqlDatabase::database(connection, false).close();
        QSqlDatabase::removeDatabase(connection);
    }
    if (m_name.isEmpty())
        return;
    QString error;
    // WITH (FORCE): also ends connections a test left open, a server process's for instance.
    if (!runAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quotedIdentifier(m_name)),
                  &error))
        qWarning("TestPostgresDatabase: %s", qPrintable(error));
}

QSqlDatabase TestPostgresDatabase::database()
{
    if (!isValid())
        return {};
    if (!m_connections.isEmpty())
        return QSqlDatabase::database(m_connections.constFirst());
    return openConnection();
}

QSqlDatabase TestPostgresDatabase::openConnection()
{
    if (!isValid())
        return {};
    const QString connection = QStringLiteral("%1_%2").arg(m_name).arg(m_connections.size());
    QSqlDatabase db = TestPostgres::open(m_url, connection, &m_error);
    if (db.isValid())
        m_connections.append(connection);
    return db;
}

} // namespace ud::test
