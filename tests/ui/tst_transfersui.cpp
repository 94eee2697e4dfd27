// The desktop side of membership transfers (issue #6), driven offscreen as a clerk would: the
// transfer-out dialog (hung, direct, kept membership) and what it writes, the transfer-in dialog
// with its ID-number check and its look-up on the real uniondesk-server on loopback (a member of
// another union put there by that union's `uniondesk-cli sync`; each look-up checked in the server's
// audit log and request log), the new-member dialog turning a member found elsewhere into a transfer
// in, and the Transfers window: its buttons per state, the
// search by the code printed on a letter, the letter saved as a PDF and read back with pdftotext,
// and the report of members hung for months.

#include "SyncLoopback.h"
#include "TestStore.h"
#include "TransferTestStore.h"
#include "TypeText.h"
#include "audit/AuditLog.h"
#include "common/CodeCombo.h"
#include "common/MessageBar.h"
#include "domain/IdNumber.h"
#include "domain/PersonName.h"
#include "mainwindow/MainWindow.h"
#include "members/MemberDialog.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationCombo.h"
#include "roster/RosterView.h"
#include "store/Outbox.h"
#include "sync/LocalRecordStore.h"
#include "sync/SyncController.h"
#include "sync/SyncEntities.h"
#include "transfers/HungMembersPage.h"
#include "transfers/TransferDecisionDialog.h"
#include "transfers/TransferInDialog.h"
#include "transfers/TransferListModel.h"
#include "transfers/TransferMenu.h"
#include "transfers/TransferOutDialog.h"
#include "transfers/TransferRepository.h"
#include "transfers/TransferWorkflow.h"
#include "transfers/TransfersWindow.h"
#include "util/Clock.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>

#include <functional>

using namespace ud;
using ud::test::CliRun;
using ud::test::SyncLoopback;
using ud::test::TestStore;
using ud::test::TransferTestStore;
using ud::test::typeText;

namespace {

// The look-ups are asked as the clerk of 乙厂工会 (SyncLoopback::ClerkB); the members sought belong to
// another union on the same server, put there by its own clerk's `uniondesk-cli sync`.
const QString ClerkC = QStringLiteral("clerk-c");
QString unionC()
{
    return QStringLiteral("丙市某某机械厂工会");
}
const QString JoinedC = QStringLiteral("2016-04-01");
// The sample members of union C on the server.
constexpr int KnownForTransferIn = 41;
constexpr int KnownForNewMember = 44;
// A server look-up signs in (hashing a password) on a shared machine: a generous ceiling.
constexpr int LookupWaitMs = 30'000;

QList<OutboxOperation> operationsOf(Database& store, const QString& recordId)
{
    QList<OutboxOperation> out;
    const QList<OutboxOperation> all = Outbox(store.connection()).pending(100000);
    for (const OutboxOperation& op : all) {
        if (op.recordId == recordId)
            out.append(op);
    }
    return out;
}

// The text layer of a PDF, as poppler reads it.
QString pdfText(const QString& path)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        return QStringLiteral("(pdftotext is missing: install poppler-utils)");
    QProcess p;
    p.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    p.waitForFinished(30'000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

int rowOf(const TransfersWindow& window, const QString& transferId)
{
    const int sourceRow = window.model()->rowOf(transferId);
    return window.proxy()->mapFromSource(window.model()->index(sourceRow, 0)).row();
}

} // namespace

class TestTransfersUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void outHungWritesTheTransferAndOffersTheLetter();
    void outStraightToAUnion();
    void keepingTheMembershipOnlyWhenRetiredOrUnemployed();
    void outRefusedForAMemberWithAnOpenTransfer();
    void inOfflineChecksTheIdNumberAndWritesTheRequest();
    void inLooksTheNumberUpOnTheServer();
    void inWhenTheServerCannotBeReached();
    void newMemberFoundElsewhereBecomesATransferIn();
    void windowButtonsFollowTheState();
    void approveRejectAndCancelFromTheWindow();
    void searchFindsTheCodeOnTheLetter();
    void letterSavedAsPdfNamesTheMember();
    void hungForMonthsReport();
    void windowReadsAgainAfterASync();
    void mainWindowOffersTheTransfers();

private:
    Database& store() { return m_store->store(); }
    TransferRepository transfers() { return TransferRepository(store(), m_store->scope()); }

    // The real uniondesk-server on loopback, set up on first use and shared by the look-up tests,
    // with samples KnownForTransferIn and KnownForNewMember members of union C; started again when
    // a test stopped it.
    bool serverReady(QString* error);
    // Signed in as clerk B at the running server, as SyncController::sessionOptions gives it.
    sync::SyncOptions lookupSession();
    qint64 lookupsAudited();
    // Empty when the server's latest look-up was clerk B's of `idNumber`, audited with the number
    // masked and logged with clerk B's account and 200 (found) or 404; else what differs.
    QString latestLookupProblem(const QString& idNumber, bool found);

    std::unique_ptr<SyncLoopback> m_world;
    std::unique_ptr<TransferTestStore> m_store;
    QTemporaryDir m_dir;
};

void TestTransfersUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk-tests"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestTransfersUi::cleanupTestCase()
{
    m_world.reset();
}

void TestTransfersUi::init()
{
    m_store = std::make_unique<TransferTestStore>();
    QVERIFY2(m_store->isReady(), qPrintable(m_store->error()));
}

void TestTransfersUi::cleanup()
{
    Clock::reset();
    m_store.reset();
}

