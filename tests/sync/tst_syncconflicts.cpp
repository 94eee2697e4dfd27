// What a push brings back, kept for the clerk and settled as the clerk decides: PushResultRecorder
// turns answers into outbox deletions and conflict rows, SyncConflictRepository resolves them.

#include "SyncFixture.h"
#include "TestStore.h"
#include "audit/AuditLog.h"
#include "cadres/CadreRepository.h"
#include "members/MemberRepository.h"
#include "members/RosterQuery.h"
#include "organisations/OrganisationRepository.h"
#include "store/Outbox.h"
#include "sync/PushResultRecorder.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncEntities.h"

#include <QSqlQuery>
#include <QTest>

using namespace ud;
using namespace ud::sync;
using ud::test::SyncFixture;
using ud::test::TestStore;

namespace {
const QString Base = QString::fromLatin1(SyncFixture::Base);
const QString MemberEntity = QStringLiteral("member");

PushResult result(const OutboxOperation& op, const QString& status, qint64 version = 0,
                  const QJsonObject& conflicts = {}, const QString& reason = {})
{
    PushResult r;
    r.opId = op.opId;
    r.status = status;
    r.version = version;
    r.conflicts = conflicts;
    r.reason = reason;
    return r;
}

// The store after a pull of m1 (version 3) and a local edit of its mobile and employer.
struct EditedStore
{
    SyncFixture f;
    OutboxOperation op;

    bool prepare()
    {
        if (!f.seed(1))
            return false;
        MemberRepository members(f.store(), OrganisationRepository::rootScope(f.store()));
        Member m = *members.find(QStringLiteral("m1"));
        m.mobile = QStringLiteral("13900000001");
        m.employer = QStringLiteral("我的单位");
        QString error;
        if (!members.update(m, QStringLiteral("clerk"), &error))
            return false;
        // The edit's own operation; the history event's goes first and is settled as applied.
        const QList<OutboxOperation> pending = Outbox(f.store().connection()).pending(10);
        PushResultRecorder::Tally tally;
        QList<PushResult> results;
        for (const OutboxOperation& o : pending) {
            if (o.entity == MemberEntity)
                op = o;
            else
                results.append(result(o, QStringLiteral("applied"), 4));
        }
        QList<OutboxOperation> others = pending;
        others.removeIf([](const OutboxOperation& o) { return o.entity == MemberEntity; });
        return PushResultRecorder(f.store()).record(others, results, &tally, &error) && !op.opId.isEmpty();
    }

    qint64 pending() { return Outbox(f.store().connection()).pendingCount(); }
    QString column(const QString& name)
    {
        return f.scalar(QStringLiteral("SELECT %1 FROM member WHERE id = 'm1'").arg(name)).toString();
    }
};

// A member entered here and never synced (version 0), with its "joined" entry: both wait in the
// outbox, the member first.
struct NewMemberStore
{
    SyncFixture f;
    Member m;
    QList<OutboxOperation> ops;

    bool prepare()
    {
        if (!f.seed(0))
            return false;
        m = TestStore::sampleMember(7, Base);
        QString error;
        if (!MemberRepository(f.store(), OrganisationRepository::rootScope(f.store()))
                 .add(m, QStringLiteral("clerk"), &error))
            return false;
        ops = Outbox(f.store().connection()).pending(10);
        return ops.size() == 2 && ops.at(0).entity == MemberEntity;
    }

    // The server refuses both, as it refuses a second membership of one person (in `order`).
    bool refuse(const QList<OutboxOperation>& order, PushResultRecorder::Tally* tally, QString* error)
    {
        QList<PushResult> results;
        for (const OutboxOperation& o : order)
            results.append(
                result(o, QStringLiteral("rejected"), 0, {},
                       o.entity == MemberEntity
                           ? QStringLiteral("A member with this ID number already belongs to 乙厂工会.")
                           : QStringLiteral("There is no such member in your organisation's tree.")));
        return PushResultRecorder(f.store()).record(order, results, tally, error);
    }
    bool refuse(QString* error)
    {
        PushResultRecorder::Tally tally;
        return refuse(ops, &tally, error);
    }

