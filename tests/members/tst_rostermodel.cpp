// RosterModel over RosterQuery on a store of a few thousand members, with QAbstractItemModelTester
// watching every model. Whatever the model shows is compared with a plain SQL query over the member
// table: rows deep in the table (read by keyset across pages), every sort, every kind of search,
// the filters, the scope, masking and the count after an edit.

#include "TestStore.h"
#include "audit/AuditLog.h"
#include "domain/CodeList.h"
#include "members/MemberRepository.h"
#include "members/RosterModel.h"
#include "organisations/OrganisationRepository.h"
#include "store/Sql.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QCollator>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace ud;
using ud::test::TestStore;

namespace {

constexpr int kA1Members = 900;
constexpr int kA2Members = 700;
constexpr int kBMembers = 700;
constexpr int kSampleMembers = kA1Members + kA2Members + kBMembers;

// Names with characters outside the BMP. 𠮷 (U+20BB7) and 𠮸 (U+20BB8) share their high surrogate,
// so a search that matched UTF-16 halves would confuse them.
const QString kJi = QStringLiteral("\U00020BB7");
const QString kJiNeighbour = QStringLiteral("\U00020BB8");

struct Sorting
{
    int column;
    const char* sql;
};
const Sorting kSortings[] = {
    {RosterModel::NameColumn, "name_key"},      {RosterModel::IdNumberColumn, "id_number"},
    {RosterModel::MobileColumn, "mobile"},      {RosterModel::CardNumberColumn, "card_number"},
    {RosterModel::JoinDateColumn, "join_date"}, {RosterModel::StatusColumn, "status"},
};

QStringList column(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    QStringList out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QString error;
    if (!sql::execBound(q, statement, values, &error)) {
        qWarning("%s", qPrintable(error));
        return {QStringLiteral("<error>")};
    }
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

// The member ids the SQL says a roster shows, in name order.
QStringList expectedIds(const QSqlDatabase& db, const QString& condition = QStringLiteral("1"),
                        const QVariantList& values = {}, const QString& order = QStringLiteral("name_key"),
                        Qt::SortOrder direction = Qt::AscendingOrder)
{
    const QString dir = direction == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    return column(
        db,
        QStringLiteral("SELECT id FROM member WHERE deleted = 0 AND (%1) ORDER BY %2 %3, local_id %3")
            .arg(condition, order, dir),
        values);
}

// Every row of the model, read the way a view reads it (row by row, through data()).
QStringList modelIds(const RosterModel& model)
{
    QStringList out;
    out.reserve(model.rowCount());
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.data(model.index(r, RosterModel::NameColumn), RosterModel::MemberIdRole).toString());
    return out;
}

QString subtreeCondition()
{
    return QStringLiteral("organisation_id IN (SELECT id FROM organisation WHERE path >= ? AND path < ?)");
}

// A model with a tester watching it for its whole life.
struct WatchedModel
{
    WatchedModel()
        : tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
    }
    RosterModel model;
    QAbstractItemModelTester tester;
};

} // namespace

class TestRosterModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void emptyModel();
    void rowCountIsTheMemberCount();
    void rowsDeepInTheTableMatchSql();
    void jumpsAndBackwardReadsMatchSql();
    void sorting_data();
    void sorting();
    void nameOrderIsPinyin();
    void unsortableColumnKeepsTheOrder();
    void search_data();
    void search();
    void searchOutsideTheBmp();
    void searchCombinedWithFilters();
    void filters_data();
    void filters();
    void scopeLimitsTheRoster();
    void rowOfMember();
    void displayValues();
    void maskedByDefault();
    void unmaskingIsLogged();
    void countFollowsEdits();

private:
    QSqlDatabase db() { return m_store->store().connection(); }
    void setUp(RosterModel& model) { model.setSource(db(), m_store->scope()); }
    QString memberId(int n) const { return m_ids.value(n); }

    std::unique_ptr<TestStore> m_store;
    Organisation m_streetA;
    Organisation m_a1;
    Organisation m_a2;
    Organisation m_b;
    QStringList m_ids; // by sample number
    QStringList m_rareIds;
    QString m_legacyId;
};

