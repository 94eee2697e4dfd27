// The sign-in the desktop program asks for before it opens a data file linked to a server
// (StartupSignInDialog): the password checked on this computer, a wrong one told in the dialog and
// tried again, repeated failures slowed down, a refusal by the server shown. The server here is an
// address nobody listens on, as on a PC without the network.

#include "TestStore.h"
#include "TypeText.h"
#include "sync/LocalCredential.h"
#include "sync/StartupSignInDialog.h"
#include "sync/SyncMeta.h"
#include "util/Clock.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace ud;
using ud::test::TestStore;
using ud::test::typeText;

namespace {
const QString Login = QStringLiteral("alice");
const QString Password = QStringLiteral("correct-horse-7");

// A loopback port that refuses connections: one that was just free.
QString unreachableServer()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return QStringLiteral("http://127.0.0.1:%1").arg(port);
}
} // namespace

class TestStartupSignIn : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rightPasswordOpensOffline();
    void wrongPasswordIsToldAndTriedAgain();
    void repeatedFailuresMakeTheClerkWait();
    void refusalByTheServerIsShown();
    void neverSignedInNeedsTheServer();

private:
    // Types the password and presses Sign in; waits for the server check when one starts.
    void signIn(StartupSignInDialog& dialog, const QString& password);

    std::unique_ptr<TestStore> m_store;
};

void TestStartupSignIn::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    Database& store = m_store->store();
    QString error;
    QVERIFY(store.setMeta(QString::fromLatin1(sync::meta::ServerUrl), unreachableServer(), &error));
    QVERIFY(store.setMeta(QString::fromLatin1(sync::meta::AccountLogin), Login, &error));
    QVERIFY(store.setMeta(QString::fromLatin1(sync::meta::AccountOrganisation), m_store->root().id, &error));
    QVERIFY2(sync::LocalCredential(store).remember(Login, Password, &error), qPrintable(error));
}

void TestStartupSignIn::cleanup()
{
    Clock::reset();
    m_store.reset();
}

void TestStartupSignIn::signIn(StartupSignInDialog& dialog, const QString& password)
{
    QSignalSpy checked(&dialog, &StartupSignInDialog::serverCheckFinished);
    dialog.passwordEdit()->clear();
    typeText(dialog.passwordEdit(), password);
    if (!dialog.signInButton()->isEnabled())
        return;
    QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
    if (dialog.isCheckingWithServer()) {
        QVERIFY(!dialog.passwordEdit()->isEnabled());
        QVERIFY(checked.wait(20'000));
    }
}

void TestStartupSignIn::rightPasswordOpensOffline()
{
    StartupSignInDialog dialog(m_store->store());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.loginEdit()->text(), Login);
    QCOMPARE(dialog.passwordEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(dialog.passwordEdit()->hasFocus());
    QVERIFY(!dialog.signInButton()->isEnabled());
    QVERIFY(!dialog.noticeLabel()->isVisible());

    signIn(dialog, Password);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.login(), Login);
    QCOMPARE(dialog.password(), Password);
    QCOMPARE(dialog.serverUrl(), m_store->store().meta(QString::fromLatin1(sync::meta::ServerUrl)));
}

void TestStartupSignIn::wrongPasswordIsToldAndTriedAgain()
{
    StartupSignInDialog dialog(m_store->store());
    dialog.setServerTimeout(5000);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    signIn(dialog, QStringLiteral("wrong"));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.problemLabel()->isVisible());
    QVERIFY2(dialog.problemLabel()->text().contains(QLatin1String("password is wrong")),
             qPrintable(dialog.problemLabel()->text()));
    // The server could not be asked whether the password changed there: the message says so.
    QVERIFY2(dialog.problemLabel()->text().contains(QLatin1String("127.0.0.1")),
             qPrintable(dialog.problemLabel()->text()));
    QVERIFY(dialog.passwordEdit()->isEnabled());

    signIn(dialog, Password);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(sync::LocalCredential(m_store->store()).failures(), 0);
}

void TestStartupSignIn::repeatedFailuresMakeTheClerkWait()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    Clock::setFixed(now);
    StartupSignInDialog dialog(m_store->store());
    dialog.setServerTimeout(5000);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (int i = 0; i < sync::LocalCredential::FreeAttempts; ++i)
        signIn(dialog, QStringLiteral("guess%1").arg(i));
    QVERIFY2(dialog.problemLabel()->text().contains(QLatin1String("Too many wrong passwords")),
             qPrintable(dialog.problemLabel()->text()));
    QVERIFY2(dialog.problemLabel()->text().contains(QString::number(sync::LocalCredential::FirstWaitSeconds)),
             qPrintable(dialog.problemLabel()->text()));
    // Even the right password waits.
    dialog.passwordEdit()->clear();
    typeText(dialog.passwordEdit(), Password);
    QVERIFY(!dialog.signInButton()->isEnabled());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    // The wait ends by itself.
    Clock::setFixed(now.addSecs(sync::LocalCredential::FirstWaitSeconds));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.signInButton()->isEnabled(), 3000);
    QVERIFY(!dialog.problemLabel()->isVisible());
    QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestStartupSignIn::refusalByTheServerIsShown()
{
    QString error;
    QVERIFY(sync::LocalCredential(m_store->store()).markRefused(&error));
    StartupSignInDialog dialog(m_store->store());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.noticeLabel()->isVisible());
    QVERIFY2(dialog.noticeLabel()->text().contains(QLatin1String("refused")),
             qPrintable(dialog.noticeLabel()->text()));
    // Offline work goes on with the password last accepted here.
    signIn(dialog, Password);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestStartupSignIn::neverSignedInNeedsTheServer()
{
    QString error;
    QVERIFY(sync::LocalCredential(m_store->store()).forget(&error));
    StartupSignInDialog dialog(m_store->store());
    dialog.setServerTimeout(5000);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    signIn(dialog, Password);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.problemLabel()->text().contains(QLatin1String("has not signed in to the server yet")),
             qPrintable(dialog.problemLabel()->text()));

    // Another login than the one this computer knows needs the server as well.
    QVERIFY(sync::LocalCredential(m_store->store()).remember(Login, Password, &error));
    dialog.loginEdit()->setText(QStringLiteral("bob"));
    signIn(dialog, Password);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.problemLabel()->text().contains(QLatin1String("knows the password of alice only")),
             qPrintable(dialog.problemLabel()->text()));

    // Quit closes it.
    QTest::mouseClick(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

QTEST_MAIN(TestStartupSignIn)
#include "tst_startupsignin.moc"
