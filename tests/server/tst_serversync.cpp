// The server's sync engine (issue #5): SyncService's push and pull against a migrated store, each
// case on SQLite and on a fresh PostgreSQL database. Accounts are given directly as SessionAccount
// (the HTTP layer resolves them from tokens); the tree is made with AccountAdmin as `admin` does.
#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "ServerEngineTest.h"
#include "ServerMigrator.h"
#include "SessionAccount.h"
#include "SyncService.h"
#include "domain/IdNumber.h"
#include "members/MemberValidator.h"

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

// A valid resident ID number, different for each n (birth date and sequence follow n).
QString idNumber(int n)
{
    const QDate birth = QDate(1970, 1, 1).addDays(n % 12000);
    const QString first17 = QStringLiteral("440104") + birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(n % 1000, 3, 10, QLatin1Char('0'));
    return first17 + ud::IdNumber::checkCharacter(first17);
}

QString personName(int n)
{
    static const QStringList surnames{QStringLiteral("张"), QStringLiteral("王"), QStringLiteral("李"),
                                      QStringLiteral("赵"), QStringLiteral("陈")};
    static const QStringList given{QStringLiteral("伟"), QStringLiteral("芳"), QStringLiteral("娜"),
                                   QStringLiteral("强"), QStringLiteral("敏"), QStringLiteral("静")};
    return surnames.at(n % surnames.size()) + given.at(n % given.size()) + given.at((n / 7) % given.size());
}

QJsonObject memberFields(const QString& organisation, int n)
{
    return QJsonObject{{QStringLiteral("organisation"), organisation},
                       {QStringLiteral("name"), personName(n)},
                       {QStringLiteral("idNumber"), idNumber(n)},
                       {QStringLiteral("mobile"), QStringLiteral("13800138000")},
                       {QStringLiteral("joinDate"), QStringLiteral("2015-03-01")},
                       {QStringLiteral("notes"), QString()}};
}

} // namespace

class TestServerSync : public ud::test::ServerEngineTest
{
    Q_OBJECT

private slots:
    void init();

    void createEditDeleteEachEntity();
    void duplicateOperationAppliesOnce();
    void twoInstancesPushingAtOnce();
    void conflictOnOneFieldAppliesTheOthers();
    void differentFieldsFromTwoClientsMerge();
    void sameClientEditingTwiceIsNoConflict();
    void readOnlyRolesAreRejected();
    void outOfScopeIsAnsweredLikeUnknown();
    void idNumberIsUniqueAcrossTheServer();
    void oneChairPerOrganisation();
    void requestsAreDecidedFromAbove();
    void memberMovedBetweenUnions();
    void pullPagesEveryChangeOnceInOrder();
    void pullNeverLeavesTheScope();
    void malformedRequestsAndOperations();
    void migrationFromVersionOne();
    void auditChainStaysWhole();

private:
    // 某市总工会 > 甲区总工会 > 一厂工会, 二厂工会; 某市总工会 > 乙区总工会 > 三厂工会
    void buildTree() override;
    QString createMember(const SessionAccount& who, const QString& organisation, int n,
                         qint64* version = nullptr);
};

void TestServerSync::init()
{
    // The migration from version 1 starts from a database that is not migrated yet.
    if (QByteArray(QTest::currentTestFunction()) == "migrationFromVersionOne")
        openDatabase();
    else
        ServerEngineTest::init();
}

void TestServerSync::buildTree()
{
    addTree("city", QStringLiteral("某市总工会"), QStringLiteral("city"),
            {{"districtA", QStringLiteral("甲区总工会"), "city", "district"},
             {"union1", QStringLiteral("一厂工会"), "districtA", "base"},
             {"union2", QStringLiteral("二厂工会"), "districtA", "base"},
             {"districtB", QStringLiteral("乙区总工会"), "city", "district"},
             {"union3", QStringLiteral("三厂工会"), "districtB", "base"}});
}

QString TestServerSync::createMember(const SessionAccount& who, const QString& organisation, int n,
                                     qint64* version)
{
    const QString id = newId();
    const QJsonObject result =
        pushOne(who, QStringLiteral("desk-%1").arg(who.login),
                op(QStringLiteral("member"), id, 0, memberFields(m_org.value(organisation), n)));
    if (statusOf(result) != QLatin1String("applied"))
        qWarning("member not created: %s", qPrintable(result.value(QLatin1String("reason")).toString()));
    if (version)
        *version = versionOf(result);
    return id;
}

