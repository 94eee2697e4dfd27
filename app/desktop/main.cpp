// uniondesk [--db FILE]: the desktop program. Opens the clerk's data file (creating it on first
// use, with the clerk's own union as its root organisation) and shows the main window.

#include "common/Actor.h"
#include "common/Ask.h"
#include "common/StoreUpgrade.h"
#include "mainwindow/MainWindow.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/RootOrganisationDialog.h"
#include "store/Database.h"
#include "util/AppSettings.h"
#include "util/Language.h"
#include "util/LogCategories.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>

#include <cstdio>

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

    if (!OrganisationRepository::rootScope(*store).isValid()) {
        QString name = Desktop::tr("My trade union");
        QString level = QStringLiteral("base");
        if (interactive()) {
            RootOrganisationDialog dialog;
            if (dialog.exec() != QDialog::Accepted)
                return 0;
            name = dialog.name();
            level = dialog.level();
        }
        if (!OrganisationRepository::createRoot(*store, name, level, currentActor(), &error))
            return fail(Desktop::tr("The data file cannot be set up.\n\n%1").arg(error));
        qCInfo(lcUi) << "created the root organisation" << name << "in" << store->path();
    }
    AppSettings::instance().setValue(AppSettings::Key::LastStore, store->path());

    MainWindow window(*store);
    window.show();
    return QApplication::exec();
}
