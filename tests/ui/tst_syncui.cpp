// The sync widgets: the conflicts view deciding conflicts both ways, the status bar's sync state,
// and the window's Sync menu asking for the server first. The background runs against a server
// that does not answer (a closed port), so the failure path and its retry plan are real.

#include "TestStore.h"
#include "common/MessageBar.h"
#include "mainwindow/MainWindow.h"
#include "members/MemberRepository.h"
#include "store/Outbox.h"
#include "sync/ConflictListModel.h"
#include "sync/ConflictsDialog.h"
#include "sync/ServerSignInDialog.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncController.h"
#include "sync/SyncStatusButton.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace ud;
using ud::test::TestStore;

class TestSyncUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void conflictsAreDecidedBothWays();
    void refusedOperationIsShownWithItsReason();
    void refusedNewMemberBecomesATransferRequest();
    void statusShowsAFailedSyncAndItsRetry();
    void syncNowAsksForTheServerFirst();
    void serverAddressIsChecked();
};

void TestSyncUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSyncUi::conflictsAreDecidedBothWays()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    Member m = TestStore::sampleMember(3, t.root().id);
    QVERIFY2(t.addMember(m), qPrintable(t.error()));
    sync::SyncConflictRepository conflicts(t.store());
    QString error;
    QVERIFY2(conflicts.recordField(QStringLiteral("member"), m.id, QStringLiteral("mobile"), m.mobile,
                                   QStringLiteral("13900000000"), 7, &error),
             qPrintable(error));
    QVERIFY2(conflicts.recordField(QStringLiteral("member"), m.id, QStringLiteral("employer"), m.employer,
                                   QStringLiteral("示例机械厂"), 7, &error),
             qPrintable(error));

    ConflictsDialog dialog(t.store(), TestStore::actor());
    QSignalSpy resolved(&dialog, &ConflictsDialog::resolved);
    sync::ConflictListModel* model = dialog.model();
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(dialog.emptyLabel()->isHidden());
    // The clerk recognises the record by its name, not its id.
    QVERIFY(model->index(0, sync::ConflictListModel::RecordColumn).data().toString().contains(m.name));
    int mobileRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->conflictAt(row).field == QLatin1String("mobile"))
            mobileRow = row;
    }
    QVERIFY(mobileRow >= 0);
    QCOMPARE(model->index(mobileRow, sync::ConflictListModel::TheirsColumn).data().toString(),
             QStringLiteral("13900000000"));

    // Keep mine: sent again, based on the server version the conflict saw.
    const qint64 pendingBefore = Outbox(t.store().connection()).pendingCount();
    dialog.table()->clearSelection();
    dialog.table()->selectRow(mobileRow);
    QVERIFY(dialog.keepMineButton()->isEnabled());
    QTest::mouseClick(dialog.keepMineButton(), Qt::LeftButton);
    QCOMPARE(resolved.count(), 1);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(Outbox(t.store().connection()).pendingCount(), pendingBefore + 1);
    const QList<OutboxOperation> ops = Outbox(t.store().connection()).pending(100000);
    QCOMPARE(ops.constLast().fields.value(QStringLiteral("mobile")).toString(), m.mobile);
    QCOMPARE(ops.constLast().baseVersion, 7);

    // Take theirs: the server's value here, nothing sent.
    dialog.table()->selectRow(0);
    QTest::mouseClick(dialog.takeTheirsButton(), Qt::LeftButton);
    QCOMPARE(resolved.count(), 2);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!dialog.emptyLabel()->isHidden());
    QVERIFY(!dialog.keepMineButton()->isEnabled());
    QCOMPARE(Outbox(t.store().connection()).pendingCount(), pendingBefore + 1);
    const std::optional<Member> after = MemberRepository(t.store(), t.scope()).find(m.id);
    QVERIFY(after);
    QCOMPARE(after->employer, QStringLiteral("示例机械厂"));
    QCOMPARE(after->mobile, m.mobile);
    QCOMPARE(conflicts.openCount(), 0);
}

void TestSyncUi::refusedOperationIsShownWithItsReason()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    Member m = TestStore::sampleMember(5, t.root().id);
    QVERIFY2(t.addMember(m), qPrintable(t.error()));
    QList<OutboxOperation> ops = Outbox(t.store().connection()).pending(1000);
    ops.removeIf([&m](const OutboxOperation& op) { return op.recordId != m.id; });
    QCOMPARE(ops.size(), 1);
    const QString reason =
        QStringLiteral("ID number already belongs to a member of 一厂工会; request a transfer.");
    QString error;
    QVERIFY2(
        sync::SyncConflictRepository(t.store()).recordOperation(ops.first(), reason, QJsonValue(), 0, &error),
        qPrintable(error));

    ConflictsDialog dialog(t.store(), TestStore::actor());
    QCOMPARE(dialog.model()->rowCount(), 1);
    QCOMPARE(dialog.model()->index(0, sync::ConflictListModel::ReasonColumn).data().toString(), reason);
    // What was refused is listed field by field, so the clerk sees which member it was.
    QVERIFY(dialog.model()->index(0, sync::ConflictListModel::MineColumn).data().toString().contains(m.name));
    // The server never had this member: the clerk is told that taking its side removes it here.
    QVERIFY2(dialog.model()
                 ->index(0, sync::ConflictListModel::TheirsColumn)
                 .data()
                 .toString()
                 .contains(QLatin1String("removes")),
             qPrintable(dialog.model()->index(0, sync::ConflictListModel::TheirsColumn).data().toString()));
    dialog.table()->selectRow(0);
    QTest::mouseClick(dialog.takeTheirsButton(), Qt::LeftButton);
    QCOMPARE(dialog.model()->rowCount(), 0);
    // Given up by the clerk, the member the server never took leaves this computer, as the server is.
    QVERIFY(!MemberRepository(t.store(), t.scope()).find(m.id));
    for (const OutboxOperation& op : Outbox(t.store().connection()).pending(1000))
        QVERIFY(op.recordId != m.id && op.fields.value(QLatin1String("member")).toString() != m.id);
}