void TestRosterModel::initTestCase()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_streetA =
        m_store->addOrganisation(QStringLiteral("甲街道总工会"), QString(), QStringLiteral("township"));
    m_a1 = m_store->addOrganisation(QStringLiteral("甲一厂工会"), m_streetA.id);
    m_a2 = m_store->addOrganisation(QStringLiteral("甲二厂工会"), m_streetA.id);
    m_b = m_store->addOrganisation(QStringLiteral("乙厂工会"));
    QVERIFY2(!m_a1.id.isEmpty() && !m_a2.id.isEmpty() && !m_b.id.isEmpty(), qPrintable(m_store->error()));

    m_ids << m_store->addMembers(m_a1.id, kA1Members, 0);
    m_ids << m_store->addMembers(m_a2.id, kA2Members, kA1Members);
    m_ids << m_store->addMembers(m_b.id, kBMembers, kA1Members + kA2Members);
    QVERIFY2(m_ids.size() == kSampleMembers, qPrintable(m_store->error()));

    // Rare characters, a foreign name and a legacy ID number.
    const QStringList rare = {kJi + QStringLiteral("林"), QStringLiteral("王") + kJi,
                              QStringLiteral("李") + kJi + QStringLiteral("明"),
                              QStringLiteral("张") + kJiNeighbour, QStringLiteral("John Smith")};
    for (int i = 0; i < rare.size(); ++i) {
        Member m = TestStore::sampleMember(kSampleMembers + i, i % 2 ? m_a2.id : m_b.id);
        m.name = rare.at(i);
        QVERIFY2(m_store->addMember(m), qPrintable(m_store->error()));
        m_rareIds.append(m.id);
    }
    Member legacy = TestStore::sampleMember(kSampleMembers + 10, m_a1.id);
    legacy.idNumber = QStringLiteral("110105650304123");
    QVERIFY2(m_store->addMember(legacy), qPrintable(m_store->error()));
    m_legacyId = legacy.id;

    // Some members leave or keep their membership; a few are deleted.
    QString error;
    QVERIFY(sql::run(db(), QStringLiteral("UPDATE member SET status = 'withdrawn' WHERE local_id % 7 = 0"),
                     &error));
    QVERIFY(sql::run(db(), QStringLiteral("UPDATE member SET status = 'retained' WHERE local_id % 11 = 0"),
                     &error));
    MemberRepository repository(m_store->store(), m_store->scope());
    for (int n : {5, 500, 1500, 2200})
        QVERIFY2(repository.remove(memberId(n), TestStore::actor(), &error), qPrintable(error));
}

void TestRosterModel::cleanupTestCase()
{
    m_store.reset();
}

void TestRosterModel::emptyModel()
{
    WatchedModel w;
    QCOMPARE(w.model.rowCount(), 0);
    QCOMPARE(w.model.columnCount(), int(RosterModel::ColumnCount));
    QCOMPARE(w.model.rowOfMember(memberId(1)), -1);
    QCOMPARE(w.model.memberIdAt(0), QString());
    QVERIFY(!w.model.data(w.model.index(0, 0)).isValid());
    // A source without a scope shows nothing either.
    QSignalSpy counted(&w.model, &RosterModel::countChanged);
    w.model.setSource(db(), Scope());
    QCOMPARE(w.model.rowCount(), 0);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().first().toLongLong(), 0);
}

void TestRosterModel::rowCountIsTheMemberCount()
{
    WatchedModel w;
    QSignalSpy counted(&w.model, &RosterModel::countChanged);
    QSignalSpy reset(&w.model, &QAbstractItemModel::modelReset);
    setUp(w.model);
    const int expected =
        column(db(), QStringLiteral("SELECT count(*) FROM member WHERE deleted = 0")).first().toInt();
    QCOMPARE(expected, kSampleMembers + 6 - 4);
    QCOMPARE(w.model.rowCount(), expected);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().first().toLongLong(), qint64(expected));
    QCOMPARE(reset.size(), 1);
    // Setting the same filter again re-reads nothing.
    w.model.setFilter(RosterFilter());
    QCOMPARE(reset.size(), 1);
}

void TestRosterModel::rowsDeepInTheTableMatchSql()
{
    WatchedModel w;
    setUp(w.model);
    const QStringList expected = expectedIds(db());
    QCOMPARE(w.model.rowCount(), expected.size());
    // Every row, page after page, read in order as a scrolling view reads them.
    QCOMPARE(modelIds(w.model), expected);
    // The displayed name is the member's.
    for (int r : {0, 127, 128, 129, 1000, 2047, 2048, int(expected.size()) - 1}) {
        const QString name =
            column(db(), QStringLiteral("SELECT name FROM member WHERE id = ?"), {expected.at(r)}).value(0);
        QCOMPARE(w.model.data(w.model.index(r, RosterModel::NameColumn)).toString(), name);
        QCOMPARE(w.model.memberIdAt(r), expected.at(r));
    }
    // Outside the rows there is nothing.
    QCOMPARE(w.model.memberIdAt(int(expected.size())), QString());
    QCOMPARE(w.model.memberIdAt(-1), QString());
}

void TestRosterModel::jumpsAndBackwardReadsMatchSql()
{
    const QStringList expected = expectedIds(db());
    const int last = int(expected.size()) - 1;
    {
        // Jumps, as when the scrollbar is dragged: each reads the key at the page start once.
        WatchedModel w;
        setUp(w.model);
        for (int r : {last, last / 2, last / 2 - 1, 10 * RosterModel::PageSize,
                      10 * RosterModel::PageSize - 1, 7 * RosterModel::PageSize + 5, 0,
                      3 * RosterModel::PageSize - 1, last - RosterModel::PageSize}) {
            QCOMPARE(w.model.memberIdAt(r), expected.at(r));
        }
    }
    {
        // From the end to the top: each page is read as the rows before the page below it.
        WatchedModel w;
        setUp(w.model);
        for (int r = last; r >= 0; --r)
            QVERIFY2(w.model.memberIdAt(r) == expected.at(r), qPrintable(QString::number(r)));
    }
    {
        // Random access over the whole table.
        WatchedModel w;
        setUp(w.model);
        QRandomGenerator random(42);
        for (int i = 0; i < 500; ++i) {
            const int r = int(random.bounded(quint32(expected.size())));
            QVERIFY2(w.model.memberIdAt(r) == expected.at(r), qPrintable(QString::number(r)));
        }
    }
}

