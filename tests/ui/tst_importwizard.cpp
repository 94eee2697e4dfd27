#include "OfficeEncryption.h"
#include "TestStore.h"
#include "common/MessageBar.h"
#include "import/ColumnMappingModel.h"
#include "import/ImportFilePage.h"
#include "import/ImportMappingPage.h"
#include "import/ImportPreviewPage.h"
#include "import/ImportProblemModel.h"
#include "import/ImportProgressPage.h"
#include "import/ImportSheetPage.h"
#include "import/ImportSummaryPage.h"
#include "import/ImportWizard.h"
#include "import/MappingMemory.h"
#include "import/TaskProgress.h"
#include "io/RosterImport.h"
#include "io/SheetReader.h"
#include "io/XlsxWriter.h"
#include "mainwindow/MainWindow.h"
#include "members/MemberRepository.h"
#include "members/RosterModel.h"
#include "organisations/OrganisationCombo.h"
#include "roster/RosterView.h"
#include "store/Outbox.h"
#include "util/AppSettings.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ud;
using ud::test::TestStore;

class TestImportWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void mappingModelFollowsTheHeaderMap();
    void mappingMemoryKeysOnNormalisedHeaders();
    void walksEveryPageAndImports();
    void remembersTheCorrectedMapping();
    void unreadableFileStaysOnTheFirstPage();
    void asksForThePasswordToOpen();
    void cancellingTheCheckGoesBackToTheColumns();
    void cancellingTheImportWritesNothing();
    void mainWindowImportsAndRefreshes();

private:
    std::unique_ptr<TestStore> m_store;
    Organisation m_factory;
    QTemporaryDir m_dir;
    QString m_workbookPath;
};

namespace {

// Excel's 1-based rows of the fixture workbook's roster sheet.
constexpr int kBadIdRow = 6;
constexpr int kDuplicateRow = 7;
constexpr int kSharedMobileRow = 8;
constexpr int kCardColumn = 4; // 工号: not recognised, mapped by hand to the card number

QString badIdNumber()
{
    // A valid number with another check character.
    const QString good = TestStore::sampleIdNumber(102);
    return good.left(17) + (good.at(17) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1'));
}

// Two sheets: instructions without a header row first, then the roster under a merged title, with a
// damaged ID number, the same person twice, a mobile used twice, a blank row and a totals row.
bool writeWorkbook(const QString& path, QString* error)
{
    XlsxWriter book(path);
    if (!book.addSheet(QStringLiteral("填表说明")))
        return false;
    book.writeText(0, 0, QStringLiteral("请在“会员名单”中填写会员信息。"));
    book.writeText(1, 0, QStringLiteral("身份证号码请设为文本格式。"));
    if (!book.addSheet(QStringLiteral("会员名单")))
        return false;
    book.mergeText(0, 0, 5, QStringLiteral("XX公司工会会员花名册"));
    book.mergeText(1, 0, 5, QStringLiteral("填报单位：XX公司工会"), XlsxWriter::Style::Plain);
    const QStringList headers{QStringLiteral("序号"),       QStringLiteral("姓名"),
                              QStringLiteral("身份证号码"), QStringLiteral("手机号码"),
                              QStringLiteral("工号"),       QStringLiteral("入会时间")};
    for (int c = 0; c < headers.size(); ++c)
        book.writeText(2, c, headers.at(c), XlsxWriter::Style::Header);
    struct Row
    {
        QString name, id, mobile, card, joined;
    };
    const QList<Row> rows{
        {TestStore::sampleName(100), TestStore::sampleIdNumber(100), QStringLiteral("13800000001"),
         QStringLiteral("GH001"), QStringLiteral("2020-01-05")},
        {TestStore::sampleName(101), TestStore::sampleIdNumber(101), QStringLiteral("13800000002"),
         QStringLiteral("GH002"), QStringLiteral("2020/1/5")},
        {TestStore::sampleName(102), badIdNumber(), QStringLiteral("13800000003"), QStringLiteral("GH003"),
         QStringLiteral("2020-01-05")},
        {TestStore::sampleName(100), TestStore::sampleIdNumber(100), QStringLiteral("13800000004"),
         QStringLiteral("GH004"), QStringLiteral("2020-01-05")},
        {TestStore::sampleName(103), TestStore::sampleIdNumber(103), QStringLiteral("13800000002"),
         QStringLiteral("GH005"), QStringLiteral("2020年1月5日")},
    };
    int r = 3;
    for (const Row& row : rows) {
        book.writeNumber(r, 0, r - 2);
        book.writeText(r, 1, row.name);
        book.writeText(r, 2, row.id, XlsxWriter::Style::Text);
        book.writeText(r, 3, row.mobile);
        book.writeText(r, 4, row.card);
        book.writeText(r, 5, row.joined);
        ++r;
    }
    ++r; // a blank row
    book.writeText(r, 0, QStringLiteral("合计：5人"));
    return book.close(error);
}

// A one-sheet CSV roster of `count` valid members sampleMember(first …), under a title row.
bool writeCsv(const QString& path, int first, int count)
{
    QString text = QStringLiteral("XX公司工会会员花名册,,,\r\n姓名,身份证号码,手机号码,入会时间\r\n");
    for (int n = first; n < first + count; ++n) {
        const Member m = TestStore::sampleMember(n, QString());
        text += QStringLiteral("%1,%2,%3,%4\r\n").arg(m.name, m.idNumber, m.mobile, m.joinDate);
    }
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) > 0;
}

const ImportProblem* problemAt(const ImportProblemModel* model, int row, const QString& field)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->problemAt(i).row == row && model->problemAt(i).field == field)
            return &model->problemAt(i);
    }
    return nullptr;
}

