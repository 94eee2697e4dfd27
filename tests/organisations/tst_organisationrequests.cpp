// Set-up, change and dissolve requests: each path approved and rejected, the decision rule (only a
// level above the submitter decides), the dissolve guard (members listed by name and masked ID
// number; a refused approval changes nothing), and the history that stays behind.

#include "TestStore.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationRequestRepository.h"
#include "store/Outbox.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace ud;
using ud::test::TestStore;

namespace {

// Every row of the tables a request may touch, so "changes nothing" can be checked exactly.
QStringList snapshot(Database& store)
{
    QStringList out;
    for (const QString& table : {QStringLiteral("organisation"), QStringLiteral("organisation_request"),
                                 QStringLiteral("outbox"), QStringLiteral("member")}) {
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

} // namespace

class TestOrganisationRequests : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void establishApproved();
    void establishRejected();
    void establishChecksItsFields();
    void changeApprovedAndRejected();
    void dissolveGuardListsMembers();
    void dissolveGuardSeesSubUnions();
    void dissolveRejected();
    void onlyALevelAboveDecides();
    void decidedRequestsStayDecided();
    void baseUnionRequestsItsOwnChange();

private:
    OrganisationRequestRepository requestsAt(const Organisation& org)
    {
        return OrganisationRequestRepository(m_store->store(),
                                             OrganisationRepository::scopeOf(m_store->store(), org.id));
    }
    OrganisationRequestRepository rootRequests()
    {
        return OrganisationRequestRepository(m_store->store(), m_store->scope());
    }

    std::unique_ptr<TestStore> m_store;
    Organisation m_township;
    Organisation m_base;
};

void TestOrganisationRequests::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_township =
        m_store->addOrganisation(QStringLiteral("甲街道总工会"), QString(), QStringLiteral("township"));
    QVERIFY2(!m_township.id.isEmpty(), qPrintable(m_store->error()));
    m_base = m_store->addOrganisation(QStringLiteral("甲一厂工会"), m_township.id);
    QVERIFY2(!m_base.id.isEmpty(), qPrintable(m_store->error()));
}

void TestOrganisationRequests::establishApproved()
{
    QString error;
    Organisation proposed;
    proposed.parentId = m_township.id;
    proposed.name = QStringLiteral("  甲二厂工会 ");
    proposed.level = QStringLiteral("基层工会");
    proposed.kind = QStringLiteral("企业工会");
    proposed.creditCode = QStringLiteral("91350100m000100y43");
    // The township submits; nothing exists until the district approves.
    const auto submitted =
        requestsAt(m_township)
            .submitEstablish(proposed, QStringLiteral("新建企业"), TestStore::actor(), &error);
    QVERIFY2(submitted, qPrintable(error));
    QCOMPARE(submitted->state, QStringLiteral("submitted"));
    QCOMPARE(submitted->kind, QStringLiteral("establish"));
    QCOMPARE(submitted->organisationId, m_township.id);
    QCOMPARE(submitted->submittedFrom, m_township.id);
    QCOMPARE(submitted->proposed.value(QStringLiteral("name")).toString(), QStringLiteral("甲二厂工会"));
    QCOMPARE(submitted->proposed.value(QStringLiteral("creditCode")).toString(),
             QStringLiteral("91350100M000100Y43"));
    OrganisationRepository organisations(m_store->store(), m_store->scope());
    QVERIFY(!organisations.resolve(QStringLiteral("甲二厂工会"), &error));
    // The same set-up twice is refused while the first awaits a decision.
    QVERIFY(!requestsAt(m_township).submitEstablish(proposed, QString(), TestStore::actor(), &error));

    const qint64 outboxBefore = Outbox(m_store->store().connection()).pendingCount();
    const auto approved =
        rootRequests().approve(submitted->id, QStringLiteral("同意"), TestStore::actor(), &error);
    QVERIFY2(approved, qPrintable(error));
    QCOMPARE(approved->state, QStringLiteral("approved"));
    QCOMPARE(approved->decisionReason, QStringLiteral("同意"));
    QVERIFY(!approved->decidedAt.isEmpty());
    const auto created = organisations.find(approved->createdOrganisationId);
    QVERIFY(created);
    QCOMPARE(created->name, QStringLiteral("甲二厂工会"));
    QCOMPARE(created->parentId, m_township.id);
    QVERIFY(created->path.startsWith(m_township.path));
    QCOMPARE(created->kind, QStringLiteral("enterprise"));
    QCOMPARE(created->creditCode, QStringLiteral("91350100M000100Y43"));
    // The new organisation and the decision both go to the outbox, in the same transaction.
    const QList<OutboxOperation> ops = Outbox(m_store->store().connection()).pending(1000);
    QCOMPARE(ops.size(), outboxBefore + 2);
    QCOMPARE(ops.at(ops.size() - 2).entity, entity::Organisation);
    QCOMPARE(ops.last().entity, entity::OrganisationRequest);
    QCOMPARE(ops.last().fields.value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    // The history of the new union starts with its set-up.
    const QList<OrganisationRequest> history = rootRequests().history(created->id);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().id, submitted->id);
}

