// A data file begun offline joins an organisation on the server (StoreJoin): every reference to its
// root moves to the server's id and path in one transaction, nothing is lost, and a failure half-way
// leaves the file exactly as it was.

#include "TestStore.h"
#include "audit/AuditLog.h"
#include "cadres/CadreRepository.h"
#include "io/ImportBatchRepository.h"
#include "members/MemberRepository.h"
#include "members/RosterQuery.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationRequestRepository.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "sync/StoreJoin.h"
#include "sync/SyncMeta.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUuid>

using namespace ud;
using namespace ud::sync;
using ud::test::TestStore;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

// Every row of every table, as text, sorted: two dumps are equal exactly when nothing changed.
QStringList dump(const QSqlDatabase& db)
{
    QStringList rows;
    QSqlQuery tables(db);
    tables.exec(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT * FROM %1").arg(table));
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values.append(q.value(i).toString());
            rows.append(table + QLatin1Char('|') + values.join(QLatin1Char('|')));
        }
    }
    rows.sort();
    return rows;
}

// Where `text` still occurs in the store, as "table.column" (the audit log and the note of where
// the store came from excepted).
QStringList occurrences(const QSqlDatabase& db, const QString& text)
{
    QStringList found;
    QSqlQuery tables(db);
    tables.exec(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                       "AND name <> 'audit_log'"));
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        const QSqlRecord columns = db.record(table);
        for (int i = 0; i < columns.count(); ++i) {
            QString condition = QStringLiteral("instr(CAST(%1 AS TEXT), ?) > 0").arg(columns.fieldName(i));
            if (table == QLatin1String("store_meta"))
                condition += QStringLiteral(" AND key <> 'joined_from_organisation'");
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, condition));
            q.addBindValue(text);
            if (q.exec() && q.next() && q.value(0).toLongLong() > 0)
                found.append(table + QLatin1Char('.') + columns.fieldName(i));
        }
    }
    return found;
}

QVariant scalar(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    QSqlQuery q(db);
    QString error;
    if (!sql::execBound(q, statement, values, &error) || !q.next()) {
        qWarning("%s: %s", qPrintable(statement), qPrintable(error));
        return {};
    }
    return q.value(0);
}

