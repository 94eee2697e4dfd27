#include "TestStore.h"
#include "audit/AuditLog.h"
#include "domain/IdNumber.h"
#include "io/ImportPlan.h"
#include "io/RosterExport.h"
#include "io/RosterImport.h"
#include "io/SheetReader.h"
#include "io/TableFileWriter.h"
#include "members/MemberRepository.h"
#include "members/MemberValidator.h"
#include "members/RosterModel.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <csignal>
#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#include <QTest>

using namespace ud;
using ud::test::TestStore;

class TstRosterExport : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void roundTripKeepsTheOrganisations();
    void namesSameNamedOrganisationsByTheirParents();
    void masksUnlessUnmaskedAndLogsEveryExport();
    void csvOpensInExcel();
    void exportsOneSubtree();
    void exportsTheRosterFilterInRosterOrder_data();
    void exportsTheRosterFilterInRosterOrder();
    void writesTheChosenColumnsOnly();
    void cancelLeavesNoFile_data();
    void cancelLeavesNoFile();
    void templateReadsBackAsAnEmptyRoster();
    void aFileThatCannotBeWrittenKeepsTheOldOne_data();
    void aFileThatCannotBeWrittenKeepsTheOldOne();
    void namesWhatIsWrongWithThePath();
};

namespace {

QList<Member> addSample(TestStore& t, const QString& organisationId, int first, int count)
{
    QList<Member> members;
    for (int n = first; n < first + count; ++n) {
        Member m = TestStore::sampleMember(n, organisationId);
        m.education = n % 2 ? QStringLiteral("bachelor") : QStringLiteral("college");
        m.politicalStatus = QStringLiteral("masses");
        m.hardship = n % 4 == 1;
        m.notes = QStringLiteral("备注，含逗号\"和引号\"");
        if (n == first)
            m.name = QString::fromUtf8("\xF0\xA0\xAE\xB7") + QStringLiteral("明"); // outside the BMP
        if (n == first + 1) {
            // Text a spreadsheet would run as a formula when it opens a CSV.
            m.notes = QStringLiteral("=HYPERLINK(\"http://example.invalid/\",\"点我\")");
            m.jobTitle = QStringLiteral("@SUM(1+1)");
        }
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
    // The roster says where its members were: 某区总工会, which this store does not hold.
    // Every row is listed, so that the problems workbook shows each to correct.
    QCOMPARE(plan.warnings().size(), 25);
    for (const ImportProblem& warning : plan.warnings()) {
        QCOMPARE(warning.field, QStringLiteral("organisation"));
        QCOMPARE(warning.value, from.root().name);
    }
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
        for (const char* f : {"organisation", "verified", "verifiedMethod", "verifiedAt"}) {
            a.remove(QLatin1String(f));
            b.remove(QLatin1String(f));
        }
        QCOMPARE(b, a);
    }
}

// A federation's roster over several unions, read back into a store with the same unions: every
// member returns to the union the 所在工会 column names. A name no union there bears is a warning,
// and those members stay with the union the import was made for.
void TstRosterExport::roundTripKeepsTheOrganisations()
{
    TestStore from;
    QVERIFY(from.isValid());
    const Organisation a = from.addOrganisation(QStringLiteral("甲公司工会"), from.root().id);
    const Organisation b = from.addOrganisation(QStringLiteral("乙公司工会"), from.root().id);
    const Organisation c = from.addOrganisation(QStringLiteral("丙公司工会"), from.root().id);
    QCOMPARE(addSample(from, a.id, 0, 3).size(), 3);
    QCOMPARE(addSample(from, b.id, 3, 2).size(), 2);
    QCOMPARE(addSample(from, c.id, 5, 2).size(), 2);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("roster.xlsx"));
    RosterExport::Options options;
    options.unmasked = true;
    options.actor = TestStore::actor();
    int count = 0;
    QString error;
    QVERIFY2(RosterExport::write(path, from.store(), from.scope(), options, &count, &error),
             qPrintable(error));
    QCOMPARE(count, 7);