QComboBox* fieldCombo(ImportMappingPage* page, int column)
{
    return qobject_cast<QComboBox*>(
        page->table()->indexWidget(page->model()->index(column, ColumnMappingModel::FieldColumn)));
}

} // namespace

void TestImportWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_importwizard"));
    QSettings().clear();
    AppSettings::instance().setValue(AppSettings::Key::ImportMappings, QVariantMap());
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_factory = m_store->addOrganisation(QStringLiteral("甲厂工会"));
    QVERIFY2(!m_factory.id.isEmpty(), qPrintable(m_store->error()));
    QVERIFY(m_dir.isValid());
    m_workbookPath = m_dir.filePath(QStringLiteral("花名册.xlsx"));
    QString error;
    QVERIFY2(writeWorkbook(m_workbookPath, &error), qPrintable(error));
}

void TestImportWizard::mappingModelFollowsTheHeaderMap()
{
    Workbook book;
    QString error;
    QVERIFY2(SheetReader::readFile(m_workbookPath, &book, &error), qPrintable(error));
    const Sheet& sheet = book.sheets.at(1);
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    QVERIFY(map);
    ColumnMappingModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSheet(sheet, *map);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.fieldsByColumn(),
             (QStringList{QString(), QStringLiteral("name"), QStringLiteral("idNumber"),
                          QStringLiteral("mobile"), QString(), QStringLiteral("joinDate")}));
    QVERIFY(
        model.index(1, ColumnMappingModel::HeaderColumn).data().toString().contains(QStringLiteral("姓名")));
    QVERIFY(model.index(1, ColumnMappingModel::SamplesColumn)
                .data()
                .toString()
                .contains(TestStore::sampleName(100)));
    QVERIFY(model.missingRequiredFields().isEmpty());

    // A field chosen for a second column leaves the first.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(kCardColumn, ColumnMappingModel::FieldColumn), QStringLiteral("name")));
    QCOMPARE(model.fieldsByColumn().at(kCardColumn), QStringLiteral("name"));
    QCOMPARE(model.fieldsByColumn().at(1), QString());
    QVERIFY(!changed.isEmpty());
    QVERIFY(!model.setField(0, QStringLiteral("no-such-field")));
    QCOMPARE(model.missingRequiredFields(), QStringList());
    QVERIFY(model.setField(kCardColumn, QString()));
    QCOMPARE(model.missingRequiredFields(), QStringList{QStringLiteral("name")});
    QCOMPARE(HeaderMap::columnLetter(0), QStringLiteral("A"));
    QCOMPARE(HeaderMap::columnLetter(27), QStringLiteral("AB"));

    ImportProblemModel problems;
    QAbstractItemModelTester problemTester(&problems, QAbstractItemModelTester::FailureReportingMode::QtTest);
    problems.setProblems({{6, QStringLiteral("idNumber"), QStringLiteral("身份证号码"), QStringLiteral("x"),
                           QStringLiteral("bad"), true}});
    QCOMPARE(problems.rowCount(), 1);
    QCOMPARE(problems.index(0, ImportProblemModel::RowColumn).data().toInt(), 6);

    // A column read where another is empty (手机号码2 beside 手机号码1) says so, not "Not imported".
    Sheet phones;
    phones.rows = {
        {SheetCell::fromText(QStringLiteral("姓名")), SheetCell::fromText(QStringLiteral("身份证号码")),
         SheetCell::fromText(QStringLiteral("手机号码1")), SheetCell::fromText(QStringLiteral("手机号码2")),
         SheetCell::fromText(QStringLiteral("工号"))}};
    ColumnMappingModel phoneModel;
    phoneModel.setSheet(phones, *HeaderMap::detect(phones));
    const QString second = phoneModel.index(3, ColumnMappingModel::FieldColumn).data().toString();
    QVERIFY2(second.contains(QStringLiteral("C")) && second.contains(QStringLiteral("notes")),
             qPrintable(second));
    QCOMPARE(phoneModel.index(4, ColumnMappingModel::FieldColumn).data().toString(),
             QStringLiteral("Not imported"));
}