bool TestTransfersUi::serverReady(QString* error)
{
    if (m_world)
        return m_world->server().isRunning() || m_world->startServer(0, error);
    auto world =
        std::make_unique<SyncLoopback>(SyncLoopback::Backend::Sqlite, QStringLiteral(UNIONDESK_SERVER_PATH),
                                       QStringLiteral(UNIONDESK_CLI_PATH));
    if (!world->setUp(error) ||
        !world->addOrganisation(QStringLiteral("c"), unionC(), QStringLiteral("district"),
                                QStringLiteral("base"), error) ||
        !world->addAccount(ClerkC, QStringLiteral("c"), error))
        return false;
    // Union C's clerk joins, adds the two members and syncs them to the server.
    const QString storeC = world->storePath(QStringLiteral("c"));
    const CliRun joined = world->sync(storeC, ClerkC);
    if (joined.exitCode != 0) {
        *error = QStringLiteral("first sync of union C: ") + joined.describe();
        return false;
    }
    for (const int n : {KnownForTransferIn, KnownForNewMember}) {
        const Member m = TestStore::sampleMember(n, QString());
        const CliRun added = world->cli(
            storeC, {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--name"), m.name,
                     QStringLiteral("--id-number"), m.idNumber, QStringLiteral("--mobile"), m.mobile,
                     QStringLiteral("--org"), unionC(), QStringLiteral("--join-date"), JoinedC});
        if (added.exitCode != 0) {
            *error = QStringLiteral("members add %1: %2").arg(n).arg(added.describe());
            return false;
        }
    }
    const CliRun sent = world->sync(storeC, ClerkC);
    if (sent.exitCode != 0) {
        *error = QStringLiteral("sync of union C: ") + sent.describe();
        return false;
    }
    const qint64 onServer = world->serverCount(
        QStringLiteral("SELECT count(*) FROM member m JOIN organisation o ON o.id = m.organisation_id "
                       "WHERE m.deleted = 0 AND m.id_number IN ('%1', '%2') AND o.name = '%3'")
            .arg(TestStore::sampleIdNumber(KnownForTransferIn), TestStore::sampleIdNumber(KnownForNewMember),
                 unionC()));
    if (onServer != 2) {
        *error = QStringLiteral("%1 of union C's 2 members on the server after its sync").arg(onServer);
        return false;
    }
    m_world = std::move(world);
    return true;
}

sync::SyncOptions TestTransfersUi::lookupSession()
{
    sync::SyncOptions options;
    options.serverUrl = m_world->server().baseUrl();
    options.login = SyncLoopback::ClerkB;
    options.password = SyncLoopback::password();
    return options;
}

qint64 TestTransfersUi::lookupsAudited()
{
    return m_world->serverCount(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'lookup'"));
}

QString TestTransfersUi::latestLookupProblem(const QString& idNumber, bool found)
{
    QSqlQuery audit(m_world->serverDatabase());
    if (!audit.exec(QStringLiteral("SELECT actor, detail FROM audit_log WHERE action = 'lookup' "
                                   "ORDER BY seq DESC LIMIT 1")) ||
        !audit.next())
        return QStringLiteral("no look-up in the server's audit log (%1)").arg(audit.lastError().text());
    const QString actor = audit.value(0).toString();
    const QString detail = audit.value(1).toString();
    if (actor != SyncLoopback::ClerkB || !detail.contains(IdNumber::masked(idNumber)) ||
        detail.contains(idNumber) || detail.contains(QStringLiteral("not found")) == found)
        return QStringLiteral("audited: %1 \"%2\"; expected %3, %4 masked, %5")
            .arg(actor, detail, SyncLoopback::ClerkB, idNumber,
                 found ? QStringLiteral("found") : QStringLiteral("not found"));

    // The request log: a line per call, written once the answer is out, so it may lag a moment. One
    // line per audited look-up: every look-up went over HTTP.
    QSqlQuery account(m_world->serverDatabase());
    account.prepare(QStringLiteral("SELECT id FROM account WHERE login = ?"));
    account.addBindValue(SyncLoopback::ClerkB);
    if (!account.exec() || !account.next())
        return QStringLiteral("no account %1 on the server").arg(SyncLoopback::ClerkB);
    const QString accountId = account.value(0).toString();
    const qint64 audited = lookupsAudited();
    QList<QJsonObject> logged;
    const ud::test::ServerProcess& server = m_world->server();
    const auto readLog = [&server, &logged] {
        logged.clear();
        const QList<QByteArray> lines = server.log().split('\n');
        for (const QByteArray& line : lines) {
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            if (entry.value(QLatin1String("path")).toString() == QLatin1String("/api/v1/members/lookup"))
                logged.append(entry);
        }
        return logged.size();
    };
    if (!QTest::qWaitFor([&] { return readLog() >= audited; }, LookupWaitMs) || logged.size() != audited)
        return QStringLiteral("%1 look-ups in the request log, %2 audited").arg(logged.size()).arg(audited);
    const QJsonObject latest = logged.constLast();
    if (latest.value(QLatin1String("account")).toString() != accountId ||
        latest.value(QLatin1String("status")).toInt() != (found ? 200 : 404))
        return QStringLiteral("logged: %1; expected account %2 and %3")
            .arg(QString::fromUtf8(QJsonDocument(latest).toJson(QJsonDocument::Compact)), accountId)
            .arg(found ? 200 : 404);
    // The request log never names the person.
    if (server.log().contains(idNumber.toUtf8()))
        return QStringLiteral("the request log names the ID number %1").arg(idNumber);
    return QString();
}

void TestTransfersUi::outHungWritesTheTransferAndOffersTheLetter()
{
    const Member m = m_store->addMember(1, m_store->base().id);
    TransferOutDialog dialog(store(), m_store->scope(), m.id);
    dialog.setActor(TestStore::actor());
    dialog.show();
    QVERIFY(dialog.isReady());
    QVERIFY(dialog.hungRadio()->isChecked());
    QVERIFY2(dialog.hungRadio()->text().contains(m_store->township().name),
             qPrintable(dialog.hungRadio()->text()));
    // Nothing happens without a reason.
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(!dialog.retainRadio()->isEnabled());
    codecombo::setKey(dialog.reasonCombo(), QStringLiteral("left-job"));
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(!dialog.retainRadio()->isEnabled());
    // What will happen, in the unions' names.
    const QString outcome = dialog.outcomeLabel()->text();
    QVERIFY2(outcome.contains(m.name) && outcome.contains(m_store->base().name) &&
                 outcome.contains(m_store->township().name),
             qPrintable(outcome));
    typeText(dialog.noteEdit(), QStringLiteral("去乙厂"));

    QSignalSpy transferred(&dialog, &TransferOutDialog::transferred);
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(transferred.count(), 1);
    // The dialog stays open and offers the letter.
    QVERIFY(dialog.isDone());
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.doneLabel()->text().contains(dialog.transfer().letterNumber()),
             qPrintable(dialog.doneLabel()->text()));
    QVERIFY(dialog.printButton()->isVisible());

    const std::optional<Transfer> t = transfers().find(transferred.first().first().toString());
    QVERIFY(t);
    QCOMPARE(t->kind, Transfer::KindOut);
    QCOMPARE(t->state, Transfer::Hung);
    QCOMPARE(t->memberId, m.id);
    QCOMPARE(t->idNumber, m.idNumber);
    QCOMPARE(t->fromOrganisationId, m_store->base().id);
    QCOMPARE(t->holdingOrganisationId, m_store->township().id);
    QCOMPARE(t->reason, QStringLiteral("left-job"));
    QCOMPARE(t->note, QStringLiteral("去乙厂"));
    QCOMPARE(t->requestedBy, TestStore::actor());
    const QList<OutboxOperation> ops = operationsOf(store(), t->id);
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().entity, entity::Transfer);
    QCOMPARE(ops.first().fields.value(QStringLiteral("kind")).toString(), Transfer::KindOut);
    QVERIFY(transfers().isPending(t->id));

    // Saved as a PDF from the dialog: masked, so no audit entry.
    const qint64 audited = AuditLog(store().connection()).count();
    const QString path = m_dir.filePath(QStringLiteral("out-letter.pdf"));
    QVERIFY(dialog.saveLetter(path));
    QVERIFY(QFile::exists(path));
    QVERIFY2(dialog.messageBar()->text().contains(QStringLiteral("out-letter.pdf")),
             qPrintable(dialog.messageBar()->text()));
    const QString text = pdfText(path);
    QVERIFY2(text.contains(m.name), qPrintable(text));
    QVERIFY2(!text.contains(m.idNumber), qPrintable(text));
    QCOMPARE(AuditLog(store().connection()).count(), audited);

    // With the full number, chosen explicitly: printed and logged.
    dialog.unmaskCheck()->setChecked(true);
    const QString unmasked = m_dir.filePath(QStringLiteral("out-letter-full.pdf"));
    QVERIFY(dialog.saveLetter(unmasked));
    QVERIFY2(pdfText(unmasked).contains(m.idNumber), qPrintable(pdfText(unmasked)));
    QCOMPARE(AuditLog(store().connection()).count(), audited + 1);
    const AuditEntry entry = AuditLog(store().connection()).entries(1).constFirst();
    QCOMPARE(entry.action, AuditLog::Unmask);
    QCOMPARE(entry.recordId, t->id);

    // Escape (or Close) ends it as done: the transfer is made.
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(transfers().list().size(), 1);
}