void TestOrganisationRequests::establishRejected()
{
    QString error;
    Organisation proposed;
    proposed.parentId = m_township.id;
    proposed.name = QStringLiteral("甲三厂工会");
    proposed.level = QStringLiteral("base");
    const auto submitted =
        requestsAt(m_township).submitEstablish(proposed, QString(), TestStore::actor(), &error);
    QVERIFY2(submitted, qPrintable(error));
    const int before = OrganisationRepository(m_store->store(), m_store->scope()).subtree().size();
    const auto rejected = rootRequests().reject(
        submitted->id, QStringLiteral("不足二十五人，请加入联合基层工会"), TestStore::actor(), &error);
    QVERIFY2(rejected, qPrintable(error));
    QCOMPARE(rejected->state, QStringLiteral("rejected"));
    QVERIFY(rejected->createdOrganisationId.isEmpty());
    QCOMPARE(OrganisationRepository(m_store->store(), m_store->scope()).subtree().size(), before);
    const auto stored = rootRequests().find(submitted->id);
    QVERIFY(stored);
    QCOMPARE(stored->decisionReason, QStringLiteral("不足二十五人，请加入联合基层工会"));
    // Once rejected, the same union may be requested again.
    QVERIFY2(requestsAt(m_township).submitEstablish(proposed, QString(), TestStore::actor(), &error),
             qPrintable(error));
}

