// RosterModel on a generated store bigger than its page cache (MaxCachedPages × PageSize rows),
// with the demo's realistic data: many members share a name, most share a status, so every page
// boundary falls inside a run of equal sort values and only the (value, local id) key keeps the
// pages apart. Every row the model shows is compared with a plain SQL query.

#include "demo/DemoGenerator.h"
#include "members/RosterModel.h"
#include "members/RosterQuery.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "store/Sql.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ud;

namespace {

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

QStringList expectedIds(const QSqlDatabase& db, const QString& condition, const QVariantList& values,
                        const QString& order, Qt::SortOrder direction)
{
    const QString dir = direction == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    return column(
        db,
        QStringLiteral("SELECT id FROM member WHERE deleted = 0 AND (%1) ORDER BY %2 %3, local_id %3")
            .arg(condition, order, dir),
        values);
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

QStringList modelIds(const RosterModel& model)
{
    QStringList out;
    out.reserve(model.rowCount());
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.memberIdAt(r));
    return out;
}

} // namespace

class TestRosterPaging : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void walkForwardAndBack();
    void randomJumps();
    void tiesAcrossPages_data();
    void tiesAcrossPages();
    void searchAndSubtree();
    void searchPlansAgree();
    void digitSearchPagesInEveryOrder();

private:
    QSqlDatabase db() const { return m_store->connection(); }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_store;
    Scope m_scope;
    qint64 m_members = 0;
};

void TestRosterPaging::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_store = Database::open(m_dir.filePath(QStringLiteral("demo.sqlite")),
                             Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(m_store, qPrintable(error));
    DemoGenerator::Options options;
    options.members = RosterModel::MaxCachedPages * RosterModel::PageSize + 1700;
    QVERIFY2(DemoGenerator::generate(*m_store, options, {}, &error), qPrintable(error));
    m_scope = OrganisationRepository::rootScope(*m_store);
    QVERIFY(m_scope.isValid());
    m_members =
        column(db(), QStringLiteral("SELECT count(*) FROM member WHERE deleted = 0")).first().toLongLong();
    QVERIFY(m_members > RosterModel::MaxCachedPages * RosterModel::PageSize);
}

void TestRosterPaging::cleanupTestCase()
{
    m_store.reset();
}

void TestRosterPaging::walkForwardAndBack()
{
    WatchedModel w;
    RosterModel& model = w.model;
    model.setSource(db(), m_scope);
    QCOMPARE(model.rowCount(), m_members);
    const QStringList expected =
        expectedIds(db(), QStringLiteral("1"), {}, QStringLiteral("name_key"), Qt::AscendingOrder);
    QCOMPARE(modelIds(model), expected);
    // Back up from the end, past the pages that were dropped from the cache on the way down.
    for (int r = int(expected.size()) - 1; r >= 0; --r)
        QVERIFY2(model.memberIdAt(r) == expected.at(r), qPrintable(QString::number(r)));
}

void TestRosterPaging::randomJumps()
{
    WatchedModel w;
    RosterModel& model = w.model;
    model.setSource(db(), m_scope);
    model.sort(RosterModel::JoinDateColumn, Qt::DescendingOrder);
    const QStringList expected =
        expectedIds(db(), QStringLiteral("1"), {}, QStringLiteral("join_date"), Qt::DescendingOrder);
    QRandomGenerator random(7);
    for (int i = 0; i < 2000; ++i) {
        const int r = int(random.bounded(quint32(expected.size())));
        QVERIFY2(model.memberIdAt(r) == expected.at(r), qPrintable(QString::number(r)));
    }
    for (int i = 0; i < 50; ++i) {
        const int r = int(random.bounded(quint32(expected.size())));
        QCOMPARE(model.rowOfMember(expected.at(r)), r);
    }
}

void TestRosterPaging::tiesAcrossPages_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("sqlColumn");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("status ascending")
        << int(RosterModel::StatusColumn) << QStringLiteral("status") << Qt::AscendingOrder;
    QTest::newRow("status descending")
        << int(RosterModel::StatusColumn) << QStringLiteral("status") << Qt::DescendingOrder;
    QTest::newRow("name descending") << int(RosterModel::NameColumn) << QStringLiteral("name_key")
                                     << Qt::DescendingOrder;
    QTest::newRow("mobile ascending")
        << int(RosterModel::MobileColumn) << QStringLiteral("mobile") << Qt::AscendingOrder;
}

void TestRosterPaging::tiesAcrossPages()
{
    QFETCH(int, column);
    QFETCH(QString, sqlColumn);
    QFETCH(Qt::SortOrder, order);
    WatchedModel w;
    RosterModel& model = w.model;
    model.setSource(db(), m_scope);
    model.sort(column, order);
    QCOMPARE(modelIds(model), expectedIds(db(), QStringLiteral("1"), {}, sqlColumn, order));
}

