// What a push brings back, kept for the clerk and settled as the clerk decides: PushResultRecorder
// turns answers into outbox deletions and conflict rows, SyncConflictRepository resolves them.

#include "SyncFixture.h"
#include "TestStore.h"
#include "audit/AuditLog.h"
#include "members/MemberRepository.h"
#include "members/RosterQuery.h"
#include "organisations/OrganisationRepository.h"
#include "store/Outbox.h"
#include "sync/PushResultRecorder.h"
#include "sync/SyncConflictRepository.h"

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

QTEST_GUILESS_MAIN(TestSyncConflicts)
#include "tst_syncconflicts.moc"