void TestOrganisationRequests::establishChecksItsFields()
{
    QString error;
    const QStringList before = snapshot(m_store->store());
    Organisation proposed;
    proposed.parentId = m_township.id;
    proposed.name = QStringLiteral("甲四厂工会");
    proposed.level = QStringLiteral("base");
    proposed.creditCode = QStringLiteral("91350100M000100Y44");
    QVERIFY(!requestsAt(m_township).submitEstablish(proposed, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("Unified social credit code")), qPrintable(error));
    proposed.creditCode.clear();
    proposed.name = m_base.name; // a union of that name is already there
    QVERIFY(!requestsAt(m_township).submitEstablish(proposed, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(m_base.name), qPrintable(error));
    proposed.name = QStringLiteral("甲四厂工会");
    proposed.parentId = QStringLiteral("nowhere");
    QVERIFY(!rootRequests().submitEstablish(proposed, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("Parent organisation")), qPrintable(error));
    QCOMPARE(snapshot(m_store->store()), before);
}

void TestOrganisationRequests::changeApprovedAndRejected()
{
    QString error;
    const QJsonObject changes{{QStringLiteral("name"), QStringLiteral("甲一集团工会")},
                              {QStringLiteral("headcount"), 320},
                              {QStringLiteral("legalPersonNumber"), QStringLiteral("粤工法证字第0001号")}};
    QVERIFY(!rootRequests().submitChange(m_base.id, {{QStringLiteral("parent"), m_store->root().id}},
                                         QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("parent")), qPrintable(error));
    QVERIFY(!rootRequests().submitChange(m_base.id, {{QStringLiteral("name"), m_base.name}}, QString(),
                                         TestStore::actor(), &error));
    const auto change =
        requestsAt(m_township)
            .submitChange(m_base.id, changes, QStringLiteral("企业更名"), TestStore::actor(), &error);
    QVERIFY2(change, qPrintable(error));
    QCOMPARE(change->submittedFrom, m_township.id);
    QCOMPARE(change->proposed.size(), 3);
    OrganisationRepository organisations(m_store->store(), m_store->scope());
    QCOMPARE(organisations.find(m_base.id)->name, m_base.name); // not before approval
    // One open request per union at a time.
    QVERIFY(!rootRequests().submitDissolve(m_base.id, QString(), TestStore::actor(), &error));

    QVERIFY2(rootRequests().approve(change->id, QString(), TestStore::actor(), &error), qPrintable(error));
    const Organisation changed = *organisations.find(m_base.id);
    QCOMPARE(changed.name, QStringLiteral("甲一集团工会"));
    QCOMPARE(changed.headcount, 320);
    QCOMPARE(changed.legalPersonNumber, QStringLiteral("粤工法证字第0001号"));
    const QList<OutboxOperation> ops = Outbox(m_store->store().connection()).pending(1000);
    const OutboxOperation orgOp = ops.at(ops.size() - 2);
    QCOMPARE(orgOp.entity, entity::Organisation);
    QCOMPARE(orgOp.fields.size(), 3);

    const auto second = requestsAt(m_township)
                            .submitChange(m_base.id, {{QStringLiteral("address"), QStringLiteral("某路")}},
                                          QString(), TestStore::actor(), &error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY2(rootRequests().reject(second->id, QStringLiteral("材料不全"), TestStore::actor(), &error),
             qPrintable(error));
    QVERIFY(organisations.find(m_base.id)->address.isEmpty());
    // The history keeps both, oldest first.
    const QList<OrganisationRequest> history = rootRequests().history(m_base.id);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).state, QStringLiteral("approved"));
    QCOMPARE(history.at(1).state, QStringLiteral("rejected"));
}