QStringList column(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    QStringList out;
    QSqlQuery q(db);
    QString error;
    if (!sql::execBound(q, statement, values, &error))
        qWarning("%s: %s", qPrintable(statement), qPrintable(error));
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

// An offline data file with some of everything that names an organisation.
struct OfflineStore
{
    TestStore t{QStringLiteral("某某公司工会"), QStringLiteral("base")};
    Organisation workshop; // under the root
    Organisation team;     // under the workshop
    QStringList rootMembers;
    QStringList workshopMembers;
    QString movedMember; // moved from the root to the workshop: its history names the root

    bool prepare(QString* why)
    {
        const auto fail = [&](const QString& what) {
            *why = what + QStringLiteral(": ") + t.error();
            return false;
        };
        if (!t.isValid())
            return fail(QStringLiteral("store"));
        Database& store = t.store();
        const Scope scope = t.scope();
        QString error;
        workshop = t.addOrganisation(QStringLiteral("一车间分工会"), QString(), QStringLiteral("base"));
        team = t.addOrganisation(QStringLiteral("一班工会小组"), workshop.id, QStringLiteral("base"));
        if (workshop.id.isEmpty() || team.id.isEmpty())
            return fail(QStringLiteral("organisations"));
        rootMembers = t.addMembers(t.root().id, 4, 0);
        workshopMembers = t.addMembers(workshop.id, 3, 10);
        if (rootMembers.size() != 4 || workshopMembers.size() != 3 ||
            t.addMembers(team.id, 2, 20).size() != 2)
            return fail(QStringLiteral("members"));

        MemberRepository members(store, scope);
        Member moved = *members.find(rootMembers.last());
        moved.organisationId = workshop.id;
        if (!members.update(moved, TestStore::actor(), &error))
            return fail(QStringLiteral("move: ") + error);
        movedMember = moved.id;

        // The root's own edit stays queued; its creation goes.
        OrganisationRepository organisations(store, scope);
        Organisation root = *organisations.find(t.root().id);
        root.address = QStringLiteral("某市某路1号");
        if (!organisations.update(root, TestStore::actor(), &error))
            return fail(QStringLiteral("root edit: ") + error);

        CadreRepository cadres(store, scope);
        Cadre chair;
        chair.memberId = rootMembers.first();
        chair.organisationId = t.root().id;
        chair.position = QStringLiteral("chair");
        chair.termStart = QStringLiteral("2024-01-01");
        Cadre secretary;
        secretary.memberId = workshopMembers.first();
        secretary.organisationId = workshop.id;
        secretary.position = QStringLiteral("vice-chair");
        secretary.termStart = QStringLiteral("2024-01-01");
        if (!cadres.add(chair, TestStore::actor(), &error) ||
            !cadres.add(secretary, TestStore::actor(), &error))
            return fail(QStringLiteral("cadres: ") + error);

        OrganisationRequestRepository requests(store, scope);
        Organisation proposed;
        proposed.parentId = t.root().id;
        proposed.name = QStringLiteral("二车间分工会");
        proposed.level = QStringLiteral("base");
        proposed.kind = QStringLiteral("enterprise");
        if (!requests.submitEstablish(proposed, QStringLiteral("新车间"), TestStore::actor(), &error))
            return fail(QStringLiteral("request: ") + error);

        Transaction tx(store.connection());
        ImportBatch batch;
        batch.organisationId = t.root().id;
        batch.fileName = QStringLiteral("名册.xlsx");
        ImportBatchRepository batches(store, scope);
        if (!batches.begin(batch, &error) || !batches.addMembers(batch.id, {rootMembers.at(1)}, &error) ||
            !batches.finish(batch.id, 1, 0, &error) || !tx.commit(&error))
            return fail(QStringLiteral("import batch: ") + error);

        AuditEntry seen;
        seen.actor = TestStore::actor();
        seen.action = AuditLog::Unmask;
        seen.entity = QStringLiteral("member");
        seen.recordId = rootMembers.first();
        if (!AuditLog(store.connection()).append(seen, &error))
            return fail(QStringLiteral("audit: ") + error);
        return true;
    }
};

// Per organisation, status, employment form and verification: the members counted from their rows.
QStringList countedTallies(const QSqlDatabase& db)
{
    return column(
        db, QStringLiteral("SELECT organisation_id || '/' || status || '/' || employment_form || '/' || "
                           "verified || '=' || count(*) FROM member WHERE deleted = 0 GROUP BY "
                           "organisation_id, status, employment_form, verified ORDER BY 1"));
}

QStringList storedTallies(const QSqlDatabase& db)
{
    return column(
        db, QStringLiteral("SELECT organisation_id || '/' || status || '/' || employment_form || '/' || "
                           "verified || '=' || n FROM member_tally WHERE n > 0 ORDER BY 1"));
}

QStringList namesFound(Database& store, const QString& search, const QString& organisationPath = {})
{
    RosterFilter filter;
    filter.search = search;
    filter.organisationPath = organisationPath;
    QStringList names;
    for (const RosterRow& row :
         RosterQuery(store.connection(), OrganisationRepository::rootScope(store), filter).first(100))
        names.append(row.name);
    names.sort();
    return names;
}

} // namespace

class TestStoreJoin : public QObject
{
    Q_OBJECT

private slots:
    void offlineStoreIsJoinable();
    void joinRekeysEveryReference();
    void joinKeepsTheOutboxButTheRootsCreation();
    void failureHalfWayChangesNothing();
    void badPathsAndTakenIdsAreRefused();
    void syncedAndSampleStoresAreNotJoinable();
};

void TestStoreJoin::offlineStoreIsJoinable()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    QVERIFY(StoreJoin::isJoinable(t.store()));
}