    TestStore to;
    QVERIFY(to.isValid());
    const Organisation a2 = to.addOrganisation(QStringLiteral("甲公司工会"), to.root().id);
    const Organisation b2 = to.addOrganisation(QStringLiteral("乙 公司工会"), to.root().id); // a stray space
    Workbook workbook;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    const ImportPlan plan =
        ImportPlan::build(workbook.sheets.at(choice->sheet), choice->map, to.store(), to.root().id);
    QCOMPARE(plan.rejectedCount(), 0);
    QCOMPARE(plan.warnings().size(), 2);
    QCOMPARE(plan.warnings().first().field, QStringLiteral("organisation"));
    QCOMPARE(plan.warnings().first().value, QStringLiteral("丙公司工会"));
    QCOMPARE(plan.warnings().last().value, QStringLiteral("丙公司工会"));
    QVERIFY2(plan.warnings().first().reason.contains(QLatin1Char('2')),
             qPrintable(plan.warnings().first().reason));
    int imported = 0;
    QVERIFY2(RosterImport::commit(plan, to.store(), to.scope(), TestStore::actor(), &imported, &error),
             qPrintable(error));
    QCOMPARE(imported, 7);
    MemberRepository repository(to.store(), to.scope());
    QCOMPARE(repository.findByIdNumber(TestStore::sampleIdNumber(0))->organisationId, a2.id);
    QCOMPARE(repository.findByIdNumber(TestStore::sampleIdNumber(4))->organisationId, b2.id);
    QCOMPARE(repository.findByIdNumber(TestStore::sampleIdNumber(6))->organisationId, to.root().id);
}

// Every street office has its 机关工会: the bare name would be ambiguous on import, so the export
// writes those with their parents, and each member goes back where it was.
void TstRosterExport::namesSameNamedOrganisationsByTheirParents()
{
    TestStore from;
    QVERIFY(from.isValid());
    const Organisation east = from.addOrganisation(QStringLiteral("东街道工会"), from.root().id);
    const Organisation west = from.addOrganisation(QStringLiteral("西街道工会"), from.root().id);
    const Organisation eastOffice = from.addOrganisation(QStringLiteral("机关工会"), east.id);
    const Organisation westOffice = from.addOrganisation(QStringLiteral("机关工会"), west.id);
    QCOMPARE(addSample(from, eastOffice.id, 0, 2).size(), 2);
    QCOMPARE(addSample(from, westOffice.id, 2, 2).size(), 2);
    QCOMPARE(addSample(from, east.id, 4, 1).size(), 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("roster.csv"));
    RosterExport::Options options;
    options.unmasked = true;
    options.actor = TestStore::actor();
    int count = 0;
    QString error;
    QVERIFY2(RosterExport::write(path, from.store(), from.scope(), options, &count, &error),
             qPrintable(error));
    QCOMPARE(count, 5);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QCOMPARE(text.count(QStringLiteral(",东街道工会/机关工会")), 2);
    QCOMPARE(text.count(QStringLiteral(",西街道工会/机关工会")), 2);
    QCOMPARE(text.count(QStringLiteral(",东街道工会")), 3); // its own member: the name alone

    TestStore to;
    QVERIFY(to.isValid());
    const Organisation west2 = to.addOrganisation(QStringLiteral("西街道工会"), to.root().id);
    const Organisation westOffice2 = to.addOrganisation(QStringLiteral("机关工会"), west2.id);
    const Organisation east2 = to.addOrganisation(QStringLiteral("东街道工会"), to.root().id);
    const Organisation eastOffice2 = to.addOrganisation(QStringLiteral("机关工会"), east2.id);
    Workbook workbook;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    const ImportPlan plan =
        ImportPlan::build(workbook.sheets.at(choice->sheet), choice->map, to.store(), to.root().id);
    QCOMPARE(plan.rejectedCount(), 0);
    QVERIFY(plan.warnings().isEmpty());
    int imported = 0;
    QVERIFY2(RosterImport::commit(plan, to.store(), to.scope(), TestStore::actor(), &imported, &error),
             qPrintable(error));
    QCOMPARE(imported, 5);
    MemberRepository repository(to.store(), to.scope());
    QCOMPARE(repository.findByIdNumber(TestStore::sampleIdNumber(0))->organisationId, eastOffice2.id);
    QCOMPARE(repository.findByIdNumber(TestStore::sampleIdNumber(3))->organisationId, westOffice2.id);
    QCOMPARE(repository.findByIdNumber(TestStore::sampleIdNumber(4))->organisationId, east2.id);
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
        // The birth date would give the masked digits back: only its year is there.
        QCOMPARE(m.birthDate.size(), 10);
        QVERIFY(!text.contains(m.birthDate));
        QVERIFY(text.contains(QLatin1Char(',') + m.birthDate.left(4) + QLatin1Char(',')));
    }
    QCOMPARE(log.count(), before + 1);
    // So in a workbook: the year as text, no date cell.
    const QString maskedBook = dir.filePath(QStringLiteral("masked.xlsx"));
    QVERIFY2(RosterExport::write(maskedBook, t.store(), t.scope(), options, &count, &error),
             qPrintable(error));
    {
        Workbook workbook;
        QVERIFY2(SheetReader::readFile(maskedBook, &workbook, &error), qPrintable(error));
        const Sheet& sheet = workbook.sheets.first();
        const qsizetype column = [&] {
            const QList<SheetCell>& header = sheet.rows.at(2);
            for (qsizetype c = 0; c < header.size(); ++c) {
                if (header.at(c).text == MemberValidator::fieldLabel(QStringLiteral("birthDate")))
                    return c;
            }
            return qsizetype(-1);
        }();
        QVERIFY(column >= 0);
        QStringList years;
        for (qsizetype r = 3; r < sheet.rows.size(); ++r) {
            QCOMPARE(sheet.rows.at(r).value(column).type, SheetCell::Type::Text);
            years.append(sheet.rows.at(r).value(column).text);
        }
        QStringList expected;
        for (const Member& m : members)
            expected.append(m.birthDate.left(4));
        years.sort();
        expected.sort();
        QCOMPARE(years, expected);
    }
    QCOMPARE(log.count(), before + 2);
    QVERIFY(log.entries(1).first().detail.contains(QStringLiteral("masked")));
    QCOMPARE(log.entries(1).first().actor, QStringLiteral("张会计"));
    QVERIFY(log.entries(1).first().detail.contains(QStringLiteral("masked")));

    options.unmasked = true;
    const QString full = dir.filePath(QStringLiteral("full.xlsx"));
    QVERIFY2(RosterExport::write(full, t.store(), t.scope(), options, &count, &error), qPrintable(error));
    QCOMPARE(log.count(), before + 3);
    QCOMPARE(log.entries(1).first().action, AuditLog::Export);
    QVERIFY(log.entries(1).first().detail.contains(QStringLiteral("unmasked")));
    // Where the unmasked roster went, in full.
    QVERIFY2(log.entries(1).first().detail.contains(QDir::toNativeSeparators(full)),
             qPrintable(log.entries(1).first().detail));
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
    QCOMPARE(log.count(), before + 3);
}

