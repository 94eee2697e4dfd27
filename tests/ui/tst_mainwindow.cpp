#include "TestStore.h"
#include "TypeText.h"
#include "common/MessageBar.h"
#include "mainwindow/MainWindow.h"
#include "members/HistoryDialog.h"
#include "members/MemberDialog.h"
#include "members/MemberHistoryModel.h"
#include "members/MemberRepository.h"
#include "members/RosterModel.h"
#include "members/StatusDialog.h"
#include "organisations/OrganisationTreeModel.h"
#include "roster/RosterView.h"
#include "settings/SettingsDialog.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace ud;
using ud::test::TestStore;
using ud::test::typeText;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void opensOnTheStore();
    void searchNarrowsAfterTheDelay();
    void searchFindsAnIdNumber();
    void searchShowsTheFirstMatches();
    void escapeClearsTheSearch();
    void organisationNarrowsTheRoster();
    void filtersNarrowTheRoster();
    void unmaskShowsFullNumbers();
    void sortIndicatorStaysHonest();
    void memberActionsFollowTheSelection();
    void newMemberAppearsSelected();
    void shortcutsAreDistinct();
    void statusChangeAndHistoryFromTheWindow();
    void refreshShowsChangesMadeElsewhere();
    void settingsOpenFromTheWindow();
    void layoutIsRemembered();

private:
    static int countNamesContaining(const QString& text, int first, int count);
    QString idCell(int row) const;

    std::unique_ptr<TestStore> m_store;
    Organisation m_factoryA;
    Organisation m_workshop;
    Organisation m_factoryB;
    int m_total = 0;
    std::unique_ptr<MainWindow> m_window;
};

// Root: members 0-19; factory A: 20-139; its workshop: 140-169; factory B: 170-249.
void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk-tests"));
    QSettings().clear();

    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_factoryA = m_store->addOrganisation(QStringLiteral("甲厂工会"));
    QVERIFY2(!m_factoryA.id.isEmpty(), qPrintable(m_store->error()));
    m_workshop = m_store->addOrganisation(QStringLiteral("甲厂一车间分会"), m_factoryA.id);
    QVERIFY2(!m_workshop.id.isEmpty(), qPrintable(m_store->error()));
    m_factoryB = m_store->addOrganisation(QStringLiteral("乙厂工会"));
    QVERIFY2(!m_factoryB.id.isEmpty(), qPrintable(m_store->error()));
    QVERIFY2(m_store->addMembers(m_store->root().id, 20, 0).size() == 20, qPrintable(m_store->error()));
    QVERIFY2(m_store->addMembers(m_factoryA.id, 120, 20).size() == 120, qPrintable(m_store->error()));
    QVERIFY2(m_store->addMembers(m_workshop.id, 30, 140).size() == 30, qPrintable(m_store->error()));
    QVERIFY2(m_store->addMembers(m_factoryB.id, 80, 170).size() == 80, qPrintable(m_store->error()));
    m_total = 250;
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>(m_store->store());
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

int TestMainWindow::countNamesContaining(const QString& text, int first, int count)
{
    int found = 0;
    for (int n = first; n < first + count; ++n)
        found += TestStore::sampleName(n).contains(text) ? 1 : 0;
    return found;
}

QString TestMainWindow::idCell(int row) const
{
    RosterModel* model = m_window->rosterView()->model();
    return model->data(model->index(row, RosterModel::IdNumberColumn)).toString();
}

void TestMainWindow::opensOnTheStore()
{
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("UnionDesk")));
    QVERIFY(m_window->windowTitle().contains(m_store->root().name));
    QCOMPARE(m_window->rosterView()->model()->rowCount(), m_total);
    QVERIFY(m_window->memberCountLabel()->text().contains(QString::number(m_total)));
    QVERIFY(m_window->rosterView()->countLabel()->text().contains(QString::number(m_total)));
    // Every add went to the outbox: the status bar says something is waiting to sync.
    QVERIFY(m_window->pendingLabel()->text().contains(QRegularExpression(QStringLiteral("\\d"))));
    QVERIFY(m_window->storeLabel()->toolTip().endsWith(QStringLiteral("test.sqlite")));
    // The tree shows the root with its children.
    OrganisationTreeModel* tree = m_window->organisationModel();
    QCOMPARE(tree->rowCount(), 1);
    QCOMPARE(tree->rowCount(tree->index(0, 0)), 2);
    // Rows have one fixed height, and columns are never measured from the rows.
    QTableView* table = m_window->rosterView()->table();
    QCOMPARE(table->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    for (int c = 0; c < RosterModel::ColumnCount; ++c)
        QVERIFY(table->horizontalHeader()->sectionResizeMode(c) != QHeaderView::ResizeToContents);
    QVERIFY(table->columnWidth(RosterModel::IdNumberColumn) >=
            table->fontMetrics().horizontalAdvance(TestStore::sampleIdNumber(0)));
}

