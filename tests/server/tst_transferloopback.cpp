// Membership transfers end to end (issue #6 "Proof"): one `uniondesk-server` on loopback and three
// clients driven with `uniondesk-cli`, each a process of its own, on SQLite and on a fresh PostgreSQL
// database. The tree: 甲区总工会 (district) → 甲街道工会 (township A) → 甲一厂工会 (union A1) and
// 甲区总工会 → 乙街道工会 (township B) → 乙一厂工会 (union B1); the clients are the clerks of union
// A1, township A (who holds hung members) and union B1. Every step is taken offline with the CLI,
// shows "pending", and takes effect when its data file syncs; every case ends with the data files
// compared record by record with the server in each account's scope (SyncCompare) and the member in
// exactly one place on the server.

#include "SyncLoopbackTest.h"
#include "TestStore.h"
#include "domain/PersonName.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>

using ud::test::CliRun;
using ud::test::SyncCompare;
using ud::test::SyncLoopback;
using ud::test::SyncSnapshot;
using ud::test::TestStore;

namespace {

const QString ClerkA1 = QStringLiteral("clerk-a1");
const QString ClerkTownshipA = QStringLiteral("clerk-ta");
const QString ClerkB1 = QStringLiteral("clerk-b1");

QString unionA1()
{
    return QStringLiteral("甲一厂工会");
}
QString townshipA()
{
    return QStringLiteral("甲街道工会");
}
QString unionB1()
{
    return QStringLiteral("乙一厂工会");
}

QString idNumber(int n)
{
    return TestStore::sampleIdNumber(n);
}

} // namespace

class TestTransferLoopback : public ud::test::SyncLoopbackTest
{
    Q_OBJECT

private slots:
    void init();

    void outHungRequestApprove();
    void directTransfer();
    void rejectionAndCancel();
    void raceOfTwoRequests();
    void offlineStepsWaitForTheirSync();
    void receivingUnionSeesNothingBeforeApproval();

private:
    // The three data files after their first sync.
    void firstSyncs();
    // Sample member n added in union A1's file and synced; her id.
    QString memberInA1(int n);
    // union A1 moves her out (hung at township A) and syncs; township A syncs.
    QString hangAtTownshipA(const QString& id, int n);
    // The transfers of a data file by their id, from `transfers list --json`.
    QMap<QString, QJsonObject> transfers(const QString& store);
    QJsonArray members(const QString& store);
    // The server's live members with this ID number and the organisation of the first.
    qint64 liveOnServer(const QString& number);
    QString organisationOnServer(const QString& number);
    CliRun transfersCli(const QString& store, const QStringList& arguments)
    {
        return m_world->cli(store, QStringList{QStringLiteral("transfers")} + arguments);
    }

    QString m_a1;
    QString m_ta;
    QString m_b1;
};

void TestTransferLoopback::init()
{
    SyncLoopbackTest::init();
    if (QTest::currentTestFailed())
        return;
    QString error;
    SyncLoopback& w = *m_world;
    QVERIFY2(w.addOrganisation(QStringLiteral("ta"), townshipA(), QStringLiteral("district"),
                               QStringLiteral("township"), &error),
             qPrintable(error));
    QVERIFY2(w.addOrganisation(QStringLiteral("a1"), unionA1(), QStringLiteral("ta"), QStringLiteral("base"),
                               &error),
             qPrintable(error));
    QVERIFY2(w.addOrganisation(QStringLiteral("tb"), QStringLiteral("乙街道工会"), QStringLiteral("district"),
                               QStringLiteral("township"), &error),
             qPrintable(error));
    QVERIFY2(w.addOrganisation(QStringLiteral("b1"), unionB1(), QStringLiteral("tb"), QStringLiteral("base"),
                               &error),
             qPrintable(error));
    QVERIFY2(w.addAccount(ClerkA1, QStringLiteral("a1"), &error), qPrintable(error));
    QVERIFY2(w.addAccount(ClerkTownshipA, QStringLiteral("ta"), &error), qPrintable(error));
    QVERIFY2(w.addAccount(ClerkB1, QStringLiteral("b1"), &error), qPrintable(error));
    m_a1 = w.storePath(QStringLiteral("a1"));
    m_ta = w.storePath(QStringLiteral("township-a"));
    m_b1 = w.storePath(QStringLiteral("b1"));
}

