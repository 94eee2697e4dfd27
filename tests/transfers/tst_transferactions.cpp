// The clerk's steps of a membership transfer in the core (issue #6), on a real store: what each step
// checks locally, what it writes and the one outbox operation it queues (only the fields a client
// sets, based on the record's version), the letter number and the codes a clerk types or scans,
// keeping a membership (保留会籍), the pending flag, the hung-members query, the list model and the
// letter's content. The server's part (moving the member) is tests/server/tst_transferloopback.

#include "TestStore.h"
#include "TransferTestStore.h"
#include "domain/IdNumber.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "store/Outbox.h"
#include "sync/LocalRecordStore.h"
#include "sync/SyncEntities.h"
#include "transfers/TransferLetterFill.h"
#include "transfers/TransferListModel.h"
#include "transfers/TransferReason.h"
#include "transfers/TransferRepository.h"
#include "transfers/TransferWorkflow.h"
#include "util/Clock.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace ud;
using ud::test::TestStore;
using ud::test::TransferTestStore;

namespace {

// Every row of the tables a step may touch, so "changes nothing" can be checked exactly.
QStringList tables(Database& store)
{
    QStringList out;
    for (const QString& table : {QStringLiteral("transfer"), QStringLiteral("outbox"),
                                 QStringLiteral("member"), QStringLiteral("member_event")}) {
        QSqlQuery q(store.connection());
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < 40 && q.value(i).isValid(); ++i)
                values.append(q.value(i).toString());
            out.append(table + QLatin1Char(':') + values.join(QLatin1Char('|')));
        }
    }
    return out;
}

QList<OutboxOperation> operationsOf(Database& store, const QString& recordId)
{
    QList<OutboxOperation> out;
    const QList<OutboxOperation> all = Outbox(store.connection()).pending(10000);
    for (const OutboxOperation& op : all) {
        if (op.recordId == recordId)
            out.append(op);
    }
    return out;
}

} // namespace

class TestTransferActions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void letterNumberAndShortCode();
    void monthsSinceRequested();
    void reasonsInChinese();
    void outLeavesTheMemberAndQueuesOneOperation();
    void directToAUnionOfTheStoreOrByName();
    void outRefusals();
    void retainKeepsTheMembership();
    void requestIn();
    void approveFillsTheSnapshot();
    void rejectAndCancelRules();
    void resolvesWhatAClerkTypes();
    void pendingUntilPushed();
    void scopeOfASession();
    void hungLongerThanMonths();
    void listModel();
    void letterContentAfterTheMemberLeft();

private:
    TransferWorkflow workflow() { return TransferWorkflow(m_store->store(), m_store->scope()); }
    TransferRepository transfers() { return TransferRepository(m_store->store(), m_store->scope()); }

    std::unique_ptr<TransferTestStore> m_store;
};

void TestTransferActions::init()
{
    m_store = std::make_unique<TransferTestStore>();
    QVERIFY2(m_store->isReady(), qPrintable(m_store->error()));
}

void TestTransferActions::cleanup()
{
    Clock::reset();
    m_store.reset();
}

void TestTransferActions::letterNumberAndShortCode()
{
    Transfer t;
    t.id = QStringLiteral("1a2b3c4d-5e6f-4a8b-9c0d-112233445566");
    t.requestedAt = QStringLiteral("2026-06-15T04:00:00.000Z");
    QCOMPARE(t.shortCode(), QStringLiteral("1A2B3C4D"));
    QCOMPARE(t.letterNumber(), QStringLiteral("工转字〔2026〕第1A2B3C4D号"));
    QCOMPARE(t.requestedOn(), QDate(2026, 6, 15));
    t.requestedAt = QStringLiteral("2024-07-01T08:00:00Z");
    QCOMPARE(t.letterNumber(), QStringLiteral("工转字〔2024〕第1A2B3C4D号"));

    t.state = Transfer::Hung;
    QVERIFY(t.isOpen());
    t.state = Transfer::Requested;
    QVERIFY(t.isOpen());
    for (const QString& final :
         {Transfer::Completed, Transfer::Rejected, Transfer::Cancelled, Transfer::Expired}) {
        t.state = final;
        QVERIFY2(!t.isOpen(), qPrintable(final));
    }
}

void TestTransferActions::monthsSinceRequested()
{
    Transfer t;
    t.requestedAt = QStringLiteral("2026-01-31T06:00:00.000Z");
    QCOMPARE(t.monthsSinceRequested(QDate(2026, 1, 31)), 0);
    QCOMPARE(t.monthsSinceRequested(QDate(2026, 2, 27)), 0);
    // The 31st's month is complete on the last day of a shorter month.
    QCOMPARE(t.monthsSinceRequested(QDate(2026, 2, 28)), 1);
    QCOMPARE(t.monthsSinceRequested(QDate(2026, 7, 30)), 5);
    QCOMPARE(t.monthsSinceRequested(QDate(2026, 7, 31)), 6);
    QCOMPARE(t.monthsSinceRequested(QDate(2025, 12, 1)), 0);
    t.requestedAt.clear();
    QCOMPARE(t.monthsSinceRequested(QDate(2026, 7, 31)), 0);
}

