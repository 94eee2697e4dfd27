// The roster export in the GUI (issue #3): "Export roster…" takes the roster as it is shown — the
// organisation, the filter and the order — says so in words, writes the chosen columns (remembered)
// to .xlsx or .csv on a worker, masks ID numbers and mobiles unless the clerk unmasks, logs every
// export in the audit log and leaves no file behind when cancelled.

#include "TestStore.h"
#include "TypeText.h"
#include "audit/AuditLog.h"
#include "common/MessageBar.h"
#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "export/ExportColumnList.h"
#include "export/ExportDialog.h"
#include "import/TaskProgress.h"
#include "io/HeaderMap.h"
#include "io/RosterExport.h"
#include "io/RosterImport.h"
#include "io/SheetReader.h"
#include "mainwindow/MainWindow.h"
#include "members/MemberRepository.h"
#include "members/RosterModel.h"
#include "roster/RosterView.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidgetItem>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace ud;
using ud::test::TestStore;

namespace {

const QString kActor = QStringLiteral("李文书");

struct ReadBack
{
    QStringList header;
    QList<QStringList> rows; // the member rows, as text
};

// An exported file read back with the importer's own reader; the header row found by its content.
ReadBack readBack(const QString& path)
{
    ReadBack result;
    Workbook workbook;
    QString error;
    if (!SheetReader::readFile(path, &workbook, &error)) {
        qWarning("%s", qPrintable(error));
        return result;
    }
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    if (!choice) {
        qWarning("%s", qPrintable(error));
        return result;
    }
    const Sheet& sheet = workbook.sheets.at(choice->sheet);
    const int headerRow = choice->map.headerRow();
    for (const SheetCell& cell : sheet.rows.at(headerRow))
        result.header.append(cell.text);
    for (int r = headerRow + 1; r < sheet.rows.size(); ++r) {
        QStringList row;
        for (const SheetCell& cell : sheet.rows.at(r))
            row.append(cell.text.trimmed());
        result.rows.append(row);
    }
    return result;
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void exportsTheFilteredRosterWithTheChosenColumns();
    void unmaskedExportIsAuditedAndWarnedAbout();
    void cancelLeavesNoFile();
    void exportNeedsColumnsAndMembers();
    void savesTheImportTemplate();

private:
    // The main window with the roster narrowed to factory A, retained members, surname 王.
    void narrowRoster(MainWindow& window);
    ExportDialog* openDialog(MainWindow& window);
    // Runs the dialog's export to `path` and waits for the worker.
    bool runExport(ExportDialog* dialog, const QString& path);

    std::unique_ptr<TestStore> m_store;
    Organisation m_a;
    Organisation m_b;
    QTemporaryDir m_dir;
};

void TestExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_exportdialog"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestExportDialog::init()
{
    AppSettings::instance().setValue(AppSettings::Key::ExportColumns, QStringList());
    AppSettings::instance().setValue(AppSettings::Key::ActorName, kActor);
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_a = m_store->addOrganisation(QStringLiteral("甲厂工会"));
    m_b = m_store->addOrganisation(QStringLiteral("乙厂工会"));
    // 王: n % 20 == 0; retained: n % 3 == 0. A holds 0..199, B 200..259.
    for (int n = 0; n < 260; ++n) {
        Member m = TestStore::sampleMember(n, n < 200 ? m_a.id : m_b.id);
        if (n % 3 == 0)
            m.status = QStringLiteral("retained");
        QVERIFY2(m_store->addMember(m), qPrintable(m_store->error()));
    }
}

void TestExportDialog::cleanup()
{
    m_store.reset();
}

void TestExportDialog::narrowRoster(MainWindow& window)
{
    QVERIFY(window.selectOrganisation(m_a.id));
    RosterView* roster = window.rosterView();
    QComboBox* status = roster->statusCombo();
    status->setCurrentIndex(status->findData(QStringLiteral("retained")));
    roster->searchEdit()->setFocus();
    ud::test::typeText(roster->searchEdit(), QStringLiteral("王"));
    QTRY_COMPARE(roster->model()->filter().search, QStringLiteral("王"));
    QCOMPARE(roster->model()->filter().status, QStringLiteral("retained"));
    QCOMPARE(roster->model()->filter().organisationPath, m_a.path);
    QCOMPARE(roster->model()->rowCount(), 4); // 0, 60, 120, 180
}

ExportDialog* TestExportDialog::openDialog(MainWindow& window)
{
    window.exportRosterAction()->trigger();
    auto* dialog = window.findChild<ExportDialog*>();
    if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isVisible(); }))
        return nullptr;
    return dialog;
}

bool TestExportDialog::runExport(ExportDialog* dialog, const QString& path)
{
    if (!dialog->exportTo(path))
        return false;
    return QTest::qWaitFor([&] { return !dialog->isRunning(); }, 20000);
}