void TestRosterModel::sorting_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("sqlColumn");
    QTest::addColumn<Qt::SortOrder>("order");
    for (const Sorting& s : kSortings) {
        QTest::addRow("%s ascending", s.sql) << s.column << QString::fromLatin1(s.sql) << Qt::AscendingOrder;
        QTest::addRow("%s descending", s.sql)
            << s.column << QString::fromLatin1(s.sql) << Qt::DescendingOrder;
    }
}

void TestRosterModel::sorting()
{
    QFETCH(int, column);
    QFETCH(QString, sqlColumn);
    QFETCH(Qt::SortOrder, order);
    QVERIFY(RosterModel::isSortable(column));

    WatchedModel w;
    setUp(w.model);
    QSignalSpy reset(&w.model, &QAbstractItemModel::modelReset);
    w.model.sort(column, order);
    if (column != RosterModel::NameColumn || order != Qt::AscendingOrder)
        QCOMPARE(reset.size(), 1);
    const QStringList expected = expectedIds(db(), QStringLiteral("1"), {}, sqlColumn, order);
    QCOMPARE(w.model.rowCount(), expected.size());
    QCOMPARE(modelIds(w.model), expected);

    // The same order over the rows of a name search (read through the name pieces) …
    RosterFilter filter;
    filter.search = QStringLiteral("秀");
    w.model.setFilter(filter);
    const QStringList byName =
        expectedIds(db(), QStringLiteral("instr(name, '秀') > 0"), {}, sqlColumn, order);
    QVERIFY(byName.size() > RosterModel::PageSize);
    QCOMPARE(modelIds(w.model), byName);

    // … of a card-number prefix under a status filter (many pages) …
    filter.search = QStringLiteral("gh0");
    filter.status = QStringLiteral("active");
    w.model.setFilter(filter);
    const QStringList byCard = expectedIds(
        db(), QStringLiteral("card_number LIKE 'GH0%' AND status = 'active'"), {}, sqlColumn, order);
    QVERIFY(byCard.size() > RosterModel::PageSize);
    QCOMPARE(modelIds(w.model), byCard);

    // … and of a digit search (ID and mobile tails, card numbers) from three digits on.
    filter.search = QStringLiteral("01");
    filter.status.clear();
    w.model.setFilter(filter);
    QCOMPARE(modelIds(w.model),
             expectedIds(db(), QStringLiteral("card_number LIKE '01%'"), {}, sqlColumn, order)); // no tails
    filter.search = QStringLiteral("021");
    w.model.setFilter(filter);
    const QStringList byDigits = expectedIds(
        db(), QStringLiteral("id_number LIKE '%021' OR mobile LIKE '%021' OR card_number LIKE '021%'"), {},
        sqlColumn, order);
    QVERIFY(!byDigits.isEmpty());
    QCOMPARE(modelIds(w.model), byDigits);
}

void TestRosterModel::nameOrderIsPinyin()
{
    WatchedModel w;
    setUp(w.model);
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    QString previous;
    for (int r = 0; r < w.model.rowCount(); ++r) {
        const QString name = w.model.data(w.model.index(r, RosterModel::NameColumn)).toString();
        if (!previous.isEmpty())
            QVERIFY2(collator.compare(previous, name) <= 0,
                     qPrintable(QString(previous + QStringLiteral(" > ") + name)));
        previous = name;
    }
    // 陈 (chén) before 王 (wáng) before 张 (zhāng), although 张 U+5F20 < 王 U+738B < 陈 U+9648.
    const QStringList names =
        column(db(), QStringLiteral("SELECT substr(name, 1, 1) FROM member WHERE deleted = 0 "
                                    "AND substr(name, 1, 1) IN ('陈', '王', '张') GROUP BY 1 "
                                    "ORDER BY min(name_key)"));
    QCOMPARE(names, (QStringList{QStringLiteral("陈"), QStringLiteral("王"), QStringLiteral("张")}));
}

void TestRosterModel::unsortableColumnKeepsTheOrder()
{
    WatchedModel w;
    setUp(w.model);
    w.model.sort(RosterModel::JoinDateColumn, Qt::DescendingOrder);
    const QStringList before = modelIds(w.model);
    QSignalSpy reset(&w.model, &QAbstractItemModel::modelReset);
    for (int c : {int(RosterModel::GenderColumn), int(RosterModel::OrganisationColumn),
                  int(RosterModel::EmploymentFormColumn), int(RosterModel::VerifiedColumn)}) {
        QVERIFY(!RosterModel::isSortable(c));
        w.model.sort(c, Qt::AscendingOrder);
    }
    QCOMPARE(reset.size(), 0);
    QCOMPARE(modelIds(w.model), before);
    // Sorting again the same way reads nothing again.
    w.model.sort(RosterModel::JoinDateColumn, Qt::DescendingOrder);
    QCOMPARE(reset.size(), 0);
}

