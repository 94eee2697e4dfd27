// The organisation page on a generated store: details and subtree counts against a count made here
// from the sample members, the dissolve guard in the dissolve dialog, set-up / change / dissolve
// requests approved and rejected through the page, the committee with a flagged cadre and the one
// chair rule, the search box, the counts column of the tree, and the page as a tab of the window.

#include "OfficeEncryption.h"
#include "TestStore.h"
#include "TypeText.h"
#include "cadres/CadreRepository.h"
#include "cadres/CommitteeModel.h"
#include "cadres/ExpiringTermsModel.h"
#include "common/Ask.h"
#include "common/MessageBar.h"
#include "io/OrganisationImport.h"
#include "io/SheetReader.h"
#include "mainwindow/MainWindow.h"
#include "members/MemberRepository.h"
#include "organisations/CadreDialog.h"
#include "organisations/DissolveRequestDialog.h"
#include "organisations/ExpiringTermsDialog.h"
#include "organisations/OrganisationImportDialog.h"
#include "organisations/OrganisationPage.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationRequestDialog.h"
#include "organisations/OrganisationRequestModel.h"
#include "organisations/OrganisationSearchBox.h"
#include "organisations/OrganisationSummary.h"
#include "organisations/OrganisationTreeModel.h"
#include "organisations/RequestDecisionDialog.h"
#include "organisations/SubUnionModel.h"
#include "roster/RosterView.h"
#include "util/Clock.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace ud;
using ud::test::TestStore;
using ud::test::typeText;

namespace {
// What the page should count for sample members first … first + count - 1, given which were set to
// another status: the rules of TestStore::sampleMember (n % 3 == 0 verified; courier, rider and
// sanitation worker are new employment forms: n % 5 in {1, 2, 4}).
struct Expected
{
    qint64 active = 0;
    qint64 verified = 0;
    qint64 newForm = 0;
};

Expected expectedFor(int first, int count, const QSet<int>& notActive)
{
    Expected e;
    for (int n = first; n < first + count; ++n) {
        if (notActive.contains(n))
            continue;
        ++e.active;
        e.verified += n % 3 == 0 ? 1 : 0;
        e.newForm += (n % 5 == 1 || n % 5 == 2 || n % 5 == 4) ? 1 : 0;
    }
    return e;
}

QString number(qint64 n)
{
    return QLocale().toString(n);
}
} // namespace

class TestOrganisationPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void modelsPassTheTester();
    void showsDetailsAndCounts();
    void treeShowsSubtreeCounts();
    void dissolveShowsTheGuard();
    void dissolveApprovedWhenNothingRemains();
    void establishAndChangeApprovedThroughThePage();
    void rejectNeedsAReason();
    void committeeShowsAFlaggedCadre();
    void secondChairIsRefused();
    void searchFindsByNameOrCode();
    void pageIsATabOfTheWindow();
    void importsAndExportsUnions();
    void expiringTermsAcrossTheSubtree();

private:
    OrganisationPage* openPage(const QString& organisationId);
    int requestRow(OrganisationPage* page, const QString& state, const QString& kind) const;

    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<OrganisationPage> m_page;
    Organisation m_township;
    Organisation m_factory1; // members 0-29 (3 retained, 4 withdrawn)
    Organisation m_factory2; // members 30-39
    Organisation m_empty;    // no members
    QStringList m_members;
};

void TestOrganisationPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk-tests"));
    QSettings().clear();
}