void TestTransferActions::reasonsInChinese()
{
    const struct
    {
        const char* typed;
        const char* key;
    } cases[] = {
        {"离职", "left-job"},       {"辞职", "left-job"},         {"调动", "left-job"},
        {" left-job ", "left-job"}, {"Left the job", "left-job"}, {"退休", "retired"},
        {"retired", "retired"},     {"失业", "unemployed"},       {"其他", "other"},
        {"其它", "other"},          {"OTHER", "other"},
    };
    for (const auto& c : cases) {
        const TransferReason r = TransferReason::parse(QString::fromUtf8(c.typed));
        QCOMPARE(r.key(), QString::fromLatin1(c.key));
        QVERIFY2(r.freeText().isEmpty(), c.typed);
    }
    const TransferReason own = TransferReason::parse(u" 随配偶迁居外地 ");
    QCOMPARE(own.key(), QStringLiteral("other"));
    QCOMPARE(own.freeText(), QStringLiteral("随配偶迁居外地"));
    QVERIFY(TransferReason::parse(u"  ").isEmpty());
    QVERIFY(TransferReason::parse(u"退休").mayRetain());
    QVERIFY(TransferReason::parse(u"失业").mayRetain());
    QVERIFY(!TransferReason::parse(u"离职").mayRetain());
    QCOMPARE(TransferReason::letterLabel(QStringLiteral("left-job")), QStringLiteral("工作变动"));
    QCOMPARE(TransferReason::letterLabel(QStringLiteral("retired")), QStringLiteral("退休"));
}

void TestTransferActions::outLeavesTheMemberAndQueuesOneOperation()
{
    const Member m = m_store->addMember(1, m_store->base().id);
    const qint64 outboxBefore = Outbox(m_store->store().connection()).pendingCount();
    QString error;
    const auto t = workflow().transferOut(m.id, QStringLiteral("离职"), QStringLiteral("去深圳"), QString(),
                                          TestStore::actor(), &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->kind, Transfer::KindOut);
    QCOMPARE(t->state, Transfer::Hung);
    QCOMPARE(t->memberId, m.id);
    QCOMPARE(t->idNumber, m.idNumber);
    QCOMPARE(t->memberName.size(), m.name.size());
    QVERIFY(t->memberName.contains(QLatin1Char('*')));
    QCOMPARE(t->fromOrganisationId, m_store->base().id);
    QCOMPARE(t->fromName, m_store->base().name);
    // The store holds the level above, so it shows who will hold her before the server says so.
    QCOMPARE(t->holdingOrganisationId, m_store->township().id);
    QCOMPARE(t->reason, QStringLiteral("left-job"));
    QCOMPARE(t->note, QStringLiteral("去深圳"));
    QCOMPARE(t->requestedBy, TestStore::actor());
    QCOMPARE(t->memberSnapshot.value(QStringLiteral("name")).toString(), m.name);
    QCOMPARE(t->memberSnapshot.value(QStringLiteral("idNumber")).toString(), m.idNumber);
    QCOMPARE(t->memberSnapshot.value(QStringLiteral("joinDate")).toString(), QStringLiteral("2015-03-08"));
    QCOMPARE(t->memberSnapshot.value(QStringLiteral("employer")).toString(), QStringLiteral("甲一厂"));
    QCOMPARE(t->memberSnapshot.value(QStringLiteral("organisation")).toString(), m_store->base().name);
    QCOMPARE(t->memberSnapshot.value(QStringLiteral("gender")).toString(), m.gender);
    QCOMPARE(t->memberSnapshot.value(QStringLiteral("birthDate")).toString(), m.birthDate);

    const auto stored = transfers().find(t->id);
    QVERIFY(stored);
    QCOMPARE(stored->toFields(), t->toFields());
    QCOMPARE(stored->memberSnapshot, t->memberSnapshot);
    QCOMPARE(stored->version, qint64(0));

    // Exactly one operation, for the transfer: the member is the server's to move.
    QCOMPARE(Outbox(m_store->store().connection()).pendingCount(), outboxBefore + 1);
    const QList<OutboxOperation> ops = operationsOf(m_store->store(), t->id);
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().entity, QStringLiteral("transfer"));
    QCOMPARE(ops.first().baseVersion, qint64(0));
    QVERIFY(!ops.first().isDelete);
    const QJsonObject fields = ops.first().fields;
    QCOMPARE(fields.value(QStringLiteral("kind")).toString(), QStringLiteral("out"));
    QCOMPARE(fields.value(QStringLiteral("state")).toString(), QStringLiteral("hung"));
    QCOMPARE(fields.value(QStringLiteral("member")).toString(), m.id);
    QCOMPARE(fields.value(QStringLiteral("idNumber")).toString(), m.idNumber);
    QCOMPARE(fields.value(QStringLiteral("fromOrganisation")).toString(), m_store->base().id);
    QCOMPARE(fields.value(QStringLiteral("fromName")).toString(), m_store->base().name);
    QCOMPARE(fields.value(QStringLiteral("reason")).toString(), QStringLiteral("left-job"));
    QCOMPARE(fields.value(QStringLiteral("requestedAt")).toString(), t->requestedAt);
    // The server's fields are left to the server; the snapshot never leaves the store.
    for (const char* serverField : {"holdingOrganisation", "holdingName", "memberName", "memberSnapshot",
                                    "decidedAt", "decidedBy", "decisionReason"})
        QVERIFY2(!fields.contains(QLatin1String(serverField)), serverField);
    for (const QString& field : fields.keys())
        QVERIFY2(sync::entity(QStringLiteral("transfer"))->field(field), qPrintable(field));

    const auto member = MemberRepository(m_store->store(), m_store->scope()).find(m.id);
    QVERIFY(member);
    QCOMPARE(member->organisationId, m_store->base().id);
    QCOMPARE(member->status, QStringLiteral("active"));
    QCOMPARE(MemberRepository(m_store->store(), m_store->scope()).history(m.id).size(), 1);
    QVERIFY(transfers().isPending(t->id));
    QCOMPARE(transfers().openFor(m.id, QString()).size(), 1);
    QCOMPARE(transfers().openFor(QString(), m.idNumber).size(), 1);
}

