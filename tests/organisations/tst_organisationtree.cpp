// The organisation tree: a tree six levels deep, subtree counts (members by status, verified,
// new-employment forms, cadres) checked against a brute-force count over the member rows, edits of
// an organisation, and the scope rule — a repository, counter or request list built for one
// organisation never returns or changes a row of a sibling's subtree.

#include "TestStore.h"
#include "cadres/CadreRepository.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationRequestRepository.h"
#include "organisations/SubtreeCounts.h"
#include "store/Outbox.h"
#include "store/Sql.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using namespace ud;
using ud::test::TestStore;

namespace {

const QStringList kStatuses = {QStringLiteral("active"), QStringLiteral("retained"), QStringLiteral("hung"),
                               QStringLiteral("withdrawn"), QStringLiteral("deceased")};

// Counts worked out here from the member and cadre rows, without the tally.
SubtreeCounts bruteForce(const QSqlDatabase& db, const QString& path)
{
    SubtreeCounts counts;
    QSqlQuery q(db);
    q.exec(QStringLiteral(
        "SELECT o.path, m.status, m.employment_form, m.verified FROM member m JOIN organisation o "
        "ON o.id = m.organisation_id WHERE m.deleted = 0"));
    while (q.next()) {
        if (!q.value(0).toString().startsWith(path))
            continue;
        const QString status = q.value(1).toString();
        counts.membersByStatus[status] += 1;
        ++counts.members;
        if (status == QLatin1String("active")) {
            ++counts.active;
            counts.verifiedActive += q.value(3).toInt();
            const QString form = q.value(2).toString();
            if (form == QLatin1String("courier") || form == QLatin1String("food-delivery") ||
                form == QLatin1String("sanitation") || form == QLatin1String("ride-hailing") ||
                form == QLatin1String("truck-driver") || form == QLatin1String("construction"))
                ++counts.newEmploymentFormActive;
        }
    }
    QSqlQuery c(db);
    c.exec(QStringLiteral("SELECT o.path FROM cadre c JOIN organisation o ON o.id = c.organisation_id WHERE "
                          "c.deleted = 0 AND c.ended_on = ''"));
    while (c.next())
        counts.cadres += c.value(0).toString().startsWith(path) ? 1 : 0;
    return counts;
}

void compareCounts(const SubtreeCounts& actual, const SubtreeCounts& expected, const QString& what)
{
    QVERIFY2(actual.members == expected.members, qPrintable(what));
    QVERIFY2(actual.active == expected.active, qPrintable(what));
    QVERIFY2(actual.verifiedActive == expected.verifiedActive, qPrintable(what));
    QVERIFY2(actual.newEmploymentFormActive == expected.newEmploymentFormActive, qPrintable(what));
    QVERIFY2(actual.cadres == expected.cadres, qPrintable(what));
    for (auto it = expected.membersByStatus.constBegin(); it != expected.membersByStatus.constEnd(); ++it)
        QVERIFY2(actual.membersByStatus.value(it.key()) == it.value(),
                 qPrintable(what + QLatin1Char(' ') + it.key()));
}

qint64 outboxCount(Database& store)
{
    return Outbox(store.connection()).pendingCount();
}

} // namespace

class TestOrganisationTree : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void treeIsDeepAndOrdered();
    void subtreeCountsMatchBruteForce();
    void updateWritesOnlyChangedFields();
    void addValidatesFields();
    void searchByNameOrCode();
    void scopeNeverReachesASibling();

private:
    std::unique_ptr<TestStore> m_store;
    QList<Organisation> m_orgs; // root first, then every organisation added, parents before children
    Organisation m_left;        // the two subtrees under the root
    Organisation m_right;
};

void TestOrganisationTree::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_orgs = {m_store->root()};
    // Two branches, each a chain of depth 6 with a side union at every level.
    for (const QString& side : {QStringLiteral("甲"), QStringLiteral("乙")}) {
        QString parent = m_store->root().id;
        for (int depth = 1; depth <= 5; ++depth) {
            const QString level = depth == 5 ? QStringLiteral("base") : QStringLiteral("township");
            const Organisation chain =
                m_store->addOrganisation(QStringLiteral("%1%2级工会").arg(side).arg(depth), parent, level);
            QVERIFY2(!chain.id.isEmpty(), qPrintable(m_store->error()));
            const Organisation leaf =
                m_store->addOrganisation(QStringLiteral("%1%2级厂工会").arg(side).arg(depth), parent);
            QVERIFY2(!leaf.id.isEmpty(), qPrintable(m_store->error()));
            m_orgs << chain << leaf;
            if (depth == 1)
                (side == QStringLiteral("甲") ? m_left : m_right) = chain;
            parent = chain.id;
        }
    }
}