void TestMainWindow::searchNarrowsAfterTheDelay()
{
    RosterView* roster = m_window->rosterView();
    const QString surname = QStringLiteral("张");
    const int expected = countNamesContaining(surname, 0, m_total);
    QVERIFY(expected > 0 && expected < m_total);

    typeText(roster->searchEdit(), surname);
    // Nothing happens while the clerk may still be typing …
    QCOMPARE(roster->model()->rowCount(), m_total);
    // … and the roster narrows once the typing pauses.
    QTRY_COMPARE_WITH_TIMEOUT(roster->model()->rowCount(), expected, 2000);
    for (int row = 0; row < roster->model()->rowCount(); ++row) {
        const QModelIndex index = roster->model()->index(row, RosterModel::NameColumn);
        QVERIFY2(index.data().toString().contains(surname), qPrintable(index.data().toString()));
    }
    QTRY_VERIFY(m_window->memberCountLabel()->text().contains(QString::number(expected)));

    // Two characters narrow further.
    const QString fullName = TestStore::sampleName(2); // 张伟
    QVERIFY(fullName.startsWith(surname));
    roster->searchEdit()->setText(fullName);
    QTRY_COMPARE_WITH_TIMEOUT(roster->model()->rowCount(), countNamesContaining(fullName, 0, m_total), 2000);
}

void TestMainWindow::searchShowsTheFirstMatches()
{
    // Scrolled to the end of the whole roster, then a search: its first matches are shown.
    RosterView* roster = m_window->rosterView();
    QTableView* table = roster->table();
    table->scrollToBottom();
    QVERIFY(table->verticalScrollBar()->value() > 0);
    roster->searchEdit()->setText(QStringLiteral("张"));
    roster->applyFilter();
    QVERIFY(roster->model()->rowCount() > 0);
    QCOMPARE(table->verticalScrollBar()->value(), 0);
    QCOMPARE(table->rowAt(0), 0);
}

void TestMainWindow::searchFindsAnIdNumber()
{
    RosterView* roster = m_window->rosterView();
    const QString id = TestStore::sampleIdNumber(42);
    typeText(roster->searchEdit(), id);
    QTRY_COMPARE_WITH_TIMEOUT(roster->model()->rowCount(), 1, 2000);
    QCOMPARE(roster->model()->data(roster->model()->index(0, RosterModel::NameColumn)).toString(),
             TestStore::sampleName(42));
}

