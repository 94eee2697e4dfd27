// Import batches: every import is one batch the clerk can find later and undo as a whole. Before it
// has synced an undone member simply disappears (with its history and pending operations); after,
// the undo becomes deletions that sync. Imports are run through the real plan and commit.

#include "TestStore.h"
#include "cadres/CadreRepository.h"
#include "io/CsvReader.h"
#include "io/HeaderMap.h"
#include "io/ImportBatchRepository.h"
#include "io/ImportPlan.h"
#include "io/RosterImport.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "store/Sql.h"
#include "transfers/TransferWorkflow.h"
#include "util/Clock.h"

#include <QSqlQuery>
#include <QTest>

using namespace ud;
using namespace ud::test;

namespace {

QVariant scalar(TestStore& t, const QString& statement, const QVariantList& values = {})
{
    QSqlQuery q(t.store().connection());
    QString error;
    if (!sql::execBound(q, statement, values, &error) || !q.next()) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return q.value(0);
}

// Everything an import writes but the batch row, table by table: equal fingerprints mean the
// members and everything about them are as they were.
QString fingerprint(TestStore& t)
{
    QStringList parts;
    for (const char* table : {"member", "member_event", "outbox", "member_name_gram", "import_batch_member"})
        parts.append(
            scalar(t, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toString());
    parts.append(
        scalar(t, QStringLiteral("SELECT group_concat(organisation_id || status || n) FROM member_tally "
                                 "WHERE n > 0"))
            .toString());
    parts.append(scalar(t, QStringLiteral("SELECT count(*) FROM member WHERE deleted = 1")).toString());
    return parts.join(QLatin1Char('|'));
}

// A roster of `count` members sampleMember(first …) as the CSV a clerk would import.
Sheet rosterSheet(int first, int count, const QStringList& extraLines = {})
{
    QStringList lines{QStringLiteral("姓名,身份证号码,手机号码,入会时间")};
    for (int n = first; n < first + count; ++n) {
        const Member m = TestStore::sampleMember(n, QString());
        lines.append(QStringLiteral("%1,%2,%3,2021-03-01").arg(m.name, m.idNumber, m.mobile));
    }
    lines += extraLines;
    return CsvReader::parse(lines.join(QLatin1Char('\n')));
}

// Imports the sheet into `organisationId`; the batch id, or '' on failure.
QString importInto(TestStore& t, const Sheet& sheet, const QString& organisationId, int* imported = nullptr)
{
    const ImportPlan plan = ImportPlan::build(sheet, *HeaderMap::detect(sheet), t.store(), organisationId);
    RosterImport::CommitResult result;
    QString error;
    if (!RosterImport::commit(plan, t.store(), t.scope(), TestStore::actor(),
                              {QStringLiteral("花名册.csv"), {}}, &result, &error))
        qWarning("%s", qPrintable(error));
    if (imported)
        *imported = result.imported;
    return result.batchId;
}

} // namespace

class TstImportBatches : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Clock::reset(); }
    void importIsRecordedAsABatch();
    void nothingToImportWritesNoBatch();
    void undoBeforeSyncLeavesNoTrace();
    void undoAfterSyncSendsDeletions();
    void undoKeepsLaterWorkAndReportsIt();
    void cadreInPostBlocksTheUndo();
    void transferUnderWayBlocksTheUndo();
    void cancelledUndoChangesNothing();
    void batchesStayInsideTheScope();
};

void TstImportBatches::importIsRecordedAsABatch()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const Organisation factory = t.addOrganisation(QStringLiteral("红星机械厂工会"));
    // Three good rows and one with a bad check digit.
    const QString bad =
        TestStore::sampleIdNumber(9).left(17) +
        (TestStore::sampleIdNumber(9).endsWith(QLatin1Char('1')) ? QStringLiteral("2") : QStringLiteral("1"));
    int imported = 0;
    const QString batchId = importInto(
        t, rosterSheet(0, 3, {QStringLiteral("张错号,%1,,2021-03-01").arg(bad)}), factory.id, &imported);
    QVERIFY(!batchId.isEmpty());
    QCOMPARE(imported, 3);

    ImportBatchRepository batches(t.store(), t.scope());
    const QList<ImportBatch> all = batches.list();
    QCOMPARE(all.size(), 1);
    const ImportBatch& b = all.first();
    QCOMPARE(b.id, batchId);
    QCOMPARE(b.organisationId, factory.id);
    QCOMPARE(b.organisationName, factory.name);
    QCOMPARE(b.fileName, QStringLiteral("花名册.csv"));
    QCOMPARE(b.memberCount, 3);
    QCOMPARE(b.rejectedCount, 1);
    QCOMPARE(b.importedBy, TestStore::actor());
    QVERIFY(!b.isUndone());
    QCOMPARE(scalar(t,
                    QStringLiteral("SELECT count(*) FROM import_batch_member bm JOIN member m ON m.id = "
                                   "bm.member_id WHERE bm.batch_id = ? AND m.organisation_id = ?"),
                    {batchId, factory.id})
                 .toInt(),
             3);

    const ImportUndoCheck check = batches.checkUndo(batchId);
    QCOMPARE(check.present, 3);
    QCOMPARE(check.synced, 0);
    QCOMPARE(check.changedSince, 0);
    QVERIFY(check.canUndo());

    // A second import comes first in the list.
    Clock::setFixed(QDateTime::currentDateTimeUtc().addSecs(60));
    QVERIFY(!importInto(t, rosterSheet(10, 2), factory.id).isEmpty());
    QCOMPARE(batches.list().size(), 2);
    QCOMPARE(batches.list().first().memberCount, 2);
}