void TestRosterModel::search_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QVariantList>("values");
    QTest::addColumn<int>("exactly"); // -1: at least one

    const QString nameContains = QStringLiteral("instr(lower(name), lower(?)) > 0");
    // A run of digits (or ending in X) matches the end of an ID number or a mobile, or the start of a
    // card number.
    // (Each value is bound three times: Qt's SQLite driver has no numbered placeholders.)
    const QString digits =
        QStringLiteral("id_number LIKE '%' || ? OR mobile LIKE '%' || ? OR card_number LIKE ? || '%'");
    auto thrice = [](const QString& v) {
        return QVariantList{v, v, v};
    };

    QTest::newRow("1-char surname") << QStringLiteral("王") << nameContains
                                    << QVariantList{QStringLiteral("王")} << -1;
    QTest::newRow("1-char given name")
        << QStringLiteral("芳") << nameContains << QVariantList{QStringLiteral("芳")} << -1;
    QTest::newRow("2-char fragment") << QStringLiteral("秀英") << nameContains
                                     << QVariantList{QStringLiteral("秀英")} << -1;
    QTest::newRow("2-char across surname")
        << QStringLiteral("李秀") << nameContains << QVariantList{QStringLiteral("李秀")} << -1;
    QTest::newRow("3-char name") << QStringLiteral("王秀英") << nameContains
                                 << QVariantList{QStringLiteral("王秀英")} << -1;
    QTest::newRow("3-char fragment") << QStringLiteral("秀英二") << nameContains
                                     << QVariantList{QStringLiteral("秀英二")} << -1;
    QTest::newRow("padded") << QStringLiteral("  王秀英 ") << nameContains
                            << QVariantList{QStringLiteral("王秀英")} << -1;
    QTest::newRow("no such name") << QStringLiteral("诸葛") << nameContains
                                  << QVariantList{QStringLiteral("诸葛")} << 0;
    QTest::newRow("foreign name") << QStringLiteral("smith") << nameContains
                                  << QVariantList{QStringLiteral("smith")} << 1;
    QTest::newRow("foreign name, full")
        << QStringLiteral("John Smith") << nameContains << QVariantList{QStringLiteral("john smith")} << 1;

    const QString id = TestStore::sampleIdNumber(1234);
    QTest::newRow("full ID number") << id << QStringLiteral("id_number = ?") << QVariantList{id} << 1;
    QString fullWidth;
    for (const QChar c : id)
        fullWidth += c.isDigit() ? QChar(0xFF10 + c.digitValue()) : c;
    QTest::newRow("full-width ID number")
        << fullWidth << QStringLiteral("id_number = ?") << QVariantList{id} << 1;
    // A number ending in X, typed in lower case.
    int withX = 0;
    while (!TestStore::sampleIdNumber(withX).endsWith(QLatin1Char('X')) ||
           QList<int>{5, 500, 1500, 2200}.contains(withX))
        ++withX;
    const QString xId = TestStore::sampleIdNumber(withX);
    QTest::newRow("ID ending in x") << xId.toLower() << QStringLiteral("id_number = ?") << QVariantList{xId}
                                    << 1;
    QTest::newRow("last 4 of ID") << id.right(4) << digits << thrice(id.right(4)) << -1;
    QTest::newRow("last 6 of ID") << id.right(6) << digits << thrice(id.right(6)) << -1;
    QTest::newRow("last 4 ending in X") << xId.right(4).toLower() << digits << thrice(xId.right(4)) << -1;
    QTest::newRow("legacy 15-digit ID")
        << QStringLiteral("110105650304123") << QStringLiteral("id_number = ?")
        << QVariantList{TestStore::idNumber(QStringLiteral("110105"), QDate(1965, 3, 4), 123)} << 1;

    const QString mobile = TestStore::sampleMember(777, QString()).mobile;
    QTest::newRow("full mobile") << mobile << QStringLiteral("mobile = ?") << QVariantList{mobile} << 1;
    QTest::newRow("mobile with +86") << QString(QStringLiteral("+86 ") + mobile)
                                     << QStringLiteral("mobile = ?") << QVariantList{mobile} << 1;
    QTest::newRow("mobile tail") << mobile.right(4) << digits << thrice(mobile.right(4)) << -1;
    QTest::newRow("mobile tail 6") << mobile.right(6) << digits << thrice(mobile.right(6)) << -1;

    QTest::newRow("card number") << QStringLiteral("GH001234") << QStringLiteral("card_number = ?")
                                 << QVariantList{QStringLiteral("GH001234")} << 1;
    QTest::newRow("card number, lower case")
        << QStringLiteral("gh001234") << QStringLiteral("card_number = ?")
        << QVariantList{QStringLiteral("GH001234")} << 1;
    QTest::newRow("card number prefix")
        << QStringLiteral("GH0012") << QStringLiteral("card_number LIKE 'GH0012%'") << QVariantList{} << 100;
}

