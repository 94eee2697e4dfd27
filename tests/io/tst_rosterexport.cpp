#include "TestStore.h"
#include "audit/AuditLog.h"
#include "domain/IdNumber.h"
#include "io/ImportPlan.h"
#include "io/RosterExport.h"
#include "io/RosterImport.h"
#include "io/SheetReader.h"
#include "members/MemberRepository.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ud;
using ud::test::TestStore;

class TstRosterExport : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void masksUnlessUnmaskedAndLogsEveryExport();
    void csvOpensInExcel();
    void exportsOneSubtree();
    void templateReadsBackAsAnEmptyRoster();
};

namespace {

QList<Member> addSample(TestStore& t, const QString& organisationId, int first, int count)
{
    QList<Member> members;
    for (int n = first; n < first + count; ++n) {
        Member m = TestStore::sampleMember(n, organisationId);
        m.education = n % 2 ? QStringLiteral("bachelor") : QStringLiteral("college");
        m.politicalStatus = QStringLiteral("masses");
        m.notes = QStringLiteral("备注，含逗号\"和引号\"");
        if (n == first)
            m.name = QString::fromUtf8("\xF0\xA0\xAE\xB7") + QStringLiteral("明"); // outside the BMP
        if (!t.addMember(m))
            return {};
        members.append(m);
    }
    return members;
}

} // namespace

void TstRosterExport::roundTrip_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("xlsx") << QStringLiteral("xlsx");
    QTest::newRow("csv") << QStringLiteral("csv");
}

void TstRosterExport::roundTrip()
{
    QFETCH(QString, suffix);
    TestStore from;
    QVERIFY2(from.isValid(), qPrintable(from.error()));
    const QList<Member> members = addSample(from, from.root().id, 0, 25);
    QCOMPARE(members.size(), 25);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("roster.") + suffix);
    RosterExport::Options options;
    options.unmasked = true;
    options.actor = TestStore::actor();
    options.title = from.root().name;
    int count = 0;
    QString error;
    QVERIFY2(RosterExport::write(path, from.store(), from.scope(), options, &count, &error),
             qPrintable(error));
    QCOMPARE(count, 25);

    Workbook workbook;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    TestStore to(QStringLiteral("另一区总工会"));
    QVERIFY(to.isValid());
    const ImportPlan plan =
        ImportPlan::build(workbook.sheets.at(choice->sheet), choice->map, to.store(), to.root().id);
    QCOMPARE(plan.rejectedCount(), 0);
    QCOMPARE(plan.warnings().size(), 0);
    int imported = 0;
    QVERIFY2(RosterImport::commit(plan, to.store(), to.scope(), TestStore::actor(), &imported, &error),
             qPrintable(error));
    QCOMPARE(imported, 25);
    MemberRepository repository(to.store(), to.scope());
    for (const Member& original : members) {
        const std::optional<Member> copy = repository.findByIdNumber(original.idNumber);
        QVERIFY2(copy, qPrintable(original.idNumber));
        QJsonObject a = original.toFields();
        QJsonObject b = copy->toFields();
        // Not in a roster: where the member belongs here, and the real-name verification record.
        for (const char* f : {"organisation", "verified", "verifiedMethod", "verifiedAt", "hardship"}) {
            a.remove(QLatin1String(f));
            b.remove(QLatin1String(f));
        }
        QCOMPARE(b, a);
    }
}