void TstRosterExport::csvOpensInExcel()
{
    TestStore t;
    QVERIFY(t.isValid());
    QList<Member> members = addSample(t, t.root().id, 200, 2);
    {
        Member m = TestStore::sampleMember(203, t.root().id);
        m.cardNumber = QStringLiteral("000123");
        QVERIFY(t.addMember(m));
    }
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
    // …and only in front of what Excel would take for a number: not a name in a text column.
    QVERIFY(TableFileWriter::looksLikeANumber(QStringLiteral("0123")));
    QVERIFY(!TableFileWriter::looksLikeANumber(QStringLiteral("东街道工会")));
    QVERIFY(!TableFileWriter::looksLikeANumber(QStringLiteral("91440101MA5CXYZ12B")));
    QVERIFY(!TableFileWriter::looksLikeANumber(QStringLiteral("44010119900101123X")));
    // A passport number or a card number with leading zeros keeps them.
    QVERIFY(bytes.contains(",\t000123,"));
    QVERIFY(bytes.contains("\"备注，含逗号\"\"和引号\"\"\""));
    // Cells that look like formulas are kept text by an apostrophe (the import takes it off again:
    // roundTrip).
    QVERIFY(bytes.contains(",\"'=HYPERLINK(\"\"http://example.invalid/\"\",\"\"点我\"\")\""));
    QVERIFY(bytes.contains(",'@SUM(1+1),"));
    QVERIFY(!bytes.contains(",=HYPERLINK") && !bytes.contains(",\"=HYPERLINK"));
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

namespace {

// The ID numbers of an export read back, in the file's order (the header row found by its content).
QStringList exportedIdNumbers(const QString& path, QString* error)
{
    Workbook workbook;
    if (!SheetReader::readFile(path, &workbook, error))
        return {};
    const auto choice = RosterImport::chooseSheet(workbook, QString(), error);
    if (!choice)
        return {};
    const int column = choice->map.columnOf(QStringLiteral("idNumber"));
    const Sheet& sheet = workbook.sheets.at(choice->sheet);
    QStringList ids;
    for (int r = choice->map.headerRow() + 1; r < sheet.rows.size(); ++r)
        ids.append(sheet.rows.at(r).value(column).text.trimmed());
    return ids;
}

} // namespace

void TstRosterExport::exportsTheRosterFilterInRosterOrder_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<bool>("inA");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("employmentForm");
    QTest::addColumn<int>("verified"); // -1 any, 0 no, 1 yes
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("sortColumn");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<int>("expected");
    const auto name = RosterModel::NameColumn;
    // 王: n % 20 == 0; retained: n % 3 == 0; A holds 0..199, B 200..299.
    QTest::newRow("subtree, status and a name")
        << QStringLiteral("xlsx") << true << QStringLiteral("retained") << QString() << -1
        << QStringLiteral("王") << int(name) << Qt::AscendingOrder << 4;
    QTest::newRow("a name alone (name pieces first)")
        << QStringLiteral("csv") << false << QString() << QString() << -1 << QStringLiteral("王") << int(name)
        << Qt::AscendingOrder << 15;
    QTest::newRow("employment form and verified")
        << QStringLiteral("csv") << false << QString() << QStringLiteral("courier") << 1 << QString()
        << int(name) << Qt::AscendingOrder << 20;
    QTest::newRow("everyone by ID number, descending")
        << QStringLiteral("xlsx") << false << QString() << QString() << -1 << QString()
        << int(RosterModel::IdNumberColumn) << Qt::DescendingOrder << 300;
}

