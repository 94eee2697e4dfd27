#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ud::test {

// The PostgreSQL cluster of the server tests (tests/server/README.md).
//
// scripts/test starts one private cluster for the whole run and passes its URL in
// UNIONDESK_TEST_POSTGRES. A test program started any other way (one test from ctest, a debugger)
// starts a private cluster of its own through scripts/test-postgres the first time it asks, and
// stops it when the program ends (or, should it crash, a watcher does).
class TestPostgres
{
public:
    // postgresql://USER@HOST:PORT/DB of the cluster's own test database; empty, with the reason in
    // `error`, when there is no cluster to be had. A server test fails then, never skips.
    static QString url(QString* error = nullptr);

    // Opens a QPSQL connection called `connectionName` to the database of a postgresql:// URL.
    // An invalid QSqlDatabase (and no connection left registered) on failure, with the reason.
    static QSqlDatabase open(const QString& url, const QString& connectionName, QString* error = nullptr);

    // The same URL naming another database of the same cluster.
    static QString withDatabase(const QString& url, const QString& database);
};

// A fresh, empty database with a unique name for one test, created on construction and dropped
// (with any connection still open to it, e.g. a server process's) on destruction, so tests never
// see each other's data. Declare the QSqlDatabase handles taken from it after it, so they are gone
// before it is.
class TestPostgresDatabase
{
public:
    TestPostgresDatabase();
    ~TestPostgresDatabase();
    TestPostgresDatabase(const TestPostgresDatabase&) = delete;
    TestPostgresDatabase& operator=(const TestPostgresDatabase&) = delete;

    bool isValid() const { return !m_url.isEmpty(); }
    QString error() const { return m_error; }
    // The database's name (ud_test_…) and its URL, e.g. for uniondesk-server --database.
    QString name() const { return m_name; }
    QString url() const { return m_url; }

    // This object's own connection, opened on first use; invalid on failure (see error()).
    QSqlDatabase database();
    // Another connection to the same database (for a second thread, or two "instances").
    QSqlDatabase openConnection();

private:
    QString m_name;
    QString m_url;
    QString m_error;
    QStringList m_connections;
};

} // namespace ud::test
