// Import history and undo in the GUI (issue #3): the list of imports, "Undo import…" there and
// "Undo this import" on the wizard's summary page, both through ImportUndoRunner — the check, the
// question, the worker with progress and Cancel, the refusal when a member holds a union post.

#include "TestStore.h"
#include "cadres/CadreRepository.h"
#include "common/Ask.h"
#include "common/MessageBar.h"
#include "import/ImportBatchModel.h"
#include "import/ImportFilePage.h"
#include "import/ImportHistoryDialog.h"
#include "import/ImportPreviewPage.h"
#include "import/ImportSummaryPage.h"
#include "import/ImportUndoRunner.h"
#include "import/ImportWizard.h"
#include "import/TaskProgress.h"
#include "io/CsvReader.h"
#include "io/HeaderMap.h"
#include "io/ImportBatchRepository.h"
#include "io/ImportPlan.h"
#include "io/RosterImport.h"
#include "mainwindow/MainWindow.h"
#include "members/MemberRepository.h"
#include "members/RosterModel.h"
#include "organisations/OrganisationRepository.h"
#include "roster/RosterView.h"
#include "store/Sql.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ud;
using ud::test::TestStore;

namespace {

// A roster of `count` members sampleMember(first …), plus `extraLines`, as a clerk's CSV.
Sheet rosterSheet(int first, int count, const QStringList& extraLines = {})
{
    QStringList lines{QStringLiteral("姓名,身份证号码,手机号码,入会时间")};
    for (int n = first; n < first + count; ++n) {
        const Member m = TestStore::sampleMember(n, QString());
        lines.append(QStringLiteral("%1,%2,%3,2021-03-01").arg(m.name, m.idNumber, m.mobile));
    }
    lines += extraLines;
    return CsvReader::parse(lines.join(QLatin1Char('\n')));
}

bool writeCsv(const QString& path, int first, int count)
{
    QString text = QStringLiteral("姓名,身份证号码,手机号码,入会时间\r\n");
    for (int n = first; n < first + count; ++n) {
        const Member m = TestStore::sampleMember(n, QString());
        text += QStringLiteral("%1,%2,%3,%4\r\n").arg(m.name, m.idNumber, m.mobile, m.joinDate);
    }
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) > 0;
}

// A row with a damaged ID number: rejected by the plan.
QString rejectedLine()
{
    const QString good = TestStore::sampleIdNumber(15000);
    const QString bad =
        good.left(17) + (good.endsWith(QLatin1Char('1')) ? QLatin1Char('2') : QLatin1Char('1'));
    return QStringLiteral("错号,%1,,2021-03-01").arg(bad);
}

} // namespace

class TestImportHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listsImportsNewestFirst();
    void confirmationSaysWhatTheUndoDoes();
    void declinedUndoChangesNothing();
    void undoFromTheHistory();
    void cadreInPostIsRefused();
    void cancelledUndoChangesNothing();
    void summaryPageUndoesTheImport();
    void mainWindowOpensTheHistoryAndRefreshes();

private:
    // Imports through RosterImport::commit, as the wizard's worker does; the batch id.
    QString importInto(const Sheet& sheet, const QString& organisationId, const QString& fileName,
                       const QString& sheetName = QStringLiteral("Sheet1"));
    bool isMember(int n) const;
    // Runs the dialog's undo for the selected import with `answer` to the question; the question text.
    QString undoSelected(ImportHistoryDialog& dialog, QMessageBox::StandardButton answer,
                         ImportUndoRunner::Outcome expected);

    std::unique_ptr<TestStore> m_store;
    Organisation m_factory;
    QTemporaryDir m_dir;
};

void TestImportHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_importhistory"));
    QSettings().clear();
    AppSettings::instance().setValue(AppSettings::Key::ImportMappings, QVariantMap());
    QVERIFY(m_dir.isValid());
}

void TestImportHistory::init()
{
    // A fresh store for each test: the list of imports starts empty.
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_factory = m_store->addOrganisation(QStringLiteral("甲厂工会"));
    QVERIFY2(!m_factory.id.isEmpty(), qPrintable(m_store->error()));
}

void TestImportHistory::cleanup()
{
    Ask::setHook({});
    Clock::reset();
    m_store.reset();
}

QString TestImportHistory::importInto(const Sheet& sheet, const QString& organisationId,
                                      const QString& fileName, const QString& sheetName)
{
    const ImportPlan plan =
        ImportPlan::build(sheet, *HeaderMap::detect(sheet), m_store->store(), organisationId);
    RosterImport::CommitResult result;
    QString error;
    if (!RosterImport::commit(plan, m_store->store(), m_store->scope(), TestStore::actor(),
                              {fileName, sheetName}, &result, &error))
        qWarning("%s", qPrintable(error));
    return result.batchId;
}

