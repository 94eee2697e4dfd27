// The sync's guarantees under faults (DESIGN.md "Sync contract"; issue #5 "Proof"), with
// `uniondesk-server` and `uniondesk-cli` as real processes on loopback, on SQLite and on a fresh
// PostgreSQL database: the server killed in the middle of a push; the connection cut in the middle of
// a pull (FaultProxy between client and server); the same batch sent twice; the client killed
// between its local commit and the push, after the server applied a push, and in the middle of a
// pull; two server instances on one database serving two clients. Each case runs the sync again
// after the fault and ends with the data files compared record by record with the server
// (SyncCompare): nothing lost, nothing doubled, the same final state.
#include "FaultProxy.h"
#include "SyncLoopbackTest.h"
#include "TestStore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using ud::test::CliProcess;
using ud::test::CliRun;
using ud::test::FaultProxy;
using ud::test::SyncCompare;
using ud::test::SyncLoopback;
using ud::test::SyncSnapshot;
using ud::test::TestStore;

namespace {

const QByteArray PushRequest = "POST /api/v1/sync/push";
const QByteArray PullRequest = "GET /api/v1/sync/pull";
const QByteArray PullLogLine = "\"path\":\"/api/v1/sync/pull\"";

QStringList idNumbers(int first, int count)
{
    QStringList numbers;
    for (int n = first; n < first + count; ++n)
        numbers.append(TestStore::sampleIdNumber(n));
    numbers.sort();
    return numbers;
}

} // namespace

class TestSyncFaults : public ud::test::SyncLoopbackTest
{
    Q_OBJECT

private slots:
    void serverKilledInTheMiddleOfAPush();
    void connectionCutInTheMiddleOfAPull();
    void sameBatchSentTwice();
    void clientKilledBetweenCommitAndPush();
    void clientKilledAfterTheServerApplied();
    void clientKilledInTheMiddleOfAPull();
    void twoServerInstancesOnOneDatabase();

private:
    // A first sync of a new data file of clerk A, then `count` members from n = `first` imported
    // into union A (two outbox operations each: the member and its "joined" event).
    void importMembers(const QString& store, int first, int count);
    SyncSnapshot client(const QString& store);
    qint64 changeSequence() { return m_world->serverCount(QStringLiteral("SELECT value FROM change_seq")); }
};

void TestSyncFaults::importMembers(const QString& store, int first, int count)
{
    SyncLoopback& w = *m_world;
    if (!QFileInfo::exists(store)) {
        CLI_OK(joined, w.sync(store, SyncLoopback::ClerkA));
    }
    const QString roster = w.folder() + QStringLiteral("/roster-%1.csv").arg(first);
    QString error;
    QVERIFY2(w.writeRoster(roster, first, count, &error), qPrintable(error));
    CLI_OK(imported, w.cli(store, {QStringLiteral("import"), roster, QStringLiteral("--org"),
                                   SyncLoopback::unionAName(), QStringLiteral("--json")}));
    QCOMPARE(imported.object().value(QLatin1String("imported")).toInt(), count);
}

SyncSnapshot TestSyncFaults::client(const QString& store)
{
    SyncSnapshot snapshot;
    QString error;
    if (!SyncCompare::readClient(store, &snapshot, &error))
        qWarning("%s", qPrintable(error));
    return snapshot;
}