void TstRosterExport::exportsTheRosterFilterInRosterOrder()
{
    QFETCH(QString, suffix);
    QFETCH(bool, inA);
    QFETCH(QString, status);
    QFETCH(QString, employmentForm);
    QFETCH(int, verified);
    QFETCH(QString, search);
    QFETCH(int, sortColumn);
    QFETCH(Qt::SortOrder, order);
    QFETCH(int, expected);

    TestStore t;
    QVERIFY(t.isValid());
    const Organisation a = t.addOrganisation(QStringLiteral("甲厂工会"));
    const Organisation b = t.addOrganisation(QStringLiteral("乙厂工会"));
    for (int n = 0; n < 300; ++n) {
        Member m = TestStore::sampleMember(n, n < 200 ? a.id : b.id);
        if (n % 3 == 0)
            m.status = QStringLiteral("retained");
        QVERIFY2(t.addMember(m), qPrintable(t.error()));
    }

    RosterFilter filter;
    filter.organisationPath = inA ? a.path : QString();
    filter.status = status;
    filter.employmentForm = employmentForm;
    if (verified >= 0)
        filter.verified = verified == 1;
    filter.search = search;
    RosterModel model;
    model.setSource(t.store().connection(), t.scope());
    model.setFilter(filter);
    model.sort(sortColumn, order);
    QCOMPARE(model.rowCount(), expected);
    const MemberRepository members(t.store(), t.scope());
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown.append(members.find(model.memberIdAt(row))->idNumber);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("roster.") + suffix);
    RosterExport::Options options;
    options.filter = model.filter();
    options.sort = model.rosterSort();
    options.order = model.sortOrder();
    options.unmasked = true;
    options.actor = TestStore::actor();
    QList<QPair<int, int>> reports;
    int count = 0;
    QString error;
    QVERIFY2(RosterExport::write(path, t.store(), t.scope(), options, &count, &error,
                                 [&reports](int done, int total) {
                                     reports.append({done, total});
                                     return true;
                                 }),
             qPrintable(error));
    QCOMPARE(count, expected);
    QVERIFY(!reports.isEmpty());
    QCOMPARE(reports.last(), qMakePair(expected, expected));
    QCOMPARE(exportedIdNumbers(path, &error), shown);

    // The audit log says what was exported.
    const AuditEntry entry = AuditLog(t.store().connection()).entries(1).first();
    QVERIFY2(entry.detail.contains(QStringLiteral("%1 members").arg(expected)), qPrintable(entry.detail));
    if (!search.isEmpty())
        QVERIFY2(entry.detail.contains(search), qPrintable(entry.detail));
}