void TestTransferActions::directToAUnionOfTheStoreOrByName()
{
    const Member a = m_store->addMember(2, m_store->base().id);
    const Member b = m_store->addMember(3, m_store->base().id);
    const Member c = m_store->addMember(4, m_store->base().id);
    QString error;
    const auto byName = workflow().transferOut(a.id, QStringLiteral("retired"), QString(),
                                               QStringLiteral(" 乙厂工会 "), TestStore::actor(), &error);
    QVERIFY2(byName, qPrintable(error));
    QCOMPARE(byName->kind, Transfer::KindDirect);
    QCOMPARE(byName->state, Transfer::Completed);
    QCOMPARE(byName->toOrganisationId, m_store->other().id);
    QCOMPARE(byName->toName, m_store->other().name);
    QCOMPARE(byName->holdingOrganisationId, m_store->base().id);
    QCOMPARE(
        operationsOf(m_store->store(), byName->id).first().fields.value(QStringLiteral("toOrganisation")),
        QJsonValue(m_store->other().id));

    const auto byId = workflow().transferOut(b.id, QStringLiteral("other"), QString(), m_store->other().id,
                                             TestStore::actor(), &error);
    QVERIFY2(byId, qPrintable(error));
    QCOMPARE(byId->toOrganisationId, m_store->other().id);

    // A union elsewhere on the server: its exact name, for the server to find.
    const auto elsewhere =
        workflow().transferOut(c.id, QStringLiteral("调动"), QString(), QStringLiteral("丙市某某公司工会"),
                               TestStore::actor(), &error);
    QVERIFY2(elsewhere, qPrintable(error));
    QCOMPARE(elsewhere->toOrganisationId, QString());
    QCOMPARE(elsewhere->toName, QStringLiteral("丙市某某公司工会"));
    const QJsonObject sent = operationsOf(m_store->store(), elsewhere->id).first().fields;
    QCOMPARE(sent.value(QStringLiteral("toName")).toString(), QStringLiteral("丙市某某公司工会"));
    QCOMPARE(sent.value(QStringLiteral("toOrganisation")).toString(), QString());

    // A move the server has not heard of yet holds her here: no second step before it syncs.
    QVERIFY(!workflow().transferOut(a.id, QStringLiteral("离职"), QString(), QString(), TestStore::actor(),
                                    &error));
    QVERIFY2(error.contains(byName->letterNumber()), qPrintable(error));
}

void TestTransferActions::outRefusals()
{
    const Member m = m_store->addMember(5, m_store->base().id);
    const Member dead = m_store->addMember(6, m_store->base().id);
    const Member gone = m_store->addMember(7, m_store->base().id);
    QString error;
    MemberRepository members(m_store->store(), m_store->scope());
    QVERIFY2(members.changeStatus(dead.id, QStringLiteral("deceased"), QString(), QDate(), TestStore::actor(),
                                  &error),
             qPrintable(error));
    QVERIFY2(members.remove(gone.id, TestStore::actor(), &error), qPrintable(error));
    m_store->addOrganisation(QStringLiteral("重名工会"), m_store->township().id);
    m_store->addOrganisation(QStringLiteral("重名工会"), m_store->other().id);
    const QStringList before = tables(m_store->store());

    const struct
    {
        QString member;
        QString reason;
        QString destination;
        QString expected; // a piece of the message
    } cases[] = {
        {m.id, QString(), QString(), QStringLiteral("Reason")},
        {QStringLiteral("no-such-member"), QStringLiteral("离职"), QString(), QStringLiteral("Member")},
        {gone.id, QStringLiteral("离职"), QString(), QStringLiteral("Member")},
        {dead.id, QStringLiteral("离职"), QString(), dead.name},
        {m.id, QStringLiteral("离职"), m_store->base().name, QStringLiteral("Destination")},
        {m.id, QStringLiteral("离职"), QStringLiteral("重名工会"), QStringLiteral("more than one")},
    };
    for (const auto& c : cases) {
        error.clear();
        QVERIFY(!workflow().transferOut(c.member, c.reason, QString(), c.destination, TestStore::actor(),
                                        &error));
        QVERIFY2(error.contains(c.expected), qPrintable(error));
        QCOMPARE(tables(m_store->store()), before);
    }

    const auto first = workflow().transferOut(m.id, QStringLiteral("离职"), QString(), QString(),
                                              TestStore::actor(), &error);
    QVERIFY2(first, qPrintable(error));
    const QStringList afterFirst = tables(m_store->store());
    QVERIFY(!workflow().transferOut(m.id, QStringLiteral("离职"), QString(), QString(), TestStore::actor(),
                                    &error));
    QVERIFY2(error.contains(first->letterNumber()), qPrintable(error));
    QCOMPARE(tables(m_store->store()), afterFirst);
}

