#include "AdminCommands.h"
#include "ServeCommand.h"
#include "ServerDatabase.h"
#include "util/AppSettings.h"
#include "util/Language.h"

#include <QCoreApplication>
#include <QTextStream>

#include <utility>

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

    // Options come before the command (and, for serve, may follow it):
    // uniondesk-server --database URL [--listen HOST:PORT] [--tls-cert F --tls-key F] [--threads N]
    //                  [serve | admin …]
    const QStringList arguments = QCoreApplication::arguments();
    ServeOptions options;
    options.databaseUrl = ServerDatabase::defaultUrl();
    bool serveCommandSeen = false;
    int i = 1;
    for (; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        bool matched = false;
        for (const auto& [name, target] : {std::pair{QStringLiteral("--database"), &options.databaseUrl},
                                           std::pair{QStringLiteral("--listen"), &options.listen},
                                           std::pair{QStringLiteral("--tls-cert"), &options.tlsCertificate},
                                           std::pair{QStringLiteral("--tls-key"), &options.tlsKey},
                                           std::pair{QStringLiteral("--threads"), &options.threads}}) {
            if (a == name) {
                if (i + 1 >= arguments.size()) {
                    err << AdminCommands::tr("error: %1 needs a value.").arg(name) << Qt::endl;
                    return Exit::Usage;
                }
                *target = arguments.at(++i);
                matched = true;
            } else if (a.startsWith(name + QLatin1Char('='))) {
                *target = a.mid(name.size() + 1);
                matched = true;
            }
        }
        if (matched)
            continue;
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << AdminCommands::usage() << Qt::flush;
            return Exit::Ok;
        } else if (a == QLatin1String("--version")) {
            out << QStringLiteral("uniondesk-server %1").arg(QStringLiteral(UNIONDESK_VERSION)) << Qt::endl;
            return Exit::Ok;
        } else if (a == QLatin1String("serve") && !serveCommandSeen) {
            serveCommandSeen = true;
        } else {
            break;
        }
    }
    if (i >= arguments.size())
        return ServeCommand(options, out, err).run();
    if (serveCommandSeen || arguments.at(i) != QLatin1String("admin")) {
        err << AdminCommands::tr("error: unknown command \"%1\"; see --help.").arg(arguments.at(i))
            << Qt::endl;
        return Exit::Usage;
    }
    AdminCommands admin(options.databaseUrl, out, err);
    return admin.run(arguments.mid(i + 1));
}
