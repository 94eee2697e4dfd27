// Importing and exporting organisations through the roster importer's readers: parents named by
// name or code in any row order, levels from the column or the name, every refusal with its row and
// column, unions already in the store left alone, and the round trip export → import.

#include "TestStore.h"
#include "io/CsvReader.h"
#include "io/HeaderMap.h"
#include "io/OrganisationExport.h"
#include "io/OrganisationImport.h"
#include "io/SheetReader.h"
#include "io/XlsxWriter.h"
#include "organisations/OrganisationRepository.h"
#include "store/Sql.h"

#include <QSqlQuery>
#include <QTest>

using namespace ud;
using namespace ud::test;

namespace {

const QString kCodeA = QStringLiteral("91350100M000100Y43");
const QString kCodeB = QStringLiteral("81440106MC00000016");

OrganisationImport planOf(TestStore& t, const Sheet& sheet, const QString& parentId = QString())
{
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet, HeaderVocabulary::organisations());
    if (!map)
        return {};
    return OrganisationImport::plan(sheet, *map, t.store(), t.scope(),
                                    parentId.isEmpty() ? t.root().id : parentId);
}

Sheet csv(const QStringList& lines)
{
    return CsvReader::parse(lines.join(QLatin1Char('\n')));
}

const ImportProblem* problemAt(const OrganisationImport& plan, int row, const QString& field)
{
    for (const ImportProblem& p : plan.problems()) {
        if (p.row == row && p.field == field)
            return &p;
    }
    return nullptr;
}

// The tree below the root as "parent>name|level|kind|code|founded|headcount" lines, in path order.
QStringList treeOf(TestStore& t)
{
    QStringList out;
    OrganisationRepository repository(t.store(), t.scope());
    QHash<QString, QString> names;
    const QList<Organisation> all = repository.subtree();
    for (const Organisation& o : all)
        names.insert(o.id, o.name);
    for (const Organisation& o : all) {
        if (o.id == t.root().id)
            continue;
        out.append(QStringLiteral("%1>%2|%3|%4|%5|%6|%7")
                       .arg(names.value(o.parentId), o.name, o.level, o.kind, o.creditCode, o.foundedOn)
                       .arg(o.headcount));
    }
    out.sort();
    return out;
}

int count(TestStore& t, const QString& statement)
{
    QSqlQuery q(t.store().connection());
    return q.exec(statement) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TstOrganisationImport : public QObject
{
    Q_OBJECT

private slots:
    void readsATreeInAnyRowOrder();
    void everyRefusalNamesRowAndColumn();
    void refusedParentTakesItsChildren();
    void unionsAlreadyThereAreLeftAlone();
    void numericCodeCellIsRefused();
    void nothingIsWrittenUntilCommit();
    void exportThenImportGivesTheSameTree_data();
    void exportThenImportGivesTheSameTree();
};

void TstOrganisationImport::readsATreeInAnyRowOrder()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    // Title rows, a child above its parent, a parent named by code, Chinese labels, a guessed level.
    const OrganisationImport plan = planOf(
        t, csv({QStringLiteral("测试区工会组织信息表,,,,,,"), QStringLiteral("填报单位：测试区总工会,,,,,,"),
                QStringLiteral("工会名称,上级工会,层级,工会类型,统一社会信用代码,成立时间,职工人数"),
                QStringLiteral("红星机械厂工会,东风街道总工会,基层工会,企业工会,%1,2010年5月1日,320")
                    .arg(kCodeA),
                QStringLiteral("东风街道总工会,,,,%1,2001-3-4,").arg(kCodeB),
                QStringLiteral("东风小学工会,%1,基层,事业单位工会,,2015/9/1,45").arg(kCodeB),
                QStringLiteral("合计,共3个,,,,,")}));
    QCOMPARE(plan.rows().size(), 3);
    QCOMPARE(plan.validCount(), 3);
    QVERIFY(plan.errors().isEmpty());
    // The level of 东风街道总工会 was read from its name, and the clerk is told.
    const ImportProblem* guessed = problemAt(plan, 5, QStringLiteral("level"));
    QVERIFY(guessed && !guessed->error);
    int added = 0;
    QString error;
    QVERIFY2(plan.commit(t.store(), t.scope(), TestStore::actor(), &added, &error), qPrintable(error));
    QCOMPARE(added, 3);
    QCOMPARE(
        treeOf(t),
        (QStringList{
            QStringLiteral("东风街道总工会>东风小学工会|base|institution||2015-09-01|45"),
            QStringLiteral("东风街道总工会>红星机械厂工会|base|enterprise|%1|2010-05-01|320").arg(kCodeA),
            QStringLiteral("测试区总工会>东风街道总工会|township||%1|2001-03-04|0").arg(kCodeB),
        }));
}