void TestExportDialog::exportsTheFilteredRosterWithTheChosenColumns()
{
    MainWindow window(m_store->store());
    window.show();
    narrowRoster(window);
    const RosterModel* model = window.rosterView()->model();
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, RosterModel::NameColumn).data().toString());

    // In the File menu, and Ctrl+E.
    QMenu* file = window.menuBar()->actions().first()->menu();
    QVERIFY(file->actions().contains(window.exportRosterAction()));
    QVERIFY(file->actions().contains(window.saveTemplateAction()));
    QCOMPARE(window.exportRosterAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));

    ExportDialog* dialog = openDialog(window);
    QVERIFY(dialog);
    // What will be exported, in words.
    QVERIFY2(dialog->organisationLabel()->text().contains(m_a.name),
             qPrintable(dialog->organisationLabel()->text()));
    QVERIFY(dialog->filterLabel()->text().contains(codes::memberStatus().label(QStringLiteral("retained"))));
    QVERIFY(dialog->filterLabel()->text().contains(QStringLiteral("王")));
    QVERIFY(dialog->countLabel()->text().startsWith(QStringLiteral("4")));
    // Every column on, in the export's order; numbers masked.
    QCOMPARE(dialog->columnList()->checkedFields(), RosterExport::columns());
    QVERIFY(!dialog->unmaskCheck()->isChecked());
    QVERIFY(!dialog->unmaskWarning()->isVisible());

    // Three columns only.
    dialog->columnList()->setAllChecked(false);
    QVERIFY(!dialog->exportButton()->isEnabled());
    const QStringList chosen{QStringLiteral("name"), QStringLiteral("idNumber"), QStringLiteral("mobile")};
    for (const QString& field : chosen)
        dialog->columnList()->itemForField(field)->setCheckState(Qt::Checked);
    QCOMPARE(dialog->columnList()->checkedFields(), chosen);
    QVERIFY(dialog->exportButton()->isEnabled());

    QSignalSpy exported(dialog, &ExportDialog::exported);
    QPointer<ExportDialog> guard(dialog);
    const QString path = m_dir.filePath(QStringLiteral("filtered.xlsx"));
    QVERIFY(runExport(dialog, path));
    QCOMPARE(exported.count(), 1);
    QCOMPARE(exported.first().at(1).toInt(), 4);
    QTRY_VERIFY(guard.isNull()); // closed and deleted
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("4")),
             qPrintable(window.messageBar()->text()));
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("filtered.xlsx")));
    QVERIFY(window.messageBar()->actionButton()->isVisibleTo(window.messageBar()));

    const ReadBack back = readBack(path);
    QCOMPARE(back.header,
             (QStringList{RosterExport::columnLabel(chosen.at(0)), RosterExport::columnLabel(chosen.at(1)),
                          RosterExport::columnLabel(chosen.at(2))}));
    QCOMPARE(back.rows.size(), 4);
    const MemberRepository members(m_store->store(), m_store->scope());
    for (int row = 0; row < 4; ++row) {
        const Member m = *members.find(model->memberIdAt(row));
        QCOMPARE(back.rows.at(row).value(0), names.at(row)); // the roster's order
        QCOMPARE(back.rows.at(row).value(1), IdNumber::masked(m.idNumber));
        QVERIFY(back.rows.at(row).value(2).contains(QLatin1Char('*')));
        QVERIFY(!back.rows.at(row).value(2).contains(m.mobile));
    }

    // The columns are remembered for next time.
    QCOMPARE(AppSettings::instance().value(AppSettings::Key::ExportColumns).toStringList(), chosen);
    ExportDialog* again = openDialog(window);
    QVERIFY(again);
    QCOMPARE(again->columnList()->checkedFields(), chosen);
    again->reject();
}

void TestExportDialog::unmaskedExportIsAuditedAndWarnedAbout()
{
    MainWindow window(m_store->store());
    window.show();
    narrowRoster(window);
    AuditLog log(m_store->store().connection());
    const qint64 before = log.count();

    ExportDialog* dialog = openDialog(window);
    QVERIFY(dialog);
    dialog->unmaskCheck()->setChecked(true);
    QVERIFY(dialog->unmaskWarning()->isVisible());
    QVERIFY(dialog->unmaskWarning()->text().contains(kActor));
    QVERIFY(dialog->unmaskWarning()->text().contains(QStringLiteral("audit log")));
    QCOMPARE(dialog->unmaskWarning()->kind(), MessageBar::Kind::Warning);
    dialog->unmaskCheck()->setChecked(false);
    QVERIFY(!dialog->unmaskWarning()->isVisible());
    dialog->unmaskCheck()->setChecked(true);

    const QString path = m_dir.filePath(QStringLiteral("full.csv"));
    QVERIFY(runExport(dialog, path));
    QCOMPARE(log.count(), before + 1);
    const AuditEntry entry = log.entries(1).first();
    QCOMPARE(entry.action, AuditLog::Export);
    QCOMPARE(entry.actor, kActor);
    QVERIFY2(entry.detail.contains(QStringLiteral("unmasked")), qPrintable(entry.detail));
    QVERIFY(entry.detail.contains(QStringLiteral("full.csv")));
    QVERIFY(entry.detail.contains(QStringLiteral("4 members")));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.peek(3) == QByteArray("\xEF\xBB\xBF"));
    const ReadBack back = readBack(path);
    QCOMPARE(back.header.size(), RosterExport::columns().size());
    QCOMPARE(back.rows.size(), 4);
    const int idColumn = static_cast<int>(RosterExport::columns().indexOf(QStringLiteral("idNumber")));
    const RosterModel* model = window.rosterView()->model();
    const MemberRepository members(m_store->store(), m_store->scope());
    for (int row = 0; row < 4; ++row)
        QCOMPARE(back.rows.at(row).value(idColumn), members.find(model->memberIdAt(row))->idNumber);
}

