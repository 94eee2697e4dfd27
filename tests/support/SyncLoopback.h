#pragma once

#include "CliProcess.h"
#include "CliRun.h"
#include "ServerProcess.h"
#include "SyncCompare.h"
#include "TestPostgres.h"

#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace ud::test {

// The end-to-end sync world of one test, everything a real program on loopback: a server database
// (an SQLite file, or a fresh PostgreSQL database of its own) set up with `uniondesk-server admin`,
// server instances on it, and the clients' data files driven with `uniondesk-cli`.
//
// The tree: 某市总工会 (city, no account) > 甲区总工会 (district; account "district") > 甲厂工会 and
// 乙厂工会 (base unions; accounts "clerk-a" and "clerk-b"). All accounts are clerks and share one
// password. The programs speak English (their messages are compared).
class SyncLoopback
{
public:
    enum class Backend
    {
        Sqlite,
        Postgres,
    };

    static inline const QString District = QStringLiteral("district");
    static inline const QString ClerkA = QStringLiteral("clerk-a");
    static inline const QString ClerkB = QStringLiteral("clerk-b");

    SyncLoopback(Backend backend, QString serverProgram, QString cliProgram);
    ~SyncLoopback();
    SyncLoopback(const SyncLoopback&) = delete;
    SyncLoopback& operator=(const SyncLoopback&) = delete;

    // The database, its organisations and accounts, and server instance 0; false with the reason.
    bool setUp(QString* error);

    Backend backend() const { return m_backend; }
    QString databaseUrl() const { return m_databaseUrl; }
    QString cityId() const { return m_orgs.value(QStringLiteral("city")); }
    QString districtId() const { return m_orgs.value(QStringLiteral("district")); }
    QString unionAId() const { return m_orgs.value(QStringLiteral("a")); }
    QString unionBId() const { return m_orgs.value(QStringLiteral("b")); }
    static QString unionAName() { return QStringLiteral("甲厂工会"); }
    static QString unionBName() { return QStringLiteral("乙厂工会"); }
    // The organisation an account works for.
    QString organisationOf(const QString& login) const;
    // A test's own branches of the tree: an organisation under the one known as `parentKey`
    // ("city", "district", "a", "b" or a key added before), known afterwards as `key`; and a clerk
    // account of one (same password as the others). Both go through `uniondesk-server admin`.
    bool addOrganisation(const QString& key, const QString& name, const QString& parentKey,
                         const QString& level, QString* error);
    bool addAccount(const QString& login, const QString& organisationKey, QString* error);
    QString organisationId(const QString& key) const { return m_orgs.value(key); }
    // `uniondesk-server --database URL admin ARGUMENTS…`; false with what it printed.
    bool runAdmin(const QStringList& arguments, QString* error) { return admin(arguments, nullptr, error); }

    // Server instance `i` (made on first use); startServer (re)starts it on the same database.
    ServerProcess& server(int i = 0);
    bool startServer(int i, QString* error);
    QString serverUrl(int i = 0) { return server(i).baseUrl(); }

    QString folder() const { return m_folder.path(); }
    // A client data file called `name` in the test's folder.
    QString storePath(const QString& name) const;
    QProcessEnvironment environment() const { return m_environment; }

    // `uniondesk-cli --db STORE ARGUMENTS…`, waiting for it with the event loop turning.
    CliRun cli(const QString& store, const QStringList& arguments);
    // The arguments of `uniondesk-cli --db STORE sync --server URL --user LOGIN … --json EXTRA…`;
    // URL defaults to instance 0.
    QStringList syncArguments(const QString& store, const QString& login, const QStringList& extra = {},
                              const QString& serverUrl = QString());
    CliRun sync(const QString& store, const QString& login, const QStringList& extra = {},
                const QString& serverUrl = QString());
    // The same sync, started and left running.
    std::unique_ptr<CliProcess> startSync(const QString& store, const QString& login,
                                          const QStringList& extra = {},
                                          const QString& serverUrl = QString());

    // TestStore::sampleMember(n) added with `members add` to the organisation named `organisation`:
    // its id, or empty with the reason in *error.
    QString addMember(const QString& store, int n, const QString& organisation, QString* error);
    // A CSV roster (姓名,身份证号码,手机号码) of sampleMember(first) … sampleMember(first + count - 1),
    // for `uniondesk-cli import`.
    bool writeRoster(const QString& path, int first, int count, QString* error);
    // A member deleted, or moved to another organisation, in a data file through MemberRepository,
    // the code the desktop client runs (the CLI has no command for either).
    bool removeMember(const QString& store, const QString& memberId, QString* error);
    bool moveMember(const QString& store, const QString& memberId, const QString& organisationId,
                    QString* error);

    // One call of the HTTP API straight from the test, as a third party would make it.
    struct Answer
    {
        int status = 0; // 0: no HTTP answer
        QByteArray body;
        QJsonObject json;
        QString describe() const;
    };
    Answer call(const QByteArray& verb, const QString& url, const QByteArray& body = {},
                const QString& token = QString());
    // A session token of `login` on instance 0 (or `serverUrl`); empty on failure.
    QString signIn(const QString& login, const QString& serverUrl = QString());
    // The password every account shares, for a client that signs in by itself (the desktop's).
    static QString password();

    // A connection of the test's own to the server's database, for reading.
    QSqlDatabase serverDatabase();
    // The first column of the first row of a statement on the server's database; -1 on error.
    qint64 serverCount(const QString& statement);

    // The client data file and the server's records in the scope of the account `login`.
    bool snapshots(const QString& store, const QString& login, SyncSnapshot* client, SyncSnapshot* server,
                   QString* error);
    // Empty when the data file and the server agree record by record in the account's scope and the
    // file has nothing left to send and no conflict open; else what differs, for QVERIFY2.
    QString divergence(const QString& store, const QString& login);

private:
    bool admin(const QStringList& arguments, QString* id, QString* error);

    Backend m_backend;
    QString m_serverProgram;
    QString m_cliProgram;
    QTemporaryDir m_folder;
    QProcessEnvironment m_environment;
    std::unique_ptr<TestPostgresDatabase> m_postgres;
    QString m_databaseUrl;
    QString m_sqliteConnection;
    QMap<QString, QString> m_orgs;
    QMap<QString, QString> m_accountOrgs;
    std::vector<std::unique_ptr<ServerProcess>> m_servers;
    QNetworkAccessManager m_network;
};

} // namespace ud::test