void TestTransferActions::retainKeepsTheMembership()
{
    const Member m = m_store->addMember(8, m_store->base().id);
    const Member n = m_store->addMember(9, m_store->base().id);
    QString error;
    const QStringList before = tables(m_store->store());
    QVERIFY(!workflow().retain(m.id, QStringLiteral("离职"), QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("retired")), qPrintable(error));
    QCOMPARE(tables(m_store->store()), before);

    QVERIFY2(workflow().retain(m.id, QStringLiteral("退休"), QStringLiteral("2026年退休"), TestStore::actor(),
                               &error),
             qPrintable(error));
    MemberRepository members(m_store->store(), m_store->scope());
    const auto kept = members.find(m.id);
    QCOMPARE(kept->status, QStringLiteral("retained"));
    QCOMPARE(kept->organisationId, m_store->base().id);
    const QList<MemberEvent> history = members.history(m.id);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.last().kind, QStringLiteral("status-changed"));
    QCOMPARE(history.last().toStatus, QStringLiteral("retained"));
    QCOMPARE(history.last().reason, QStringLiteral("退休; 2026年退休"));
    QVERIFY(transfers().list().isEmpty());
    // The status goes to the server like any other status change.
    bool sentStatus = false;
    for (const OutboxOperation& op : operationsOf(m_store->store(), m.id))
        sentStatus =
            sentStatus || op.fields.value(QStringLiteral("status")) == QJsonValue(QStringLiteral("retained"));
    QVERIFY(sentStatus);
    // Twice is refused by the status rule; a member with an open transfer keeps nothing.
    QVERIFY(!workflow().retain(m.id, QStringLiteral("retired"), QString(), TestStore::actor(), &error));
    QVERIFY(workflow().transferOut(n.id, QStringLiteral("失业"), QString(), QString(), TestStore::actor(),
                                   &error));
    QVERIFY(!workflow().retain(n.id, QStringLiteral("失业"), QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("open transfer")), qPrintable(error));
    // A retained member may still move on later.
    QVERIFY2(workflow().transferOut(m.id, QStringLiteral("其他"), QString(), QString(), TestStore::actor(),
                                    &error),
             qPrintable(error));
}