void TstRosterExport::writesTheChosenColumnsOnly()
{
    TestStore t;
    QVERIFY(t.isValid());
    const QList<Member> members = addSample(t, t.root().id, 400, 3);
    QCOMPARE(members.size(), 3);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("some.xlsx"));
    RosterExport::Options options;
    options.fields = {QStringLiteral("name"), QStringLiteral("mobile"), QStringLiteral("organisation")};
    int count = 0;
    QString error;
    QVERIFY2(RosterExport::write(path, t.store(), t.scope(), options, &count, &error), qPrintable(error));
    QCOMPARE(count, 3);
    Workbook workbook;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    const Sheet& sheet = workbook.sheets.first();
    QCOMPARE(sheet.rows.size(), 6); // title, subtitle, header, three members
    QStringList header;
    for (const SheetCell& cell : sheet.rows.at(2))
        header.append(cell.text);
    QCOMPARE(header, (QStringList{MemberValidator::fieldLabel(QStringLiteral("name")),
                                  MemberValidator::fieldLabel(QStringLiteral("mobile")),
                                  RosterExport::tr("Organisation")}));
    for (int r = 3; r < 6; ++r) {
        QVERIFY(sheet.rows.at(r).size() <= 3);
        QVERIFY(sheet.rows.at(r).value(1).text.contains(QLatin1Char('*'))); // masked
        QCOMPARE(sheet.rows.at(r).value(2).text, t.root().name);
    }

    // A column that does not exist writes nothing.
    options.fields = {QStringLiteral("name"), QStringLiteral("salary")};
    QVERIFY(!RosterExport::write(dir.filePath(QStringLiteral("bad.csv")), t.store(), t.scope(), options,
                                 &count, &error));
    QVERIFY(error.contains(QStringLiteral("salary")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("bad.csv"))));
}

void TstRosterExport::cancelLeavesNoFile_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("xlsx") << QStringLiteral("xlsx");
    QTest::newRow("csv") << QStringLiteral("csv");
}

void TstRosterExport::cancelLeavesNoFile()
{
    QFETCH(QString, suffix);
    TestStore t;
    QVERIFY(t.isValid());
    QCOMPARE(t.addMembers(t.root().id, 600).size(), 600);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("roster.") + suffix);
    AuditLog log(t.store().connection());
    const qint64 before = log.count();
    RosterExport::Options options;
    options.unmasked = true;
    int count = -1;
    QString error = QStringLiteral("not cleared");
    int calls = 0;
    QVERIFY(!RosterExport::write(path, t.store(), t.scope(), options, &count, &error,
                                 [&calls](int done, int total) {
                                     ++calls;
                                     return done < total / 2; // cancels half-way
                                 }));
    QCOMPARE(error, QString()); // cancelled, not failed
    QCOMPARE(count, 0);
    QVERIFY(calls >= 2);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    QCOMPARE(log.count(), before); // nothing left the store: nothing to log

    // A file already there stays as it was.
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();
    QVERIFY(!RosterExport::write(path, t.store(), t.scope(), options, &count, &error,
                                 [](int, int) { return false; }));
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("old"));

    // A folder that is not there is named, not only the file.
    const QString nowhere = dir.filePath(QStringLiteral("没有的文件夹/roster.") + suffix);
    QVERIFY(!RosterExport::write(nowhere, t.store(), t.scope(), options, &count, &error));
    QVERIFY2(error.contains(QStringLiteral("没有的文件夹")), qPrintable(error));
    QVERIFY(!RosterExport::writeTemplate(dir.filePath(QStringLiteral("没有的文件夹/template.xlsx")), &error));
    QVERIFY2(error.contains(QStringLiteral("没有的文件夹")), qPrintable(error));
    // A folder given as the file, with or without its slash: said to be a folder (it was ": give
    // the file the suffix", naming no file).
    for (const QString& folder : QStringList{dir.path(), dir.path() + QLatin1Char('/')}) {
        QVERIFY(!RosterExport::write(folder, t.store(), t.scope(), options, &count, &error));
        QVERIFY2(error.contains(QStringLiteral("is a folder")) && !error.contains(QStringLiteral("suffix")),
                 qPrintable(error));
    }
}