void TstImportBatches::nothingToImportWritesNoBatch()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    QVERIFY(!importInto(t, rosterSheet(0, 2), t.root().id).isEmpty());
    const QString before = fingerprint(t);
    // The same people again: every row is already a member, nothing is written, not even a batch.
    int imported = -1;
    QVERIFY(importInto(t, rosterSheet(0, 2), t.root().id, &imported).isEmpty());
    QCOMPARE(imported, 0);
    QCOMPARE(fingerprint(t), before);
    QCOMPARE(ImportBatchRepository(t.store(), t.scope()).list().size(), 1);
}

void TstImportBatches::undoBeforeSyncLeavesNoTrace()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const Organisation factory = t.addOrganisation(QStringLiteral("红星机械厂工会"));
    QCOMPARE(t.addMembers(factory.id, 2, 100).size(), 2); // members typed in by hand stay
    const QString before = fingerprint(t);

    const QString batchId = importInto(t, rosterSheet(0, 5), factory.id);
    QVERIFY(!batchId.isEmpty());
    QVERIFY(fingerprint(t) != before);

    ImportBatchRepository batches(t.store(), t.scope());
    int removed = 0;
    QString error;
    QVERIFY2(batches.undo(batchId, QStringLiteral("clerk"), &removed, &error), qPrintable(error));
    QCOMPARE(removed, 5);
    // Members, history, pending operations, name pieces and tallies are as before the import; only
    // the batch itself remains (not in the fingerprint), marked undone.
    QCOMPARE(fingerprint(t), before);
    const std::optional<ImportBatch> b = batches.find(batchId);
    QVERIFY(b && b->isUndone());
    QCOMPARE(b->undoneBy, QStringLiteral("clerk"));
    MemberRepository members(t.store(), t.scope());
    QVERIFY(!members.findByIdNumber(TestStore::sampleIdNumber(0)));
    QVERIFY(members.findByIdNumber(TestStore::sampleIdNumber(100)));

    // Undone is undone: a second undo is refused and the same file can be imported again.
    QVERIFY(!batches.undo(batchId, QStringLiteral("clerk"), &removed, &error));
    QVERIFY2(error.contains(QStringLiteral("already undone")), qPrintable(error));
    int imported = 0;
    QVERIFY(!importInto(t, rosterSheet(0, 5), factory.id, &imported).isEmpty());
    QCOMPARE(imported, 5);
}

void TstImportBatches::undoAfterSyncSendsDeletions()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const QString batchId = importInto(t, rosterSheet(0, 4), t.root().id);
    QVERIFY(!batchId.isEmpty());
    // What a successful push does: the server's versions come back and the outbox is emptied.
    QString error;
    QVERIFY(sql::run(t.store().connection(), QStringLiteral("UPDATE member SET version = 7"), &error));
    QVERIFY(sql::run(t.store().connection(), QStringLiteral("DELETE FROM outbox"), &error));

    ImportBatchRepository batches(t.store(), t.scope());
    QCOMPARE(batches.checkUndo(batchId).synced, 4);
    int removed = 0;
    QVERIFY2(batches.undo(batchId, QStringLiteral("clerk"), &removed, &error), qPrintable(error));
    QCOMPARE(removed, 4);
    // Tombstones that sync: each member deleted = 1 with a delete operation based on version 7.
    QCOMPARE(scalar(t, QStringLiteral("SELECT count(*) FROM member WHERE deleted = 1")).toInt(), 4);
    QCOMPARE(scalar(t, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'member' AND is_delete = 1 "
                                      "AND base_version = 7"))
                 .toInt(),
             4);
    QCOMPARE(scalar(t, QStringLiteral("SELECT coalesce(sum(n), 0) FROM member_tally")).toInt(), 0);
    QCOMPARE(scalar(t, QStringLiteral("SELECT count(*) FROM member_name_gram")).toInt(), 0);
}