void TestStoreJoin::joinRekeysEveryReference()
{
    OfflineStore s;
    QString why;
    QVERIFY2(s.prepare(&why), qPrintable(why));
    Database& store = s.t.store();
    const QSqlDatabase db = store.connection();
    const QString oldId = s.t.root().id;
    const QString top = newId();
    const QString newIdValue = newId();
    const QString newPath = top + QLatin1Char('/') + newIdValue + QLatin1Char('/');

    const qint64 organisations = scalar(db, QStringLiteral("SELECT count(*) FROM organisation")).toLongLong();
    const qint64 membersBefore = scalar(db, QStringLiteral("SELECT count(*) FROM member")).toLongLong();
    const qint64 grams = scalar(db, QStringLiteral("SELECT count(*) FROM member_name_gram")).toLongLong();
    const qint64 cadres = scalar(db, QStringLiteral("SELECT count(*) FROM cadre")).toLongLong();
    const qint64 events = scalar(db, QStringLiteral("SELECT count(*) FROM member_event")).toLongLong();
    const QString rootMemberName = TestStore::sampleName(0);
    const QStringList foundBefore = namesFound(store, rootMemberName.left(2));
    QVERIFY(foundBefore.contains(rootMemberName));
    const QStringList surnameBefore = namesFound(store, rootMemberName.left(1));
    const QString workshopName = TestStore::sampleName(10);
    const QStringList workshopBefore = namesFound(store, workshopName.left(2), s.workshop.path);
    QVERIFY(workshopBefore.contains(workshopName));
    QStringList tallyBefore = storedTallies(db);
    tallyBefore.replaceInStrings(oldId, newIdValue);
    tallyBefore.sort();
    const qint64 auditBefore = AuditLog(db).count();
    // Where the root is named before: the check after the join finds what it looks for.
    const QStringList named = occurrences(db, oldId);
    for (const char* place :
         {"organisation.id", "organisation.parent_id", "organisation.path", "member.organisation_id",
          "member_name_gram.organisation_id", "member_tally.organisation_id", "member_event.details",
          "cadre.organisation_id", "organisation_request.organisation_id",
          "organisation_request.submitted_from", "import_batch.organisation_id", "outbox.record_id",
          "outbox.fields", "store_meta.value"})
        QVERIFY2(named.contains(QLatin1String(place)), place);

    QString error;
    QVERIFY2(StoreJoin(store).join(newIdValue, newPath, QStringLiteral("alice"), &error), qPrintable(error));

    // Nothing but the audit log and the note of the old id still names the old root.
    QCOMPARE(occurrences(db, oldId), QStringList());
    QCOMPARE(store.meta(key(ud::meta::RootOrganisation)), newIdValue);
    QCOMPARE(store.meta(key(sync::meta::AccountOrganisation)), newIdValue);
    QCOMPARE(store.meta(QStringLiteral("joined_from_organisation")), oldId);
    QVERIFY(!StoreJoin::isJoinable(store));

    // The tree hangs under the server's path, each path its parent's and its own id.
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT path FROM organisation WHERE id = ?"), {newIdValue}).toString(),
        newPath);
    QVERIFY(
        scalar(db, QStringLiteral("SELECT parent_id FROM organisation WHERE id = ?"), {newIdValue}).isNull());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM organisation o JOIN organisation p ON p.id = "
                                       "o.parent_id WHERE o.path <> p.path || o.id || '/'"))
                 .toLongLong(),
             0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM organisation WHERE substr(path, 1, ?) <> ?"),
                    {newPath.size(), newPath})
                 .toLongLong(),
             0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT path FROM organisation WHERE id = ?"), {s.team.id}).toString(),
             newPath + s.workshop.id + QLatin1Char('/') + s.team.id + QLatin1Char('/'));
    QCOMPARE(column(db, QStringLiteral("PRAGMA foreign_key_check")), QStringList());

    // Nothing lost; counts and search as before.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM organisation")).toLongLong(), organisations);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM member")).toLongLong(), membersBefore);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM member_name_gram")).toLongLong(), grams);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM cadre")).toLongLong(), cadres);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM member_event")).toLongLong(), events);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM member WHERE organisation_id = ?"), {newIdValue})
                 .toLongLong(),
             3);
    QCOMPARE(storedTallies(db), tallyBefore);
    QCOMPARE(storedTallies(db), countedTallies(db));
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM member_tally WHERE organisation_id = ?"), {oldId})
            .toLongLong(),
        0);
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM member_name_gram g JOIN member m ON m.local_id = "
                                  "g.member_local_id WHERE g.organisation_id <> m.organisation_id"))
            .toLongLong(),
        0);
    QCOMPARE(namesFound(store, rootMemberName.left(2)), foundBefore);
    QCOMPARE(namesFound(store, rootMemberName.left(1)), surnameBefore);
    QCOMPARE(namesFound(store, workshopName.left(2), newPath + s.workshop.id + QLatin1Char('/')),
             workshopBefore);
    const Scope scope = OrganisationRepository::rootScope(store);
    QVERIFY(scope.isValid());
    QCOMPARE(scope.organisationId(), newIdValue);
    QCOMPARE(OrganisationRepository(store, scope).subtree().size(), organisations);
    QCOMPARE(CadreRepository(store, scope).ofOrganisation(newIdValue).size(), 1);
    QCOMPARE(ImportBatchRepository(store, scope).list().size(), 1);
    QCOMPARE(ImportBatchRepository(store, scope).list().first().organisationId, newIdValue);
    QCOMPARE(OrganisationRequestRepository(store, scope).history(newIdValue).size(), 1);
    const OrganisationRequest request =
        OrganisationRequestRepository(store, scope).history(newIdValue).first();
    QCOMPARE(request.submittedFrom, newIdValue);

    // The audit log keeps what it had, says what happened, and its chain holds.
    AuditLog audit(db);
    QCOMPARE(audit.count(), auditBefore + 1);
    QCOMPARE(audit.firstBrokenEntry(), 0);
    const AuditEntry last = audit.entries(1).first();
    QCOMPARE(last.action, QStringLiteral("join"));
    QCOMPARE(last.recordId, newIdValue);
    QCOMPARE(last.actor, QStringLiteral("alice"));
    QVERIFY(last.detail.contains(oldId));
}