void TestImportWizard::mappingMemoryKeysOnNormalisedHeaders()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    MappingMemory memory(settings);
    const QStringList headers{QStringLiteral("姓名"), QStringLiteral("工号")};
    const QStringList automatic{QStringLiteral("name"), QString()};
    const QStringList corrected{QStringLiteral("name"), QStringLiteral("cardNumber")};
    QVERIFY(!memory.recall(headers));
    memory.remember(headers, corrected, automatic);
    // Spaces, full-width letters and trailing unnamed columns do not make another file.
    const std::optional<QStringList> again =
        memory.recall({QStringLiteral(" 姓 名 "), QStringLiteral("工号"), QString()});
    QVERIFY(again);
    QCOMPARE(*again, corrected);
    QVERIFY(!memory.recall({QStringLiteral("姓名"), QStringLiteral("工号"), QStringLiteral("备注")}));
    QCOMPARE(MappingMemory::keyFor({QStringLiteral("ＩＤ")}), MappingMemory::keyFor({QStringLiteral("id")}));
    // Back to the automatic mapping: nothing is kept.
    memory.remember(headers, automatic, automatic);
    QVERIFY(!memory.recall(headers));
}

void TestImportWizard::walksEveryPageAndImports()
{
    const qint64 pendingBefore = Outbox(m_store->store().connection()).pendingCount();
    ImportWizard wizard(m_store->store(), m_store->scope(), m_factory.id, AppSettings::instance());
    QSignalSpy imported(&wizard, &ImportWizard::membersImported);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));
    ImportFilePage* file = wizard.filePage();
    QCOMPARE(file->organisationCombo()->organisationId(), m_factory.id);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    file->setFilePath(m_workbookPath);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

    // Two sheets: the sheet page, with the first sheet that has a header preselected.
    wizard.next();
    QTRY_COMPARE(wizard.currentId(), int(ImportWizard::SheetPage));
    ImportSheetPage* sheets = wizard.sheetPage();
    QCOMPARE(sheets->sheetList()->topLevelItemCount(), 2);
    QCOMPARE(sheets->selectedSheet(), 1);
    QVERIFY(!sheets->selectSheet(0)); // instructions: no header row
    QVERIFY(sheets->sheetList()->topLevelItem(1)->text(2).contains(QStringLiteral("姓名")));

    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    ImportMappingPage* mapping = wizard.mappingPage();
    QVERIFY(!mapping->usesRememberedMapping());
    QCOMPARE(mapping->model()->fieldsByColumn().at(kCardColumn), QString());
    // The required fields must have a column.
    QVERIFY(mapping->setField(1, QString()));
    QVERIFY(!mapping->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(!mapping->statusLabel()->text().isEmpty());
    QVERIFY(mapping->setField(1, QStringLiteral("name")));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    // The clerk picks the card number for 工号 in the column's drop-down.
    QComboBox* combo = fieldCombo(mapping, kCardColumn);
    QVERIFY(combo);
    const int card = combo->findData(QStringLiteral("cardNumber"));
    QVERIFY(card > 0);
    combo->setCurrentIndex(card);
    emit combo->activated(card);
    QCOMPARE(mapping->model()->fieldsByColumn().at(kCardColumn), QStringLiteral("cardNumber"));
    QVERIFY(mapping->automaticButton()->isEnabled());

    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::PreviewPage));
    ImportPreviewPage* preview = wizard.previewPage();
    QTRY_VERIFY(preview->isComplete());
    const ImportPlan& plan = wizard.session().plan;
    QCOMPARE(plan.validCount(), 3);
    QCOMPARE(plan.rejectedCount(), 2);
    QCOMPARE(plan.skippedCount(), 2);
    QCOMPARE(preview->validLabel()->text(), QStringLiteral("3"));
    QCOMPARE(preview->rejectedLabel()->text(), QStringLiteral("2"));
    QCOMPARE(preview->warningLabel()->text(), QString::number(plan.warnings().size()));
    QCOMPARE(preview->skippedLabel()->text(), QStringLiteral("2"));
    QCOMPARE(preview->problemModel()->rowCount(), static_cast<int>(plan.problems().size()));
    const ImportProblem* badId = problemAt(preview->problemModel(), kBadIdRow, QStringLiteral("idNumber"));
    QVERIFY(badId);
    QVERIFY(badId->error);
    QCOMPARE(badId->column, QStringLiteral("身份证号码"));
    QCOMPARE(badId->value, badIdNumber());
    const ImportProblem* twice =
        problemAt(preview->problemModel(), kDuplicateRow, QStringLiteral("idNumber"));
    QVERIFY(twice);
    QVERIFY(twice->error);
    QVERIFY(twice->reason.contains(QStringLiteral("4")));
    const ImportProblem* mobile =
        problemAt(preview->problemModel(), kSharedMobileRow, QStringLiteral("mobile"));
    QVERIFY(mobile);
    QVERIFY(!mobile->error);
    QCOMPARE(preview->problemTable()->model()->index(0, ImportProblemModel::RowColumn).data().toInt(),
             plan.problems().first().row);

    // The problem list as a workbook: a header row and one row per problem.
    const QString problemsPath = m_dir.filePath(QStringLiteral("problems.xlsx"));
    QVERIFY(preview->saveProblemsButton()->isEnabled());
    QSignalSpy saved(preview, &ImportPreviewPage::problemsSaved);
    preview->saveProblems(problemsPath);
    QVERIFY(saved.wait());
    QCOMPARE(saved.first().at(0).toBool(), true);
    QVERIFY(preview->messageBar()->text().contains(QStringLiteral("problems.xlsx")));
    Workbook problemsBook;
    QString error;
    QVERIFY2(SheetReader::readFile(problemsPath, &problemsBook, &error), qPrintable(error));
    QCOMPARE(problemsBook.sheets.first().rows.size(), plan.problems().size() + 1);
    // The member's name beside the row number.
    const int firstRow = plan.problems().first().row;
    const auto named = std::find_if(plan.rows().cbegin(), plan.rows().cend(),
                                    [firstRow](const ImportRow& r) { return r.row == firstRow; });
    QVERIFY(named != plan.rows().cend() && !named->member.name.isEmpty());
    QCOMPARE(preview->problemTable()->model()->index(0, ImportProblemModel::NameColumn).data().toString(),
             named->member.name);
    QCOMPARE(problemsBook.sheets.first().rows.at(1).value(1).text, named->member.name);
    // Imported again by mistake, it is said to be the problem list, not a roster without a header.
    QVERIFY(!RosterImport::chooseSheet(problemsBook, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("list of import problems")), qPrintable(error));
    // A folder that does not exist: the reason shows on the page.
    preview->saveProblems(m_dir.filePath(QStringLiteral("no/such/folder/problems.xlsx")));
    QVERIFY(saved.wait());
    QCOMPARE(saved.last().at(0).toBool(), false);
    QCOMPARE(preview->messageBar()->kind(), MessageBar::Kind::Error);

    // Nothing is written before Import.
    MemberRepository members(m_store->store(), m_store->scope());
    QVERIFY(!members.findByIdNumber(TestStore::sampleIdNumber(100)));

    QCOMPARE(wizard.button(QWizard::CommitButton)->isEnabled(), true);
    wizard.next();
    QTRY_COMPARE(wizard.currentId(), int(ImportWizard::SummaryPage));
    QVERIFY(wizard.session().importSucceeded);
    QCOMPARE(wizard.session().imported, 3);
    QCOMPARE(imported.size(), 1);
    QCOMPARE(imported.first().at(0).toString(), m_factory.id);
    QCOMPARE(imported.first().at(1).toInt(), 3);
    QVERIFY(wizard.summaryPage()->resultLabel()->text().contains(QStringLiteral("3")));
    QVERIFY(wizard.summaryPage()->resultLabel()->text().contains(m_factory.name));

    const std::optional<Member> first = members.findByIdNumber(TestStore::sampleIdNumber(100));
    QVERIFY(first);
    QCOMPARE(first->organisationId, m_factory.id);
    QCOMPARE(first->name, TestStore::sampleName(100));
    QCOMPARE(first->cardNumber, QStringLiteral("GH001"));
    QCOMPARE(first->joinDate, QStringLiteral("2020-01-05"));
    QVERIFY(members.findByIdNumber(TestStore::sampleIdNumber(101)));
    QCOMPARE(members.findByIdNumber(TestStore::sampleIdNumber(103))->cardNumber, QStringLiteral("GH005"));
    QVERIFY(!members.findByIdNumber(badIdNumber()));
    QVERIFY(Outbox(m_store->store().connection()).pendingCount() > pendingBefore);
    QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
}