bool TestImportHistory::isMember(int n) const
{
    return MemberRepository(m_store->store(), m_store->scope())
        .findByIdNumber(TestStore::sampleIdNumber(n))
        .has_value();
}

QString TestImportHistory::undoSelected(ImportHistoryDialog& dialog, QMessageBox::StandardButton answer,
                                        ImportUndoRunner::Outcome expected)
{
    QString question;
    Ask::setHook([&](const QString&, const QString& text) {
        question = text;
        return answer;
    });
    QSignalSpy finished(dialog.undoRunner(), &ImportUndoRunner::finished);
    dialog.undoButton()->click();
    if (!finished.wait(20000))
        qWarning("the undo did not finish");
    else if (finished.first().at(0).value<ImportUndoRunner::Outcome>() != expected)
        qWarning("unexpected outcome %d", int(finished.first().at(0).value<ImportUndoRunner::Outcome>()));
    Ask::setHook({});
    return question;
}

void TestImportHistory::listsImportsNewestFirst()
{
    ImportHistoryDialog empty(m_store->store(), m_store->scope());
    QCOMPARE(empty.model()->rowCount(), 0);
    QVERIFY(!empty.emptyLabel()->isHidden());
    QVERIFY(!empty.undoButton()->isEnabled());

    Clock::setFixed(QDateTime(QDate(2024, 3, 5), QTime(1, 30), Qt::UTC));
    const QString first = importInto(rosterSheet(0, 3, {rejectedLine()}), m_factory.id,
                                     QStringLiteral("花名册.xlsx"), QStringLiteral("会员名单"));
    Clock::setFixed(QDateTime(QDate(2024, 3, 6), QTime(2, 45), Qt::UTC));
    const QString second = importInto(rosterSheet(10, 2), m_store->root().id, QStringLiteral("补录.csv"));
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());

    ImportHistoryDialog dialog(m_store->store(), m_store->scope());
    ImportBatchModel* model = dialog.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    QVERIFY(dialog.emptyLabel()->isHidden());
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->columnCount(), int(ImportBatchModel::ColumnCount));
    // Newest first, and selected.
    QCOMPARE(model->index(0, 0).data(ImportBatchModel::BatchIdRole).toString(), second);
    QCOMPARE(dialog.selectedBatchId(), second);
    QVERIFY(dialog.undoButton()->isEnabled());

    auto text = [model](int row, int column) {
        return model->index(row, column).data().toString();
    };
    const QString local = QDateTime(QDate(2024, 3, 5), QTime(1, 30), Qt::UTC)
                              .toLocalTime()
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QCOMPARE(text(1, ImportBatchModel::ImportedAtColumn), local);
    QCOMPARE(text(1, ImportBatchModel::OrganisationColumn), m_factory.name);
    QCOMPARE(text(1, ImportBatchModel::FileColumn), QStringLiteral("花名册.xlsx"));
    QCOMPARE(text(1, ImportBatchModel::SheetColumn), QStringLiteral("会员名单"));
    QCOMPARE(text(1, ImportBatchModel::MembersColumn), QStringLiteral("3"));
    QCOMPARE(text(1, ImportBatchModel::RejectedColumn), QStringLiteral("1"));
    QCOMPARE(text(1, ImportBatchModel::StateColumn), QStringLiteral("Imported"));
    QVERIFY(!model->index(1, 0).data(ImportBatchModel::UndoneRole).toBool());
    QCOMPARE(model->index(1, ImportBatchModel::ImportedAtColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Imported by %1").arg(TestStore::actor()));
    QCOMPARE(text(0, ImportBatchModel::OrganisationColumn), m_store->root().name);
    QCOMPARE(text(0, ImportBatchModel::MembersColumn), QStringLiteral("2"));
    QCOMPARE(text(0, ImportBatchModel::RejectedColumn), QStringLiteral("0"));
    QVERIFY(!model->headerData(ImportBatchModel::StateColumn, Qt::Horizontal).toString().isEmpty());

    // An import outside the scope of a session is not listed there.
    const Organisation other = m_store->addOrganisation(QStringLiteral("乙厂工会"));
    ImportHistoryDialog narrow(m_store->store(), OrganisationRepository::scopeOf(m_store->store(), other.id));
    QCOMPARE(narrow.model()->rowCount(), 0);
}

void TestImportHistory::confirmationSaysWhatTheUndoDoes()
{
    ImportBatch batch;
    batch.fileName = QStringLiteral("花名册.xlsx");
    batch.sheetName = QStringLiteral("会员名单");
    batch.organisationName = m_factory.name;
    batch.importedAt = QStringLiteral("2024-03-05T01:30:00.000Z");
    batch.importedBy = QStringLiteral("王会计");
    ImportUndoCheck check;
    check.present = 12;
    check.synced = 5;
    check.changedSince = 2;
    check.alreadyGone = 1;
    const QString text = ImportUndoRunner::confirmationText(batch, check);
    for (const QString& part :
         {QStringLiteral("花名册.xlsx"), QStringLiteral("会员名单"), m_factory.name, QStringLiteral("王会计"),
          QStringLiteral("removed from the roster: 12."), QStringLiteral("Already on the server: 5 of them"),
          QStringLiteral("(details, status or history): 2 of them"),
          QStringLiteral("Deleted since the import, and left as they are: 1.")})
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" not in: ") + text));

    QVERIFY(ImportUndoRunner::refusalText(batch, check).isEmpty());
    QVERIFY(!ImportUndoRunner::refusalText(std::nullopt, check).isEmpty());
    check.blockers = {QStringLiteral("张三 holds a union post; end the term before undoing the import.")};
    QVERIFY(ImportUndoRunner::refusalText(batch, check).contains(QStringLiteral("张三")));
    batch.undoneAt = QStringLiteral("2024-03-07T01:30:00.000Z");
    QVERIFY(ImportUndoRunner::refusalText(batch, check).contains(QStringLiteral("already undone")));
}