    qint64 count(const QString& sql) { return f.scalar(sql, {m.id}).toLongLong(); }
    qint64 members() { return count(QStringLiteral("SELECT count(*) FROM member WHERE id = ?")); }
    qint64 events() { return count(QStringLiteral("SELECT count(*) FROM member_event WHERE member_id = ?")); }
    qint64 pending() { return Outbox(f.store().connection()).pendingCount(); }
};

QStringList danglingReferences(Database& store)
{
    QStringList found;
    QSqlQuery check(store.connection());
    check.exec(QStringLiteral("PRAGMA foreign_key_check"));
    while (check.next())
        found.append(check.value(0).toString());
    return found;
}
} // namespace

class TestSyncConflicts : public QObject
{
    Q_OBJECT

private slots:
    void answeredOperationsLeaveTheOutbox();
    void conflictKeepsOneRowPerField();
    void aSecondConflictOnTheSameFieldReplacesTheFirst();
    void rejectionKeepsTheOperation();
    void takeTheirsWritesTheServerValue();
    void keepMineSendsTheLocalValueAgain();
    void rejectedOperationKeptOrDismissed();
    void deletionInConflictStaysDeletedUntilDecided();
    void settledConflictCannotBeSettledAgain();
    void unknownStatusChangesNothing();
    void refusedHistoryJoinsTheRefusalOfItsMember();
    void refusedEditTakesItsHistoryWithIt();
    void historyOfAMemberDeletedHereIsNoConflict();
    void takingTheirsRemovesARefusedNewRecord();
    void keepingMineSendsTheJoinedChangesAgain();
    void refusedNewRecordStaysWhileAnotherRefersToIt();
};

void TestSyncConflicts::answeredOperationsLeaveTheOutbox()
{
    EditedStore s;
    QVERIFY(s.prepare());
    QString error;
    // A second edit, then: one applied, one without an answer (stays queued).
    MemberRepository members(s.f.store(), OrganisationRepository::rootScope(s.f.store()));
    Member m = *members.find(QStringLiteral("m1"));
    m.notes = QStringLiteral("备注");
    QVERIFY2(members.update(m, QStringLiteral("clerk"), &error), qPrintable(error));
    const QList<OutboxOperation> pending = Outbox(s.f.store().connection()).pending(10);
    QVERIFY(pending.size() >= 2);
    PushResultRecorder::Tally tally;
    QVERIFY2(PushResultRecorder(s.f.store())
                 .record(pending,
                         {result(pending.at(0), QStringLiteral("applied"), 9),
                          result(pending.at(1), QStringLiteral("duplicate"), 9)},
                         &tally, &error),
             qPrintable(error));
    QCOMPARE(tally.answered, 2);
    QCOMPARE(tally.conflicts, 0);
    QCOMPARE(s.pending(), pending.size() - 2);
    QCOMPARE(SyncConflictRepository(s.f.store()).openCount(), 0);
}

void TestSyncConflicts::conflictKeepsOneRowPerField()
{
    EditedStore s;
    QVERIFY(s.prepare());
    PushResultRecorder::Tally tally;
    QString error;
    QVERIFY2(PushResultRecorder(s.f.store())
                 .record({s.op},
                         {result(s.op, QStringLiteral("conflict"), 7,
                                 {{QStringLiteral("mobile"), QStringLiteral("13700000007")}})},
                         &tally, &error),
             qPrintable(error));
    QCOMPARE(tally.answered, 1);
    QCOMPARE(tally.conflicts, 1);
    QCOMPARE(s.pending(), 0);
    const QList<SyncConflict> open = SyncConflictRepository(s.f.store()).open();
    QCOMPARE(open.size(), 1);
    const SyncConflict& c = open.first();
    QCOMPARE(c.entity, MemberEntity);
    QCOMPARE(c.recordId, QStringLiteral("m1"));
    QCOMPARE(c.field, QStringLiteral("mobile"));
    QCOMPARE(c.mine.toString(), QStringLiteral("13900000001"));
    QCOMPARE(c.theirs.toString(), QStringLiteral("13700000007"));
    QCOMPARE(c.serverVersion, 7);
    QVERIFY(!c.isOperation());
    // Never overwritten silently: the local value stays until the clerk decides.
    QCOMPARE(s.column(QStringLiteral("mobile")), QStringLiteral("13900000001"));
}

