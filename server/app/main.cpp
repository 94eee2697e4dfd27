#include "AdminCommands.h"
#include "ServerDatabase.h"
#include "util/AppSettings.h"
#include "util/Language.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace ud::server;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("uniondesk-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UNIONDESK_VERSION));
    // The same rule as the client's: Chinese unless the system (or the setting) says English.
    ud::Language::install(app, ud::Language::resolve(ud::AppSettings::instance().language()));

    QTextStream out(stdout);
    QTextStream err(stderr);

    // Global options come before the command: uniondesk-server --database URL admin …
    const QStringList arguments = QCoreApplication::arguments();
    QString databaseUrl = ServerDatabase::defaultUrl();
    int i = 1;
    for (; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == QLatin1String("--database")) {
            if (i + 1 >= arguments.size()) {
                err << AdminCommands::tr("error: --database needs a URL.") << Qt::endl;
                return Exit::Usage;
            }
            databaseUrl = arguments.at(++i);
        } else if (a.startsWith(QLatin1String("--database="))) {
            databaseUrl = a.mid(11);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << AdminCommands::usage() << Qt::flush;
            return Exit::Ok;
        } else if (a == QLatin1String("--version")) {
            out << QStringLiteral("uniondesk-server %1").arg(QStringLiteral(UNIONDESK_VERSION)) << Qt::endl;
            return Exit::Ok;
        } else {
            break;
        }
    }
    if (i >= arguments.size()) {
        err << AdminCommands::tr("error: no command given; see --help.") << Qt::endl;
        return Exit::Usage;
    }
    if (arguments.at(i) != QLatin1String("admin")) {
        err << AdminCommands::tr("error: unknown command \"%1\"; see --help.").arg(arguments.at(i))
            << Qt::endl;
        return Exit::Usage;
    }
    AdminCommands admin(databaseUrl, out, err);
    return admin.run(arguments.mid(i + 1));
}