void TestImportHistory::declinedUndoChangesNothing()
{
    const QString batchId = importInto(rosterSheet(0, 3), m_factory.id, QStringLiteral("a.csv"));
    ImportHistoryDialog dialog(m_store->store(), m_store->scope());
    QSignalSpy undone(&dialog, &ImportHistoryDialog::importUndone);
    dialog.show();
    QVERIFY(dialog.selectBatch(batchId));
    const int asked = Ask::questionsAsked();
    const QString question = undoSelected(dialog, QMessageBox::No, ImportUndoRunner::Outcome::Declined);
    QCOMPARE(Ask::questionsAsked(), asked + 1);
    QVERIFY2(question.contains(QStringLiteral("removed from the roster: 3.")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("None of them has reached the server")), qPrintable(question));
    QVERIFY(isMember(0));
    QVERIFY(isMember(2));
    QCOMPARE(undone.size(), 0);
    QVERIFY(!dialog.model()->batchAt(0).isUndone());
    QVERIFY(dialog.undoButton()->isEnabled());
    QVERIFY(dialog.messageBar()->isHidden());
}

void TestImportHistory::undoFromTheHistory()
{
    const QString older = importInto(rosterSheet(0, 2), m_factory.id, QStringLiteral("old.csv"));
    Clock::setFixed(QDateTime::currentDateTimeUtc().addSecs(60));
    const QString batchId = importInto(rosterSheet(20, 4), m_factory.id, QStringLiteral("new.csv"));
    // Two of the new members have reached the server: their undo is a deletion that syncs.
    QString error;
    QSqlQuery q(m_store->store().connection());
    QVERIFY2(sql::execBound(q, QStringLiteral("UPDATE member SET version = 3 WHERE id_number IN (?, ?)"),
                            {TestStore::sampleIdNumber(20), TestStore::sampleIdNumber(21)}, &error),
             qPrintable(error));

    ImportHistoryDialog dialog(m_store->store(), m_store->scope());
    QSignalSpy undone(&dialog, &ImportHistoryDialog::importUndone);
    dialog.show();
    QVERIFY(dialog.selectBatch(batchId));
    const QString question = undoSelected(dialog, QMessageBox::Yes, ImportUndoRunner::Outcome::Undone);
    QVERIFY2(question.contains(QStringLiteral("removed from the roster: 4.")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("Already on the server: 2 of them")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("new.csv")), qPrintable(question));

    // Gone from the roster; the older import stands.
    for (int n = 20; n < 24; ++n)
        QVERIFY(!isMember(n));
    QVERIFY(isMember(0));
    QVERIFY(isMember(1));
    QCOMPARE(undone.size(), 1);
    QCOMPARE(undone.first().at(0).toString(), m_factory.id);
    QCOMPARE(undone.first().at(1).toInt(), 4);
    QCOMPARE(dialog.messageBar()->kind(), MessageBar::Kind::Information);
    QVERIFY2(dialog.messageBar()->text().contains(QStringLiteral("4")),
             qPrintable(dialog.messageBar()->text()));
    QVERIFY(dialog.messageBar()->text().contains(QStringLiteral("next sync: 2.")));
    QVERIFY(dialog.progress()->isHidden());

    // The row says undone, stays selected, and cannot be undone again.
    ImportBatchModel* model = dialog.model();
    const int row = model->rowOf(batchId);
    QCOMPARE(dialog.selectedBatchId(), batchId);
    QVERIFY(model->index(row, 0).data(ImportBatchModel::UndoneRole).toBool());
    QVERIFY(model->index(row, ImportBatchModel::StateColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("Undone")));
    QVERIFY(!dialog.undoButton()->isEnabled());
    QVERIFY(ImportBatchRepository(m_store->store(), m_store->scope()).find(batchId)->isUndone());
    const int asked = Ask::questionsAsked();
    dialog.undoSelected();
    QVERIFY(!dialog.undoRunner()->isRunning());
    QCOMPARE(Ask::questionsAsked(), asked);
    // The older import can still be undone.
    QVERIFY(dialog.selectBatch(older));
    QVERIFY(dialog.undoButton()->isEnabled());
}

