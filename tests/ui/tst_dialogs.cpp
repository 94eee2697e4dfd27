#include "TestStore.h"
#include "TypeText.h"
#include "common/DateText.h"
#include "common/MessageBar.h"
#include "common/StoreUpgrade.h"
#include "members/HistoryDialog.h"
#include "members/MemberHistoryModel.h"
#include "members/MemberRepository.h"
#include "members/StatusDialog.h"
#include "organisations/OrganisationCombo.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/RootOrganisationDialog.h"
#include "settings/SettingsDialog.h"
#include "store/Migrator.h"
#include "store/Sql.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace ud;
using ud::test::TestStore;
using ud::test::typeText;

class TestDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void messageBarShowsAndCloses();
    void datesAreReadAsClerksWriteThem();
    void organisationComboListsTheTree();
    void withdrawalNeedsAReason();
    void backToActiveNeedsNoReason();
    void historyListsTheEvents();
    void settingsAreStored();
    void rootOrganisationNeedsAName();
    void olderDataFileIsUpgradedBeforeTheWindowOpens();

private:
    std::unique_ptr<TestStore> m_store;
    Organisation m_factory;
    QStringList m_members;
};

void TestDialogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk-tests"));
    QSettings().clear();
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_factory = m_store->addOrganisation(QStringLiteral("甲厂工会"));
    QVERIFY2(!m_factory.id.isEmpty(), qPrintable(m_store->error()));
    QVERIFY(!m_store->addOrganisation(QStringLiteral("甲厂一车间分会"), m_factory.id).id.isEmpty());
    QVERIFY(!m_store->addOrganisation(QStringLiteral("乙厂工会")).id.isEmpty());
    m_members = m_store->addMembers(m_factory.id, 5);
    QVERIFY2(m_members.size() == 5, qPrintable(m_store->error()));
}

void TestDialogs::messageBarShowsAndCloses()
{
    MessageBar bar;
    QSignalSpy closed(&bar, &MessageBar::closed);
    QVERIFY(bar.isHidden());
    bar.showMessage(QStringLiteral("保存失败"), MessageBar::Kind::Error);
    bar.show();
    QVERIFY(!bar.isHidden());
    QCOMPARE(bar.text(), QStringLiteral("保存失败"));
    QCOMPARE(bar.kind(), MessageBar::Kind::Error);
    QTest::mouseClick(bar.closeButton(), Qt::LeftButton);
    QVERIFY(bar.isHidden());
    QCOMPARE(closed.count(), 1);
    QVERIFY(bar.text().isEmpty());
}

void TestDialogs::datesAreReadAsClerksWriteThem()
{
    QCOMPARE(datetext::normalise(QStringLiteral("2024-03-05")), QStringLiteral("2024-03-05"));
    QCOMPARE(datetext::normalise(QStringLiteral("2024/3/5")), QStringLiteral("2024-03-05"));
    QCOMPARE(datetext::normalise(QStringLiteral("2024.03.5")), QStringLiteral("2024-03-05"));
    QCOMPARE(datetext::normalise(QStringLiteral("20240305")), QStringLiteral("2024-03-05"));
    QCOMPARE(datetext::normalise(QStringLiteral("2024年3月5日")), QStringLiteral("2024-03-05"));
    QCOMPARE(datetext::normalise(QStringLiteral(" 2024-02-30 ")),
             QStringLiteral("2024-02-30")); // left for the validator
    QCOMPARE(datetext::normalise(QStringLiteral("soon")), QStringLiteral("soon"));
    QVERIFY(!datetext::parse(QString()).isValid());
}

void TestDialogs::organisationComboListsTheTree()
{
    OrganisationCombo combo;
    combo.setOrganisations(OrganisationRepository(m_store->store(), m_store->scope()).subtree());
    QCOMPARE(combo.count(), 4);
    // Parents before children, each child right under its parent (siblings in the locale's order,
    // as in the tree).
    QCOMPARE(combo.itemText(0), m_store->root().name);
    const int factory = combo.findText(QStringLiteral("甲厂工会"));
    QVERIFY(factory > 0);
    QCOMPARE(combo.itemText(factory + 1), QStringLiteral("甲厂一车间分会"));
    QVERIFY(combo.findText(QStringLiteral("乙厂工会")) > 0);
    QCOMPARE(combo.organisationId(), QString());
    combo.setOrganisationId(m_factory.id);
    QCOMPARE(combo.currentText(), QStringLiteral("甲厂工会"));
    QCOMPARE(combo.organisationId(), m_factory.id);
}

void TestDialogs::withdrawalNeedsAReason()
{
    const QString id = m_members.at(0);
    StatusDialog dialog(m_store->store(), m_store->scope(), id);
    dialog.show();
    QVERIFY(dialog.isReady());
    QSignalSpy changed(&dialog, &StatusDialog::statusChanged);
    // An active member can be retained, withdrawn, stopped, expelled or marked deceased.
    QCOMPARE(dialog.statusCombo()->count(), 5);
    QCOMPARE(dialog.statusCombo()->findData(QStringLiteral("active")), -1);
    QCOMPARE(dialog.dateEdit()->date(), Clock::today());
    QCOMPARE(dialog.dateEdit()->maximumDate(), Clock::today());

    dialog.statusCombo()->setCurrentIndex(dialog.statusCombo()->findData(QStringLiteral("withdrawn")));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(!dialog.save());
    typeText(dialog.reasonCombo()->lineEdit(), QStringLiteral("个人要求退会"));
    QVERIFY(dialog.okButton()->isEnabled());
    dialog.dateEdit()->setDate(Clock::today().addDays(-3));
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.count(), 1);

    MemberRepository repository(m_store->store(), m_store->scope());
    QCOMPARE(repository.find(id)->status, QStringLiteral("withdrawn"));
    const QList<MemberEvent> history = repository.history(id);
    QVERIFY(!history.isEmpty());
    const MemberEvent& last = history.last();
    QCOMPARE(last.kind, QStringLiteral("status-changed"));
    QCOMPARE(last.toStatus, QStringLiteral("withdrawn"));
    QCOMPARE(last.reason, QStringLiteral("个人要求退会"));
    QCOMPARE(last.occurredOn, Clock::today().addDays(-3).toString(Qt::ISODate));
}