void TestSyncConflicts::aSecondConflictOnTheSameFieldReplacesTheFirst()
{
    EditedStore s;
    QVERIFY(s.prepare());
    SyncConflictRepository conflicts(s.f.store());
    QString error;
    QVERIFY(conflicts.recordField(MemberEntity, QStringLiteral("m1"), QStringLiteral("mobile"),
                                  QStringLiteral("1"), QStringLiteral("2"), 5, &error));
    QVERIFY(conflicts.recordField(MemberEntity, QStringLiteral("m1"), QStringLiteral("mobile"),
                                  QStringLiteral("3"), QStringLiteral("4"), 6, &error));
    QCOMPARE(conflicts.openCount(), 1);
    QCOMPARE(conflicts.open().first().theirs.toString(), QStringLiteral("4"));
    QCOMPARE(conflicts.open().first().serverVersion, 6);
}

void TestSyncConflicts::rejectionKeepsTheOperation()
{
    EditedStore s;
    QVERIFY(s.prepare());
    PushResultRecorder::Tally tally;
    QString error;
    QVERIFY2(
        PushResultRecorder(s.f.store())
            .record({s.op},
                    {result(s.op, QStringLiteral("rejected"), 0, {}, QStringLiteral("outside your scope"))},
                    &tally, &error),
        qPrintable(error));
    QCOMPARE(tally.conflicts, 1);
    QCOMPARE(s.pending(), 0);
    const SyncConflict c = SyncConflictRepository(s.f.store()).open().first();
    QVERIFY(c.isRejection());
    QCOMPARE(c.field, QString());
    QCOMPARE(c.reason, QStringLiteral("outside your scope"));
    QCOMPARE(c.op.value(QStringLiteral("opId")).toString(), s.op.opId);
    QCOMPARE(c.op.value(QStringLiteral("fields")).toObject(), s.op.fields);
}

void TestSyncConflicts::takeTheirsWritesTheServerValue()
{
    EditedStore s;
    QVERIFY(s.prepare());
    PushResultRecorder::Tally tally;
    QString error;
    QVERIFY(PushResultRecorder(s.f.store())
                .record({s.op},
                        {result(s.op, QStringLiteral("conflict"), 7,
                                {{QStringLiteral("mobile"), QStringLiteral("13700000007")}})},
                        &tally, &error));
    SyncConflictRepository conflicts(s.f.store());
    const QString id = conflicts.open().first().id;
    const qint64 auditBefore = AuditLog(s.f.store().connection()).count();
    QVERIFY2(conflicts.resolve(id, SyncConflictRepository::Resolution::TakeTheirs, QStringLiteral("clerk"),
                               &error),
             qPrintable(error));
    QCOMPARE(s.column(QStringLiteral("mobile")), QStringLiteral("13700000007"));
    QCOMPARE(s.column(QStringLiteral("mobile_rev")), QStringLiteral("70000000731"));
    QCOMPARE(s.column(QStringLiteral("employer")), QStringLiteral("我的单位"));
    QCOMPARE(s.pending(), 0);
    QCOMPARE(conflicts.openCount(), 0);
    QCOMPARE(conflicts.find(id)->resolution, QStringLiteral("theirs"));
    QCOMPARE(conflicts.find(id)->resolvedBy, QStringLiteral("clerk"));
    QCOMPARE(AuditLog(s.f.store().connection()).count(), auditBefore + 1);
    QCOMPARE(AuditLog(s.f.store().connection()).entries().last().action, QStringLiteral("resolve-conflict"));
}

void TestSyncConflicts::keepMineSendsTheLocalValueAgain()
{
    EditedStore s;
    QVERIFY(s.prepare());
    PushResultRecorder::Tally tally;
    QString error;
    QVERIFY(PushResultRecorder(s.f.store())
                .record({s.op},
                        {result(s.op, QStringLiteral("conflict"), 7,
                                {{QStringLiteral("mobile"), QStringLiteral("13700000007")}})},
                        &tally, &error));
    SyncConflictRepository conflicts(s.f.store());
    QVERIFY2(conflicts.resolve(conflicts.open().first().id, SyncConflictRepository::Resolution::KeepMine,
                               QStringLiteral("clerk"), &error),
             qPrintable(error));
    const QList<OutboxOperation> pending = Outbox(s.f.store().connection()).pending(10);
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().recordId, QStringLiteral("m1"));
    QCOMPARE(pending.first().baseVersion, 7);
    QCOMPARE(pending.first().fields,
             (QJsonObject{{QStringLiteral("mobile"), QStringLiteral("13900000001")}}));
    QVERIFY(pending.first().opId != s.op.opId);
    QCOMPARE(s.column(QStringLiteral("mobile")), QStringLiteral("13900000001"));
}

