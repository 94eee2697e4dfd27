// Cadres: adding a term (positions by key or Chinese name, dates, the member must be an active member
// of that union), the committee of one organisation, terms ending within N days across the subtree
// (换届提醒) with the clock pinned, ending a term, the flag on a cadre whose member record has
// left the union, lapsed or been deleted, and the rule of one chair at a time.

#include "TestStore.h"
#include "cadres/CadreRepository.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "store/Outbox.h"
#include "util/Clock.h"

#include <QTest>

using namespace ud;
using ud::test::TestStore;

class TestCadres : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addNormalisesAndChecks();
    void committeeInRankOrder();
    void expiringAcrossTheSubtree();
    void endTerm();
    void flaggedWhenTheMemberLeaves();
    void oneChairAtATime();

private:
    Cadre cadreFor(const QString& memberId, const Organisation& org, const QString& position,
                   const QString& end = QStringLiteral("2027-06-30"))
    {
        Cadre c;
        c.memberId = memberId;
        c.organisationId = org.id;
        c.position = position;
        c.termStart = QStringLiteral("2022-07-01");
        c.termEnd = end;
        return c;
    }

    std::unique_ptr<TestStore> m_store;
    Organisation m_township;
    Organisation m_base;
    Organisation m_other;
    QStringList m_members;      // in m_base
    QStringList m_otherMembers; // in m_other
};

