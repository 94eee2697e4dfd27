// Membership transfers on the server (issue #6, server/API.md "Transfers"): SyncService's push and
// pull of `transfer` records against a migrated store, each case on SQLite and on a fresh
// PostgreSQL database, and the two `uniondesk-server admin` commands of transfers run as a real
// process. Accounts are given directly as SessionAccount, as in tst_serversync.
//
// The tree: 某区总工会 (district) > 甲镇工会 (townshipA) > 一厂工会 (unionA1), 二厂工会 (unionA2);
//           某区总工会 > 乙镇工会 (townshipB) > 三厂工会 (unionB1).
#include "AccountAdmin.h"
#include "CliRun.h"
#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "ServerEngineTest.h"
#include "ServerMigrator.h"
#include "SessionAccount.h"
#include "SyncService.h"
#include "domain/IdNumber.h"
#include "util/Clock.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <memory>

using namespace ud::server;

namespace {

// A valid resident ID number, different for each n.
QString idNumber(int n)
{
    const QDate birth = QDate(1980, 1, 1).addDays(n % 9000);
    const QString first17 = QStringLiteral("440104") + birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(n % 1000, 3, 10, QLatin1Char('0'));
    return first17 + ud::IdNumber::checkCharacter(first17);
}

QString reasonOf(const QJsonObject& result)
{
    return result.value(QLatin1String("reason")).toString();
}

QSet<QString> goneIds(const QList<QJsonObject>& changes)
{
    QSet<QString> gone;
    for (const QJsonObject& change : changes) {
        if (change.value(QLatin1String("gone")).toBool())
            gone.insert(change.value(QLatin1String("id")).toString());
    }
    return gone;
}

// The messages compared here are the English source texts.
QProcessEnvironment englishEnvironment(const QString& folder)
{
    QProcessEnvironment environment = ud::test::isolatedCliEnvironment(folder);
    environment.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
    return environment;
}

const QString MemberName = QStringLiteral("张晓明");

} // namespace

class TestServerTransfers : public ud::test::ServerEngineTest
{
    Q_OBJECT

private slots:
    void outMakesTheMemberHungAbove();
    void requestAndApprovalMoveTheMemberWithHerHistory();
    void requestsTheServerStoresAsRejected();
    void raceOfTwoRequestsIsWonByTheFirst();
    void rejectAndCancelLeaveTheMemberInOnePlace();
    void directTransferByIdAndByName();
    void decisionsFollowTheStateMachine();
    void readersAndOutsidersGetNothing();
    void expireTransfersCommand();
    void autoApproveRuleCommand();
    void duplicateOperationsApplyOnce();

private:
    void buildTree() override;
    QString desk(const SessionAccount& who) const { return QStringLiteral("desk-") + who.login; }
    // The pushes of a clerk's desk, and every change after `cursor` in pages of 7.
    QJsonArray push(const SessionAccount& who, const QJsonArray& operations)
    {
        return ServerEngineTest::push(who, desk(who), operations);
    }
    QJsonObject pushOne(const SessionAccount& who, const QJsonObject& operation)
    {
        return ServerEngineTest::pushOne(who, desk(who), operation);
    }
    QList<QJsonObject> pullAll(const SessionAccount& who, qint64* cursor)
    {
        return ServerEngineTest::pullAll(who, cursor, 7);
    }
    ud::test::CliRun admin(const QStringList& arguments);

    // A member of `organisation` joined on 2015-03-01, with a "joined" and an "edited" event.
    QString createMember(const QString& organisation, int n, QStringList* events = nullptr);
    // Pushes an out (hung) of `member` by `who`; returns the transfer id, or empty on failure.
    QString transferOut(const SessionAccount& who, const QString& member, qint64* version = nullptr);
    QJsonObject requestFields(const QString& idNumber, const QString& to) const;
    // Pushes a request for the person with `idNumber` into `to` by `who`.
    QJsonObject requestIn(const SessionAccount& who, const QString& id, const QString& idNumber,
                          const QString& to, const QString& requestedAt = QString());
    QJsonObject decide(const SessionAccount& who, const QString& transfer, const QString& state,
                       const QString& reason = QString());
    // A transfer's field as the server stores it.
    QString transferField(const QString& id, const QString& column);
    QString memberField(const QString& id, const QString& column);

    QHash<QString, QString> m_name; // key → name
};

void TestServerTransfers::buildTree()
{
    // 某区总工会 > 甲镇工会 > 一厂工会, 二厂工会; 某区总工会 > 乙镇工会 > 三厂工会
    m_name = {{QStringLiteral("district"), QStringLiteral("某区总工会")},
              {QStringLiteral("townshipA"), QStringLiteral("甲镇工会")},
              {QStringLiteral("unionA1"), QStringLiteral("一厂工会")},
              {QStringLiteral("unionA2"), QStringLiteral("二厂工会")},
              {QStringLiteral("townshipB"), QStringLiteral("乙镇工会")},
              {QStringLiteral("unionB1"), QStringLiteral("三厂工会")}};
    const QList<std::array<const char*, 3>> tree{{"townshipA", "district", "township"},
                                                 {"unionA1", "townshipA", "base"},
                                                 {"unionA2", "townshipA", "base"},
                                                 {"townshipB", "district", "township"},
                                                 {"unionB1", "townshipB", "base"}};
    QList<Branch> branches;
    for (const auto& [key, parent, level] : tree)
        branches.append({key, m_name.value(QLatin1String(key)), parent, level});
    addTree("district", m_name.value(QStringLiteral("district")), QStringLiteral("district"), branches);
}