void TestTransfersUi::outStraightToAUnion()
{
    const Member picked = m_store->addMember(2, m_store->base().id);
    const Member typed = m_store->addMember(3, m_store->base().id);
    {
        TransferOutDialog dialog(store(), m_store->scope(), picked.id);
        dialog.setActor(TestStore::actor());
        codecombo::setKey(dialog.reasonCombo(), QStringLiteral("left-job"));
        // The member's own union is not offered.
        QCOMPARE(dialog.destinationCombo()->findData(m_store->base().id), -1);
        dialog.directRadio()->setChecked(true);
        QVERIFY(!dialog.okButton()->isEnabled()); // no union yet
        dialog.destinationCombo()->setCurrentIndex(dialog.destinationCombo()->findData(m_store->other().id));
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY2(dialog.outcomeLabel()->text().contains(m_store->other().name),
                 qPrintable(dialog.outcomeLabel()->text()));
        QVERIFY(dialog.save());
        QCOMPARE(dialog.transfer().kind, Transfer::KindDirect);
        QCOMPARE(dialog.transfer().state, Transfer::Completed);
        QCOMPARE(dialog.transfer().toOrganisationId, m_store->other().id);
        QCOMPARE(dialog.transfer().toName, m_store->other().name);
    }
    {
        // A union elsewhere, by the name the clerk types; typing chooses "send straight".
        TransferOutDialog dialog(store(), m_store->scope(), typed.id);
        dialog.setActor(TestStore::actor());
        codecombo::setKey(dialog.reasonCombo(), QStringLiteral("other"));
        dialog.show();
        dialog.destinationCombo()->setFocus();
        typeText(dialog.destinationCombo()->lineEdit(), QStringLiteral("外市某某公司工会"));
        QVERIFY(dialog.directRadio()->isChecked());
        QCOMPARE(dialog.choice(), TransferOutDialog::Choice::Direct);
        QVERIFY2(dialog.outcomeLabel()->text().contains(QStringLiteral("外市某某公司工会")),
                 qPrintable(dialog.outcomeLabel()->text()));
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QVERIFY(dialog.isDone());
        const Transfer t = dialog.transfer();
        QCOMPARE(t.kind, Transfer::KindDirect);
        QVERIFY(t.toOrganisationId.isEmpty());
        QCOMPARE(t.toName, QStringLiteral("外市某某公司工会"));
        const QList<OutboxOperation> ops = operationsOf(store(), t.id);
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops.first().fields.value(QStringLiteral("toName")).toString(),
                 QStringLiteral("外市某某公司工会"));
    }
}

void TestTransfersUi::keepingTheMembershipOnlyWhenRetiredOrUnemployed()
{
    const Member m = m_store->addMember(4, m_store->base().id);
    TransferOutDialog dialog(store(), m_store->scope(), m.id);
    dialog.setActor(TestStore::actor());
    codecombo::setKey(dialog.reasonCombo(), QStringLiteral("left-job"));
    QVERIFY(!dialog.retainRadio()->isEnabled());
    codecombo::setKey(dialog.reasonCombo(), QStringLiteral("retired"));
    QVERIFY(dialog.retainRadio()->isEnabled());
    dialog.retainRadio()->setChecked(true);
    QCOMPARE(dialog.choice(), TransferOutDialog::Choice::Retain);
    QVERIFY2(dialog.outcomeLabel()->text().contains(m_store->base().name),
             qPrintable(dialog.outcomeLabel()->text()));
    // Back to a reason that cannot keep it: the choice falls back to hung.
    codecombo::setKey(dialog.reasonCombo(), QStringLiteral("other"));
    QCOMPARE(dialog.choice(), TransferOutDialog::Choice::Hung);
    codecombo::setKey(dialog.reasonCombo(), QStringLiteral("unemployed"));
    dialog.retainRadio()->setChecked(true);

    QSignalSpy retained(&dialog, &TransferOutDialog::retained);
    QSignalSpy transferred(&dialog, &TransferOutDialog::transferred);
    dialog.accept();
    QCOMPARE(retained.count(), 1);
    QCOMPARE(transferred.count(), 0);
    QCOMPARE(dialog.result(), int(QDialog::Accepted)); // no letter to offer
    QCOMPARE(MemberRepository(store(), m_store->scope()).find(m.id)->status, QStringLiteral("retained"));
    QVERIFY(transfers().list().isEmpty());
}