void TestImportHistory::cadreInPostIsRefused()
{
    const QString batchId = importInto(rosterSheet(0, 3), m_factory.id, QStringLiteral("committee.csv"));
    const Member chair =
        *MemberRepository(m_store->store(), m_store->scope()).findByIdNumber(TestStore::sampleIdNumber(1));
    Cadre cadre;
    cadre.memberId = chair.id;
    cadre.organisationId = m_factory.id;
    cadre.position = QStringLiteral("chair");
    cadre.termStart = QStringLiteral("2023-01-01");
    cadre.termEnd = QStringLiteral("2028-01-01");
    QString error;
    QVERIFY2(CadreRepository(m_store->store(), m_store->scope()).add(cadre, TestStore::actor(), &error),
             qPrintable(error));

    ImportHistoryDialog dialog(m_store->store(), m_store->scope());
    QSignalSpy undone(&dialog, &ImportHistoryDialog::importUndone);
    dialog.show();
    QVERIFY(dialog.selectBatch(batchId));
    const int asked = Ask::questionsAsked();
    const QString question = undoSelected(dialog, QMessageBox::Yes, ImportUndoRunner::Outcome::Refused);
    // Refused before any question, with the member named.
    QVERIFY(question.isEmpty());
    QCOMPARE(Ask::questionsAsked(), asked);
    QCOMPARE(dialog.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY2(dialog.messageBar()->text().contains(chair.name), qPrintable(dialog.messageBar()->text()));
    QCOMPARE(undone.size(), 0);
    for (int n = 0; n < 3; ++n)
        QVERIFY(isMember(n));
    QVERIFY(!dialog.model()->batchAt(dialog.model()->rowOf(batchId)).isUndone());
    QVERIFY(dialog.undoButton()->isEnabled());
}

void TestImportHistory::cancelledUndoChangesNothing()
{
    // More members than the undo removes between two looks at the Cancel flag.
    const QString batchId = importInto(rosterSheet(0, 600), m_factory.id, QStringLiteral("large.csv"));
    ImportHistoryDialog dialog(m_store->store(), m_store->scope());
    dialog.show();
    QVERIFY(dialog.selectBatch(batchId));
    // The undo's worker waits for the write lock, held here, until Cancel has been clicked.
    QSqlDatabase db = m_store->store().connection();
    bool locked = false;
    Ask::setHook([&](const QString&, const QString&) {
        QString error;
        locked = sql::run(db, QStringLiteral("BEGIN IMMEDIATE"), &error);
        if (!locked)
            qWarning("%s", qPrintable(error));
        return QMessageBox::Yes;
    });
    QSignalSpy finished(dialog.undoRunner(), &ImportUndoRunner::finished);
    dialog.undoButton()->click();
    QTRY_VERIFY(locked);
    QVERIFY(dialog.undoRunner()->isRunning());
    QVERIFY(!dialog.progress()->isHidden());
    QVERIFY(!dialog.undoButton()->isEnabled());
    // Close while the undo runs cancels it instead of closing.
    dialog.reject();
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.progress()->cancelButton()->isEnabled());
    QVERIFY(sql::run(db, QStringLiteral("ROLLBACK"), nullptr));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).value<ImportUndoRunner::Outcome>(), ImportUndoRunner::Outcome::Cancelled);
    QCOMPARE(dialog.messageBar()->kind(), MessageBar::Kind::Warning);
    QVERIFY(isMember(0));
    QVERIFY(isMember(599));
    QVERIFY(!dialog.model()->batchAt(dialog.model()->rowOf(batchId)).isUndone());
    QVERIFY(dialog.undoButton()->isEnabled());
    dialog.reject();
    QVERIFY(!dialog.isVisible());
}