void TstOrganisationImport::everyRefusalNamesRowAndColumn()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const OrganisationImport plan = planOf(
        t, csv({QStringLiteral("组织名称,上级组织,级别,类型,社会信用代码,建会时间,职工数"),
                QStringLiteral("甲厂工会,,基层工会,企业工会,91350100M000100Y44,,"), // 2: check character
                QStringLiteral("乙厂工会,,星球,,,,"),                               // 3: level
                QStringLiteral("丙厂工会,,,火箭,,,"),                               // 4: kind
                QStringLiteral("丁厂工会,,,,,2020-13-45,"),                         // 5: date
                QStringLiteral("戊厂工会,,,,,,很多"),                               // 6: headcount
                QStringLiteral("己厂工会,西风街道,,,,,"),                           // 7: unknown parent
                QStringLiteral(",,基层工会,,,,12"),                                 // 8: no name
                QStringLiteral("庚厂工会,,,,,,"),                                   // 9: fine
                QStringLiteral("庚厂工会,,,,,,")}));                                // 10: twice
    const QList<QPair<int, QString>> expected = {
        {2, QStringLiteral("creditCode")}, {3, QStringLiteral("level")},     {4, QStringLiteral("kind")},
        {5, QStringLiteral("foundedOn")},  {6, QStringLiteral("headcount")}, {7, QStringLiteral("parent")},
        {8, QStringLiteral("name")},       {10, QStringLiteral("name")},
    };
    QCOMPARE(plan.errors().size(), expected.size());
    for (const auto& [row, field] : expected) {
        const ImportProblem* p = problemAt(plan, row, field);
        QVERIFY2(p && p->error, qPrintable(QStringLiteral("row %1 %2").arg(row).arg(field)));
        QVERIFY(!p->reason.isEmpty());
        QVERIFY2(!p->column.isEmpty(), qPrintable(p->reason));
    }
    QCOMPARE(problemAt(plan, 7, QStringLiteral("parent"))->column, QStringLiteral("上级组织"));
    QCOMPARE(problemAt(plan, 7, QStringLiteral("parent"))->value, QStringLiteral("西风街道"));
    QCOMPARE(plan.validCount(), 1);
    QCOMPARE(plan.rejectedCount(), 8);
}

void TstOrganisationImport::refusedParentTakesItsChildren()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const OrganisationImport plan =
        planOf(t, csv({QStringLiteral("工会名称,上级工会,统一社会信用代码"),
                       QStringLiteral("坏街道工会,,91350100M000100Y44"), // refused
                       QStringLiteral("子工会,坏街道工会,"), QStringLiteral("孙工会,子工会,"),
                       QStringLiteral("甲工会,乙工会,"), QStringLiteral("乙工会,甲工会,"), // a cycle
                       QStringLiteral("好工会,,")}));
    QCOMPARE(plan.validCount(), 1);
    QVERIFY(problemAt(plan, 3, QStringLiteral("parent")));
    QVERIFY(problemAt(plan, 3, QStringLiteral("parent"))->reason.contains(QStringLiteral("2")));
    QVERIFY(problemAt(plan, 4, QStringLiteral("parent")));
    QVERIFY(problemAt(plan, 5, QStringLiteral("parent")));
    QVERIFY(problemAt(plan, 6, QStringLiteral("parent")));
    QVERIFY2(problemAt(plan, 5, QStringLiteral("parent"))->reason.contains(QStringLiteral("5, 6")),
             qPrintable(problemAt(plan, 5, QStringLiteral("parent"))->reason));
    int added = 0;
    QString error;
    QVERIFY2(plan.commit(t.store(), t.scope(), TestStore::actor(), &added, &error), qPrintable(error));
    QCOMPARE(added, 1);
    QCOMPARE(treeOf(t), QStringList{QStringLiteral("测试区总工会>好工会|base||||0")});
}

void TstOrganisationImport::unionsAlreadyThereAreLeftAlone()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const Organisation street =
        t.addOrganisation(QStringLiteral("东风街道总工会"), QString(), QStringLiteral("township"));
    QVERIFY(!street.id.isEmpty());
    const int before = count(t, QStringLiteral("SELECT count(*) FROM organisation"));
    // The root itself heads the list; the street exists; one union under it is new.
    const OrganisationImport plan = planOf(
        t, csv({QStringLiteral("工会名称,上级工会"), QStringLiteral("测试区总工会,"),
                QStringLiteral("东风街道总工会,测试区总工会"), QStringLiteral("新厂工会,东风街道总工会")}));
    QCOMPARE(plan.errors().size(), 0);
    QCOMPARE(plan.existingCount(), 2);
    QCOMPARE(plan.validCount(), 1);
    int added = 0;
    QString error;
    QVERIFY2(plan.commit(t.store(), t.scope(), TestStore::actor(), &added, &error), qPrintable(error));
    QCOMPARE(added, 1);
    QCOMPARE(count(t, QStringLiteral("SELECT count(*) FROM organisation")), before + 1);
    QCOMPARE(OrganisationRepository(t.store(), t.scope()).children(street.id).size(), 1);
}