void TestTransfersUi::outRefusedForAMemberWithAnOpenTransfer()
{
    const Member m = m_store->addMember(5, m_store->base().id);
    QString error;
    QVERIFY2(TransferWorkflow(store(), m_store->scope())
                 .transferOut(m.id, QStringLiteral("离职"), QString(), QString(), TestStore::actor(), &error),
             qPrintable(error));
    TransferOutDialog dialog(store(), m_store->scope(), m.id);
    QVERIFY(!dialog.isReady());
    QVERIFY(!dialog.messageBar()->isHidden());
    QVERIFY2(dialog.messageBar()->text().contains(m.name), qPrintable(dialog.messageBar()->text()));
    codecombo::setKey(dialog.reasonCombo(), QStringLiteral("left-job"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(!dialog.save());
    QCOMPARE(transfers().list().size(), 1);

    // A member who is gone: said so, nothing to do.
    TransferOutDialog gone(store(), m_store->scope(), QStringLiteral("no-such-member"));
    QVERIFY(!gone.isReady());
    QCOMPARE(gone.messageBar()->kind(), MessageBar::Kind::Error);
}

void TestTransfersUi::inOfflineChecksTheIdNumberAndWritesTheRequest()
{
    TransferInDialog dialog(store(), m_store->scope(), {});
    dialog.setActor(TestStore::actor());
    dialog.setOrganisation(m_store->other().id);
    dialog.show();
    QCOMPARE(dialog.organisationCombo()->organisationId(), m_store->other().id);
    QVERIFY(!dialog.okButton()->isEnabled());
    // A wrong check character, typed in full: the reason in red, OK stays off.
    QString wrong = TestStore::sampleIdNumber(40);
    wrong[17] = wrong.at(17) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    typeText(dialog.idNumberEdit(), wrong);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.idNumberHint()->styleSheet().contains(QStringLiteral("#c62828")));
    QVERIFY(!dialog.idNumberHint()->text().isEmpty());

    dialog.idNumberEdit()->clear();
    const QString idNumber = TestStore::sampleIdNumber(40);
    typeText(dialog.idNumberEdit(), idNumber);
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(!dialog.lookup()->isConnected());
    QVERIFY(dialog.lookupBusy()->isHidden());
    QVERIFY2(dialog.lookupLabel()->text().contains(QStringLiteral("Not connected")),
             qPrintable(dialog.lookupLabel()->text()));
    typeText(dialog.noteEdit(), QStringLiteral("新入职"));

    QSignalSpy requested(&dialog, &TransferInDialog::requested);
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<Transfer> t = transfers().find(requested.first().first().toString());
    QVERIFY(t);
    QCOMPARE(t->kind, Transfer::KindRequest);
    QCOMPARE(t->state, Transfer::Requested);
    QCOMPARE(t->idNumber, idNumber);
    QCOMPARE(t->toOrganisationId, m_store->other().id);
    QCOMPARE(t->note, QStringLiteral("新入职"));
    const QList<OutboxOperation> ops = operationsOf(store(), t->id);
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().fields.value(QStringLiteral("idNumber")).toString(), idNumber);

    // The same person again: the store refuses and the dialog says why, keeping what was typed.
    TransferInDialog again(store(), m_store->scope(), {});
    again.setOrganisation(m_store->other().id);
    again.setIdNumber(idNumber);
    QVERIFY(!again.save());
    QCOMPARE(again.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY2(again.messageBar()->text().contains(t->letterNumber()), qPrintable(again.messageBar()->text()));
    QCOMPARE(again.idNumberEdit()->text(), idNumber);
}

void TestTransfersUi::inLooksTheNumberUpOnTheServer()
{
    QString error;
    QVERIFY2(serverReady(&error), qPrintable(error));
    const QString known = TestStore::sampleIdNumber(KnownForTransferIn);
    const QString name = TestStore::sampleName(KnownForTransferIn);
    const qint64 audited = lookupsAudited();
    TransferInDialog dialog(store(), m_store->scope(), [this] { return lookupSession(); });
    dialog.setActor(TestStore::actor());
    dialog.setOrganisation(m_store->other().id);
    dialog.show();
    QVERIFY(dialog.lookup()->isConnected());

    typeText(dialog.idNumberEdit(), known);
    // Asked on another thread: the window waits for nothing, and says it is asking.
    QVERIFY(dialog.lookup()->isRunning());
    QVERIFY(dialog.lookupBusy()->isVisible());
    QVERIFY(!dialog.okButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.lookup()->isRunning(), LookupWaitMs);
    QVERIFY(dialog.lookupBusy()->isHidden());
    QCOMPARE(dialog.lookupOutcome().result, MemberLookupOutcome::Result::Found);
    // The server's masked summary: her name masked, the union holding her, since when.
    const QString summary = dialog.lookupLabel()->text();
    QVERIFY2(summary.contains(PersonName::masked(name)) && !summary.contains(name) &&
                 summary.contains(unionC()) && summary.contains(JoinedC),
             qPrintable(summary));
    QVERIFY(dialog.okButton()->isEnabled());
    // Exactly one look-up reached the server, as clerk B (the session's token), the number masked.
    QCOMPARE(lookupsAudited(), audited + 1);
    QString problem = latestLookupProblem(known, true);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // Nobody on the server has this one: nothing to request.
    dialog.idNumberEdit()->clear();
    const QString unknown = TestStore::sampleIdNumber(42);
    typeText(dialog.idNumberEdit(), unknown);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.lookup()->isRunning(), LookupWaitMs);
    QCOMPARE(dialog.lookupOutcome().result, MemberLookupOutcome::Result::NotFound);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY2(dialog.lookupLabel()->text().contains(IdNumber::masked(unknown)),
             qPrintable(dialog.lookupLabel()->text()));
    QCOMPARE(lookupsAudited(), audited + 2);
    problem = latestLookupProblem(unknown, false);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // Back to the member found: confirmed and written.
    dialog.idNumberEdit()->clear();
    typeText(dialog.idNumberEdit(), known);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.okButton()->isEnabled(), LookupWaitMs);
    QSignalSpy requested(&dialog, &TransferInDialog::requested);
    QTest::keyClick(dialog.idNumberEdit(), Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(transfers().find(requested.first().first().toString())->idNumber, known);
}

void TestTransfersUi::inWhenTheServerCannotBeReached()
{
    QString error;
    QVERIFY2(serverReady(&error), qPrintable(error));
    TransferInDialog dialog(store(), m_store->scope(), [this] { return lookupSession(); });
    dialog.setActor(TestStore::actor());
    dialog.setOrganisation(m_store->other().id);
    dialog.show();
    QVERIFY(dialog.lookup()->isConnected());
    // The server stops (the next test that needs it starts it again): its port refuses at once.
    m_world->server().stop();
    QVERIFY(!m_world->server().isRunning());
    const qint64 audited = lookupsAudited();

    const QString idNumber = TestStore::sampleIdNumber(43);
    typeText(dialog.idNumberEdit(), idNumber);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.lookup()->isRunning(), LookupWaitMs);
    QCOMPARE(dialog.lookupOutcome().result, MemberLookupOutcome::Result::Failed);
    QVERIFY2(dialog.lookupLabel()->text().contains(QStringLiteral("next sync")),
             qPrintable(dialog.lookupLabel()->text()));
    QCOMPARE(lookupsAudited(), audited);
    // The request can still be written; the server checks it when it arrives.
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.lookupButton()->isEnabled());
    QSignalSpy requested(&dialog, &TransferInDialog::requested);
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<Transfer> t = transfers().find(requested.first().first().toString());
    QVERIFY(t);
    QCOMPARE(t->kind, Transfer::KindRequest);
    QCOMPARE(t->state, Transfer::Requested);
    QCOMPARE(t->idNumber, idNumber);
    QVERIFY(transfers().isPending(t->id));
    QCOMPARE(operationsOf(store(), t->id).size(), 1);
}

