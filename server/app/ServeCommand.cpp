#include "ServeCommand.h"

#include "AdminCommands.h"
#include "ApiServer.h"
#include "ServerDatabase.h"
#include "ServerMigrator.h"
#include "SignalWatcher.h"

namespace ud::server {

ServeCommand::ServeCommand(ServeOptions options, QTextStream& out, QTextStream& err)
    : m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{
}

int ServeCommand::fail(const QString& message)
{
    m_err << tr("error: %1").arg(message.simplified()) << Qt::endl;
    return Exit::Failed;
}

bool ServeCommand::parseListen(const QString& text, QHostAddress* address, quint16* port, QString* error)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0) {
        *error = tr("--listen needs HOST:PORT, not \"%1\".").arg(text);
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535) {
        *error = tr("--listen needs a port from 0 to 65535, not \"%1\".").arg(text.mid(colon + 1));
        return false;
    }
    if (host == QLatin1String("localhost"))
        *address = QHostAddress(QHostAddress::LocalHost);
    else
        *address = QHostAddress(host);
    if (address->isNull()) {
        *error = tr("--listen needs an IP address or localhost as HOST, not \"%1\".").arg(host);
        return false;
    }
    *port = static_cast<quint16>(number);
    return true;
}

bool ServeCommand::parseThreads(const QString& text, int* threads, QString* error)
{
    bool ok = false;
    const int number = text.toInt(&ok);
    if (!ok || number < 1 || number > MaxThreads) {
        *error = tr("--threads needs a whole number from 1 to %1, not \"%2\".").arg(MaxThreads).arg(text);
        return false;
    }
    *threads = number;
    return true;
}

int ServeCommand::run()
{
    QHostAddress address(QHostAddress::LocalHost);
    quint16 port = DefaultPort;
    QString error;
    if (!m_options.listen.isEmpty() && !parseListen(m_options.listen, &address, &port, &error)) {
        fail(error);
        return Exit::Usage;
    }
    if (m_options.tlsCertificate.isEmpty() != m_options.tlsKey.isEmpty()) {
        fail(tr("--tls-cert and --tls-key go together."));
        return Exit::Usage;
    }
    ApiServerOptions serverOptions;
    if (!m_options.threads.isEmpty() && !parseThreads(m_options.threads, &serverOptions.threads, &error)) {
        fail(error);
        return Exit::Usage;
    }

    {
        // The workers open connections of their own; this one only migrates (and proves the
        // database can be reached before the server says it is listening).
        const std::unique_ptr<ServerDatabase> database = ServerDatabase::open(m_options.databaseUrl, &error);
        if (!database)
            return fail(error);
        ServerMigrator migrator(*database);
        if (!migrator.migrate(&error))
            return fail(tr("Cannot bring the database up to date: %1").arg(error));
    }

    ApiServer server(m_options.databaseUrl, serverOptions);
    if (!m_options.tlsCertificate.isEmpty() &&
        !server.useTls(m_options.tlsCertificate, m_options.tlsKey, &error))
        return fail(error);
    const quint16 bound = server.listen(address, port, &error);
    if (bound == 0)
        return fail(tr("Cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(error));

    const SignalWatcher signalWatcher;
    QString host = address.toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    // Not translated: scripts and tests read this line.
    m_out << QStringLiteral("listening on %1://%2:%3")
                 .arg(server.isTls() ? QStringLiteral("https") : QStringLiteral("http"), host)
                 .arg(bound)
          << Qt::endl;
    QCoreApplication::exec();
    return Exit::Ok;
}

} // namespace ud::server