void TestImportWizard::remembersTheCorrectedMapping()
{
    // Same headers as the previous test's file, where the clerk mapped 工号 by hand.
    ImportWizard wizard(m_store->store(), m_store->scope(), m_factory.id, AppSettings::instance());
    wizard.show();
    wizard.filePage()->setFilePath(m_workbookPath);
    wizard.next();
    QTRY_COMPARE(wizard.currentId(), int(ImportWizard::SheetPage));
    wizard.next();
    ImportMappingPage* mapping = wizard.mappingPage();
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    QCOMPARE(mapping->model()->fieldsByColumn().at(kCardColumn), QStringLiteral("cardNumber"));
    QCOMPARE(fieldCombo(mapping, kCardColumn)->currentData().toString(), QStringLiteral("cardNumber"));
    QVERIFY(mapping->usesRememberedMapping());
    QVERIFY(!mapping->statusLabel()->text().isEmpty());

    // Already imported: the second preview refuses those rows as already members.
    wizard.next();
    QTRY_VERIFY(wizard.session().planReady);
    QCOMPARE(wizard.session().plan.validCount(), 0);
    QVERIFY(!wizard.previewPage()->isComplete());
    QVERIFY(wizard.previewPage()->messageBar()->isVisible());
    // Said to be the roster's own members, not rows to correct.
    const int already = wizard.session().plan.alreadyInRosterCount();
    QVERIFY(already > 0);
    QVERIFY2(wizard.previewPage()->rejectedLabel()->text().contains(QString::number(already)),
             qPrintable(wizard.previewPage()->rejectedLabel()->text()));

    // Back, and the automatic mapping again: nothing is remembered any more.
    wizard.back();
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    QCOMPARE(mapping->model()->fieldsByColumn().at(kCardColumn), QStringLiteral("cardNumber"));
    mapping->automaticButton()->click();
    QCOMPARE(mapping->model()->fieldsByColumn().at(kCardColumn), QString());
    QCOMPARE(fieldCombo(mapping, kCardColumn)->currentData().toString(), QString());
    QVERIFY(!mapping->usesRememberedMapping());
    wizard.next();
    MappingMemory memory(AppSettings::instance());
    QVERIFY(!memory.recall(mapping->model()->headers()));
    wizard.reject();
}