void TestRosterModel::search()
{
    QFETCH(QString, search);
    QFETCH(QString, condition);
    QFETCH(QVariantList, values);
    QFETCH(int, exactly);

    const QStringList expected = expectedIds(db(), condition, values);
    if (exactly >= 0)
        QCOMPARE(expected.size(), exactly);
    else
        QVERIFY(!expected.isEmpty());

    WatchedModel w;
    setUp(w.model);
    QSignalSpy counted(&w.model, &RosterModel::countChanged);
    RosterFilter filter;
    filter.search = search;
    w.model.setFilter(filter);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().first().toLongLong(), qint64(expected.size()));
    QCOMPARE(w.model.rowCount(), expected.size());
    QCOMPARE(modelIds(w.model), expected);
    // The same rows in reverse order (keyset reads backwards from the end).
    w.model.sort(RosterModel::NameColumn, Qt::DescendingOrder);
    QStringList reversed = expected;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(modelIds(w.model), reversed);
}

void TestRosterModel::searchOutsideTheBmp()
{
    WatchedModel w;
    setUp(w.model);
    RosterFilter filter;
    filter.search = kJi;
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowCount(), 3);
    QStringList found = modelIds(w.model);
    found.sort();
    QStringList expected = m_rareIds.mid(0, 3);
    expected.sort();
    QCOMPARE(found, expected);
    QCOMPARE(modelIds(w.model), expectedIds(db(), QStringLiteral("instr(name, ?) > 0"), {kJi}));
    for (int r = 0; r < 3; ++r)
        QVERIFY(w.model.data(w.model.index(r, RosterModel::NameColumn)).toString().contains(kJi));

    // The neighbour that shares the high surrogate is not among them, and is found on its own.
    filter.search = kJiNeighbour;
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowCount(), 1);
    QCOMPARE(w.model.memberIdAt(0), m_rareIds.at(3));
    // Two characters, one of them outside the BMP.
    filter.search = QStringLiteral("王") + kJi;
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowCount(), 1);
    QCOMPARE(w.model.memberIdAt(0), m_rareIds.at(1));
    filter.search = kJi + QStringLiteral("明");
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowCount(), 1);
    QCOMPARE(w.model.memberIdAt(0), m_rareIds.at(2));
    // Three characters, confirmed against the whole name.
    filter.search = QStringLiteral("李") + kJi + QStringLiteral("明");
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowCount(), 1);
    filter.search = QStringLiteral("李") + kJiNeighbour + QStringLiteral("明");
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowCount(), 0);
}

void TestRosterModel::searchCombinedWithFilters()
{
    WatchedModel w;
    setUp(w.model);
    RosterFilter filter;
    filter.search = QStringLiteral("王");
    filter.organisationPath = m_a2.path;
    filter.status = QStringLiteral("retained");
    w.model.setFilter(filter);
    const QStringList expected = expectedIds(
        db(), QStringLiteral("instr(name, '王') > 0 AND organisation_id = ? AND status = 'retained'"),
        {m_a2.id});
    QVERIFY(!expected.isEmpty());
    QCOMPARE(w.model.rowCount(), expected.size());
    QCOMPARE(modelIds(w.model), expected);

    filter = RosterFilter();
    filter.search = TestStore::sampleIdNumber(100).right(4);
    filter.organisationPath = m_b.path;
    w.model.setFilter(filter);
    QCOMPARE(modelIds(w.model),
             expectedIds(
                 db(),
                 QStringLiteral("(id_number LIKE '%' || ? OR mobile LIKE '%' || ? OR card_number LIKE ? || "
                                "'%') AND organisation_id = ?"),
                 {filter.search, filter.search, filter.search, m_b.id}));
}

void TestRosterModel::filters_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("form");
    QTest::addColumn<int>("verified");         // -1 any, 0, 1
    QTest::addColumn<QString>("organisation"); // "", "A", "A1", "A2", "B", "root"

    QTest::newRow("withdrawn") << QStringLiteral("withdrawn") << QString() << -1 << QString();
    QTest::newRow("active") << QStringLiteral("active") << QString() << -1 << QString();
    QTest::newRow("couriers") << QString() << QStringLiteral("courier") << -1 << QString();
    QTest::newRow("sanitation workers") << QString() << QStringLiteral("sanitation") << -1 << QString();
    QTest::newRow("no such form") << QString() << QStringLiteral("truck-driver") << -1 << QString();
    QTest::newRow("verified") << QString() << QString() << 1 << QString();
    QTest::newRow("not verified") << QString() << QString() << 0 << QString();
    QTest::newRow("street A subtree") << QString() << QString() << -1 << QStringLiteral("A");
    QTest::newRow("factory A1") << QString() << QString() << -1 << QStringLiteral("A1");
    QTest::newRow("factory B") << QString() << QString() << -1 << QStringLiteral("B");
    QTest::newRow("the root is everything") << QString() << QString() << -1 << QStringLiteral("root");
    QTest::newRow("all four") << QStringLiteral("active") << QStringLiteral("employee") << 0
                              << QStringLiteral("A1");
    QTest::newRow("retained couriers in A")
        << QStringLiteral("retained") << QStringLiteral("courier") << -1 << QStringLiteral("A");
}

