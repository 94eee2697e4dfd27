// RemoteChangeApplier on a real store: pages of pulled changes as the server sends them, checked
// through what the clerk's side reads (repositories, the roster search, the tallies) and the rows.

#include "SyncFixture.h"
#include "TestStore.h"
#include "domain/IdNumber.h"
#include "members/MemberRepository.h"
#include "members/RosterQuery.h"
#include "organisations/OrganisationRepository.h"
#include "store/Outbox.h"
#include "sync/PushResultRecorder.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncMeta.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace ud;
using ud::test::SyncFixture;
using ud::test::TestStore;

namespace {
const QString Root = QString::fromLatin1(SyncFixture::Root);
const QString Base = QString::fromLatin1(SyncFixture::Base);
const QString MemberEntity = QStringLiteral("member");

qint64 found(Database& store, const QString& search)
{
    RosterFilter filter;
    filter.search = search;
    return RosterQuery(store.connection(), OrganisationRepository::rootScope(store), filter).count();
}

qint64 tally(SyncFixture& f, const QString& organisation)
{
    return f
        .scalar(QStringLiteral("SELECT coalesce(sum(n), 0) FROM member_tally WHERE organisation_id = ?"),
                {organisation})
        .toLongLong();
}
} // namespace

class TestRemoteApply : public QObject
{
    Q_OBJECT

private slots:
    void appliedCreationMarksTheRecordSynced();
    void freshStoreJoinsUnderTheAccountsOrganisation();
    void pulledMembersAreSearchableAndCounted();
    void updatesRenameAndMoveMembers();
    void tombstonesMarkDeleted();
    void goneRemovesTheRecordAndItsTrail();
    void everyEntityIsStored();
    void pendingLocalFieldIsNotOverwritten();
    void pendingSnapshotHoldsEveryField();
    void openConflictFieldIsNotOverwritten();
    void badRecordRollsBackThePage_data();
    void badRecordRollsBackThePage();
    void childBeforeParentIsAccepted();
    void staleAndUnknownChangesAreSkipped();
    void localDuplicateIdNumberIsSetAside();
    void setAsideMemberIsOneRefusalAndGoesWithTheirs();
    void setAsideMemberCannotBeKept();
};