void TestServerSync::createEditDeleteEachEntity()
{
    const SessionAccount district = account(QStringLiteral("districtA"));
    const QString desk = QStringLiteral("desk-1");
    const QString orgId = newId();
    const QString memberId = newId();
    const QString eventId = newId();
    const QString cadreId = newId();
    const QString requestId = newId();
    const QHash<QString, QString> ids{{QStringLiteral("organisation"), orgId},
                                      {QStringLiteral("member"), memberId},
                                      {QStringLiteral("member_event"), eventId},
                                      {QStringLiteral("cadre"), cadreId},
                                      {QStringLiteral("organisation_request"), requestId}};
    const QJsonArray creates{
        op(QStringLiteral("organisation"), orgId, 0,
           {{QStringLiteral("parent"), m_org.value(QStringLiteral("districtA"))},
            {QStringLiteral("name"), QStringLiteral("四厂工会")},
            {QStringLiteral("level"), QStringLiteral("base")},
            {QStringLiteral("headcount"), 120},
            {QStringLiteral("path"), QStringLiteral("ignored/")}}),
        op(QStringLiteral("member"), memberId, 0, memberFields(orgId, 1)),
        op(QStringLiteral("member_event"), eventId, 0,
           {{QStringLiteral("member"), memberId},
            {QStringLiteral("kind"), QStringLiteral("joined")},
            {QStringLiteral("occurredOn"), QStringLiteral("2015-03-01")},
            {QStringLiteral("details"), QJsonObject{{QStringLiteral("source"), QStringLiteral("form")}}}}),
        op(QStringLiteral("cadre"), cadreId, 0,
           {{QStringLiteral("member"), memberId},
            {QStringLiteral("organisation"), orgId},
            {QStringLiteral("name"), personName(1)},
            {QStringLiteral("position"), QStringLiteral("chair")},
            {QStringLiteral("fullTime"), true},
            {QStringLiteral("termStart"), QStringLiteral("2023-01-01")}}),
        op(QStringLiteral("organisation_request"), requestId, 0,
           {{QStringLiteral("kind"), QStringLiteral("change")},
            {QStringLiteral("organisation"), orgId},
            {QStringLiteral("submittedFrom"), orgId},
            {QStringLiteral("proposed"), QJsonObject{{QStringLiteral("name"), QStringLiteral("四厂新工会")}}},
            {QStringLiteral("submittedAt"), QStringLiteral("2024-05-01T08:00:00Z")}}),
    };
    const QJsonArray created = push(district, desk, creates);
    QCOMPARE(created.size(), 5);
    qint64 previous = 0;
    for (const QJsonValue& value : created) {
        const QJsonObject result = value.toObject();
        QVERIFY2(statusOf(result) == QLatin1String("applied"),
                 qPrintable(result.value(QLatin1String("reason")).toString()));
        QVERIFY(versionOf(result) > previous);
        previous = versionOf(result);
    }

    qint64 cursor = 0;
    QHash<QString, QJsonObject> seen = latestById(pullAll(district, &cursor));
    QCOMPARE(fieldsOf(seen.value(orgId)).value(QLatin1String("path")).toString(),
             m_path.value(QStringLiteral("districtA")) + orgId + QLatin1Char('/'));
    QCOMPARE(fieldsOf(seen.value(orgId)).value(QLatin1String("headcount")).toInteger(), 120);
    QCOMPARE(fieldsOf(seen.value(memberId)).value(QLatin1String("birthDate")).toString(),
             QDate(1970, 1, 2).toString(Qt::ISODate)); // filled in from the ID number, as the client does
    QCOMPARE(fieldsOf(seen.value(eventId))
                 .value(QLatin1String("details"))
                 .toObject()
                 .value(QLatin1String("source")),
             QJsonValue(QStringLiteral("form")));
    QCOMPARE(fieldsOf(seen.value(cadreId)).value(QLatin1String("fullTime")), QJsonValue(true));
    QCOMPARE(seen.value(requestId).value(QLatin1String("updatedBy")).toString(), district.login);

    // One edit of each.
    const QHash<QString, QJsonObject> edits{
        {QStringLiteral("organisation"), {{QStringLiteral("address"), QStringLiteral("工业大道1号")}}},
        {QStringLiteral("member"), {{QStringLiteral("employer"), QStringLiteral("某某有限公司")}}},
        {QStringLiteral("member_event"), {{QStringLiteral("reason"), QStringLiteral("补录")}}},
        {QStringLiteral("cadre"), {{QStringLiteral("termEnd"), QStringLiteral("2028-01-01")}}},
        {QStringLiteral("organisation_request"), {{QStringLiteral("state"), QStringLiteral("approved")}}},
    };
    for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
        const QString id = ids.value(it.key());
        const QJsonObject result =
            pushOne(district, desk,
                    op(it.key(), id, seen.value(id).value(QLatin1String("version")).toInteger(), it.value()));
        QVERIFY2(statusOf(result) == QLatin1String("applied"),
                 qPrintable(result.value(QLatin1String("reason")).toString()));
    }
    const QHash<QString, QJsonObject> edited = latestById(pullAll(district, &cursor));
    QCOMPARE(edited.size(), 5);
    for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
        const QJsonObject fields = fieldsOf(edited.value(ids.value(it.key())));
        const QString key = it.value().constBegin().key();
        QCOMPARE(fields.value(key), it.value().value(key));
    }

    // Deletes, children first; a second delete answers with the same version.
    for (const char* entity : {"organisation_request", "cadre", "member_event", "member", "organisation"}) {
        const QString name = QLatin1String(entity);
        const QString id = ids.value(name);
        const QJsonObject result =
            pushOne(district, desk,
                    op(name, id, edited.value(id).value(QLatin1String("version")).toInteger(), {}, true));
        QCOMPARE(statusOf(result), QStringLiteral("applied"));
        const QJsonObject again = pushOne(district, desk, op(name, id, 0, {}, true));
        QCOMPARE(statusOf(again), QStringLiteral("applied"));
        QCOMPARE(versionOf(again), versionOf(result));
    }
    const QList<QJsonObject> tombstones = pullAll(district, &cursor);
    QCOMPARE(tombstones.size(), 5);
    for (const QJsonObject& change : tombstones) {
        QVERIFY(change.value(QLatin1String("deleted")).toBool());
        QVERIFY2(fieldsOf(change).isEmpty(), qPrintable(change.value(QLatin1String("entity")).toString()));
    }
    // An edit of a deleted record changes nothing.
    const QJsonObject late =
        pushOne(district, desk,
                op(QStringLiteral("member"), memberId, 0, {{QStringLiteral("notes"), QStringLiteral("x")}}));
    QCOMPARE(statusOf(late), QStringLiteral("rejected"));
    QVERIFY(pullAll(district, &cursor).isEmpty());
}

void TestServerSync::duplicateOperationAppliesOnce()
{
    const SessionAccount clerk = account(QStringLiteral("union1"));
    const QString id = newId();
    const QJsonObject create =
        op(QStringLiteral("member"), id, 0, memberFields(m_org.value(QStringLiteral("union1")), 2));
    const QJsonArray results = push(clerk, QStringLiteral("desk"), QJsonArray{create, create});
    QCOMPARE(results.size(), 2);
    QCOMPARE(statusOf(results.at(0).toObject()), QStringLiteral("applied"));
    QCOMPARE(statusOf(results.at(1).toObject()), QStringLiteral("duplicate"));
    QCOMPARE(versionOf(results.at(1).toObject()), versionOf(results.at(0).toObject()));

    // The same edit through a second instance (its own connection) is a duplicate too.
    const QJsonObject edit = op(QStringLiteral("member"), id, versionOf(results.at(0).toObject()),
                                {{QStringLiteral("notes"), QStringLiteral("第一次")}});
    std::unique_ptr<ServerDatabase> second = openStore();
    QVERIFY(second);
    const QJsonArray first = push(clerk, QStringLiteral("desk"), QJsonArray{edit});
    const QJsonArray other = push(clerk, QStringLiteral("desk"), QJsonArray{edit}, second.get());
    QCOMPARE(statusOf(first.at(0).toObject()), QStringLiteral("applied"));
    QCOMPARE(statusOf(other.at(0).toObject()), QStringLiteral("duplicate"));
    QCOMPARE(versionOf(other.at(0).toObject()), versionOf(first.at(0).toObject()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM member")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM member")), versionOf(first.at(0).toObject()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM applied_op")), 2);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'member' AND action <> 'read'")),
        2);
}