void TstRosterExport::templateReadsBackAsAnEmptyRoster()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("template.xlsx"));
    QString error;
    QVERIFY2(RosterExport::writeTemplate(path, &error), qPrintable(error));
    Workbook workbook;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    // The roster, its instructions, and the drop-down lists' values on a hidden sheet (a list typed
    // into the rule would be cut at a comma and at 255 characters: 民族 has 56 values).
    QCOMPARE(workbook.sheets.size(), 3);
    QVERIFY(!workbook.sheets.at(0).hidden);
    const auto hidden = std::find_if(workbook.sheets.cbegin(), workbook.sheets.cend(),
                                     [](const Sheet& sheet) { return sheet.hidden; });
    QVERIFY(hidden != workbook.sheets.cend());
    const Sheet& lists = *hidden;
    QVERIFY(lists.rows.size() >= 56);
    bool hasAllEthnicGroups = false;
    for (const SheetCell& cell : lists.rows.at(55))
        hasAllEthnicGroups = hasAllEthnicGroups || cell.text == QStringLiteral("基诺族");
    QVERIFY(hasAllEthnicGroups);
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    QCOMPARE(choice->sheet, 0);
    // Every field but the organisation (the template is one union's roster, imported into it) and
    // the columns of HR exports that only tell who is no member, and 是否农民工, which 户籍类型 holds.
    for (const QString& field : HeaderMap::importableFields())
        QVERIFY2(field == QLatin1String("organisation") || field == QLatin1String("unionMember") ||
                     field == QLatin1String("employeeStatus") || field == QLatin1String("migrantWorker") ||
                     choice->map.columnOf(field) >= 0,
                 qPrintable(field));
    TestStore t;
    QVERIFY(t.isValid());
    const ImportPlan plan = ImportPlan::build(workbook.sheets.first(), choice->map, t.store(), t.root().id);
    QCOMPARE(plan.rows().size(), 0);
    // Its text ID column and drop-down lists exist only in a workbook.
    const QString csv = dir.filePath(QStringLiteral("template.csv"));
    QVERIFY(!RosterExport::writeTemplate(csv, &error));
    QVERIFY2(error.contains(QStringLiteral(".xlsx")), qPrintable(error));
    QVERIFY(!QFile::exists(csv));
}

void TstRosterExport::aFileThatCannotBeWrittenKeepsTheOldOne_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("xlsx") << QStringLiteral("xlsx");
    QTest::newRow("csv") << QStringLiteral("csv");
}

// A disk that fills up while the roster is written: the export says so, the file that was there
// stays whole, and the audit log records no export that did not happen.
void TstRosterExport::aFileThatCannotBeWrittenKeepsTheOldOne()
{
#ifdef Q_OS_UNIX
    QFETCH(QString, suffix);
    TestStore t;
    QVERIFY(t.isValid());
    QCOMPARE(addSample(t, t.root().id, 0, 400).size(), 400);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("名册.") + suffix);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the roster exported last week");
    }
    AuditLog log(t.store().connection());
    RosterExport::Options options;
    options.unmasked = true;
    options.actor = TestStore::actor();
    QString error;
    int count = 0;
    // The size the export has when it can be written.
    const QString whole = dir.filePath(QStringLiteral("whole.") + suffix);
    QVERIFY2(RosterExport::write(whole, t.store(), t.scope(), options, &count, &error), qPrintable(error));
    const qint64 size = QFileInfo(whole).size();
    QVERIFY(QFile::remove(whole));
    const qint64 before = log.count();
    {
        // Files may not grow past half that for a while (as on a full disk): the write fails (EFBIG).
        const sighandler_t previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &limit), 0);
        const rlimit saved = limit;
        limit.rlim_cur = rlim_t(size / 2);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limit), 0);
        const bool written = RosterExport::write(path, t.store(), t.scope(), options, &count, &error);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);
        std::signal(SIGXFSZ, previous);
        QVERIFY(!written);
    }
    QVERIFY2(error.contains(QStringLiteral("名册.") + suffix), qPrintable(error));
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("the roster exported last week"));
    QCOMPARE(log.count(), before);
    // Nothing is left beside it either.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
#else
    QSKIP("needs a file size limit (POSIX)");
#endif
}

void TstRosterExport::namesWhatIsWrongWithThePath()
{
    QTemporaryDir dir;
    QString problem = TableFileWriter::folderProblem(dir.path() + QLatin1Char('/'));
    QVERIFY2(problem.contains(QStringLiteral("文件夹")) || problem.contains(QStringLiteral("folder")),
             qPrintable(problem));
    QVERIFY(!TableFileWriter::folderProblem(dir.path()).isEmpty());
    const QString file = dir.filePath(QStringLiteral("rt1.csv"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    problem = TableFileWriter::folderProblem(file + QStringLiteral("/x.csv"));
    QVERIFY2(problem.contains(QDir::toNativeSeparators(file)), qPrintable(problem));
    QVERIFY(TableFileWriter::folderProblem(dir.filePath(QStringLiteral("roster.csv"))).isEmpty());
}

QTEST_GUILESS_MAIN(TstRosterExport)
#include "tst_rosterexport.moc"