void TestSyncUi::refusedNewMemberBecomesATransferRequest()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    Member m = TestStore::sampleMember(6, t.root().id);
    QVERIFY2(t.addMember(m), qPrintable(t.error()));
    QList<OutboxOperation> ops = Outbox(t.store().connection()).pending(1000);
    ops.removeIf([&m](const OutboxOperation& op) { return op.recordId != m.id; });
    QCOMPARE(ops.size(), 1);
    QString error;
    QVERIFY2(sync::SyncConflictRepository(t.store()).recordOperation(
                 ops.first(), QStringLiteral("already a member of 一厂工会"), QJsonValue(), 0, &error),
             qPrintable(error));

    ConflictsDialog dialog(t.store(), TestStore::actor());
    dialog.table()->clearSelection();
    QVERIFY(!dialog.transferInButton()->isEnabled());
    dialog.table()->selectRow(0);
    QVERIFY(dialog.transferInButton()->isEnabled());
    QSignalSpy wanted(&dialog, &ConflictsDialog::transferInWanted);
    // The clerk confirms the question; the entry typed here is given up, the number handed on.
    QTimer::singleShot(0, &dialog, []() {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Yes)->click();
    });
    QTest::mouseClick(dialog.transferInButton(), Qt::LeftButton);
    QCOMPARE(wanted.size(), 1);
    QCOMPARE(wanted.first().at(0).toString(), m.idNumber);
    QCOMPARE(wanted.first().at(1).toString(), t.root().id);
    QCOMPARE(dialog.model()->rowCount(), 0);
    QVERIFY(!MemberRepository(t.store(), t.scope()).find(m.id));
}

void TestSyncUi::statusShowsAFailedSyncAndItsRetry()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    MainWindow window(t.store());
    SyncController* sync = window.syncController();
    QCOMPARE(sync->state(), SyncController::State::NotConnected);
    const QString idle = window.syncStatus()->text();
    QVERIFY(!idle.isEmpty());

    // A port nobody listens on: take a free one and close it again.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    QSignalSpy finished(sync, &SyncController::finished);
    sync->connectTo(QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("clerk"),
                    QStringLiteral("password-1"));
    QCOMPARE(sync->state(), SyncController::State::Running);
    QVERIFY(finished.wait(60'000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(sync->state(), SyncController::State::Failed);
    QVERIFY(!sync->lastError().isEmpty());
    QVERIFY2(sync->lastError().contains(QString::number(port)), qPrintable(sync->lastError()));
    // The next try is planned, not left to the clerk, and the status bar says when.
    QVERIFY(sync->retryAt() > QDateTime::currentDateTime());
    QVERIFY(window.syncStatus()->text() != idle);
    QCOMPARE(window.syncStatus()->toolTip(), sync->lastError());
    QVERIFY(window.messageBar()->isVisible() || !window.messageBar()->text().isEmpty());
    QVERIFY(window.messageBar()->text().contains(sync->lastError()));
    // Nothing was lost: the store is as it was.
    QCOMPARE(MemberRepository(t.store(), t.scope()).find(QStringLiteral("none")).has_value(), false);
}

void TestSyncUi::syncNowAsksForTheServerFirst()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    MainWindow window(t.store());
    window.show();
    QVERIFY(window.syncNowAction()->shortcut() == QKeySequence(Qt::Key_F9));
    window.syncNowAction()->trigger();
    auto* dialog = window.findChild<ServerSignInDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog->serverEdit()->setText(QStringLiteral("https://uniondesk.example.cn"));
    dialog->loginEdit()->setText(QStringLiteral("clerk"));
    QVERIFY(!ok->isEnabled());
    dialog->passwordEdit()->setText(QStringLiteral("secret-123"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog->passwordEdit()->echoMode(), QLineEdit::Password);
    dialog->reject();
    QCOMPARE(window.syncController()->state(), SyncController::State::NotConnected);
}

void TestSyncUi::serverAddressIsChecked()
{
    QString reason;
    QVERIFY(ServerSignInDialog::checkServerUrl(QStringLiteral("https://uniondesk.example.cn"), &reason));
    QVERIFY(ServerSignInDialog::checkServerUrl(QStringLiteral(" http://127.0.0.1:8470 "), &reason));
    for (const QString& bad : {QStringLiteral("uniondesk.example.cn"), QStringLiteral("ftp://x.cn"),
                               QStringLiteral("https://"), QString()}) {
        reason.clear();
        QVERIFY2(!ServerSignInDialog::checkServerUrl(bad, &reason), qPrintable(bad));
        QVERIFY(!reason.isEmpty());
    }

    ServerSignInDialog dialog(QStringLiteral("www.example.cn"), QStringLiteral("clerk"));
    dialog.passwordEdit()->setText(QStringLiteral("secret-123"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open, with the reason shown
    QVERIFY(dialog.findChild<QLabel*>() != nullptr);
}

QTEST_MAIN(TestSyncUi)
#include "tst_syncui.moc"