void TestCadres::init()
{
    Clock::setFixed(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_township =
        m_store->addOrganisation(QStringLiteral("甲街道总工会"), QString(), QStringLiteral("township"));
    m_base = m_store->addOrganisation(QStringLiteral("甲一厂工会"), m_township.id);
    m_other = m_store->addOrganisation(QStringLiteral("乙厂工会"));
    QVERIFY(!m_base.id.isEmpty() && !m_other.id.isEmpty());
    m_members = m_store->addMembers(m_base.id, 6, 0);
    m_otherMembers = m_store->addMembers(m_other.id, 2, 100);
    QCOMPARE(m_members.size(), 6);
    QCOMPARE(m_otherMembers.size(), 2);
}

void TestCadres::cleanup()
{
    Clock::reset();
}

void TestCadres::addNormalisesAndChecks()
{
    CadreRepository cadres(m_store->store(), m_store->scope());
    QString error;
    const qint64 before = Outbox(m_store->store().connection()).pendingCount();
    Cadre chair = cadreFor(m_members.at(0), m_base, QStringLiteral("工会主席"));
    chair.electedHow = QStringLiteral("选举产生");
    chair.fullTime = true;
    QVERIFY2(cadres.add(chair, TestStore::actor(), &error), qPrintable(error));
    QCOMPARE(chair.position, QStringLiteral("chair"));
    QCOMPARE(chair.electedHow, QStringLiteral("elected"));
    QCOMPARE(chair.name, TestStore::sampleName(0));
    QCOMPARE(Outbox(m_store->store().connection()).pendingCount(), before + 1);
    const OutboxOperation op = Outbox(m_store->store().connection()).pending(1000).last();
    QCOMPARE(op.entity, entity::Cadre);
    QCOMPARE(op.fields.value(QStringLiteral("position")).toString(), QStringLiteral("chair"));

    // A member of a union under the organisation may hold a post in it.
    Cadre township = cadreFor(m_members.at(1), m_township, QStringLiteral("女职工委员会主任"));
    QVERIFY2(cadres.add(township, TestStore::actor(), &error), qPrintable(error));
    QCOMPARE(township.position, QStringLiteral("women-chair"));

    struct Bad
    {
        Cadre cadre;
        QString expected;
    };
    Cadre badPosition = cadreFor(m_members.at(2), m_base, QStringLiteral("总经理"));
    Cadre badStart = cadreFor(m_members.at(2), m_base, QStringLiteral("vice-chair"));
    badStart.termStart = QStringLiteral("2022-13-01");
    Cadre endBeforeStart =
        cadreFor(m_members.at(2), m_base, QStringLiteral("vice-chair"), QStringLiteral("2021-01-01"));
    Cadre outsider = cadreFor(m_otherMembers.at(0), m_base, QStringLiteral("vice-chair"));
    Cadre twice = cadreFor(m_members.at(0), m_base, QStringLiteral("chair"));
    Cadre nowhere = cadreFor(m_members.at(2), m_base, QStringLiteral("vice-chair"));
    nowhere.organisationId = QStringLiteral("no-such-org");
    const QList<Bad> bad = {
        {badPosition, QStringLiteral("Position")},    {badStart, QStringLiteral("Term start")},
        {endBeforeStart, QStringLiteral("Term end")}, {outsider, QStringLiteral("Member")},
        {twice, QStringLiteral("Position")},          {nowhere, QStringLiteral("Organisation")},
    };
    const qint64 afterGood = Outbox(m_store->store().connection()).pendingCount();
    for (Bad b : bad) {
        QVERIFY(!cadres.add(b.cadre, TestStore::actor(), &error));
        QVERIFY2(error.startsWith(b.expected), qPrintable(error));
    }
    // A member who is no longer active cannot take a post.
    QVERIFY(MemberRepository(m_store->store(), m_store->scope())
                .changeStatus(m_members.at(3), QStringLiteral("retained"), QString(), QDate(),
                              TestStore::actor(), &error));
    Cadre retired = cadreFor(m_members.at(3), m_base, QStringLiteral("committee-member"));
    const qint64 afterStatus = Outbox(m_store->store().connection()).pendingCount();
    QCOMPARE(afterStatus, afterGood + 2); // the member and its history event
    QVERIFY(!cadres.add(retired, TestStore::actor(), &error));
    QVERIFY2(error.contains(TestStore::sampleName(3)), qPrintable(error));
    QCOMPARE(Outbox(m_store->store().connection()).pendingCount(), afterStatus);
}

void TestCadres::committeeInRankOrder()
{
    CadreRepository cadres(m_store->store(), m_store->scope());
    QString error;
    const QStringList positions = {QStringLiteral("committee-member"), QStringLiteral("audit-chair"),
                                   QStringLiteral("chair"), QStringLiteral("vice-chair"),
                                   QStringLiteral("standing-vice-chair")};
    for (int i = 0; i < positions.size(); ++i) {
        Cadre c = cadreFor(m_members.at(i), m_base, positions.at(i));
        QVERIFY2(cadres.add(c, TestStore::actor(), &error), qPrintable(error));
    }
    const QList<Cadre> committee = cadres.ofOrganisation(m_base.id);
    QStringList order;
    for (const Cadre& c : committee)
        order.append(c.position);
    QCOMPARE(order, (QStringList{QStringLiteral("chair"), QStringLiteral("standing-vice-chair"),
                                 QStringLiteral("vice-chair"), QStringLiteral("committee-member"),
                                 QStringLiteral("audit-chair")}));
    QCOMPARE(committee.first().organisationName, m_base.name);
    QVERIFY(cadres.ofOrganisation(m_township.id).isEmpty());
}

void TestCadres::expiringAcrossTheSubtree()
{
    CadreRepository cadres(m_store->store(), m_store->scope());
    QString error;
    // Today is 2026-03-01.
    Cadre soon = cadreFor(m_members.at(0), m_base, QStringLiteral("chair"), QStringLiteral("2026-03-20"));
    Cadre today =
        cadreFor(m_members.at(1), m_township, QStringLiteral("vice-chair"), QStringLiteral("2026-03-01"));
    Cadre edge =
        cadreFor(m_otherMembers.at(0), m_other, QStringLiteral("chair"), QStringLiteral("2026-03-31"));
    Cadre later =
        cadreFor(m_members.at(2), m_base, QStringLiteral("vice-chair"), QStringLiteral("2026-04-01"));
    Cadre overdue =
        cadreFor(m_members.at(3), m_base, QStringLiteral("committee-member"), QStringLiteral("2026-02-28"));
    Cadre ended =
        cadreFor(m_members.at(4), m_base, QStringLiteral("committee-member"), QStringLiteral("2026-03-10"));
    for (Cadre* c : {&soon, &today, &edge, &later, &overdue, &ended})
        QVERIFY2(cadres.add(*c, TestStore::actor(), &error), qPrintable(error));
    QVERIFY2(cadres.endTerm(ended.id, QDate(2026, 2, 1), TestStore::actor(), &error), qPrintable(error));

    auto names = [](const QList<Cadre>& list) {
        QStringList out;
        for (const Cadre& c : list)
            out.append(c.id);
        return out;
    };
    QCOMPARE(names(cadres.expiring(30)), (QStringList{today.id, soon.id, edge.id}));
    QCOMPARE(names(cadres.expiring(0)), (QStringList{today.id}));
    QCOMPARE(names(cadres.expiring(30, true)), (QStringList{overdue.id, today.id, soon.id, edge.id}));
    QCOMPARE(names(cadres.expiring(31)).size(), 4);
    // The township sees its own subtree only.
    const CadreRepository township(m_store->store(),
                                   OrganisationRepository::scopeOf(m_store->store(), m_township.id));
    QCOMPARE(names(township.expiring(30)), (QStringList{today.id, soon.id}));
}

void TestCadres::endTerm()
{
    CadreRepository cadres(m_store->store(), m_store->scope());
    QString error;
    Cadre c = cadreFor(m_members.at(0), m_base, QStringLiteral("chair"));
    QVERIFY2(cadres.add(c, TestStore::actor(), &error), qPrintable(error));
    QVERIFY(!cadres.endTerm(c.id, QDate(2020, 1, 1), TestStore::actor(), &error)); // before the start
    QVERIFY2(cadres.endTerm(c.id, QDate(), TestStore::actor(), &error), qPrintable(error));
    QCOMPARE(cadres.find(c.id)->endedOn, QStringLiteral("2026-03-01"));
    QVERIFY(!cadres.endTerm(c.id, QDate(), TestStore::actor(), &error));
    QVERIFY(cadres.ofOrganisation(m_base.id).isEmpty());
    QCOMPARE(cadres.ofOrganisation(m_base.id, true).size(), 1);
    // The post is free again for a successor — the same person re-elected, too.
    Cadre again = cadreFor(m_members.at(0), m_base, QStringLiteral("chair"));
    QVERIFY2(cadres.add(again, TestStore::actor(), &error), qPrintable(error));
    const OutboxOperation op =
        Outbox(m_store->store().connection())
            .pending(1000)
            .at(static_cast<int>(Outbox(m_store->store().connection()).pendingCount()) - 2);
    QCOMPARE(op.fields, (QJsonObject{{QStringLiteral("endedOn"), QStringLiteral("2026-03-01")}}));
}

void TestCadres::flaggedWhenTheMemberLeaves()
{
    CadreRepository cadres(m_store->store(), m_store->scope());
    MemberRepository members(m_store->store(), m_store->scope());
    QString error;
    QList<Cadre> posts;
    for (int i = 0; i < 4; ++i) {
        Cadre c = cadreFor(m_members.at(i), m_base, QStringLiteral("committee-member"));
        QVERIFY2(cadres.add(c, TestStore::actor(), &error), qPrintable(error));
        posts.append(c);
    }
    QVERIFY(cadres.flagged().isEmpty());
    // 0 hung, 1 transferred to another union, 2 deleted, 3 stays.
    QVERIFY(members.changeStatus(m_members.at(0), QStringLiteral("hung"), QString(), QDate(),
                                 TestStore::actor(), &error));
    Member moved = *members.find(m_members.at(1));
    moved.organisationId = m_other.id;
    QVERIFY2(members.update(moved, TestStore::actor(), &error), qPrintable(error));
    QVERIFY(members.remove(m_members.at(2), TestStore::actor(), &error));
    const QList<FlaggedCadre> flagged = cadres.flagged();
    QCOMPARE(flagged.size(), 3);
    QHash<QString, QString> reasons;
    for (const FlaggedCadre& f : flagged)
        reasons.insert(f.cadre.id, f.reason);
    QVERIFY(reasons.contains(posts.at(0).id) && reasons.contains(posts.at(1).id) &&
            reasons.contains(posts.at(2).id));
    QVERIFY2(reasons.value(posts.at(1).id).contains(m_other.name), qPrintable(reasons.value(posts.at(1).id)));
    // An ended term is not flagged.
    QVERIFY(cadres.endTerm(posts.at(0).id, QDate(), TestStore::actor(), &error));
    QCOMPARE(cadres.flagged().size(), 2);
    // Scope: the other union's session does not see the base union's cadres.
    const CadreRepository other(m_store->store(),
                                OrganisationRepository::scopeOf(m_store->store(), m_other.id));
    QVERIFY(other.flagged().isEmpty());
}

void TestCadres::oneChairAtATime()
{
    CadreRepository cadres(m_store->store(), m_store->scope());
    QString error;
    // Today is 2026-03-01; the chair's term covers it.
    Cadre chair = cadreFor(m_members.at(0), m_base, QStringLiteral("chair"));
    QVERIFY2(cadres.add(chair, TestStore::actor(), &error), qPrintable(error));
    const qint64 before = Outbox(m_store->store().connection()).pendingCount();

    // A second chair now: refused, naming the chair in post, and nothing written.
    Cadre second = cadreFor(m_members.at(1), m_base, QStringLiteral("工会主席"));
    second.termStart = QStringLiteral("2025-01-01");
    QVERIFY(!cadres.add(second, TestStore::actor(), &error));
    QVERIFY2(error.startsWith(QStringLiteral("Position")), qPrintable(error));
    QVERIFY2(error.contains(TestStore::sampleName(0)), qPrintable(error));
    QVERIFY2(error.contains(m_base.name), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("2022-07-01")), qPrintable(error));
    // Also a chair who is no member, and one whose term would start later but overlap.
    Cadre outsider = second;
    outsider.memberId.clear();
    outsider.name = QStringLiteral("外聘主席");
    QVERIFY(!cadres.add(outsider, TestStore::actor(), &error));
    Cadre early = cadreFor(m_members.at(1), m_base, QStringLiteral("chair"), QString());
    early.termStart = QStringLiteral("2027-06-30");
    QVERIFY(!cadres.add(early, TestStore::actor(), &error));
    QCOMPARE(Outbox(m_store->store().connection()).pendingCount(), before);
    QCOMPARE(cadres.ofOrganisation(m_base.id).size(), 1);

    // Other posts, another union's chair and a successor elected for the next term are fine.
    Cadre vice = cadreFor(m_members.at(1), m_base, QStringLiteral("vice-chair"));
    QVERIFY2(cadres.add(vice, TestStore::actor(), &error), qPrintable(error));
    Cadre otherChair = cadreFor(m_otherMembers.at(0), m_other, QStringLiteral("chair"));
    QVERIFY2(cadres.add(otherChair, TestStore::actor(), &error), qPrintable(error));
    Cadre successor =
        cadreFor(m_members.at(2), m_base, QStringLiteral("chair"), QStringLiteral("2032-06-30"));
    successor.termStart = QStringLiteral("2027-07-01");
    QVERIFY2(cadres.add(successor, TestStore::actor(), &error), qPrintable(error));
    // A past chair whose term ran out long ago does not block anyone either.
    Cadre past = cadreFor(m_members.at(3), m_base, QStringLiteral("chair"), QStringLiteral("2022-06-30"));
    past.termStart = QStringLiteral("2017-07-01");
    QVERIFY2(cadres.add(past, TestStore::actor(), &error), qPrintable(error));

    // Once the chair's term is ended, a new chair may take the post today.
    QVERIFY2(cadres.endTerm(chair.id, QDate(2026, 3, 1), TestStore::actor(), &error), qPrintable(error));
    Cadre next = cadreFor(m_members.at(4), m_base, QStringLiteral("chair"), QStringLiteral("2027-06-30"));
    next.termStart = QStringLiteral("2026-03-01");
    QVERIFY2(cadres.add(next, TestStore::actor(), &error), qPrintable(error));
    QVERIFY(cadres.overlappingChair(second).has_value());
    QCOMPARE(cadres.overlappingChair(second)->id, next.id);
}

QTEST_GUILESS_MAIN(TestCadres)
#include "tst_cadres.moc"