void TestImportHistory::summaryPageUndoesTheImport()
{
    const QString path = m_dir.filePath(QStringLiteral("summary.csv"));
    QVERIFY(writeCsv(path, 3000, 5));
    ImportWizard wizard(m_store->store(), m_store->scope(), m_factory.id, AppSettings::instance());
    QSignalSpy undone(&wizard, &ImportWizard::importUndone);
    wizard.show();
    wizard.filePage()->setFilePath(path);
    wizard.next();
    QTRY_COMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    wizard.next();
    QTRY_VERIFY(wizard.previewPage()->isComplete());
    wizard.next();
    QTRY_COMPARE(wizard.currentId(), int(ImportWizard::SummaryPage));
    QVERIFY(wizard.session().importSucceeded);

    // The batch carries the file's name (without its folder) and the sheet.
    const QString batchId = wizard.session().batchId;
    QVERIFY(!batchId.isEmpty());
    const std::optional<ImportBatch> batch =
        ImportBatchRepository(m_store->store(), m_store->scope()).find(batchId);
    QVERIFY(batch);
    QCOMPARE(batch->fileName, QStringLiteral("summary.csv"));
    QCOMPARE(batch->sheetName, wizard.session().sheet().name);
    QCOMPARE(batch->memberCount, 5);
    QCOMPARE(batch->organisationId, m_factory.id);

    ImportSummaryPage* summary = wizard.summaryPage();
    QVERIFY(summary->undoButton()->isVisible());
    QVERIFY(summary->undoButton()->isEnabled());
    QString question;
    Ask::setHook([&](const QString&, const QString& text) {
        question = text;
        return QMessageBox::Yes;
    });
    QSignalSpy finished(summary->undoRunner(), &ImportUndoRunner::finished);
    summary->undoButton()->click();
    QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled()); // waits for the undo
    QVERIFY(finished.wait(20000));
    QVERIFY2(question.contains(QStringLiteral("removed from the roster: 5.")), qPrintable(question));
    QVERIFY(summary->isUndone());
    QVERIFY(!summary->undoButton()->isVisible());
    QVERIFY(summary->resultLabel()->text().contains(QStringLiteral("undone")));
    QCOMPARE(summary->messageBar()->kind(), MessageBar::Kind::Information);
    QCOMPARE(undone.size(), 1);
    QCOMPARE(undone.first().at(0).toString(), m_factory.id);
    QCOMPARE(undone.first().at(1).toInt(), 5);
    for (int n = 3000; n < 3005; ++n)
        QVERIFY(!isMember(n));
    QVERIFY(ImportBatchRepository(m_store->store(), m_store->scope()).find(batchId)->isUndone());
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
}

void TestImportHistory::mainWindowOpensTheHistoryAndRefreshes()
{
    const QString batchId = importInto(rosterSheet(0, 4), m_factory.id, QStringLiteral("window.csv"));
    MainWindow window(m_store->store());
    window.show();
    QVERIFY(window.selectOrganisation(m_factory.id));
    QCOMPARE(window.rosterView()->model()->rowCount(), 4);

    // In the File menu, right after "Import members…".
    QAction* action = window.importHistoryAction();
    QVERIFY(action);
    QMenu* file = window.menuBar()->actions().first()->menu();
    QVERIFY(file);
    const QList<QAction*> fileActions = file->actions();
    const qsizetype importAt = fileActions.indexOf(window.importMembersAction());
    QVERIFY(importAt >= 0);
    QCOMPARE(fileActions.value(importAt + 1), action);
    QVERIFY(action->shortcut() != window.importMembersAction()->shortcut());

    action->trigger();
    auto* dialog = window.findChild<ImportHistoryDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->model()->rowCount(), 1);
    QCOMPARE(dialog->selectedBatchId(), batchId);
    undoSelected(*dialog, QMessageBox::Yes, ImportUndoRunner::Outcome::Undone);
    QTRY_COMPARE(window.rosterView()->model()->rowCount(), 0);
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("4")),
             qPrintable(window.messageBar()->text()));
    QPointer<ImportHistoryDialog> guard(dialog);
    dialog->reject();
    QTRY_VERIFY(guard.isNull()); // deleted on close
}

QTEST_MAIN(TestImportHistory)
#include "tst_importhistory.moc"