void TestStoreJoin::joinKeepsTheOutboxButTheRootsCreation()
{
    OfflineStore s;
    QString why;
    QVERIFY2(s.prepare(&why), qPrintable(why));
    Database& store = s.t.store();
    const QString oldId = s.t.root().id;
    const QString newIdValue = newId();
    const QList<OutboxOperation> before = Outbox(store.connection()).pending(1000);
    QString error;
    QVERIFY2(
        StoreJoin(store).join(newIdValue, newIdValue + QLatin1Char('/'), QStringLiteral("alice"), &error),
        qPrintable(error));
    const QList<OutboxOperation> after = Outbox(store.connection()).pending(1000);

    // The same operations, in the same order, with the root's creation gone and the old id nowhere.
    QCOMPARE(after.size(), before.size() - 1);
    qsizetype j = 0;
    for (const OutboxOperation& op : before) {
        if (op.entity == entity::Organisation && op.recordId == oldId &&
            op.fields.contains(QLatin1String("parent")))
            continue;
        QVERIFY(j < after.size());
        const OutboxOperation& now = after.at(j++);
        QCOMPARE(now.opId, op.opId);
        QCOMPARE(now.entity, op.entity);
        QCOMPARE(now.recordId, op.recordId == oldId ? newIdValue : op.recordId);
        QCOMPARE(now.baseVersion, op.baseVersion);
        QCOMPARE(now.isDelete, op.isDelete);
        const QByteArray expected = QJsonDocument(op.fields)
                                        .toJson(QJsonDocument::Compact)
                                        .replace(oldId.toUtf8(), newIdValue.toUtf8());
        QCOMPARE(QJsonDocument(now.fields).toJson(QJsonDocument::Compact), expected);
    }
    // The root's later edit is still queued, for the new id.
    bool rootEdit = false;
    bool workshopUnderNewRoot = false;
    int membersOfRoot = 0;
    for (const OutboxOperation& op : after) {
        if (op.entity == entity::Organisation && op.recordId == newIdValue)
            rootEdit = op.fields.value(QLatin1String("address")).toString() == QStringLiteral("某市某路1号");
        if (op.entity == entity::Organisation && op.recordId == s.workshop.id)
            workshopUnderNewRoot = op.fields.value(QLatin1String("parent")).toString() == newIdValue;
        if (op.entity == entity::Member &&
            op.fields.value(QLatin1String("organisation")).toString() == newIdValue)
            ++membersOfRoot;
    }
    QVERIFY(rootEdit);
    QVERIFY(workshopUnderNewRoot);
    QCOMPARE(membersOfRoot, 4); // the moved member was created in the root
}