void TestRemoteApply::freshStoreJoinsUnderTheAccountsOrganisation()
{
    SyncFixture f;
    QVERIFY(f.isValid());
    QVERIFY(!OrganisationRepository::rootScope(f.store()).isValid());
    QString error;
    qint64 applied = 0;
    QVERIFY2(f.apply(SyncFixture::page(
                         {SyncFixture::organisation(Root, QStringLiteral("top"), QStringLiteral("top/acct/"),
                                                    QStringLiteral("测试区总工会"), 7),
                          SyncFixture::organisation(Base, Root, QStringLiteral("top/acct/base/"),
                                                    QStringLiteral("甲厂工会"), 8)},
                         8),
                     &error, &applied),
             qPrintable(error));
    QCOMPARE(applied, 2);
    const Scope scope = OrganisationRepository::rootScope(f.store());
    QVERIFY(scope.isValid());
    QCOMPARE(scope.path(), QStringLiteral("top/acct/"));
    QVERIFY(f.scalar(QStringLiteral("SELECT parent_id FROM organisation WHERE id = ?"), {Root}).isNull());
    const auto children = OrganisationRepository(f.store(), scope).children(Root);
    QCOMPARE(children.size(), 1);
    QCOMPARE(children.first().name, QStringLiteral("甲厂工会"));
    QCOMPARE(children.first().version, 8);
    QCOMPARE(children.first().updatedBy, QStringLiteral("server-clerk"));
    QCOMPARE(f.store().meta(QString::fromLatin1(sync::meta::Cursor)), QStringLiteral("8"));
    QCOMPARE(Outbox(f.store().connection()).pendingCount(), 0);
    QCOMPARE(f.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

void TestRemoteApply::pulledMembersAreSearchableAndCounted()
{
    SyncFixture f;
    QVERIFY(f.seed(3));
    QCOMPARE(tally(f, Base), 3);
    for (int n = 1; n <= 3; ++n) {
        const QString name = TestStore::sampleName(n);
        QVERIFY2(found(f.store(), name.left(1)) >= 1, qPrintable(name));
        QCOMPARE(found(f.store(), name), 1);
        QCOMPARE(found(f.store(), TestStore::sampleIdNumber(n).right(6)), 1);
    }
    const auto member =
        MemberRepository(f.store(), OrganisationRepository::rootScope(f.store())).find(QStringLiteral("m2"));
    QVERIFY(member.has_value());
    QCOMPARE(member->name, TestStore::sampleName(2));
    QCOMPARE(member->version, 4);
    QVERIFY(!f.scalar(QStringLiteral("SELECT name_key FROM member WHERE id = 'm2'")).toByteArray().isEmpty());
    // Pulled records are the server's: nothing to push back, no history written here.
    QCOMPARE(Outbox(f.store().connection()).pendingCount(), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM member_event")).toInt(), 0);
}

void TestRemoteApply::updatesRenameAndMoveMembers()
{
    SyncFixture f;
    QVERIFY(f.seed(2));
    QJsonObject m1 = SyncFixture::member(QStringLiteral("m1"), 1, Root, 20);
    QJsonObject fields = m1.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("name"), QStringLiteral("欧阳新名"));
    fields.insert(QStringLiteral("status"), QStringLiteral("retained"));
    m1.insert(QStringLiteral("fields"), fields);
    QString error;
    QVERIFY2(f.apply(SyncFixture::page({m1}, 20), &error), qPrintable(error));
    QCOMPARE(found(f.store(), TestStore::sampleName(1)), 0);
    QCOMPARE(found(f.store(), QStringLiteral("欧阳")), 1);
    QCOMPARE(found(f.store(), QStringLiteral("新名")), 1);
    QCOMPARE(tally(f, Base), 1);
    QCOMPARE(tally(f, Root), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT organisation_id FROM member_name_gram WHERE gram = '欧阳'"))
                 .toString(),
             Root);
    QCOMPARE(f.scalar(QStringLiteral("SELECT version FROM member WHERE id = 'm1'")).toInt(), 20);
}

void TestRemoteApply::tombstonesMarkDeleted()
{
    SyncFixture f;
    QVERIFY(f.seed(2));
    QString error;
    QVERIFY2(
        f.apply(SyncFixture::page({SyncFixture::tombstone(MemberEntity, QStringLiteral("m1"), 30),
                                   SyncFixture::tombstone(QStringLiteral("organisation"), Base, 31),
                                   SyncFixture::tombstone(MemberEntity, QStringLiteral("never-here"), 32)},
                                  32),
                &error),
        qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM member WHERE id = 'm1'")).toInt(), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT version FROM member WHERE id = 'm1'")).toInt(), 30);
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM organisation WHERE id = ?"), {Base}).toInt(), 1);
    QCOMPARE(found(f.store(), TestStore::sampleName(1)), 0);
    QCOMPARE(found(f.store(), TestStore::sampleName(2)), 1);
    QCOMPARE(tally(f, Base), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM member WHERE id = 'never-here'")).toInt(), 0);

    // Brought back to life by a later change.
    QVERIFY2(f.apply(SyncFixture::page({SyncFixture::member(QStringLiteral("m1"), 1, Base, 40)}, 40), &error),
             qPrintable(error));
    QCOMPARE(found(f.store(), TestStore::sampleName(1)), 1);
    QCOMPARE(tally(f, Base), 2);
}

void TestRemoteApply::goneRemovesTheRecordAndItsTrail()
{
    SyncFixture f;
    QVERIFY(f.seed(2));
    QString error;
    QVERIFY2(f.apply(SyncFixture::page({SyncFixture::change(
                                           QStringLiteral("member_event"), QStringLiteral("e1"), 10,
                                           {{QStringLiteral("member"), QStringLiteral("m1")},
                                            {QStringLiteral("kind"), QStringLiteral("joined")},
                                            {QStringLiteral("occurredOn"), QStringLiteral("2020-01-01")}})},
                                       10),
                     &error),
             qPrintable(error));
    QVERIFY(f.scalar(QStringLiteral("INSERT INTO import_batch(id, organisation_id, imported_at, updated_at) "
                                    "VALUES('b1', ?, '2026', '2026') RETURNING id"),
                     {Base})
                .isValid());
    QVERIFY(f.scalar(QStringLiteral("INSERT INTO import_batch_member(batch_id, member_id) VALUES('b1', 'm1') "
                                    "RETURNING member_id"))
                .isValid());
    const qint64 gramsBefore = f.scalar(QStringLiteral("SELECT count(*) FROM member_name_gram")).toLongLong();

    QVERIFY2(f.apply(SyncFixture::page(
                         {SyncFixture::gone(MemberEntity, QStringLiteral("m1"), 11),
                          SyncFixture::gone(QStringLiteral("cadre"), QStringLiteral("never-here"), 12)},
                         12),
                     &error),
             qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM member WHERE id = 'm1'")).toInt(), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM member_event WHERE member_id = 'm1'")).toInt(), 0);
    QCOMPARE(
        f.scalar(QStringLiteral("SELECT count(*) FROM import_batch_member WHERE member_id = 'm1'")).toInt(),
        0);
    QVERIFY(f.scalar(QStringLiteral("SELECT count(*) FROM member_name_gram")).toLongLong() < gramsBefore);
    QCOMPARE(
        f.scalar(QStringLiteral("SELECT count(*) FROM member_name_gram g WHERE NOT EXISTS (SELECT 1 FROM "
                                "member m WHERE m.local_id = g.member_local_id)"))
            .toInt(),
        0);
    QCOMPARE(found(f.store(), TestStore::sampleName(1)), 0);
    QCOMPARE(tally(f, Base), 1);

    QVERIFY2(
        f.apply(SyncFixture::page({SyncFixture::gone(QStringLiteral("organisation"), Base, 13)}, 13), &error),
        qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM organisation WHERE id = ?"), {Base}).toInt(), 0);
}