void TestExportDialog::cancelLeavesNoFile()
{
    ExportDialog::Request request;
    request.organisationName = m_store->root().name;
    request.count = 260;
    ExportDialog dialog(m_store->store(), m_store->scope(), request, kActor, AppSettings::instance());
    dialog.show();
    AuditLog log(m_store->store().connection());
    const qint64 before = log.count();
    QSignalSpy exported(&dialog, &ExportDialog::exported);
    const QString path = m_dir.filePath(QStringLiteral("cancelled.xlsx"));

    QVERIFY(dialog.exportTo(path));
    QVERIFY(dialog.isRunning());
    QVERIFY(dialog.progress()->isVisible());
    QVERIFY(!dialog.exportButton()->isEnabled());
    QVERIFY(!dialog.columnList()->isEnabled());
    // Esc (reject) while the worker runs cancels it; the dialog stays.
    dialog.reject();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 20000);
    QVERIFY(dialog.isVisible());
    QCOMPARE(exported.count(), 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY(
        QDir(m_dir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files | QDir::Hidden).isEmpty());
    // Normally nothing is logged; only when the worker had finished the whole export before the
    // cancel reached it (a loaded machine) is the export logged, and its file removed all the same.
    QVERIFY(log.count() - before <= 1);
    QVERIFY2(dialog.messageBar()->text().contains(QStringLiteral("cancelled")),
             qPrintable(dialog.messageBar()->text()));
    QVERIFY(dialog.exportButton()->isEnabled());

    // The Cancel button of the progress panel does the same.
    QVERIFY(dialog.exportTo(path));
    QTest::mouseClick(dialog.progress()->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 20000);
    QVERIFY(!QFile::exists(path));

    // And without a cancel, the file is there.
    QVERIFY(runExport(&dialog, path));
    QVERIFY(QFile::exists(path));
    QCOMPARE(exported.count(), 1);
    QCOMPARE(exported.first().at(1).toInt(), 260);
}

void TestExportDialog::exportNeedsColumnsAndMembers()
{
    ExportDialog::Request request;
    request.count = 0;
    ExportDialog empty(m_store->store(), m_store->scope(), request, kActor, AppSettings::instance());
    QVERIFY(!empty.exportButton()->isEnabled());
    QVERIFY(!empty.exportTo(m_dir.filePath(QStringLiteral("none.csv"))));
    QVERIFY(empty.filterLabel()->text().size() > 0);

    request.count = 260;
    ExportDialog dialog(m_store->store(), m_store->scope(), request, kActor, AppSettings::instance());
    QVERIFY(dialog.exportButton()->isEnabled());
    dialog.columnList()->setAllChecked(false);
    QVERIFY(!dialog.exportButton()->isEnabled());
    QVERIFY(!dialog.exportTo(m_dir.filePath(QStringLiteral("nothing.csv"))));
    dialog.columnList()->setAllChecked(true);
    // A file type the export cannot write is refused in the dialog.
    QVERIFY(!dialog.exportTo(m_dir.filePath(QStringLiteral("roster.pdf"))));
    QCOMPARE(dialog.messageBar()->kind(), MessageBar::Kind::Error);
    // The save dialog's file type chooses the suffix when the clerk typed none.
    QCOMPARE(ExportDialog::withSuffix(QStringLiteral("/x/roster"), ExportDialog::fileFilters().at(1)),
             QStringLiteral("/x/roster.csv"));
    QCOMPARE(ExportDialog::withSuffix(QStringLiteral("/x/roster"), ExportDialog::fileFilters().at(0)),
             QStringLiteral("/x/roster.xlsx"));
    QCOMPARE(ExportDialog::withSuffix(QStringLiteral("/x/roster.CSV"), ExportDialog::fileFilters().at(0)),
             QStringLiteral("/x/roster.CSV"));
}

void TestExportDialog::savesTheImportTemplate()
{
    MainWindow window(m_store->store());
    const QString path = m_dir.filePath(QStringLiteral("template.xlsx"));
    QVERIFY(window.writeImportTemplate(path));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(path, &workbook, &error), qPrintable(error));
    QCOMPARE(workbook.sheets.size(), 3); // the roster, the drop-down lists (hidden), the instructions
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("template.xlsx")));
    QVERIFY(!window.writeImportTemplate(m_dir.filePath(QStringLiteral("no/such/folder/t.xlsx"))));
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Error);
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