void TestRosterModel::filters()
{
    QFETCH(QString, status);
    QFETCH(QString, form);
    QFETCH(int, verified);
    QFETCH(QString, organisation);

    RosterFilter filter;
    QStringList conditions{QStringLiteral("1")};
    QVariantList values;
    filter.status = status;
    if (!status.isEmpty()) {
        conditions << QStringLiteral("status = ?");
        values << status;
    }
    filter.employmentForm = form;
    if (!form.isEmpty()) {
        conditions << QStringLiteral("employment_form = ?");
        values << form;
    }
    if (verified >= 0) {
        filter.verified = verified == 1;
        conditions << QStringLiteral("verified = ?");
        values << verified;
    }
    const QHash<QString, QString> paths = {{QStringLiteral("A"), m_streetA.path},
                                           {QStringLiteral("A1"), m_a1.path},
                                           {QStringLiteral("A2"), m_a2.path},
                                           {QStringLiteral("B"), m_b.path},
                                           {QStringLiteral("root"), m_store->root().path}};
    if (!organisation.isEmpty()) {
        filter.organisationPath = paths.value(organisation);
        conditions << subtreeCondition();
        values << filter.organisationPath << Scope::upperBound(filter.organisationPath);
    }
    const QStringList expected = expectedIds(db(), conditions.join(QStringLiteral(" AND ")), values);
    if (form != QLatin1String("truck-driver"))
        QVERIFY(!expected.isEmpty());

    WatchedModel w;
    setUp(w.model);
    QSignalSpy counted(&w.model, &RosterModel::countChanged);
    w.model.setFilter(filter);
    QCOMPARE(w.model.filter(), filter);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().first().toLongLong(), qint64(expected.size()));
    QCOMPARE(w.model.rowCount(), expected.size());
    QCOMPARE(modelIds(w.model), expected);
    w.model.sort(RosterModel::CardNumberColumn, Qt::DescendingOrder);
    QCOMPARE(modelIds(w.model), expectedIds(db(), conditions.join(QStringLiteral(" AND ")), values,
                                            QStringLiteral("card_number"), Qt::DescendingOrder));
}

void TestRosterModel::scopeLimitsTheRoster()
{
    const Scope scopeA = OrganisationRepository::scopeOf(m_store->store(), m_streetA.id);
    QVERIFY(scopeA.isValid());
    const QString inA = subtreeCondition();
    const QVariantList bounds{m_streetA.path, Scope::upperBound(m_streetA.path)};

    WatchedModel w;
    w.model.setSource(db(), scopeA);
    const QStringList expected = expectedIds(db(), inA, bounds);
    QCOMPARE(expected.size(),
             kA1Members + kA2Members + 2 - 3 + 1); // two rare names and the legacy ID, 3 deleted
    QCOMPARE(w.model.rowCount(), expected.size());
    QCOMPARE(modelIds(w.model), expected);

    // A member of the sibling B is nowhere to be found, not even by its exact numbers.
    const QString theirs = memberId(kA1Members + kA2Members + 10);
    QCOMPARE(w.model.rowOfMember(theirs), -1);
    RosterFilter filter;
    filter.search = TestStore::sampleIdNumber(kA1Members + kA2Members + 10);
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowCount(), 0);
    filter.search = QStringLiteral("GH%1").arg(kA1Members + kA2Members + 10, 6, 10, QLatin1Char('0'));
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowCount(), 0);

    // A filter pointing outside the scope shows nothing rather than the other subtree.
    filter = RosterFilter();
    filter.organisationPath = m_b.path;
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowCount(), 0);
    filter.organisationPath = m_store->root().path;
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowCount(), 0);
    // Inside it, a sub-subtree.
    filter.organisationPath = m_a2.path;
    w.model.setFilter(filter);
    QCOMPARE(modelIds(w.model), expectedIds(db(), QStringLiteral("organisation_id = ?"), {m_a2.id}));

    // Searches stay in the scope.
    filter = RosterFilter();
    filter.search = QStringLiteral("王");
    w.model.setFilter(filter);
    const QStringList wang = expectedIds(db(), inA + QStringLiteral(" AND instr(name, '王') > 0"), bounds);
    QVERIFY(wang.size() < expectedIds(db(), QStringLiteral("instr(name, '王') > 0")).size());
    QCOMPARE(modelIds(w.model), wang);
    filter.search = QStringLiteral("李秀英");
    w.model.setFilter(filter);
    QCOMPARE(modelIds(w.model),
             expectedIds(db(), inA + QStringLiteral(" AND instr(name, '李秀英') > 0"), bounds));
    filter.status = QStringLiteral("withdrawn");
    filter.search.clear();
    w.model.setFilter(filter);
    QCOMPARE(modelIds(w.model), expectedIds(db(), inA + QStringLiteral(" AND status = 'withdrawn'"), bounds));
}