void TstImportBatches::undoKeepsLaterWorkAndReportsIt()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const QString batchId = importInto(t, rosterSheet(0, 3), t.root().id);
    Clock::setFixed(QDateTime::currentDateTimeUtc().addSecs(120));
    MemberRepository members(t.store(), t.scope());
    Member edited = *members.findByIdNumber(TestStore::sampleIdNumber(1));
    edited.mobile = QStringLiteral("13700000001");
    QString error;
    QVERIFY2(members.update(edited, TestStore::actor(), &error), qPrintable(error));
    QVERIFY2(
        members.remove(members.findByIdNumber(TestStore::sampleIdNumber(2))->id, TestStore::actor(), &error),
        qPrintable(error));

    ImportBatchRepository batches(t.store(), t.scope());
    ImportUndoCheck check = batches.checkUndo(batchId);
    QCOMPARE(check.present, 2);
    QCOMPARE(check.alreadyGone, 1);
    QCOMPARE(check.changedSince, 1);
    // A sync writes the server's version and time into every member and history line: that is no
    // change of the clerk's, and the untouched member stays unchanged.
    QVERIFY(sql::run(t.store().connection(),
                     QStringLiteral("UPDATE member SET version = 5, updated_at = '2099-01-01T00:00:00.000Z'"),
                     &error));
    QVERIFY(sql::run(
        t.store().connection(),
        QStringLiteral("UPDATE member_event SET version = 6, updated_at = '2099-01-01T00:00:00.000Z'"),
        &error));
    check = batches.checkUndo(batchId);
    QCOMPARE(check.changedSince, 1);
    QCOMPARE(check.changedNames, QStringList{edited.name});
    int removed = 0;
    QVERIFY2(batches.undo(batchId, TestStore::actor(), &removed, &error), qPrintable(error));
    QCOMPARE(removed, 2);
    QCOMPARE(scalar(t, QStringLiteral("SELECT count(*) FROM member WHERE deleted = 0")).toInt(), 0);
}

void TstImportBatches::cadreInPostBlocksTheUndo()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const QString batchId = importInto(t, rosterSheet(0, 3), t.root().id);
    const Member chair = *MemberRepository(t.store(), t.scope()).findByIdNumber(TestStore::sampleIdNumber(0));
    Cadre cadre;
    cadre.memberId = chair.id;
    cadre.organisationId = t.root().id;
    cadre.position = QStringLiteral("chair");
    cadre.termStart = QStringLiteral("2023-01-01");
    cadre.termEnd = QStringLiteral("2028-01-01");
    QString error;
    CadreRepository cadres(t.store(), t.scope());
    QVERIFY2(cadres.add(cadre, TestStore::actor(), &error), qPrintable(error));
    const QString before = fingerprint(t);

    ImportBatchRepository batches(t.store(), t.scope());
    const ImportUndoCheck check = batches.checkUndo(batchId);
    QVERIFY(!check.canUndo());
    QCOMPARE(check.blockers.size(), 1);
    QVERIFY2(check.blockers.first().contains(chair.name), qPrintable(check.blockers.first()));
    int removed = 0;
    QVERIFY(!batches.undo(batchId, TestStore::actor(), &removed, &error));
    QVERIFY2(error.contains(chair.name), qPrintable(error));
    QCOMPARE(fingerprint(t), before);
    QVERIFY(!batches.find(batchId)->isUndone());

    // With the term ended the undo goes ahead, the term counting as a change since the import. Never
    // synced, the chair goes with her term: nothing of either is left to reach the server.
    QVERIFY2(cadres.endTerm(cadre.id, QDate::currentDate(), TestStore::actor(), &error), qPrintable(error));
    QCOMPARE(batches.checkUndo(batchId).changedSince, 1);
    QVERIFY2(batches.undo(batchId, TestStore::actor(), &removed, &error), qPrintable(error));
    QCOMPARE(removed, 3);
    QCOMPARE(scalar(t, QStringLiteral("SELECT count(*) FROM member")).toInt(), 0);
    QCOMPARE(scalar(t, QStringLiteral("SELECT count(*) FROM cadre")).toInt(), 0);
    QCOMPARE(
        scalar(t, QStringLiteral("SELECT count(*) FROM outbox WHERE entity IN ('member', 'member_event', "
                                 "'cadre')"))
            .toInt(),
        0);

    // Once the server has the term, the member stays as a tombstone the term can point to.
    const QString again = importInto(t, rosterSheet(0, 1), t.root().id);
    const Member second =
        *MemberRepository(t.store(), t.scope()).findByIdNumber(TestStore::sampleIdNumber(0));
    Cadre term = cadre;
    term.id.clear();
    term.memberId = second.id;
    QVERIFY2(cadres.add(term, TestStore::actor(), &error), qPrintable(error));
    QVERIFY2(cadres.endTerm(term.id, QDate::currentDate(), TestStore::actor(), &error), qPrintable(error));
    QVERIFY(sql::run(t.store().connection(), QStringLiteral("UPDATE cadre SET version = 3"), &error));
    QVERIFY(sql::run(t.store().connection(), QStringLiteral("UPDATE member SET version = 2"), &error));
    QVERIFY2(batches.undo(again, TestStore::actor(), &removed, &error), qPrintable(error));
    QCOMPARE(scalar(t, QStringLiteral("SELECT deleted FROM member WHERE id = ?"), {second.id}).toInt(), 1);
}

