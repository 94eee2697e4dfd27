#pragma once

#include "ServerDatabase.h"
#include "SessionAccount.h"
#include "TestPostgres.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTemporaryDir>
#include <QVariant>
#include <QVariantList>

#include <memory>

namespace ud::test {

// The base of the server's engine tests (SyncService and what stands behind it, called in-process):
// each test function runs once on SQLite and once on a fresh PostgreSQL database (global data rows),
// on a migrated server store of its own with the tree the test builds (init), dropped afterwards
// (cleanup). Accounts are given directly as SessionAccount, as the HTTP layer resolves them from
// tokens. The slots are protected, so QtTest runs them as init/cleanup without taking them for test
// functions, and a test may replace init.
class ServerEngineTest : public QObject
{
    Q_OBJECT

protected slots:
    void initTestCase_data();
    void init();
    void cleanup();

protected:
    // One organisation of a test's tree: known as `key`, under the one known as `parent`.
    struct Branch
    {
        const char* key;
        QString name;
        const char* parent;
        const char* level;
    };

    // The organisations of the test, made in init after the migration.
    virtual void buildTree() = 0;
    // The root (`AccountAdmin::init`) and its branches, made as `admin` makes them, with their ids
    // and paths in m_org and m_path.
    void addTree(const char* rootKey, const QString& rootName, const QString& rootLevel,
                 const QList<Branch>& branches);

    bool isPostgres() const { return m_backend == QLatin1String("postgresql"); }
    // The database of the data row, opened but not migrated (init goes on to migrate it).
    void openDatabase();
    // A further connection to the same database; null (with a warning) on failure.
    std::unique_ptr<server::ServerDatabase> openStore();

    // A clerk (or `role`) of the organisation known as `organisation`.
    server::SessionAccount account(const QString& organisation,
                                   const QString& role = QStringLiteral("clerk"));
    // One push's results; a warning when the push is refused as a whole.
    QJsonArray push(const server::SessionAccount& who, const QString& clientId, const QJsonArray& operations,
                    server::ServerDatabase* database = nullptr);
    QJsonObject pushOne(const server::SessionAccount& who, const QString& clientId,
                        const QJsonObject& operation);
    // One page of changes after `cursor`; empty (with a warning) on failure.
    QJsonObject pull(const server::SessionAccount& who, qint64 cursor, int limit = 1000);
    // Every change after `cursor`, in pages of `limit`; `cursor` moves to the end.
    QList<QJsonObject> pullAll(const server::SessionAccount& who, qint64* cursor, int limit = 1000);
    // The first column of the first row of a statement; -1 (with a warning) on error.
    qint64 scalar(const QString& statement, const QVariantList& values = {});
    // The first column of the first row as text; "<none>" (with a warning) on error.
    QString text(const QString& statement, const QVariantList& values = {});

    static QString newId();
    // One operation of a push, as a client queues it.
    static QJsonObject op(const QString& entity, const QString& id, qint64 baseVersion,
                          const QJsonObject& fields, bool remove = false);
    // What a push answered for one operation, and a pulled change's fields.
    static QString statusOf(const QJsonObject& result);
    static qint64 versionOf(const QJsonObject& result);
    static QJsonObject fieldsOf(const QJsonObject& change);
    // The latest change of each record in a list of changes.
    static QHash<QString, QJsonObject> latestById(const QList<QJsonObject>& changes);

    QString m_backend;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<TestPostgresDatabase> m_postgres;
    QString m_url;
    std::unique_ptr<server::ServerDatabase> m_db;
    QHash<QString, QString> m_org;  // key → id
    QHash<QString, QString> m_path; // key → path

private:
    // The first column of the first row of a statement; *ok false (with a warning) on error.
    QVariant firstValue(const QString& statement, const QVariantList& values, bool* ok);
};

} // namespace ud::test