void TestRemoteApply::everyEntityIsStored()
{
    SyncFixture f;
    QVERIFY(f.seed(1));
    QString error;
    const QJsonObject details{
        {QStringLiteral("name"), QJsonObject{{QStringLiteral("from"), QStringLiteral("甲")}}}};
    const QJsonObject proposed{{QStringLiteral("name"), QStringLiteral("乙厂工会")}};
    QVERIFY2(f.apply(SyncFixture::page(
                         {SyncFixture::change(QStringLiteral("member_event"), QStringLiteral("e1"), 10,
                                              {{QStringLiteral("member"), QStringLiteral("m1")},
                                               {QStringLiteral("kind"), QStringLiteral("edited")},
                                               {QStringLiteral("occurredOn"), QStringLiteral("2026-01-02")},
                                               {QStringLiteral("details"), details}}),
                          SyncFixture::change(QStringLiteral("cadre"), QStringLiteral("c1"), 11,
                                              {{QStringLiteral("member"), QStringLiteral("m1")},
                                               {QStringLiteral("organisation"), Base},
                                               {QStringLiteral("name"), TestStore::sampleName(1)},
                                               {QStringLiteral("position"), QStringLiteral("chair")},
                                               {QStringLiteral("fullTime"), true},
                                               {QStringLiteral("termStart"), QStringLiteral("2024-01-01")},
                                               {QStringLiteral("termEnd"), QStringLiteral("2029-01-01")}}),
                          SyncFixture::change(
                              QStringLiteral("organisation_request"), QStringLiteral("r1"), 12,
                              {{QStringLiteral("kind"), QStringLiteral("change")},
                               {QStringLiteral("organisation"), Base},
                               {QStringLiteral("submittedFrom"), Base},
                               {QStringLiteral("proposed"), proposed},
                               {QStringLiteral("state"), QStringLiteral("submitted")},
                               {QStringLiteral("submittedAt"), QStringLiteral("2026-11-01T00:00:00Z")}})},
                         12),
                     &error),
             qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT details FROM member_event WHERE id = 'e1'")).toString(),
             QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    QCOMPARE(f.scalar(QStringLiteral("SELECT full_time FROM cadre WHERE id = 'c1'")).toInt(), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT member_id FROM cadre WHERE id = 'c1'")).toString(),
             QStringLiteral("m1"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT proposed FROM organisation_request WHERE id = 'r1'")).toString(),
             QString::fromUtf8(QJsonDocument(proposed).toJson(QJsonDocument::Compact)));
    QCOMPARE(f.scalar(QStringLiteral("SELECT headcount FROM organisation WHERE id = ?"), {Base}).toInt(), 12);

    // Updates and tombstones of each.
    QVERIFY2(
        f.apply(SyncFixture::page(
                    {SyncFixture::change(QStringLiteral("cadre"), QStringLiteral("c1"), 13,
                                         {{QStringLiteral("endedOn"), QStringLiteral("2026-06-01")},
                                          {QStringLiteral("fullTime"), false}}),
                     SyncFixture::tombstone(QStringLiteral("member_event"), QStringLiteral("e1"), 14),
                     SyncFixture::tombstone(QStringLiteral("organisation_request"), QStringLiteral("r1"), 15),
                     SyncFixture::tombstone(QStringLiteral("cadre"), QStringLiteral("c1"), 16)},
                    16),
                &error),
        qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral(
                          "SELECT ended_on || full_time || deleted || version FROM cadre WHERE id = 'c1'"))
                 .toString(),
             QStringLiteral("2026-06-010116"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM member_event WHERE id = 'e1'")).toInt(), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM organisation_request WHERE id = 'r1'")).toInt(), 1);
}

