#include "CliContext.h"

#include "organisations/OrganisationRepository.h"

#include <QCommandLineParser>

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

int CliContext::usageError(const QString& message)
{
    fail(message);
    return Exit::Usage;
}

bool CliContext::parse(QCommandLineParser& parser, const QStringList& arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (parser.parse(arguments))
        return true;
    m_err << tr("error: %1").arg(parser.errorText()) << Qt::endl;
    return false;
}

QString CliContext::actor() const
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("cli") : QStringLiteral("cli:") + user;
}

} // namespace ud::cli