void TestMainWindow::escapeClearsTheSearch()
{
    RosterView* roster = m_window->rosterView();
    roster->searchEdit()->setFocus();
    typeText(roster->searchEdit(), QStringLiteral("李"));
    QTRY_VERIFY_WITH_TIMEOUT(roster->model()->rowCount() < m_total, 2000);
    QTest::keyClick(roster->searchEdit(), Qt::Key_Escape);
    QVERIFY(roster->searchEdit()->text().isEmpty());
    QCOMPARE(roster->model()->rowCount(), m_total); // at once, no delay

    // Ctrl+F puts the cursor back in the search box from the table.
    roster->table()->setFocus();
    QTest::keyClick(roster->table(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(roster->searchEdit()->hasFocus());
}

void TestMainWindow::organisationNarrowsTheRoster()
{
    RosterView* roster = m_window->rosterView();
    QVERIFY(m_window->selectOrganisation(m_factoryA.id));
    QCOMPARE(roster->model()->rowCount(), 150); // factory A and its workshop
    QVERIFY(m_window->memberCountLabel()->text().contains(QStringLiteral("150 of 150")));

    QVERIFY(m_window->selectOrganisation(m_workshop.id));
    QCOMPARE(roster->model()->rowCount(), 30);
    QVERIFY(m_window->selectOrganisation(m_factoryB.id));
    QCOMPARE(roster->model()->rowCount(), 80);
    QCOMPARE(m_window->currentOrganisationId(), m_factoryB.id);

    // A click in the tree does the same.
    QTreeView* tree = m_window->organisationTree();
    const QModelIndex factoryA = m_window->organisationModel()->indexOf(m_factoryA.id);
    tree->scrollTo(factoryA);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(factoryA).center());
    QCOMPARE(roster->model()->rowCount(), 150);

    // The search combines with the organisation.
    const QString surname = QStringLiteral("王");
    typeText(roster->searchEdit(), surname);
    QTRY_COMPARE_WITH_TIMEOUT(roster->model()->rowCount(), countNamesContaining(surname, 20, 150), 2000);
    QVERIFY(m_window->memberCountLabel()->text().endsWith(QStringLiteral("of 150 members")));

    QVERIFY(m_window->selectOrganisation(m_store->root().id));
    QCOMPARE(roster->model()->rowCount(), countNamesContaining(surname, 0, m_total));
}

void TestMainWindow::filtersNarrowTheRoster()
{
    RosterView* roster = m_window->rosterView();
    int verified = 0;
    int couriers = 0;
    for (int n = 0; n < m_total; ++n) {
        const Member m = TestStore::sampleMember(n, QString());
        verified += m.verified ? 1 : 0;
        couriers += m.employmentForm == QLatin1String("courier") ? 1 : 0;
    }
    QComboBox* verifiedCombo = roster->verifiedCombo();
    verifiedCombo->setCurrentIndex(1); // verified
    QCOMPARE(roster->model()->rowCount(), verified);
    verifiedCombo->setCurrentIndex(2); // not verified
    QCOMPARE(roster->model()->rowCount(), m_total - verified);
    verifiedCombo->setCurrentIndex(0);
    QCOMPARE(roster->model()->rowCount(), m_total);

    QComboBox* forms = roster->employmentFormCombo();
    forms->setCurrentIndex(forms->findData(QStringLiteral("courier")));
    QCOMPARE(roster->model()->rowCount(), couriers);
    forms->setCurrentIndex(0);

    QComboBox* status = roster->statusCombo();
    status->setCurrentIndex(status->findData(QStringLiteral("withdrawn")));
    QCOMPARE(roster->model()->rowCount(), 0);
    QCOMPARE(roster->countLabel()->text(), RosterView::tr("No members match"));
    status->setCurrentIndex(status->findData(QStringLiteral("active")));
    QCOMPARE(roster->model()->rowCount(), m_total);
}

void TestMainWindow::unmaskShowsFullNumbers()
{
    RosterView* roster = m_window->rosterView();
    QVERIFY(!roster->showFullNumbersAction()->isChecked());
    const QString masked = idCell(0);
    QVERIFY2(masked.contains(QLatin1Char('*')), qPrintable(masked));

    roster->showFullNumbersAction()->trigger();
    const QString full = idCell(0);
    QVERIFY2(!full.contains(QLatin1Char('*')), qPrintable(full));
    QCOMPARE(full.size(), 18);
    QCOMPARE(full.left(6), masked.left(6));
    QCOMPARE(full.right(4), masked.right(4));

    // The keyboard toggles it back.
    QTest::keyClick(m_window.get(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!roster->showFullNumbersAction()->isChecked());
    QCOMPARE(idCell(0), masked);
}

void TestMainWindow::sortIndicatorStaysHonest()
{
    RosterView* roster = m_window->rosterView();
    QHeaderView* header = roster->table()->horizontalHeader();
    auto clickSection = [header](int section) {
        const int x = header->sectionViewportPosition(section) + header->sectionSize(section) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };
    QCOMPARE(header->sortIndicatorSection(), int(RosterModel::NameColumn));

    // Gender has no index: a click must neither reorder nor move the indicator.
    const QString firstBefore = roster->model()->memberIdAt(0);
    clickSection(RosterModel::GenderColumn);
    QCOMPARE(header->sortIndicatorSection(), int(RosterModel::NameColumn));
    QCOMPARE(roster->model()->memberIdAt(0), firstBefore);

    // ID number can be sorted, both ways.
    roster->showFullNumbersAction()->setChecked(true);
    clickSection(RosterModel::IdNumberColumn);
    QCOMPARE(header->sortIndicatorSection(), int(RosterModel::IdNumberColumn));
    const Qt::SortOrder first = header->sortIndicatorOrder();
    auto inOrder = [this](Qt::SortOrder order) {
        for (int row = 1; row < 20; ++row) {
            const bool ascending = idCell(row - 1) <= idCell(row);
            if (ascending != (order == Qt::AscendingOrder))
                return false;
        }
        return true;
    };
    QVERIFY(inOrder(first));
    clickSection(RosterModel::IdNumberColumn);
    QVERIFY(header->sortIndicatorOrder() != first);
    QVERIFY(inOrder(header->sortIndicatorOrder()));

    clickSection(RosterModel::OrganisationColumn);
    QCOMPARE(header->sortIndicatorSection(), int(RosterModel::IdNumberColumn));
    QVERIFY(inOrder(header->sortIndicatorOrder()));
    roster->showFullNumbersAction()->setChecked(false);
    header->setSortIndicator(RosterModel::NameColumn, Qt::AscendingOrder);
}

void TestMainWindow::memberActionsFollowTheSelection()
{
    RosterView* roster = m_window->rosterView();
    QVERIFY(!m_window->editMemberAction()->isEnabled());
    QVERIFY(m_window->newMemberAction()->isEnabled());
    roster->table()->setCurrentIndex(roster->model()->index(3, 0));
    QVERIFY(m_window->editMemberAction()->isEnabled());
    QVERIFY(m_window->historyAction()->isEnabled());
    QCOMPARE(roster->currentMemberId(), roster->model()->memberIdAt(3));

    // Enter on a member opens it for editing.
    roster->table()->setFocus();
    QTest::keyClick(roster->table(), Qt::Key_Return);
    auto* dialog = m_window->findChild<MemberDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->mode(), MemberDialog::Mode::Edit);
    QCOMPARE(dialog->lineEdit(QStringLiteral("name"))->text(),
             roster->model()->data(roster->model()->index(3, RosterModel::NameColumn)).toString());
    dialog->reject(); // nothing changed: closes without asking
    QTRY_VERIFY(!m_window->findChild<MemberDialog*>());

    // A changed search drops the selection, and the actions with it.
    roster->searchEdit()->setText(QStringLiteral("no such member"));
    QTRY_COMPARE_WITH_TIMEOUT(roster->model()->rowCount(), 0, 2000);
    QVERIFY(!m_window->editMemberAction()->isEnabled());
}

void TestMainWindow::newMemberAppearsSelected()
{
    QVERIFY(m_window->selectOrganisation(m_factoryB.id));
    const QString pendingBefore = m_window->pendingLabel()->text();
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    auto* dialog = m_window->findChild<MemberDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->mode(), MemberDialog::Mode::Add);
    // New members go to the organisation chosen in the tree.
    QCOMPARE(dialog->formValues().organisationId, m_factoryB.id);

    typeText(dialog->lineEdit(QStringLiteral("name")), QStringLiteral("欧阳新"));
    typeText(dialog->lineEdit(QStringLiteral("idNumber")), TestStore::sampleIdNumber(5000));
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<MemberDialog*>());

    RosterView* roster = m_window->rosterView();
    QCOMPARE(roster->model()->rowCount(), 81);
    const QString id = roster->currentMemberId();
    QVERIFY(!id.isEmpty());
    QCOMPARE(MemberRepository(m_store->store(), m_store->scope()).find(id)->name, QStringLiteral("欧阳新"));
    QVERIFY(m_window->messageBar()->isVisible());
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("欧阳新")));
    QVERIFY(m_window->pendingLabel()->text() != pendingBefore);
    ++m_total;
}