void TestTransferActions::requestIn()
{
    const Member here = m_store->addMember(10, m_store->base().id);
    QString error;
    const QStringList before = tables(m_store->store());
    QVERIFY(!workflow().requestIn(QStringLiteral("440106199001010011"), m_store->other().id, QString(),
                                  TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("check")), qPrintable(error));
    QVERIFY(!workflow().requestIn(here.idNumber, m_store->other().id, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(m_store->base().name) && error.contains(here.name), qPrintable(error));
    QVERIFY(!workflow().requestIn(TestStore::sampleIdNumber(11), QStringLiteral("nowhere"), QString(),
                                  TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("Receiving union")), qPrintable(error));
    QCOMPARE(tables(m_store->store()), before);

    // Typed with a lower-case x and spaces, stored in its one normal form.
    QString typed = TestStore::sampleIdNumber(11);
    int n = 11;
    while (!typed.endsWith(QLatin1Char('X')))
        typed = TestStore::sampleIdNumber(++n);
    const QString normal = typed;
    typed = typed.left(6) + QLatin1Char(' ') + typed.mid(6).toLower();
    const auto t = workflow().requestIn(typed, m_store->other().id, QStringLiteral("新入职"),
                                        TestStore::actor(), &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->kind, Transfer::KindRequest);
    QCOMPARE(t->state, Transfer::Requested);
    QCOMPARE(t->idNumber, normal);
    QCOMPARE(t->toOrganisationId, m_store->other().id);
    QCOMPARE(t->toName, m_store->other().name);
    QVERIFY(t->memberId.isEmpty());
    QVERIFY(t->fromOrganisationId.isEmpty());
    QVERIFY(t->reason.isEmpty());
    const QList<OutboxOperation> ops = operationsOf(m_store->store(), t->id);
    QCOMPARE(ops.size(), 1);
    for (const char* serverField :
         {"member", "fromOrganisation", "fromName", "holdingOrganisation", "memberName"})
        QVERIFY2(!ops.first().fields.contains(QLatin1String(serverField)), serverField);
    QCOMPARE(ops.first().fields.value(QStringLiteral("idNumber")).toString(), normal);
    QCOMPARE(ops.first().fields.value(QStringLiteral("toOrganisation")).toString(), m_store->other().id);

    // One open request per person from this store.
    QVERIFY(!workflow().requestIn(normal, m_store->base().id, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(t->letterNumber()), qPrintable(error));
    // The holding union is the server's to name: until then nobody here can decide it.
    QVERIFY(!workflow().approve(t->id, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("next sync")), qPrintable(error));
}

void TestTransferActions::approveFillsTheSnapshot()
{
    // A member hung at the township, and another union's request for her, both as a pull brings them.
    const Member m = m_store->addMember(20, m_store->township().id);
    const QString id = QStringLiteral("0badcafe-0000-4000-8000-000000000001");
    const Transfer request =
        m_store->pulled(id, QJsonObject{
                                {QStringLiteral("kind"), QStringLiteral("request")},
                                {QStringLiteral("member"), m.id},
                                {QStringLiteral("idNumber"), m.idNumber},
                                {QStringLiteral("memberName"), QStringLiteral("王*")},
                                {QStringLiteral("fromOrganisation"), m_store->township().id},
                                {QStringLiteral("fromName"), m_store->township().name},
                                {QStringLiteral("holdingOrganisation"), m_store->township().id},
                                {QStringLiteral("holdingName"), m_store->township().name},
                                {QStringLiteral("toOrganisation"), QStringLiteral("elsewhere-id")},
                                {QStringLiteral("toName"), QStringLiteral("外区某厂工会")},
                                {QStringLiteral("state"), QStringLiteral("requested")},
                                {QStringLiteral("requestedAt"), QStringLiteral("2026-05-01T02:00:00.000Z")},
                                {QStringLiteral("requestedBy"), QStringLiteral("clerk-b")},
                            });
    QCOMPARE(request.version, qint64(7));
    QVERIFY(request.memberSnapshot.isEmpty());
    QVERIFY(!transfers().isPending(id));
    QString error;
    QVERIFY2(workflow().mayDecide(request, &error), qPrintable(error));

    const auto approved =
        workflow().approve(QStringLiteral("0BADCAFE"), QStringLiteral("同意"), TestStore::actor(), &error);
    QVERIFY(!approved); // the workflow takes the id; codes are resolved by the repository
    const auto done = workflow().approve(id, QStringLiteral(" 同意 "), TestStore::actor(), &error);
    QVERIFY2(done, qPrintable(error));
    QCOMPARE(done->state, Transfer::Completed);
    QCOMPARE(done->decisionReason, QStringLiteral("同意"));
    QCOMPARE(done->decidedBy, TestStore::actor());
    QVERIFY(!done->decidedAt.isEmpty());
    QCOMPARE(done->memberSnapshot.value(QStringLiteral("name")).toString(), m.name);
    QCOMPARE(done->memberSnapshot.value(QStringLiteral("organisation")).toString(), m_store->township().name);
    QCOMPARE(transfers().find(id)->memberSnapshot, done->memberSnapshot);

    const QList<OutboxOperation> ops = operationsOf(m_store->store(), id);
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().baseVersion, qint64(7));
    QCOMPARE(QStringList(ops.first().fields.keys()),
             (QStringList{QStringLiteral("decidedAt"), QStringLiteral("decidedBy"),
                          QStringLiteral("decisionReason"), QStringLiteral("state")}));
    QCOMPARE(ops.first().fields.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
    // She stays until the server has moved her.
    QCOMPARE(MemberRepository(m_store->store(), m_store->scope()).find(m.id)->organisationId,
             m_store->township().id);
    QVERIFY(transfers().isPending(id));

    // Decided is decided.
    QVERIFY(!workflow().approve(id, QString(), TestStore::actor(), &error));
    QVERIFY(!workflow().reject(id, QString(), TestStore::actor(), &error));
    QVERIFY(!workflow().cancel(id, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("final")), qPrintable(error));
}

void TestTransferActions::rejectAndCancelRules()
{
    auto fields = [](const QString& state, const QString& from, const QString& holding, const QString& to) {
        return QJsonObject{{QStringLiteral("kind"), state == QLatin1String("hung")
                                                        ? QStringLiteral("out")
                                                        : QStringLiteral("request")},
                           {QStringLiteral("member"), QStringLiteral("someone")},
                           {QStringLiteral("idNumber"), TestStore::sampleIdNumber(30)},
                           {QStringLiteral("fromOrganisation"), from},
                           {QStringLiteral("holdingOrganisation"), holding},
                           {QStringLiteral("holdingName"), QStringLiteral("外区街道工会")},
                           {QStringLiteral("toOrganisation"), to},
                           {QStringLiteral("state"), state},
                           {QStringLiteral("requestedAt"), QStringLiteral("2026-05-01T02:00:00.000Z")}};
    };
    const QString outside = QStringLiteral("not-in-this-store");
    // Held here: rejected with a reason.
    m_store->pulled(QStringLiteral("aaaa0001-0000-4000-8000-000000000001"),
                    fields(QStringLiteral("requested"), outside, m_store->township().id, outside));
    // Asked by a union here, held elsewhere: not ours to decide, ours to withdraw.
    m_store->pulled(QStringLiteral("aaaa0002-0000-4000-8000-000000000002"),
                    fields(QStringLiteral("requested"), outside, outside, m_store->other().id));
    // Hung elsewhere after leaving a union here: the union she left may cancel.
    m_store->pulled(QStringLiteral("aaaa0003-0000-4000-8000-000000000003"),
                    fields(QStringLiteral("hung"), m_store->base().id, outside, QString()));
    // Nothing of it here but the receiving side of a hung transfer: nobody here may cancel.
    m_store->pulled(QStringLiteral("aaaa0004-0000-4000-8000-000000000004"),
                    fields(QStringLiteral("hung"), outside, outside, m_store->other().id));
    QString error;
    const QStringList before = tables(m_store->store());
    QVERIFY(!workflow().reject(QStringLiteral("aaaa0002-0000-4000-8000-000000000002"), QString(),
                               TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("外区街道工会")), qPrintable(error));
    QVERIFY(!workflow().approve(QStringLiteral("aaaa0003-0000-4000-8000-000000000003"), QString(),
                                TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("request awaiting approval")), qPrintable(error));
    QVERIFY(!workflow().cancel(QStringLiteral("aaaa0004-0000-4000-8000-000000000004"), QString(),
                               TestStore::actor(), &error));
    QVERIFY(!workflow().cancel(QStringLiteral("no-such-transfer"), QString(), TestStore::actor(), &error));
    QCOMPARE(tables(m_store->store()), before);

    const auto rejected = workflow().reject(QStringLiteral("aaaa0001-0000-4000-8000-000000000001"),
                                            QStringLiteral("本人未申请"), TestStore::actor(), &error);
    QVERIFY2(rejected, qPrintable(error));
    QCOMPARE(rejected->state, Transfer::Rejected);
    QCOMPARE(rejected->decisionReason, QStringLiteral("本人未申请"));
    const auto withdrawn = workflow().cancel(QStringLiteral("aaaa0002-0000-4000-8000-000000000002"),
                                             QString(), TestStore::actor(), &error);
    QVERIFY2(withdrawn, qPrintable(error));
    QCOMPARE(withdrawn->state, Transfer::Cancelled);
    const auto back = workflow().cancel(QStringLiteral("aaaa0003-0000-4000-8000-000000000003"),
                                        QStringLiteral("找到新工作前暂缓"), TestStore::actor(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->state, Transfer::Cancelled);
    for (const QString& id : {rejected->id, withdrawn->id, back->id}) {
        const QList<OutboxOperation> ops = operationsOf(m_store->store(), id);
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops.first().baseVersion, qint64(7));
        QVERIFY(!ops.first().fields.contains(QStringLiteral("kind")));
    }
}

void TestTransferActions::resolvesWhatAClerkTypes()
{
    const QString id = QStringLiteral("c0ffee12-3456-4789-8abc-def012345678");
    m_store->pulled(id,
                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("out")},
                                {QStringLiteral("fromOrganisation"), m_store->base().id},
                                {QStringLiteral("state"), QStringLiteral("hung")},
                                {QStringLiteral("requestedAt"), QStringLiteral("2026-03-02T02:00:00.000Z")}});
    // Two that share their first 8 characters (as unlikely as it is).
    m_store->pulled(QStringLiteral("abcdef01-0000-4000-8000-000000000001"),
                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("out")},
                                {QStringLiteral("fromOrganisation"), m_store->base().id},
                                {QStringLiteral("state"), QStringLiteral("hung")}});
    m_store->pulled(QStringLiteral("abcdef01-0000-4000-8000-000000000002"),
                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("out")},
                                {QStringLiteral("fromOrganisation"), m_store->base().id},
                                {QStringLiteral("state"), QStringLiteral("hung")}});
    const TransferRepository repository = transfers();
    QString error;
    for (const QString& typed :
         {id, id.toUpper(), QStringLiteral(" c0ffee12 "), QStringLiteral("C0FFEE12"), QStringLiteral("c0ff"),
          QStringLiteral("c0ffee12-3456"), QStringLiteral("工转字〔2026〕第C0FFEE12号"),
          QStringLiteral("工转字[2026]第 c0ffee12 号"),
          QString(QStringLiteral("uniondesk:transfer:") + id)}) {
        const auto found = repository.resolve(typed, &error);
        QVERIFY2(found, qPrintable(typed + QStringLiteral(": ") + error));
        QCOMPARE(found->id, id);
    }
    for (const QString& typed :
         {QString(), QStringLiteral("c0f"), QStringLiteral("张三"), QStringLiteral("ffff0000"),
          QStringLiteral("abcdef01"), QStringLiteral("c0ffee12-3456-4789-8abc-def012345679")}) {
        error.clear();
        QVERIFY2(!repository.resolve(typed, &error), qPrintable(typed));
        QVERIFY2(error.startsWith(QStringLiteral("Transfer")), qPrintable(error));
    }
    QVERIFY(!repository.resolve(QStringLiteral("abcdef01"), &error));
    QVERIFY2(error.contains(QStringLiteral("more than one")), qPrintable(error));
    QVERIFY(repository.resolve(QStringLiteral("abcdef01-0000-4000-8000-000000000002"), &error));
}