void TestRosterModel::rowOfMember()
{
    WatchedModel w;
    setUp(w.model);
    for (const Sorting& s : kSortings) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            w.model.sort(s.column, order);
            const QStringList expected =
                expectedIds(db(), QStringLiteral("1"), {}, QString::fromLatin1(s.sql), order);
            for (int n : {0, 1, 777, 1999, 2299}) {
                const int row = w.model.rowOfMember(memberId(n));
                QCOMPARE(row, int(expected.indexOf(memberId(n))));
                QCOMPARE(w.model.memberIdAt(row), memberId(n));
            }
        }
    }
    // Deleted, unknown and filtered-out members have no row.
    QCOMPARE(w.model.rowOfMember(memberId(500)), -1);
    QCOMPARE(w.model.rowOfMember(QStringLiteral("no-such-member")), -1);
    RosterFilter filter;
    filter.organisationPath = m_b.path;
    w.model.setFilter(filter);
    QCOMPARE(w.model.rowOfMember(memberId(0)), -1);
    QVERIFY(w.model.rowOfMember(memberId(kSampleMembers - 1)) >= 0);
    filter = RosterFilter();
    filter.search = QStringLiteral("王");
    w.model.setFilter(filter);
    w.model.sort(RosterModel::NameColumn, Qt::AscendingOrder);
    const QStringList wang = expectedIds(db(), QStringLiteral("instr(name, '王') > 0"));
    QCOMPARE(w.model.rowOfMember(wang.at(wang.size() / 2)), int(wang.size() / 2));
}

void TestRosterModel::displayValues()
{
    WatchedModel w;
    setUp(w.model);
    const int n = 1201; // in A2, a woman, not verified (1201 % 3 != 0), employment form "courier"
    const int row = w.model.rowOfMember(memberId(n));
    QVERIFY(row >= 0);
    QSqlQuery q(db());
    QVERIFY(sql::execBound(q,
                           QStringLiteral("SELECT status, join_date, card_number FROM member WHERE id = ?"),
                           {memberId(n)}, nullptr));
    QVERIFY(q.next());
    const QString status = q.value(0).toString();
    auto at = [&](int c, int role = Qt::DisplayRole) {
        return w.model.data(w.model.index(row, c), role);
    };
    QCOMPARE(at(RosterModel::NameColumn).toString(), TestStore::sampleName(n));
    QCOMPARE(at(RosterModel::GenderColumn).toString(), codes::gender().label(QStringLiteral("female")));
    QCOMPARE(at(RosterModel::OrganisationColumn).toString(), m_a2.name);
    QCOMPARE(at(RosterModel::EmploymentFormColumn).toString(),
             codes::employmentForm().label(TestStore::sampleMember(n, QString()).employmentForm));
    QCOMPARE(at(RosterModel::JoinDateColumn).toString(), q.value(1).toString());
    QCOMPARE(at(RosterModel::CardNumberColumn).toString(), QStringLiteral("GH001201"));
    QCOMPARE(at(RosterModel::StatusColumn).toString(), codes::memberStatus().label(status));
    QCOMPARE(at(RosterModel::VerifiedColumn).toString(), QStringLiteral("Not verified"));
    QCOMPARE(at(RosterModel::NameColumn, RosterModel::StatusKeyRole).toString(), status);
    QCOMPARE(at(RosterModel::NameColumn, RosterModel::MemberIdRole).toString(), memberId(n));
    QVERIFY(!at(RosterModel::NameColumn, Qt::EditRole).isValid());

    // Members who no longer count are greyed; active and retained ones are not.
    for (int r = 0; r < 300; ++r) {
        const QString key = w.model.data(w.model.index(r, 0), RosterModel::StatusKeyRole).toString();
        const QVariant colour = w.model.data(w.model.index(r, 0), Qt::ForegroundRole);
        if (key == QLatin1String("withdrawn"))
            QVERIFY(colour.canConvert<QBrush>() &&
                    colour.value<QBrush>().color() == QColor(0x80, 0x80, 0x80));
        else
            QVERIFY2(!colour.isValid(), qPrintable(key));
    }

    const QStringList headers = {QStringLiteral("Name"),         QStringLiteral("Gender"),
                                 QStringLiteral("ID number"),    QStringLiteral("Mobile"),
                                 QStringLiteral("Organisation"), QStringLiteral("Employment form"),
                                 QStringLiteral("Join date"),    QStringLiteral("Card number"),
                                 QStringLiteral("Status"),       QStringLiteral("Real name")};
    for (int c = 0; c < RosterModel::ColumnCount; ++c)
        QCOMPARE(w.model.headerData(c, Qt::Horizontal).toString(), headers.at(c));
}

void TestRosterModel::maskedByDefault()
{
    WatchedModel w;
    setUp(w.model);
    QVERIFY(!w.model.isUnmasked());
    for (int n : {0, 1234, 2299}) {
        const int row = w.model.rowOfMember(memberId(n));
        const Member sample = TestStore::sampleMember(n, QString());
        const QString id = TestStore::sampleIdNumber(n);
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
            QCOMPARE(w.model.data(w.model.index(row, RosterModel::IdNumberColumn), role).toString(),
                     QString(id.left(6) + QString(8, QLatin1Char('*')) + id.right(4)));
            QCOMPARE(w.model.data(w.model.index(row, RosterModel::MobileColumn), role).toString(),
                     QString(sample.mobile.left(3) + QStringLiteral("****") + sample.mobile.right(4)));
        }
    }
}