void TestMainWindow::shortcutsAreDistinct()
{
    const QList<std::pair<QAction*, QKeySequence>> expected = {
        {m_window->newMemberAction(), QKeySequence(Qt::CTRL | Qt::Key_N)},
        {m_window->editMemberAction(), QKeySequence(Qt::Key_F2)},
        {m_window->changeStatusAction(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
        {m_window->historyAction(), QKeySequence(Qt::CTRL | Qt::Key_H)},
        {m_window->refreshAction(), QKeySequence(Qt::Key_F5)},
        {m_window->quitAction(), QKeySequence(Qt::CTRL | Qt::Key_Q)},
        {m_window->rosterView()->findAction(), QKeySequence(Qt::CTRL | Qt::Key_F)},
        {m_window->rosterView()->showFullNumbersAction(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)},
    };
    for (const auto& [action, key] : expected)
        QVERIFY2(action->shortcuts().contains(key), qPrintable(action->objectName()));
    QVERIFY(m_window->settingsAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));

    // No key does two things, and every action with a key is in a menu, where the key shows.
    QHash<QKeySequence, QString> owners;
    QSet<QAction*> inMenus;
    for (QAction* top : m_window->menuBar()->actions()) {
        if (top->menu()) {
            for (QAction* a : top->menu()->actions())
                inMenus.insert(a);
        }
    }
    for (QAction* action : m_window->findChildren<QAction*>()) {
        for (const QKeySequence& key : action->shortcuts()) {
            QVERIFY2(!owners.contains(key) || owners.value(key) == action->objectName(),
                     qPrintable(key.toString() + QStringLiteral(": ") + owners.value(key) +
                                QStringLiteral(" and ") + action->objectName()));
            owners.insert(key, action->objectName());
        }
        if (!action->shortcuts().isEmpty())
            QVERIFY2(inMenus.contains(action), qPrintable(action->objectName()));
    }
}

void TestMainWindow::statusChangeAndHistoryFromTheWindow()
{
    RosterView* roster = m_window->rosterView();
    QVERIFY(m_window->selectOrganisation(m_workshop.id));
    roster->table()->setCurrentIndex(roster->model()->index(0, 0));
    const QString memberId = roster->currentMemberId();
    QVERIFY(!memberId.isEmpty());

    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    auto* status = m_window->findChild<StatusDialog*>();
    QVERIFY(status);
    QTRY_VERIFY(status->isVisible());
    QCOMPARE(status->memberId(), memberId);
    status->statusCombo()->setCurrentIndex(status->statusCombo()->findData(QStringLiteral("retained")));
    QVERIFY(status->okButton()->isEnabled()); // retaining needs no reason
    QTest::mouseClick(status->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<StatusDialog*>());

    // The roster shows the new status and keeps the member selected.
    QCOMPARE(roster->currentMemberId(), memberId);
    const int row = roster->model()->rowOfMember(memberId);
    QCOMPARE(roster->model()
                 ->data(roster->model()->index(row, RosterModel::StatusColumn), RosterModel::StatusKeyRole)
                 .toString(),
             QStringLiteral("retained"));

    // (offscreen, the window manager does not hand activation back when a dialog closes)
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->historyAction()->isEnabled());
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier);
    auto* history = m_window->findChild<HistoryDialog*>();
    QVERIFY(history);
    QTRY_VERIFY(history->isVisible());
    QCOMPARE(history->model()->rowCount(), 2); // joined, retained
    history->reject();
    QTRY_VERIFY(!m_window->findChild<HistoryDialog*>());

    QString error;
    QVERIFY2(
        MemberRepository(m_store->store(), m_store->scope())
            .changeStatus(memberId, QStringLiteral("active"), QString(), QDate(), TestStore::actor(), &error),
        qPrintable(error));
}