void TestSyncConflicts::rejectedOperationKeptOrDismissed()
{
    for (const auto resolution :
         {SyncConflictRepository::Resolution::KeepMine, SyncConflictRepository::Resolution::TakeTheirs}) {
        EditedStore s;
        QVERIFY(s.prepare());
        PushResultRecorder::Tally tally;
        QString error;
        QVERIFY(PushResultRecorder(s.f.store())
                    .record({s.op},
                            {result(s.op, QStringLiteral("rejected"), 0, {}, QStringLiteral("viewer"))},
                            &tally, &error));
        SyncConflictRepository conflicts(s.f.store());
        const QString id = conflicts.open().first().id;
        QVERIFY2(conflicts.resolve(id, resolution, QStringLiteral("clerk"), &error), qPrintable(error));
        QCOMPARE(s.column(QStringLiteral("mobile")), QStringLiteral("13900000001"));
        const QList<OutboxOperation> pending = Outbox(s.f.store().connection()).pending(10);
        if (resolution == SyncConflictRepository::Resolution::KeepMine) {
            QCOMPARE(pending.size(), 1);
            QCOMPARE(pending.first().fields, s.op.fields);
            QCOMPARE(pending.first().baseVersion, s.op.baseVersion);
            QVERIFY(pending.first().opId != s.op.opId);
            QCOMPARE(conflicts.find(id)->resolution, QStringLiteral("mine"));
        } else {
            QCOMPARE(pending.size(), 0);
            QCOMPARE(conflicts.find(id)->resolution, QStringLiteral("dismissed"));
        }
    }
}

void TestSyncConflicts::deletionInConflictStaysDeletedUntilDecided()
{
    SyncFixture f;
    QVERIFY(f.seed(1));
    MemberRepository members(f.store(), OrganisationRepository::rootScope(f.store()));
    QString error;
    QVERIFY2(members.remove(QStringLiteral("m1"), QStringLiteral("clerk"), &error), qPrintable(error));
    QList<OutboxOperation> pending = Outbox(f.store().connection()).pending(10);
    QList<PushResult> results;
    for (const OutboxOperation& o : pending)
        results.append(o.isDelete ? result(o, QStringLiteral("conflict"), 9,
                                           {{QStringLiteral("employer"), QStringLiteral("服务器单位")}})
                                  : result(o, QStringLiteral("applied"), 9));
    PushResultRecorder::Tally tally;
    QVERIFY2(PushResultRecorder(f.store()).record(pending, results, &tally, &error), qPrintable(error));
    QCOMPARE(tally.conflicts, 1);

    // The record changed on the server comes back in the pull: it stays deleted here for now.
    QJsonObject change = SyncFixture::member(QStringLiteral("m1"), 1, Base, 9);
    QJsonObject fields = change.value(QStringLiteral("fields")).toObject();
    fields.insert(QStringLiteral("employer"), QStringLiteral("服务器单位"));
    change.insert(QStringLiteral("fields"), fields);
    QVERIFY2(f.apply(SyncFixture::page({change}, 9), &error), qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM member WHERE id = 'm1'")).toInt(), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT employer FROM member WHERE id = 'm1'")).toString(),
             QStringLiteral("服务器单位"));

    SyncConflictRepository conflicts(f.store());
    const SyncConflict c = conflicts.open().first();
    QVERIFY(c.isOperation());
    QVERIFY(!c.isRejection());
    QVERIFY2(conflicts.resolve(c.id, SyncConflictRepository::Resolution::TakeTheirs, QStringLiteral("clerk"),
                               &error),
             qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM member WHERE id = 'm1'")).toInt(), 0);
    RosterFilter filter;
    filter.search = TestStore::sampleName(1);
    QCOMPARE(
        RosterQuery(f.store().connection(), OrganisationRepository::rootScope(f.store()), filter).count(), 1);
    QCOMPARE(Outbox(f.store().connection()).pendingCount(), 0);
}