void TestServerSync::twoInstancesPushingAtOnce()
{
    // Two server instances (threads, each with its own connection) receive the same batch at the
    // same moment, as after a client's retry through another instance: each operation is applied
    // once, the other answer is "duplicate" with the same version, and the ID number rule holds.
    const SessionAccount clerk = account(QStringLiteral("union1"));
    QJsonArray batch;
    for (int i = 0; i < 40; ++i)
        batch.append(op(QStringLiteral("member"), newId(), 0,
                        memberFields(m_org.value(QStringLiteral("union1")), 300 + i)));
    // The same person entered twice at two desks: only one of them may win.
    batch.append(
        op(QStringLiteral("member"), newId(), 0, memberFields(m_org.value(QStringLiteral("union1")), 399)));
    const QJsonArray rival{
        op(QStringLiteral("member"), newId(), 0, memberFields(m_org.value(QStringLiteral("union1")), 399))};
    QJsonArray answers[2];
    QString errors[2];
    auto instance = [&](int n) {
        QString error;
        std::unique_ptr<ServerDatabase> db = ServerDatabase::open(m_url, &error);
        if (!db) {
            errors[n] = error;
            return;
        }
        SyncService service(*db, clerk);
        QJsonObject answer;
        QJsonArray operations = batch;
        if (n == 1)
            operations.append(rival.first());
        if (!service.push(QJsonObject{{QStringLiteral("clientId"), QStringLiteral("desk-%1").arg(n)},
                                      {QStringLiteral("operations"), operations}},
                          &answer, &error))
            errors[n] = error;
        answers[n] = answer.value(QLatin1String("results")).toArray();
    };
    std::unique_ptr<QThread> first(QThread::create(instance, 0));
    std::unique_ptr<QThread> second(QThread::create(instance, 1));
    first->start();
    second->start();
    QVERIFY(first->wait(120'000));
    QVERIFY(second->wait(120'000));
    QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable(errors[0] + errors[1]));
    QCOMPARE(answers[0].size(), batch.size());
    QCOMPARE(answers[1].size(), batch.size() + 1);
    for (int i = 0; i < batch.size(); ++i) {
        const QJsonObject a = answers[0].at(i).toObject();
        const QJsonObject b = answers[1].at(i).toObject();
        QCOMPARE(QSet<QString>({statusOf(a), statusOf(b)}),
                 (QSet<QString>{QStringLiteral("applied"), QStringLiteral("duplicate")}));
        QCOMPARE(versionOf(a), versionOf(b));
    }
    QCOMPARE(statusOf(answers[1].last().toObject()), QStringLiteral("rejected"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM member")), batch.size());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(DISTINCT version) FROM member")), batch.size());
    QVERIFY(ServerAudit(*m_db).verify().ok);
}

void TestServerSync::conflictOnOneFieldAppliesTheOthers()
{
    const SessionAccount clerk = account(QStringLiteral("union1"));
    qint64 base = 0;
    const QString id = createMember(clerk, QStringLiteral("union1"), 3, &base);
    const QJsonObject theirs = pushOne(
        clerk, QStringLiteral("desk-B"),
        op(QStringLiteral("member"), id, base, {{QStringLiteral("mobile"), QStringLiteral("13900139000")}}));
    QCOMPARE(statusOf(theirs), QStringLiteral("applied"));
    const QJsonObject mine = pushOne(clerk, QStringLiteral("desk-A"),
                                     op(QStringLiteral("member"), id, base,
                                        {{QStringLiteral("mobile"), QStringLiteral("13700137000")},
                                         {QStringLiteral("notes"), QStringLiteral("困难职工")}}));
    QCOMPARE(statusOf(mine), QStringLiteral("conflict"));
    QVERIFY(versionOf(mine) > versionOf(theirs));
    QCOMPARE(mine.value(QLatin1String("conflicts")).toObject(),
             (QJsonObject{{QStringLiteral("mobile"), QStringLiteral("13900139000")}}));
    qint64 cursor = 0;
    const QJsonObject fields = fieldsOf(latestById(pullAll(clerk, &cursor)).value(id));
    QCOMPARE(fields.value(QLatin1String("mobile")).toString(), QStringLiteral("13900139000"));
    QCOMPARE(fields.value(QLatin1String("notes")).toString(), QStringLiteral("困难职工"));
    // Pushing the server's own value is no conflict; after a pull the clerk's choice goes through.
    QCOMPARE(statusOf(pushOne(clerk, QStringLiteral("desk-A"),
                              op(QStringLiteral("member"), id, base,
                                 {{QStringLiteral("mobile"), QStringLiteral("13900139000")}}))),
             QStringLiteral("applied"));
    const QJsonObject keepMine = pushOne(clerk, QStringLiteral("desk-A"),
                                         op(QStringLiteral("member"), id, versionOf(mine),
                                            {{QStringLiteral("mobile"), QStringLiteral("13700137000")}}));
    QCOMPARE(statusOf(keepMine), QStringLiteral("applied"));
}

void TestServerSync::differentFieldsFromTwoClientsMerge()
{
    const SessionAccount clerk = account(QStringLiteral("union1"));
    qint64 base = 0;
    const QString id = createMember(clerk, QStringLiteral("union1"), 4, &base);
    QCOMPARE(statusOf(pushOne(
                 clerk, QStringLiteral("desk-A"),
                 op(QStringLiteral("member"), id, base, {{QStringLiteral("notes"), QStringLiteral("A")}}))),
             QStringLiteral("applied"));
    QCOMPARE(statusOf(pushOne(clerk, QStringLiteral("desk-B"),
                              op(QStringLiteral("member"), id, base,
                                 {{QStringLiteral("employer"), QStringLiteral("B公司")}}))),
             QStringLiteral("applied"));
    qint64 cursor = 0;
    const QJsonObject fields = fieldsOf(latestById(pullAll(clerk, &cursor)).value(id));
    QCOMPARE(fields.value(QLatin1String("notes")).toString(), QStringLiteral("A"));
    QCOMPARE(fields.value(QLatin1String("employer")).toString(), QStringLiteral("B公司"));
}

void TestServerSync::sameClientEditingTwiceIsNoConflict()
{
    const SessionAccount clerk = account(QStringLiteral("union1"));
    qint64 base = 0;
    const QString id = createMember(clerk, QStringLiteral("union1"), 5, &base);
    const QJsonArray results =
        push(clerk, QStringLiteral("desk-A"),
             QJsonArray{
                 op(QStringLiteral("member"), id, base, {{QStringLiteral("notes"), QStringLiteral("一")}}),
                 op(QStringLiteral("member"), id, base, {{QStringLiteral("notes"), QStringLiteral("二")}})});
    QCOMPARE(statusOf(results.at(0).toObject()), QStringLiteral("applied"));
    QCOMPARE(statusOf(results.at(1).toObject()), QStringLiteral("applied"));
    qint64 cursor = 0;
    QCOMPARE(fieldsOf(latestById(pullAll(clerk, &cursor)).value(id)).value(QLatin1String("notes")).toString(),
             QStringLiteral("二"));
    // Another desk that had not seen either edit does conflict.
    const QJsonObject other =
        pushOne(clerk, QStringLiteral("desk-B"),
                op(QStringLiteral("member"), id, base, {{QStringLiteral("notes"), QStringLiteral("三")}}));
    QCOMPARE(statusOf(other), QStringLiteral("conflict"));
}

void TestServerSync::readOnlyRolesAreRejected()
{
    const SessionAccount clerk = account(QStringLiteral("union1"));
    qint64 base = 0;
    const QString id = createMember(clerk, QStringLiteral("union1"), 6, &base);
    const qint64 before = scalar(QStringLiteral("SELECT value FROM change_seq"));
    for (const QString& role : {QStringLiteral("viewer"), QStringLiteral("auditor")}) {
        const SessionAccount reader = account(QStringLiteral("union1"), role);
        const QJsonArray results = push(reader, QStringLiteral("desk"),
                                        QJsonArray{op(QStringLiteral("member"), id, base,
                                                      {{QStringLiteral("notes"), QStringLiteral("x")}}),
                                                   op(QStringLiteral("member"), newId(), 0,
                                                      memberFields(m_org.value(QStringLiteral("union1")), 7)),
                                                   op(QStringLiteral("member"), id, base, {}, true)});
        QCOMPARE(results.size(), 3);
        for (const QJsonValue& result : results) {
            QCOMPARE(statusOf(result.toObject()), QStringLiteral("rejected"));
            QVERIFY(!result.toObject().value(QLatin1String("reason")).toString().isEmpty());
        }
        // Reading is fine.
        qint64 cursor = 0;
        QVERIFY(latestById(pullAll(reader, &cursor)).contains(id));
    }
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM change_seq")), before);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM member")), 1);
}

