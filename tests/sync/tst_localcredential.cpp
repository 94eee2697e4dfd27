// Signing in without the network (LocalCredential): the password's Argon2id hash kept in the data
// file after the server accepted it, checked offline, replaced when the password changes, never the
// password itself; wrong attempts slow down; a refusal by the server is remembered.

#include "TestStore.h"
#include "store/Sql.h"
#include "sync/LocalCredential.h"
#include "util/Clock.h"

#include <QFile>
#include <QTest>

using namespace ud;
using namespace ud::sync;
using ud::test::TestStore;

namespace {
const QString Login = QStringLiteral("alice");
const QString Password = QStringLiteral("Pa55-本地口令-7781");
const QString NewPassword = QStringLiteral("Changed-新口令-0042");

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestLocalCredential : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void rememberedPasswordVerifies();
    void wrongPasswordOrLoginIsRefused();
    void changedPasswordReplacesTheHash();
    void thePasswordIsNeverInTheFile();
    void repeatedFailuresWaitLongerAndLonger();
    void refusalIsKeptUntilTheServerAcceptsAgain();
    void forgetRemovesEverything();
};

void TestLocalCredential::cleanup()
{
    Clock::reset();
}

void TestLocalCredential::rememberedPasswordVerifies()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    LocalCredential credential(t.store());
    QVERIFY(!credential.hasCredential());
    QCOMPARE(credential.verify(Login, Password), LocalCredential::Check::UnknownLogin);

    QString error;
    QVERIFY2(credential.remember(QStringLiteral(" alice "), Password, &error), qPrintable(error));
    QVERIFY(credential.hasCredential());
    QCOMPARE(credential.login(), Login);
    QCOMPARE(credential.verify(Login, Password), LocalCredential::Check::Accepted);
    QCOMPARE(credential.failures(), 0);
    const QString hash = t.store().meta(QLatin1String(sync::meta::CredentialHash));
    QVERIFY2(hash.startsWith(QLatin1String("$argon2id$")), qPrintable(hash));

    // The same password again keeps its hash (and its salt).
    QVERIFY(credential.remember(Login, Password, &error));
    QCOMPARE(t.store().meta(QLatin1String(sync::meta::CredentialHash)), hash);
    // Two hashes of one password differ: each has its own salt.
    QVERIFY(LocalCredential::hashPassword(Password, &error) !=
            LocalCredential::hashPassword(Password, &error));
    QVERIFY(!LocalCredential::verifyHash(QStringLiteral("$argon2id$broken"), Password));
    QVERIFY(!LocalCredential::verifyHash(QString(), QString()));
}

void TestLocalCredential::wrongPasswordOrLoginIsRefused()
{
    TestStore t;
    LocalCredential credential(t.store());
    QString error;
    QVERIFY(credential.remember(Login, Password, &error));
    QCOMPARE(credential.verify(Login, Password + QLatin1Char('x')), LocalCredential::Check::WrongPassword);
    QCOMPARE(credential.verify(Login, QString()), LocalCredential::Check::WrongPassword);
    QCOMPARE(credential.failures(), 2);
    QCOMPARE(credential.verify(QStringLiteral("bob"), Password), LocalCredential::Check::UnknownLogin);
    QCOMPARE(credential.failures(), 3);
    Clock::setFixed(Clock::nowUtc().addSecs(LocalCredential::FirstWaitSeconds));
    // The right one clears the count.
    QCOMPARE(credential.verify(Login, Password), LocalCredential::Check::Accepted);
    QCOMPARE(credential.failures(), 0);
}

void TestLocalCredential::changedPasswordReplacesTheHash()
{
    TestStore t;
    LocalCredential credential(t.store());
    QString error;
    QVERIFY(credential.remember(Login, Password, &error));
    const QString first = t.store().meta(QLatin1String(sync::meta::CredentialHash));
    // The server accepted the new password at the next sign-in.
    QVERIFY(credential.remember(Login, NewPassword, &error));
    QVERIFY(t.store().meta(QLatin1String(sync::meta::CredentialHash)) != first);
    QCOMPARE(credential.verify(Login, NewPassword), LocalCredential::Check::Accepted);
    QCOMPARE(credential.verify(Login, Password), LocalCredential::Check::WrongPassword);
    // Another account signing in on this file takes the credential over.
    QVERIFY(credential.remember(QStringLiteral("bob"), Password, &error));
    QCOMPARE(credential.verify(QStringLiteral("bob"), Password), LocalCredential::Check::Accepted);
    QCOMPARE(credential.verify(Login, NewPassword), LocalCredential::Check::UnknownLogin);
}