void TestImportWizard::unreadableFileStaysOnTheFirstPage()
{
    const QString path = m_dir.filePath(QStringLiteral("notes.csv"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a,b,c\r\n1,2,3\r\n");
    }
    ImportWizard wizard(m_store->store(), m_store->scope(), QString(), AppSettings::instance());
    wizard.show();
    QCOMPARE(wizard.filePage()->organisationCombo()->organisationId(), m_store->root().id);
    wizard.filePage()->setFilePath(path);
    wizard.next();
    QTRY_VERIFY(!wizard.filePage()->isReading());
    QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));
    QVERIFY(wizard.filePage()->messageBar()->isVisible());
    QCOMPARE(wizard.filePage()->messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

    wizard.filePage()->setFilePath(m_dir.filePath(QStringLiteral("missing.xlsx")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));
    QVERIFY(wizard.filePage()->messageBar()->text().contains(QStringLiteral("missing.xlsx")));
}

// A workbook with a password to open: the page asks for it, says when it is wrong, reads the file
// with the right one and forgets it.
void TestImportWizard::asksForThePasswordToOpen()
{
    QFile plain(m_workbookPath);
    QVERIFY(plain.open(QIODevice::ReadOnly));
    const QString path = m_dir.filePath(QStringLiteral("加密花名册.xlsx"));
    QVERIFY(ud::test::OfficeEncryption::writeAgile(path, plain.readAll(), QStringLiteral("Gh2026")));

    ImportWizard wizard(m_store->store(), m_store->scope(), m_factory.id, AppSettings::instance());
    wizard.show();
    ImportFilePage* page = wizard.filePage();
    QVERIFY(!page->passwordEdit()->isVisible());
    page->setFilePath(path);
    wizard.next();
    QTRY_VERIFY(!page->isReading());
    QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));
    QVERIFY(page->passwordEdit()->isVisible());
    QCOMPARE(page->passwordEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(page->messageBar()->kind(), MessageBar::Kind::Warning);
    QVERIFY2(page->messageBar()->text().contains(QStringLiteral("加密花名册.xlsx")),
             qPrintable(page->messageBar()->text()));

    // Caps Lock on: told it is wrong, the field kept for another try.
    page->passwordEdit()->setText(QStringLiteral("gH2026"));
    wizard.next();
    QTRY_VERIFY(!page->isReading());
    QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));
    QCOMPARE(page->messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(page->passwordEdit()->isVisible());
    QCOMPARE(page->passwordEdit()->selectedText(), QStringLiteral("gH2026"));
    page->findChild<QCheckBox*>(QStringLiteral("showPasswordCheck"))->setChecked(true);
    QCOMPARE(page->passwordEdit()->echoMode(), QLineEdit::Normal);
    if (!qEnvironmentVariableIsEmpty("UNIONDESK_SCREENSHOTS"))
        wizard.grab().save(qEnvironmentVariable("UNIONDESK_SCREENSHOTS") +
                           QStringLiteral("/import-password.png"));

    // Typed and Enter pressed, as a clerk does.
    page->passwordEdit()->setText(QStringLiteral("Gh2026"));
    QTest::keyClick(page->passwordEdit(), Qt::Key_Return);
    QTRY_COMPARE(wizard.currentId(), int(ImportWizard::SheetPage));
    QCOMPARE(wizard.sheetPage()->sheetList()->topLevelItemCount(), 2);
    QVERIFY(page->passwordEdit()->text().isEmpty());
    QCOMPARE(page->passwordEdit()->echoMode(), QLineEdit::Password);
    // Back on the first page the file is read already: no password asked again.
    wizard.back();
    QVERIFY(!page->passwordEdit()->isVisible());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::SheetPage));
    wizard.reject();
}