void TestRemoteApply::pendingLocalFieldIsNotOverwritten()
{
    SyncFixture f;
    QVERIFY(f.seed(1));
    MemberRepository members(f.store(), OrganisationRepository::rootScope(f.store()));
    Member m = *members.find(QStringLiteral("m1"));
    m.mobile = QStringLiteral("13900000001");
    QString error;
    QVERIFY2(members.update(m, QStringLiteral("clerk"), &error), qPrintable(error));
    const qint64 pending = Outbox(f.store().connection()).pendingCount();
    QVERIFY(pending >= 1);

    QJsonObject change = SyncFixture::member(QStringLiteral("m1"), 1, Base, 50);
    QJsonObject fields = change.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("mobile"), QStringLiteral("13700000007"));
    fields.insert(QStringLiteral("employer"), QStringLiteral("服务器上的单位"));
    change.insert(QStringLiteral("fields"), fields);
    QVERIFY2(f.apply(SyncFixture::page({change}, 50), &error), qPrintable(error));
    const Member after = *members.find(QStringLiteral("m1"));
    QCOMPARE(after.mobile, QStringLiteral("13900000001"));
    QCOMPARE(after.employer, QStringLiteral("服务器上的单位"));
    QCOMPARE(after.version, 50);
    QCOMPARE(Outbox(f.store().connection()).pendingCount(), pending);
    QCOMPARE(found(f.store(), QStringLiteral("00000001")), 1);
}

void TestRemoteApply::pendingSnapshotHoldsEveryField()
{
    // A creation queued as a snapshot (an import's, Outbox) sends the whole record when pushed: no
    // field of it may be overwritten by a pull before then.
    SyncFixture f;
    QVERIFY(f.seed(1));
    MemberRepository members(f.store(), OrganisationRepository::rootScope(f.store()));
    const Member before = *members.find(QStringLiteral("m1"));
    QVERIFY(
        Outbox(f.store().connection()).enqueue(entity::Member, QStringLiteral("m1"), 0, {}, false, nullptr));
    QSqlQuery snapshot(f.store().connection());
    QVERIFY(snapshot.exec(QStringLiteral("UPDATE outbox SET fields = '' WHERE record_id = 'm1'")));

    QJsonObject change = SyncFixture::member(QStringLiteral("m1"), 1, Base, 50);
    QJsonObject fields = change.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("mobile"), QStringLiteral("13700000007"));
    fields.insert(QStringLiteral("employer"), QStringLiteral("服务器上的单位"));
    change.insert(QStringLiteral("fields"), fields);
    QString error;
    QVERIFY2(f.apply(SyncFixture::page({change}, 50), &error), qPrintable(error));
    const Member after = *members.find(QStringLiteral("m1"));
    QCOMPARE(after.mobile, before.mobile);
    QCOMPARE(after.employer, before.employer);
    QCOMPARE(after.version, 50);
}

