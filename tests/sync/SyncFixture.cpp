#include "SyncFixture.h"

#include "TestStore.h"
#include "store/Sql.h"
#include "sync/RemoteChangeApplier.h"

#include <QSqlQuery>

namespace ud::test {

SyncFixture::SyncFixture()
{
    QString error;
    m_store = Database::open(m_dir.filePath(QStringLiteral("joined.sqlite")),
                             Database::OpenMode::CreateIfMissing, &error);
    if (m_store)
        m_store->setMeta(QString::fromLatin1(ud::meta::RootOrganisation), QString::fromLatin1(Root));
}

QJsonObject SyncFixture::organisation(const QString& id, const QString& parent, const QString& path,
                                      const QString& name, qint64 version)
{
    return change(QStringLiteral("organisation"), id, version,
                  QJsonObject{{QStringLiteral("parent"), parent},
                              {QStringLiteral("path"), path},
                              {QStringLiteral("level"), QStringLiteral("base")},
                              {QStringLiteral("kind"), QStringLiteral("enterprise")},
                              {QStringLiteral("name"), name},
                              {QStringLiteral("creditCode"), QString()},
                              {QStringLiteral("headcount"), 12},
                              {QStringLiteral("status"), QStringLiteral("active")}});
}

QJsonObject SyncFixture::member(const QString& id, int n, const QString& organisationId, qint64 version)
{
    Member m = TestStore::sampleMember(n, organisationId);
    m.gender = TestStore::sampleIsFemale(n) ? QStringLiteral("female") : QStringLiteral("male");
    m.birthDate = TestStore::sampleBirthDate(n).toString(Qt::ISODate);
    return change(QStringLiteral("member"), id, version, m.toFields());
}

QJsonObject SyncFixture::change(const QString& entity, const QString& id, qint64 version,
                                const QJsonObject& fields)
{
    return QJsonObject{{QStringLiteral("entity"), entity},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("deleted"), false},
                       {QStringLiteral("updatedAt"), QStringLiteral("2026-11-27T10:00:00.000Z")},
                       {QStringLiteral("updatedBy"), QStringLiteral("server-clerk")},
                       {QStringLiteral("fields"), fields}};
}

QJsonObject SyncFixture::tombstone(const QString& entity, const QString& id, qint64 version)
{
    QJsonObject o = change(entity, id, version, {});
    o.insert(QStringLiteral("deleted"), true);
    return o;
}

QJsonObject SyncFixture::gone(const QString& entity, const QString& id, qint64 version)
{
    return QJsonObject{{QStringLiteral("entity"), entity},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("gone"), true},
                       {QStringLiteral("version"), version}};
}

sync::PullPage SyncFixture::page(const QList<QJsonObject>& changes, qint64 cursor, bool more)
{
    QJsonArray array;
    for (const QJsonObject& c : changes)
        array.append(c);
    sync::PullPage p;
    QString error;
    sync::PullPage::fromJson(QJsonObject{{QStringLiteral("changes"), array},
                                         {QStringLiteral("cursor"), cursor},
                                         {QStringLiteral("more"), more}},
                             &p, &error);
    return p;
}

bool SyncFixture::apply(const sync::PullPage& p, QString* error, qint64* applied)
{
    qint64 count = 0;
    QString reason;
    const bool ok = sync::RemoteChangeApplier(*m_store).apply(p, &count, &reason);
    if (error)
        *error = reason;
    if (applied)
        *applied = count;
    return ok;
}

bool SyncFixture::seed(int members)
{
    const QString root = QString::fromLatin1(Root);
    const QString base = QString::fromLatin1(Base);
    QList<QJsonObject> changes{
        organisation(root, QStringLiteral("top"), QStringLiteral("top/acct/"), QStringLiteral("测试区总工会"),
                     1),
        organisation(base, root, QStringLiteral("top/acct/base/"), QStringLiteral("甲厂工会"), 2)};
    for (int n = 1; n <= members; ++n)
        changes.append(member(QStringLiteral("m%1").arg(n), n, base, 2 + n));
    return apply(page(changes, 2 + members));
}

QVariant SyncFixture::scalar(const QString& sql, const QVariantList& values)
{
    QSqlQuery q(m_store->connection());
    QString error;
    if (!sql::execBound(q, sql, values, &error) || !q.next())
        return QVariant();
    return q.value(0);
}

} // namespace ud::test
