// uniondesk [--db FILE]: the desktop program. Opens the clerk's data file (creating it on first
// use, with the clerk's own union as its root organisation) and shows the main window. A data file
// linked to a server asks for the account's password first (checked on this computer, so it works
// offline) and then syncs in the background for the session.

#include "common/Actor.h"
#include "common/Ask.h"
#include "common/MessageBar.h"
#include "common/StoreUpgrade.h"
#include "mainwindow/MainWindow.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/RootOrganisationDialog.h"
#include "store/Database.h"
#include "sync/FirstSyncDialog.h"
#include "sync/ServerSignInDialog.h"
#include "sync/StartupSignInDialog.h"
#include "sync/SyncController.h"
#include "sync/SyncMeta.h"
#include "util/AppSettings.h"
#include "util/Language.h"
#include "util/LogCategories.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

using namespace ud;

namespace {

// The translation context of this file's messages.
struct Desktop
{
    Q_DECLARE_TR_FUNCTIONS(Desktop)
};

// Offscreen (CI smoke tests, screenshots) has nobody to answer a dialog.
bool interactive()
{
    const QString platform = QGuiApplication::platformName();
    return platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}

int fail(const QString& message)
{
    std::fprintf(stderr, "uniondesk: %s\n", qPrintable(message));
    if (interactive())
        Ask::error(nullptr, Desktop::tr("UnionDesk cannot start"), message);
    return 1;
}

// The account a session signed in with, for its background sync.
struct Session
{
    QString serverUrl;
    QString login;
    QString password;
};

// A data file without its organisation: the clerk names her union (it becomes the root), or
// connects to the server and receives her account's organisation. False when she quit, or with
// *error when the file could not be set up.
bool setUpNewStore(Database& store, Session* session, QString* error)
{
    QString name = Desktop::tr("My trade union");
    QString level = QStringLiteral("base");
    QString serverUrl = store.meta(QString::fromLatin1(sync::meta::ServerUrl));
    QString login = store.meta(QString::fromLatin1(sync::meta::AccountLogin));
    bool toServer = false;
    while (interactive()) {
        // A first sync that stopped before the organisation arrived has bound the file to its
        // account already: it can only carry on.
        const bool begunFromServer = !store.meta(QString::fromLatin1(ud::meta::RootOrganisation)).isEmpty();
        if (!begunFromServer && !toServer) {
            RootOrganisationDialog dialog;
            const int choice = dialog.exec();
            if (choice == QDialog::Accepted) {
                name = dialog.name();
                level = dialog.level();
                break;
            }
            if (choice != RootOrganisationDialog::ConnectToServer)
                return false;
        }
        ServerSignInDialog signIn(serverUrl, login);
        if (signIn.exec() != QDialog::Accepted) {
            if (begunFromServer)
                return false;
            toServer = false;
            continue;
        }
        serverUrl = signIn.serverUrl();
        login = signIn.login();
        FirstSyncDialog first(store, serverUrl, login, signIn.password());
        if (first.exec() == QDialog::Accepted) {
            *session = Session{serverUrl, login, signIn.password()};
            qCInfo(lcUi) << "received the organisation of" << login << "in" << store.path();
            return true;
        }
        toServer = true; // a wrong password or no network: the clerk tries again or goes back
    }
    if (!OrganisationRepository::createRoot(store, name, level, currentActor(), error))
        return false;
    qCInfo(lcUi) << "created the root organisation" << name << "in" << store.path();
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("UnionDesk"));
    QApplication::setApplicationName(QStringLiteral("UnionDesk"));
    QApplication::setApplicationVersion(QStringLiteral(UNIONDESK_VERSION));
    Language::install(app, Language::resolve(AppSettings::instance().language()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Desktop::tr("工会桌面通 UnionDesk: the trade union's organisations and members."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringList{QStringLiteral("db")},
        Desktop::tr("Open the data file FILE (it must exist) instead of your own (%1).")
            .arg(QDir::toNativeSeparators(Database::defaultPath())),
        Desktop::tr("FILE"));
    parser.addOption(dbOption);
    parser.process(app);

    // Your own data file is made on first use; a file named on the command line must exist, so that
    // a typing mistake does not quietly start an empty roster.
    const bool explicitPath = parser.isSet(dbOption);
    const QString path = explicitPath ? parser.value(dbOption) : Database::defaultPath();
    QString error;
    if (!StoreUpgrade::runIfNeeded(path, nullptr, &error))
        return fail(Desktop::tr("The data file cannot be opened.\n\n%1").arg(error));
    std::unique_ptr<Database> store = Database::open(
        path, explicitPath ? Database::OpenMode::MustExist : Database::OpenMode::CreateIfMissing, &error);
    if (!store)
        return fail(Desktop::tr("The data file cannot be opened.\n\n%1").arg(error));

    Session session;
    if (!OrganisationRepository::rootScope(*store).isValid() && !setUpNewStore(*store, &session, &error))
        return error.isEmpty() ? 0 : fail(Desktop::tr("The data file cannot be set up.\n\n%1").arg(error));
    AppSettings::instance().setValue(AppSettings::Key::LastStore, store->path());

    // A data file that syncs opens only for its account; the password then serves the session's sync.
    if (session.password.isEmpty() && interactive() &&
        !store->meta(QString::fromLatin1(sync::meta::ServerUrl)).isEmpty() &&
        !store->meta(QString::fromLatin1(sync::meta::AccountLogin)).isEmpty()) {
        StartupSignInDialog signIn(*store);
        if (signIn.exec() != QDialog::Accepted)
            return 0;
        session = Session{signIn.serverUrl(), signIn.login(), signIn.password()};
    }

    std::unique_ptr<MainWindow> window;
    std::function<void()> rebuild;
    const auto watch = [&rebuild](MainWindow* w) {
        QObject::connect(w->syncController(), &SyncController::rootOrganisationChanged, w, [&rebuild]() {
            // Later, not inside the controller's own signal: the rebuild deletes the controller.
            QTimer::singleShot(0, qApp, [&rebuild]() { rebuild(); });
        });
    };
    // A data file begun here joined its organisation on the server: the root organisation has a new
    // id and path, which every view of the window was built with, so the window is built again and
    // its sync carries on with the same session.
    rebuild = [&]() {
        // A dialog the clerk is filling in belongs to the old window: wait until it is closed.
        if (QApplication::activeModalWidget()) {
            QTimer::singleShot(1000, qApp, [&rebuild]() { rebuild(); });
            return;
        }
        QGuiApplication::setQuitOnLastWindowClosed(false);
        std::unique_ptr<MainWindow> previous = std::move(window);
        previous->close(); // keeps its layout for the new one
        window = std::make_unique<MainWindow>(*store);
        watch(window.get());
        window->syncController()->continueSession(*previous->syncController());
        previous.reset();
        window->show();
        QGuiApplication::setQuitOnLastWindowClosed(true);
        window->messageBar()->showMessage(
            Desktop::tr("This data file has joined its organisation on the server, which now holds it too. "
                        "Its records are being sent; members the server already has elsewhere come back as "
                        "sync conflicts for you to look at."),
            MessageBar::Kind::Information);
    };

    window = std::make_unique<MainWindow>(*store);
    watch(window.get());
    window->show();
    if (!session.password.isEmpty())
        window->syncController()->connectTo(session.serverUrl, session.login, session.password);
    session = Session();
    const int result = QApplication::exec();
    window.reset();
    return result;
}