void TstRosterExport::masksUnlessUnmaskedAndLogsEveryExport()
{
    TestStore t;
    QVERIFY(t.isValid());
    const QList<Member> members = addSample(t, t.root().id, 100, 3);
    QCOMPARE(members.size(), 3);
    QTemporaryDir dir;
    AuditLog log(t.store().connection());
    const qint64 before = log.count();
    RosterExport::Options options;
    options.actor = QStringLiteral("张会计");
    QString error;
    int count = 0;
    const QString masked = dir.filePath(QStringLiteral("masked.csv"));
    QVERIFY2(RosterExport::write(masked, t.store(), t.scope(), options, &count, &error), qPrintable(error));
    QFile file(masked);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    for (const Member& m : members) {
        QVERIFY(!text.contains(m.idNumber));
        QVERIFY(!text.contains(m.mobile));
        QVERIFY(text.contains(IdNumber::masked(m.idNumber)));
    }
    QCOMPARE(log.count(), before + 1);
    QCOMPARE(log.entries(1).first().actor, QStringLiteral("张会计"));
    QVERIFY(log.entries(1).first().detail.contains(QStringLiteral("masked")));

    options.unmasked = true;
    const QString full = dir.filePath(QStringLiteral("full.xlsx"));
    QVERIFY2(RosterExport::write(full, t.store(), t.scope(), options, &count, &error), qPrintable(error));
    QCOMPARE(log.count(), before + 2);
    QCOMPARE(log.entries(1).first().action, AuditLog::Export);
    QVERIFY(log.entries(1).first().detail.contains(QStringLiteral("unmasked")));
    QCOMPARE(log.firstBrokenEntry(), 0);

    // The ID numbers are text cells, in full.
    Workbook workbook;
    QVERIFY(SheetReader::readFile(full, &workbook, &error));
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY(choice);
    const int idColumn = choice->map.columnOf(QStringLiteral("idNumber"));
    const Sheet& sheet = workbook.sheets.at(choice->sheet);
    QCOMPARE(sheet.rows.at(0).value(0).text.contains(QStringLiteral("roster")) ||
                 sheet.rows.at(0).value(0).text.contains(QStringLiteral("花名册")),
             true);
    QStringList ids;
    for (int r = choice->map.headerRow() + 1; r < sheet.rows.size(); ++r) {
        QCOMPARE(sheet.rows.at(r).value(idColumn).type, SheetCell::Type::Text);
        ids.append(sheet.rows.at(r).value(idColumn).text);
    }
    for (const Member& m : members)
        QVERIFY(ids.contains(m.idNumber));

    // An unknown suffix writes nothing and logs nothing.
    QVERIFY(!RosterExport::write(dir.filePath(QStringLiteral("x.pdf")), t.store(), t.scope(), options, &count,
                                 &error));
    QCOMPARE(log.count(), before + 2);
}

void TstRosterExport::csvOpensInExcel()
{
    TestStore t;
    QVERIFY(t.isValid());
    const QList<Member> members = addSample(t, t.root().id, 200, 2);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("roster.csv"));
    RosterExport::Options options;
    options.unmasked = true;
    QString error;
    int count = 0;
    QVERIFY2(RosterExport::write(path, t.store(), t.scope(), options, &count, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    // A tab in front of every ID number keeps Excel from turning it into a number.
    QVERIFY(bytes.contains(QByteArray(",\t" + members.first().idNumber.toUtf8() + ",")));
    QVERIFY(bytes.contains("\"备注，含逗号\"\"和引号\"\"\""));
    QVERIFY(bytes.contains("\r\n"));
}

void TstRosterExport::exportsOneSubtree()
{
    TestStore t;
    QVERIFY(t.isValid());
    const Organisation a = t.addOrganisation(QStringLiteral("甲厂工会"));
    const Organisation b = t.addOrganisation(QStringLiteral("乙厂工会"));
    QCOMPARE(addSample(t, a.id, 300, 3).size(), 3);
    QCOMPARE(addSample(t, b.id, 310, 4).size(), 4);
    QTemporaryDir dir;
    RosterExport::Options options;
    options.organisationPath = b.path;
    options.title = b.name;
    QString error;
    int count = 0;
    QVERIFY2(RosterExport::write(dir.filePath(QStringLiteral("b.xlsx")), t.store(), t.scope(), options,
                                 &count, &error),
             qPrintable(error));
    QCOMPARE(count, 4);
    options.organisationPath.clear();
    QVERIFY(RosterExport::write(dir.filePath(QStringLiteral("all.csv")), t.store(), t.scope(), options,
                                &count, &error));
    QCOMPARE(count, 7);
}

void TstRosterExport::templateReadsBackAsAnEmptyRoster()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("template.xlsx"));
    QString error;
    QVERIFY2(RosterExport::writeTemplate(path, &error), qPrintable(error));
    Workbook workbook;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 2);
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    QCOMPARE(choice->sheet, 0);
    for (const QString& field : HeaderMap::importableFields())
        QVERIFY2(choice->map.columnOf(field) >= 0, qPrintable(field));
    TestStore t;
    QVERIFY(t.isValid());
    const ImportPlan plan = ImportPlan::build(workbook.sheets.first(), choice->map, t.store(), t.root().id);
    QCOMPARE(plan.rows().size(), 0);
}

QTEST_GUILESS_MAIN(TstRosterExport)
#include "tst_rosterexport.moc"