void TestOrganisationTree::treeIsDeepAndOrdered()
{
    const QList<Organisation> all = OrganisationRepository(m_store->store(), m_store->scope()).subtree();
    QCOMPARE(all.size(), m_orgs.size());
    int deepest = 0;
    QSet<QString> seen;
    for (const Organisation& o : all) {
        deepest = std::max(deepest, o.depth());
        // Parents before children.
        if (!o.parentId.isEmpty())
            QVERIFY2(seen.contains(o.parentId), qPrintable(o.name));
        seen.insert(o.id);
    }
    QVERIFY(deepest >= 6);
    const QList<Organisation> left =
        OrganisationRepository(m_store->store(), m_store->scope()).subtreeOf(m_left);
    QCOMPARE(left.size(), 9);
    for (const Organisation& o : left)
        QVERIFY(o.path.startsWith(m_left.path));
}

void TestOrganisationTree::subtreeCountsMatchBruteForce()
{
    Database& db = m_store->store();
    MemberRepository members(db, m_store->scope());
    CadreRepository cadres(db, m_store->scope());
    QRandomGenerator random(4242);
    QString error;
    for (int n = 0; n < 300; ++n) {
        const Organisation& home = m_orgs.at(random.bounded(m_orgs.size()));
        Member m = TestStore::sampleMember(n, home.id);
        QVERIFY2(members.add(m, TestStore::actor(), &error), qPrintable(error));
        const QString status = kStatuses.at(random.bounded(kStatuses.size()));
        if (status != QLatin1String("active"))
            QVERIFY2(members.changeStatus(m.id, status, QStringLiteral("测试"), QDate(), TestStore::actor(),
                                          &error),
                     qPrintable(error));
        if (n % 23 == 0)
            QVERIFY2(members.remove(m.id, TestStore::actor(), &error), qPrintable(error));
        else if (n % 11 == 0 && status == QLatin1String("active")) {
            Cadre c;
            c.memberId = m.id;
            c.organisationId = home.id;
            c.position = QStringLiteral("committee-member");
            c.termStart = QStringLiteral("2023-01-01");
            c.termEnd = QStringLiteral("2028-01-01");
            QVERIFY2(cadres.add(c, TestStore::actor(), &error), qPrintable(error));
            if (n % 3 == 0)
                QVERIFY2(cadres.endTerm(c.id, QDate(2024, 1, 1), TestStore::actor(), &error),
                         qPrintable(error));
        } else if (n % 17 == 0) {
            // A move between branches: the tally follows.
            Member moved = *members.find(m.id);
            moved.organisationId = m_orgs.at(random.bounded(m_orgs.size())).id;
            QVERIFY2(members.update(moved, TestStore::actor(), &error), qPrintable(error));
        }
    }
    const SubtreeCounter counter(db.connection(), m_store->scope());
    const QHash<QString, SubtreeCounts> all = counter.all(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(all.size(), m_orgs.size());
    qint64 seenCadres = 0;
    for (const Organisation& o : std::as_const(m_orgs)) {
        const SubtreeCounts expected = bruteForce(db.connection(), o.path);
        const std::optional<SubtreeCounts> one = counter.of(o.id, &error);
        QVERIFY2(one, qPrintable(error));
        compareCounts(*one, expected, QStringLiteral("of(%1)").arg(o.name));
        compareCounts(all.value(o.id), expected, QStringLiteral("all()[%1]").arg(o.name));
        seenCadres = std::max(seenCadres, expected.cadres);
    }
    QVERIFY(seenCadres > 0);
    const SubtreeCounts root = *counter.of(m_store->root().id);
    QVERIFY(root.active > 0 && root.active < root.members);
    QVERIFY(root.verifiedShare() > 0.0 && root.verifiedShare() < 1.0);
    QVERIFY(root.newEmploymentFormActive > 0);
}

void TestOrganisationTree::updateWritesOnlyChangedFields()
{
    Database& db = m_store->store();
    OrganisationRepository repository(db, m_store->scope());
    Organisation o = *repository.find(m_left.id);
    const qint64 before = outboxCount(db);
    QString error;
    QVERIFY2(repository.update(o, TestStore::actor(), &error), qPrintable(error)); // nothing changed
    QCOMPARE(outboxCount(db), before);
    o.address = QStringLiteral("广州市天河区某路1号");
    o.legalPersonNumber = QStringLiteral("工法证字第440106000123号");
    o.legalPersonRegisteredOn = QStringLiteral("2023-06-30");
    o.parentId = m_right.id; // not an edit: ignored
    QVERIFY2(repository.update(o, TestStore::actor(), &error), qPrintable(error));
    QCOMPARE(outboxCount(db), before + 1);
    const OutboxOperation op = Outbox(db.connection()).pending(1000).last();
    QCOMPARE(op.entity, entity::Organisation);
    QCOMPARE(op.recordId, m_left.id);
    const QStringList keys = op.fields.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
             (QSet<QString>{QStringLiteral("address"), QStringLiteral("legalPersonNumber"),
                            QStringLiteral("legalPersonRegisteredOn")}));
    const Organisation stored = *repository.find(m_left.id);
    QCOMPARE(stored.parentId, m_store->root().id);
    QCOMPARE(stored.path, m_left.path);
    QCOMPARE(stored.legalPersonRegisteredOn, QStringLiteral("2023-06-30"));

    // A bad value is refused with the field named, and nothing is written.
    Organisation bad = stored;
    bad.legalPersonRegisteredOn = QStringLiteral("2023-02-30");
    QVERIFY(!repository.update(bad, TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("Legal-person registration date")), qPrintable(error));
    bad = stored;
    bad.creditCode = QStringLiteral("81440106MC0000000X");
    QVERIFY(!repository.update(bad, TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("Unified social credit code")), qPrintable(error));
    QCOMPARE(outboxCount(db), before + 1);
}