void TestTransferActions::pendingUntilPushed()
{
    const Member m = m_store->addMember(40, m_store->base().id);
    QString error;
    const auto t = workflow().transferOut(m.id, QStringLiteral("离职"), QString(), QString(),
                                          TestStore::actor(), &error);
    QVERIFY2(t, qPrintable(error));
    QVERIFY(transfers().isPending(t->id));
    QVERIFY(transfers().summarise(*t).pending);
    // What PushResultRecorder does with an answered operation.
    QSqlQuery q(m_store->store().connection());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM outbox WHERE entity = 'transfer'")));
    QVERIFY(!transfers().isPending(t->id));
    QVERIFY(!transfers().summarise(*t).pending);
    // Only transfer operations count: the member's own do not make it pending.
    QVERIFY(MemberRepository(m_store->store(), m_store->scope())
                .changeStatus(m.id, QStringLiteral("hung"), QString(), QDate(), TestStore::actor(), &error));
    QVERIFY(!transfers().isPending(t->id));
    const auto cancelled = workflow().cancel(t->id, QString(), TestStore::actor(), &error);
    QVERIFY2(cancelled, qPrintable(error));
    QVERIFY(transfers().isPending(t->id));
}

void TestTransferActions::scopeOfASession()
{
    const Member m = m_store->addMember(50, m_store->base().id);
    QString error;
    const auto t = workflow().transferOut(m.id, QStringLiteral("离职"), QString(), QString(),
                                          TestStore::actor(), &error);
    QVERIFY2(t, qPrintable(error));
    Database& store = m_store->store();
    // The base union and the township see it (from and holding); the other union does not.
    for (const Organisation& org : {m_store->base(), m_store->township()}) {
        const TransferRepository seen(store, OrganisationRepository::scopeOf(store, org.id));
        QCOMPARE(seen.list().size(), 1);
        QVERIFY(seen.find(t->id));
    }
    const Scope other = OrganisationRepository::scopeOf(store, m_store->other().id);
    const TransferRepository unseen(store, other);
    QVERIFY(unseen.list().isEmpty());
    QVERIFY(!unseen.find(t->id));
    QVERIFY(!unseen.resolve(t->shortCode(), &error));
    // The other union cannot cancel it either, nor move a member it does not hold.
    QVERIFY(!TransferWorkflow(store, other).cancel(t->id, QString(), TestStore::actor(), &error));
    const Member mine = m_store->addMember(51, m_store->base().id);
    QVERIFY(
        !TransferWorkflow(store, other)
             .transferOut(mine.id, QStringLiteral("离职"), QString(), QString(), TestStore::actor(), &error));
    // The township holds her: it may cancel (she goes back).
    QVERIFY2(TransferWorkflow(store, OrganisationRepository::scopeOf(store, m_store->township().id))
                 .cancel(t->id, QString(), TestStore::actor(), &error),
             qPrintable(error));
}

