#include "ServerEngineTest.h"

#include "AccountAdmin.h"
#include "ServerMigrator.h"
#include "SyncService.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

namespace ud::test {

using server::AccountAdmin;
using server::ServerDatabase;
using server::SessionAccount;
using server::SyncService;

void ServerEngineTest::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void ServerEngineTest::openDatabase()
{
    QFETCH_GLOBAL(QString, backend);
    m_backend = backend;
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    if (isPostgres()) {
        m_postgres = std::make_unique<TestPostgresDatabase>();
        QVERIFY2(m_postgres->isValid(), qPrintable(m_postgres->error()));
        m_url = m_postgres->url();
    } else {
        m_url = QStringLiteral("sqlite:") + m_folder->filePath(QStringLiteral("server.sqlite"));
    }
    m_db = openStore();
    QVERIFY(m_db);
}

void ServerEngineTest::init()
{
    openDatabase();
    if (QTest::currentTestFailed())
        return;
    QString error;
    QVERIFY2(server::ServerMigrator(*m_db).migrate(&error), qPrintable(error));
    buildTree();
}

void ServerEngineTest::cleanup()
{
    m_db.reset();
    m_postgres.reset();
    m_folder.reset();
    m_org.clear();
    m_path.clear();
}

std::unique_ptr<ServerDatabase> ServerEngineTest::openStore()
{
    QString error;
    std::unique_ptr<ServerDatabase> db = ServerDatabase::open(m_url, &error);
    if (!db)
        qWarning("%s", qPrintable(error));
    return db;
}

void ServerEngineTest::addTree(const char* rootKey, const QString& rootName, const QString& rootLevel,
                               const QList<Branch>& branches)
{
    AccountAdmin admin(*m_db, QStringLiteral("admin"));
    QString error;
    QString id;
    QVERIFY2(admin.init(rootName, rootLevel, &error, &id), qPrintable(error));
    m_org.insert(QLatin1String(rootKey), id);
    for (const Branch& branch : branches) {
        QVERIFY2(admin.addOrganisation(branch.name, m_org.value(QLatin1String(branch.parent)),
                                       QLatin1String(branch.level), &error, &id),
                 qPrintable(error));
        m_org.insert(QLatin1String(branch.key), id);
    }
    QSqlQuery query(m_db->db());
    QVERIFY(query.exec(QStringLiteral("SELECT id, path FROM organisation")));
    QHash<QString, QString> pathById;
    while (query.next())
        pathById.insert(query.value(0).toString(), query.value(1).toString());
    for (auto it = m_org.cbegin(); it != m_org.cend(); ++it)
        m_path.insert(it.key(), pathById.value(it.value()));
}

SessionAccount ServerEngineTest::account(const QString& organisation, const QString& role)
{
    SessionAccount a;
    a.id = newId();
    a.login = role + QLatin1Char('@') + organisation;
    a.organisationId = m_org.value(organisation);
    a.organisationPath = m_path.value(organisation);
    a.role = role;
    return a;
}

QJsonArray ServerEngineTest::push(const SessionAccount& who, const QString& clientId,
                                  const QJsonArray& operations, ServerDatabase* database)
{
    SyncService service(database ? *database : *m_db, who);
    QJsonObject answer;
    QString error;
    const bool ok = service.push(
        QJsonObject{{QStringLiteral("clientId"), clientId}, {QStringLiteral("operations"), operations}},
        &answer, &error);
    if (!ok)
        qWarning("push failed: %s", qPrintable(error));
    return answer.value(QLatin1String("results")).toArray();
}

QJsonObject ServerEngineTest::pushOne(const SessionAccount& who, const QString& clientId,
                                      const QJsonObject& operation)
{
    const QJsonArray results = push(who, clientId, QJsonArray{operation});
    return results.isEmpty() ? QJsonObject() : results.first().toObject();
}

QJsonObject ServerEngineTest::pull(const SessionAccount& who, qint64 cursor, int limit)
{
    SyncService service(*m_db, who);
    QJsonObject answer;
    QString error;
    if (!service.pull(cursor, limit, &answer, &error))
        qWarning("pull failed: %s", qPrintable(error));
    return answer;
}

QList<QJsonObject> ServerEngineTest::pullAll(const SessionAccount& who, qint64* cursor, int limit)
{
    QList<QJsonObject> changes;
    for (int page = 0; page < 10000; ++page) {
        const QJsonObject answer = pull(who, *cursor, limit);
        for (const QJsonValue& change : answer.value(QLatin1String("changes")).toArray())
            changes.append(change.toObject());
        *cursor = answer.value(QLatin1String("cursor")).toInteger();
        if (!answer.value(QLatin1String("more")).toBool())
            break;
    }
    return changes;
}

QVariant ServerEngineTest::firstValue(const QString& statement, const QVariantList& values, bool* ok)
{
    QSqlQuery query(m_db->db());
    query.prepare(statement);
    for (const QVariant& value : values)
        query.addBindValue(value);
    *ok = query.exec() && query.next();
    if (!*ok) {
        qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        return QVariant();
    }
    return query.value(0);
}

qint64 ServerEngineTest::scalar(const QString& statement, const QVariantList& values)
{
    bool ok = false;
    const QVariant value = firstValue(statement, values, &ok);
    return ok ? value.toLongLong() : -1;
}

QString ServerEngineTest::text(const QString& statement, const QVariantList& values)
{
    bool ok = false;
    const QVariant value = firstValue(statement, values, &ok);
    return ok ? value.toString() : QStringLiteral("<none>");
}

QString ServerEngineTest::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject ServerEngineTest::op(const QString& entity, const QString& id, qint64 baseVersion,
                                 const QJsonObject& fields, bool remove)
{
    return QJsonObject{{QStringLiteral("opId"), newId()},  {QStringLiteral("entity"), entity},
                       {QStringLiteral("id"), id},         {QStringLiteral("baseVersion"), baseVersion},
                       {QStringLiteral("fields"), fields}, {QStringLiteral("delete"), remove}};
}

QString ServerEngineTest::statusOf(const QJsonObject& result)
{
    return result.value(QLatin1String("status")).toString();
}

qint64 ServerEngineTest::versionOf(const QJsonObject& result)
{
    return result.value(QLatin1String("version")).toInteger();
}

QJsonObject ServerEngineTest::fieldsOf(const QJsonObject& change)
{
    return change.value(QLatin1String("fields")).toObject();
}

QHash<QString, QJsonObject> ServerEngineTest::latestById(const QList<QJsonObject>& changes)
{
    QHash<QString, QJsonObject> latest;
    for (const QJsonObject& change : changes)
        latest.insert(change.value(QLatin1String("id")).toString(), change);
    return latest;
}

} // namespace ud::test