void TestSyncFaults::serverKilledInTheMiddleOfAPush()
{
    SyncLoopback& w = *m_world;
    const QString a = w.storePath(QStringLiteral("a"));
    // 1,200 operations: three batches of at most 500.
    constexpr int members = 600;
    importMembers(a, 0, members);
    if (QTest::currentTestFailed())
        return;

    std::unique_ptr<CliProcess> sync =
        w.startSync(a, SyncLoopback::ClerkA, {QStringLiteral("--retries"), QStringLiteral("0")});
    QVERIFY(sync);
    // Killed while the second batch is being applied: the first answered, part of the second stored.
    qint64 applied = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            applied = w.serverCount(QStringLiteral("SELECT COUNT(*) FROM applied_op"));
            return applied > 500 || !sync->isRunning();
        },
        120'000));
    w.server().kill();
    applied = w.serverCount(QStringLiteral("SELECT COUNT(*) FROM applied_op"));
    QVERIFY(sync->waitForFinished(120'000));
    const CliRun failed = sync->result();
    QVERIFY2(failed.exitCode != 0, qPrintable(failed.describe()));
    QVERIFY2(failed.err.startsWith(QLatin1String("error: ")) &&
                 failed.err.contains(QLatin1String("127.0.0.1")),
             qPrintable(failed.err));
    qInfo("the server was killed with %lld of %d operations applied; the client said: %s", applied,
          2 * members, qPrintable(failed.err.trimmed()));
    QVERIFY(applied < 2 * members);
    const qint64 waiting = client(a).pendingOperations;
    QVERIFY2(waiting > 0 && waiting <= 2 * members - 500, qPrintable(QString::number(waiting)));

    // Started again on the same database: the client sends what it has not heard back about.
    QString error;
    QVERIFY2(w.startServer(0, &error), qPrintable(error));
    CLI_OK(again, w.sync(a, SyncLoopback::ClerkA));
    QCOMPARE(pushed(again), waiting);
    QCOMPARE(conflicts(again), 0);
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM applied_op")), qint64(2 * members));
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member WHERE deleted = 0")), qint64(members));
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member_event")), qint64(members));
    CONVERGED(a, SyncLoopback::ClerkA);
    QCOMPARE(client(a).liveIdNumbers(), idNumbers(0, members));

    const QString fresh = w.storePath(QStringLiteral("fresh"));
    CLI_OK(first, w.sync(fresh, SyncLoopback::District));
    CONVERGED(fresh, SyncLoopback::District);
}

void TestSyncFaults::connectionCutInTheMiddleOfAPull()
{
    SyncLoopback& w = *m_world;
    const QString a1 = w.storePath(QStringLiteral("a1"));
    const QString a2 = w.storePath(QStringLiteral("a2"));
    constexpr int members = 150;
    constexpr int pageSize = 97;
    importMembers(a1, 100, members);
    if (QTest::currentTestFailed())
        return;
    CLI_OK(sent, w.sync(a1, SyncLoopback::ClerkA));

    // The third page breaks off after its first few kilobytes.
    FaultProxy proxy(w.server().port());
    QString error;
    QVERIFY2(proxy.listen(&error), qPrintable(error));
    proxy.setRule({PullRequest, 3, FaultProxy::Fault::CutAnswer, 4096});
    const CliRun cut = w.sync(a2, SyncLoopback::ClerkA,
                              {QStringLiteral("--page-size"), QString::number(pageSize),
                               QStringLiteral("--retries"), QStringLiteral("0")},
                              proxy.baseUrl());
    QCOMPARE(proxy.faults(), 1);
    QVERIFY2(cut.exitCode != 0, qPrintable(cut.describe()));
    // A clear error names the server.
    QVERIFY2(cut.err.startsWith(QLatin1String("error: ")) &&
                 cut.err.contains(QStringLiteral("127.0.0.1:%1").arg(proxy.port())),
             qPrintable(cut.err));
    qInfo("the client said: %s", qPrintable(cut.err.trimmed()));
    // The two whole pages are kept, with the cursor after them; nothing of the cut one.
    const SyncSnapshot partial = client(a2);
    QCOMPARE(partial.records.size(), 2 * pageSize);

    // Again, straight to the server: it carries on after the two pages.
    const int changes = 2 * members + 1;
    CLI_OK(again,
           w.sync(a2, SyncLoopback::ClerkA, {QStringLiteral("--page-size"), QString::number(pageSize)}));
    QCOMPARE(pulled(again), changes - 2 * pageSize);
    CONVERGED(a2, SyncLoopback::ClerkA);
    CONVERGED(a1, SyncLoopback::ClerkA);
    QCOMPARE(client(a2).liveIdNumbers(), idNumbers(100, members));
}

void TestSyncFaults::sameBatchSentTwice()
{
    SyncLoopback& w = *m_world;
    const QString a = w.storePath(QStringLiteral("a"));
    constexpr int members = 100;
    importMembers(a, 500, members);
    if (QTest::currentTestFailed())
        return;

    // The server applies the batch, and the client never hears: it sends the batch again.
    FaultProxy proxy(w.server().port());
    QString error;
    QVERIFY2(proxy.listen(&error), qPrintable(error));
    proxy.setRule({PushRequest, 1, FaultProxy::Fault::DropAnswer, 0});
    CLI_OK(synced, w.sync(a, SyncLoopback::ClerkA, {QStringLiteral("--retries"), QStringLiteral("2")},
                          proxy.baseUrl()));
    QCOMPARE(proxy.faults(), 1);
    const QList<QByteArray> bodies = proxy.bodies(PushRequest);
    QCOMPARE(bodies.size(), 2);
    QCOMPARE(bodies.at(1), bodies.at(0));
    QCOMPARE(pushed(synced), 2 * members);
    QCOMPARE(conflicts(synced), 0);
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM applied_op")), qint64(2 * members));
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member")), qint64(members));
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member_event")), qint64(members));
    CONVERGED(a, SyncLoopback::ClerkA);

    // The same batch once more, by hand: every operation answers "duplicate" with the version of
    // its first application, and nothing changes.
    const qint64 sequence = changeSequence();
    const QString token = w.signIn(SyncLoopback::ClerkA);
    QVERIFY(!token.isEmpty());
    const SyncLoopback::Answer replay =
        w.call("POST", w.serverUrl() + QStringLiteral("/api/v1/sync/push"), bodies.first(), token);
    QCOMPARE(replay.status, 200);
    const QJsonArray sent =
        QJsonDocument::fromJson(bodies.first()).object().value(QLatin1String("operations")).toArray();
    const QJsonArray results = replay.json.value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), sent.size());
    bool ok = false;
    SyncSnapshot server;
    QVERIFY2(
        SyncCompare::readServer(w.serverDatabase(), w.organisationOf(SyncLoopback::ClerkA), &server, &error),
        qPrintable(error));
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        const QJsonObject op = sent.at(i).toObject();
        QCOMPARE(result.value(QLatin1String("opId")).toString(), op.value(QLatin1String("opId")).toString());
        QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("duplicate"));
        const SyncSnapshot::Record* record = server.find(op.value(QLatin1String("entity")).toString(),
                                                         op.value(QLatin1String("id")).toString());
        QVERIFY(record);
        QCOMPARE(result.value(QLatin1String("version")).toInteger(), record->version);
        ok = true;
    }
    QVERIFY(ok);
    QCOMPARE(changeSequence(), sequence);
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member")), qint64(members));
    CONVERGED(a, SyncLoopback::ClerkA);
}