void TestTransferLoopback::firstSyncs()
{
    for (const auto& [store, login] :
         {std::pair{m_a1, ClerkA1}, std::pair{m_ta, ClerkTownshipA}, std::pair{m_b1, ClerkB1}}) {
        CLI_OK(first, m_world->sync(store, login));
    }
}

QString TestTransferLoopback::memberInA1(int n)
{
    QString error;
    const QString id = m_world->addMember(m_a1, n, unionA1(), &error);
    if (id.isEmpty()) {
        qWarning("%s", qPrintable(error));
        return id;
    }
    // Some history beyond joining, to follow her.
    const CliRun edit = m_world->cli(m_a1, {QStringLiteral("members"), QStringLiteral("edit"), idNumber(n),
                                            QStringLiteral("--employer"), QStringLiteral("甲一厂有限公司")});
    const CliRun sync = m_world->sync(m_a1, ClerkA1);
    if (edit.exitCode != 0 || sync.exitCode != 0) {
        qWarning("%s / %s", qPrintable(edit.describe()), qPrintable(sync.describe()));
        return QString();
    }
    return id;
}

QString TestTransferLoopback::hangAtTownshipA(const QString& id, int n)
{
    const CliRun out = transfersCli(m_a1, {QStringLiteral("out"), idNumber(n), QStringLiteral("--reason"),
                                           QStringLiteral("离职"), QStringLiteral("--json")});
    const CliRun sync = m_world->sync(m_a1, ClerkA1);
    const CliRun above = m_world->sync(m_ta, ClerkTownshipA);
    if (out.exitCode != 0 || sync.exitCode != 0 || above.exitCode != 0 || id.isEmpty()) {
        qWarning("%s / %s / %s", qPrintable(out.describe()), qPrintable(sync.describe()),
                 qPrintable(above.describe()));
        return QString();
    }
    return out.object().value(QLatin1String("id")).toString();
}

QMap<QString, QJsonObject> TestTransferLoopback::transfers(const QString& store)
{
    QMap<QString, QJsonObject> out;
    const CliRun list = transfersCli(store, {QStringLiteral("list"), QStringLiteral("--json")});
    if (list.exitCode != 0)
        qWarning("%s", qPrintable(list.describe()));
    const QJsonArray rows = list.array();
    for (const QJsonValue& row : rows)
        out.insert(row.toObject().value(QLatin1String("id")).toString(), row.toObject());
    return out;
}