void TestTransferActions::hungLongerThanMonths()
{
    const Member early = m_store->addMember(60, m_store->base().id);
    const Member late = m_store->addMember(61, m_store->base().id);
    const Member direct = m_store->addMember(62, m_store->base().id);
    QString error;
    Clock::setFixed(QDateTime(QDate(2026, 1, 10), QTime(9, 0), Qt::UTC));
    const auto first = workflow().transferOut(early.id, QStringLiteral("离职"), QString(), QString(),
                                              TestStore::actor(), &error);
    QVERIFY2(first, qPrintable(error));
    Clock::setFixed(QDateTime(QDate(2026, 3, 20), QTime(9, 0), Qt::UTC));
    QVERIFY(workflow().transferOut(late.id, QStringLiteral("失业"), QString(), QString(), TestStore::actor(),
                                   &error));
    QVERIFY(workflow().transferOut(direct.id, QStringLiteral("离职"), QString(), m_store->other().name,
                                   TestStore::actor(), &error));
    Clock::setFixed(QDateTime(QDate(2026, 4, 15), QTime(9, 0), Qt::UTC));

    const TransferRepository repository = transfers();
    QCOMPARE(repository.hungHeldBy(QString()).size(), 2);
    QCOMPARE(repository.hungHeldBy(m_store->township().id).size(), 2);
    QCOMPARE(repository.hungHeldBy(m_store->township().id, 1).size(), 1);
    QCOMPARE(repository.hungHeldBy(m_store->township().id, 3).size(), 1);
    QCOMPARE(repository.hungHeldBy(m_store->township().id, 3).first().id, first->id);
    QCOMPARE(repository.hungHeldBy(m_store->township().id, 4).size(), 0);
    // The base union holds nobody: they are held one level up.
    QCOMPARE(repository.hungHeldBy(m_store->base().id).size(), 0);
    QCOMPARE(repository.hungHeldBy(m_store->other().id).size(), 0);
    // Outside the session's scope nothing is listed.
    const TransferRepository fromOther(
        m_store->store(), OrganisationRepository::scopeOf(m_store->store(), m_store->other().id));
    QCOMPARE(fromOther.hungHeldBy(m_store->township().id).size(), 0);
    QVERIFY(workflow().cancel(first->id, QString(), TestStore::actor(), &error));
    QCOMPARE(repository.hungHeldBy(m_store->township().id, 3).size(), 0);
}