void TestDialogs::backToActiveNeedsNoReason()
{
    const QString id = m_members.at(1);
    MemberRepository repository(m_store->store(), m_store->scope());
    QString error;
    QVERIFY2(repository.changeStatus(id, QStringLiteral("retained"), QString(), Clock::today(),
                                     TestStore::actor(), &error),
             qPrintable(error));

    StatusDialog dialog(m_store->store(), m_store->scope(), id);
    QCOMPARE(dialog.statusCombo()->findData(QStringLiteral("retained")), -1);
    dialog.statusCombo()->setCurrentIndex(dialog.statusCombo()->findData(QStringLiteral("active")));
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.save());
    QCOMPARE(repository.find(id)->status, QStringLiteral("active"));

    // A member that no longer exists: the dialog says so and offers nothing.
    StatusDialog missing(m_store->store(), m_store->scope(), QStringLiteral("no-such-id"));
    QVERIFY(!missing.isReady());
    QVERIFY(!missing.okButton()->isEnabled());
    QVERIFY(!missing.messageBar()->isHidden());
}

void TestDialogs::historyListsTheEvents()
{
    const QString id = m_members.at(0); // joined, then withdrawn above
    HistoryDialog dialog(m_store->store(), m_store->scope(), id);
    QVERIFY(dialog.windowTitle().contains(TestStore::sampleName(0)));
    QCOMPARE(dialog.model()->rowCount(), 2);
    QCOMPARE(dialog.table()->model(), dialog.model());
}

void TestDialogs::settingsAreStored()
{
    AppSettings& settings = AppSettings::instance();
    settings.setValue(AppSettings::Key::Language, QStringLiteral("system"));
    settings.setValue(AppSettings::Key::ActorName, QString());
    {
        SettingsDialog dialog(settings);
        QCOMPARE(dialog.languageCombo()->currentData().toString(), QStringLiteral("system"));
        QVERIFY(!dialog.restartNote()->text().isEmpty());
        QVERIFY(!dialog.actorEdit()->placeholderText().isEmpty()); // the OS user name
        dialog.languageCombo()->setCurrentIndex(dialog.languageCombo()->findData(QStringLiteral("en")));
        dialog.actorEdit()->setText(QStringLiteral("  陈会计 "));
        dialog.accept();
    }
    QCOMPARE(settings.language(), QStringLiteral("en"));
    QCOMPARE(settings.value(AppSettings::Key::ActorName).toString(), QStringLiteral("陈会计"));

    SettingsDialog again(settings);
    QCOMPARE(again.languageCombo()->currentData().toString(), QStringLiteral("en"));
    QCOMPARE(again.actorEdit()->text(), QStringLiteral("陈会计"));
    again.reject();
    settings.setValue(AppSettings::Key::ActorName, QString());
}

void TestDialogs::rootOrganisationNeedsAName()
{
    RootOrganisationDialog dialog;
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(buttons);
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(dialog.level(), QStringLiteral("base"));
    typeText(dialog.nameEdit(), QStringLiteral("  示例公司工会 "));
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(dialog.name(), QStringLiteral("示例公司工会"));
    QCOMPARE(dialog.level(), QStringLiteral("base"));

    // The level follows the name until the clerk chooses one.
    dialog.nameEdit()->clear();
    typeText(dialog.nameEdit(), QStringLiteral("示例市西湖区总工会"));
    QCOMPARE(dialog.level(), QStringLiteral("district"));
    const int township = dialog.levelCombo()->findData(QStringLiteral("township"));
    QVERIFY(township >= 0);
    dialog.levelCombo()->setCurrentIndex(township);
    emit dialog.levelCombo()->activated(township);
    typeText(dialog.nameEdit(), QStringLiteral("省总工会"));
    QCOMPARE(dialog.level(), QStringLiteral("township"));
}

void TestDialogs::olderDataFileIsUpgradedBeforeTheWindowOpens()
{
    // A data file of schema v5 (the v6, v7 and v8 objects taken away), with a member in it.
    TestStore old;
    QVERIFY2(old.isValid(), qPrintable(old.error()));
    QCOMPARE(old.addMembers(old.root().id, 1, 40).size(), 1);
    QString error;
    const QSqlDatabase db = old.store().connection();
    for (const char* statement :
         {"DROP TABLE transfer", "DROP TABLE sync_conflict", "DROP TABLE import_batch_member",
          "DROP TABLE import_batch", "DROP INDEX outbox_record", "PRAGMA user_version = 5"})
        QVERIFY2(sql::run(db, QString::fromLatin1(statement), &error), qPrintable(error));
    QVERIFY(Database::needsUpgrade(old.path()));

    QVERIFY2(StoreUpgrade::runIfNeeded(old.path(), nullptr, &error), qPrintable(error));
    QCOMPARE(Database::storedSchemaVersion(old.path()), Migrator::latestVersion());
    QVERIFY(!Database::needsUpgrade(old.path()));
    QVERIFY(MemberRepository(old.store(), old.scope()).findByIdNumber(TestStore::sampleIdNumber(40)));
    // Current already: nothing to do.
    QVERIFY(StoreUpgrade::runIfNeeded(old.path(), nullptr, &error));
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
