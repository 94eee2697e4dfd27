#include "CliContext.h"

#include "io/OrganisationColumn.h"
#include "io/TextDecoder.h"
#include "organisations/OrganisationRepository.h"

#include <QCommandLineParser>
#include <QFile>

namespace ud::cli {

CliContext::CliContext(QString databasePath, QTextStream& out, QTextStream& err)
    : m_databasePath(std::move(databasePath))
    , m_out(out)
    , m_err(err)
{
}

Database* CliContext::store(bool create)
{
    if (m_store)
        return m_store.get();
    QString error;
    m_store = Database::open(
        m_databasePath, create ? Database::OpenMode::CreateIfMissing : Database::OpenMode::MustExist, &error);
    if (!m_store)
        fail(error);
    return m_store.get();
}

Scope CliContext::rootScope()
{
    Database* db = store();
    if (!db)
        return {};
    const Scope scope = OrganisationRepository::rootScope(*db);
    if (!scope.isValid())
        fail(tr("The data file has no root organisation yet; run \"init --org-name NAME\" first."));
    return scope;
}

int CliContext::fail(const QString& message)
{
    QString oneLine = message.simplified();
    m_err << tr("error: %1").arg(oneLine) << Qt::endl;
    return Exit::Failed;
}

bool CliContext::readPasswordFile(const QString& path, QString* password, QString* error)
{
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *error = tr("Cannot read the password file %1: %2").arg(path, file.errorString());
        return false;
    }
    // Notepad saves UTF-8 with a byte order mark, "ANSI" (GBK on a Chinese Windows) or "Unicode"
    // (UTF-16): read as a CSV is, by what the bytes are.
    const QString text = TextDecoder::decode(file.read(64 * 1024));
    *password = text.section(QLatin1Char('\n'), 0, 0);
    while (password->endsWith(QLatin1Char('\r')))
        password->chop(1);
    if (password->isEmpty()) {
        *error = tr("The password file %1 is empty: its first line is the password.").arg(path);
        return false;
    }
    return true;
}

int CliContext::usageError(const QString& message)
{
    fail(message);
    return Exit::Usage;
}

bool CliContext::parse(QCommandLineParser& parser, const QStringList& arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Shows what this command takes."));
    parser.addOption(help);
    m_helpShown = false;
    if (parser.parse(arguments)) {
        if (!parser.isSet(help))
            return true;
        m_out << parser.helpText();
        m_out.flush();
        m_helpShown = true;
        return false;
    }
    m_err << tr("error: %1 (--help lists what the command takes)").arg(parser.errorText()) << Qt::endl;
    return false;
}

int CliContext::parseExit() const
{
    return m_helpShown ? Exit::Ok : Exit::Usage;
}

QString CliContext::actor() const
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("cli") : QStringLiteral("cli:") + user;
}

std::optional<Organisation> CliContext::resolveOrganisation(const Scope& scope, const QString& text,
                                                            QString* error)
{
    const OrganisationRepository organisations(*store(), scope);
    if (auto org = organisations.resolve(text, error))
        return org;
    const OrganisationColumn::Match match =
        OrganisationColumn(store()->connection(), scope.organisationId()).resolve(text);
    if (match.outcome != OrganisationColumn::Outcome::Found)
        return std::nullopt;
    if (error)
        error->clear();
    return organisations.find(match.organisationId);
}

} // namespace ud::cli