void TestOrganisationTree::addValidatesFields()
{
    OrganisationRepository repository(m_store->store(), m_store->scope());
    QString error;
    Organisation o;
    o.parentId = m_left.id;
    o.name = QStringLiteral("丙厂工会");
    o.level = QStringLiteral("基层工会");
    o.kind = QStringLiteral("联合基层工会");
    QVERIFY2(repository.add(o, TestStore::actor(), &error), qPrintable(error));
    QCOMPARE(o.level, QStringLiteral("base"));
    QCOMPARE(o.kind, QStringLiteral("joint"));
    Organisation bad;
    bad.parentId = m_left.id;
    bad.name = QStringLiteral("丁厂工会");
    bad.level = QStringLiteral("galaxy");
    QVERIFY(!repository.add(bad, TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("Organisation level")), qPrintable(error));
    bad.level = QStringLiteral("base");
    bad.parentId = QStringLiteral("no-such-id");
    QVERIFY(!repository.add(bad, TestStore::actor(), &error));
    QVERIFY2(error.contains(QStringLiteral("Parent organisation")), qPrintable(error));
}

void TestOrganisationTree::searchByNameOrCode()
{
    OrganisationRepository repository(m_store->store(), m_store->scope());
    QCOMPARE(repository.search(QStringLiteral("甲3级")).size(), 2);
    QCOMPARE(repository.search(QStringLiteral("%")).size(), 0);
    Organisation o = *repository.find(m_right.id);
    // 91350100M000100Y43 is a published valid code (GB 32100 example).
    o.creditCode = QStringLiteral("91350100M000100Y43");
    QString error;
    QVERIFY2(repository.update(o, TestStore::actor(), &error), qPrintable(error));
    const QList<Organisation> byCode = repository.search(QStringLiteral("91350100"));
    QCOMPARE(byCode.size(), 1);
    QCOMPARE(byCode.first().id, m_right.id);
}