ud::test::CliRun TestServerTransfers::admin(const QStringList& arguments)
{
    return ud::test::runCli(QStringList{QStringLiteral("--database"), m_url, QStringLiteral("admin")} +
                                arguments,
                            englishEnvironment(m_folder->path()), m_folder->path(), 60'000);
}

QString TestServerTransfers::transferField(const QString& id, const QString& column)
{
    return text(QStringLiteral("SELECT %1 FROM transfer WHERE id = ?").arg(column), {id});
}

QString TestServerTransfers::memberField(const QString& id, const QString& column)
{
    return text(QStringLiteral("SELECT %1 FROM member WHERE id = ?").arg(column), {id});
}

QString TestServerTransfers::createMember(const QString& organisation, int n, QStringList* events)
{
    const SessionAccount clerk = account(organisation);
    const QString id = newId();
    QJsonArray operations{
        op(QStringLiteral("member"), id, 0,
           {{QStringLiteral("organisation"), m_org.value(organisation)},
            {QStringLiteral("name"), n == 1 ? MemberName : QStringLiteral("王芳%1").arg(QChar(0x4e00 + n))},
            {QStringLiteral("idNumber"), idNumber(n)},
            {QStringLiteral("joinDate"), QStringLiteral("2015-03-01")}})};
    QStringList made;
    for (const char* kind : {"joined", "edited"}) {
        made.append(newId());
        operations.append(op(QStringLiteral("member_event"), made.last(), 0,
                             {{QStringLiteral("member"), id},
                              {QStringLiteral("kind"), QString::fromLatin1(kind)},
                              {QStringLiteral("occurredOn"), QStringLiteral("2015-03-01")}}));
    }
    for (const QJsonValue& result : push(clerk, operations)) {
        if (statusOf(result.toObject()) != QLatin1String("applied"))
            qWarning("not created: %s", qPrintable(reasonOf(result.toObject())));
    }
    if (events)
        *events = made;
    return id;
}

QString TestServerTransfers::transferOut(const SessionAccount& who, const QString& member, qint64* version)
{
    const QString id = newId();
    const QJsonObject result = pushOne(
        who, op(QStringLiteral("transfer"), id, 0,
                {{QStringLiteral("kind"), QStringLiteral("out")},
                 {QStringLiteral("member"), member},
                 {QStringLiteral("fromOrganisation"), memberField(member, QStringLiteral("organisation_id"))},
                 {QStringLiteral("reason"), QStringLiteral("left-job")},
                 {QStringLiteral("state"), QStringLiteral("hung")},
                 {QStringLiteral("requestedAt"), QStringLiteral("2026-11-20T09:00:00Z")},
                 {QStringLiteral("requestedBy"), who.login}}));
    if (statusOf(result) != QLatin1String("applied")) {
        qWarning("out refused: %s", qPrintable(reasonOf(result)));
        return {};
    }
    if (version)
        *version = versionOf(result);
    return id;
}

QJsonObject TestServerTransfers::requestFields(const QString& number, const QString& to) const
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("request")},
                       {QStringLiteral("idNumber"), number},
                       {QStringLiteral("toOrganisation"), m_org.value(to)},
                       {QStringLiteral("state"), QStringLiteral("requested")}};
}

QJsonObject TestServerTransfers::requestIn(const SessionAccount& who, const QString& id,
                                           const QString& number, const QString& to,
                                           const QString& requestedAt)
{
    QJsonObject fields = requestFields(number, to);
    fields.insert(QStringLiteral("requestedBy"), who.login);
    fields.insert(QStringLiteral("requestedAt"), requestedAt.isEmpty() ? ud::Clock::nowIso() : requestedAt);
    return pushOne(who, op(QStringLiteral("transfer"), id, 0, fields));
}

QJsonObject TestServerTransfers::decide(const SessionAccount& who, const QString& transfer,
                                        const QString& state, const QString& reason)
{
    QJsonObject fields{{QStringLiteral("state"), state},
                       {QStringLiteral("decidedAt"), ud::Clock::nowIso()},
                       {QStringLiteral("decidedBy"), who.login}};
    if (!reason.isEmpty())
        fields.insert(QStringLiteral("decisionReason"), reason);
    return pushOne(who, op(QStringLiteral("transfer"), transfer,
                           scalar(QStringLiteral("SELECT version FROM transfer WHERE id = ?"), {transfer}),
                           fields));
}

void TestServerTransfers::outMakesTheMemberHungAbove()
{
    const SessionAccount clerkA1 = account(QStringLiteral("unionA1"));
    const SessionAccount clerkTownship = account(QStringLiteral("townshipA"));
    QStringList events;
    const QString member = createMember(QStringLiteral("unionA1"), 1, &events);
    qint64 cursorA1 = 0;
    qint64 cursorTownship = 0;
    QVERIFY(latestById(pullAll(clerkA1, &cursorA1)).contains(member));
    const QHash<QString, QJsonObject> before = latestById(pullAll(clerkTownship, &cursorTownship));
    const qint64 memberBase = before.value(member).value(QLatin1String("version")).toInteger();

    // Server-set fields the client sends are overwritten.
    const QString transfer = newId();
    const QJsonObject result =
        pushOne(clerkA1, op(QStringLiteral("transfer"), transfer, 0,
                            {{QStringLiteral("kind"), QStringLiteral("out")},
                             {QStringLiteral("member"), member},
                             {QStringLiteral("fromOrganisation"), m_org.value(QStringLiteral("unionA1"))},
                             {QStringLiteral("memberName"), QStringLiteral("假名字")},
                             {QStringLiteral("holdingOrganisation"), m_org.value(QStringLiteral("district"))},
                             {QStringLiteral("holdingName"), QStringLiteral("错的")},
                             {QStringLiteral("reason"), QStringLiteral("left-job")},
                             {QStringLiteral("note"), QStringLiteral("合同到期")},
                             {QStringLiteral("state"), QStringLiteral("hung")},
                             {QStringLiteral("decidedBy"), QStringLiteral("someone")}}));
    QVERIFY2(statusOf(result) == QLatin1String("applied"), qPrintable(reasonOf(result)));

    QCOMPARE(memberField(member, QStringLiteral("organisation_id")),
             m_org.value(QStringLiteral("townshipA")));
    QCOMPARE(memberField(member, QStringLiteral("status")), QStringLiteral("hung"));
    QCOMPARE(memberField(member, QStringLiteral("path")), m_path.value(QStringLiteral("townshipA")));
    QCOMPARE(memberField(member, QStringLiteral("join_date")), QStringLiteral("2015-03-01"));
    QCOMPARE(transferField(transfer, QStringLiteral("state")), QStringLiteral("hung"));
    QCOMPARE(transferField(transfer, QStringLiteral("member_name")), QStringLiteral("张*明"));
    QCOMPARE(transferField(transfer, QStringLiteral("holding_organisation_id")),
             m_org.value(QStringLiteral("townshipA")));
    QCOMPARE(transferField(transfer, QStringLiteral("holding_name")), QStringLiteral("甲镇工会"));
    QCOMPARE(transferField(transfer, QStringLiteral("from_name")), QStringLiteral("一厂工会"));
    QCOMPARE(transferField(transfer, QStringLiteral("decided_by")), QString());
    QCOMPARE(transferField(transfer, QStringLiteral("id_number")), idNumber(1));
    QCOMPARE(transferField(transfer, QStringLiteral("path")), m_path.value(QStringLiteral("townshipA")));
    QCOMPARE(transferField(transfer, QStringLiteral("from_path")), m_path.value(QStringLiteral("unionA1")));

    // The union she left: gone for her and her history; the transfer itself stays in view.
    const QList<QJsonObject> atA1 = pullAll(clerkA1, &cursorA1);
    QCOMPARE(goneIds(atA1), (QSet<QString>{member, events.at(0), events.at(1)}));
    const QHash<QString, QJsonObject> a1Latest = latestById(atA1);
    QVERIFY(a1Latest.contains(transfer));
    QCOMPARE(fieldsOf(a1Latest.value(transfer)).value(QLatin1String("holdingName")).toString(),
             QStringLiteral("甲镇工会"));
    QCOMPARE(a1Latest.size(), 4);

    // The township sees the move: her new organisation and status, her history and a new event.
    const QHash<QString, QJsonObject> atTownship = latestById(pullAll(clerkTownship, &cursorTownship));
    QVERIFY(goneIds(atTownship.values()).isEmpty());
    QCOMPARE(fieldsOf(atTownship.value(member)).value(QLatin1String("organisation")).toString(),
             m_org.value(QStringLiteral("townshipA")));
    QCOMPARE(fieldsOf(atTownship.value(member)).value(QLatin1String("status")).toString(),
             QStringLiteral("hung"));
    QVERIFY(atTownship.contains(events.at(0)) && atTownship.contains(events.at(1)));
    QVERIFY(atTownship.contains(transfer));
    QJsonObject transferred;
    for (const QJsonObject& change : atTownship) {
        const QJsonObject fields = fieldsOf(change);
        if (fields.value(QLatin1String("kind")) == QLatin1String("transferred"))
            transferred = fields;
    }
    QCOMPARE(transferred.value(QLatin1String("member")).toString(), member);
    QCOMPARE(transferred.value(QLatin1String("fromStatus")).toString(), QStringLiteral("active"));
    QCOMPARE(transferred.value(QLatin1String("toStatus")).toString(), QStringLiteral("hung"));
    QCOMPARE(transferred.value(QLatin1String("reason")).toString(), QStringLiteral("left-job"));
    QCOMPARE(transferred.value(QLatin1String("occurredOn")).toString(),
             ud::Clock::today().toString(Qt::ISODate));
    QCOMPARE(transferred.value(QLatin1String("details")).toObject(),
             (QJsonObject{{QStringLiteral("organisation"),
                           QJsonObject{{QStringLiteral("from"), QStringLiteral("一厂工会")},
                                       {QStringLiteral("to"), QStringLiteral("甲镇工会")}}}}));

    // A desk that had not seen the move and edits her organisation conflicts with it.
    const QJsonObject stale = pushOne(
        clerkTownship, op(QStringLiteral("member"), member, memberBase,
                          {{QStringLiteral("organisation"), m_org.value(QStringLiteral("unionA2"))}}));
    QCOMPARE(statusOf(stale), QStringLiteral("conflict"));
    QCOMPARE(
        stale.value(QLatin1String("conflicts")).toObject().value(QLatin1String("organisation")).toString(),
        m_org.value(QStringLiteral("townshipA")));

    // She cannot go out twice, and a union cannot send out someone it does not hold.
    const QJsonObject twice =
        pushOne(clerkTownship, op(QStringLiteral("transfer"), newId(), 0,
                                  {{QStringLiteral("kind"), QStringLiteral("out")},
                                   {QStringLiteral("member"), member},
                                   {QStringLiteral("reason"), QStringLiteral("other")}}));
    QCOMPARE(statusOf(twice), QStringLiteral("rejected"));
    QVERIFY2(reasonOf(twice).contains(QLatin1String("open transfer")), qPrintable(reasonOf(twice)));
    const QString other = createMember(QStringLiteral("unionA2"), 2);
    const QJsonObject notMine = pushOne(clerkA1, op(QStringLiteral("transfer"), newId(), 0,
                                                    {{QStringLiteral("kind"), QStringLiteral("out")},
                                                     {QStringLiteral("member"), other},
                                                     {QStringLiteral("reason"), QStringLiteral("retired")}}));
    QCOMPARE(statusOf(notMine), QStringLiteral("rejected"));
    const QJsonObject badReason = pushOne(account(QStringLiteral("unionA2")),
                                          op(QStringLiteral("transfer"), newId(), 0,
                                             {{QStringLiteral("kind"), QStringLiteral("out")},
                                              {QStringLiteral("member"), other},
                                              {QStringLiteral("reason"), QStringLiteral("bored")}}));
    QCOMPARE(statusOf(badReason), QStringLiteral("rejected"));
    QVERIFY(reasonOf(badReason).contains(QLatin1String("left-job")));
    QCOMPARE(memberField(other, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionA2")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transfer")), 1);
    QVERIFY(ServerAudit(*m_db).verify().ok);
}