void TestTransfersUi::newMemberFoundElsewhereBecomesATransferIn()
{
    QString error;
    QVERIFY2(serverReady(&error), qPrintable(error));
    const QString known = TestStore::sampleIdNumber(KnownForNewMember);
    const QString name = TestStore::sampleName(KnownForNewMember);
    MemberDialog dialog(store(), m_store->scope());
    dialog.startNew(m_store->other().id);
    dialog.setLookup([this] { return lookupSession(); });
    dialog.show();
    typeText(dialog.lineEdit(QStringLiteral("name")), name);
    typeText(dialog.lineEdit(QStringLiteral("idNumber")), known);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.lookup()->isRunning(), LookupWaitMs);
    QVERIFY(!dialog.messageBar()->isHidden());
    // Who holds her, as the server says it: the union, the masked name, since when.
    const QString message = dialog.messageBar()->text();
    QVERIFY2(message.contains(unionC()) && message.contains(PersonName::masked(name)) &&
                 message.contains(JoinedC),
             qPrintable(message));
    QString problem = latestLookupProblem(known, true);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Not added twice: OK is off while the number is the one found elsewhere.
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(!dialog.messageBar()->actionButton()->isHidden());

    QSignalSpy wanted(&dialog, &MemberDialog::transferInRequested);
    QTest::mouseClick(dialog.messageBar()->actionButton(), Qt::LeftButton);
    QCOMPARE(wanted.count(), 1);
    QCOMPARE(wanted.first().first().toString(), known);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QVERIFY(!MemberRepository(store(), m_store->scope()).findByIdNumber(known));

    // A number nobody has: the member is added as before.
    MemberDialog fresh(store(), m_store->scope());
    fresh.startNew(m_store->other().id);
    fresh.setLookup([this] { return lookupSession(); });
    fresh.setActor(TestStore::actor());
    typeText(fresh.lineEdit(QStringLiteral("name")), TestStore::sampleName(45));
    typeText(fresh.lineEdit(QStringLiteral("idNumber")), TestStore::sampleIdNumber(45));
    fresh.lineEdit(QStringLiteral("joinDate"))->setText(QStringLiteral("2020-01-01"));
    QTRY_VERIFY_WITH_TIMEOUT(!fresh.lookup()->isRunning(), LookupWaitMs);
    problem = latestLookupProblem(TestStore::sampleIdNumber(45), false);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(fresh.messageBar()->isHidden());
    QVERIFY2(fresh.save(), qPrintable(fresh.messageBar()->text()));
}

void TestTransfersUi::windowButtonsFollowTheState()
{
    const Member hungMember = m_store->addMember(10, m_store->base().id);
    const Member heldMember = m_store->addMember(11, m_store->township().id);
    TransferWorkflow workflow(store(), m_store->scope());
    QString error;
    const auto hung = workflow.transferOut(hungMember.id, QStringLiteral("离职"), QString(), QString(),
                                           TestStore::actor(), &error);
    QVERIFY2(hung, qPrintable(error));
    // Another union's request for a member the township holds, as the pull brings it.
    const Transfer incoming =
        m_store->pulled(QStringLiteral("0badcafe-0000-4000-8000-000000000002"),
                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("request")},
                                    {QStringLiteral("member"), heldMember.id},
                                    {QStringLiteral("idNumber"), heldMember.idNumber},
                                    {QStringLiteral("fromOrganisation"), m_store->township().id},
                                    {QStringLiteral("holdingOrganisation"), m_store->township().id},
                                    {QStringLiteral("toOrganisation"), QStringLiteral("elsewhere")},
                                    {QStringLiteral("toName"), QStringLiteral("外区某厂工会")},
                                    {QStringLiteral("state"), QStringLiteral("requested")},
                                    {QStringLiteral("requestedAt"), Clock::nowIso()},
                                    {QStringLiteral("requestedBy"), QStringLiteral("clerk-b")}});
    QCOMPARE(incoming.state, Transfer::Requested);
    // This store's own request for someone elsewhere: the holding union decides, not us.
    const auto ours = workflow.requestIn(TestStore::sampleIdNumber(50), m_store->other().id, QString(),
                                         TestStore::actor(), &error);
    QVERIFY2(ours, qPrintable(error));
    // A finished one.
    const Transfer done = m_store->pulled(
        QStringLiteral("0badcafe-0000-4000-8000-000000000003"),
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("direct")},
                    {QStringLiteral("member"), QStringLiteral("gone")},
                    {QStringLiteral("idNumber"), TestStore::sampleIdNumber(51)},
                    {QStringLiteral("memberName"), QStringLiteral("李*")},
                    {QStringLiteral("fromOrganisation"), m_store->base().id},
                    {QStringLiteral("holdingOrganisation"), m_store->base().id},
                    {QStringLiteral("toOrganisation"), m_store->other().id},
                    {QStringLiteral("reason"), QStringLiteral("left-job")},
                    {QStringLiteral("state"), QStringLiteral("completed")},
                    {QStringLiteral("requestedAt"), QStringLiteral("2025-05-01T02:00:00.000Z")}});

    TransfersWindow window(store(), m_store->scope(), nullptr);
    window.show();
    QCOMPARE(window.model()->rowCount(), 4);
    struct Expect
    {
        QString id;
        bool decide;
        bool cancel;
        bool letter;
    };
    const QList<Expect> expected{{hung->id, false, true, true},
                                 {incoming.id, true, true, false},
                                 {ours->id, false, true, false},
                                 {done.id, false, false, true}};
    for (const Expect& e : expected) {
        QVERIFY(window.selectTransfer(e.id));
        QCOMPARE(window.currentTransferId(), e.id);
        QCOMPARE(window.approveButton()->isEnabled(), e.decide);
        QCOMPARE(window.rejectButton()->isEnabled(), e.decide);
        QCOMPARE(window.cancelButton()->isEnabled(), e.cancel);
        QCOMPARE(window.printButton()->isEnabled(), e.letter);
        QCOMPARE(window.savePdfButton()->isEnabled(), e.letter);
        // A disabled step says why.
        if (!e.decide)
            QVERIFY(!window.approveButton()->toolTip().isEmpty());
    }
    // The pending marker: our own steps wait for the sync, the pulled ones do not.
    QVERIFY(window.selectTransfer(hung->id));
    QVERIFY2(window.detailsLabel()->text().contains(QStringLiteral("Pending")),
             qPrintable(window.detailsLabel()->text()));
    QCOMPARE(window.model()
                 ->index(window.model()->rowOf(hung->id), TransferListModel::PendingColumn)
                 .data(TransferListModel::PendingRole)
                 .toBool(),
             true);
    QVERIFY(window.selectTransfer(done.id));
    QVERIFY(!window.detailsLabel()->text().contains(QStringLiteral("Pending")));

    // The state filter.
    auto showing = [&window](TransferFilterModel::StateGroup group) {
        window.stateCombo()->setCurrentIndex(window.stateCombo()->findData(int(group)));
        return window.proxy()->rowCount();
    };
    QCOMPARE(showing(TransferFilterModel::StateGroup::Hung), 1);
    QCOMPARE(showing(TransferFilterModel::StateGroup::Requested), 2);
    QCOMPARE(showing(TransferFilterModel::StateGroup::Open), 3);
    QCOMPARE(showing(TransferFilterModel::StateGroup::Done), 1);
    QCOMPARE(showing(TransferFilterModel::StateGroup::All), 4);
    // Selecting a transfer the filter hides shows every state again.
    showing(TransferFilterModel::StateGroup::Done);
    QVERIFY(window.selectTransfer(hung->id));
    QCOMPARE(window.proxy()->stateGroup(), TransferFilterModel::StateGroup::All);
}