void TestServerSync::outOfScopeIsAnsweredLikeUnknown()
{
    const SessionAccount district = account(QStringLiteral("districtA"));
    const SessionAccount clerk1 = account(QStringLiteral("union1"));
    qint64 base = 0;
    const QString other = createMember(district, QStringLiteral("union2"), 8, &base);
    const QString unknown = newId();
    const QJsonObject edit{{QStringLiteral("notes"), QStringLiteral("x")}};

    const QJsonObject updateOther =
        pushOne(clerk1, QStringLiteral("d"), op(QStringLiteral("member"), other, base, edit));
    const QJsonObject updateUnknown =
        pushOne(clerk1, QStringLiteral("d"), op(QStringLiteral("member"), unknown, base, edit));
    const QJsonObject deleteOther =
        pushOne(clerk1, QStringLiteral("d"), op(QStringLiteral("member"), other, base, {}, true));
    const QJsonObject deleteUnknown =
        pushOne(clerk1, QStringLiteral("d"), op(QStringLiteral("member"), unknown, base, {}, true));
    for (const QJsonObject& result : {updateOther, updateUnknown, deleteOther, deleteUnknown})
        QCOMPARE(statusOf(result), QStringLiteral("rejected"));
    QCOMPARE(updateOther.value(QLatin1String("reason")), updateUnknown.value(QLatin1String("reason")));
    QCOMPARE(deleteOther.value(QLatin1String("reason")), updateUnknown.value(QLatin1String("reason")));
    QCOMPARE(deleteUnknown.value(QLatin1String("reason")), updateUnknown.value(QLatin1String("reason")));
    QCOMPARE(updateOther.value(QLatin1String("version")).toInteger(), 0);

    // Creating under an organisation out of scope reads like creating under one that does not exist.
    const QJsonObject createOther = pushOne(
        clerk1, QStringLiteral("d"),
        op(QStringLiteral("member"), newId(), 0, memberFields(m_org.value(QStringLiteral("union2")), 9)));
    const QJsonObject createUnknown = pushOne(
        clerk1, QStringLiteral("d"), op(QStringLiteral("member"), newId(), 0, memberFields(newId(), 9)));
    QCOMPARE(statusOf(createOther), QStringLiteral("rejected"));
    QCOMPARE(createOther.value(QLatin1String("reason")), createUnknown.value(QLatin1String("reason")));
    const QJsonObject orgOther =
        pushOne(clerk1, QStringLiteral("d"),
                op(QStringLiteral("organisation"), newId(), 0,
                   {{QStringLiteral("parent"), m_org.value(QStringLiteral("union2"))},
                    {QStringLiteral("name"), QStringLiteral("x")},
                    {QStringLiteral("level"), QStringLiteral("base")}}));
    const QJsonObject orgUnknown = pushOne(clerk1, QStringLiteral("d"),
                                           op(QStringLiteral("organisation"), newId(), 0,
                                              {{QStringLiteral("parent"), newId()},
                                               {QStringLiteral("name"), QStringLiteral("x")},
                                               {QStringLiteral("level"), QStringLiteral("base")}}));
    QCOMPARE(statusOf(orgOther), QStringLiteral("rejected"));
    QCOMPARE(orgOther.value(QLatin1String("reason")), orgUnknown.value(QLatin1String("reason")));
    // Moving one's own member out of the subtree is refused the same way.
    qint64 mineBase = 0;
    const QString mine = createMember(clerk1, QStringLiteral("union1"), 10, &mineBase);
    const QJsonObject moveOut =
        pushOne(clerk1, QStringLiteral("d"),
                op(QStringLiteral("member"), mine, mineBase,
                   {{QStringLiteral("organisation"), m_org.value(QStringLiteral("union2"))}}));
    QCOMPARE(statusOf(moveOut), QStringLiteral("rejected"));
    QCOMPARE(moveOut.value(QLatin1String("reason")), createUnknown.value(QLatin1String("reason")));
    // Unknown entities and fields and create-only fields are named.
    const QJsonObject badEntity =
        pushOne(clerk1, QStringLiteral("d"), op(QStringLiteral("activity"), newId(), 0, {}));
    QVERIFY(badEntity.value(QLatin1String("reason")).toString().contains(QLatin1String("activity")));
    const QJsonObject badField =
        pushOne(clerk1, QStringLiteral("d"),
                op(QStringLiteral("member"), mine, mineBase, {{QStringLiteral("shoeSize"), 42}}));
    QVERIFY(badField.value(QLatin1String("reason")).toString().contains(QLatin1String("shoeSize")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM member WHERE id = ? AND notes = 'x'"), {other}), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT deleted FROM member WHERE id = ?"), {other}), 0);
}