void TestServerTransfers::requestAndApprovalMoveTheMemberWithHerHistory()
{
    const SessionAccount clerkA1 = account(QStringLiteral("unionA1"));
    const SessionAccount clerkTownship = account(QStringLiteral("townshipA"));
    const SessionAccount clerkB1 = account(QStringLiteral("unionB1"));
    QStringList events;
    const QString member = createMember(QStringLiteral("unionA1"), 1, &events);
    const QString hung = transferOut(clerkA1, member);
    QVERIFY(!hung.isEmpty());
    qint64 cursorA1 = 0;
    qint64 cursorTownship = 0;
    qint64 cursorB1 = 0;
    pullAll(clerkA1, &cursorA1);
    pullAll(clerkTownship, &cursorTownship);
    QVERIFY(!latestById(pullAll(clerkB1, &cursorB1)).contains(member));

    // The receiving clerk types the number as clerks do (spaces, a lower-case x would do too).
    const QString number = idNumber(1);
    const QString typed =
        number.left(6) + QLatin1Char(' ') + number.mid(6, 8) + QLatin1Char(' ') + number.mid(14);
    const QString request = newId();
    QJsonObject fields = requestFields(typed, QStringLiteral("unionB1"));
    fields.insert(QStringLiteral("member"), newId()); // server-set for a request: overwritten
    fields.insert(QStringLiteral("requestedBy"), clerkB1.login);
    const QJsonObject asked = pushOne(clerkB1, op(QStringLiteral("transfer"), request, 0, fields));
    QVERIFY2(statusOf(asked) == QLatin1String("applied"), qPrintable(reasonOf(asked)));
    QCOMPARE(transferField(request, QStringLiteral("state")), QStringLiteral("requested"));
    QCOMPARE(transferField(request, QStringLiteral("member_id")), member);
    QCOMPARE(transferField(request, QStringLiteral("id_number")), number);
    QCOMPARE(transferField(request, QStringLiteral("member_name")), QStringLiteral("张*明"));
    QCOMPARE(transferField(request, QStringLiteral("holding_name")), QStringLiteral("甲镇工会"));
    QCOMPARE(transferField(request, QStringLiteral("to_name")), QStringLiteral("三厂工会"));
    // She comes from the union she left before she was hung, which sees where she goes.
    QCOMPARE(transferField(request, QStringLiteral("from_name")), QStringLiteral("一厂工会"));
    QVERIFY(latestById(pullAll(clerkA1, &cursorA1)).contains(request));
    // The look-up behind the request is in the audit log, with the number masked.
    const QString lookup = text(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'lookup' AND "
                                               "record_id = ?"),
                                {member});
    QVERIFY2(lookup.contains(ud::IdNumber::masked(number)) && lookup.contains(request), qPrintable(lookup));
    QVERIFY(!lookup.contains(number));

    // The requesting union sees its request, with the masked name, but not the member.
    QHash<QString, QJsonObject> atB1 = latestById(pullAll(clerkB1, &cursorB1));
    QCOMPARE(QSet<QString>(atB1.keyBegin(), atB1.keyEnd()), QSet<QString>{request});
    QCOMPARE(fieldsOf(atB1.value(request)).value(QLatin1String("memberName")).toString(),
             QStringLiteral("张*明"));
    const QHash<QString, QJsonObject> townshipSees = latestById(pullAll(clerkTownship, &cursorTownship));
    QVERIFY(townshipSees.contains(request));

    // Approved by the township that holds her.
    const QJsonObject approved = decide(clerkTownship, request, QStringLiteral("completed"));
    QVERIFY2(statusOf(approved) == QLatin1String("applied"), qPrintable(reasonOf(approved)));
    QCOMPARE(memberField(member, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionB1")));
    QCOMPARE(memberField(member, QStringLiteral("status")), QStringLiteral("active"));
    QCOMPARE(memberField(member, QStringLiteral("join_date")), QStringLiteral("2015-03-01"));
    QCOMPARE(transferField(request, QStringLiteral("state")), QStringLiteral("completed"));
    QCOMPARE(transferField(request, QStringLiteral("decided_by")), clerkTownship.login);
    // Her hung transfer completes with it and tells the union she left where she went.
    QCOMPARE(transferField(hung, QStringLiteral("state")), QStringLiteral("completed"));
    QCOMPARE(transferField(hung, QStringLiteral("to_organisation_id")),
             m_org.value(QStringLiteral("unionB1")));
    QCOMPARE(transferField(hung, QStringLiteral("to_name")), QStringLiteral("三厂工会"));

    // The new union pulls her and her whole history: joined, edited and both moves.
    atB1 = latestById(pullAll(clerkB1, &cursorB1));
    QVERIFY(goneIds(atB1.values()).isEmpty());
    QCOMPARE(fieldsOf(atB1.value(member)).value(QLatin1String("organisation")).toString(),
             m_org.value(QStringLiteral("unionB1")));
    QCOMPARE(fieldsOf(atB1.value(member)).value(QLatin1String("joinDate")).toString(),
             QStringLiteral("2015-03-01"));
    QCOMPARE(fieldsOf(atB1.value(member)).value(QLatin1String("name")).toString(), MemberName);
    QStringList kinds;
    for (const QJsonObject& change : atB1) {
        if (change.value(QLatin1String("entity")) == QLatin1String("member_event")) {
            QCOMPARE(fieldsOf(change).value(QLatin1String("member")).toString(), member);
            kinds.append(fieldsOf(change).value(QLatin1String("kind")).toString());
        }
    }
    kinds.sort();
    QCOMPARE(kinds, (QStringList{QStringLiteral("edited"), QStringLiteral("joined"),
                                 QStringLiteral("transferred"), QStringLiteral("transferred")}));
    QVERIFY(atB1.contains(hung)); // its to is the union now
    QCOMPARE(fieldsOf(atB1.value(request)).value(QLatin1String("state")).toString(),
             QStringLiteral("completed"));

    // The township lets go of her and her history; the first union only sees the transfers complete.
    const QList<QJsonObject> atTownship = pullAll(clerkTownship, &cursorTownship);
    const QSet<QString> gone = goneIds(atTownship);
    QVERIFY(gone.contains(member) && gone.contains(events.at(0)) && gone.contains(events.at(1)));
    QCOMPARE(gone.size(), 4); // and the event of her going out, which lay at the township
    const QHash<QString, QJsonObject> atA1 = latestById(pullAll(clerkA1, &cursorA1));
    QCOMPARE(QSet<QString>(atA1.keyBegin(), atA1.keyEnd()), (QSet<QString>{hung, request}));
    QCOMPARE(fieldsOf(atA1.value(hung)).value(QLatin1String("toName")).toString(),
             QStringLiteral("三厂工会"));
    // A fresh desk at the old union never sees her at all.
    qint64 fresh = 0;
    const QHash<QString, QJsonObject> freshA1 = latestById(pullAll(clerkA1, &fresh));
    QVERIFY(!freshA1.contains(member) || freshA1.value(member).value(QLatin1String("gone")).toBool());
    QVERIFY(ServerAudit(*m_db).verify().ok);
}

void TestServerTransfers::requestsTheServerStoresAsRejected()
{
    const SessionAccount clerkTownship = account(QStringLiteral("townshipA"));
    const SessionAccount clerkB1 = account(QStringLiteral("unionB1"));
    const QString member = createMember(QStringLiteral("unionA1"), 1);

    // Nobody has this number: stored, rejected, with what to do instead.
    const QString unknown = newId();
    QJsonObject result = requestIn(clerkB1, unknown, idNumber(77), QStringLiteral("unionB1"));
    QCOMPARE(statusOf(result), QStringLiteral("applied"));
    QCOMPARE(transferField(unknown, QStringLiteral("state")), QStringLiteral("rejected"));
    QVERIFY2(transferField(unknown, QStringLiteral("decision_reason")).contains(QLatin1String("new member")),
             qPrintable(transferField(unknown, QStringLiteral("decision_reason"))));
    QCOMPARE(transferField(unknown, QStringLiteral("member_id")), QString());
    qint64 cursor = 0;
    QVERIFY(latestById(pullAll(clerkB1, &cursor)).contains(unknown));

    // She is already inside the asking account's tree.
    const QString inside = newId();
    result = requestIn(clerkTownship, inside, idNumber(1), QStringLiteral("unionA2"));
    QCOMPARE(statusOf(result), QStringLiteral("applied"));
    QCOMPARE(transferField(inside, QStringLiteral("state")), QStringLiteral("rejected"));
    QVERIFY(transferField(inside, QStringLiteral("decision_reason")).contains(QStringLiteral("一厂工会")));
    QCOMPARE(memberField(member, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionA1")));

    // Refused as pushes: a number that is not one, a union outside the account's tree, a missing kind.
    const QJsonObject invalid =
        requestIn(clerkB1, newId(), QStringLiteral("44010419800101001"), QStringLiteral("unionB1"));
    QCOMPARE(statusOf(invalid), QStringLiteral("rejected"));
    const QJsonObject foreignTo = requestIn(clerkB1, newId(), idNumber(1), QStringLiteral("unionA2"));
    QCOMPARE(statusOf(foreignTo), QStringLiteral("rejected"));
    const QJsonObject noKind = pushOne(
        clerkB1, op(QStringLiteral("transfer"), newId(), 0, {{QStringLiteral("idNumber"), idNumber(1)}}));
    QCOMPARE(statusOf(noKind), QStringLiteral("rejected"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transfer")), 2);
}

void TestServerTransfers::raceOfTwoRequestsIsWonByTheFirst()
{
    const SessionAccount clerkA1 = account(QStringLiteral("unionA1"));
    const SessionAccount clerkA2 = account(QStringLiteral("unionA2"));
    const SessionAccount clerkB1 = account(QStringLiteral("unionB1"));
    const SessionAccount clerkTownship = account(QStringLiteral("townshipA"));
    const QString member = createMember(QStringLiteral("unionA1"), 1);
    QVERIFY(!transferOut(clerkA1, member).isEmpty());

    // Both ask while offline; unionB1's push arrives first and wins.
    const QString first = newId();
    const QString second = newId();
    QCOMPARE(statusOf(requestIn(clerkB1, first, idNumber(1), QStringLiteral("unionB1"),
                                QStringLiteral("2026-11-25T10:00:00Z"))),
             QStringLiteral("applied"));
    QCOMPARE(statusOf(requestIn(clerkA2, second, idNumber(1), QStringLiteral("unionA2"),
                                QStringLiteral("2026-11-24T10:00:00Z"))),
             QStringLiteral("applied"));
    QCOMPARE(transferField(first, QStringLiteral("state")), QStringLiteral("requested"));
    QCOMPARE(transferField(second, QStringLiteral("state")), QStringLiteral("rejected"));
    const QString why = transferField(second, QStringLiteral("decision_reason"));
    QVERIFY2(why.contains(QStringLiteral("三厂工会")) && why.contains(QLatin1String("2026-11-25")),
             qPrintable(why));
    // The loser reads why at its next pull.
    qint64 cursor = 0;
    const QHash<QString, QJsonObject> atA2 = latestById(pullAll(clerkA2, &cursor));
    QCOMPARE(fieldsOf(atA2.value(second)).value(QLatin1String("decisionReason")).toString(), why);
    QVERIFY(!atA2.contains(first));

    QCOMPARE(statusOf(decide(clerkTownship, first, QStringLiteral("completed"))), QStringLiteral("applied"));
    QCOMPARE(memberField(member, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionB1")));
    // The rejected one cannot be brought back.
    QCOMPARE(statusOf(decide(clerkTownship, second, QStringLiteral("completed"))),
             QStringLiteral("rejected"));
    QCOMPARE(memberField(member, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionB1")));

    // Two server instances (threads, each with its own connection) receive two unions' requests for
    // another hung member at the same moment: one is requested, the other names it.
    const QString other = createMember(QStringLiteral("unionA2"), 2);
    QVERIFY(!transferOut(clerkA2, other).isEmpty());
    const SessionAccount askers[2] = {clerkB1, clerkA1};
    const QString unions[2] = {QStringLiteral("unionB1"), QStringLiteral("unionA1")};
    const QString ids[2] = {newId(), newId()};
    QString statuses[2];
    QString errors[2];
    auto instance = [&](int n) {
        std::unique_ptr<ServerDatabase> db = ServerDatabase::open(m_url, &errors[n]);
        if (!db)
            return;
        SyncService service(*db, askers[n]);
        QJsonObject answer;
        if (!service.push(QJsonObject{{QStringLiteral("clientId"), desk(askers[n])},
                                      {QStringLiteral("operations"),
                                       QJsonArray{op(QStringLiteral("transfer"), ids[n], 0,
                                                     requestFields(idNumber(2), unions[n]))}}},
                          &answer, &errors[n]))
            return;
        statuses[n] = statusOf(answer.value(QLatin1String("results")).toArray().first().toObject());
    };
    std::unique_ptr<QThread> one(QThread::create(instance, 0));
    std::unique_ptr<QThread> two(QThread::create(instance, 1));
    one->start();
    two->start();
    QVERIFY(one->wait(120'000));
    QVERIFY(two->wait(120'000));
    QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable(errors[0] + errors[1]));
    QCOMPARE(statuses[0], QStringLiteral("applied"));
    QCOMPARE(statuses[1], QStringLiteral("applied"));
    const QStringList states{transferField(ids[0], QStringLiteral("state")),
                             transferField(ids[1], QStringLiteral("state"))};
    QCOMPARE(QSet<QString>(states.cbegin(), states.cend()),
             (QSet<QString>{QStringLiteral("requested"), QStringLiteral("rejected")}));
    const int winner = states.at(0) == QLatin1String("requested") ? 0 : 1;
    QVERIFY(transferField(ids[1 - winner], QStringLiteral("decision_reason"))
                .contains(m_name.value(unions[winner])));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'lookup'")), 4);
    QVERIFY(ServerAudit(*m_db).verify().ok);
}

void TestServerTransfers::rejectAndCancelLeaveTheMemberInOnePlace()
{
    const SessionAccount clerkA1 = account(QStringLiteral("unionA1"));
    const SessionAccount clerkB1 = account(QStringLiteral("unionB1"));
    const SessionAccount clerkTownship = account(QStringLiteral("townshipA"));
    QStringList events;
    const QString member = createMember(QStringLiteral("unionA1"), 1, &events);
    const QString hung = transferOut(clerkA1, member);
    QVERIFY(!hung.isEmpty());

    // The holding township rejects a request, with a reason; she stays hung.
    const QString rejected = newId();
    QCOMPARE(statusOf(requestIn(clerkB1, rejected, idNumber(1), QStringLiteral("unionB1"))),
             QStringLiteral("applied"));
    QJsonObject result =
        decide(clerkTownship, rejected, QStringLiteral("rejected"), QStringLiteral("证明材料不全"));
    QVERIFY2(statusOf(result) == QLatin1String("applied"), qPrintable(reasonOf(result)));
    QCOMPARE(transferField(rejected, QStringLiteral("decision_reason")), QStringLiteral("证明材料不全"));
    QCOMPARE(memberField(member, QStringLiteral("status")), QStringLiteral("hung"));
    qint64 cursorB1 = 0;
    QCOMPARE(fieldsOf(latestById(pullAll(clerkB1, &cursorB1)).value(rejected)).value(QLatin1String("state")),
             QJsonValue(QStringLiteral("rejected")));

    // The asking union withdraws its next request.
    const QString withdrawn = newId();
    QCOMPARE(statusOf(requestIn(clerkB1, withdrawn, idNumber(1), QStringLiteral("unionB1"))),
             QStringLiteral("applied"));
    result = decide(clerkB1, withdrawn, QStringLiteral("cancelled"), QStringLiteral("员工未入职"));
    QVERIFY2(statusOf(result) == QLatin1String("applied"), qPrintable(reasonOf(result)));
    QCOMPARE(transferField(withdrawn, QStringLiteral("state")), QStringLiteral("cancelled"));
    QCOMPARE(memberField(member, QStringLiteral("status")), QStringLiteral("hung"));

    // A third request is open when the union she left takes her back: it is rejected, naming where
    // she went, and she is active at her old union again with her history.
    const QString open = newId();
    QCOMPARE(statusOf(requestIn(clerkB1, open, idNumber(1), QStringLiteral("unionB1"))),
             QStringLiteral("applied"));
    qint64 cursorA1 = 0;
    qint64 cursorTownship = 0;
    pullAll(clerkA1, &cursorA1);
    pullAll(clerkTownship, &cursorTownship);
    result = decide(clerkA1, hung, QStringLiteral("cancelled"), QStringLiteral("员工返岗"));
    QVERIFY2(statusOf(result) == QLatin1String("applied"), qPrintable(reasonOf(result)));
    QCOMPARE(memberField(member, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionA1")));
    QCOMPARE(memberField(member, QStringLiteral("status")), QStringLiteral("active"));
    QCOMPARE(transferField(hung, QStringLiteral("state")), QStringLiteral("cancelled"));
    QCOMPARE(transferField(open, QStringLiteral("state")), QStringLiteral("rejected"));
    QVERIFY(transferField(open, QStringLiteral("decision_reason")).contains(QStringLiteral("一厂工会")));
    const QHash<QString, QJsonObject> backAtA1 = latestById(pullAll(clerkA1, &cursorA1));
    QVERIFY(goneIds(backAtA1.values()).isEmpty());
    QVERIFY(backAtA1.contains(member) && backAtA1.contains(events.at(0)) && backAtA1.contains(events.at(1)));
    // The township holds her no longer, but unionA1 lies under it: an ordinary change there.
    const QHash<QString, QJsonObject> atTownship = latestById(pullAll(clerkTownship, &cursorTownship));
    QVERIFY(goneIds(atTownship.values()).isEmpty());
    QCOMPARE(fieldsOf(atTownship.value(member)).value(QLatin1String("organisation")).toString(),
             m_org.value(QStringLiteral("unionA1")));

    // Final states stay final.
    result = decide(clerkA1, hung, QStringLiteral("hung"));
    QCOMPARE(statusOf(result), QStringLiteral("rejected"));
    QVERIFY2(reasonOf(result).contains(QLatin1String("cancelled")), qPrintable(reasonOf(result)));

    // The township may also cancel a hung transfer it holds.
    const QString again = transferOut(clerkA1, member);
    QVERIFY(!again.isEmpty());
    QCOMPARE(statusOf(decide(clerkTownship, again, QStringLiteral("cancelled"))), QStringLiteral("applied"));
    QCOMPARE(memberField(member, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionA1")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM member")), 1);
}

void TestServerTransfers::directTransferByIdAndByName()
{
    const SessionAccount clerkA1 = account(QStringLiteral("unionA1"));
    const SessionAccount clerkB1 = account(QStringLiteral("unionB1"));
    const auto direct = [&](const SessionAccount& who, const QString& member, const QJsonObject& to) {
        const QString id = newId();
        QJsonObject fields{{QStringLiteral("kind"), QStringLiteral("direct")},
                           {QStringLiteral("member"), member},
                           {QStringLiteral("reason"), QStringLiteral("left-job")},
                           {QStringLiteral("state"), QStringLiteral("completed")}};
        for (auto it = to.constBegin(); it != to.constEnd(); ++it)
            fields.insert(it.key(), *it);
        const QJsonObject result = pushOne(who, op(QStringLiteral("transfer"), id, 0, fields));
        if (statusOf(result) != QLatin1String("applied"))
            qWarning("direct refused: %s", qPrintable(reasonOf(result)));
        return id;
    };

    // By id: she is at unionB1 at once.
    const QString first = createMember(QStringLiteral("unionA1"), 1);
    qint64 cursorB1 = 0;
    pullAll(clerkB1, &cursorB1);
    const QString byId =
        direct(clerkA1, first, {{QStringLiteral("toOrganisation"), m_org.value(QStringLiteral("unionB1"))}});
    QCOMPARE(transferField(byId, QStringLiteral("state")), QStringLiteral("completed"));
    QCOMPARE(transferField(byId, QStringLiteral("holding_organisation_id")),
             m_org.value(QStringLiteral("unionA1")));
    QCOMPARE(transferField(byId, QStringLiteral("to_name")), QStringLiteral("三厂工会"));
    QCOMPARE(memberField(first, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionB1")));
    QCOMPARE(memberField(first, QStringLiteral("status")), QStringLiteral("active"));
    const QHash<QString, QJsonObject> atB1 = latestById(pullAll(clerkB1, &cursorB1));
    QVERIFY(atB1.contains(first) && atB1.contains(byId));
    QCOMPARE(atB1.size(), 5); // the member, her three events and the transfer

    // By exact name, from the other direction.
    const QString back = direct(clerkB1, first, {{QStringLiteral("toName"), QStringLiteral("一厂工会")}});
    QCOMPARE(transferField(back, QStringLiteral("state")), QStringLiteral("completed"));
    QCOMPARE(transferField(back, QStringLiteral("to_organisation_id")),
             m_org.value(QStringLiteral("unionA1")));
    QCOMPARE(memberField(first, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionA1")));

    // A name nobody has, or two unions have: stored as rejected, and she stays.
    const QString nowhere =
        direct(clerkA1, first, {{QStringLiteral("toName"), QStringLiteral("不存在的工会")}});
    QCOMPARE(transferField(nowhere, QStringLiteral("state")), QStringLiteral("rejected"));
    QVERIFY(
        transferField(nowhere, QStringLiteral("decision_reason")).contains(QStringLiteral("不存在的工会")));
    QString error;
    AccountAdmin admin(*m_db, QStringLiteral("admin"));
    QVERIFY2(admin.addOrganisation(QStringLiteral("同名工会"), m_org.value(QStringLiteral("townshipA")),
                                   QStringLiteral("base"), &error),
             qPrintable(error));
    QVERIFY2(admin.addOrganisation(QStringLiteral("同名工会"), m_org.value(QStringLiteral("townshipB")),
                                   QStringLiteral("base"), &error),
             qPrintable(error));
    const QString twoOfThem =
        direct(clerkA1, first, {{QStringLiteral("toName"), QStringLiteral("同名工会")}});
    QCOMPARE(transferField(twoOfThem, QStringLiteral("state")), QStringLiteral("rejected"));
    QVERIFY(
        transferField(twoOfThem, QStringLiteral("decision_reason")).contains(QLatin1String("give the id")));
    QCOMPARE(memberField(first, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionA1")));
    qint64 cursorA1 = 0;
    QCOMPARE(fieldsOf(latestById(pullAll(clerkA1, &cursorA1)).value(twoOfThem))
                 .value(QLatin1String("state"))
                 .toString(),
             QStringLiteral("rejected"));
    // A rejected transfer leaves the member free to go out again.
    QVERIFY(!transferOut(clerkA1, first).isEmpty());
}

void TestServerTransfers::decisionsFollowTheStateMachine()
{
    const SessionAccount clerkA1 = account(QStringLiteral("unionA1"));
    const SessionAccount clerkB1 = account(QStringLiteral("unionB1"));
    const SessionAccount clerkTownship = account(QStringLiteral("townshipA"));
    const SessionAccount clerkDistrict = account(QStringLiteral("district"));
    const QString member = createMember(QStringLiteral("unionA1"), 1);
    const QString hung = transferOut(clerkA1, member);
    QVERIFY(!hung.isEmpty());

    // A hung transfer is not approved: a request from her new union is.
    QJsonObject result = decide(clerkTownship, hung, QStringLiteral("completed"));
    QCOMPARE(statusOf(result), QStringLiteral("rejected"));
    QVERIFY(!reasonOf(result).isEmpty());
    // Nor does anyone but the server expire one.
    QCOMPARE(statusOf(decide(clerkTownship, hung, QStringLiteral("expired"))), QStringLiteral("rejected"));

    const QString request = newId();
    QCOMPARE(statusOf(requestIn(clerkB1, request, idNumber(1), QStringLiteral("unionB1"))),
             QStringLiteral("applied"));
    // The asking union cannot approve its own request, nor can the union she left.
    for (const SessionAccount& who : {clerkB1, clerkA1}) {
        result = decide(who, request, QStringLiteral("completed"));
        QCOMPARE(statusOf(result), QStringLiteral("rejected"));
        QVERIFY2(reasonOf(result).contains(QStringLiteral("甲镇工会")) ||
                     reasonOf(result).contains(QLatin1String("no such record")),
                 qPrintable(reasonOf(result)));
    }
    // A decision's reason alone is no decision.
    result = pushOne(clerkTownship,
                     op(QStringLiteral("transfer"), request,
                        scalar(QStringLiteral("SELECT version FROM transfer WHERE id = ?"), {request}),
                        {{QStringLiteral("decisionReason"), QStringLiteral("先说一声")}}));
    QCOMPARE(statusOf(result), QStringLiteral("rejected"));
    // What a request is about cannot change.
    result =
        pushOne(clerkB1, op(QStringLiteral("transfer"), request, 0,
                            {{QStringLiteral("toOrganisation"), m_org.value(QStringLiteral("townshipB"))}}));
    QCOMPARE(statusOf(result), QStringLiteral("rejected"));
    // The note is anyone's who sees it.
    result = pushOne(clerkB1, op(QStringLiteral("transfer"), request, 0,
                                 {{QStringLiteral("note"), QStringLiteral("已电话联系")}}));
    QCOMPARE(statusOf(result), QStringLiteral("applied"));
    QCOMPARE(transferField(request, QStringLiteral("state")), QStringLiteral("requested"));
    QCOMPARE(memberField(member, QStringLiteral("status")), QStringLiteral("hung"));

    // A desk that decides on an old copy after someone else decided conflicts, and changes nothing.
    const qint64 base = scalar(QStringLiteral("SELECT version FROM transfer WHERE id = ?"), {request});
    QCOMPARE(statusOf(decide(clerkDistrict, request, QStringLiteral("completed"))),
             QStringLiteral("applied"));
    result = pushOne(clerkB1, op(QStringLiteral("transfer"), request, base,
                                 {{QStringLiteral("state"), QStringLiteral("cancelled")},
                                  {QStringLiteral("decisionReason"), QStringLiteral("不要了")}}));
    QCOMPARE(statusOf(result), QStringLiteral("conflict"));
    QCOMPARE(result.value(QLatin1String("conflicts")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("completed"));
    QCOMPARE(transferField(request, QStringLiteral("state")), QStringLiteral("completed"));
    QCOMPARE(transferField(request, QStringLiteral("decision_reason")), QString());
    QCOMPARE(transferField(request, QStringLiteral("decided_by")), clerkDistrict.login);
    QCOMPARE(memberField(member, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionB1")));
    // And a transfer is never deleted.
    result = pushOne(clerkB1, op(QStringLiteral("transfer"), request, 0, {}, true));
    QCOMPARE(statusOf(result), QStringLiteral("rejected"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transfer WHERE deleted = 0")), 2);
}

void TestServerTransfers::readersAndOutsidersGetNothing()
{
    const SessionAccount clerkA1 = account(QStringLiteral("unionA1"));
    const SessionAccount clerkB1 = account(QStringLiteral("unionB1"));
    const SessionAccount viewer = account(QStringLiteral("townshipA"), QStringLiteral("viewer"));
    const SessionAccount outsider = account(QStringLiteral("unionA2"));
    const QString member = createMember(QStringLiteral("unionA1"), 1);
    const QString hung = transferOut(clerkA1, member);
    const QString request = newId();
    QCOMPARE(statusOf(requestIn(clerkB1, request, idNumber(1), QStringLiteral("unionB1"))),
             QStringLiteral("applied"));
    const qint64 sequence = scalar(QStringLiteral("SELECT value FROM change_seq"));

    // A viewer reads but may not decide, nor create.
    QCOMPARE(statusOf(decide(viewer, request, QStringLiteral("completed"))), QStringLiteral("rejected"));
    QCOMPARE(statusOf(pushOne(viewer, op(QStringLiteral("transfer"), newId(), 0,
                                         requestFields(idNumber(1), QStringLiteral("townshipA"))))),
             QStringLiteral("rejected"));
    qint64 cursor = 0;
    const QHash<QString, QJsonObject> viewed = latestById(pullAll(viewer, &cursor));
    QVERIFY(viewed.contains(request) && viewed.contains(hung) && viewed.contains(member));

    // A union under none of the three organisations: a push reads as one for a record that does not
    // exist, and its pull shows nothing of either transfer.
    const QJsonObject onRequest = decide(outsider, request, QStringLiteral("rejected"));
    const QJsonObject onHung = decide(outsider, hung, QStringLiteral("cancelled"));
    const QJsonObject onNothing =
        pushOne(outsider, op(QStringLiteral("transfer"), newId(), 3,
                             {{QStringLiteral("state"), QStringLiteral("rejected")}}));
    for (const QJsonObject& result : {onRequest, onHung, onNothing}) {
        QCOMPARE(statusOf(result), QStringLiteral("rejected"));
        QCOMPARE(reasonOf(result), reasonOf(onNothing));
        QCOMPARE(versionOf(result), 0);
    }
    cursor = 0;
    const QHash<QString, QJsonObject> seen = latestById(pullAll(outsider, &cursor));
    QVERIFY(!seen.contains(request) && !seen.contains(hung) && !seen.contains(member));
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM change_seq")), sequence);
    QCOMPARE(transferField(request, QStringLiteral("state")), QStringLiteral("requested"));
    QCOMPARE(transferField(hung, QStringLiteral("state")), QStringLiteral("hung"));
}

void TestServerTransfers::expireTransfersCommand()
{
    const SessionAccount clerkA1 = account(QStringLiteral("unionA1"));
    const SessionAccount clerkA2 = account(QStringLiteral("unionA2"));
    const SessionAccount clerkB1 = account(QStringLiteral("unionB1"));
    const QString oldMember = createMember(QStringLiteral("unionA1"), 1);
    const QString newMember = createMember(QStringLiteral("unionA2"), 2);
    QVERIFY(!transferOut(clerkA1, oldMember).isEmpty());
    QVERIFY(!transferOut(clerkA2, newMember).isEmpty());
    const QString old = newId();
    const QString recent = newId();
    const QDateTime now = ud::Clock::nowUtc();
    QCOMPARE(statusOf(requestIn(clerkB1, old, idNumber(1), QStringLiteral("unionB1"),
                                now.addDays(-40).toString(Qt::ISODate))),
             QStringLiteral("applied"));
    QCOMPARE(statusOf(requestIn(clerkB1, recent, idNumber(2), QStringLiteral("unionB1"),
                                now.addDays(-5).toString(Qt::ISODate))),
             QStringLiteral("applied"));
    qint64 cursor = 0;
    pullAll(clerkB1, &cursor);

    ud::test::CliRun run =
        admin({QStringLiteral("expire-transfers"), QStringLiteral("--days"), QStringLiteral("30")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out.trimmed(), QStringLiteral("1 transfer request(s) expired."));
    QCOMPARE(transferField(old, QStringLiteral("state")), QStringLiteral("expired"));
    QVERIFY(transferField(old, QStringLiteral("decision_reason")).contains(QLatin1String("30 day")));
    QCOMPARE(transferField(recent, QStringLiteral("state")), QStringLiteral("requested"));
    QCOMPARE(memberField(oldMember, QStringLiteral("status")), QStringLiteral("hung"));
    QCOMPARE(memberField(oldMember, QStringLiteral("organisation_id")),
             m_org.value(QStringLiteral("townshipA")));
    QCOMPARE(
        fieldsOf(latestById(pullAll(clerkB1, &cursor)).value(old)).value(QLatin1String("state")).toString(),
        QStringLiteral("expired"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'expire' AND record_id = ?"),
               {old}),
        1);
    // Nothing left to expire; bad input is a usage error.
    run = admin({QStringLiteral("expire-transfers"), QStringLiteral("--days"), QStringLiteral("30")});
    QCOMPARE(run.out.trimmed(), QStringLiteral("0 transfer request(s) expired."));
    run = admin({QStringLiteral("expire-transfers"), QStringLiteral("--days"), QStringLiteral("soon")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--days")), qPrintable(run.describe()));
    // An expired request frees the member for the next one.
    QCOMPARE(statusOf(requestIn(clerkB1, newId(), idNumber(1), QStringLiteral("unionB1"))),
             QStringLiteral("applied"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transfer WHERE state = 'requested'")), 2);
    run = admin({QStringLiteral("verify-audit")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
}

void TestServerTransfers::autoApproveRuleCommand()
{
    const SessionAccount clerkA1 = account(QStringLiteral("unionA1"));
    const SessionAccount clerkB1 = account(QStringLiteral("unionB1"));
    ud::test::CliRun run =
        admin({QStringLiteral("transfer-rule"), QStringLiteral("--org"), QStringLiteral("甲镇工会"),
               QStringLiteral("--auto-approve-hung"), QStringLiteral("yes")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains(QStringLiteral("甲镇工会")), qPrintable(run.out));
    QCOMPARE(scalar(QStringLiteral("SELECT auto_approve_hung FROM transfer_rule WHERE organisation_id = ?"),
                    {m_org.value(QStringLiteral("townshipA"))}),
             1);

    // A request for a hung member completes as it arrives, signed by the rule.
    const QString member = createMember(QStringLiteral("unionA1"), 1);
    const QString hung = transferOut(clerkA1, member);
    const QString request = newId();
    QCOMPARE(statusOf(requestIn(clerkB1, request, idNumber(1), QStringLiteral("unionB1"))),
             QStringLiteral("applied"));
    QCOMPARE(transferField(request, QStringLiteral("state")), QStringLiteral("completed"));
    QCOMPARE(transferField(request, QStringLiteral("decided_by")), QStringLiteral("rule"));
    QCOMPARE(transferField(hung, QStringLiteral("state")), QStringLiteral("completed"));
    QCOMPARE(memberField(member, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionB1")));
    qint64 cursor = 0;
    QVERIFY(latestById(pullAll(clerkB1, &cursor)).contains(member));

    // The rule is for hung members only: one still active at her union waits for its clerk.
    const QString active = createMember(QStringLiteral("townshipA"), 2);
    const QString waiting = newId();
    QCOMPARE(statusOf(requestIn(clerkB1, waiting, idNumber(2), QStringLiteral("unionB1"))),
             QStringLiteral("applied"));
    QCOMPARE(transferField(waiting, QStringLiteral("state")), QStringLiteral("requested"));
    QCOMPARE(memberField(active, QStringLiteral("organisation_id")),
             m_org.value(QStringLiteral("townshipA")));

    // Turned off again, by id; an unknown organisation and a bad answer are refused.
    run = admin({QStringLiteral("transfer-rule"), QStringLiteral("--org"),
                 m_org.value(QStringLiteral("townshipA")), QStringLiteral("--auto-approve-hung"),
                 QStringLiteral("no")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString third = createMember(QStringLiteral("unionA2"), 3);
    QVERIFY(!transferOut(account(QStringLiteral("unionA2")), third).isEmpty());
    const QString manual = newId();
    QCOMPARE(statusOf(requestIn(clerkB1, manual, idNumber(3), QStringLiteral("unionB1"))),
             QStringLiteral("applied"));
    QCOMPARE(transferField(manual, QStringLiteral("state")), QStringLiteral("requested"));
    run = admin({QStringLiteral("transfer-rule"), QStringLiteral("--org"), QStringLiteral("没有这个"),
                 QStringLiteral("--auto-approve-hung"), QStringLiteral("yes")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("没有这个")), qPrintable(run.describe()));
    run = admin({QStringLiteral("transfer-rule"), QStringLiteral("--org"), QStringLiteral("甲镇工会"),
                 QStringLiteral("--auto-approve-hung"), QStringLiteral("maybe")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'transfer-rule'")), 2);
}

void TestServerTransfers::duplicateOperationsApplyOnce()
{
    const SessionAccount clerkA1 = account(QStringLiteral("unionA1"));
    const SessionAccount clerkB1 = account(QStringLiteral("unionB1"));
    const SessionAccount clerkTownship = account(QStringLiteral("townshipA"));
    const QString member = createMember(QStringLiteral("unionA1"), 1);
    const QString hung = newId();
    const QJsonObject out = op(QStringLiteral("transfer"), hung, 0,
                               {{QStringLiteral("kind"), QStringLiteral("out")},
                                {QStringLiteral("member"), member},
                                {QStringLiteral("reason"), QStringLiteral("unemployed")}});
    QJsonArray results = push(clerkA1, QJsonArray{out, out});
    QCOMPARE(statusOf(results.at(0).toObject()), QStringLiteral("applied"));
    QCOMPARE(statusOf(results.at(1).toObject()), QStringLiteral("duplicate"));
    QCOMPARE(versionOf(results.at(1).toObject()), versionOf(results.at(0).toObject()));

    QJsonObject request =
        op(QStringLiteral("transfer"), newId(), 0, requestFields(idNumber(1), QStringLiteral("unionB1")));
    results = push(clerkB1, QJsonArray{request, request});
    QCOMPARE(statusOf(results.at(1).toObject()), QStringLiteral("duplicate"));
    const QString requestId = request.value(QLatin1String("id")).toString();
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'lookup'")), 1);

    const QJsonObject approve = op(QStringLiteral("transfer"), requestId, versionOf(results.at(0).toObject()),
                                   {{QStringLiteral("state"), QStringLiteral("completed")}});
    results = push(clerkTownship, QJsonArray{approve, approve});
    QCOMPARE(statusOf(results.at(0).toObject()), QStringLiteral("applied"));
    QCOMPARE(statusOf(results.at(1).toObject()), QStringLiteral("duplicate"));
    // Pushed again later (a retry after a lost answer): still applied once.
    QCOMPARE(statusOf(pushOne(clerkTownship, approve)), QStringLiteral("duplicate"));
    QCOMPARE(scalar(QStringLiteral(
                        "SELECT COUNT(*) FROM member_event WHERE member_id = ? AND kind = 'transferred'"),
                    {member}),
             2);
    QCOMPARE(memberField(member, QStringLiteral("organisation_id")), m_org.value(QStringLiteral("unionB1")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transfer")), 2);
    QVERIFY(ServerAudit(*m_db).verify().ok);
}

QTEST_GUILESS_MAIN(TestServerTransfers)
#include "tst_servertransfers.moc"