void TestRosterPaging::searchAndSubtree()
{
    // A township's subtree: its scope is not the whole store, so member rows are restricted by path.
    const QString township =
        column(db(),
               QStringLiteral(
                   "SELECT o.id FROM organisation o WHERE o.parent_id IS NOT NULL AND (SELECT "
                   "count(*) FROM member m JOIN organisation b ON b.id = m.organisation_id WHERE "
                   "b.path >= o.path AND b.path < substr(o.path, 1, length(o.path) - 1) || '0') BETWEEN 300 "
                   "AND 5000 ORDER BY o.path LIMIT 1"))
            .value(0);
    QVERIFY(!township.isEmpty());
    const Scope scope = OrganisationRepository::scopeOf(*m_store, township);
    QVERIFY(scope.isValid());
    const QString inScope =
        QStringLiteral("organisation_id IN (SELECT id FROM organisation WHERE path >= ? AND path < ?)");
    const QVariantList bounds{scope.path(), Scope::upperBound(scope.path())};

    WatchedModel w;
    RosterModel& model = w.model;
    model.setSource(db(), scope);
    QCOMPARE(modelIds(model),
             expectedIds(db(), inScope, bounds, QStringLiteral("name_key"), Qt::AscendingOrder));

    // The most common surname of the store, searched inside and outside the scope.
    const QString surname =
        column(db(), QStringLiteral("SELECT substr(name, 1, 1) FROM member WHERE deleted = 0 "
                                    "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"))
            .value(0);
    RosterFilter filter;
    filter.search = surname;
    model.setFilter(filter);
    QCOMPARE(modelIds(model),
             expectedIds(db(), inScope + QStringLiteral(" AND instr(name, ?) > 0"),
                         bounds + QVariantList{surname}, QStringLiteral("name_key"), Qt::AscendingOrder));
    model.setSource(db(), m_scope);
    const QStringList everywhere = expectedIds(db(), QStringLiteral("instr(name, ?) > 0"), {surname},
                                               QStringLiteral("name_key"), Qt::AscendingOrder);
    QVERIFY(everywhere.size() > 2 * RosterModel::PageSize);
    QCOMPARE(modelIds(model), everywhere);
    model.sort(RosterModel::NameColumn, Qt::DescendingOrder);
    QStringList reversed = everywhere;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(modelIds(model), reversed);
}

void TestRosterPaging::searchPlansAgree()
{
    // Every organisation with members below it, the whole store among them; the most common
    // surname and a two-character piece; both search plans, paged through, against plain SQL.
    const QStringList paths = column(db(), QStringLiteral("SELECT path FROM organisation ORDER BY path"));
    QVERIFY(paths.size() > 3);
    const QString surname =
        column(db(), QStringLiteral("SELECT substr(name, 1, 1) FROM member WHERE deleted = 0 "
                                    "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"))
            .value(0);
    const QString piece =
        column(db(), QStringLiteral("SELECT substr(name, 1, 2) FROM member WHERE deleted = 0 "
                                    "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"))
            .value(0);
    int compared = 0;
    for (const QString& path : paths) {
        for (const QString& text : {surname, piece}) {
            const QStringList expected = expectedIds(
                db(),
                QStringLiteral("organisation_id IN (SELECT id FROM organisation WHERE path >= ? "
                               "AND path < ?) AND instr(name, ?) > 0"),
                {path, Scope::upperBound(path), text}, QStringLiteral("name_key"), Qt::AscendingOrder);
            RosterFilter filter;
            filter.search = text;
            filter.organisationPath = path;
            for (const auto plan :
                 {RosterQuery::SearchPlan::NameIndexFirst, RosterQuery::SearchPlan::MemberFirst}) {
                const RosterQuery query(db(), m_scope, filter, RosterSort::Name, Qt::AscendingOrder, plan);
                QCOMPARE(query.count(), expected.size());
                QStringList ids;
                QList<RosterRow> rows = query.first(50);
                while (!rows.isEmpty()) {
                    for (const RosterRow& row : rows)
                        ids.append(row.id);
                    rows = query.after(RosterQuery::keyOf(rows.last()), 50);
                }
                QCOMPARE(ids, expected);
            }
            compared += expected.isEmpty() ? 0 : 1;
        }
    }
    QVERIFY(compared > 3);
}

void TestRosterPaging::digitSearchPagesInEveryOrder()
{
    // The last three digits shared by the most ID numbers or mobiles: paged forward in small pages,
    // in name order and in ID-number order, both ways, against plain SQL.
    const QString digits =
        column(db(), QStringLiteral("SELECT substr(id_number, 16, 3) FROM member WHERE deleted = 0 "
                                    "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"))
            .value(0);
    QCOMPARE(digits.size(), 3);
    const QString condition = QStringLiteral("(id_number LIKE ? OR mobile LIKE ? OR card_number LIKE ?)");
    const QVariantList values{QString(QLatin1Char('%') + digits), QString(QLatin1Char('%') + digits),
                              QString(digits + QLatin1Char('%'))};
    RosterFilter filter;
    filter.search = digits;
    for (const auto& [sort, column] : {std::pair{RosterSort::Name, QStringLiteral("name_key")},
                                       std::pair{RosterSort::IdNumber, QStringLiteral("id_number")}}) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const QStringList expected = expectedIds(db(), condition, values, column, order);
            QVERIFY(expected.size() > 5);
            const RosterQuery query(db(), m_scope, filter, sort, order);
            QCOMPARE(query.count(), expected.size());
            QStringList ids;
            QList<RosterRow> rows = query.first(3);
            while (!rows.isEmpty()) {
                for (const RosterRow& row : rows)
                    ids.append(row.id);
                rows = query.after(RosterQuery::keyOf(rows.last()), 3);
            }
            QCOMPARE(ids, expected);
        }
    }
}

QTEST_GUILESS_MAIN(TestRosterPaging)
#include "tst_rosterpaging.moc"