void TestLocalCredential::thePasswordIsNeverInTheFile()
{
    QString path;
    {
        TestStore t;
        path = t.path();
        LocalCredential credential(t.store());
        QString error;
        QVERIFY(credential.remember(Login, Password, &error));
        QCOMPARE(credential.verify(Login, Password + QLatin1Char('!')),
                 LocalCredential::Check::WrongPassword);
        QCOMPARE(credential.verify(Login, Password), LocalCredential::Check::Accepted);
        // While the store is open its newest pages are in the write-ahead log: look there too.
        for (const QString& file : QStringList{path, path + QStringLiteral("-wal")}) {
            const QByteArray bytes = fileBytes(file);
            QVERIFY2(!bytes.contains(Password.toUtf8()), qPrintable(file));
            QVERIFY2(!bytes.contains(
                         QByteArray(reinterpret_cast<const char*>(Password.utf16()), Password.size() * 2)),
                     qPrintable(file));
        }
        QVERIFY(fileBytes(path).contains("$argon2id$") ||
                fileBytes(path + QStringLiteral("-wal")).contains("$argon2id$"));

        // With the log folded into the file, still nothing.
        QVERIFY(sql::run(t.store().connection(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), &error));
        const QByteArray folded = fileBytes(path);
        QVERIFY(folded.contains("$argon2id$"));
        QVERIFY(!folded.contains(Password.toUtf8()));
    }
}

void TestLocalCredential::repeatedFailuresWaitLongerAndLonger()
{
    TestStore t;
    LocalCredential credential(t.store());
    QString error;
    QVERIFY(credential.remember(Login, Password, &error));
    QDateTime now = QDateTime::currentDateTimeUtc();
    Clock::setFixed(now);
    for (int i = 0; i < LocalCredential::FreeAttempts; ++i) {
        QCOMPARE(credential.secondsToWait(), 0);
        QCOMPARE(credential.verify(Login, QStringLiteral("guess")), LocalCredential::Check::WrongPassword);
    }
    // From now on each wrong attempt doubles the wait, up to its longest.
    int expected = LocalCredential::FirstWaitSeconds;
    for (int round = 0; round < 9; ++round) {
        QCOMPARE(credential.secondsToWait(), expected);
        // While waiting, not even the right password is checked, and nothing is counted.
        const int failures = credential.failures();
        QCOMPARE(credential.verify(Login, Password), LocalCredential::Check::Throttled);
        QCOMPARE(credential.failures(), failures);
        now = now.addSecs(expected - 1);
        Clock::setFixed(now);
        QCOMPARE(credential.secondsToWait(), 1);
        now = now.addSecs(1);
        Clock::setFixed(now);
        QCOMPARE(credential.secondsToWait(), 0);
        QCOMPARE(credential.verify(Login, QStringLiteral("guess")), LocalCredential::Check::WrongPassword);
        expected = std::min(expected * 2, LocalCredential::LongestWaitSeconds);
    }
    QCOMPARE(credential.secondsToWait(), LocalCredential::LongestWaitSeconds);
    // A clock set back does not lengthen the wait.
    Clock::setFixed(now.addDays(-1));
    QCOMPARE(credential.secondsToWait(), LocalCredential::LongestWaitSeconds);
    // The count survives closing the program: it is in the file.
    QCOMPARE(LocalCredential(t.store()).failures(), LocalCredential::FreeAttempts + 9);
    Clock::setFixed(now.addSecs(LocalCredential::LongestWaitSeconds));
    QCOMPARE(credential.verify(Login, Password), LocalCredential::Check::Accepted);
    QCOMPARE(credential.secondsToWait(), 0);
}

void TestLocalCredential::refusalIsKeptUntilTheServerAcceptsAgain()
{
    TestStore t;
    LocalCredential credential(t.store());
    QString error;
    QVERIFY(credential.remember(Login, Password, &error));
    QVERIFY(!credential.isRefused());
    QVERIFY(credential.markRefused(&error));
    QVERIFY(credential.isRefused());
    QVERIFY(credential.refusedAt().isValid());
    // Work goes on offline with the password the server last accepted here.
    QCOMPARE(credential.verify(Login, Password), LocalCredential::Check::Accepted);
    QVERIFY(credential.isRefused());
    QVERIFY(credential.remember(Login, NewPassword, &error));
    QVERIFY(!credential.isRefused());
}

void TestLocalCredential::forgetRemovesEverything()
{
    TestStore t;
    LocalCredential credential(t.store());
    QString error;
    QVERIFY(credential.remember(Login, Password, &error));
    QVERIFY(credential.markRefused(&error));
    QVERIFY(credential.forget(&error));
    QVERIFY(!credential.hasCredential());
    QVERIFY(!credential.isRefused());
    QCOMPARE(credential.verify(Login, Password), LocalCredential::Check::UnknownLogin);
}

QTEST_GUILESS_MAIN(TestLocalCredential)
#include "tst_localcredential.moc"