void TestOrganisationRequests::dissolveGuardListsMembers()
{
    QString error;
    const QStringList ids = m_store->addMembers(m_base.id, 3, 0);
    QCOMPARE(ids.size(), 3);
    const auto request =
        requestsAt(m_township)
            .submitDissolve(m_base.id, QStringLiteral("企业关闭"), TestStore::actor(), &error);
    QVERIFY2(request, qPrintable(error));
    const QStringList before = snapshot(m_store->store());
    QVERIFY(!rootRequests().approve(request->id, QString(), TestStore::actor(), &error));
    // Names and masked ID numbers, never a full number.
    for (int n = 0; n < 3; ++n) {
        QVERIFY2(error.contains(TestStore::sampleName(n)), qPrintable(error));
        QVERIFY2(!error.contains(TestStore::sampleIdNumber(n)), qPrintable(error));
        QVERIFY2(error.contains(TestStore::sampleIdNumber(n).left(6) + QStringLiteral("********") +
                                TestStore::sampleIdNumber(n).right(4)),
                 qPrintable(error));
    }
    QVERIFY2(error.contains(m_base.name), qPrintable(error));
    QCOMPARE(snapshot(m_store->store()), before);
    QCOMPARE(rootRequests().find(request->id)->state, QStringLiteral("submitted"));

    // Resolved one by one: hung, withdrawn, and one still retained keeps the guard closed.
    MemberRepository members(m_store->store(), m_store->scope());
    QVERIFY2(members.changeStatus(ids.at(0), QStringLiteral("hung"), QStringLiteral("离职"), QDate(),
                                  TestStore::actor(), &error),
             qPrintable(error));
    QVERIFY2(members.changeStatus(ids.at(1), QStringLiteral("withdrawn"), QStringLiteral("本人申请"), QDate(),
                                  TestStore::actor(), &error),
             qPrintable(error));
    QVERIFY2(members.changeStatus(ids.at(2), QStringLiteral("retained"), QStringLiteral("退休"), QDate(),
                                  TestStore::actor(), &error),
             qPrintable(error));
    QVERIFY(!rootRequests().approve(request->id, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(TestStore::sampleName(2)), qPrintable(error));
    QVERIFY2(!error.contains(TestStore::sampleName(0)), qPrintable(error));
    QVERIFY2(members.changeStatus(ids.at(2), QStringLiteral("deceased"), QString(), QDate(),
                                  TestStore::actor(), &error),
             qPrintable(error));

    const auto approved =
        rootRequests().approve(request->id, QStringLiteral("同意注销"), TestStore::actor(), &error);
    QVERIFY2(approved, qPrintable(error));
    const auto dissolved = OrganisationRepository(m_store->store(), m_store->scope()).find(m_base.id);
    QVERIFY(dissolved);
    QCOMPARE(dissolved->status, QStringLiteral("dissolved"));
    // A dissolved union takes no new unions and no further requests.
    Organisation child;
    child.parentId = m_base.id;
    child.name = QStringLiteral("下属工会");
    child.level = QStringLiteral("base");
    QVERIFY(
        !OrganisationRepository(m_store->store(), m_store->scope()).add(child, TestStore::actor(), &error));
    QVERIFY(!rootRequests().submitDissolve(m_base.id, QString(), TestStore::actor(), &error));
}

void TestOrganisationRequests::dissolveGuardSeesSubUnions()
{
    QString error;
    // Members two levels down block the township; so does a sub-union still in operation.
    const Organisation deep = m_store->addOrganisation(QStringLiteral("甲一厂车间工会"), m_base.id);
    QVERIFY(!deep.id.isEmpty());
    QVERIFY(!m_store->addMembers(deep.id, 1, 50).isEmpty());
    const auto request = rootRequests().submitDissolve(m_township.id, QString(), TestStore::actor(), &error);
    QVERIFY2(request, qPrintable(error));
    QVERIFY(!rootRequests().approve(request->id, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(TestStore::sampleName(50)), qPrintable(error));
    QVERIFY2(error.contains(deep.name), qPrintable(error));

    MemberRepository members(m_store->store(), m_store->scope());
    QVERIFY(members.changeStatus(members.findByIdNumber(TestStore::sampleIdNumber(50))->id,
                                 QStringLiteral("hung"), QString(), QDate(), TestStore::actor(), &error));
    QVERIFY(!rootRequests().approve(request->id, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(m_base.name) && error.contains(QStringLiteral("dissolve them first")),
             qPrintable(error));
    QCOMPARE(OrganisationRepository(m_store->store(), m_store->scope()).find(m_township.id)->status,
             QStringLiteral("active"));
}

void TestOrganisationRequests::dissolveRejected()
{
    QString error;
    const auto request =
        requestsAt(m_township).submitDissolve(m_base.id, QString(), TestStore::actor(), &error);
    QVERIFY2(request, qPrintable(error));
    QVERIFY2(rootRequests().reject(request->id, QStringLiteral("仍在经营"), TestStore::actor(), &error),
             qPrintable(error));
    QCOMPARE(OrganisationRepository(m_store->store(), m_store->scope()).find(m_base.id)->status,
             QStringLiteral("active"));
}

void TestOrganisationRequests::onlyALevelAboveDecides()
{
    QString error;
    const auto request =
        requestsAt(m_township).submitDissolve(m_base.id, QString(), TestStore::actor(), &error);
    QVERIFY2(request, qPrintable(error));
    const QStringList before = snapshot(m_store->store());
    // The submitter cannot decide its own request, nor can the union it is about.
    QVERIFY(!requestsAt(m_township).approve(request->id, QString(), TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("level above")), qPrintable(error));
    QVERIFY(!requestsAt(m_township).reject(request->id, QString(), TestStore::actor(), &error));
    QVERIFY(!requestsAt(m_base).approve(request->id, QString(), TestStore::actor(), &error));
    QCOMPARE(snapshot(m_store->store()), before);
    // The root of the store has no level above it here: a session working as the root decides
    // what the root submits (a set-up directly under it, a change of a union directly under it).
    Organisation proposed;
    proposed.parentId = m_store->root().id;
    proposed.name = QStringLiteral("直属工会");
    proposed.level = QStringLiteral("base");
    const auto underRoot = rootRequests().submitEstablish(proposed, QString(), TestStore::actor(), &error);
    QVERIFY2(underRoot, qPrintable(error));
    QCOMPARE(underRoot->submittedFrom, m_store->root().id);
    QVERIFY2(rootRequests().approve(underRoot->id, QString(), TestStore::actor(), &error), qPrintable(error));
    // … but a union below cannot decide anything about the root.
    const auto rootChange =
        rootRequests().submitChange(m_store->root().id, {{QStringLiteral("address"), QStringLiteral("某路")}},
                                    QString(), TestStore::actor(), &error);
    QVERIFY2(rootChange, qPrintable(error));
    QVERIFY(!requestsAt(m_township).approve(rootChange->id, QString(), TestStore::actor(), &error));
    // The district can.
    QVERIFY2(rootRequests().approve(request->id, QString(), TestStore::actor(), &error), qPrintable(error));
}

void TestOrganisationRequests::decidedRequestsStayDecided()
{
    QString error;
    const auto request =
        requestsAt(m_township)
            .submitChange(m_base.id, {{QStringLiteral("contact"), QStringLiteral("张三 020-12345678")}},
                          QString(), TestStore::actor(), &error);
    QVERIFY2(request, qPrintable(error));
    QVERIFY2(rootRequests().approve(request->id, QString(), TestStore::actor(), &error), qPrintable(error));
    QVERIFY(!rootRequests().approve(request->id, QString(), TestStore::actor(), &error));
    QVERIFY(!rootRequests().reject(request->id, QString(), TestStore::actor(), &error));
    QVERIFY(!rootRequests().cancel(request->id, TestStore::actor(), &error));
    QVERIFY(
        !rootRequests().approve(QStringLiteral("no-such-request"), QString(), TestStore::actor(), &error));
    // A request awaiting a decision may be withdrawn by its submitter.
    const auto other =
        requestsAt(m_township).submitDissolve(m_base.id, QString(), TestStore::actor(), &error);
    QVERIFY2(other, qPrintable(error));
    const auto cancelled = requestsAt(m_township).cancel(other->id, TestStore::actor(), &error);
    QVERIFY2(cancelled, qPrintable(error));
    QCOMPARE(cancelled->state, QStringLiteral("cancelled"));
    QVERIFY(!rootRequests().approve(other->id, QString(), TestStore::actor(), &error));
    QCOMPARE(rootRequests().list(QStringLiteral("cancelled")).size(), 1);
    QCOMPARE(rootRequests().list().size(), 2);
}

void TestOrganisationRequests::baseUnionRequestsItsOwnChange()
{
    QString error;
    const auto request =
        requestsAt(m_base).submitChange(m_base.id, {{QStringLiteral("address"), QStringLiteral("新址")}},
                                        QString(), TestStore::actor(), &error);
    QVERIFY2(request, qPrintable(error));
    QCOMPARE(request->submittedFrom, m_base.id);
    QVERIFY(!requestsAt(m_base).approve(request->id, QString(), TestStore::actor(), &error));
    QVERIFY2(requestsAt(m_township).approve(request->id, QString(), TestStore::actor(), &error),
             qPrintable(error));
    QCOMPARE(OrganisationRepository(m_store->store(), m_store->scope()).find(m_base.id)->address,
             QStringLiteral("新址"));
}

QTEST_GUILESS_MAIN(TestOrganisationRequests)
#include "tst_organisationrequests.moc"
