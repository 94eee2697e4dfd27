// The sync end to end (issue #5 "Proof"): `uniondesk-server` on loopback and clients driven with
// `uniondesk-cli`, each a process of its own, on SQLite and on a fresh PostgreSQL database. Every
// case ends with each client's data file compared record by record with the server's records in the
// client's account scope (SyncCompare): same records, same fields, same versions, nothing left to
// send, no ID number twice. The faults live in tst_syncfaults.
#include "SyncLoopbackTest.h"
#include "TestStore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTest>

#include <memory>

using ud::test::CliRun;
using ud::test::SyncCompare;
using ud::test::SyncLoopback;
using ud::test::SyncSnapshot;
using ud::test::TestStore;

namespace {

QString field(const SyncSnapshot& snapshot, const QString& memberId, const char* name)
{
    const SyncSnapshot::Record* r = snapshot.find(QStringLiteral("member"), memberId);
    return r ? r->fields.value(QLatin1String(name)).toString()
             : QStringLiteral("<no member %1>").arg(memberId);
}

int eventsOf(const SyncSnapshot& snapshot, const QString& memberId)
{
    int count = 0;
    for (const SyncSnapshot::Record& r : snapshot.records) {
        if (r.entity == QLatin1String("member_event") &&
            r.fields.value(QLatin1String("member")).toString() == memberId)
            ++count;
    }
    return count;
}

QStringList rosterIdNumbers(const CliRun& list)
{
    QStringList numbers;
    const QJsonArray rows = list.array();
    for (const QJsonValue& row : rows)
        numbers.append(row.toObject().value(QLatin1String("idNumber")).toString());
    numbers.sort();
    return numbers;
}

QString idNumber(int n)
{
    return TestStore::sampleIdNumber(n);
}

} // namespace

class TestSyncLoopback : public ud::test::SyncLoopbackTest
{
    Q_OBJECT

private slots:
    void createEditAndDeleteReachTheOtherClients();
    void conflictOnOneFieldWaitsForTheClerk();
    void changesToDifferentFieldsMerge();
    void movedMemberLeavesTheOldScope();
    void thousandsOfChangesInSmallPages();
    void importedMembersChangedBeforeTheirFirstPush();
    void deletedMembersReachANewClient();
    void crossingEditsAndDeletes();
    void samePersonEnteredOnTwoComputers();

private:
    // The client's snapshot, or a failed test.
    SyncSnapshot client(const QString& store, bool* ok);
    SyncSnapshot server(const QString& login, bool* ok);
};

SyncSnapshot TestSyncLoopback::client(const QString& store, bool* ok)
{
    SyncSnapshot snapshot;
    QString error;
    *ok = SyncCompare::readClient(store, &snapshot, &error);
    if (!*ok)
        qWarning("%s", qPrintable(error));
    return snapshot;
}

SyncSnapshot TestSyncLoopback::server(const QString& login, bool* ok)
{
    SyncSnapshot snapshot;
    QString error;
    *ok =
        SyncCompare::readServer(m_world->serverDatabase(), m_world->organisationOf(login), &snapshot, &error);
    if (!*ok)
        qWarning("%s", qPrintable(error));
    return snapshot;
}