void TestSyncConflicts::settledConflictCannotBeSettledAgain()
{
    EditedStore s;
    QVERIFY(s.prepare());
    SyncConflictRepository conflicts(s.f.store());
    QString error;
    QVERIFY(conflicts.recordField(MemberEntity, QStringLiteral("m1"), QStringLiteral("mobile"),
                                  QStringLiteral("13900000001"), QStringLiteral("13700000007"), 5, &error));
    const QString id = conflicts.open().first().id;
    QVERIFY(conflicts.resolve(id, SyncConflictRepository::Resolution::TakeTheirs, QStringLiteral("clerk"),
                              &error));
    QVERIFY(!conflicts.resolve(id, SyncConflictRepository::Resolution::KeepMine, QStringLiteral("clerk"),
                               &error));
    QVERIFY(error.contains(id));
    QVERIFY(!conflicts.resolve(QStringLiteral("nope"), SyncConflictRepository::Resolution::KeepMine,
                               QStringLiteral("clerk"), &error));
    // A new conflict on the same field may open again once the first is settled.
    QVERIFY2(conflicts.recordField(MemberEntity, QStringLiteral("m1"), QStringLiteral("mobile"),
                                   QStringLiteral("a"), QStringLiteral("b"), 8, &error),
             qPrintable(error));
    QCOMPARE(conflicts.openCount(), 1);
}

void TestSyncConflicts::unknownStatusChangesNothing()
{
    EditedStore s;
    QVERIFY(s.prepare());
    PushResultRecorder::Tally tally;
    QString error;
    QVERIFY(!PushResultRecorder(s.f.store())
                 .record({s.op}, {result(s.op, QStringLiteral("maybe"))}, &tally, &error));
    QVERIFY(error.contains(QStringLiteral("maybe")));
    QCOMPARE(s.pending(), 1);
    QCOMPARE(tally.answered, 0);
}

void TestSyncConflicts::refusedHistoryJoinsTheRefusalOfItsMember()
{
    // Whichever comes first in the batch, the clerk sees one row for the member.
    for (const bool memberFirst : {true, false}) {
        NewMemberStore s;
        QVERIFY(s.prepare());
        const QList<OutboxOperation> order =
            memberFirst ? s.ops : QList<OutboxOperation>{s.ops.at(1), s.ops.at(0)};
        PushResultRecorder::Tally tally;
        QString error;
        QVERIFY2(s.refuse(order, &tally, &error), qPrintable(error));
        QCOMPARE(tally.answered, 2);
        QCOMPARE(tally.conflicts, 1);
        QCOMPARE(s.pending(), 0);
        const QList<SyncConflict> open = SyncConflictRepository(s.f.store()).open();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().recordId, s.m.id);
        QVERIFY(open.first().isRejection());
        const QList<OutboxOperation> ops = SyncConflictRepository::operationsOf(open.first());
        QCOMPARE(ops.size(), 2);
        QCOMPARE(ops.at(0).opId, s.ops.at(0).opId);
        QCOMPARE(ops.at(1).opId, s.ops.at(1).opId);
        QCOMPARE(ops.at(1).entity, QStringLiteral("member_event"));
        QCOMPARE(ops.at(1).fields, s.ops.at(1).fields);
        // Nothing is removed before the clerk decides.
        QCOMPARE(s.members(), 1);
        QCOMPARE(s.events(), 1);
    }
}

