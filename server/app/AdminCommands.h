#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace ud::server {

// Exit codes, as in uniondesk-cli.
enum Exit
{
    Ok = 0,
    Failed = 1, // bad input or a store problem
    Usage = 2,  // the command line itself was wrong
};

// `uniondesk-server --database URL admin …`: opens and migrates the store, runs one administration
// command and prints one line (errors as "error: …" on stderr).
class AdminCommands
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::AdminCommands)

public:
    AdminCommands(QString databaseUrl, QTextStream& out, QTextStream& err);

    // `arguments` starts with the subcommand (init, add-org …).
    int run(const QStringList& arguments);
    static QString usage();

private:
    int fail(const QString& message);
    int usageError(const QString& message);
    QString actor() const;

    QString m_databaseUrl;
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace ud::server