void TestSyncLoopback::createEditAndDeleteReachTheOtherClients()
{
    SyncLoopback& w = *m_world;
    const QString a1 = w.storePath(QStringLiteral("a1"));
    const QString a2 = w.storePath(QStringLiteral("a2"));
    const QString d = w.storePath(QStringLiteral("district"));
    // A new data file's first sync brings its account's organisation and everything below it.
    CLI_OK(first1, w.sync(a1, SyncLoopback::ClerkA));
    QCOMPARE(pulled(first1), 1);
    CLI_OK(first2, w.sync(a2, SyncLoopback::ClerkA));
    CLI_OK(firstD, w.sync(d, SyncLoopback::District));
    QCOMPARE(pulled(firstD), 3);

    QString error;
    QStringList ids;
    for (int n = 0; n < 3; ++n) {
        ids.append(w.addMember(a1, n, SyncLoopback::unionAName(), &error));
        QVERIFY2(!ids.last().isEmpty(), qPrintable(error));
    }
    CLI_OK(created, w.sync(a1, SyncLoopback::ClerkA));
    // Each member and its "joined" event.
    QCOMPARE(pushed(created), 6);
    QCOMPARE(conflicts(created), 0);
    CLI_OK(createdThere, w.sync(a2, SyncLoopback::ClerkA));
    QCOMPARE(pulled(createdThere), 6);
    CLI_OK(createdAbove, w.sync(d, SyncLoopback::District));
    QCOMPARE(pulled(createdAbove), 6);
    CLI_OK(roster, w.cli(a2, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(rosterIdNumbers(roster), (QStringList{idNumber(0), idNumber(1), idNumber(2)}));

    // Edited on the second PC.
    CLI_OK(edit, w.cli(a2, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(1),
                            QStringLiteral("--mobile"), QStringLiteral("13800138001"),
                            QStringLiteral("--employer"), QStringLiteral("某某物流有限公司")}));
    CLI_OK(edited, w.sync(a2, SyncLoopback::ClerkA));
    // The changed fields and the "edited" event that records them.
    QCOMPARE(pushed(edited), 2);
    CLI_OK(editedThere, w.sync(a1, SyncLoopback::ClerkA));
    bool ok = false;
    SyncSnapshot first = client(a1, &ok);
    QVERIFY(ok);
    QCOMPARE(field(first, ids.at(1), "mobile"), QStringLiteral("13800138001"));
    QCOMPARE(field(first, ids.at(1), "employer"), QStringLiteral("某某物流有限公司"));

    // Deleted on the first.
    QVERIFY2(w.removeMember(a1, ids.at(2), &error), qPrintable(error));
    CLI_OK(deleted, w.sync(a1, SyncLoopback::ClerkA));
    QCOMPARE(conflicts(deleted), 0);
    CLI_OK(deletedThere, w.sync(a2, SyncLoopback::ClerkA));
    CLI_OK(deletedAbove, w.sync(d, SyncLoopback::District));
    const SyncSnapshot second = client(a2, &ok);
    QVERIFY(ok);
    const SyncSnapshot::Record* tombstone = second.find(QStringLiteral("member"), ids.at(2));
    QVERIFY(tombstone);
    QVERIFY(tombstone->deleted);
    for (const QString& store : {a1, a2, d}) {
        CLI_OK(left,
               w.cli(store, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")}));
        QCOMPARE(rosterIdNumbers(left), (QStringList{idNumber(0), idNumber(1)}));
    }

    // On the wire a tombstone says only that the record is gone.
    const QString token = w.signIn(SyncLoopback::ClerkA);
    QVERIFY(!token.isEmpty());
    const SyncLoopback::Answer pull =
        w.call("GET", w.serverUrl() + QStringLiteral("/api/v1/sync/pull?cursor=0&limit=1000"), {}, token);
    QCOMPARE(pull.status, 200);
    bool seen = false;
    const QJsonArray changes = pull.json.value(QLatin1String("changes")).toArray();
    for (const QJsonValue& value : changes) {
        const QJsonObject change = value.toObject();
        if (change.value(QLatin1String("id")).toString() != ids.at(2))
            continue;
        seen = true;
        QCOMPARE(change.value(QLatin1String("deleted")).toBool(), true);
        QCOMPARE(change.value(QLatin1String("fields")).toObject(), QJsonObject());
    }
    QVERIFY(seen);
    QVERIFY2(!pull.body.contains(idNumber(2).toUtf8()), pull.body.constData());
    QVERIFY(!pull.body.contains(TestStore::sampleMember(2, {}).mobile.toUtf8()));

    CONVERGED(a1, SyncLoopback::ClerkA);
    CONVERGED(a2, SyncLoopback::ClerkA);
    CONVERGED(d, SyncLoopback::District);
}

void TestSyncLoopback::conflictOnOneFieldWaitsForTheClerk()
{
    SyncLoopback& w = *m_world;
    const QString a = w.storePath(QStringLiteral("a"));
    const QString d = w.storePath(QStringLiteral("district"));
    QString error;
    CLI_OK(firstA, w.sync(a, SyncLoopback::ClerkA));
    const QString id = w.addMember(a, 10, SyncLoopback::unionAName(), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    CLI_OK(created, w.sync(a, SyncLoopback::ClerkA));
    CLI_OK(firstD, w.sync(d, SyncLoopback::District));

    // Both change the mobile; the union's clerk syncs first.
    const QString unionMobile = QStringLiteral("13900000001");
    const QString districtMobile = QStringLiteral("13700000002");
    CLI_OK(editA, w.cli(a, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(10),
                            QStringLiteral("--mobile"), unionMobile}));
    CLI_OK(editD, w.cli(d, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(10),
                            QStringLiteral("--mobile"), districtMobile}));
    CLI_OK(firstIn, w.sync(a, SyncLoopback::ClerkA));
    QCOMPARE(conflicts(firstIn), 0);
    CLI_OK(secondIn, w.sync(d, SyncLoopback::District));
    QCOMPARE(conflicts(secondIn), 1);

    // Nobody's value was overwritten silently: each side keeps its own until the clerk decides.
    bool ok = false;
    QCOMPARE(field(client(d, &ok), id, "mobile"), districtMobile);
    QCOMPARE(field(server(SyncLoopback::District, &ok), id, "mobile"), unionMobile);
    CLI_OK(open, w.cli(d, {QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(open.array().size(), 1);
    const QJsonObject conflict = open.array().first().toObject();
    QCOMPARE(conflict.value(QLatin1String("record")).toString(), id);
    QCOMPARE(conflict.value(QLatin1String("field")).toString(), QStringLiteral("mobile"));
    QCOMPARE(conflict.value(QLatin1String("mine")).toString(), districtMobile);
    QCOMPARE(conflict.value(QLatin1String("theirs")).toString(), unionMobile);

    // Keep mine: the district's value goes to the server and on to the union.
    CLI_OK(keep, w.cli(d, {QStringLiteral("conflicts"), QStringLiteral("resolve"),
                           conflict.value(QLatin1String("id")).toString(), QStringLiteral("--keep"),
                           QStringLiteral("mine")}));
    CLI_OK(kept, w.sync(d, SyncLoopback::District));
    QCOMPARE(pushed(kept), 1);
    QCOMPARE(conflicts(kept), 0);
    CLI_OK(keptThere, w.sync(a, SyncLoopback::ClerkA));
    QCOMPARE(field(client(a, &ok), id, "mobile"), districtMobile);

    // The other way round, and take theirs: the union's clerk takes the district's employer.
    CLI_OK(editA2, w.cli(a, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(10),
                             QStringLiteral("--employer"), QStringLiteral("甲厂")}));
    CLI_OK(editD2, w.cli(d, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(10),
                             QStringLiteral("--employer"), QStringLiteral("乙公司")}));
    CLI_OK(districtFirst, w.sync(d, SyncLoopback::District));
    QCOMPARE(conflicts(districtFirst), 0);
    CLI_OK(unionSecond, w.sync(a, SyncLoopback::ClerkA));
    QCOMPARE(conflicts(unionSecond), 1);
    QCOMPARE(field(client(a, &ok), id, "employer"), QStringLiteral("甲厂"));
    CLI_OK(open2, w.cli(a, {QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(open2.array().size(), 1);
    CLI_OK(take, w.cli(a, {QStringLiteral("conflicts"), QStringLiteral("resolve"),
                           open2.array().first().toObject().value(QLatin1String("id")).toString(),
                           QStringLiteral("--keep"), QStringLiteral("theirs")}));
    QCOMPARE(field(client(a, &ok), id, "employer"), QStringLiteral("乙公司"));
    CLI_OK(settledA, w.sync(a, SyncLoopback::ClerkA));
    CLI_OK(settledD, w.sync(d, SyncLoopback::District));

    const SyncSnapshot onServer = server(SyncLoopback::District, &ok);
    QVERIFY(ok);
    QCOMPARE(field(onServer, id, "mobile"), districtMobile);
    QCOMPARE(field(onServer, id, "employer"), QStringLiteral("乙公司"));
    CONVERGED(a, SyncLoopback::ClerkA);
    CONVERGED(d, SyncLoopback::District);
}

void TestSyncLoopback::changesToDifferentFieldsMerge()
{
    SyncLoopback& w = *m_world;
    const QString a1 = w.storePath(QStringLiteral("a1"));
    const QString a2 = w.storePath(QStringLiteral("a2"));
    const QString d = w.storePath(QStringLiteral("district"));
    QString error;
    CLI_OK(first, w.sync(a1, SyncLoopback::ClerkA));
    const QString id = w.addMember(a1, 20, SyncLoopback::unionAName(), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    CLI_OK(created, w.sync(a1, SyncLoopback::ClerkA));
    CLI_OK(second, w.sync(a2, SyncLoopback::ClerkA));
    CLI_OK(third, w.sync(d, SyncLoopback::District));

    // Three clerks, three different fields (one of them the name, which the search index follows).
    CLI_OK(edit1, w.cli(a1, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(20),
                             QStringLiteral("--mobile"), QStringLiteral("13600000020")}));
    CLI_OK(edit2, w.cli(a2, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(20),
                             QStringLiteral("--employer"), QStringLiteral("新雇主有限公司"),
                             QStringLiteral("--name"), QStringLiteral("欧阳新名")}));
    CLI_OK(edit3, w.cli(d, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(20),
                            QStringLiteral("--job"), QStringLiteral("快递员")}));
    for (const auto& [store, login] :
         {std::pair{a1, SyncLoopback::ClerkA}, std::pair{a2, SyncLoopback::ClerkA},
          std::pair{d, SyncLoopback::District}}) {
        CLI_OK(merged, w.sync(store, login));
        QCOMPARE(pushed(merged), 2);
        QCOMPARE(conflicts(merged), 0);
    }
    CLI_OK(again1, w.sync(a1, SyncLoopback::ClerkA));
    CLI_OK(again2, w.sync(a2, SyncLoopback::ClerkA));

    bool ok = false;
    for (const QString& store : {a1, a2, d}) {
        const SyncSnapshot s = client(store, &ok);
        QVERIFY(ok);
        QCOMPARE(field(s, id, "mobile"), QStringLiteral("13600000020"));
        QCOMPARE(field(s, id, "employer"), QStringLiteral("新雇主有限公司"));
        QCOMPARE(field(s, id, "name"), QStringLiteral("欧阳新名"));
        QCOMPARE(field(s, id, "jobTitle"), QStringLiteral("快递员"));
        // The new name is found by a search on every PC.
        CLI_OK(found, w.cli(store, {QStringLiteral("members"), QStringLiteral("find"), QStringLiteral("欧阳"),
                                    QStringLiteral("--json")}));
        QCOMPARE(rosterIdNumbers(found), QStringList{idNumber(20)});
    }
    CONVERGED(a1, SyncLoopback::ClerkA);
    CONVERGED(a2, SyncLoopback::ClerkA);
    CONVERGED(d, SyncLoopback::District);
}

void TestSyncLoopback::movedMemberLeavesTheOldScope()
{
    SyncLoopback& w = *m_world;
    const QString a = w.storePath(QStringLiteral("a"));
    const QString b = w.storePath(QStringLiteral("b"));
    const QString d = w.storePath(QStringLiteral("district"));
    QString error;
    CLI_OK(firstA, w.sync(a, SyncLoopback::ClerkA));
    const QString moving = w.addMember(a, 30, SyncLoopback::unionAName(), &error);
    QVERIFY2(!moving.isEmpty(), qPrintable(error));
    const QString staying = w.addMember(a, 31, SyncLoopback::unionAName(), &error);
    QVERIFY2(!staying.isEmpty(), qPrintable(error));
    // A status change gives the moving member a second event, which must move with it.
    CLI_OK(retired, w.cli(a, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(30),
                              QStringLiteral("--status"), QStringLiteral("retained"),
                              QStringLiteral("--reason"), QStringLiteral("退休")}));
    CLI_OK(created, w.sync(a, SyncLoopback::ClerkA));
    CLI_OK(firstB, w.sync(b, SyncLoopback::ClerkB));
    QCOMPARE(pulled(firstB), 1);
    CLI_OK(firstD, w.sync(d, SyncLoopback::District));
    bool ok = false;
    const SyncSnapshot before = client(a, &ok);
    QVERIFY(ok);
    QVERIFY(before.find(QStringLiteral("member"), moving));
    const int events = eventsOf(before, moving);
    QVERIFY2(events >= 2, qPrintable(QString::number(events)));

    // The district moves the member from union A to union B.
    QVERIFY2(w.moveMember(d, moving, w.unionBId(), &error), qPrintable(error));
    CLI_OK(moved, w.sync(d, SyncLoopback::District));
    QCOMPARE(conflicts(moved), 0);

    // Meanwhile union A's clerk, not knowing, edits the member: the server refuses the edit (the
    // member is no longer theirs) and says so, and the member leaves the file all the same.
    CLI_OK(late, w.cli(a, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(30),
                           QStringLiteral("--mobile"), QStringLiteral("13811113333")}));
    CLI_OK(leftA, w.sync(a, SyncLoopback::ClerkA));
    QVERIFY(conflicts(leftA) >= 1);
    CLI_OK(refused,
           w.cli(a, {QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json")}));
    bool told = false;
    for (const QJsonValue& c : refused.array()) {
        told = told || c.toObject().value(QLatin1String("record")).toString() == moving;
        CLI_OK(dismissed, w.cli(a, {QStringLiteral("conflicts"), QStringLiteral("resolve"),
                                    c.toObject().value(QLatin1String("id")).toString(),
                                    QStringLiteral("--keep"), QStringLiteral("theirs")}));
    }
    QVERIFY(told);
    const SyncSnapshot afterA = client(a, &ok);
    QVERIFY(ok);
    QVERIFY(!afterA.find(QStringLiteral("member"), moving));
    QCOMPARE(eventsOf(afterA, moving), 0);
    QVERIFY(afterA.find(QStringLiteral("member"), staying));
    CLI_OK(rosterA, w.cli(a, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(rosterIdNumbers(rosterA), QStringList{idNumber(31)});

    CLI_OK(arrivedB, w.sync(b, SyncLoopback::ClerkB));
    const SyncSnapshot afterB = client(b, &ok);
    QVERIFY(ok);
    QVERIFY(afterB.find(QStringLiteral("member"), moving));
    QCOMPARE(field(afterB, moving, "organisation"), w.unionBId());
    QVERIFY2(eventsOf(afterB, moving) >= events, qPrintable(QString::number(eventsOf(afterB, moving))));
    QVERIFY(!afterB.find(QStringLiteral("member"), staying));
    QCOMPARE(field(afterB, moving, "mobile"), TestStore::sampleMember(30, {}).mobile);
    CLI_OK(rosterB, w.cli(b, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(rosterIdNumbers(rosterB), QStringList{idNumber(30)});

    CONVERGED(a, SyncLoopback::ClerkA);
    CONVERGED(b, SyncLoopback::ClerkB);
    CONVERGED(d, SyncLoopback::District);
}

void TestSyncLoopback::thousandsOfChangesInSmallPages()
{
    SyncLoopback& w = *m_world;
    const QString a1 = w.storePath(QStringLiteral("a1"));
    const QString a2 = w.storePath(QStringLiteral("a2"));
    const QString roster = w.folder() + QStringLiteral("/roster.csv");
    // Each member is two changes (the member and its "joined" event).
    constexpr int members = 1250;
    constexpr int pageSize = 97;
    QString error;
    QVERIFY2(w.writeRoster(roster, 1000, members, &error), qPrintable(error));
    CLI_OK(first, w.sync(a1, SyncLoopback::ClerkA));
    CLI_OK(imported, w.cli(a1, {QStringLiteral("import"), roster, QStringLiteral("--org"),
                                SyncLoopback::unionAName(), QStringLiteral("--json")}));
    QCOMPARE(imported.object().value(QLatin1String("imported")).toInt(), members);
    CLI_OK(sent, w.sync(a1, SyncLoopback::ClerkA));
    QCOMPARE(pushed(sent), 2 * members);
    QCOMPARE(conflicts(sent), 0);

    const CliRun badSize =
        w.sync(a2, SyncLoopback::ClerkA, {QStringLiteral("--page-size"), QStringLiteral("0")});
    QVERIFY2(badSize.exitCode > 0 && badSize.err.contains(QLatin1String("--page-size")),
             qPrintable(badSize.describe()));
    QVERIFY(!QFileInfo::exists(a2));

    const QByteArray pullLine = "\"path\":\"/api/v1/sync/pull\"";
    const int pullsBefore = w.server().logLines(pullLine);
    CLI_OK(received,
           w.sync(a2, SyncLoopback::ClerkA, {QStringLiteral("--page-size"), QString::number(pageSize)}));
    const int changes = 2 * members + 1; // and the union itself
    QCOMPARE(pulled(received), changes);
    const int pages = w.server().logLines(pullLine) - pullsBefore;
    const int needed = (changes + pageSize - 1) / pageSize;
    QVERIFY2(pages >= needed && pages <= needed + 1, qPrintable(QStringLiteral("%1 pages").arg(pages)));

    bool ok = false;
    const SyncSnapshot s = client(a2, &ok);
    QVERIFY(ok);
    QCOMPARE(s.count(QStringLiteral("member")), members);
    QCOMPARE(s.count(QStringLiteral("member_event")), members);
    QStringList expected;
    for (int n = 1000; n < 1000 + members; ++n)
        expected.append(idNumber(n));
    expected.sort();
    QCOMPARE(s.liveIdNumbers(), expected);
    CONVERGED(a1, SyncLoopback::ClerkA);
    CONVERGED(a2, SyncLoopback::ClerkA);
}

void TestSyncLoopback::importedMembersChangedBeforeTheirFirstPush()
{
    // An import queues its creations as snapshots, read when they are pushed (Outbox): the server
    // gets each member as the store holds it then — edited, or deleted — and nothing else.
    SyncLoopback& w = *m_world;
    const QString a1 = w.storePath(QStringLiteral("a1"));
    const QString a2 = w.storePath(QStringLiteral("a2"));
    const QString roster = w.folder() + QStringLiteral("/snapshots.csv");
    QString error;
    QVERIFY2(w.writeRoster(roster, 1400, 4, &error), qPrintable(error));
    CLI_OK(first, w.sync(a1, SyncLoopback::ClerkA));
    CLI_OK(imported, w.cli(a1, {QStringLiteral("import"), roster, QStringLiteral("--org"),
                                SyncLoopback::unionAName(), QStringLiteral("--json")}));
    QCOMPARE(imported.object().value(QLatin1String("imported")).toInt(), 4);
    CLI_OK(edit, w.cli(a1, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(1401),
                            QStringLiteral("--mobile"), QStringLiteral("13800138099")}));
    bool ok = false;
    const SyncSnapshot before = client(a1, &ok);
    QVERIFY(ok);
    QString edited;
    QString removed;
    for (const SyncSnapshot::Record& r : before.records) {
        if (r.entity != QLatin1String("member"))
            continue;
        const QString number = r.fields.value(QLatin1String("idNumber")).toString();
        if (number == idNumber(1401))
            edited = r.id;
        else if (number == idNumber(1402))
            removed = r.id;
    }
    QVERIFY(!edited.isEmpty() && !removed.isEmpty());
    QVERIFY2(w.removeMember(a1, removed, &error), qPrintable(error));

    CLI_OK(sent, w.sync(a1, SyncLoopback::ClerkA));
    QCOMPARE(conflicts(sent), 0);
    CLI_OK(received, w.sync(a2, SyncLoopback::ClerkA));
    const SyncSnapshot there = client(a2, &ok);
    QVERIFY(ok);
    QCOMPARE(field(there, edited, "mobile"), QStringLiteral("13800138099"));
    QCOMPARE(there.liveIdNumbers(), (QStringList{idNumber(1400), idNumber(1401), idNumber(1403)}));
    QVERIFY(!there.find(QStringLiteral("member"), removed) ||
            there.find(QStringLiteral("member"), removed)->deleted);
    CONVERGED(a1, SyncLoopback::ClerkA);
    CONVERGED(a2, SyncLoopback::ClerkA);
}

void TestSyncLoopback::deletedMembersReachANewClient()
{
    SyncLoopback& w = *m_world;
    const QString a = w.storePath(QStringLiteral("a"));
    QString error;
    CLI_OK(first, w.sync(a, SyncLoopback::ClerkA));
    QStringList ids;
    for (int n = 60; n < 63; ++n) {
        ids.append(w.addMember(a, n, SyncLoopback::unionAName(), &error));
        QVERIFY2(!ids.last().isEmpty(), qPrintable(error));
    }
    CLI_OK(created, w.sync(a, SyncLoopback::ClerkA));
    QVERIFY2(w.removeMember(a, ids.at(0), &error), qPrintable(error));
    CLI_OK(deleted, w.sync(a, SyncLoopback::ClerkA));
    QCOMPARE(conflicts(deleted), 0);
    CONVERGED(a, SyncLoopback::ClerkA);

    // A data file that never saw the member: no tombstone is kept for it, and it is nowhere shown.
    const QString late = w.storePath(QStringLiteral("late"));
    CLI_OK(joined, w.sync(late, SyncLoopback::ClerkA));
    bool ok = false;
    const SyncSnapshot s = client(late, &ok);
    QVERIFY(ok);
    QVERIFY(!s.find(QStringLiteral("member"), ids.at(0)));
    CLI_OK(roster,
           w.cli(late, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(rosterIdNumbers(roster), (QStringList{idNumber(61), idNumber(62)}));
    // The member's history was deleted with it on the server, so the file holds no event naming a
    // member it cannot have.
    QCOMPARE(s.danglingReferences, QStringList());
    CONVERGED(late, SyncLoopback::ClerkA);
}

void TestSyncLoopback::crossingEditsAndDeletes()
{
    SyncLoopback& w = *m_world;
    const QString a1 = w.storePath(QStringLiteral("a1"));
    const QString a2 = w.storePath(QStringLiteral("a2"));
    QString error;
    CLI_OK(first, w.sync(a1, SyncLoopback::ClerkA));
    QStringList ids;
    for (int n = 70; n < 73; ++n) {
        ids.append(w.addMember(a1, n, SyncLoopback::unionAName(), &error));
        QVERIFY2(!ids.last().isEmpty(), qPrintable(error));
    }
    CLI_OK(created, w.sync(a1, SyncLoopback::ClerkA));
    CLI_OK(second, w.sync(a2, SyncLoopback::ClerkA));

    // Member 70: deleted on one PC, edited on the other. Member 71: deleted on both.
    QVERIFY2(w.removeMember(a1, ids.at(0), &error), qPrintable(error));
    QVERIFY2(w.removeMember(a1, ids.at(1), &error), qPrintable(error));
    CLI_OK(edit, w.cli(a2, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(70),
                            QStringLiteral("--mobile"), QStringLiteral("13811112222")}));
    QVERIFY2(w.removeMember(a2, ids.at(1), &error), qPrintable(error));
    CLI_OK(deletes, w.sync(a1, SyncLoopback::ClerkA));
    QCOMPARE(conflicts(deletes), 0);
    CLI_OK(crossing, w.sync(a2, SyncLoopback::ClerkA));

    // The deletion stands everywhere, and the edit it overtook is not lost silently: the clerk is told.
    bool ok = false;
    const SyncSnapshot onServer = server(SyncLoopback::ClerkA, &ok);
    QVERIFY(ok);
    for (const QString& id : {ids.at(0), ids.at(1)}) {
        QVERIFY(onServer.find(QStringLiteral("member"), id)->deleted);
        QVERIFY(client(a2, &ok).find(QStringLiteral("member"), id)->deleted);
    }
    QCOMPARE(field(onServer, ids.at(0), "mobile"), TestStore::sampleMember(70, {}).mobile);
    CLI_OK(open, w.cli(a2, {QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json")}));
    QStringList refused;
    for (const QJsonValue& c : open.array()) {
        const QJsonObject conflict = c.toObject();
        if (conflict.value(QLatin1String("entity")).toString() != QLatin1String("member"))
            continue;
        refused.append(conflict.value(QLatin1String("record")).toString());
        // The clerk reads why, and what she typed is kept with it.
        QVERIFY2(conflict.value(QLatin1String("reason")).toString().contains(QLatin1String("deleted")),
                 qPrintable(conflict.value(QLatin1String("reason")).toString()));
        QCOMPARE(conflict.value(QLatin1String("mine")).toObject().value(QLatin1String("mobile")).toString(),
                 QStringLiteral("13811112222"));
    }
    QCOMPARE(refused, QStringList{ids.at(0)});
    // Only the overtaken edit is the clerk's to decide: the second deletion of member 71 simply
    // stands, the history entry written with it is no conflict (the server keeps no history of a
    // deleted member), and the entry written with the edit belongs to the edit's refusal.
    QCOMPARE(conflicts(crossing), 1);
    QCOMPARE(open.array().size(), 1);

    // Settled by the clerk (taking the server's side), both files agree with the server.
    for (const QJsonValue& c : open.array()) {
        CLI_OK(settled, w.cli(a2, {QStringLiteral("conflicts"), QStringLiteral("resolve"),
                                   c.toObject().value(QLatin1String("id")).toString(),
                                   QStringLiteral("--keep"), QStringLiteral("theirs")}));
    }
    CLI_OK(after1, w.sync(a1, SyncLoopback::ClerkA));
    CLI_OK(after2, w.sync(a2, SyncLoopback::ClerkA));
    CONVERGED(a1, SyncLoopback::ClerkA);
    // The history entries the server never took are gone from the second file too.
    CONVERGED(a2, SyncLoopback::ClerkA);
    QCOMPARE(client(a2, &ok).danglingReferences, QStringList());
}

void TestSyncLoopback::samePersonEnteredOnTwoComputers()
{
    SyncLoopback& w = *m_world;
    const QString a1 = w.storePath(QStringLiteral("a1"));
    const QString a2 = w.storePath(QStringLiteral("a2"));
    QString error;
    CLI_OK(first1, w.sync(a1, SyncLoopback::ClerkA));
    CLI_OK(first2, w.sync(a2, SyncLoopback::ClerkA));
    // Both PCs enter the same person offline.
    const QString kept = w.addMember(a1, 80, SyncLoopback::unionAName(), &error);
    QVERIFY2(!kept.isEmpty(), qPrintable(error));
    const QString second = w.addMember(a2, 80, SyncLoopback::unionAName(), &error);
    QVERIFY2(!second.isEmpty(), qPrintable(error));
    CLI_OK(firstIn, w.sync(a1, SyncLoopback::ClerkA));
    QCOMPARE(conflicts(firstIn), 0);
    CLI_OK(secondIn, w.sync(a2, SyncLoopback::ClerkA));
    // One refusal for the member, its "joined" entry included.
    QCOMPARE(conflicts(secondIn), 1);

    // One membership on the server; the second PC shows the server's member, its own set aside.
    QCOMPARE(
        w.serverCount(QStringLiteral("SELECT COUNT(*) FROM member WHERE id_number = '%1'").arg(idNumber(80))),
        qint64(1));
    bool ok = false;
    const SyncSnapshot s = client(a2, &ok);
    QVERIFY(ok);
    QVERIFY(s.find(QStringLiteral("member"), kept));
    QVERIFY(!s.find(QStringLiteral("member"), kept)->deleted);
    QVERIFY(s.find(QStringLiteral("member"), second)->deleted);
    CLI_OK(roster, w.cli(a2, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(rosterIdNumbers(roster), QStringList{idNumber(80)});
    CLI_OK(open, w.cli(a2, {QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(open.array().size(), 1);
    bool told = false;
    for (const QJsonValue& c : open.array()) {
        const QJsonObject conflict = c.toObject();
        told = told || (conflict.value(QLatin1String("record")).toString() == second &&
                        conflict.value(QLatin1String("reason")).toString().contains(idNumber(80)));
        CLI_OK(settled, w.cli(a2, {QStringLiteral("conflicts"), QStringLiteral("resolve"),
                                   conflict.value(QLatin1String("id")).toString(), QStringLiteral("--keep"),
                                   QStringLiteral("theirs")}));
    }
    QVERIFY(told);
    // Taking the server's member removed the copy set aside here, with its history.
    const SyncSnapshot settled = client(a2, &ok);
    QVERIFY(ok);
    QVERIFY(!settled.find(QStringLiteral("member"), second));
    QCOMPARE(eventsOf(settled, second), 0);
    CLI_OK(after1, w.sync(a1, SyncLoopback::ClerkA));
    CLI_OK(after2, w.sync(a2, SyncLoopback::ClerkA));
    QCOMPARE(pushed(after2), 0);
    QCOMPARE(conflicts(after2), 0);
    CONVERGED(a1, SyncLoopback::ClerkA);
    CONVERGED(a2, SyncLoopback::ClerkA);
    CLI_OK(rosterAfter,
           w.cli(a2, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(rosterIdNumbers(rosterAfter), QStringList{idNumber(80)});
}

QTEST_GUILESS_MAIN(TestSyncLoopback)
#include "tst_syncloopback.moc"