void TestSyncConflicts::refusedEditTakesItsHistoryWithIt()
{
    // A synced member edited here; the server refuses the edit (the member was deleted there) and
    // the history entry written with it, sent first here (as a deletion writes them).
    SyncFixture f;
    QVERIFY(f.seed(1));
    MemberRepository members(f.store(), OrganisationRepository::rootScope(f.store()));
    Member m = *members.find(QStringLiteral("m1"));
    m.mobile = QStringLiteral("13900000001");
    QString error;
    QVERIFY2(members.update(m, QStringLiteral("clerk"), &error), qPrintable(error));
    QList<OutboxOperation> pending = Outbox(f.store().connection()).pending(10);
    QCOMPARE(pending.size(), 2);
    if (pending.at(0).entity == MemberEntity)
        pending.swapItemsAt(0, 1);
    QCOMPARE(pending.at(0).entity, QStringLiteral("member_event"));
    QList<PushResult> results;
    for (const OutboxOperation& o : pending)
        results.append(result(o, QStringLiteral("rejected"), 0, {},
                              QStringLiteral("This record has been deleted; the change was not applied.")));
    PushResultRecorder::Tally tally;
    QVERIFY2(PushResultRecorder(f.store()).record(pending, results, &tally, &error), qPrintable(error));
    QCOMPARE(tally.conflicts, 1);
    SyncConflictRepository conflicts(f.store());
    const SyncConflict c = conflicts.open().first();
    QCOMPARE(c.entity, MemberEntity);
    QCOMPARE(SyncConflictRepository::operationsOf(c).size(), 2);

    // Taking the server's side: the member the server has stays; the entry it never had goes.
    QVERIFY2(conflicts.resolve(c.id, SyncConflictRepository::Resolution::TakeTheirs, QStringLiteral("clerk"),
                               &error),
             qPrintable(error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM member WHERE id = 'm1'")).toInt(), 1);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM member_event WHERE member_id = 'm1'")).toInt(), 0);
    QCOMPARE(conflicts.openCount(), 0);
    QCOMPARE(Outbox(f.store().connection()).pendingCount(), 0);
}

void TestSyncConflicts::historyOfAMemberDeletedHereIsNoConflict()
{
    // Deleted here after someone deleted it on the server: the deletion is applied (it is one
    // already), the "deleted" entry refused, because the server keeps no history of a deleted member.
    SyncFixture f;
    QVERIFY(f.seed(1));
    QString error;
    QVERIFY2(MemberRepository(f.store(), OrganisationRepository::rootScope(f.store()))
                 .remove(QStringLiteral("m1"), QStringLiteral("clerk"), &error),
             qPrintable(error));
    const QList<OutboxOperation> pending = Outbox(f.store().connection()).pending(10);
    QCOMPARE(pending.size(), 2);
    QList<PushResult> results;
    for (const OutboxOperation& o : pending)
        results.append(o.isDelete ? result(o, QStringLiteral("applied"), 9)
                                  : result(o, QStringLiteral("rejected"), 0, {},
                                           QStringLiteral("There is no such member in your organisation's "
                                                          "tree.")));
    PushResultRecorder::Tally tally;
    QVERIFY2(PushResultRecorder(f.store()).record(pending, results, &tally, &error), qPrintable(error));
    QCOMPARE(tally.answered, 2);
    QCOMPARE(tally.conflicts, 0);
    QCOMPARE(SyncConflictRepository(f.store()).openCount(), 0);
    QCOMPARE(Outbox(f.store().connection()).pendingCount(), 0);
    // The entry never reached the server and is gone here too; the member's tombstone stays.
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM member_event WHERE member_id = 'm1'")).toInt(), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT deleted FROM member WHERE id = 'm1'")).toInt(), 1);

    // A refused entry of a member that is alive here is the clerk's to decide.
    SyncFixture g;
    QVERIFY(g.seed(1));
    MemberRepository members(g.store(), OrganisationRepository::rootScope(g.store()));
    Member m = *members.find(QStringLiteral("m1"));
    m.status = QStringLiteral("retained");
    QVERIFY2(members.update(m, QStringLiteral("clerk"), &error), qPrintable(error));
    QList<OutboxOperation> ops = Outbox(g.store().connection()).pending(10);
    ops.removeIf([](const OutboxOperation& o) { return o.entity == MemberEntity; });
    QCOMPARE(ops.size(), 1);
    QVERIFY2(PushResultRecorder(g.store()).record(
                 ops, {result(ops.first(), QStringLiteral("rejected"), 0, {}, QStringLiteral("no"))}, &tally,
                 &error),
             qPrintable(error));
    QCOMPARE(SyncConflictRepository(g.store()).openCount(), 1);
    QCOMPARE(g.scalar(QStringLiteral("SELECT count(*) FROM member_event WHERE member_id = 'm1'")).toInt(), 1);
}