void TestTransferActions::listModel()
{
    const Member m = m_store->addMember(70, m_store->base().id);
    const Member n = m_store->addMember(71, m_store->base().id);
    QString error;
    Clock::setFixed(QDateTime(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC));
    const auto hung = workflow().transferOut(m.id, QStringLiteral("离职"), QString(), QString(),
                                             TestStore::actor(), &error);
    QVERIFY2(hung, qPrintable(error));
    const auto direct = workflow().transferOut(n.id, QStringLiteral("离职"), QString(), m_store->other().name,
                                               TestStore::actor(), &error);
    QVERIFY2(direct, qPrintable(error));
    QSqlQuery q(m_store->store().connection());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM outbox WHERE record_id = '%1'").arg(direct->id)));

    TransferListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setToday(QDate(2026, 5, 3));
    model.setTransfers(transfers().summarise(transfers().list()));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(TransferListModel::ColumnCount));
    const int h = model.rowOf(hung->id);
    const int d = model.rowOf(direct->id);
    QVERIFY(h >= 0 && d >= 0 && h != d);
    auto text = [&model](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(h, TransferListModel::MemberColumn), m.name);
    QCOMPARE(text(h, TransferListModel::IdNumberColumn), IdNumber::masked(m.idNumber));
    QVERIFY(!text(h, TransferListModel::IdNumberColumn).contains(m.idNumber.mid(6, 8)));
    QCOMPARE(text(h, TransferListModel::FromColumn), m_store->base().name);
    QCOMPARE(text(h, TransferListModel::HoldingColumn), m_store->township().name);
    QCOMPARE(text(h, TransferListModel::ToColumn), QString());
    QCOMPARE(text(h, TransferListModel::StateColumn), QStringLiteral("Hung"));
    QCOMPARE(text(h, TransferListModel::RequestedColumn), QStringLiteral("2026-02-01 (3 month(s))"));
    QCOMPARE(text(h, TransferListModel::PendingColumn), QStringLiteral("Pending"));
    QCOMPARE(model.index(h, 0).data(TransferListModel::PendingRole).toBool(), true);
    QCOMPARE(model.index(h, 0).data(TransferListModel::MonthsRole).toInt(), 3);
    QCOMPARE(model.index(h, 0).data(TransferListModel::LetterNumberRole).toString(), hung->letterNumber());
    QCOMPARE(text(d, TransferListModel::ToColumn), m_store->other().name);
    QCOMPARE(text(d, TransferListModel::StateColumn), QStringLiteral("Completed"));
    QCOMPARE(text(d, TransferListModel::RequestedColumn), QStringLiteral("2026-02-01"));
    QCOMPARE(text(d, TransferListModel::PendingColumn), QString());
    QCOMPARE(model.index(d, 0).data(TransferListModel::StateRole).toString(), QStringLiteral("completed"));
    QCOMPARE(model.headerData(TransferListModel::HoldingColumn, Qt::Horizontal).toString(),
             QStringLiteral("Held by"));
    QCOMPARE(TransferListModel::stateText(*model.transfer(h)), QStringLiteral("Hung (pending)"));
    model.setTransfers({});
    QCOMPARE(model.rowCount(), 0);
}

void TestTransferActions::letterContentAfterTheMemberLeft()
{
    Member m = m_store->addMember(81, m_store->base().id); // odd: a woman
    QString error;
    Clock::setFixed(QDateTime(QDate(2026, 9, 9), QTime(12, 0), Qt::UTC));
    const auto t = workflow().transferOut(m.id, QStringLiteral("家属随迁"), QStringLiteral("已开具证明"),
                                          QString(), TestStore::actor(), &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->reason, QStringLiteral("other"));
    QCOMPARE(t->note, QStringLiteral("家属随迁; 已开具证明"));
    // The next pull takes her away (she left the scope): only the snapshot knows her now.
    sync::LocalRecordStore records(m_store->store().connection());
    QVERIFY2(records.erase(*sync::entity(QStringLiteral("member")), m.id, &error), qPrintable(error));
    QVERIFY(!MemberRepository(m_store->store(), m_store->scope()).find(m.id));

    const TransferLetterContent masked =
        TransferLetterFill::of(m_store->store(), m_store->scope(), *t, false);
    QCOMPARE(masked.letterNumber, t->shortCode());
    QCOMPARE(masked.transferId, t->id);
    QCOMPARE(masked.memberName, m.name);
    QCOMPARE(masked.genderLabel, QStringLiteral("女"));
    QCOMPARE(masked.idNumber, IdNumber::masked(m.idNumber));
    QCOMPARE(masked.birthDate, QDate::fromString(m.birthDate, Qt::ISODate));
    QVERIFY(masked.birthYearOnly); // beside the masked ID number, the year alone
    QCOMPARE(masked.joinDate, QDate(2015, 3, 8));
    QCOMPARE(masked.fromName, m_store->base().name);
    QCOMPARE(masked.holdingName, m_store->township().name);
    QCOMPARE(masked.toName, QString());
    QCOMPARE(masked.reasonLabel, QStringLiteral("其他"));
    QCOMPARE(masked.issuerName, m_store->base().name);
    QCOMPARE(masked.issuedOn, QDate(2026, 9, 9));
    QCOMPARE(masked.note, t->note);
    const TransferLetterContent full = TransferLetterFill::of(m_store->store(), m_store->scope(), *t, true);
    QCOMPARE(full.idNumber, m.idNumber);
    QVERIFY(!full.birthYearOnly);
    // The list still names her in full from the snapshot.
    QCOMPARE(transfers().summarise(*t).member, m.name);

    // Without a snapshot (a record another store made), the masked name the server gave.
    const Transfer other =
        m_store->pulled(QStringLiteral("bbbb0001-0000-4000-8000-000000000001"),
                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("request")},
                                    {QStringLiteral("idNumber"), m.idNumber},
                                    {QStringLiteral("memberName"), QStringLiteral("李*")},
                                    {QStringLiteral("holdingOrganisation"), m_store->township().id},
                                    {QStringLiteral("toOrganisation"), QStringLiteral("far-away")},
                                    {QStringLiteral("toName"), QStringLiteral("外区某厂工会")},
                                    {QStringLiteral("state"), QStringLiteral("completed")}});
    const TransferLetterContent approved =
        TransferLetterFill::of(m_store->store(), m_store->scope(), other, false);
    QCOMPARE(approved.memberName, QStringLiteral("李*"));
    QCOMPARE(approved.toName, QStringLiteral("外区某厂工会"));
    QCOMPARE(approved.issuerName, m_store->township().name);
    QCOMPARE(approved.idNumber, IdNumber::masked(m.idNumber));
}

QTEST_GUILESS_MAIN(TestTransferActions)
#include "tst_transferactions.moc"