void TestRosterModel::unmaskingIsLogged()
{
    WatchedModel w;
    setUp(w.model);
    AuditLog log(db());
    const qint64 entries = log.count();
    const int row = w.model.rowOfMember(memberId(42));
    const QString id = TestStore::sampleIdNumber(42);
    const QString mobile = TestStore::sampleMember(42, QString()).mobile;

    QSignalSpy changed(&w.model, &QAbstractItemModel::dataChanged);
    QString error;
    QVERIFY2(w.model.setUnmasked(true, QStringLiteral("clerk-zhao"), &error), qPrintable(error));
    QVERIFY(w.model.isUnmasked());
    QCOMPARE(changed.size(), 1);
    const QModelIndex topLeft = changed.first().at(0).toModelIndex();
    const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), w.model.rowCount() - 1);
    QVERIFY(topLeft.column() <= RosterModel::IdNumberColumn &&
            bottomRight.column() >= RosterModel::MobileColumn);
    QCOMPARE(w.model.data(w.model.index(row, RosterModel::IdNumberColumn)).toString(), id);
    QCOMPARE(w.model.data(w.model.index(row, RosterModel::MobileColumn)).toString(), mobile);

    QCOMPARE(log.count(), entries + 1);
    const AuditEntry entry = log.entries().first(); // newest first
    QCOMPARE(entry.actor, QStringLiteral("clerk-zhao"));
    QCOMPARE(entry.action, AuditLog::Unmask);
    QCOMPARE(entry.recordId, m_store->root().id);
    QVERIFY2(entry.detail.contains(QString::number(w.model.rowCount())), qPrintable(entry.detail));

    // Switching on again changes nothing; switching off masks again without a log entry.
    QVERIFY(w.model.setUnmasked(true, QStringLiteral("clerk-zhao"), &error));
    QCOMPARE(changed.size(), 1);
    QVERIFY(w.model.setUnmasked(false));
    QCOMPARE(changed.size(), 2);
    QVERIFY(
        w.model.data(w.model.index(row, RosterModel::IdNumberColumn)).toString().contains(QLatin1Char('*')));
    QCOMPARE(log.count(), entries + 1);
    QCOMPARE(log.firstBrokenEntry(), 0);
}

void TestRosterModel::countFollowsEdits()
{
    // Runs on the shared store, so it undoes what it does.
    WatchedModel w;
    setUp(w.model);
    WatchedModel searching;
    setUp(searching.model);
    RosterFilter filter;
    filter.search = QStringLiteral("王");
    searching.model.setFilter(filter);
    const int before = w.model.rowCount();
    const int wangBefore = searching.model.rowCount();

    MemberRepository repository(m_store->store(), m_store->scope());
    Member m = TestStore::sampleMember(9000, m_a1.id);
    m.name = QStringLiteral("王新来");
    QString error;
    QVERIFY2(repository.add(m, TestStore::actor(), &error), qPrintable(error));

    QSignalSpy counted(&w.model, &RosterModel::countChanged);
    w.model.refresh();
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().first().toLongLong(), qint64(before + 1));
    QCOMPARE(w.model.rowCount(), before + 1);
    const int row = w.model.rowOfMember(m.id);
    QCOMPARE(row, int(expectedIds(db()).indexOf(m.id)));
    QCOMPARE(w.model.data(w.model.index(row, RosterModel::NameColumn)).toString(), QStringLiteral("王新来"));
    QCOMPARE(modelIds(w.model), expectedIds(db()));

    QSignalSpy searchCounted(&searching.model, &RosterModel::countChanged);
    searching.model.refresh();
    QCOMPARE(searchCounted.first().first().toLongLong(), qint64(wangBefore + 1));
    QVERIFY(searching.model.rowOfMember(m.id) >= 0);

    // Withdrawn members stay on the roster; the status filter follows.
    RosterFilter active;
    active.status = QStringLiteral("active");
    w.model.setFilter(active);
    const int activeBefore = w.model.rowCount();
    QVERIFY(repository.changeStatus(m.id, QStringLiteral("withdrawn"), QString(), QDate(), TestStore::actor(),
                                    &error));
    w.model.refresh();
    QCOMPARE(w.model.rowCount(), activeBefore - 1);
    QCOMPARE(w.model.rowOfMember(m.id), -1);

    // Deleting takes the member off every roster.
    QVERIFY(repository.remove(m.id, TestStore::actor(), &error));
    w.model.setFilter(RosterFilter());
    QCOMPARE(w.model.rowCount(), before);
    searching.model.refresh();
    QCOMPARE(searching.model.rowCount(), wangBefore);
    QCOMPARE(searching.model.rowOfMember(m.id), -1);
}

QTEST_GUILESS_MAIN(TestRosterModel)
#include "tst_rostermodel.moc"