void TestMainWindow::refreshShowsChangesMadeElsewhere()
{
    RosterView* roster = m_window->rosterView();
    QVERIFY(m_window->selectOrganisation(m_factoryB.id));
    const int before = roster->model()->rowCount();
    // Another program (the CLI, an import) adds members to the same file.
    QCOMPARE(m_store->addMembers(m_factoryB.id, 2, 6000).size(), 2);
    QCOMPARE(roster->model()->rowCount(), before);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QCOMPARE(roster->model()->rowCount(), before + 2);
    QCOMPARE(m_window->currentOrganisationId(), m_factoryB.id);
    m_total += 2;
}

void TestMainWindow::settingsOpenFromTheWindow()
{
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    auto* settings = m_window->findChild<SettingsDialog*>();
    QVERIFY(settings);
    QTRY_VERIFY(settings->isVisible());
    settings->reject();
    QTRY_VERIFY(!m_window->findChild<SettingsDialog*>());
}

void TestMainWindow::layoutIsRemembered()
{
    QHeaderView* header = m_window->rosterView()->table()->horizontalHeader();
    header->resizeSection(RosterModel::OrganisationColumn, 333);
    m_window->close();
    QVERIFY(!AppSettings::instance().value(AppSettings::Key::MainWindowGeometry).toByteArray().isEmpty());
    QVERIFY(!AppSettings::instance().value(AppSettings::Key::RosterHeaderState).toByteArray().isEmpty());

    m_window = std::make_unique<MainWindow>(m_store->store());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(
        m_window->rosterView()->table()->horizontalHeader()->sectionSize(RosterModel::OrganisationColumn),
        333);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