void TestSyncConflicts::takingTheirsRemovesARefusedNewRecord()
{
    NewMemberStore s;
    QVERIFY(s.prepare());
    QString error;
    QVERIFY2(s.refuse(&error), qPrintable(error));
    // An edit made here after the refusal goes with the record.
    MemberRepository members(s.f.store(), OrganisationRepository::rootScope(s.f.store()));
    Member m = *members.find(s.m.id);
    m.notes = QStringLiteral("后来的备注");
    QVERIFY2(members.update(m, QStringLiteral("clerk"), &error), qPrintable(error));
    QVERIFY(s.pending() > 0);
    SyncConflictRepository conflicts(s.f.store());
    const QList<SyncConflict> open = conflicts.open();
    QCOMPARE(open.size(), 1);

    QVERIFY2(conflicts.resolve(open.first().id, SyncConflictRepository::Resolution::TakeTheirs,
                               QStringLiteral("clerk"), &error),
             qPrintable(error));
    QCOMPARE(s.members(), 0);
    QCOMPARE(s.events(), 0);
    QCOMPARE(s.pending(), 0);
    QCOMPARE(conflicts.openCount(), 0);
    QCOMPARE(conflicts.find(open.first().id)->resolution, QStringLiteral("dismissed"));
    QCOMPARE(danglingReferences(s.f.store()), QStringList());
    RosterFilter filter;
    filter.search = s.m.name;
    QCOMPARE(
        RosterQuery(s.f.store().connection(), OrganisationRepository::rootScope(s.f.store()), filter).count(),
        0);
    // The decision and what it removed are in the audit log.
    const AuditEntry last = AuditLog(s.f.store().connection()).entries().last();
    QCOMPARE(last.action, QStringLiteral("resolve-conflict"));
    QCOMPARE(last.recordId, s.m.id);
    QVERIFY2(last.detail.contains(QLatin1String("removed")), qPrintable(last.detail));
}

void TestSyncConflicts::keepingMineSendsTheJoinedChangesAgain()
{
    NewMemberStore s;
    QVERIFY(s.prepare());
    QString error;
    QVERIFY2(s.refuse(&error), qPrintable(error));
    SyncConflictRepository conflicts(s.f.store());
    QVERIFY2(conflicts.resolve(conflicts.open().first().id, SyncConflictRepository::Resolution::KeepMine,
                               QStringLiteral("clerk"), &error),
             qPrintable(error));
    const QList<OutboxOperation> again = Outbox(s.f.store().connection()).pending(10);
    QCOMPARE(again.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(again.at(i).entity, s.ops.at(i).entity);
        QCOMPARE(again.at(i).recordId, s.ops.at(i).recordId);
        QCOMPARE(again.at(i).fields, s.ops.at(i).fields);
        QCOMPARE(again.at(i).baseVersion, 0);
        QVERIFY(again.at(i).opId != s.ops.at(i).opId);
    }
    QCOMPARE(s.members(), 1);
    QCOMPARE(s.events(), 1);
    QCOMPARE(conflicts.openCount(), 0);
}

void TestSyncConflicts::refusedNewRecordStaysWhileAnotherRefersToIt()
{
    NewMemberStore s;
    QVERIFY(s.prepare());
    // The member is also the union's chair, a record of its own that the clerk did not give up.
    Cadre chair;
    chair.memberId = s.m.id;
    chair.organisationId = Base;
    chair.position = QStringLiteral("chair");
    chair.termStart = QStringLiteral("2024-01-01");
    QString error;
    QVERIFY2(CadreRepository(s.f.store(), OrganisationRepository::rootScope(s.f.store()))
                 .add(chair, QStringLiteral("clerk"), &error),
             qPrintable(error));
    QVERIFY2(s.refuse(&error), qPrintable(error));
    SyncConflictRepository conflicts(s.f.store());
    const QString id = conflicts.open().first().id;
    QVERIFY(!conflicts.resolve(id, SyncConflictRepository::Resolution::TakeTheirs, QStringLiteral("clerk"),
                               &error));
    QVERIFY2(error.contains(s.m.name) && error.contains(entityLabel(QStringLiteral("cadre"))),
             qPrintable(error));
    QCOMPARE(s.members(), 1);
    QCOMPARE(s.events(), 1);
    QVERIFY(conflicts.find(id)->isOpen());
}

QTEST_GUILESS_MAIN(TestSyncConflicts)
#include "tst_syncconflicts.moc"