void TestImportWizard::cancellingTheCheckGoesBackToTheColumns()
{
    const QString path = m_dir.filePath(QStringLiteral("large-check.csv"));
    QVERIFY(writeCsv(path, 2000, 1500));
    ImportWizard wizard(m_store->store(), m_store->scope(), m_factory.id, AppSettings::instance());
    wizard.show();
    wizard.filePage()->setFilePath(path);
    wizard.next();
    // One sheet: straight to the columns.
    QTRY_COMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::PreviewPage));
    QVERIFY(wizard.previewPage()->isChecking());
    QVERIFY(wizard.previewPage()->progress()->isVisible());
    wizard.previewPage()->progress()->cancelButton()->click();
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    QVERIFY(!wizard.previewPage()->isChecking());
    QVERIFY(!wizard.session().planReady);
}

void TestImportWizard::cancellingTheImportWritesNothing()
{
    // More rows than the commit writes between two looks at the Cancel flag.
    const QString path = m_dir.filePath(QStringLiteral("large.csv"));
    QVERIFY(writeCsv(path, 4000, 800));
    const qint64 pendingBefore = Outbox(m_store->store().connection()).pendingCount();
    ImportWizard wizard(m_store->store(), m_store->scope(), m_factory.id, AppSettings::instance());
    QSignalSpy imported(&wizard, &ImportWizard::membersImported);
    wizard.show();
    wizard.filePage()->setFilePath(path);
    wizard.next();
    QTRY_COMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    wizard.next();
    QTRY_VERIFY(wizard.previewPage()->isComplete());
    QCOMPARE(wizard.session().plan.validCount(), 800);

    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::ProgressPage));
    QVERIFY(wizard.progressPage()->isRunning());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    // The wizard's own Cancel cancels the writing and waits for the rollback instead of closing.
    wizard.reject();
    QVERIFY(wizard.isVisible());
    QTRY_COMPARE(wizard.currentId(), int(ImportWizard::SummaryPage));
    QVERIFY(wizard.session().importCancelled);
    QVERIFY(!wizard.session().importSucceeded);
    QCOMPARE(imported.size(), 0);
    QVERIFY(!wizard.summaryPage()->resultLabel()->text().isEmpty());

    MemberRepository members(m_store->store(), m_store->scope());
    QVERIFY(!members.findByIdNumber(TestStore::sampleIdNumber(4000)));
    QVERIFY(!members.findByIdNumber(TestStore::sampleIdNumber(4799)));
    QCOMPARE(Outbox(m_store->store().connection()).pendingCount(), pendingBefore);
    wizard.reject();
    QVERIFY(!wizard.isVisible());
}