void TestSyncFaults::clientKilledBetweenCommitAndPush()
{
    SyncLoopback& w = *m_world;
    const QString a = w.storePath(QStringLiteral("a"));
    CLI_OK(first, w.sync(a, SyncLoopback::ClerkA));
    QString error;
    for (int n = 40; n < 43; ++n)
        QVERIFY2(!w.addMember(a, n, SyncLoopback::unionAName(), &error).isEmpty(), qPrintable(error));

    // Killed with the push on its way: the server never sees it.
    FaultProxy proxy(w.server().port());
    QVERIFY2(proxy.listen(&error), qPrintable(error));
    proxy.setRule({PushRequest, 1, FaultProxy::Fault::HoldRequest, 0});
    std::unique_ptr<CliProcess> sync = w.startSync(a, SyncLoopback::ClerkA, {}, proxy.baseUrl());
    QVERIFY(sync);
    QVERIFY(QTest::qWaitFor([&] { return proxy.holding() || !sync->isRunning(); }, 60'000));
    QVERIFY2(proxy.holding(), qPrintable(sync->result().describe()));
    sync->kill();
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member")), qint64(0));
    QCOMPARE(client(a).pendingOperations, qint64(6));

    // The clerk goes on working after the restart; the next sync takes everything.
    QVERIFY2(!w.addMember(a, 43, SyncLoopback::unionAName(), &error).isEmpty(), qPrintable(error));
    CLI_OK(again, w.sync(a, SyncLoopback::ClerkA));
    QCOMPARE(pushed(again), 8);
    QCOMPARE(conflicts(again), 0);
    CONVERGED(a, SyncLoopback::ClerkA);
    QCOMPARE(client(a).liveIdNumbers(), idNumbers(40, 4));
}

void TestSyncFaults::clientKilledAfterTheServerApplied()
{
    SyncLoopback& w = *m_world;
    const QString a = w.storePath(QStringLiteral("a"));
    constexpr int members = 100;
    importMembers(a, 700, members);
    if (QTest::currentTestFailed())
        return;

    // The server has applied the batch and answered; the client is killed before it hears.
    FaultProxy proxy(w.server().port());
    QString error;
    QVERIFY2(proxy.listen(&error), qPrintable(error));
    proxy.setRule({PushRequest, 1, FaultProxy::Fault::HoldAnswer, 0});
    std::unique_ptr<CliProcess> sync = w.startSync(a, SyncLoopback::ClerkA, {}, proxy.baseUrl());
    QVERIFY(sync);
    QVERIFY(QTest::qWaitFor([&] { return proxy.holding() || !sync->isRunning(); }, 120'000));
    QVERIFY2(proxy.holding(), qPrintable(sync->result().describe()));
    sync->kill();
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM applied_op")), qint64(2 * members));
    QCOMPARE(client(a).pendingOperations, qint64(2 * members));

    // Sent again, the batch changes nothing on the server: each operation was applied once.
    const qint64 sequence = changeSequence();
    CLI_OK(again, w.sync(a, SyncLoopback::ClerkA));
    QCOMPARE(pushed(again), 2 * members);
    QCOMPARE(conflicts(again), 0);
    QCOMPARE(changeSequence(), sequence);
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member")), qint64(members));
    CONVERGED(a, SyncLoopback::ClerkA);
}

void TestSyncFaults::clientKilledInTheMiddleOfAPull()
{
    SyncLoopback& w = *m_world;
    const QString a1 = w.storePath(QStringLiteral("a1"));
    const QString a2 = w.storePath(QStringLiteral("a2"));
    constexpr int members = 120;
    constexpr int pageSize = 50;
    importMembers(a1, 900, members);
    if (QTest::currentTestFailed())
        return;
    CLI_OK(sent, w.sync(a1, SyncLoopback::ClerkA));

    // Four pages stored; killed while the fifth is on its way.
    FaultProxy proxy(w.server().port());
    QString error;
    QVERIFY2(proxy.listen(&error), qPrintable(error));
    proxy.setRule({PullRequest, 5, FaultProxy::Fault::HoldAnswer, 0});
    std::unique_ptr<CliProcess> sync =
        w.startSync(a2, SyncLoopback::ClerkA, {QStringLiteral("--page-size"), QString::number(pageSize)},
                    proxy.baseUrl());
    QVERIFY(sync);
    QVERIFY(QTest::qWaitFor([&] { return proxy.holding() || !sync->isRunning(); }, 60'000));
    QVERIFY2(proxy.holding(), qPrintable(sync->result().describe()));
    sync->kill();
    QCOMPARE(client(a2).records.size(), 4 * pageSize);

    CLI_OK(again,
           w.sync(a2, SyncLoopback::ClerkA, {QStringLiteral("--page-size"), QString::number(pageSize)}));
    QCOMPARE(pulled(again), 2 * members + 1 - 4 * pageSize);
    CONVERGED(a2, SyncLoopback::ClerkA);
    QCOMPARE(client(a2).liveIdNumbers(), idNumbers(900, members));
}

void TestSyncFaults::twoServerInstancesOnOneDatabase()
{
    SyncLoopback& w = *m_world;
    QString error;
    QVERIFY2(w.startServer(1, &error), qPrintable(error));
    const QString one = w.serverUrl(0);
    const QString two = w.serverUrl(1);
    const QString a1 = w.storePath(QStringLiteral("a1"));
    const QString a2 = w.storePath(QStringLiteral("a2"));
    const QString d = w.storePath(QStringLiteral("district"));
    CLI_OK(first1, w.sync(a1, SyncLoopback::ClerkA, {}, one));
    CLI_OK(first2, w.sync(a2, SyncLoopback::ClerkA, {}, two));

    // Alternately: each client works, then syncs with its own instance.
    importMembers(a1, 1000, 20);
    if (QTest::currentTestFailed())
        return;
    CLI_OK(round1, w.sync(a1, SyncLoopback::ClerkA, {}, one));
    QCOMPARE(pushed(round1), 40);
    CLI_OK(round1There, w.sync(a2, SyncLoopback::ClerkA, {}, two));
    QCOMPARE(pulled(round1There), 40);
    CLI_OK(round1Above, w.sync(d, SyncLoopback::District, {}, one));

    const SyncSnapshot before = client(a2);
    QString deletedId;
    for (const SyncSnapshot::Record& r : before.records) {
        if (r.entity == QLatin1String("member") &&
            r.fields.value(QLatin1String("idNumber")).toString() == TestStore::sampleIdNumber(1001))
            deletedId = r.id;
    }
    QVERIFY(!deletedId.isEmpty());
    CLI_OK(edit2,
           w.cli(a2, {QStringLiteral("members"), QStringLiteral("edit"), TestStore::sampleIdNumber(1000),
                      QStringLiteral("--mobile"), QStringLiteral("13500001000")}));
    QVERIFY2(w.removeMember(a2, deletedId, &error), qPrintable(error));
    importMembers(a2, 1020, 10);
    if (QTest::currentTestFailed())
        return;
    CLI_OK(round2, w.sync(a2, SyncLoopback::ClerkA, {}, two));
    QCOMPARE(conflicts(round2), 0);
    CLI_OK(edit1,
           w.cli(a1, {QStringLiteral("members"), QStringLiteral("edit"), TestStore::sampleIdNumber(1002),
                      QStringLiteral("--employer"), QStringLiteral("某某建筑公司")}));
    CLI_OK(round2There, w.sync(a1, SyncLoopback::ClerkA, {}, one));
    QCOMPARE(conflicts(round2There), 0);

    // One field changed on both sides, through different instances: one conflict, kept mine.
    CLI_OK(clash1,
           w.cli(a1, {QStringLiteral("members"), QStringLiteral("edit"), TestStore::sampleIdNumber(1003),
                      QStringLiteral("--notes"), QStringLiteral("一号机")}));
    CLI_OK(clash2,
           w.cli(a2, {QStringLiteral("members"), QStringLiteral("edit"), TestStore::sampleIdNumber(1003),
                      QStringLiteral("--notes"), QStringLiteral("二号机")}));
    CLI_OK(round3, w.sync(a1, SyncLoopback::ClerkA, {}, one));
    QCOMPARE(conflicts(round3), 0);
    CLI_OK(round3There, w.sync(a2, SyncLoopback::ClerkA, {}, two));
    QCOMPARE(conflicts(round3There), 1);
    CLI_OK(open, w.cli(a2, {QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(open.array().size(), 1);
    CLI_OK(keep, w.cli(a2, {QStringLiteral("conflicts"), QStringLiteral("resolve"),
                            open.array().first().toObject().value(QLatin1String("id")).toString(),
                            QStringLiteral("--keep"), QStringLiteral("mine")}));

    // At the same time: each client sends a batch of new members to its own instance, while the
    // district reads in small pages from the second one. Versions are handed out as the changes
    // commit, so a page never moves a cursor past a change another instance has yet to commit.
    importMembers(a1, 1100, 100);
    importMembers(a2, 1200, 100);
    if (QTest::currentTestFailed())
        return;
    std::unique_ptr<CliProcess> sync1 = w.startSync(a1, SyncLoopback::ClerkA, {}, one);
    std::unique_ptr<CliProcess> sync2 = w.startSync(a2, SyncLoopback::ClerkA, {}, two);
    QVERIFY(sync1 && sync2);
    int reads = 0;
    while (sync1->isRunning() || sync2->isRunning()) {
        CLI_OK(reading,
               w.sync(d, SyncLoopback::District, {QStringLiteral("--page-size"), QStringLiteral("10")}, two));
        ++reads;
    }
    qInfo("the district synced %d times while the two pushes ran", reads);
    QVERIFY(sync1->waitForFinished() && sync2->waitForFinished());
    const CliRun together1 = sync1->result();
    const CliRun together2 = sync2->result();
    QVERIFY2(together1.exitCode == 0, qPrintable(together1.describe()));
    QVERIFY2(together2.exitCode == 0, qPrintable(together2.describe()));
    QCOMPARE(conflicts(together1), 0);
    QCOMPARE(conflicts(together2), 0);
    // Each takes in what the other sent.
    CLI_OK(last1, w.sync(a1, SyncLoopback::ClerkA, {}, one));
    CLI_OK(last2, w.sync(a2, SyncLoopback::ClerkA, {}, two));
    CLI_OK(lastD, w.sync(d, SyncLoopback::District, {}, two));

    CONVERGED(a1, SyncLoopback::ClerkA);
    CONVERGED(a2, SyncLoopback::ClerkA);
    CONVERGED(d, SyncLoopback::District);
    QStringList expected = idNumbers(1000, 30) + idNumbers(1100, 100) + idNumbers(1200, 100);
    expected.removeOne(TestStore::sampleIdNumber(1001));
    expected.sort();
    const SyncSnapshot final1 = client(a1);
    QCOMPARE(final1.liveIdNumbers(), expected);
    QCOMPARE(w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member WHERE deleted = 0")),
             qint64(expected.size()));
    for (const SyncSnapshot::Record& r : final1.records) {
        if (r.entity != QLatin1String("member"))
            continue;
        const QString number = r.fields.value(QLatin1String("idNumber")).toString();
        if (number == TestStore::sampleIdNumber(1000))
            QCOMPARE(r.fields.value(QLatin1String("mobile")).toString(), QStringLiteral("13500001000"));
        if (number == TestStore::sampleIdNumber(1002))
            QCOMPARE(r.fields.value(QLatin1String("employer")).toString(), QStringLiteral("某某建筑公司"));
        if (number == TestStore::sampleIdNumber(1003))
            QCOMPARE(r.fields.value(QLatin1String("notes")).toString(), QStringLiteral("二号机"));
    }
}

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