void TstOrganisationImport::numericCodeCellIsRefused()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orgs.xlsx"));
    {
        XlsxWriter book(path);
        QVERIFY(book.addSheet(QStringLiteral("组织")));
        book.writeText(0, 0, QStringLiteral("工会名称"));
        book.writeText(0, 1, QStringLiteral("统一社会信用代码"));
        book.writeText(1, 0, QStringLiteral("数字代码工会"));
        book.writeNumber(1, 1, 813501001000100000.0);
        book.writeText(2, 0, QStringLiteral("文本代码工会"));
        book.writeText(2, 1, kCodeA, XlsxWriter::Style::Text);
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const auto choice = OrganisationImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    const OrganisationImport plan = OrganisationImport::plan(
        workbook.sheets.at(choice->first), choice->second, t.store(), t.scope(), t.root().id);
    QVERIFY(problemAt(plan, 2, QStringLiteral("creditCode")));
    QVERIFY(problemAt(plan, 2, QStringLiteral("creditCode"))->error);
    QCOMPARE(plan.validCount(), 1);
}

void TstOrganisationImport::nothingIsWrittenUntilCommit()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    const int organisations = count(t, QStringLiteral("SELECT count(*) FROM organisation"));
    const int outbox = count(t, QStringLiteral("SELECT count(*) FROM outbox"));
    const OrganisationImport plan =
        planOf(t, csv({QStringLiteral("工会名称,上级工会"), QStringLiteral("甲工会,"),
                       QStringLiteral("乙工会,甲工会")}));
    QCOMPARE(plan.validCount(), 2);
    QCOMPARE(count(t, QStringLiteral("SELECT count(*) FROM organisation")), organisations);
    int added = 0;
    QString error;
    QVERIFY2(plan.commit(t.store(), t.scope(), TestStore::actor(), &added, &error), qPrintable(error));
    // Each new union syncs like one typed in.
    QCOMPARE(count(t, QStringLiteral("SELECT count(*) FROM outbox")), outbox + 2);
}

void TstOrganisationImport::exportThenImportGivesTheSameTree_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("xlsx") << QStringLiteral("xlsx");
    QTest::newRow("csv") << QStringLiteral("csv");
}

void TstOrganisationImport::exportThenImportGivesTheSameTree()
{
    QFETCH(QString, suffix);
    TestStore source;
    QVERIFY2(source.isValid(), qPrintable(source.error()));
    const OrganisationImport built = planOf(
        source, csv({QStringLiteral("工会名称,上级工会,层级,工会类型,统一社会信用代码,成立日期,职工人数"),
                     QStringLiteral("东风街道总工会,,乡镇（街道）工会,,%1,2001-03-04,").arg(kCodeB),
                     QStringLiteral("机关工会,东风街道总工会,基层工会,事业单位工会,,,30"),
                     QStringLiteral("西风街道工会,,乡镇（街道）工会,,,,"),
                     QStringLiteral("机关工会,西风街道工会,基层工会,,,,12"),
                     QStringLiteral("红星机械厂工会,东风街道总工会,基层工会,企业工会,%1,2010-05-01,320")
                         .arg(kCodeA)}));
    QVERIFY(built.errors().isEmpty());
    int added = 0;
    QString error;
    QVERIFY2(built.commit(source.store(), source.scope(), TestStore::actor(), &added, &error),
             qPrintable(error));
    QCOMPARE(added, 5);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orgs.") + suffix);
    int written = 0;
    QVERIFY2(OrganisationExport::write(path, source.store(), source.scope(), source.root(), &written, &error),
             qPrintable(error));
    QCOMPARE(written, 6);

    TestStore target;
    QVERIFY2(target.isValid(), qPrintable(target.error()));
    Workbook workbook;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const auto choice = OrganisationImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    const OrganisationImport plan = OrganisationImport::plan(
        workbook.sheets.at(choice->first), choice->second, target.store(), target.scope(), target.root().id);
    QVERIFY(plan.errors().isEmpty());
    QCOMPARE(plan.existingCount(), 1); // the root heads the list
    QVERIFY2(plan.commit(target.store(), target.scope(), TestStore::actor(), &added, &error),
             qPrintable(error));
    QCOMPARE(added, 5);
    QCOMPARE(treeOf(target), treeOf(source));
}

QTEST_GUILESS_MAIN(TstOrganisationImport)
#include "tst_organisationimport.moc"
