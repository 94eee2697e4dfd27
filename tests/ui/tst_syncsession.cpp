// The background sync's session (SyncController) around signing in and joining: a password the
// server refuses stops the retries and says so, a data file begun offline that joins its
// organisation tells the window to build itself again, and the session carries over to the new
// window's controller. The server is a few lines of scripted HTTP on loopback.

#include "TestStore.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/RootOrganisationDialog.h"
#include "store/Outbox.h"
#include "sync/FirstSyncDialog.h"
#include "sync/LocalCredential.h"
#include "sync/SyncController.h"
#include "sync/SyncMeta.h"
#include "sync/SyncStatusButton.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace ud;
using ud::test::TestStore;

namespace {

struct Reply
{
    int status = 200;
    QJsonObject body;
};

// Answers each request with what the script says; counts the sign-ins.
class ScriptedServer : public QObject
{
public:
    explicit ScriptedServer(
        std::function<Reply(const QByteArray& method, const QByteArray& path, const QJsonObject& body)>
            script)
        : m_script(std::move(script))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { read(socket); });
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    int logins = 0;

private:
    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        qsizetype length = 0;
        for (const QByteArray& line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QJsonObject body = QJsonDocument::fromJson(buffer.mid(end + 4, length)).object();
        buffer.remove(0, end + 4 + length);
        const QByteArray path = first.value(1);
        if (path.startsWith("/api/v1/session") && first.value(0) == "POST")
            ++logins;
        const Reply reply = m_script(first.value(0), path, body);
        const QByteArray data = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
        socket->write("HTTP/1.1 " + QByteArray::number(reply.status) +
                      " X\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(data.size()) + "\r\n\r\n" + data);
    }

    std::function<Reply(const QByteArray&, const QByteArray&, const QJsonObject&)> m_script;
    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A server whose account works for `organisation` (path `path`): every pushed operation applied,
// nothing to pull.
Reply accepting(const QByteArray& method, const QByteArray& path, const QJsonObject& body,
                const QString& organisation, const QString& organisationPath)
{
    if (path.startsWith("/api/v1/session"))
        return method == "POST"
                   ? Reply{200,
                           {{QStringLiteral("token"), QStringLiteral("T")},
                            {QStringLiteral("expiresAt"), QStringLiteral("2030-01-01T00:00:00Z")},
                            {QStringLiteral("account"),
                             QJsonObject{{QStringLiteral("login"), QStringLiteral("alice")},
                                         {QStringLiteral("organisationId"), organisation},
                                         {QStringLiteral("organisationPath"), organisationPath},
                                         {QStringLiteral("role"), QStringLiteral("clerk")}}}}}
                   : Reply{204, {}};
    if (path.startsWith("/api/v1/sync/push")) {
        QJsonArray results;
        for (const QJsonValue& op : body.value(QStringLiteral("operations")).toArray())
            results.append(QJsonObject{{QStringLiteral("opId"), op.toObject().value(QStringLiteral("opId"))},
                                       {QStringLiteral("status"), QStringLiteral("applied")},
                                       {QStringLiteral("version"), 5}});
        return Reply{200, {{QStringLiteral("results"), results}}};
    }
    return Reply{200,
                 {{QStringLiteral("changes"), QJsonArray()},
                  {QStringLiteral("cursor"), 5},
                  {QStringLiteral("more"), false}}};
}

// The account's organisation as the first pull brings it.
QJsonObject organisationChange(const QString& id, const QString& path, const QString& name)
{
    return QJsonObject{{QStringLiteral("entity"), QStringLiteral("organisation")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("version"), 3},
                       {QStringLiteral("deleted"), false},
                       {QStringLiteral("fields"),
                        QJsonObject{{QStringLiteral("parent"), path.section(QLatin1Char('/'), -3, -3)},
                                    {QStringLiteral("path"), path},
                                    {QStringLiteral("level"), QStringLiteral("district")},
                                    {QStringLiteral("name"), name}}}};
}

} // namespace

class TestSyncSession : public QObject
{
    Q_OBJECT

private slots:
    void refusedPasswordStopsTheRetries();
    void joiningAsksForANewWindowAndTheSessionCarriesOver();
    void firstRunCanConnectToAServerInstead();
    void firstSyncReceivesTheOrganisation();
    void firstSyncShowsWhyNot();
};

void TestSyncSession::refusedPasswordStopsTheRetries()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    ScriptedServer server([](const QByteArray&, const QByteArray&, const QJsonObject&) {
        return Reply{401, {{QStringLiteral("error"), QStringLiteral("Wrong login or password.")}}};
    });
    QString error;
    // The password the server took last time still opens the file offline.
    QVERIFY(
        sync::LocalCredential(t.store()).remember(QStringLiteral("alice"), QStringLiteral("old"), &error));
    SyncController controller(t.store());
    controller.setDelays(50, 50);
    SyncStatusButton status(controller);
    QSignalSpy finished(&controller, &SyncController::finished);
    controller.connectTo(server.url(), QStringLiteral("alice"), QStringLiteral("old"));
    QVERIFY(finished.wait(20'000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(controller.state(), SyncController::State::Failed);
    QVERIFY(controller.signInRefused());
    QVERIFY(!controller.hasCredentials());
    QVERIFY(!controller.retryAt().isValid());
    QVERIFY2(controller.lastError().contains(QLatin1String("refused")), qPrintable(controller.lastError()));
    QVERIFY2(status.text().contains(QLatin1String("refused the password")), qPrintable(status.text()));
    QVERIFY(sync::LocalCredential(t.store()).isRefused());
    QCOMPARE(sync::LocalCredential(t.store()).verify(QStringLiteral("alice"), QStringLiteral("old")),
             sync::LocalCredential::Check::Accepted);

    // No second try on its own, and none after a local edit: each would count towards a lock.
    controller.localChangeMade();
    QTest::qWait(400);
    QCOMPARE(server.logins, 1);
    QCOMPARE(finished.size(), 1);
}

void TestSyncSession::joiningAsksForANewWindowAndTheSessionCarriesOver()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    QVERIFY(!t.addMembers(t.root().id, 3).isEmpty());
    const QString district = newId();
    const QString districtPath = newId() + QLatin1Char('/') + district + QLatin1Char('/');
    ScriptedServer server([&](const QByteArray& method, const QByteArray& path, const QJsonObject& body) {
        return accepting(method, path, body, district, districtPath);
    });
    auto first = std::make_unique<SyncController>(t.store());
    QSignalSpy changed(first.get(), &SyncController::rootOrganisationChanged);
    QSignalSpy finished(first.get(), &SyncController::finished);
    first->connectTo(server.url(), QStringLiteral("alice"), QStringLiteral("pw"));
    QVERIFY(changed.wait(20'000));
    QCOMPARE(t.store().meta(QString::fromLatin1(ud::meta::RootOrganisation)), district);
    if (finished.isEmpty())
        QVERIFY(finished.wait(20'000));
    QCOMPARE(changed.size(), 1); // once, though the run went on to its end
    QCOMPARE(Outbox(t.store().connection()).pendingCount(), 0);

    // The window built again takes the session over: the next run signs in with the same password.
    SyncController second(t.store());
    QSignalSpy secondFinished(&second, &SyncController::finished);
    const int logins = server.logins;
    second.continueSession(*first);
    QVERIFY(second.hasCredentials());
    QVERIFY(!first->hasCredentials());
    QVERIFY(secondFinished.wait(20'000));
    QCOMPARE(secondFinished.first().at(0).toBool(), true);
    QCOMPARE(server.logins, logins + 1);
    first.reset();
    QCOMPARE(second.state(), SyncController::State::Idle);
}

void TestSyncSession::firstRunCanConnectToAServerInstead()
{
    RootOrganisationDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.connectButton()->isEnabled()); // no name needed for that
    QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), RootOrganisationDialog::ConnectToServer);
    QVERIFY(!dialog.isVisible());
}

void TestSyncSession::firstSyncReceivesTheOrganisation()
{
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<Database> store = Database::open(dir.filePath(QStringLiteral("new.sqlite")),
                                                     Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(store, qPrintable(error));
    const QString district = newId();
    const QString districtPath = newId() + QLatin1Char('/') + district + QLatin1Char('/');
    ScriptedServer server([&](const QByteArray& method, const QByteArray& path, const QJsonObject& body) {
        if (path.startsWith("/api/v1/sync/pull"))
            return Reply{
                200,
                {{QStringLiteral("changes"),
                  QJsonArray{organisationChange(district, districtPath, QStringLiteral("甲区总工会"))}},
                 {QStringLiteral("cursor"), 3},
                 {QStringLiteral("more"), false}}};
        return accepting(method, path, body, district, districtPath);
    });
    FirstSyncDialog dialog(*store, server.url(), QStringLiteral("alice"), QStringLiteral("pw"));
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20'000);
    const Scope root = OrganisationRepository::rootScope(*store);
    QVERIFY(root.isValid());
    QCOMPARE(root.organisationId(), district);
    QCOMPARE(root.path(), districtPath);
    QCOMPARE(store->meta(QString::fromLatin1(sync::meta::ServerUrl)), server.url());
}

void TestSyncSession::firstSyncShowsWhyNot()
{
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<Database> store = Database::open(dir.filePath(QStringLiteral("new.sqlite")),
                                                     Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(store, qPrintable(error));
    ScriptedServer server([](const QByteArray&, const QByteArray&, const QJsonObject&) {
        return Reply{401, {{QStringLiteral("error"), QStringLiteral("Wrong login or password.")}}};
    });
    FirstSyncDialog dialog(*store, server.url(), QStringLiteral("alice"), QStringLiteral("wrong"));
    QSignalSpy finished(dialog.controller(), &SyncController::finished);
    dialog.show();
    QVERIFY(finished.wait(20'000));
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.problemLabel()->isVisible());
    QVERIFY2(dialog.problemLabel()->text().contains(QLatin1String("refused")),
             qPrintable(dialog.problemLabel()->text()));
    // A refused password is typed again, not sent again.
    QVERIFY(dialog.retryButton()->isHidden());
    QVERIFY(!OrganisationRepository::rootScope(*store).isValid());
    QVERIFY(store->meta(QString::fromLatin1(ud::meta::RootOrganisation)).isEmpty());
}

QTEST_MAIN(TestSyncSession)
#include "tst_syncsession.moc"