void TestTransfersUi::approveRejectAndCancelFromTheWindow()
{
    const Member a = m_store->addMember(12, m_store->township().id);
    const Member b = m_store->addMember(13, m_store->township().id);
    const Member c = m_store->addMember(14, m_store->base().id);
    auto request = [this](const QString& id, const Member& m) {
        return m_store->pulled(id,
                               QJsonObject{{QStringLiteral("kind"), QStringLiteral("request")},
                                           {QStringLiteral("member"), m.id},
                                           {QStringLiteral("idNumber"), m.idNumber},
                                           {QStringLiteral("fromOrganisation"), m_store->township().id},
                                           {QStringLiteral("holdingOrganisation"), m_store->township().id},
                                           {QStringLiteral("toOrganisation"), QStringLiteral("elsewhere")},
                                           {QStringLiteral("toName"), QStringLiteral("外区某厂工会")},
                                           {QStringLiteral("state"), QStringLiteral("requested")},
                                           {QStringLiteral("requestedAt"), Clock::nowIso()},
                                           {QStringLiteral("requestedBy"), QStringLiteral("clerk-b")}});
    };
    const Transfer toApprove = request(QStringLiteral("0badcafe-0000-4000-8000-00000000000a"), a);
    const Transfer toReject = request(QStringLiteral("0badcafe-0000-4000-8000-00000000000b"), b);
    QString error;
    const auto toCancel =
        TransferWorkflow(store(), m_store->scope())
            .transferOut(c.id, QStringLiteral("离职"), QString(), QString(), TestStore::actor(), &error);
    QVERIFY2(toCancel, qPrintable(error));

    TransfersWindow window(store(), m_store->scope(), nullptr);
    window.setActor(TestStore::actor());
    window.show();
    QSignalSpy changed(&window, &TransfersWindow::transfersChanged);

    // Approve: the confirmation names the member and the unions; a reason is optional.
    QVERIFY(window.selectTransfer(toApprove.id));
    QTest::mouseClick(window.approveButton(), Qt::LeftButton);
    auto* approve = window.findChild<TransferDecisionDialog*>();
    QVERIFY(approve);
    QVERIFY(approve->isVisible());
    const QString question = approve->summaryLabel()->text();
    QVERIFY2(question.contains(a.name) && question.contains(m_store->township().name) &&
                 question.contains(QStringLiteral("外区某厂工会")),
             qPrintable(question));
    QVERIFY(approve->okButton()->isEnabled());
    QTest::mouseClick(approve->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!window.findChild<TransferDecisionDialog*>());
    QCOMPARE(transfers().find(toApprove.id)->state, Transfer::Completed);
    QCOMPARE(operationsOf(store(), toApprove.id).size(), 1);
    QCOMPARE(changed.count(), 1);
    // Decided: the buttons follow at once.
    QCOMPARE(window.currentTransferId(), toApprove.id);
    QVERIFY(!window.approveButton()->isEnabled());
    QVERIFY(window.printButton()->isEnabled()); // an approved request has its letter
    QVERIFY2(window.messageBar()->text().contains(toApprove.letterNumber()),
             qPrintable(window.messageBar()->text()));

    // Reject: no reason, no rejection.
    QVERIFY(window.selectTransfer(toReject.id));
    TransferDecisionDialog* reject = window.decide(TransferDecisionDialog::Decision::Reject);
    QVERIFY(reject);
    QVERIFY(!reject->okButton()->isEnabled());
    typeText(reject->reasonEdit(), QStringLiteral("本人未同意"));
    QVERIFY(reject->okButton()->isEnabled());
    QTest::keyClick(reject->reasonEdit(), Qt::Key_Return);
    QTRY_VERIFY(!window.findChild<TransferDecisionDialog*>());
    const std::optional<Transfer> rejected = transfers().find(toReject.id);
    QCOMPARE(rejected->state, Transfer::Rejected);
    QCOMPARE(rejected->decisionReason, QStringLiteral("本人未同意"));
    QCOMPARE(rejected->decidedBy, TestStore::actor());

    // Cancel a hung member: she goes back (at the server); a reason is asked.
    QVERIFY(window.selectTransfer(toCancel->id));
    TransferDecisionDialog* cancel = window.decide(TransferDecisionDialog::Decision::Cancel);
    QVERIFY(cancel);
    QVERIFY2(cancel->summaryLabel()->text().contains(m_store->base().name),
             qPrintable(cancel->summaryLabel()->text()));
    QVERIFY(!cancel->okButton()->isEnabled());
    cancel->reasonEdit()->setText(QStringLiteral("登记错误"));
    QVERIFY(cancel->save());
    cancel->close();
    QCOMPARE(transfers().find(toCancel->id)->state, Transfer::Cancelled);
    QCOMPARE(operationsOf(store(), toCancel->id).size(), 2); // creation, then the cancel
    QCOMPARE(changed.count(), 3);

    // Backing out of a confirmation changes nothing.
    const Member d = m_store->addMember(15, m_store->base().id);
    const auto another =
        TransferWorkflow(store(), m_store->scope())
            .transferOut(d.id, QStringLiteral("离职"), QString(), QString(), TestStore::actor(), &error);
    QVERIFY(another);
    window.reload();
    QVERIFY(window.selectTransfer(another->id));
    TransferDecisionDialog* backOut = window.decide(TransferDecisionDialog::Decision::Cancel);
    backOut->reasonEdit()->setText(QStringLiteral("x"));
    QTest::keyClick(backOut, Qt::Key_Escape);
    QCOMPARE(transfers().find(another->id)->state, Transfer::Hung);
    QCOMPARE(changed.count(), 3);
}

