#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QTextStream>

namespace ud::server {

// The server's default address: loopback only, so that a server started by hand is not open to
// the network until --listen says so (in production behind a reverse proxy or with --tls-*).
constexpr quint16 DefaultPort = 8470;

struct ServeOptions
{
    QString databaseUrl;
    QString listen; // HOST:PORT; empty for 127.0.0.1:DefaultPort
    QString tlsCertificate;
    QString tlsKey;
    QString threads; // requests answered at once; empty for ApiServer::defaultThreads()
};

// `uniondesk-server [serve]`: migrates the store, listens, prints "listening on URL" (one line on
// stdout, for scripts that pick the port with PORT 0) and serves until SIGTERM or SIGINT, answering
// up to --threads requests at once.
class ServeCommand
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::ServeCommand)

public:
    ServeCommand(ServeOptions options, QTextStream& out, QTextStream& err);

    int run();

    // HOST:PORT, [IPv6]:PORT or localhost:PORT; false with a reason otherwise.
    static bool parseListen(const QString& text, QHostAddress* address, quint16* port, QString* error);
    // 1 to MaxThreads; false with a reason otherwise.
    static bool parseThreads(const QString& text, int* threads, QString* error);

    static constexpr int MaxThreads = 256;

private:
    int fail(const QString& message);

    ServeOptions m_options;
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace ud::server