void TestServerSync::idNumberIsUniqueAcrossTheServer()
{
    const SessionAccount clerk1 = account(QStringLiteral("union1"));
    const SessionAccount clerk3 = account(QStringLiteral("union3"));
    qint64 base = 0;
    const QString first = createMember(clerk1, QStringLiteral("union1"), 11, &base);
    QJsonObject fields = memberFields(m_org.value(QStringLiteral("union3")), 11);
    fields.insert(QStringLiteral("idNumber"), idNumber(11).toLower()); // normalised before the check
    const QString second = newId();
    const QJsonObject refused =
        pushOne(clerk3, QStringLiteral("d3"), op(QStringLiteral("member"), second, 0, fields));
    QCOMPARE(statusOf(refused), QStringLiteral("rejected"));
    const QString reason = refused.value(QLatin1String("reason")).toString();
    QVERIFY2(reason.contains(QStringLiteral("一厂工会")) && reason.contains(QLatin1String("transfer")),
             qPrintable(reason));
    // An edit that would take someone else's number is refused the same way.
    qint64 otherBase = 0;
    const QString other = createMember(clerk3, QStringLiteral("union3"), 12, &otherBase);
    const QJsonObject steal =
        pushOne(clerk3, QStringLiteral("d3"),
                op(QStringLiteral("member"), other, otherBase, {{QStringLiteral("idNumber"), idNumber(11)}}));
    QCOMPARE(statusOf(steal), QStringLiteral("rejected"));
    QVERIFY(steal.value(QLatin1String("reason")).toString().contains(QLatin1String("transfer")));
    // The client's own validation holds on the server too.
    QJsonObject invalid = memberFields(m_org.value(QStringLiteral("union3")), 13);
    invalid.insert(QStringLiteral("idNumber"), QStringLiteral("44010419700101001"));
    QCOMPARE(
        statusOf(pushOne(clerk3, QStringLiteral("d3"), op(QStringLiteral("member"), newId(), 0, invalid))),
        QStringLiteral("rejected"));

    // Once the first membership is deleted, the number is free.
    QCOMPARE(
        statusOf(pushOne(clerk1, QStringLiteral("d1"), op(QStringLiteral("member"), first, base, {}, true))),
        QStringLiteral("applied"));
    const QJsonObject again =
        pushOne(clerk3, QStringLiteral("d3"), op(QStringLiteral("member"), second, 0, fields));
    QCOMPARE(statusOf(again), QStringLiteral("applied"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM member WHERE id_number = ? AND deleted = 0"),
                    {idNumber(11)}),
             1);
}

void TestServerSync::oneChairPerOrganisation()
{
    const SessionAccount clerk = account(QStringLiteral("union1"));
    const QString org = m_org.value(QStringLiteral("union1"));
    auto chair = [&](const QString& name) {
        return QJsonObject{{QStringLiteral("organisation"), org},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("position"), QStringLiteral("chair")},
                           {QStringLiteral("termStart"), QStringLiteral("2023-01-01")}};
    };
    const QString first = newId();
    const QJsonObject one = pushOne(clerk, QStringLiteral("d"),
                                    op(QStringLiteral("cadre"), first, 0, chair(QStringLiteral("张伟"))));
    QCOMPARE(statusOf(one), QStringLiteral("applied"));
    const QString second = newId();
    const QJsonObject two = pushOne(clerk, QStringLiteral("d"),
                                    op(QStringLiteral("cadre"), second, 0, chair(QStringLiteral("王芳"))));
    QCOMPARE(statusOf(two), QStringLiteral("rejected"));
    QVERIFY2(two.value(QLatin1String("reason")).toString().contains(QLatin1String("chair")),
             qPrintable(two.value(QLatin1String("reason")).toString()));
    // A vice-chair is fine; ending the first chair's term makes room for the next.
    QJsonObject viceChair = chair(QStringLiteral("李强"));
    viceChair.insert(QStringLiteral("position"), QStringLiteral("vice-chair"));
    QCOMPARE(
        statusOf(pushOne(clerk, QStringLiteral("d"), op(QStringLiteral("cadre"), newId(), 0, viceChair))),
        QStringLiteral("applied"));
    QCOMPARE(statusOf(pushOne(clerk, QStringLiteral("d"),
                              op(QStringLiteral("cadre"), first, versionOf(one),
                                 {{QStringLiteral("endedOn"), QStringLiteral("2024-06-30")}}))),
             QStringLiteral("applied"));
    QCOMPARE(statusOf(pushOne(clerk, QStringLiteral("d"),
                              op(QStringLiteral("cadre"), second, 0, chair(QStringLiteral("王芳"))))),
             QStringLiteral("applied"));
    // Making the ended chair current again would give two.
    const QJsonObject back =
        pushOne(clerk, QStringLiteral("d"),
                op(QStringLiteral("cadre"), first, 0, {{QStringLiteral("endedOn"), QString()}}));
    QCOMPARE(statusOf(back), QStringLiteral("rejected"));
    // Another union has its own chair.
    const SessionAccount clerk2 = account(QStringLiteral("union2"));
    QJsonObject otherChair = chair(QStringLiteral("赵敏"));
    otherChair.insert(QStringLiteral("organisation"), m_org.value(QStringLiteral("union2")));
    QCOMPARE(
        statusOf(pushOne(clerk2, QStringLiteral("d"), op(QStringLiteral("cadre"), newId(), 0, otherChair))),
        QStringLiteral("applied"));
}