void TestImportWizard::mainWindowImportsAndRefreshes()
{
    const Organisation workshop = m_store->addOrganisation(QStringLiteral("乙厂工会"));
    QVERIFY(!workshop.id.isEmpty());
    const QString path = m_dir.filePath(QStringLiteral("small.csv"));
    QVERIFY(writeCsv(path, 6000, 4));

    MainWindow window(m_store->store());
    window.show();
    QVERIFY(window.selectOrganisation(workshop.id));
    QCOMPARE(window.rosterView()->model()->rowCount(), 0);
    QAction* action = window.importMembersAction();
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
    action->trigger();
    auto* wizard = window.findChild<ImportWizard*>();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    QCOMPARE(wizard->filePage()->organisationCombo()->organisationId(), workshop.id);
    wizard->filePage()->setFilePath(path);
    wizard->next();
    QTRY_COMPARE(wizard->currentId(), int(ImportWizard::MappingPage));
    wizard->next();
    QTRY_VERIFY(wizard->previewPage()->isComplete());
    wizard->next();
    QTRY_COMPARE(wizard->currentId(), int(ImportWizard::SummaryPage));

    QTRY_COMPARE(window.rosterView()->model()->rowCount(), 4);
    QCOMPARE(window.currentOrganisationId(), workshop.id);
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("4")));
    QPointer<ImportWizard> guard(wizard);
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(guard.isNull()); // deleted on close
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