void TestRemoteApply::openConflictFieldIsNotOverwritten()
{
    SyncFixture f;
    QVERIFY(f.seed(1));
    sync::SyncConflictRepository conflicts(f.store());
    QString error;
    QVERIFY2(conflicts.recordField(MemberEntity, QStringLiteral("m1"), QStringLiteral("notes"),
                                   QStringLiteral("我的"), QStringLiteral("他们的"), 5, &error),
             qPrintable(error));
    QVERIFY(
        f.scalar(QStringLiteral("UPDATE member SET notes = '我的' WHERE id = 'm1' RETURNING id")).isValid());

    QJsonObject change = SyncFixture::member(QStringLiteral("m1"), 1, Base, 60);
    QJsonObject fields = change.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("notes"), QStringLiteral("他们后来的"));
    fields.insert(QStringLiteral("employer"), QStringLiteral("新单位"));
    change.insert(QStringLiteral("fields"), fields);
    QVERIFY2(f.apply(SyncFixture::page({change}, 60), &error), qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT notes FROM member WHERE id = 'm1'")).toString(),
             QStringLiteral("我的"));
    QCOMPARE(f.scalar(QStringLiteral("SELECT employer FROM member WHERE id = 'm1'")).toString(),
             QStringLiteral("新单位"));
    const QList<sync::SyncConflict> open = conflicts.open();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().theirs.toString(), QStringLiteral("他们后来的"));
    QCOMPARE(open.first().serverVersion, 60);
    QCOMPARE(open.first().mine.toString(), QStringLiteral("我的"));
}

void TestRemoteApply::badRecordRollsBackThePage_data()
{
    QTest::addColumn<QJsonObject>("bad");
    QJsonObject wrongType = SyncFixture::member(QStringLiteral("m9"), 9, Base, 102);
    QJsonObject fields = wrongType.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("verified"), QStringLiteral("yes"));
    wrongType.insert(QStringLiteral("fields"), fields);
    QTest::newRow("a value of the wrong type") << wrongType;
    QJsonObject noName = SyncFixture::member(QStringLiteral("m9"), 9, Base, 102);
    fields = noName.value(QStringLiteral("fields")).toObject();
    fields.remove(QStringLiteral("name"));
    noName.insert(QStringLiteral("fields"), fields);
    QTest::newRow("a required field missing") << noName;
    QJsonObject sameNumber = SyncFixture::member(QStringLiteral("m9"), 9, Base, 102);
    fields = sameNumber.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("idType"), QJsonValue(3));
    sameNumber.insert(QStringLiteral("fields"), fields);
    QTest::newRow("a number for a text") << sameNumber;
}

void TestRemoteApply::badRecordRollsBackThePage()
{
    QFETCH(QJsonObject, bad);
    SyncFixture f;
    QVERIFY(f.seed(1));
    const QString cursor = f.store().meta(QString::fromLatin1(sync::meta::Cursor));
    QJsonObject renamed = SyncFixture::member(QStringLiteral("m1"), 1, Base, 100);
    QJsonObject fields = renamed.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("name"), QStringLiteral("不该留下"));
    renamed.insert(QStringLiteral("fields"), fields);
    QString error;
    QVERIFY(!f.apply(
        SyncFixture::page({renamed, SyncFixture::member(QStringLiteral("m8"), 8, Base, 101), bad}, 102),
        &error));
    QVERIFY(error.contains(QStringLiteral("m9")) || !error.isEmpty());
    QCOMPARE(f.store().meta(QString::fromLatin1(sync::meta::Cursor)), cursor);
    QCOMPARE(f.scalar(QStringLiteral("SELECT name FROM member WHERE id = 'm1'")).toString(),
             TestStore::sampleName(1));
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM member WHERE id IN ('m8', 'm9')")).toInt(), 0);
    QCOMPARE(found(f.store(), QStringLiteral("不该")), 0);
    QCOMPARE(tally(f, Base), 1);
    QCOMPARE(f.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

void TestRemoteApply::childBeforeParentIsAccepted()
{
    SyncFixture f;
    QString error;
    QVERIFY2(
        f.apply(SyncFixture::page({SyncFixture::member(QStringLiteral("m1"), 1, QStringLiteral("leaf"), 3),
                                   SyncFixture::organisation(QStringLiteral("leaf"), QStringLiteral("mid"),
                                                             QStringLiteral("top/acct/mid/leaf/"),
                                                             QStringLiteral("叶工会"), 4)},
                                  4, true),
                &error),
        qPrintable(error));
    QVERIFY2(
        f.apply(SyncFixture::page(
                    {SyncFixture::organisation(QStringLiteral("mid"), Root, QStringLiteral("top/acct/mid/"),
                                               QStringLiteral("中间工会"), 5),
                     SyncFixture::organisation(Root, QStringLiteral("top"), QStringLiteral("top/acct/"),
                                               QStringLiteral("测试区总工会"), 6)},
                    6),
                &error),
        qPrintable(error));
    QSqlQuery check(f.store().connection());
    QVERIFY(check.exec(QStringLiteral("PRAGMA foreign_key_check")));
    QVERIFY2(!check.next(), "a reference is left dangling");
    const Scope scope = OrganisationRepository::rootScope(f.store());
    QCOMPARE(OrganisationRepository(f.store(), scope).subtree().size(), 3);
    QCOMPARE(found(f.store(), TestStore::sampleName(1)), 1);
}

void TestRemoteApply::staleAndUnknownChangesAreSkipped()
{
    SyncFixture f;
    QVERIFY(f.seed(1));
    QJsonObject old = SyncFixture::member(QStringLiteral("m1"), 1, Base, 2);
    QJsonObject fields = old.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("name"), QStringLiteral("旧名字"));
    old.insert(QStringLiteral("fields"), fields);
    QString error;
    qint64 applied = -1;
    QVERIFY2(
        f.apply(SyncFixture::page(
                    {old, SyncFixture::change(QStringLiteral("lottery"), QStringLiteral("x"), 70, {})}, 70),
                &error, &applied),
        qPrintable(error));
    QCOMPARE(applied, 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT name FROM member WHERE id = 'm1'")).toString(),
             TestStore::sampleName(1));
    QCOMPARE(f.store().meta(QString::fromLatin1(sync::meta::Cursor)), QStringLiteral("70"));
}