void TestOrganisationPage::init()
{
    Clock::setFixed(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_township =
        m_store->addOrganisation(QStringLiteral("甲街道工会"), QString(), QStringLiteral("township"));
    m_factory1 = m_store->addOrganisation(QStringLiteral("甲一厂工会"), m_township.id);
    m_factory2 = m_store->addOrganisation(QStringLiteral("甲二厂工会"), m_township.id);
    m_empty = m_store->addOrganisation(QStringLiteral("乙厂工会"));
    QVERIFY(!m_factory2.id.isEmpty() && !m_empty.id.isEmpty());
    m_members = m_store->addMembers(m_factory1.id, 30, 0) + m_store->addMembers(m_factory2.id, 10, 30);
    QCOMPARE(m_members.size(), 40);
    MemberRepository members(m_store->store(), m_store->scope());
    QString error;
    QVERIFY2(members.changeStatus(m_members.at(3), QStringLiteral("retained"), QString(), QDate(),
                                  TestStore::actor(), &error),
             qPrintable(error));
    QVERIFY2(members.changeStatus(m_members.at(4), QStringLiteral("withdrawn"),
                                  QStringLiteral("个人要求退会"), QDate(), TestStore::actor(), &error),
             qPrintable(error));
    // The details DESIGN.md lists.
    OrganisationRepository organisations(m_store->store(), m_store->scope());
    m_factory1.creditCode = QStringLiteral("81440106MC00000016");
    m_factory1.legalPersonNumber = QStringLiteral("工法证字第440106001号");
    m_factory1.legalPersonRegisteredOn = QStringLiteral("2019-05-20");
    m_factory1.foundedOn = QStringLiteral("2008-03-01");
    m_factory1.address = QStringLiteral("天河路1号");
    m_factory1.contact = QStringLiteral("陈会计 020-12345678");
    m_factory1.industry = QStringLiteral("制造业");
    m_factory1.headcount = 86;
    m_factory1.kind = QStringLiteral("enterprise");
    QVERIFY2(organisations.update(m_factory1, TestStore::actor(), &error), qPrintable(error));
}

void TestOrganisationPage::cleanup()
{
    m_page.reset();
    m_store.reset();
    Clock::reset();
    Ask::setHook({});
}

OrganisationPage* TestOrganisationPage::openPage(const QString& organisationId)
{
    m_page = std::make_unique<OrganisationPage>(m_store->store(), m_store->scope());
    m_page->setActor(TestStore::actor());
    m_page->resize(1000, 700);
    m_page->setOrganisation(organisationId);
    m_page->show();
    return m_page.get();
}

int TestOrganisationPage::requestRow(OrganisationPage* page, const QString& state, const QString& kind) const
{
    for (int row = 0; row < page->requestModel()->rowCount(); ++row) {
        const OrganisationRequest* r = page->requestModel()->request(row);
        if (r->state == state && r->kind == kind)
            return row;
    }
    return -1;
}

void TestOrganisationPage::modelsPassTheTester()
{
    OrganisationTreeModel tree;
    QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tree.reload(OrganisationRepository(m_store->store(), m_store->scope()));
    QCOMPARE(tree.columnCount(), int(OrganisationTreeModel::ColumnCount));
    tree.reloadCounts(OrganisationRepository(m_store->store(), m_store->scope()));

    OrganisationPage* page = openPage(m_township.id);
    QAbstractItemModelTester committee(page->committeeModel(),
                                       QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester requests(page->requestModel(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester unions(page->subUnionModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page->reload();
    QCOMPARE(page->subUnionModel()->rowCount(), 2);
}

void TestOrganisationPage::showsDetailsAndCounts()
{
    OrganisationPage* page = openPage(m_factory1.id);
    OrganisationSummary* summary = page->summary();
    QCOMPARE(summary->titleLabel()->text(), m_factory1.name);
    QCOMPARE(summary->value(QStringLiteral("creditCode")), QStringLiteral("81440106MC00000016"));
    QCOMPARE(summary->value(QStringLiteral("legalPersonNumber")), m_factory1.legalPersonNumber);
    QCOMPARE(summary->value(QStringLiteral("legalPersonRegisteredOn")), QStringLiteral("2019-05-20"));
    QCOMPARE(summary->value(QStringLiteral("foundedOn")), QStringLiteral("2008-03-01"));
    QCOMPARE(summary->value(QStringLiteral("address")), m_factory1.address);
    QCOMPARE(summary->value(QStringLiteral("contact")), m_factory1.contact);
    QCOMPARE(summary->value(QStringLiteral("industry")), m_factory1.industry);
    QCOMPARE(summary->value(QStringLiteral("headcount")), QStringLiteral("86"));
    QCOMPARE(summary->value(QStringLiteral("status")), QStringLiteral("In operation"));

    const Expected e1 = expectedFor(0, 30, {3, 4});
    QCOMPARE(summary->value(QStringLiteral("active")), number(e1.active));
    QVERIFY2(
        summary->value(QStringLiteral("verified")).startsWith(number(e1.verified) + QStringLiteral(" of ")),
        qPrintable(summary->value(QStringLiteral("verified"))));
    QCOMPARE(summary->value(QStringLiteral("newEmploymentForm")), number(e1.newForm));
    QCOMPARE(summary->value(QStringLiteral("status:retained")), QStringLiteral("1"));
    QCOMPARE(summary->value(QStringLiteral("status:withdrawn")), QStringLiteral("1"));
    QCOMPARE(summary->value(QStringLiteral("cadres")), QStringLiteral("0"));

    // The township counts both factories; its sub-union list has each one's own.
    page->setOrganisation(m_township.id);
    const Expected e2 = expectedFor(30, 10, {});
    QCOMPARE(summary->value(QStringLiteral("active")), number(e1.active + e2.active));
    QCOMPARE(summary->value(QStringLiteral("newEmploymentForm")), number(e1.newForm + e2.newForm));
    QCOMPARE(summary->value(QStringLiteral("creditCode")), QStringLiteral("\u2014"));
    SubUnionModel* unions = page->subUnionModel();
    QCOMPARE(unions->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        const bool first = unions->organisation(row)->id == m_factory1.id;
        QCOMPARE(unions->index(row, SubUnionModel::ActiveColumn).data().toString(),
                 number(first ? e1.active : e2.active));
        QCOMPARE(unions->index(row, SubUnionModel::MembersColumn).data().toString(), number(first ? 30 : 10));
    }
    QVERIFY(page->tabs()->tabText(2).contains(QStringLiteral("2")));
    // A dissolved or unknown organisation leaves no stale details behind.
    page->setOrganisation(QStringLiteral("no-such-organisation"));
    QVERIFY(summary->titleLabel()->text().isEmpty());
    QVERIFY(!page->establishButton()->isEnabled());
}

void TestOrganisationPage::treeShowsSubtreeCounts()
{
    OrganisationTreeModel tree;
    tree.reload(OrganisationRepository(m_store->store(), m_store->scope()));
    const Expected e1 = expectedFor(0, 30, {3, 4});
    const Expected e2 = expectedFor(30, 10, {});
    auto shown = [&tree](const QString& id) {
        return tree.indexOf(id, OrganisationTreeModel::MembersColumn).data().toString();
    };
    QCOMPARE(shown(m_factory1.id), number(e1.active));
    QCOMPARE(shown(m_township.id), number(e1.active + e2.active));
    QCOMPARE(shown(m_store->root().id), number(e1.active + e2.active));
    QCOMPARE(shown(m_empty.id), QStringLiteral("0"));
    QCOMPARE(tree.indexOf(m_factory1.id).data().toString(), m_factory1.name);
    // A member changes status: reloadCounts follows, with a dataChanged for the counts column.
    QString error;
    QVERIFY(MemberRepository(m_store->store(), m_store->scope())
                .changeStatus(m_members.at(0), QStringLiteral("retained"), QString(), QDate(),
                              TestStore::actor(), &error));
    QSignalSpy changed(&tree, &QAbstractItemModel::dataChanged);
    tree.reloadCounts(OrganisationRepository(m_store->store(), m_store->scope()));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(shown(m_factory1.id), number(e1.active - 1));
    QCOMPARE(shown(m_store->root().id), number(e1.active + e2.active - 1));
}

void TestOrganisationPage::dissolveShowsTheGuard()
{
    OrganisationPage* page = openPage(m_factory1.id);
    QVERIFY(page->dissolveButton()->isEnabled());
    DissolveRequestDialog* dialog = page->requestDissolve();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->canDissolve());
    // The guard says why, with the count of members still on the roll (active and retained) …
    QVERIFY2(dialog->guardLabel()->text().contains(QStringLiteral("cannot be dissolved")),
             qPrintable(dialog->guardLabel()->text()));
    QVERIFY2(dialog->guardLabel()->text().contains(
                 QStringLiteral("on the roll of it or of the unions under it: 29")),
             qPrintable(dialog->guardLabel()->text()));
    // … and lists them by name, masked ID number and union.
    QTreeWidget* list = dialog->blockerList();
    QVERIFY(list->isVisibleTo(dialog));
    QCOMPARE(list->topLevelItemCount(), 29);
    QStringList names;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        names.append(list->topLevelItem(i)->text(0));
    QVERIFY(names.contains(TestStore::sampleName(0)));
    QVERIFY(names.contains(TestStore::sampleName(3)));  // retained: still on the roll
    QVERIFY(!names.contains(TestStore::sampleName(4))); // withdrawn: gone
    QVERIFY(!list->topLevelItem(0)->text(1).contains(TestStore::sampleIdNumber(0)));
    QCOMPARE(list->topLevelItem(0)->text(2), m_factory1.name);

    // The request needs a reason; it may be submitted, and shows as open.
    QVERIFY(!dialog->okButton()->isEnabled());
    typeText(dialog->reasonEdit(), QStringLiteral("企业关闭"));
    QVERIFY(dialog->okButton()->isEnabled());
    QSignalSpy submitted(dialog, &DissolveRequestDialog::submitted);
    dialog->accept();
    QCOMPARE(submitted.size(), 1);
    const int row = requestRow(page, QStringLiteral("submitted"), QStringLiteral("dissolve"));
    QVERIFY(row >= 0);
    QCOMPARE(page->tabs()->currentIndex(), 1);
    QVERIFY(!page->dissolveButton()->isEnabled()); // one open request at a time
    QVERIFY(!page->changeButton()->isEnabled());

    // Approving it is blocked by the same guard, which names the members.
    page->requestTable()->selectRow(row);
    QVERIFY(page->approveButton()->isEnabled());
    RequestDecisionDialog* decision = page->approveRequest();
    QVERIFY(decision && decision->isReady());
    QVERIFY(!decision->okButton()->isEnabled());
    QCOMPARE(decision->messageBar()->kind(), MessageBar::Kind::Warning);
    QVERIFY(decision->messageBar()->text().contains(TestStore::sampleName(0)));
    QVERIFY(!decision->save());
    decision->close();
    QCOMPARE(OrganisationRepository(m_store->store(), m_store->scope()).find(m_factory1.id)->status,
             QStringLiteral("active"));
}

void TestOrganisationPage::dissolveApprovedWhenNothingRemains()
{
    OrganisationPage* page = openPage(m_empty.id);
    QSignalSpy treeChanged(page, &OrganisationPage::organisationsChanged);
    DissolveRequestDialog* dialog = page->requestDissolve();
    QVERIFY(dialog->canDissolve());
    QVERIFY(!dialog->blockerList()->isVisibleTo(dialog));
    typeText(dialog->reasonEdit(), QStringLiteral("合并"));
    QVERIFY(dialog->save());
    dialog->close();
    const int row = requestRow(page, QStringLiteral("submitted"), QStringLiteral("dissolve"));
    page->requestTable()->selectRow(row);
    RequestDecisionDialog* decision = page->approveRequest();
    QVERIFY(decision->okButton()->isEnabled());
    QVERIFY(decision->summaryLabel()->text().contains(m_empty.name));
    QVERIFY(decision->summaryLabel()->text().contains(QStringLiteral("合并")));
    QVERIFY2(decision->save(), qPrintable(decision->messageBar()->text()));
    decision->close();
    QCOMPARE(treeChanged.size(), 1);
    QCOMPARE(page->summary()->value(QStringLiteral("status")), QStringLiteral("Dissolved"));
    QVERIFY(requestRow(page, QStringLiteral("approved"), QStringLiteral("dissolve")) >= 0);
    // Nothing more can be requested of a dissolved union.
    QVERIFY(!page->establishButton()->isEnabled());
    QVERIFY(!page->dissolveButton()->isEnabled());
    QVERIFY(!page->addCadreButton()->isEnabled());
}

void TestOrganisationPage::establishAndChangeApprovedThroughThePage()
{
    OrganisationPage* page = openPage(m_township.id);
    OrganisationRequestDialog* dialog = page->requestEstablish();
    QVERIFY(dialog);
    QCOMPARE(dialog->levelCombo()->currentData().toString(), QStringLiteral("base"));
    QVERIFY(!dialog->okButton()->isEnabled()); // no name yet
    typeText(dialog->lineEdit(QStringLiteral("name")), QStringLiteral("甲三厂工会"));
    QVERIFY(dialog->okButton()->isEnabled());
    // A credit code with a wrong check character is named at once and holds OK back.
    typeText(dialog->lineEdit(QStringLiteral("creditCode")), QStringLiteral("81440106MC00000017"));
    QVERIFY(dialog->creditCodeHint()->isVisibleTo(dialog));
    QVERIFY(!dialog->okButton()->isEnabled());
    dialog->lineEdit(QStringLiteral("creditCode"))->setText(QStringLiteral("81440106MC00000029"));
    QVERIFY(dialog->okButton()->isEnabled());
    dialog->headcountSpin()->setValue(40);
    dialog->lineEdit(QStringLiteral("foundedOn"))->setText(QStringLiteral("2026年2月1日"));
    QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
    dialog->close();

    int row = requestRow(page, QStringLiteral("submitted"), QStringLiteral("establish"));
    QVERIFY(row >= 0);
    QCOMPARE(page->requestModel()->index(row, OrganisationRequestModel::UnionColumn).data().toString(),
             QStringLiteral("甲三厂工会"));
    QCOMPARE(page->subUnionModel()->rowCount(), 2); // nothing is set up before the approval
    page->requestTable()->selectRow(row);
    RequestDecisionDialog* decision = page->approveRequest();
    QVERIFY(decision->okButton()->isEnabled());
    typeText(decision->reasonEdit(), QStringLiteral("同意"));
    decision->accept();
    QCOMPARE(page->subUnionModel()->rowCount(), 3);
    QVERIFY(requestRow(page, QStringLiteral("approved"), QStringLiteral("establish")) >= 0);
    const QList<Organisation> made =
        OrganisationRepository(m_store->store(), m_store->scope()).search(QStringLiteral("甲三厂"));
    QCOMPARE(made.size(), 1);
    QCOMPARE(made.first().creditCode, QStringLiteral("81440106MC00000029"));
    QCOMPARE(made.first().foundedOn, QStringLiteral("2026-02-01"));

    // A change: only what changed is proposed; the organisation changes on approval.
    page->setOrganisation(m_factory1.id);
    dialog = page->requestChange();
    QCOMPARE(dialog->lineEdit(QStringLiteral("name"))->text(), m_factory1.name);
    QCOMPARE(dialog->headcountSpin()->value(), 86);
    dialog->headcountSpin()->setValue(120);
    dialog->lineEdit(QStringLiteral("contact"))->setText(QStringLiteral("李主席 020-87654321"));
    typeText(dialog->reasonEdit(), QStringLiteral("换届"));
    QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
    dialog->close();
    QCOMPARE(page->summary()->value(QStringLiteral("headcount")), QStringLiteral("86"));
    row = requestRow(page, QStringLiteral("submitted"), QStringLiteral("change"));
    const QString proposed =
        page->requestModel()->index(row, OrganisationRequestModel::ProposedColumn).data().toString();
    QVERIFY2(proposed.contains(QStringLiteral("120")) && !proposed.contains(QStringLiteral("Address")),
             qPrintable(proposed));
    page->requestTable()->selectRow(row);
    decision = page->approveRequest();
    QVERIFY(decision->save());
    decision->close();
    QCOMPARE(page->summary()->value(QStringLiteral("headcount")), QStringLiteral("120"));
    QCOMPARE(page->summary()->value(QStringLiteral("contact")), QStringLiteral("李主席 020-87654321"));
    // The history keeps both, oldest first.
    QCOMPARE(page->requestModel()->rowCount(), 1);
    QVERIFY(page->requestModel()
                ->index(0, OrganisationRequestModel::DecidedColumn)
                .data()
                .toString()
                .contains(TestStore::actor()));
}

void TestOrganisationPage::rejectNeedsAReason()
{
    OrganisationPage* page = openPage(m_factory2.id);
    OrganisationRequestDialog* dialog = page->requestChange();
    dialog->lineEdit(QStringLiteral("address"))->setText(QStringLiteral("新地址"));
    QVERIFY(dialog->save());
    dialog->close();
    page->requestTable()->selectRow(0);
    RequestDecisionDialog* decision = page->rejectRequest();
    QVERIFY(!decision->okButton()->isEnabled());
    typeText(decision->reasonEdit(), QStringLiteral("材料不全"));
    QVERIFY(decision->okButton()->isEnabled());
    QVERIFY(decision->save());
    decision->close();
    QCOMPARE(page->requestModel()->request(0)->state, QStringLiteral("rejected"));
    QCOMPARE(page->requestModel()->index(0, OrganisationRequestModel::DecisionReasonColumn).data().toString(),
             QStringLiteral("材料不全"));
    QCOMPARE(page->summary()->value(QStringLiteral("address")), QStringLiteral("\u2014"));
    // Decided: no second decision, and a new request may be made.
    page->requestTable()->selectRow(0);
    QVERIFY(!page->approveButton()->isEnabled());
    QVERIFY(!page->withdrawButton()->isEnabled());
    QVERIFY(page->changeButton()->isEnabled());
}

void TestOrganisationPage::committeeShowsAFlaggedCadre()
{
    OrganisationPage* page = openPage(m_factory1.id);
    CadreDialog* dialog = page->addCadre();
    QVERIFY(dialog && dialog->isReady());
    QVERIFY(!dialog->okButton()->isEnabled());
    typeText(dialog->idNumberEdit(), TestStore::sampleIdNumber(0));
    QVERIFY2(dialog->memberLabel()->text().contains(TestStore::sampleName(0)),
             qPrintable(dialog->memberLabel()->text()));
    dialog->positionCombo()->setCurrentIndex(dialog->positionCombo()->findData(QStringLiteral("chair")));
    dialog->fullTimeCheck()->setChecked(true);
    QVERIFY(dialog->okButton()->isEnabled());
    QVERIFY(dialog->save());
    dialog->close();
    // A second cadre who is no member.
    dialog = page->addCadre();
    dialog->notMemberCheck()->setChecked(true);
    typeText(dialog->nameEdit(), QStringLiteral("外聘委员"));
    dialog->positionCombo()->setCurrentIndex(
        dialog->positionCombo()->findData(QStringLiteral("committee-member")));
    QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
    dialog->close();

    CommitteeModel* committee = page->committeeModel();
    QCOMPARE(committee->rowCount(), 2);
    QCOMPARE(committee->index(0, CommitteeModel::NameColumn).data().toString(), TestStore::sampleName(0));
    QCOMPARE(committee->index(0, CommitteeModel::PositionColumn).data().toString(), QStringLiteral("Chair"));
    QCOMPARE(committee->index(0, CommitteeModel::FullTimeColumn).data().toString(),
             QStringLiteral("Full-time"));
    QCOMPARE(committee->index(0, CommitteeModel::TermColumn).data().toString(),
             QStringLiteral("2026-03-01 to 2031-02-28"));
    QVERIFY(!committee->index(0, 0).data(CommitteeModel::FlaggedRole).toBool());
    QCOMPARE(page->summary()->value(QStringLiteral("cadres")), QStringLiteral("2"));

    // The chair's member record is hung: the committee flags the chair, with the reason.
    QString error;
    QVERIFY(MemberRepository(m_store->store(), m_store->scope())
                .changeStatus(m_members.at(0), QStringLiteral("hung"), QString(), QDate(), TestStore::actor(),
                              &error));
    page->reload();
    QVERIFY(committee->index(0, 0).data(CommitteeModel::FlaggedRole).toBool());
    QVERIFY(!committee->index(1, 0).data(CommitteeModel::FlaggedRole).toBool());
    QVERIFY2(
        committee->index(0, CommitteeModel::NoteColumn).data().toString().contains(TestStore::sampleName(0)),
        qPrintable(committee->index(0, CommitteeModel::NoteColumn).data().toString()));
    QVERIFY(!page->findChild<QLabel*>(QStringLiteral("flaggedCadres"))->text().isEmpty());

    // Ending the term takes the chair off the committee; "show ended terms" brings it back.
    page->committeeTable()->selectRow(0);
    QVERIFY(page->endTermButton()->isEnabled());
    Ask::setNextAnswer(QMessageBox::Yes);
    page->endTerm();
    QCOMPARE(committee->rowCount(), 1);
    page->showEndedCheck()->setChecked(true);
    QCOMPARE(committee->rowCount(), 2);
    QVERIFY(!committee->index(0, 0).data(CommitteeModel::InPostRole).toBool());
    QVERIFY(committee->index(0, CommitteeModel::NoteColumn)
                .data()
                .toString()
                .contains(QStringLiteral("2026-03-01")));
}

void TestOrganisationPage::secondChairIsRefused()
{
    Cadre chair;
    chair.memberId = m_members.at(1);
    chair.organisationId = m_factory1.id;
    chair.position = QStringLiteral("chair");
    chair.termStart = QStringLiteral("2023-01-01");
    chair.termEnd = QStringLiteral("2027-12-31");
    QString error;
    QVERIFY2(CadreRepository(m_store->store(), m_store->scope()).add(chair, TestStore::actor(), &error),
             qPrintable(error));
    OrganisationPage* page = openPage(m_factory1.id);
    CadreDialog* dialog = page->addCadre();
    typeText(dialog->idNumberEdit(), TestStore::sampleIdNumber(2));
    dialog->positionCombo()->setCurrentIndex(dialog->positionCombo()->findData(QStringLiteral("chair")));
    // Named before OK …
    QVERIFY(dialog->chairHint()->isVisibleTo(dialog));
    QVERIFY(dialog->chairHint()->text().contains(TestStore::sampleName(1)));
    // … and refused by the core, with the chair in post named.
    QVERIFY(!dialog->save());
    QCOMPARE(dialog->messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(dialog->messageBar()->text().contains(TestStore::sampleName(1)));
    // As vice-chair the same person is fine.
    dialog->positionCombo()->setCurrentIndex(dialog->positionCombo()->findData(QStringLiteral("vice-chair")));
    QVERIFY(!dialog->chairHint()->isVisibleTo(dialog));
    QVERIFY(dialog->save());
    dialog->close();
    QCOMPARE(page->committeeModel()->rowCount(), 2);
}

void TestOrganisationPage::searchFindsByNameOrCode()
{
    OrganisationSearchBox box(m_store->store(), m_store->scope());
    QSignalSpy chosen(&box, &OrganisationSearchBox::organisationChosen);
    box.setText(QStringLiteral("甲"));
    QCOMPARE(box.search(), 3);
    box.setText(QStringLiteral("81440106"));
    QCOMPARE(box.search(), 1);
    QVERIFY(box.matches()->item(0)->text().contains(m_factory1.name));
    box.setText(QStringLiteral("乙厂"));
    QTest::keyClick(&box, Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toString(), m_empty.id);
    box.setText(QStringLiteral("没有这个"));
    QCOMPARE(box.search(), 0);
}

void TestOrganisationPage::pageIsATabOfTheWindow()
{
    MainWindow window(m_store->store());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.tabs()->count(), 2);
    QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget*>(window.rosterView()));
    QVERIFY(window.selectOrganisation(m_factory2.id));
    OrganisationPage* page = window.organisationPage();
    QCOMPARE(page->organisationId(), m_factory2.id);
    window.tabs()->setCurrentWidget(page);
    QCOMPARE(page->summary()->titleLabel()->text(), m_factory2.name);
    // The tree shows the active members of each subtree beside the name.
    const QModelIndex count =
        window.organisationModel()->indexOf(m_township.id, OrganisationTreeModel::MembersColumn);
    QCOMPARE(count.data().toString(), number(expectedFor(0, 30, {3, 4}).active + 10));
    // The search box above the tree selects what it finds.
    typeText(window.organisationSearch(), QStringLiteral("乙厂"));
    QTest::keyClick(window.organisationSearch(), Qt::Key_Return);
    QCOMPARE(window.currentOrganisationId(), m_empty.id);
    QCOMPARE(page->summary()->titleLabel()->text(), m_empty.name);
    // A union set up through the page appears in the tree.
    OrganisationRequestDialog* dialog = page->requestEstablish();
    typeText(dialog->lineEdit(QStringLiteral("name")), QStringLiteral("乙厂车间工会"));
    QVERIFY(dialog->save());
    dialog->close();
    page->requestTable()->selectRow(0);
    RequestDecisionDialog* decision = page->approveRequest();
    QVERIFY(decision->save());
    decision->close();
    QVERIFY(window.organisationModel()->rowCount(window.organisationModel()->indexOf(m_empty.id)) == 1);
    QCOMPARE(window.currentOrganisationId(), m_empty.id);
}

void TestOrganisationPage::importsAndExportsUnions()
{
    QTemporaryDir dir;
    const QString list = dir.filePath(QStringLiteral("unions.csv"));
    QFile file(list);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("工会名称,上级工会,层级,工会类型\n"
                              "甲三厂工会,,基层工会,企业工会\n"
                              "甲三厂车间工会,甲三厂工会,基层工会,\n"
                              "甲一厂工会,,,\n"
                              "坏工会,不存在的工会,,\n")
                   .toUtf8());
    file.close();

    OrganisationPage* page = openPage(m_township.id);
    QSignalSpy changed(page, &OrganisationPage::organisationsChanged);
    OrganisationImportDialog* dialog = page->importUnions(list);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // Two to add, one already there, one refused with its row and column.
    QVERIFY2(dialog->summaryLabel()->text().contains(QStringLiteral("<b>2</b>")),
             qPrintable(dialog->summaryLabel()->text()));
    QVERIFY(dialog->problemTable()->isVisibleTo(dialog));
    QVERIFY(dialog->problemTable()->model()->rowCount() >= 2);
    QVERIFY(dialog->importButton()->isEnabled());
    OrganisationRepository organisations(m_store->store(), m_store->scope());
    QCOMPARE(organisations.children(m_township.id).size(), 2); // nothing written yet
    dialog->importButton()->click();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(organisations.children(m_township.id).size(), 3);
    QCOMPARE(page->subUnionModel()->rowCount(), 3);
    QVERIFY(page->messageBar()->isVisible());

    const QString exported = dir.filePath(QStringLiteral("tree.xlsx"));
    QVERIFY(page->exportUnions(exported));
    Workbook workbook;
    QString error;
    QVERIFY2(SheetReader::readFile(exported, &workbook, &error), qPrintable(error));
    const auto choice = OrganisationImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    // The township, its three unions and the workshop union.
    QCOMPARE(OrganisationImport::plan(workbook.sheets.at(choice->first), choice->second, m_store->store(),
                                      m_store->scope(), m_township.id)
                 .rows()
                 .size(),
             5);
    // A file that cannot be read: an error in the page's message bar, no dialog.
    QVERIFY(!page->importUnions(dir.filePath(QStringLiteral("missing.xlsx"))));

    // The list with a password to open: asked for, again after a wrong one; Cancel gives up.
    QFile plain(exported);
    QVERIFY(plain.open(QIODevice::ReadOnly));
    const QString locked = dir.filePath(QStringLiteral("工会名单.xlsx"));
    QVERIFY(ud::test::OfficeEncryption::writeAgile(locked, plain.readAll(), QStringLiteral("Tree2026")));
    QStringList answers{QStringLiteral("tree2026"), QStringLiteral("Tree2026")};
    QStringList asked;
    QTimer answerer;
    answerer.setInterval(20);
    connect(&answerer, &QTimer::timeout, this, [&] {
        auto* input = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        if (!input)
            return;
        asked.append(input->labelText());
        QCOMPARE(input->textEchoMode(), QLineEdit::Password);
        if (answers.isEmpty()) {
            input->reject();
            return;
        }
        input->setTextValue(answers.takeFirst());
        input->accept();
    });
    answerer.start();
    OrganisationImportDialog* lockedDialog = page->importUnions(locked);
    QVERIFY(lockedDialog);
    QCOMPARE(asked.size(), 2);
    QVERIFY2(asked.at(0).contains(QStringLiteral("工会名单.xlsx")), qPrintable(asked.at(0)));
    QVERIFY2(asked.at(1).contains(QStringLiteral("Caps Lock")), qPrintable(asked.at(1)));
    lockedDialog->reject();
    asked.clear();
    QVERIFY(!page->importUnions(locked)); // answers used up: Cancel
    answerer.stop();
    QCOMPARE(asked.size(), 1);
}

void TestOrganisationPage::expiringTermsAcrossTheSubtree()
{
    // Today is 2026-03-01 (Clock fixed in init()).
    CadreRepository cadres(m_store->store(), m_store->scope());
    struct Term
    {
        QString organisation;
        const char* position;
        const char* name;
        const char* end;
    };
    const QList<Term> terms = {
        {m_factory1.id, "chair", "甲主席", "2026-03-31"},            // 30 days
        {m_factory2.id, "vice-chair", "乙副主席", "2026-09-17"},     // 200 days
        {m_factory2.id, "committee-member", "丙委员", "2026-02-19"}, // ran out 10 days ago
        {m_empty.id, "chair", "丁主席", "2030-01-01"},               // years away
    };
    for (const Term& term : terms) {
        Cadre c;
        c.organisationId = term.organisation;
        c.name = QString::fromUtf8(term.name);
        c.position = QString::fromLatin1(term.position);
        c.termStart = QStringLiteral("2021-03-01");
        c.termEnd = QString::fromLatin1(term.end);
        QString error;
        QVERIFY2(cadres.add(c, TestStore::actor(), &error), qPrintable(error));
    }

    ExpiringTermsDialog dialog(m_store->store(), m_store->scope());
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    auto names = [&dialog] {
        QStringList out;
        for (int row = 0; row < dialog.model()->rowCount(); ++row)
            out.append(dialog.model()->index(row, ExpiringTermsModel::NameColumn).data().toString() +
                       QLatin1Char(':') +
                       dialog.model()->index(row, 0).data(ExpiringTermsModel::DaysLeftRole).toString());
        return out;
    };
    // 180 days and the overdue ones by default, soonest (most overdue) first.
    QCOMPARE(names(), (QStringList{QStringLiteral("丙委员:-10"), QStringLiteral("甲主席:30")}));
    QCOMPARE(dialog.model()->index(0, ExpiringTermsModel::OrganisationColumn).data().toString(),
             m_factory2.name);
    QVERIFY(dialog.model()->index(0, ExpiringTermsModel::DaysLeftColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(!dialog.model()->index(1, ExpiringTermsModel::DaysLeftColumn).data(Qt::ForegroundRole).isValid());
    dialog.daysSpin()->setValue(365);
    QCOMPARE(names(), (QStringList{QStringLiteral("丙委员:-10"), QStringLiteral("甲主席:30"),
                                   QStringLiteral("乙副主席:200")}));
    dialog.overdueCheck()->setChecked(false);
    QCOMPARE(names(), (QStringList{QStringLiteral("甲主席:30"), QStringLiteral("乙副主席:200")}));
    QVERIFY(dialog.summaryLabel()->text().contains(QLatin1Char('2')));

    // A clerk of the second factory sees only its own terms.
    ExpiringTermsDialog own(m_store->store(),
                            OrganisationRepository::scopeOf(m_store->store(), m_factory2.id));
    own.daysSpin()->setValue(365);
    QCOMPARE(own.model()->rowCount(), 2);

    // Opening a row opens its union.
    QSignalSpy activated(&dialog, &ExpiringTermsDialog::organisationActivated);
    emit dialog.table()->activated(dialog.model()->index(0, 0));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), m_factory1.id);
}

QTEST_MAIN(TestOrganisationPage)
#include "tst_organisationpage.moc"