void TestStoreJoin::failureHalfWayChangesNothing()
{
    OfflineStore s;
    QString why;
    QVERIFY2(s.prepare(&why), qPrintable(why));
    Database& store = s.t.store();
    const QSqlDatabase db = store.connection();
    // The audit entry is written last: refusing it fails the join after everything else moved.
    QString error;
    QVERIFY2(
        sql::run(db,
                 QStringLiteral("CREATE TRIGGER refuse_join BEFORE INSERT ON audit_log WHEN new.action = "
                                "'join' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"),
                 &error),
        qPrintable(error));
    const QStringList before = dump(db);
    const QString newIdValue = newId();
    QVERIFY(
        !StoreJoin(store).join(newIdValue, newIdValue + QLatin1Char('/'), QStringLiteral("alice"), &error));
    QVERIFY2(error.contains(QLatin1String("refused by the test")), qPrintable(error));
    QCOMPARE(dump(db), before);
    QVERIFY(StoreJoin::isJoinable(store));

    // Without the obstacle the same join goes through.
    QVERIFY(sql::run(db, QStringLiteral("DROP TRIGGER refuse_join"), &error));
    QVERIFY2(
        StoreJoin(store).join(newIdValue, newIdValue + QLatin1Char('/'), QStringLiteral("alice"), &error),
        qPrintable(error));
    QCOMPARE(store.meta(key(ud::meta::RootOrganisation)), newIdValue);
}

void TestStoreJoin::badPathsAndTakenIdsAreRefused()
{
    OfflineStore s;
    QString why;
    QVERIFY2(s.prepare(&why), qPrintable(why));
    Database& store = s.t.store();
    const QStringList before = dump(store.connection());
    const QString id = newId();
    QString error;
    const QString slash = QStringLiteral("/");
    const QList<std::pair<QString, QString>> attempts{
        {id, QString()},
        {id, id},
        {id, newId() + slash},
        {id, QStringLiteral("x/") + id + slash},
        {QStringLiteral("not-a-uuid"), QStringLiteral("not-a-uuid/")},
        {id, s.t.root().id + slash + id + slash},
        {s.workshop.id, s.workshop.id + slash},
    };
    for (const auto& [organisationId, path] : attempts) {
        error.clear();
        QVERIFY2(!StoreJoin(store).join(organisationId, path, QStringLiteral("alice"), &error),
                 qPrintable(path));
        QVERIFY(!error.isEmpty());
    }
    QCOMPARE(dump(store.connection()), before);
}

void TestStoreJoin::syncedAndSampleStoresAreNotJoinable()
{
    QString error;
    {
        TestStore t;
        QVERIFY(t.store().setMeta(key(sync::meta::ServerUrl), QStringLiteral("http://127.0.0.1:1"), &error));
        QVERIFY(!StoreJoin::isJoinable(t.store()));
        const QString id = newId();
        QVERIFY(!StoreJoin(t.store()).join(id, id + QLatin1Char('/'), QStringLiteral("alice"), &error));
    }
    {
        TestStore t;
        QVERIFY(t.store().setMeta(key(ud::meta::StoreKind), QStringLiteral("demo"), &error));
        QVERIFY(!StoreJoin::isJoinable(t.store()));
    }
    {
        TestStore t;
        QSqlQuery q(t.store().connection());
        QVERIFY(sql::execBound(q, QStringLiteral("UPDATE organisation SET version = 7 WHERE id = ?"),
                               {t.root().id}, &error));
        QVERIFY(!StoreJoin::isJoinable(t.store()));
    }
    {
        TestStore t;
        QVERIFY(t.store().setMeta(key(sync::meta::Cursor), QStringLiteral("12"), &error));
        QVERIFY(!StoreJoin::isJoinable(t.store()));
    }
}

QTEST_GUILESS_MAIN(TestStoreJoin)
#include "tst_storejoin.moc"