void TestServerSync::requestsAreDecidedFromAbove()
{
    const SessionAccount unionClerk = account(QStringLiteral("union1"));
    const SessionAccount districtClerk = account(QStringLiteral("districtA"));
    const QString org = m_org.value(QStringLiteral("union1"));
    auto request = [&]() {
        return QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("change")},
            {QStringLiteral("organisation"), org},
            {QStringLiteral("submittedFrom"), org},
            {QStringLiteral("proposed"), QJsonObject{{QStringLiteral("address"), QStringLiteral("新址")}}},
            {QStringLiteral("submittedAt"), QStringLiteral("2026-11-27T08:00:00Z")}};
    };
    const QString first = newId();
    QJsonObject result = pushOne(unionClerk, QStringLiteral("u"),
                                 op(QStringLiteral("organisation_request"), first, 0, request()));
    QCOMPARE(statusOf(result), QStringLiteral("applied"));
    const qint64 version = versionOf(result);
    // The union that asked cannot approve or reject its own request …
    for (const char* state : {"approved", "rejected"}) {
        result = pushOne(unionClerk, QStringLiteral("u"),
                         op(QStringLiteral("organisation_request"), first, version,
                            {{QStringLiteral("state"), QString::fromLatin1(state)}}));
        QCOMPARE(statusOf(result), QStringLiteral("rejected"));
        QVERIFY(!result.value(QLatin1String("reason")).toString().isEmpty());
    }
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM organisation_request WHERE state = 'submitted'")),
             1);
    // … the district above it can.
    result = pushOne(districtClerk, QStringLiteral("d"),
                     op(QStringLiteral("organisation_request"), first, version,
                        {{QStringLiteral("state"), QStringLiteral("approved")},
                         {QStringLiteral("decidedBy"), districtClerk.login}}));
    QCOMPARE(statusOf(result), QStringLiteral("applied"));
    // Withdrawing is the submitter's own business.
    const QString second = newId();
    result = pushOne(unionClerk, QStringLiteral("u"),
                     op(QStringLiteral("organisation_request"), second, 0, request()));
    QCOMPARE(statusOf(result), QStringLiteral("applied"));
    result = pushOne(unionClerk, QStringLiteral("u"),
                     op(QStringLiteral("organisation_request"), second, versionOf(result),
                        {{QStringLiteral("state"), QStringLiteral("cancelled")}}));
    QCOMPARE(statusOf(result), QStringLiteral("applied"));
}

void TestServerSync::memberMovedBetweenUnions()
{
    const SessionAccount district = account(QStringLiteral("districtA"));
    const SessionAccount clerk1 = account(QStringLiteral("union1"));
    const SessionAccount clerk2 = account(QStringLiteral("union2"));
    qint64 base = 0;
    const QString member = createMember(district, QStringLiteral("union1"), 20, &base);
    QStringList events;
    for (int i = 0; i < 2; ++i) {
        events.append(newId());
        QCOMPARE(
            statusOf(pushOne(district, QStringLiteral("dd"),
                             op(QStringLiteral("member_event"), events.last(), 0,
                                {{QStringLiteral("member"), member},
                                 {QStringLiteral("kind"), QStringLiteral("edited")},
                                 {QStringLiteral("occurredOn"), QStringLiteral("2020-01-0%1").arg(i + 1)}}))),
            QStringLiteral("applied"));
    }
    qint64 cursor1 = 0;
    qint64 cursor2 = 0;
    qint64 cursorD = 0;
    QVERIFY(latestById(pullAll(clerk1, &cursor1)).contains(member));
    QVERIFY(!latestById(pullAll(clerk2, &cursor2)).contains(member));
    pullAll(district, &cursorD);

    const QJsonObject move =
        pushOne(district, QStringLiteral("dd"),
                op(QStringLiteral("member"), member, base,
                   {{QStringLiteral("organisation"), m_org.value(QStringLiteral("union2"))}}));
    QCOMPARE(statusOf(move), QStringLiteral("applied"));

    const QList<QJsonObject> atOld = pullAll(clerk1, &cursor1);
    QCOMPARE(atOld.size(), 3);
    QSet<QString> gone;
    for (const QJsonObject& change : atOld) {
        QVERIFY(change.value(QLatin1String("gone")).toBool());
        QVERIFY(!change.contains(QLatin1String("fields")));
        gone.insert(change.value(QLatin1String("id")).toString());
    }
    QCOMPARE(gone, (QSet<QString>{member, events.at(0), events.at(1)}));

    const QHash<QString, QJsonObject> atNew = latestById(pullAll(clerk2, &cursor2));
    QCOMPARE(atNew.size(), 3);
    QCOMPARE(fieldsOf(atNew.value(member)).value(QLatin1String("organisation")).toString(),
             m_org.value(QStringLiteral("union2")));
    QCOMPARE(fieldsOf(atNew.value(events.at(1))).value(QLatin1String("member")).toString(), member);
    for (const QJsonObject& change : atNew)
        QVERIFY(!change.value(QLatin1String("gone")).toBool());

    // The district saw both unions all along: plain changes, nothing gone.
    const QList<QJsonObject> atDistrict = pullAll(district, &cursorD);
    QCOMPARE(atDistrict.size(), 3);
    for (const QJsonObject& change : atDistrict)
        QVERIFY(!change.value(QLatin1String("gone")).toBool());

    // A fresh desk at the old union never sees the member, only that it went.
    qint64 fresh = 0;
    const QHash<QString, QJsonObject> freshView = latestById(pullAll(clerk1, &fresh));
    QVERIFY(freshView.value(member).value(QLatin1String("gone")).toBool());
    // And a union cannot move a member it does not have.
    const QJsonObject steal =
        pushOne(clerk1, QStringLiteral("d1"),
                op(QStringLiteral("member"), member, 0,
                   {{QStringLiteral("organisation"), m_org.value(QStringLiteral("union1"))}}));
    QCOMPARE(statusOf(steal), QStringLiteral("rejected"));
}