void TestRemoteApply::localDuplicateIdNumberIsSetAside()
{
    SyncFixture f;
    QVERIFY(f.seed(0));
    Member local = TestStore::sampleMember(5, Base);
    QString error;
    QVERIFY2(MemberRepository(f.store(), OrganisationRepository::rootScope(f.store()))
                 .add(local, QStringLiteral("clerk"), &error),
             qPrintable(error));
    QVERIFY2(f.apply(SyncFixture::page({SyncFixture::member(QStringLiteral("server-m5"), 5, Base, 80)}, 80),
                     &error),
             qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM member WHERE id = ?"), {local.id}).toInt(), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM member WHERE id = 'server-m5'")).toInt(), 0);
    const QList<sync::SyncConflict> open = sync::SyncConflictRepository(f.store()).open();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().recordId, local.id);
    QVERIFY(open.first().isRejection());
    QCOMPARE(open.first()
                 .op.value(QStringLiteral("fields"))
                 .toObject()
                 .value(QStringLiteral("idNumber"))
                 .toString(),
             local.idNumber);
    QCOMPARE(found(f.store(), local.name), 1);
}

// A sync cut short after its push: the server has the new member, so she is no longer "never synced"
// here (an import undone now must delete her there too), though the pull that brings her version
// never came. An edit of a record the server had is not touched.
void TestRemoteApply::appliedCreationMarksTheRecordSynced()
{
    SyncFixture f;
    QString error;
    QVERIFY2(f.seed(0), "seed");
    Member local = TestStore::sampleMember(6, Base);
    QVERIFY2(MemberRepository(f.store(), OrganisationRepository::rootScope(f.store())).add(local, {}, &error),
             qPrintable(error));
    const QList<OutboxOperation> ops = Outbox(f.store().connection()).pending(10);
    QCOMPARE(ops.size(), 2); // the member and its "joined" entry
    QList<sync::PushResult> results;
    qint64 version = 40;
    for (const OutboxOperation& op : ops) {
        sync::PushResult r;
        r.opId = op.opId;
        r.status = QStringLiteral("applied");
        r.version = ++version;
        results.append(r);
    }
    sync::PushResultRecorder::Tally tally;
    QVERIFY2(sync::PushResultRecorder(f.store()).record(ops, results, &tally, &error), qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT version FROM member WHERE id = ?"), {local.id}).toInt(), 41);
    QCOMPARE(
        f.scalar(QStringLiteral("SELECT version FROM member_event WHERE member_id = ?"), {local.id}).toInt(),
        42);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
}

namespace {
// The same person entered here (sampleMember(5), never synced) after another PC sent her first: the
// push refuses the member and its "joined" entry, then the pull brings the server's member.
bool enterTwice(SyncFixture& f, Member* local, QString* error)
{
    *local = TestStore::sampleMember(5, Base);
    if (!f.seed(0) ||
        !MemberRepository(f.store(), OrganisationRepository::rootScope(f.store())).add(*local, {}, error))
        return false;
    const QList<OutboxOperation> ops = Outbox(f.store().connection()).pending(10);
    QList<sync::PushResult> results;
    for (const OutboxOperation& op : ops) {
        sync::PushResult r;
        r.opId = op.opId;
        r.status = QStringLiteral("rejected");
        r.reason = op.entity == MemberEntity
                       ? QStringLiteral("A member with this ID number already belongs to 甲厂工会.")
                       : QStringLiteral("There is no such member in your organisation's tree.");
        results.append(r);
    }
    sync::PushResultRecorder::Tally tally;
    return sync::PushResultRecorder(f.store()).record(ops, results, &tally, error) &&
           f.apply(SyncFixture::page({SyncFixture::member(QStringLiteral("server-m5"), 5, Base, 80)}, 80),
                   error);
}
} // namespace

void TestRemoteApply::setAsideMemberIsOneRefusalAndGoesWithTheirs()
{
    SyncFixture f;
    Member local;
    QString error;
    QVERIFY2(enterTwice(f, &local, &error), qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM member WHERE id = ?"), {local.id}).toInt(), 1);
    // One row for the clerk: the push's refusal, which now also says the record was set aside.
    sync::SyncConflictRepository conflicts(f.store());
    const QList<sync::SyncConflict> open = conflicts.open();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().recordId, local.id);
    QVERIFY2(open.first().reason.contains(QLatin1String("already belongs")), qPrintable(open.first().reason));
    QVERIFY2(open.first().reason.contains(local.idNumber), qPrintable(open.first().reason));
    QCOMPARE(sync::SyncConflictRepository::operationsOf(open.first()).size(), 2);

    // Taking the server's member: the copy set aside here and its history leave the store.
    QVERIFY2(conflicts.resolve(open.first().id, sync::SyncConflictRepository::Resolution::TakeTheirs,
                               QStringLiteral("clerk"), &error),
             qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM member WHERE id = ?"), {local.id}).toInt(), 0);
    QCOMPARE(
        f.scalar(QStringLiteral("SELECT count(*) FROM member_event WHERE member_id = ?"), {local.id}).toInt(),
        0);
    QCOMPARE(
        f.scalar(QStringLiteral("SELECT count(*) FROM member WHERE id_number = ?"), {local.idNumber}).toInt(),
        1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM member WHERE id = 'server-m5'")).toInt(), 0);
    QCOMPARE(found(f.store(), local.name), 1);
    QCOMPARE(Outbox(f.store().connection()).pendingCount(), 0);
    QCOMPARE(conflicts.openCount(), 0);
    QSqlQuery check(f.store().connection());
    QVERIFY(check.exec(QStringLiteral("PRAGMA foreign_key_check")));
    QVERIFY2(!check.next(), "a reference is left dangling");
}

void TestRemoteApply::setAsideMemberCannotBeKept()
{
    SyncFixture f;
    Member local;
    QString error;
    QVERIFY2(enterTwice(f, &local, &error), qPrintable(error));
    sync::SyncConflictRepository conflicts(f.store());
    const QString id = conflicts.open().first().id;
    // Two live members with one ID number cannot be: the clerk is told why, nothing changes.
    QVERIFY(!conflicts.resolve(id, sync::SyncConflictRepository::Resolution::KeepMine,
                               QStringLiteral("clerk"), &error));
    QVERIFY2(error.contains(IdNumber::masked(local.idNumber)) && !error.contains(local.idNumber) &&
                 error.contains(QLatin1String("transfer")),
             qPrintable(error));
    QVERIFY(conflicts.find(id)->isOpen());
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM member WHERE id = ?"), {local.id}).toInt(), 1);
    QCOMPARE(Outbox(f.store().connection()).pendingCount(), 0);
}

QTEST_GUILESS_MAIN(TestRemoteApply)
#include "tst_remoteapply.moc"