void TestTransfersUi::searchFindsTheCodeOnTheLetter()
{
    QList<Transfer> made;
    for (int n = 20; n < 24; ++n) {
        const Member m = m_store->addMember(n, m_store->base().id);
        QString error;
        const auto t =
            TransferWorkflow(store(), m_store->scope())
                .transferOut(m.id, QStringLiteral("离职"), QString(), QString(), TestStore::actor(), &error);
        QVERIFY2(t, qPrintable(error));
        made.append(*t);
    }
    TransfersWindow window(store(), m_store->scope(), nullptr);
    window.show();
    QCOMPARE(window.proxy()->rowCount(), 4);
    const Transfer wanted = made.at(2);

    // The 8-character code, as typed from the paper.
    window.searchEdit()->setFocus();
    typeText(window.searchEdit(), wanted.shortCode().toLower());
    QCOMPARE(window.currentTransferId(), wanted.id);
    QCOMPARE(rowOf(window, wanted.id), window.table()->currentIndex().row());
    QVERIFY(window.proxy()->rowCount() >= 1);

    // The letter number as printed.
    window.searchEdit()->setText(wanted.letterNumber());
    QCOMPARE(window.currentTransferId(), wanted.id);
    QCOMPARE(window.proxy()->rowCount(), 1);

    // A QR scanner types the whole id and Enter.
    window.searchEdit()->clear();
    window.table()->clearSelection();
    window.table()->setCurrentIndex(QModelIndex());
    typeText(window.searchEdit(), made.at(1).id);
    QTest::keyClick(window.searchEdit(), Qt::Key_Return);
    QCOMPARE(window.currentTransferId(), made.at(1).id);

    // A member's name narrows the list.
    window.searchEdit()->setText(TestStore::sampleName(23));
    QCOMPARE(window.proxy()->rowCount(), 1);
    QCOMPARE(window.proxy()->index(0, 0).data(TransferListModel::IdRole).toString(), made.at(3).id);

    // A code nobody has: Enter says so.
    window.searchEdit()->setText(QStringLiteral("FFFFFFFF"));
    QCOMPARE(window.proxy()->rowCount(), 0);
    QTest::keyClick(window.searchEdit(), Qt::Key_Return);
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Warning);
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("FFFFFFFF")),
             qPrintable(window.messageBar()->text()));
    QVERIFY(!window.findByCode(QStringLiteral("FFFFFFFF")));
    QVERIFY(window.findByCode(made.at(0).shortCode()));
    QCOMPARE(window.currentTransferId(), made.at(0).id);
}

void TestTransfersUi::letterSavedAsPdfNamesTheMember()
{
    const Member m = m_store->addMember(30, m_store->base().id);
    QString error;
    const auto t = TransferWorkflow(store(), m_store->scope())
                       .transferOut(m.id, QStringLiteral("退休"), QString(), m_store->other().name,
                                    TestStore::actor(), &error);
    QVERIFY2(t, qPrintable(error));
    TransfersWindow window(store(), m_store->scope(), nullptr);
    window.setActor(TestStore::actor());
    window.show();
    QVERIFY(window.selectTransfer(t->id));
    QVERIFY(window.savePdfButton()->isEnabled());
    const qint64 audited = AuditLog(store().connection()).count();
    const QString path = m_dir.filePath(QStringLiteral("window-letter.pdf"));
    QVERIFY2(window.saveLetter(path), qPrintable(window.messageBar()->text()));
    QVERIFY(QFile::exists(path));
    const QString text = pdfText(path);
    QVERIFY2(text.contains(m.name), qPrintable(text));
    QVERIFY2(text.contains(m_store->other().name), qPrintable(text));
    QVERIFY2(text.contains(t->shortCode()), qPrintable(text));
    QVERIFY2(text.contains(IdNumber::masked(m.idNumber)), qPrintable(text));
    QCOMPARE(AuditLog(store().connection()).count(), audited);

    window.unmaskCheck()->setChecked(true);
    const QString full = m_dir.filePath(QStringLiteral("window-letter-full.pdf"));
    QVERIFY(window.saveLetter(full));
    QVERIFY2(pdfText(full).contains(m.idNumber), qPrintable(pdfText(full)));
    QCOMPARE(AuditLog(store().connection()).count(), audited + 1);

    // A path that cannot be written: said in the message bar, nothing left behind.
    const QString bad = m_dir.filePath(QStringLiteral("no-such-folder/letter.pdf"));
    QVERIFY(!window.saveLetter(bad));
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(!QFile::exists(bad));

    // Print opens the preview (window-modal, the window goes on).
    window.unmaskCheck()->setChecked(false);
    window.printLetter();
    QWidget* preview = window.findChild<QWidget*>(QStringLiteral("transferLetterPreview"));
    QVERIFY(preview);
    QVERIFY(preview->isVisible());
    preview->close();
}