void TestServerSync::pullPagesEveryChangeOnceInOrder()
{
    const SessionAccount district = account(QStringLiteral("districtA"));
    const QString union1 = m_org.value(QStringLiteral("union1"));
    const QString union2 = m_org.value(QStringLiteral("union2"));
    QStringList members;
    QJsonArray batch;
    auto flush = [&] {
        const QJsonArray results = push(district, QStringLiteral("bulk"), batch);
        QCOMPARE(results.size(), batch.size());
        for (const QJsonValue& result : results)
            QVERIFY2(statusOf(result.toObject()) == QLatin1String("applied"),
                     qPrintable(result.toObject().value(QLatin1String("reason")).toString()));
        batch = QJsonArray();
    };
    for (int i = 0; i < 1200; ++i) {
        members.append(newId());
        batch.append(
            op(QStringLiteral("member"), members.last(), 0, memberFields(i % 2 ? union1 : union2, 100 + i)));
        if (batch.size() == SyncService::MaxPushOperations)
            flush();
    }
    flush();
    for (int i = 0; i < 2800; ++i) {
        batch.append(op(QStringLiteral("member_event"), newId(), 0,
                        {{QStringLiteral("member"), members.at(i % members.size())},
                         {QStringLiteral("kind"), QStringLiteral("joined")},
                         {QStringLiteral("occurredOn"), QStringLiteral("2015-03-01")}}));
        if (batch.size() == SyncService::MaxPushOperations)
            flush();
    }
    flush();
    for (int i = 0; i < 1000; ++i) {
        batch.append(op(QStringLiteral("organisation_request"), newId(), 0,
                        {{QStringLiteral("kind"), QStringLiteral("change")},
                         {QStringLiteral("organisation"), union1},
                         {QStringLiteral("submittedFrom"), i % 2 ? union1 : union2}}));
        if (batch.size() == SyncService::MaxPushOperations)
            flush();
    }
    flush();
    // Later changes to earlier records: each record still comes once, at its latest version.
    for (int i = 0; i < 300; ++i)
        batch.append(op(QStringLiteral("member"), members.at(i * 3), 0,
                        {{QStringLiteral("notes"), QStringLiteral("改")}}));
    flush();

    const qint64 expected = scalar(
        QStringLiteral("SELECT (SELECT COUNT(*) FROM member) + (SELECT COUNT(*) FROM member_event) + "
                       "(SELECT COUNT(*) FROM organisation_request) + (SELECT COUNT(*) FROM "
                       "organisation WHERE path >= ? AND path < ?)"),
        QVariantList{m_path.value(QStringLiteral("districtA")),
                     QString(m_path.value(QStringLiteral("districtA")).chopped(1) + QLatin1Char('0'))});
    QCOMPARE(expected, 1200 + 2800 + 1000 + 3);

    qint64 cursor = 0;
    QSet<QString> ids;
    qint64 last = 0;
    int pages = 0;
    bool more = true;
    while (more) {
        const QJsonObject answer = pull(district, cursor, 97);
        const QJsonArray changes = answer.value(QLatin1String("changes")).toArray();
        more = answer.value(QLatin1String("more")).toBool();
        QVERIFY(changes.size() <= 97);
        QVERIFY(!more || changes.size() == 97);
        for (const QJsonValue& value : changes) {
            const QJsonObject change = value.toObject();
            const qint64 version = change.value(QLatin1String("version")).toInteger();
            QVERIFY(version > last);
            last = version;
            const QString id = change.value(QLatin1String("id")).toString();
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
        }
        cursor = answer.value(QLatin1String("cursor")).toInteger();
        QCOMPARE(cursor, last);
        QVERIFY(++pages < 1000);
    }
    QCOMPARE(qint64(ids.size()), expected);
    QCOMPARE(pages, int((expected + 96) / 97));
    const QJsonObject end = pull(district, cursor, 97);
    QVERIFY(end.value(QLatin1String("changes")).toArray().isEmpty());
    QCOMPARE(end.value(QLatin1String("cursor")).toInteger(), cursor);
    QVERIFY(!end.value(QLatin1String("more")).toBool());
}

void TestServerSync::pullNeverLeavesTheScope()
{
    const SessionAccount district = account(QStringLiteral("districtA"));
    const SessionAccount clerk1 = account(QStringLiteral("union1"));
    const SessionAccount clerk3 = account(QStringLiteral("union3"));
    QSet<QString> inside;
    QSet<QString> outside;
    QString outsideMember;
    for (int i = 0; i < 6; ++i) {
        const QString union_ = i % 3 == 0   ? QStringLiteral("union1")
                               : i % 3 == 1 ? QStringLiteral("union2")
                                            : QStringLiteral("union3");
        const QString id =
            createMember(union_ == QLatin1String("union3") ? clerk3 : district, union_, 200 + i);
        (union_ == QLatin1String("union1") ? inside : outside).insert(id);
        if (union_ != QLatin1String("union1"))
            outsideMember = id;
        const QString cadre = newId();
        QCOMPARE(statusOf(pushOne(union_ == QLatin1String("union3") ? clerk3 : district, QStringLiteral("d"),
                                  op(QStringLiteral("cadre"), cadre, 0,
                                     {{QStringLiteral("organisation"), m_org.value(union_)},
                                      {QStringLiteral("member"), id},
                                      {QStringLiteral("name"), personName(200 + i)},
                                      {QStringLiteral("position"), QStringLiteral("committee")}}))),
                 QStringLiteral("applied"));
        (union_ == QLatin1String("union1") ? inside : outside).insert(cadre);
    }
    // A cadre cannot name a member from outside the subtree.
    const QJsonObject foreign =
        pushOne(clerk1, QStringLiteral("d"),
                op(QStringLiteral("cadre"), newId(), 0,
                   {{QStringLiteral("organisation"), m_org.value(QStringLiteral("union1"))},
                    {QStringLiteral("member"), outsideMember},
                    {QStringLiteral("name"), QStringLiteral("张伟")},
                    {QStringLiteral("position"), QStringLiteral("committee")}}));
    QCOMPARE(statusOf(foreign), QStringLiteral("rejected"));
    inside.insert(m_org.value(QStringLiteral("union1"))); // the account's own organisation is its root

    qint64 cursor = 0;
    const QHash<QString, QJsonObject> seen = latestById(pullAll(clerk1, &cursor, 3));
    QCOMPARE(QSet<QString>(seen.keyBegin(), seen.keyEnd()), inside);
    QCOMPARE(
        fieldsOf(seen.value(m_org.value(QStringLiteral("union1")))).value(QLatin1String("path")).toString(),
        m_path.value(QStringLiteral("union1")));
}