// A member whose transfer letter is out would leave it pointing at nobody: the undo waits until the
// transfer is completed or cancelled.
void TstImportBatches::transferUnderWayBlocksTheUndo()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const QString batchId = importInto(t, rosterSheet(0, 2), t.root().id);
    const Member leaving =
        *MemberRepository(t.store(), t.scope()).findByIdNumber(TestStore::sampleIdNumber(1));
    TransferWorkflow workflow(t.store(), t.scope());
    QString error;
    const std::optional<Transfer> transfer = workflow.transferOut(
        leaving.id, QStringLiteral("离职"), QString(), QString(), TestStore::actor(), &error);
    QVERIFY2(transfer, qPrintable(error));
    const QString before = fingerprint(t);

    ImportBatchRepository batches(t.store(), t.scope());
    const ImportUndoCheck check = batches.checkUndo(batchId);
    QVERIFY(!check.canUndo());
    QCOMPARE(check.blockers.size(), 1);
    QVERIFY2(check.blockers.first().contains(leaving.name) &&
                 check.blockers.first().contains(QStringLiteral("transfer")),
             qPrintable(check.blockers.first()));
    int removed = 0;
    QVERIFY(!batches.undo(batchId, TestStore::actor(), &removed, &error));
    QCOMPARE(fingerprint(t), before);

    QVERIFY2(workflow.cancel(transfer->id, QString(), TestStore::actor(), &error), qPrintable(error));
    QVERIFY(batches.checkUndo(batchId).blockers.isEmpty());
}

void TstImportBatches::cancelledUndoChangesNothing()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const QString batchId = importInto(t, rosterSheet(0, 700), t.root().id);
    QVERIFY(!batchId.isEmpty());
    const QString before = fingerprint(t);
    ImportBatchRepository batches(t.store(), t.scope());
    int calls = 0;
    int removed = -1;
    QString error;
    QVERIFY(!batches.undo(batchId, TestStore::actor(), &removed, &error, [&](int done, int total) {
        ++calls;
        return !(done >= 512 && total == 700);
    }));
    QCOMPARE(calls, 2);
    QCOMPARE(removed, 0);
    QVERIFY(!error.isEmpty());
    QCOMPARE(fingerprint(t), before);
    QVERIFY(!batches.find(batchId)->isUndone());
}

void TstImportBatches::batchesStayInsideTheScope()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const Organisation factory = t.addOrganisation(QStringLiteral("红星机械厂工会"));
    const Organisation shop = t.addOrganisation(QStringLiteral("百货商店工会"));
    const QString batchId = importInto(t, rosterSheet(0, 3), factory.id);
    const QString before = fingerprint(t);

    // The shop's clerk sees no import of the factory's, and cannot undo it.
    ImportBatchRepository shopBatches(t.store(), OrganisationRepository::scopeOf(t.store(), shop.id));
    QVERIFY(shopBatches.list().isEmpty());
    QVERIFY(!shopBatches.find(batchId));
    QCOMPARE(shopBatches.checkUndo(batchId).present, 0);
    int removed = 0;
    QString error;
    QVERIFY(!shopBatches.undo(batchId, TestStore::actor(), &removed, &error));
    QCOMPARE(fingerprint(t), before);

    // The factory's own clerk does; a member since moved to the shop is out of reach and stays.
    MemberRepository members(t.store(), t.scope());
    Member moved = *members.findByIdNumber(TestStore::sampleIdNumber(2));
    moved.organisationId = shop.id;
    QVERIFY2(members.update(moved, TestStore::actor(), &error), qPrintable(error));
    ImportBatchRepository factoryBatches(t.store(), OrganisationRepository::scopeOf(t.store(), factory.id));
    QCOMPARE(factoryBatches.list().size(), 1);
    const ImportUndoCheck check = factoryBatches.checkUndo(batchId);
    QCOMPARE(check.present, 2);
    QCOMPARE(check.outsideScope, 1);
    QVERIFY2(factoryBatches.undo(batchId, TestStore::actor(), &removed, &error), qPrintable(error));
    QCOMPARE(removed, 2);
    QVERIFY(members.findByIdNumber(TestStore::sampleIdNumber(2)));
}

QTEST_GUILESS_MAIN(TstImportBatches)
#include "tst_importbatches.moc"