void TestTransfersUi::hungForMonthsReport()
{
    // Three members hung 9, 7 and 2 months ago.
    QStringList names;
    const QDateTime now = QDateTime(QDate(2026, 10, 15), QTime(10, 0), Qt::UTC);
    int n = 60;
    for (const int monthsAgo : {9, 7, 2}) {
        Clock::setFixed(now.addMonths(-monthsAgo));
        const Member m = m_store->addMember(n++, m_store->base().id);
        names.append(m.name);
        QString error;
        QVERIFY2(
            TransferWorkflow(store(), m_store->scope())
                .transferOut(m.id, QStringLiteral("离职"), QString(), QString(), TestStore::actor(), &error),
            qPrintable(error));
    }
    Clock::setFixed(now);
    TransfersWindow window(store(), m_store->scope(), nullptr);
    window.show();
    window.tabs()->setCurrentWidget(window.hungPage());
    HungMembersPage* page = window.hungPage();
    QCOMPARE(page->monthsSpin()->value(), 6);
    QCOMPARE(page->model()->rowCount(), 2);
    QCOMPARE(page->model()->transfer(0)->member, names.at(0)); // longest first
    QVERIFY2(page->summaryLabel()->text().contains(QStringLiteral("6")),
             qPrintable(page->summaryLabel()->text()));
    page->monthsSpin()->setValue(8);
    QCOMPARE(page->model()->rowCount(), 1);
    page->monthsSpin()->setValue(0);
    QCOMPARE(page->model()->rowCount(), 3);
    page->monthsSpin()->setValue(12);
    QCOMPARE(page->model()->rowCount(), 0);
    QVERIFY(!page->exportButton()->isEnabled());
    page->monthsSpin()->setValue(6);

    // Printed as a table, and exported.
    const std::unique_ptr<QTextDocument> document = page->document();
    const QString printed = document->toPlainText();
    QVERIFY2(printed.contains(names.at(0)) && printed.contains(names.at(1)) && !printed.contains(names.at(2)),
             qPrintable(printed));
    const qint64 audited = AuditLog(store().connection()).count();
    const QString csv = m_dir.filePath(QStringLiteral("hung.csv"));
    QString error;
    QVERIFY2(page->exportTo(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString content = QString::fromUtf8(file.readAll());
    QVERIFY2(content.contains(names.at(0)) && content.contains(m_store->township().name) &&
                 !content.contains(names.at(2)),
             qPrintable(content));
    QCOMPARE(AuditLog(store().connection()).count(), audited + 1);
    QCOMPARE(AuditLog(store().connection()).entries(1).constFirst().action, AuditLog::Export);

    // Opening a row shows it among all transfers.
    const QString first = page->model()->transfer(0)->transfer.id;
    emit page->transferActivated(first);
    QCOMPARE(window.tabs()->currentIndex(), 0);
    QCOMPARE(window.currentTransferId(), first);
}

void TestTransfersUi::windowReadsAgainAfterASync()
{
    SyncController sync(store());
    TransfersWindow window(store(), m_store->scope(), &sync);
    window.show();
    QCOMPARE(window.model()->rowCount(), 0);
    // Another union's request arrives with a pull; the window learns it when the sync ends.
    const Member m = m_store->addMember(80, m_store->township().id);
    m_store->pulled(QStringLiteral("0badcafe-0000-4000-8000-0000000000f1"),
                    QJsonObject{{QStringLiteral("kind"), QStringLiteral("request")},
                                {QStringLiteral("member"), m.id},
                                {QStringLiteral("idNumber"), m.idNumber},
                                {QStringLiteral("holdingOrganisation"), m_store->township().id},
                                {QStringLiteral("toName"), QStringLiteral("外区某厂工会")},
                                {QStringLiteral("state"), QStringLiteral("requested")},
                                {QStringLiteral("requestedAt"), Clock::nowIso()}});
    emit sync.finished(true, false); // nothing came: nothing to read
    QCOMPARE(window.model()->rowCount(), 0);
    emit sync.finished(true, true);
    QCOMPARE(window.model()->rowCount(), 1);
    QCOMPARE(window.hungPage()->model()->rowCount(), 0);
}

void TestTransfersUi::mainWindowOffersTheTransfers()
{
    const Member m = m_store->addMember(70, m_store->base().id);
    MainWindow window(store());
    window.show();
    TransferMenu* menu = window.transferMenu();
    QVERIFY(menu);
    QMenu* memberMenu = nullptr;
    for (QAction* top : window.menuBar()->actions()) {
        if (top->menu() && top->menu()->actions().contains(window.newMemberAction()))
            memberMenu = top->menu();
    }
    QVERIFY(memberMenu);
    for (QAction* action : {menu->transferOutAction(), menu->requestInAction(), menu->transfersAction()})
        QVERIFY(memberMenu->actions().contains(action));
    QVERIFY(window.rosterView()->table()->actions().contains(menu->transferOutAction()));
    QCOMPARE(menu->transfersAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    QVERIFY(!menu->transferOutAction()->shortcut().isEmpty());
    QVERIFY(!menu->requestInAction()->shortcut().isEmpty());
    // No shortcut of the window is used twice.
    QList<QKeySequence> keys;
    for (QAction* action : window.actions()) {
        for (const QKeySequence& key : action->shortcuts()) {
            QVERIFY2(!keys.contains(key), qPrintable(key.toString()));
            keys.append(key);
        }
    }

    window.rosterView()->table()->clearSelection();
    window.rosterView()->table()->setCurrentIndex(QModelIndex());
    QTRY_VERIFY(!menu->transferOutAction()->isEnabled());
    QVERIFY(window.rosterView()->selectMember(m.id));
    QTRY_VERIFY(menu->transferOutAction()->isEnabled());

    // Transfer out from the roster, as the clerk does: the pending count goes up.
    const QString pendingBefore = window.pendingLabel()->text();
    menu->transferOutAction()->trigger();
    auto* out = window.findChild<TransferOutDialog*>();
    QVERIFY(out);
    codecombo::setKey(out->reasonCombo(), QStringLiteral("left-job"));
    QTest::mouseClick(out->okButton(), Qt::LeftButton);
    QVERIFY2(out->isDone(), qPrintable(out->messageBar()->text()));
    QVERIFY(window.pendingLabel()->text() != pendingBefore);
    out->close();

    // The window opens once, from the shortcut's action, and lists it.
    menu->transfersAction()->trigger();
    TransfersWindow* transfersWindow = menu->transfersWindow();
    QVERIFY(transfersWindow);
    QVERIFY(transfersWindow->isVisible());
    QCOMPARE(transfersWindow->model()->rowCount(), 1);
    menu->transfersAction()->trigger();
    QCOMPARE(window.findChildren<TransfersWindow*>().size(), 1);

    // Request in, with the receiving union the one chosen in the tree.
    QVERIFY(window.selectOrganisation(m_store->other().id));
    menu->requestInAction()->trigger();
    auto* in = window.findChild<TransferInDialog*>();
    QVERIFY(in);
    QCOMPARE(in->organisationCombo()->organisationId(), m_store->other().id);
    typeText(in->idNumberEdit(), TestStore::sampleIdNumber(71));
    QTest::mouseClick(in->okButton(), Qt::LeftButton);
    // The open window follows.
    QCOMPARE(transfersWindow->model()->rowCount(), 2);
    QVERIFY2(window.messageBar()->text().contains(IdNumber::masked(TestStore::sampleIdNumber(71))),
             qPrintable(window.messageBar()->text()));
}

QTEST_MAIN(TestTransfersUi)
#include "tst_transfersui.moc"