void TestServerSync::malformedRequestsAndOperations()
{
    const SessionAccount clerk = account(QStringLiteral("union1"));
    SyncService service(*m_db, clerk);
    QJsonObject answer;
    QString error;
    QVERIFY(!service.push(QJsonObject{{QStringLiteral("clientId"), QStringLiteral("d")}}, &answer, &error));
    QVERIFY(!error.isEmpty());
    QJsonArray tooMany;
    for (int i = 0; i <= SyncService::MaxPushOperations; ++i)
        tooMany.append(QJsonObject());
    QVERIFY(!service.push(QJsonObject{{QStringLiteral("clientId"), QStringLiteral("d")},
                                      {QStringLiteral("operations"), tooMany}},
                          &answer, &error));
    QVERIFY(!service.pull(-1, 10, &answer, &error));

    QJsonObject noUuid = op(QStringLiteral("member"), QStringLiteral("a/b"), 0,
                            memberFields(m_org.value(QStringLiteral("union1")), 30));
    QJsonObject wrongType = op(QStringLiteral("member"), newId(), 0, {{QStringLiteral("name"), 42}});
    const QJsonArray results =
        push(clerk, QStringLiteral("d"), QJsonArray{QStringLiteral("x"), noUuid, wrongType});
    QCOMPARE(results.size(), 3);
    for (const QJsonValue& result : results)
        QCOMPARE(statusOf(result.toObject()), QStringLiteral("rejected"));
    // The field by the name the clerk knows it by.
    QVERIFY(results.at(2)
                .toObject()
                .value(QLatin1String("reason"))
                .toString()
                .contains(ud::MemberValidator::fieldLabel(QStringLiteral("name"))));
    // A create-only field cannot change.
    const QString event = newId();
    qint64 base = 0;
    const QString member = createMember(clerk, QStringLiteral("union1"), 31, &base);
    const QString otherMember = createMember(clerk, QStringLiteral("union1"), 32);
    QCOMPARE(statusOf(pushOne(clerk, QStringLiteral("d"),
                              op(QStringLiteral("member_event"), event, 0,
                                 {{QStringLiteral("member"), member},
                                  {QStringLiteral("kind"), QStringLiteral("joined")}}))),
             QStringLiteral("applied"));
    const QJsonObject moveEvent =
        pushOne(clerk, QStringLiteral("d"),
                op(QStringLiteral("member_event"), event, 0, {{QStringLiteral("member"), otherMember}}));
    QCOMPARE(statusOf(moveEvent), QStringLiteral("rejected"));
    QVERIFY(moveEvent.value(QLatin1String("reason")).toString().contains(QLatin1String("member")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM member")), 2);
}

void TestServerSync::migrationFromVersionOne()
{
    QString error;
    ServerMigrator migrator(*m_db);
    QVERIFY2(migrator.migrateTo(1, &error), qPrintable(error));
    QCOMPARE(migrator.version(&error), 1);
    buildTree(); // what `admin init` and `admin add-org` leave in a version 1 store
    int applied = 0;
    QVERIFY2(migrator.migrate(&error, &applied), qPrintable(error));
    QCOMPARE(applied, ServerMigrator::CurrentVersion - 1);
    QCOMPARE(migrator.version(&error), ServerMigrator::CurrentVersion);
    for (const char* table : {"member", "member_event", "cadre", "organisation_request", "applied_op",
                              "departure", "transfer", "transfer_rule"})
        QVERIFY2(m_db->db().tables().contains(QLatin1String(table)), table);

    const SessionAccount clerk = account(QStringLiteral("union1"));
    qint64 cursor = 0;
    const QHash<QString, QJsonObject> seen = latestById(pullAll(clerk, &cursor));
    QCOMPARE(seen.size(), 1);
    const QJsonObject root = fieldsOf(seen.value(m_org.value(QStringLiteral("union1"))));
    QCOMPARE(root.value(QLatin1String("name")).toString(), QStringLiteral("一厂工会"));
    QCOMPARE(root.value(QLatin1String("headcount")).toInteger(), 0);
    QCOMPARE(root.value(QLatin1String("address")).toString(), QString());
    QCOMPARE(root.value(QLatin1String("parent")).toString(), m_org.value(QStringLiteral("districtA")));
    const QJsonObject edit = pushOne(
        clerk, QStringLiteral("d"),
        op(QStringLiteral("organisation"), m_org.value(QStringLiteral("union1")),
           seen.value(m_org.value(QStringLiteral("union1"))).value(QLatin1String("version")).toInteger(),
           {{QStringLiteral("address"), QStringLiteral("一号路")}}));
    QCOMPARE(statusOf(edit), QStringLiteral("applied"));
    createMember(clerk, QStringLiteral("union1"), 40);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM member")), 1);
    QVERIFY(ServerAudit(*m_db).verify().ok);
}

void TestServerSync::auditChainStaysWhole()
{
    const SessionAccount district = account(QStringLiteral("districtA"));
    const SessionAccount clerk1 = account(QStringLiteral("union1"));
    qint64 base = 0;
    const QString member = createMember(clerk1, QStringLiteral("union1"), 50, &base);
    std::unique_ptr<ServerDatabase> second = openStore();
    QVERIFY(second);
    // Two "instances" interleave writes and reads.
    for (int i = 0; i < 5; ++i) {
        push(clerk1, QStringLiteral("a"),
             QJsonArray{op(QStringLiteral("member"), member, base,
                           {{QStringLiteral("notes"), QString::number(i)}})});
        push(district, QStringLiteral("b"),
             QJsonArray{op(QStringLiteral("member"), member, base,
                           {{QStringLiteral("employer"), QString::number(i)}})},
             second.get());
        QJsonObject page;
        QString error;
        QVERIFY2(SyncService(*second, clerk1).pull(0, 10, &page, &error), qPrintable(error));
    }
    qint64 cursor = 0;
    pullAll(district, &cursor);
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'read'")) >= 6);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'update'")), 10);
    const AuditVerification verification = ServerAudit(*m_db).verify();
    QVERIFY2(verification.ok, qPrintable(verification.reason + verification.error));
    // A pull audit names counts, never a person.
    QSqlQuery details(m_db->db());
    QVERIFY(details.exec(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'read'")));
    while (details.next())
        QVERIFY2(!details.value(0).toString().contains(personName(50)),
                 qPrintable(details.value(0).toString()));
}

QTEST_GUILESS_MAIN(TestServerSync)
#include "tst_serversync.moc"
