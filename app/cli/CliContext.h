#pragma once

#include "organisations/Organisation.h"
#include "store/Database.h"
#include "store/Scope.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace ud::cli {

// Exit codes shared by every command.
enum Exit
{
    Ok = 0,
    Failed = 1, // the command ran into bad input or a store problem
    Usage = 2,  // the command line itself was wrong
};

// What every command needs: the --db path, the output streams and, on demand, the opened store and
// the scope of its root organisation (this is the administrator's tool: it works on the whole store).
class CliContext
{
    Q_DECLARE_TR_FUNCTIONS(ud::cli::CliContext)

public:
    CliContext(QString databasePath, QTextStream& out, QTextStream& err);

    QString databasePath() const { return m_databasePath; }
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    // Opens the store (creating the file only when `create`); prints the reason and returns null
    // on failure.
    Database* store(bool create = false);
    // The root organisation's scope; prints a hint to run `init` and returns an invalid scope if
    // the store has none.
    Scope rootScope();
    // --org: an id, an exact name, or a name with its parents as the roster's 所在工会 column writes
    // it (和平街道工会/机关工会) where several bear the name; on failure *error says why.
    std::optional<Organisation> resolveOrganisation(const Scope& scope, const QString& text, QString* error);

    // Prints "error: …" on one line and returns Exit::Failed.
    int fail(const QString& message);
    // The same for a wrong command line (a required option missing, a value of the wrong form):
    // prints "error: …" on one line and returns Exit::Usage.
    int usageError(const QString& message);
    // Parses a command's arguments; prints the parser's error and returns false on a bad line. With
    // --help (-h) it prints the command's options instead and returns false too: parseExit() then
    // says how the command ends (Ok after help, Usage after an error).
    bool parse(QCommandLineParser& parser, const QStringList& arguments);
    int parseExit() const;
    // The first line of a password file (FILE of --password-file; "-" for stdin): a password is never
    // an argument, which anyone on the computer could read. False with the reason in *error when the
    // file cannot be read or its first line is empty.
    bool readPasswordFile(const QString& path, QString* password, QString* error);
    // The actor recorded in history for edits made here.
    QString actor() const;

private:
    QString m_databasePath;
    QTextStream& m_out;
    QTextStream& m_err;
    std::unique_ptr<Database> m_store;
    bool m_helpShown = false;
};

} // namespace ud::cli