void TestOrganisationTree::scopeNeverReachesASibling()
{
    Database& db = m_store->store();
    QString error;
    // Members, a cadre and a request on each side.
    MemberRepository all(db, m_store->scope());
    const Organisation leftBase = m_orgs.at(4);
    const Organisation rightBase = m_orgs.at(14);
    QVERIFY(leftBase.path.startsWith(m_left.path));
    QVERIFY(rightBase.path.startsWith(m_right.path));
    QVERIFY(!m_store->addMembers(leftBase.id, 5, 0).isEmpty());
    const QStringList rightMembers = m_store->addMembers(rightBase.id, 5, 100);
    QVERIFY(!rightMembers.isEmpty());
    Cadre rightCadre;
    rightCadre.memberId = rightMembers.first();
    rightCadre.organisationId = rightBase.id;
    rightCadre.position = QStringLiteral("chair");
    rightCadre.termStart = QStringLiteral("2024-01-01");
    rightCadre.termEnd = QDate::currentDate().addDays(10).toString(Qt::ISODate);
    QVERIFY2(CadreRepository(db, m_store->scope()).add(rightCadre, TestStore::actor(), &error),
             qPrintable(error));
    const auto rightRequest =
        OrganisationRequestRepository(db, m_store->scope())
            .submitChange(rightBase.id, {{QStringLiteral("address"), QStringLiteral("x")}}, QString(),
                          TestStore::actor(), &error);
    QVERIFY2(rightRequest, qPrintable(error));

    const Scope left = OrganisationRepository::scopeOf(db, m_left.id);
    QVERIFY(left.isValid());
    OrganisationRepository organisations(db, left);
    const QList<Organisation> visible = organisations.subtree();
    QCOMPARE(visible.size(), 9);
    for (const Organisation& o : visible)
        QVERIFY2(o.path.startsWith(m_left.path), qPrintable(o.name));
    QVERIFY(!organisations.find(m_right.id));
    QVERIFY(!organisations.find(rightBase.id));
    QVERIFY(!organisations.find(m_store->root().id));
    QVERIFY(!organisations.resolve(rightBase.name, &error));
    QVERIFY(organisations.search(QStringLiteral("乙")).isEmpty());
    QVERIFY(organisations.children(m_right.id).isEmpty());

    // Writes into the sibling's subtree are refused and change nothing.
    const qint64 before = outboxCount(db);
    Organisation theirs = *OrganisationRepository(db, m_store->scope()).find(rightBase.id);
    theirs.name = QStringLiteral("被改名");
    QVERIFY(!organisations.update(theirs, TestStore::actor(), &error));
    Organisation child;
    child.parentId = rightBase.id;
    child.name = QStringLiteral("越权工会");
    child.level = QStringLiteral("base");
    QVERIFY(!organisations.add(child, TestStore::actor(), &error));
    OrganisationRequestRepository requests(db, left);
    QVERIFY(!requests.submitDissolve(rightBase.id, QString(), TestStore::actor(), &error));
    QVERIFY(!requests.approve(rightRequest->id, QString(), TestStore::actor(), &error));
    QVERIFY(!requests.find(rightRequest->id));
    QVERIFY(requests.list().isEmpty());
    QVERIFY(requests.history(rightBase.id).isEmpty());
    CadreRepository cadres(db, left);
    QVERIFY(cadres.ofOrganisation(rightBase.id).isEmpty());
    QVERIFY(cadres.expiring(365).isEmpty());
    QVERIFY(!cadres.find(rightCadre.id));
    QVERIFY(!cadres.endTerm(rightCadre.id, QDate(), TestStore::actor(), &error));
    Cadre intruder = rightCadre;
    QVERIFY(!cadres.add(intruder, TestStore::actor(), &error));
    QCOMPARE(outboxCount(db), before);
    QCOMPARE(OrganisationRepository(db, m_store->scope()).find(rightBase.id)->name, rightBase.name);

    // Counts: the sibling is neither reported nor counted.
    const SubtreeCounter counter(db.connection(), left);
    QVERIFY(!counter.of(m_right.id, &error));
    const QHash<QString, SubtreeCounts> counts = counter.all(&error);
    QCOMPARE(counts.size(), 9);
    QVERIFY(!counts.contains(m_right.id));
    QVERIFY(!counts.contains(m_store->root().id));
    QCOMPARE(counts.value(m_left.id).active, 5);
    QCOMPARE(counts.value(m_left.id).cadres, 0);
}

QTEST_GUILESS_MAIN(TestOrganisationTree)
#include "tst_organisationtree.moc"