QJsonArray TestTransferLoopback::members(const QString& store)
{
    const CliRun list =
        m_world->cli(store, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")});
    if (list.exitCode != 0)
        qWarning("%s", qPrintable(list.describe()));
    return list.array();
}

qint64 TestTransferLoopback::liveOnServer(const QString& number)
{
    return m_world->serverCount(
        QStringLiteral("SELECT count(*) FROM member WHERE id_number = '%1' AND deleted = 0").arg(number));
}

QString TestTransferLoopback::organisationOnServer(const QString& number)
{
    QSqlQuery q(m_world->serverDatabase());
    q.prepare(
        QStringLiteral("SELECT o.name FROM member m JOIN organisation o ON o.id = m.organisation_id WHERE "
                       "m.id_number = ?"));
    q.addBindValue(number);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

void TestTransferLoopback::outHungRequestApprove()
{
    SyncLoopback& w = *m_world;
    firstSyncs();
    const int n = 100;
    const QString id = memberInA1(n);
    QVERIFY(!id.isEmpty());
    CLI_OK(seenAbove, w.sync(m_ta, ClerkTownshipA));
    QCOMPARE(members(m_ta).size(), 1);

    // Out, offline: pending, and she is still here.
    CLI_OK(out, transfersCli(m_a1, {QStringLiteral("out"), idNumber(n), QStringLiteral("--reason"),
                                    QStringLiteral("离职"), QStringLiteral("--json")}));
    const QString hungId = out.object().value(QLatin1String("id")).toString();
    QCOMPARE(out.object().value(QLatin1String("pending")).toBool(), true);
    QCOMPARE(members(m_a1).size(), 1);
    CLI_OK(sent, w.sync(m_a1, ClerkA1));
    QCOMPARE(pushed(sent), 1);
    QCOMPARE(conflicts(sent), 0);
    // The server moved her to the level above: she left union A1's file.
    QCOMPARE(members(m_a1).size(), 0);
    QCOMPARE(organisationOnServer(idNumber(n)), townshipA());
    QJsonObject hung = transfers(m_a1).value(hungId);
    QCOMPARE(hung.value(QLatin1String("state")).toString(), QStringLiteral("hung"));
    QCOMPARE(hung.value(QLatin1String("pending")).toBool(), false);
    QCOMPARE(hung.value(QLatin1String("holding")).toString(), townshipA());
    // Her full name stays with the letter kept here.
    QCOMPARE(hung.value(QLatin1String("member")).toString(), TestStore::sampleName(n));

    // Township A holds her, hung.
    CLI_OK(held, w.sync(m_ta, ClerkTownshipA));
    const QJsonArray there = members(m_ta);
    QCOMPARE(there.size(), 1);
    QCOMPARE(there.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("hung"));
    QCOMPARE(there.first().toObject().value(QLatin1String("organisation")).toString(), townshipA());
    CLI_OK(pool, transfersCli(m_ta, {QStringLiteral("hung"), QStringLiteral("--json")}));
    QCOMPARE(pool.array().size(), 1);
    QCOMPARE(pool.array().first().toObject().value(QLatin1String("id")).toString(), hungId);

    // Union B1 asks for her by her ID number; township A approves by the letter number it is told.
    CLI_OK(asked, transfersCli(m_b1, {QStringLiteral("request-in"), idNumber(n), QStringLiteral("--json")}));
    const QString requestId = asked.object().value(QLatin1String("id")).toString();
    const QString letterNumber = asked.object().value(QLatin1String("letterNumber")).toString();
    QCOMPARE(asked.object().value(QLatin1String("to")).toString(), unionB1());
    CLI_OK(askedSent, w.sync(m_b1, ClerkB1));
    QCOMPARE(conflicts(askedSent), 0);
    QJsonObject request = transfers(m_b1).value(requestId);
    QCOMPARE(request.value(QLatin1String("state")).toString(), QStringLiteral("requested"));
    QCOMPARE(request.value(QLatin1String("holding")).toString(), townshipA());
    // Who she is, as a union that does not hold her may see it.
    QCOMPARE(request.value(QLatin1String("member")).toString(),
             ud::PersonName::masked(TestStore::sampleName(n)));
    QCOMPARE(members(m_b1).size(), 0);

    CLI_OK(toDecide, w.sync(m_ta, ClerkTownshipA));
    CLI_OK(approve, transfersCli(m_ta, {QStringLiteral("approve"), letterNumber, QStringLiteral("--reason"),
                                        QStringLiteral("同意接转")}));
    QVERIFY2(approve.out.contains(QStringLiteral("pending")), qPrintable(approve.out));
    QCOMPARE(members(m_ta).size(), 1);
    CLI_OK(decided, w.sync(m_ta, ClerkTownshipA));
    QCOMPARE(conflicts(decided), 0);
    // She left the township's file; the hung transfer closed with her destination.
    QCOMPARE(members(m_ta).size(), 0);
    const QMap<QString, QJsonObject> atTownship = transfers(m_ta);
    QCOMPARE(atTownship.value(requestId).value(QLatin1String("state")).toString(),
             QStringLiteral("completed"));
    QCOMPARE(atTownship.value(hungId).value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    QCOMPARE(atTownship.value(hungId).value(QLatin1String("to")).toString(), unionB1());
    QCOMPARE(atTownship.value(requestId).value(QLatin1String("member")).toString(), TestStore::sampleName(n));

    // She arrives in union B1's file with her record, her history and her join date.
    CLI_OK(arrived, w.sync(m_b1, ClerkB1));
    const QJsonArray here = members(m_b1);
    QCOMPARE(here.size(), 1);
    const QJsonObject member = here.first().toObject();
    QCOMPARE(member.value(QLatin1String("id")).toString(), id);
    QCOMPARE(member.value(QLatin1String("organisation")).toString(), unionB1());
    QCOMPARE(member.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QCOMPARE(member.value(QLatin1String("name")).toString(), TestStore::sampleName(n));
    bool ok = false;
    SyncSnapshot b1;
    QString error;
    ok = SyncCompare::readClient(m_b1, &b1, &error);
    QVERIFY2(ok, qPrintable(error));
    QStringList kinds;
    for (const SyncSnapshot::Record& r : std::as_const(b1.records)) {
        if (r.entity == QLatin1String("member_event") &&
            r.fields.value(QLatin1String("member")).toString() == id)
            kinds.append(r.fields.value(QLatin1String("kind")).toString());
    }
    kinds.sort();
    QVERIFY2(kinds.contains(QStringLiteral("joined")) && kinds.contains(QStringLiteral("edited")) &&
                 kinds.count(QStringLiteral("transferred")) >= 2,
             qPrintable(kinds.join(QLatin1Char(','))));
    QCOMPARE(b1.find(QStringLiteral("member"), id)->fields.value(QLatin1String("employer")).toString(),
             QStringLiteral("甲一厂有限公司"));
    QCOMPARE(transfers(m_b1).value(requestId).value(QLatin1String("state")).toString(),
             QStringLiteral("completed"));
    QCOMPARE(transfers(m_b1).value(requestId).value(QLatin1String("member")).toString(),
             TestStore::sampleName(n));

    CLI_OK(closed, w.sync(m_a1, ClerkA1));
    QCOMPARE(transfers(m_a1).value(hungId).value(QLatin1String("state")).toString(),
             QStringLiteral("completed"));
    QCOMPARE(liveOnServer(idNumber(n)), 1);
    QCOMPARE(organisationOnServer(idNumber(n)), unionB1());
    CONVERGED(m_a1, ClerkA1);
    CONVERGED(m_ta, ClerkTownshipA);
    CONVERGED(m_b1, ClerkB1);
}

void TestTransferLoopback::directTransfer()
{
    SyncLoopback& w = *m_world;
    firstSyncs();
    const int n = 110;
    const QString id = memberInA1(n);
    QVERIFY(!id.isEmpty());
    // Union A1's file does not hold union B1: its exact name travels for the server to find.
    CLI_OK(out, transfersCli(m_a1, {QStringLiteral("out"), idNumber(n), QStringLiteral("--reason"),
                                    QStringLiteral("调动"), QStringLiteral("--to"), unionB1(),
                                    QStringLiteral("--json")}));
    const QString transferId = out.object().value(QLatin1String("id")).toString();
    QCOMPARE(out.object().value(QLatin1String("kind")).toString(), QStringLiteral("direct"));
    CLI_OK(sent, w.sync(m_a1, ClerkA1));
    QCOMPARE(conflicts(sent), 0);
    QCOMPARE(members(m_a1).size(), 0);
    const QJsonObject done = transfers(m_a1).value(transferId);
    QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    QCOMPARE(done.value(QLatin1String("to")).toString(), unionB1());

    CLI_OK(arrived, w.sync(m_b1, ClerkB1));
    const QJsonArray here = members(m_b1);
    QCOMPARE(here.size(), 1);
    QCOMPARE(here.first().toObject().value(QLatin1String("id")).toString(), id);
    QCOMPARE(here.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QCOMPARE(transfers(m_b1).value(transferId).value(QLatin1String("state")).toString(),
             QStringLiteral("completed"));
    // The township above union A1 no longer holds her either.
    CLI_OK(above, w.sync(m_ta, ClerkTownshipA));
    QCOMPARE(members(m_ta).size(), 0);

    // A union the server cannot find: the transfer is refused with the reason, and she stays.
    const int m = 111;
    QVERIFY(!memberInA1(m).isEmpty());
    CLI_OK(nowhere, transfersCli(m_a1, {QStringLiteral("out"), idNumber(m), QStringLiteral("--reason"),
                                        QStringLiteral("调动"), QStringLiteral("--to"),
                                        QStringLiteral("不存在的工会"), QStringLiteral("--json")}));
    CLI_OK(refused, w.sync(m_a1, ClerkA1));
    const QJsonObject stays = transfers(m_a1).value(nowhere.object().value(QLatin1String("id")).toString());
    QCOMPARE(stays.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
    QVERIFY2(!stays.value(QLatin1String("decisionReason")).toString().isEmpty(),
             QJsonDocument(stays).toJson().constData());
    QCOMPARE(members(m_a1).size(), 1);
    QCOMPARE(organisationOnServer(idNumber(m)), unionA1());

    CLI_OK(lastAbove, w.sync(m_ta, ClerkTownshipA));
    QCOMPARE(liveOnServer(idNumber(n)), 1);
    CONVERGED(m_a1, ClerkA1);
    CONVERGED(m_ta, ClerkTownshipA);
    CONVERGED(m_b1, ClerkB1);
}

void TestTransferLoopback::rejectionAndCancel()
{
    SyncLoopback& w = *m_world;
    firstSyncs();
    const int n = 120;
    const QString id = memberInA1(n);
    const QString hungId = hangAtTownshipA(id, n);
    QVERIFY(!hungId.isEmpty());

    CLI_OK(asked, transfersCli(m_b1, {QStringLiteral("request-in"), idNumber(n), QStringLiteral("--json")}));
    const QString requestId = asked.object().value(QLatin1String("id")).toString();
    CLI_OK(askedSent, w.sync(m_b1, ClerkB1));
    CLI_OK(toDecide, w.sync(m_ta, ClerkTownshipA));
    CLI_OK(reject, transfersCli(m_ta, {QStringLiteral("reject"), requestId.left(8),
                                       QStringLiteral("--reason"), QStringLiteral("本人未提出申请")}));
    CLI_OK(decided, w.sync(m_ta, ClerkTownshipA));
    QCOMPARE(conflicts(decided), 0);
    // She stays hung at the township.
    QCOMPARE(members(m_ta).size(), 1);
    CLI_OK(told, w.sync(m_b1, ClerkB1));
    const QJsonObject rejected = transfers(m_b1).value(requestId);
    QCOMPARE(rejected.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
    QCOMPARE(rejected.value(QLatin1String("decisionReason")).toString(), QStringLiteral("本人未提出申请"));
    QCOMPARE(members(m_b1).size(), 0);
    QCOMPARE(organisationOnServer(idNumber(n)), townshipA());

    // The union she left takes the hung transfer back: she returns, active.
    CLI_OK(cancel, transfersCli(m_a1, {QStringLiteral("cancel"), hungId, QStringLiteral("--reason"),
                                       QStringLiteral("原单位复工")}));
    CLI_OK(back, w.sync(m_a1, ClerkA1));
    QCOMPARE(conflicts(back), 0);
    const QJsonArray home = members(m_a1);
    QCOMPARE(home.size(), 1);
    QCOMPARE(home.first().toObject().value(QLatin1String("id")).toString(), id);
    QCOMPARE(home.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QCOMPARE(transfers(m_a1).value(hungId).value(QLatin1String("state")).toString(),
             QStringLiteral("cancelled"));
    CLI_OK(aboveAgain, w.sync(m_ta, ClerkTownshipA));
    QCOMPARE(members(m_ta).first().toObject().value(QLatin1String("organisation")).toString(), unionA1());
    CLI_OK(hungNow, transfersCli(m_ta, {QStringLiteral("hung"), QStringLiteral("--json")}));
    QCOMPARE(hungNow.array().size(), 0);

    QCOMPARE(liveOnServer(idNumber(n)), 1);
    CONVERGED(m_a1, ClerkA1);
    CONVERGED(m_ta, ClerkTownshipA);
    CONVERGED(m_b1, ClerkB1);
}

void TestTransferLoopback::raceOfTwoRequests()
{
    SyncLoopback& w = *m_world;
    firstSyncs();
    const QString b = w.storePath(QStringLiteral("b"));
    CLI_OK(firstB, w.sync(b, SyncLoopback::ClerkB));
    const int n = 130;
    const QString id = memberInA1(n);
    QVERIFY(!hangAtTownshipA(id, n).isEmpty());

    // Both unions ask offline; union B1's request reaches the server first and wins.
    CLI_OK(askB1, transfersCli(m_b1, {QStringLiteral("request-in"), idNumber(n), QStringLiteral("--json")}));
    CLI_OK(askB, transfersCli(b, {QStringLiteral("request-in"), idNumber(n), QStringLiteral("--json")}));
    CLI_OK(firstIn, w.sync(m_b1, ClerkB1));
    CLI_OK(secondIn, w.sync(b, SyncLoopback::ClerkB));
    QCOMPARE(conflicts(secondIn), 0);
    const QJsonObject lost = transfers(b).value(askB.object().value(QLatin1String("id")).toString());
    QCOMPARE(lost.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
    // The loser is told why: the union that asked first.
    QVERIFY2(lost.value(QLatin1String("decisionReason")).toString().contains(unionB1()),
             qPrintable(lost.value(QLatin1String("decisionReason")).toString()));
    const QString winner = askB1.object().value(QLatin1String("id")).toString();
    QCOMPARE(transfers(m_b1).value(winner).value(QLatin1String("state")).toString(),
             QStringLiteral("requested"));

    // The holding union sees only the winner open, and approves it.
    CLI_OK(toDecide, w.sync(m_ta, ClerkTownshipA));
    CLI_OK(open, transfersCli(m_ta, {QStringLiteral("list"), QStringLiteral("--state"),
                                     QStringLiteral("requested"), QStringLiteral("--json")}));
    QCOMPARE(open.array().size(), 1);
    QCOMPARE(open.array().first().toObject().value(QLatin1String("id")).toString(), winner);
    CLI_OK(approve, transfersCli(m_ta, {QStringLiteral("approve"), winner.left(8)}));
    CLI_OK(decided, w.sync(m_ta, ClerkTownshipA));
    CLI_OK(arrived, w.sync(m_b1, ClerkB1));
    CLI_OK(notThere, w.sync(b, SyncLoopback::ClerkB));
    CLI_OK(closed, w.sync(m_a1, ClerkA1));
    QCOMPARE(members(m_b1).size(), 1);
    QCOMPARE(members(b).size(), 0);
    QCOMPARE(liveOnServer(idNumber(n)), 1);
    QCOMPARE(organisationOnServer(idNumber(n)), unionB1());
    CONVERGED(m_a1, ClerkA1);
    CONVERGED(m_ta, ClerkTownshipA);
    CONVERGED(m_b1, ClerkB1);
    CONVERGED(b, SyncLoopback::ClerkB);
}

void TestTransferLoopback::offlineStepsWaitForTheirSync()
{
    SyncLoopback& w = *m_world;
    firstSyncs();
    const int n = 140;
    const QString id = memberInA1(n);
    QVERIFY(!id.isEmpty());
    CLI_OK(seen, w.sync(m_ta, ClerkTownshipA));

    // Union A1's clerk moves her out, offline: nobody else knows yet.
    CLI_OK(out, transfersCli(m_a1, {QStringLiteral("out"), idNumber(n), QStringLiteral("--reason"),
                                    QStringLiteral("失业")}));
    CLI_OK(listed, transfersCli(m_a1, {QStringLiteral("list")}));
    QVERIFY2(listed.out.contains(QStringLiteral("pending")), qPrintable(listed.out));
    CLI_OK(notYet, w.sync(m_ta, ClerkTownshipA));
    QCOMPARE(members(m_ta).first().toObject().value(QLatin1String("organisation")).toString(), unionA1());
    CLI_OK(noneHung, transfersCli(m_ta, {QStringLiteral("hung"), QStringLiteral("--json")}));
    QCOMPARE(noneHung.array().size(), 0);
    // Union B1 asks before the server has her hung: the request waits in its file too.
    CLI_OK(asked, transfersCli(m_b1, {QStringLiteral("request-in"), idNumber(n), QStringLiteral("--json")}));
    QCOMPARE(asked.object().value(QLatin1String("pending")).toBool(), true);

    // Now A1 syncs, then B1: the request meets a hung member.
    CLI_OK(sentOut, w.sync(m_a1, ClerkA1));
    QCOMPARE(members(m_a1).size(), 0);
    CLI_OK(sentAsk, w.sync(m_b1, ClerkB1));
    const QString requestId = asked.object().value(QLatin1String("id")).toString();
    QCOMPARE(transfers(m_b1).value(requestId).value(QLatin1String("state")).toString(),
             QStringLiteral("requested"));
    QCOMPARE(transfers(m_b1).value(requestId).value(QLatin1String("pending")).toBool(), false);

    // Township A approves offline; union B1 syncs in between and still has nobody.
    CLI_OK(pulledRequest, w.sync(m_ta, ClerkTownshipA));
    CLI_OK(approve, transfersCli(m_ta, {QStringLiteral("approve"), requestId, QStringLiteral("--json")}));
    QCOMPARE(approve.object().value(QLatin1String("pending")).toBool(), true);
    QCOMPARE(approve.object().value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    CLI_OK(early, w.sync(m_b1, ClerkB1));
    QCOMPARE(members(m_b1).size(), 0);
    QCOMPARE(transfers(m_b1).value(requestId).value(QLatin1String("state")).toString(),
             QStringLiteral("requested"));
    QCOMPARE(organisationOnServer(idNumber(n)), townshipA());
    // The township's letter can be printed even while the approval waits (and after she has gone).
    CLI_OK(decided, w.sync(m_ta, ClerkTownshipA));
    CLI_OK(arrived, w.sync(m_b1, ClerkB1));
    QCOMPARE(members(m_b1).size(), 1);
    QCOMPARE(transfers(m_b1).value(requestId).value(QLatin1String("state")).toString(),
             QStringLiteral("completed"));
    CLI_OK(last, w.sync(m_a1, ClerkA1));
    QCOMPARE(liveOnServer(idNumber(n)), 1);
    CONVERGED(m_a1, ClerkA1);
    CONVERGED(m_ta, ClerkTownshipA);
    CONVERGED(m_b1, ClerkB1);
}

void TestTransferLoopback::receivingUnionSeesNothingBeforeApproval()
{
    SyncLoopback& w = *m_world;
    firstSyncs();
    const int n = 150;
    const ud::Member sample = TestStore::sampleMember(n, QString());
    const QString id = memberInA1(n);
    QVERIFY(!hangAtTownshipA(id, n).isEmpty());
    CLI_OK(asked, transfersCli(m_b1, {QStringLiteral("request-in"), idNumber(n)}));
    CLI_OK(askedSent, w.sync(m_b1, ClerkB1));

    // Not in union B1's file by any command.
    QCOMPARE(members(m_b1).size(), 0);
    const CliRun find = w.cli(
        m_b1, {QStringLiteral("members"), QStringLiteral("find"), idNumber(n), QStringLiteral("--json")});
    QVERIFY2(!find.out.contains(idNumber(n)) && !find.out.contains(sample.name), qPrintable(find.describe()));
    CLI_OK(list, transfersCli(m_b1, {QStringLiteral("list"), QStringLiteral("--json")}));
    QVERIFY2(!list.out.contains(idNumber(n)) && !list.out.contains(sample.name), qPrintable(list.out));
    CLI_OK(show, transfersCli(m_b1, {QStringLiteral("show"),
                                     list.array().first().toObject().value(QLatin1String("id")).toString(),
                                     QStringLiteral("--json")}));
    QVERIFY2(!show.out.contains(idNumber(n)) && !show.out.contains(sample.name), qPrintable(show.out));

    // Nor on the wire: a full pull of union B1's account names neither her number, her name nor her
    // mobile; a transfer shows only the masked name.
    const QString token = w.signIn(ClerkB1);
    QVERIFY(!token.isEmpty());
    const SyncLoopback::Answer pull =
        w.call("GET", w.serverUrl() + QStringLiteral("/api/v1/sync/pull?cursor=0&limit=1000"), {}, token);
    QCOMPARE(pull.status, 200);
    const QString body = QString::fromUtf8(pull.body);
    QVERIFY2(!body.contains(sample.name) && !body.contains(sample.mobile), qPrintable(body.left(2000)));
    QVERIFY2(!body.contains(QStringLiteral("\"kind\":\"joined\"")),
             "no history of a member outside the scope");
    // The look-up gives the masked summary only.
    const SyncLoopback::Answer lookup = w.call(
        "GET", w.serverUrl() + QStringLiteral("/api/v1/members/lookup?idNumber=") + idNumber(n), {}, token);
    QCOMPARE(lookup.status, 200);
    QCOMPARE(lookup.json.value(QLatin1String("name")).toString(), ud::PersonName::masked(sample.name));
    QVERIFY2(!QString::fromUtf8(lookup.body).contains(sample.mobile), lookup.body.constData());
    // Writing to her record, or to her history, is refused and changes nothing.
    const qint64 versionBefore =
        w.serverCount(QStringLiteral("SELECT max(version) FROM member WHERE id = '%1'").arg(id));
    const QByteArray push =
        QJsonDocument(
            QJsonObject{
                {QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("operations"),
                 QJsonArray{
                     QJsonObject{{QStringLiteral("opId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {QStringLiteral("entity"), QStringLiteral("member")},
                                 {QStringLiteral("id"), id},
                                 {QStringLiteral("baseVersion"), versionBefore},
                                 {QStringLiteral("fields"),
                                  QJsonObject{{QStringLiteral("mobile"), QStringLiteral("13900000000")}}},
                                 {QStringLiteral("delete"), false}},
                     QJsonObject{{QStringLiteral("opId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {QStringLiteral("entity"), QStringLiteral("member_event")},
                                 {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {QStringLiteral("baseVersion"), 0},
                                 {QStringLiteral("fields"),
                                  QJsonObject{{QStringLiteral("member"), id},
                                              {QStringLiteral("kind"), QStringLiteral("edited")},
                                              {QStringLiteral("occurredOn"), QStringLiteral("2026-01-01")}}},
                                 {QStringLiteral("delete"), false}}}}})
            .toJson(QJsonDocument::Compact);
    const SyncLoopback::Answer refused =
        w.call("POST", w.serverUrl() + QStringLiteral("/api/v1/sync/push"), push, token);
    QCOMPARE(refused.status, 200);
    const QJsonArray results = refused.json.value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 2);
    for (const QJsonValue& r : results)
        QCOMPARE(r.toObject().value(QLatin1String("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(w.serverCount(QStringLiteral("SELECT max(version) FROM member WHERE id = '%1'").arg(id)),
             versionBefore);
    QCOMPARE(organisationOnServer(idNumber(n)), townshipA());
    CLI_OK(above, w.sync(m_ta, ClerkTownshipA));
    CONVERGED(m_b1, ClerkB1);
    CONVERGED(m_ta, ClerkTownshipA);
}

QTEST_GUILESS_MAIN(TestTransferLoopback)
#include "tst_transferloopback.moc"
